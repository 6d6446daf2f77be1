"""Cross-issue rules (GZ9xx), run with `gazette check NEW --against DB`: the new issue read against the clause
database of the issues and documents already published (extract/db/).

They need the database and find nothing without it. What they compare comes from the database (the
series' previous issue, the stored documents, their status on a date: extract/db/prior.py, states.py) and
from the new issue's model (its issue numbers, each document's 文号 and title, the citations and the
relations the recognisers found); they never search the text.
"""
from __future__ import annotations

from .registry import ERROR, WARNING, rule

FAMILY = "history"


def _db(ctx):
    """(connection, series' previous issue) for this run, opened once; None without --against."""
    if not ctx.options.against:
        return None
    key = (FAMILY, "db")
    if key not in ctx.cache:
        from ..db.prior import previous_issue
        from ..db.store import open_read

        conn = open_read(ctx.options.against)
        issue = None
        if ctx.issue is not None:
            issue = {"title": ctx.issue.title, "year": ctx.issue.year, "number": ctx.issue.number}
        ctx.cache[key] = (conn, previous_issue(conn, issue, ctx.text.sha256))
    return ctx.cache[key]


def _statuses(ctx, on: str):
    key = (FAMILY, "status", on)
    if key not in ctx.cache:
        from ..db.states import statuses

        ctx.cache[key] = statuses(_db(ctx)[0], on)
    return ctx.cache[key]


def _label(ctx) -> str:
    return f"{ctx.issue.year}年第{ctx.issue.number}号" + (
        f"（总第{ctx.issue.total_number}号）" if ctx.issue.total_number is not None else "")


@rule("GZ901", "issue-number-sequence", FAMILY, WARNING,
      "the issue's 第N号 or 总第N号 does not follow the previous issue of its series in the database",
      what="The new issue's number (第N号, counted within its year) and total number (总第N号, counted since the "
           "first issue) do not continue the latest earlier issue of the same gazette in the database: the next "
           "issue of 2023年第2号（总第203号） is 2023年第3号（总第204号）, and the first issue of a new year is 第1号.",
      why="A skipped or repeated number makes readers and libraries look for an issue that does not exist, and "
          "citations by issue number go wrong. (A gap can also mean the database lacks an issue: load it.)",
      example="previous issue in the database: 2023年第2号（总第203号）; this issue: 2023年第4号（总第206号）",
      instead="2023年第3号（总第204号）", needs="database")
def issue_number_sequence(ctx):
    found = _db(ctx)
    if found is None or ctx.issue is None or found[1] is None:
        return
    prev = found[1]
    issue = ctx.issue
    if issue.number is not None and prev["number"] is not None:
        expected = prev["number"] + 1 if issue.year == prev["year"] else 1
        if issue.number != expected:
            yield ctx.finding("GZ901", f"issue {_label(ctx)} does not follow {prev['year']}年第{prev['number']}号 "
                                       f"in the database ({prev['path']}): expected 第{expected}号", issue.start)
    if issue.total_number is not None and prev["total_number"] is not None:
        expected = prev["total_number"] + 1
        if issue.total_number != expected:
            yield ctx.finding("GZ901", f"总第{issue.total_number}号 does not follow 总第{prev['total_number']}号 "
                                       f"of {prev['year']}年第{prev['number']}号 in the database: expected "
                                       f"总第{expected}号", issue.start)


@rule("GZ902", "doc-number-reused", FAMILY, ERROR,
      "a 文号 the database already has on a different document",
      what="A document of the new issue carries a 文号 that a stored document with another title already has.",
      why="A 文号 identifies one document for good: reusing it is a numbering error, and every citation of the "
          "number becomes ambiguous.",
      example="三政办〔2022〕20号 on 关于延长…有效期的通知, while 三政办〔2022〕20号 is 关于印发…门诊共济保障机制实施细则的通知",
      instead="the next free number of the year, e.g. 三政办〔2023〕10号", needs="database")
