"""文号 rules (GZ3xx): the printed form, its year against the document's date, its prefix against the issuer.

A 文号 is `<issuer prefix>〔<year>〕<sequence>号` (GB/T 9704-2012 7.2.3: the year in 六角括号 〔〕, the
sequence without leading zeros and without 第). The segmenter normalises the document's 文号 and records
where it is printed (the document's `doc_number` head element); the rules judge the printed form: the
clean text has ingest's folds applied (full-width digits read as ASCII), so what was printed is asked of
`Text.printed()` and `Text.folds()`.
"""
from __future__ import annotations

import re

from ..lexicon.docnumber import DOC_NUMBER
from ..lexicon.numerals import FULLWIDTH_DIGITS, to_ascii_digits
from ..lexicon.spacing import SEP
from .registry import ERROR, WARNING, rule

_SEP = re.compile(SEP)



def malformations(raw: str, printed: str | None = None) -> list[str]:
    """What is wrong with a 文号 (matched by DOC_NUMBER), as short phrases; `printed` is the same span as
    the source printed it (folds undone), where full-width digits show."""
    m = DOC_NUMBER.search(raw)
    if not m:
        return []
    s = m.group(0)[len(m.group("prefix")):]
    problems = []
    year_at = s.find(m.group("year"))
    opener, closer = s[:year_at], s[year_at + 4:year_at + 5]
    if opener != "〔" or closer != "〕":
        problems.append(f"the year is in {opener}{closer} instead of 〔〕")
    seq = m.group("seq")
    if any(c in FULLWIDTH_DIGITS for c in (printed if printed is not None else seq)):
        problems.append("the number uses full-width digits")
    if to_ascii_digits(seq).startswith("0"):
        problems.append(f"the number {seq} has a leading zero")
    if "第" in s:
        problems.append("the number has 第 before it")
    if _SEP.search(s) or _SEP.search(m.group("prefix")):
        problems.append("it has spaces inside")
    return problems


def printed_doc_number(ctx, doc):
    """(clean offset, text) of the document's own 文号 as printed in its head, or None (a 文号 taken from
    a web page's metadata table, or a 令's number, is not a printed 文号 of this shape)."""
    el = doc.head_element("doc_number")
    if el is None:
        return None
    a, b = el.span
    m = DOC_NUMBER.search(ctx.clean[a:b])
    if not m:
        return None
    return a + m.start(), m.group(0)


def _printed(ctx, at: int, raw: str) -> str:
    return ctx.text.printed(at, at + len(raw))


def correct_form(raw: str) -> str:
    m = DOC_NUMBER.search(raw)
    seq = str(int(to_ascii_digits(m.group("seq"))))
    return f"{_SEP.sub('', m.group('prefix'))}〔{m.group('year')}〕{seq}号"


@rule("GZ301", "doc-number-malformed", "doc-number", WARNING, "a 文号 is not printed in the standard form",
      what="A 文号 (the document's own or one cited in the text) puts the year in brackets other than "
           "〔〕, gives the number with a leading zero, with 第, with full-width digits or with spaces.",
      why="GB/T 9704-2012 fixes the form `三政〔2023〕5号`; other forms break search and citation matching "
          "and look careless in print.",
      example="三政[2023]5号   三政〔2023〕05号   三政〔2023〕第5号",
      instead="三政〔2023〕5号")
def doc_number_malformed(ctx):
    for doc in ctx.documents:
        own = printed_doc_number(ctx, doc)
        if own:
            at, raw = own
            problems = malformations(raw, _printed(ctx, at, raw))
            if problems:
                yield ctx.finding("GZ301", f"文号 {raw}: {'; '.join(problems)}; write {correct_form(raw)}",
                                  at, at + len(raw), doc=doc)
        for line in ctx.lines(doc):
            if own and line.start <= own[0] < line.start + len(line.text) + 1:
                continue
            for m in DOC_NUMBER.finditer(line.text):
                problems = malformations(m.group(0), _printed(ctx, line.start + m.start(), m.group(0)))
                if problems:
                    raw = m.group(0)
                    right = correct_form(raw)
                    cut = max(0, len(m.group("prefix")) - 5)  # the pattern's prefix may take words before it
                    shown, right = ("…" if cut else "") + raw[cut:], ("…" if cut else "") + right[cut:]
                    yield ctx.finding("GZ301", f"cited 文号 {shown}: {'; '.join(problems)}; write {right}",
                                      line.start + m.start(), line.start + m.end(), doc=doc,
                                      provision=line.provision)


