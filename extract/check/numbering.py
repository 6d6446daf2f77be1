"""Numbering rules (GZ1xx): gaps, repeats and wrong order at any level; mixed bracket styles in a level.

Works from the provision tree: each numbered provision's label, number and parent. Siblings of one
numbering style under one parent form a sequence; the first of them may start at 1 or carry on from the
last number of the same style earlier in the same container (条 run on across 章; the （一） items of an
implementation opinion run on across its 一、 sections).
"""
from __future__ import annotations

from ..lexicon.numbering import CIRCLED
from ..lexicon.numerals import cn_number
from .registry import ERROR, WARNING, rule


def style_key(p) -> str | None:
    """The numbering style of a provision's label ('tiao', 'cn_paren', ... or 'attachment')."""
    if not p.label or p.number is None or p.sub_number:
        return None
    if p.level == "attachment":
        return "attachment" if p.label != "附件" else None
    return p.numbering


def label_for(key: str, n: int, like: str) -> str:
    """The label numbered `n` printed in the style of the label `like`."""
    if key == "attachment":
        return f"附件{n}"
    cn = cn_number(n)
    if key in ("bian", "zhang", "jie", "tiao"):
        return like[0] + cn + like[-1] if like.startswith("第") else cn
    if key == "cn_dun":
        return cn + "、"
    if key == "cn_paren":
        return like[0] + cn + like[-1]
    if key == "arabic_paren":
        return like[0] + str(n) + like[-1]
    if key == "arabic_dot":
        return str(n) + like[-1]
    if key == "circled":
        return CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n)
    return str(n)


def _root(by_id, p):
    """The container a provision numbers within: the document body, the regulation, an attachment."""
    seen = 0
    while p.parent and seen < 50:
        parent = by_id.get(p.parent)
        if parent is None or parent.level == "attachment":
            return p.parent
        p = parent
        seen += 1
    return p.id if p.level == "attachment" else None


_HEADING_KEYS = ("bian", "zhang", "jie")
# a list that starts further on than this is an excerpt (民法典 侵权责任编 starts at 第一千一百六十四条),
# not a list whose first labels were lost
MAX_MISSING_AT_START = 10


def _toc_lines(doc, keys, by_id) -> set[str]:
    """Ids of 编/章/节 headings with no article, paragraph or item anywhere under them: the lines of a table
    of contents printed before the text (the text's own headings then follow)."""
    heads = {p.id for p in doc.provisions if keys[p.id] in _HEADING_KEYS}
    filled: set[str] = set()
    for p in doc.provisions:
        if p.id in heads or p.level in ("preamble", "closing"):
            continue
        parent = p.parent
        seen = 0
        while parent and seen < 20:
            filled.add(parent)
            q = by_id.get(parent)
            parent = q.parent if q else None
            seen += 1
    return heads - filled


def _sequences(ctx, doc):
    """(key, provisions in order, number before the first one in the same container, whether the container
    numbers this style straight on across parents) per sibling group."""
    groups: dict[tuple, list] = {}
    before: dict[tuple, int | None] = {}
    runs_on: dict[tuple, bool | None] = {}
    last: dict[tuple, int] = {}
    mode: dict[tuple, bool] = {}  # (root, key) -> numbering runs on across parents
    cached = ctx.cache.get(("numbering", doc.id))
    if cached is not None:
        return cached
    by_id = ctx.by_id(doc)
    keys = {p.id: style_key(p) for p in doc.provisions}
    toc = _toc_lines(doc, keys, by_id)
    for p in sorted(doc.provisions, key=lambda p: p.start):
        key = keys[p.id]
        if key is None or p.id in toc:
            continue
        g = (p.parent, key)
        r = (_root(by_id, p), key)
        if g not in groups:
            groups[g] = []
            before[g] = last.get(r)
            if key == "tiao":
                mode[r] = True
            elif before[g] is not None and r not in mode:
                if p.number == 1:
                    mode[r] = False
                elif p.number == before[g] + 1:
                    mode[r] = True
            runs_on[g] = mode.get(r)
        groups[g].append(p)
        last[r] = p.number
    out = [(g[1], provs, before[g], runs_on[g]) for g, provs in groups.items()]
    ctx.cache[("numbering", doc.id)] = out
    return out


def _problems(key, provs, before, runs_on):
    """(code, provision, message) for the sequence problems of one sibling group."""
    out = []
    nums = [p.number for p in provs]
    first = provs[0]
    if first.number != 1 and not (before is not None and first.number == before + 1):
        if runs_on and before is not None and first.number > before + 1:
            out.append(("GZ101", first, _gap_message(key, first, range(before + 1, first.number),
                                                     f"follows {label_for(key, before, first.label)}")))
        elif runs_on and before is not None and first.number == before:
            out.append(("GZ102", first, f"{first.label} repeats the number of the one before it"))
        elif (not runs_on or before is None) and first.number <= MAX_MISSING_AT_START:
            out.append(("GZ101", first, _gap_message(key, first, range(1, first.number), "starts the list")))
    prev = first.number
    expected_later: set[int] = set()
    for i in range(1, len(provs)):
        p, n = provs[i], nums[i]
        if n == prev:
            out.append(("GZ102", p, f"{p.label} repeats the number of the one before it"))
        elif n == prev + 1:
            pass
        elif n > prev + 1:
            later = set(nums[i + 1:])
            if prev + 1 in later:
                want = label_for(key, prev + 1, p.label)
                out.append(("GZ103", p, f"{p.label} comes before {want}: numbers out of order"))
                expected_later |= set(range(prev + 1, n)) & later
            else:
                out.append(("GZ101", p, _gap_message(key, p, range(prev + 1, n), "follows " + provs[i - 1].label)))
        elif n in expected_later:
            expected_later.discard(n)
            n = prev
        elif n == 1:
            pass  # a new list starts under the same parent
        else:
            out.append(("GZ103", p, f"{p.label} comes after {provs[i - 1].label}: numbers out of order"))
            prev = n  # report a jump back once, then follow the new count
            continue
        prev = n if n == 1 else max(prev, n)
    return out