def doc_number_reused(ctx):
    found = _db(ctx)
    if found is None:
        return
    from ..db.identity import same_title
    from ..lexicon.docnumber import normalize_doc_number

    conn = found[0]
    stored = {}
    for pk, number, title, key in conn.execute("SELECT pk, doc_number, title, key FROM documents "
                                               "WHERE doc_number IS NOT NULL"):
        stored.setdefault(normalize_doc_number(number), []).append((title, key))
    for doc in ctx.documents:
        if not doc.doc_number:
            continue
        others = stored.get(normalize_doc_number(doc.doc_number), [])
        if others and not any(same_title(t, doc.title) for t, _ in others):
            yield ctx.finding("GZ902", f"{doc.doc_number} is already the 文号 of 《{others[0][0]}》 in the database",
                              doc.start, doc=doc)


@rule("GZ903", "cites-repealed", FAMILY, WARNING,
      "a document cited as in force that the database says was repealed or has expired",
      what="A provision cites (by 文号 or 《title》) a stored document that, on the citing document's date, was "
           "repealed by another document or had expired, and the sentence does not itself repeal, extend or "
           "amend it.",
      why="Acting under a repealed or expired document has no legal basis; the citation usually should name "
          "the document that replaced it.",
      example="按照《…联席会议制度的通知》（三政办文〔2023〕2号）要求 (repealed by 三政办〔2023〕12号)",
      instead="cite the document now in force, or say that the old one is repealed", needs="database")
def cites_repealed(ctx):
    found = _db(ctx)
    if found is None:
        return
    from ..db.prior import relation_target

    conn = found[0]
    for doc in ctx.documents:
        on = doc.dated or (ctx.issue.published if ctx.issue else None)
        if not on:
            continue
        states = _statuses(ctx, on)
        acted = {(r.doc_number, r.title) for r in doc.relations()}
        for p in doc.provisions:
            for c in p.citations:
                if (c.doc_number, c.title) in acted or (c.doc_number and c.doc_number == doc.doc_number):
                    continue
                target = relation_target(conn, {"doc_number": c.doc_number, "title": c.title}, on)
                s = states.get(target) if target is not None else None
                if s is None or s.state not in ("repealed", "expired"):
                    continue
                why = f"repealed on {s.since} by {s.by}" if s.state == "repealed" else f"expired on {s.since}"
                yield ctx.finding("GZ903", f"cites {s.label}, which was {why} (database) before this document "
                                           f"({on})", c.span[0], c.span[1], doc=doc, provision=p)


@rule("GZ904", "extends-expired", FAMILY, WARNING,
      "an extension of a document that had already expired",
      what="A notice extends (延长…有效期, 继续执行) a stored document whose validity ended before the notice was "
           "issued.",
      why="A document that has expired cannot be extended: it has to be issued again (重新印发), and the gap "
          "between its expiry and the notice is a period in which it did not apply.",
      example="关于延长《…十项措施》有效期的通知, dated 2025年3月28日, for measures valid until 2024年12月31日",
      instead="re-issue the measures with a new validity, or date the extension before the expiry", needs="database")
def extends_expired(ctx):
    found = _db(ctx)
    if found is None:
        return
    from ..db.prior import document_info, relation_target
    from ..db.query import period_end_key

    conn = found[0]
    for doc in ctx.documents:
        when = doc.dated
        if not when:
            continue
        seen = set()  # the notice's title and its body name the same document: one finding
        for p in doc.provisions:
            for r in p.relations:
                if r.relation != "extends":
                    continue
                target = relation_target(conn, {"doc_number": r.doc_number, "title": r.title}, when)
                if target is None or target in seen:
                    continue
                seen.add(target)
                info = document_info(conn, target)
                if info["expires"] and period_end_key(info["expires"]) < when:
                    yield ctx.finding("GZ904", f"extends {info['doc_number'] or info['title']}, which expired on "
                                               f"{info['expires']}, before this notice ({when})",
                                      r.span[0], r.span[1], doc=doc, provision=p)