def _number_year(doc_number: str) -> int | None:
    m = DOC_NUMBER.search(doc_number or "")
    return int(m.group("year")) if m else None


def _at(ctx, doc):
    own = printed_doc_number(ctx, doc)
    if own:
        return own[0], own[0] + len(own[1])
    return doc.start, doc.start


@rule("GZ302", "doc-number-year", "doc-number", ERROR, "the year in a 文号 differs from the year the document is dated",
      what="The year printed in the document's 文号 is not the year of the date under its signature.",
      why="A 文号 is numbered within the year the document is issued; a different year is a typo in one "
          "of the two (often the 文号 of last year's template).",
      example="三政〔2022〕2号 … 三门峡市人民政府 2023年1月10日",
      instead="三政〔2023〕2号 … 三门峡市人民政府 2023年1月10日")
def doc_number_year(ctx):
    for doc in ctx.documents:
        year = _number_year(doc.doc_number)
        if year is None or not doc.date or not doc.provisions or not any(p.level == "closing" for p in doc.provisions):
            continue
        dated = int(doc.date[:4])
        if year != dated:
            a, b = _at(ctx, doc)
            yield ctx.finding("GZ302", f"文号 {doc.doc_number} has the year {year}, but the document is dated {doc.date}",
                              a, b, doc=doc)


def expected_issuers(ctx, prefix: str):
    """(place names, issuer kinds) a 文号 prefix stands for, or None when the prefix is not a local
    government's (国办发, 豫政办 are; 国发 and 三商务 are not in the table)."""
    places = ctx.places
    for n in (2, 1):
        abbr, kind = prefix[:n], prefix[n:]
        if abbr in places.by_abbr and kind in places.doc_kinds:
            return places.by_abbr[abbr], places.doc_kinds[kind]
    return None


@rule("GZ303", "doc-number-issuer", "doc-number", ERROR, "the 文号 prefix belongs to a different issuer",
      what="The prefix of the document's 文号 names an issuer (by the place lists and the prefix table "
           "extract/data/places/doc_prefixes.tsv: 三政 = 三门峡市人民政府, 三政办 = 三门峡市人民政府办公室) "
           "other than the one that signs the document.",
      why="A 文号 is allocated by its issuer; a prefix of another office means the number was copied from "
          "the wrong template or the wrong issuer signs.",
      example="三政办〔2023〕2号 … 三门峡市人民政府 (a 市人民政府 document)",
      instead="三政〔2023〕2号 … 三门峡市人民政府")
def doc_number_issuer(ctx):
    for doc in ctx.documents:
        issuer = (doc.issuer or "").replace(" ", "")
        m = DOC_NUMBER.search(doc.doc_number or "")
        if not m or not issuer:
            continue
        prefix = m.group("prefix")
        found = expected_issuers(ctx, prefix)
        if found is None:
            continue
        places, kinds = found
        names = [n for p in places for n in (p.name, *p.aliases)]
        if any(issuer == n + k for n in names for k in kinds):
            continue
        starts_known = ctx.places.longest_prefix(issuer)
        if not starts_known and any(issuer.endswith(k) and issuer[:-len(k)] in ("", "市", "县", "区", "省")
                                    for k in kinds):
            continue  # '市人民政府': no place named, the kind agrees
        want = " or ".join(dict.fromkeys(places[0].name + k for k in kinds))
        a, b = _at(ctx, doc)
        yield ctx.finding("GZ303", f"文号 prefix {prefix} stands for {want}, but the document is issued by {issuer}",
                          a, b, doc=doc)


@rule("GZ304", "doc-number-duplicate", "doc-number", ERROR, "two documents of the issue carry the same 文号",
      what="Two documents printed in the same issue have the same 文号.",
      why="A 文号 identifies one document; a repeat is a typo in one of them.",
      example="三政〔2023〕2号 … 三政〔2023〕2号",
      instead="三政〔2023〕2号 … 三政〔2023〕3号")
def doc_number_duplicate(ctx):
    seen: dict[str, object] = {}
    for doc in ctx.documents:
        if not doc.doc_number:
            continue
        if doc.doc_number in seen:
            a, b = _at(ctx, doc)
            first = seen[doc.doc_number]
            yield ctx.finding("GZ304", f"文号 {doc.doc_number} is also the number of “{first.title or first.id}”",
                              a, b, doc=doc)
        else:
            seen[doc.doc_number] = doc