def _gap_message(key, p, missing, how):
    missing = list(missing)
    names = "、".join(label_for(key, m, p.label) for m in missing[:3]) + ("…" if len(missing) > 3 else "")
    return f"{p.label} {how}: {names} is missing" if len(missing) == 1 else \
        f"{p.label} {how}: {names} ({len(missing)} numbers) are missing"


def _sequence_findings(ctx, wanted: str):
    for doc in ctx.documents:
        key = ("numbering-problems", doc.id)
        if key not in ctx.cache:
            ctx.cache[key] = [x for k, provs, before, runs_on in _sequences(ctx, doc)
                              for x in _problems(k, provs, before, runs_on)]
        for code, p, message in ctx.cache[key]:
            if code == wanted:
                yield ctx.finding(code, message, p.start, p.start + len(p.label or ""), doc=doc, provision=p)


@rule("GZ101", "numbering-gap", "numbering", ERROR, "a number is skipped in a sequence of numbered provisions",
      what="A numbered provision (编 章 节 条, 一、, （一）, 1., （1）, ①, 附件N) follows a number that is not "
           "the one before it: a number in between is missing.",
      why="A missing number means a provision was deleted without renumbering, or lost in conversion; "
          "citations by number (第十五条) then point at the wrong text.",
      example="第十四条 …  第十六条 …",
      instead="第十四条 …  第十五条 …  第十六条 … (renumber, or restore the missing provision)")
def numbering_gap(ctx):
    return _sequence_findings(ctx, "GZ101")


@rule("GZ102", "numbering-repeat", "numbering", ERROR, "the same number twice in a row",
      what="Two consecutive sibling provisions carry the same number, e.g. two （五）.",
      why="Readers and citations cannot tell the two apart; usually one was inserted without renumbering.",
      example="（五）…  （五）…  （六）…",
      instead="（五）…  （六）…  （七）…")
def numbering_repeat(ctx):
    return _sequence_findings(ctx, "GZ102")


@rule("GZ103", "numbering-order", "numbering", ERROR, "numbers out of order",
      what="A numbered provision comes before a smaller number of the same level, e.g. 三、 before 二、.",
      why="Provisions were moved without renumbering; the order printed is not the order meant.",
      example="一、…  三、…  二、…",
      instead="一、…  二、…  三、…")
def numbering_order(ctx):
    return _sequence_findings(ctx, "GZ103")


_FULL_OPEN, _FULL_CLOSE = "（", "）"


def _bracket_style(label: str) -> str:
    o, c = label[0], label[-1]
    if o == _FULL_OPEN and c == _FULL_CLOSE:
        return "full"
    if o == "(" and c == ")":
        return "ascii"
    return "mixed"


@rule("GZ104", "numbering-bracket-style", "numbering", WARNING,
      "one numbering level printed with both full-width and ASCII brackets in a document",
      what="Within one document, labels of the same level use both full-width brackets （六） and ASCII "
           "brackets (七), or one label mixes them: （七). Each run of the odd style is reported once.",
      why="GB/T 9704 and GB/T 15834 number items with full-width brackets; a mix is a conversion or "
          "copy-paste artefact, and some readers take (七) for a different level than （六）.",
      example="（六）扩大新型消费规模。…  (七) 促消费活动常态化。…",
      instead="（六）扩大新型消费规模。…  （七）促消费活动常态化。…")
def numbering_bracket_style(ctx):
    for doc in ctx.documents:
        labelled = [(p, style_key(p)) for p in sorted(doc.provisions, key=lambda p: p.start)
                    if p.label and p.label[0] in "（("]
        for key in ("cn_paren", "arabic_paren"):
            provs = [p for p, k in labelled if k == key]
            styles = [_bracket_style(p.label) for p in provs]
            full = styles.count("full")
            ascii_ = styles.count("ascii")
            odd = {"mixed"}
            if full and ascii_:
                odd.add("ascii" if full * 2 >= ascii_ else "full")
            usual = "（）" if "ascii" in odd or not ascii_ else "()"
            run: list = []
            for p, s in list(zip(provs, styles)) + [(None, None)]:
                if run and (p is None or s not in odd or p.parent != run[-1].parent):
                    yield _bracket_finding(ctx, doc, run, usual)
                    run = []
                if p is not None and s in odd:
                    run.append(p)


def _bracket_finding(ctx, doc, run, usual):
    first, last = run[0], run[-1]
    what = first.label if len(run) == 1 else f"{first.label} to {last.label}"
    right = usual[0] + first.label[1:-1] + usual[1]
    if _bracket_style(first.label) == "mixed":
        message = f"{first.label} mixes full-width and ASCII brackets: write {right}"
    else:
        kind = "ASCII" if _bracket_style(first.label) == "ascii" else "full-width"
        message = (f"{what} use{'s' if len(run) == 1 else ''} {kind} brackets where this document numbers "
                   f"the level {usual[0]}…{usual[1]}: write {right}")
    return ctx.finding("GZ104", message, first.start, first.start + len(first.label), doc=doc, provision=first)
