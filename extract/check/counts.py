"""Count rules (GZ5xx): a number stated in the text against the things it counts.

- `对A等4家…（名单附后）` against the attachment list that contains A;
- `A、B、C等9种`, `A、B、C、D四大工程`, `“四个覆盖”（A、B、C、D）` against the enumeration;
- `下列5种情形：` and a title's `十项措施` against the numbered items that follow.
"""
from __future__ import annotations

import re

from ..lexicon.brackets import clause_start
from ..lexicon.numerals import parse_int
from .registry import ERROR, rule

NUM = r"(?:[0-9]{1,4}|[一二三四五六七八九十两百]{1,4})"
CLASSIFIER = r"(?:家|个|名|项|所|户|位|支|类|种|条|件|枚|张|批|大|方面|部门|单位|企业|人)"
from ..lexicon.spacing import SP as _SP

# a count that is a quantity or a bound, not the size of a list: 两个以上, 六个月, 五个工作日, 二级保护
_NOT_A_TALLY = r"(?!以上|以下|以内|之内|之一|左右|或|及以上|月|工作日|日|天|小时|年|周|星期|倍|百分点|半|次以上|级)"
_LISTED = re.compile(rf"等{_SP}(?P<n>{NUM}){_SP}(?P<cls>{CLASSIFIER}){_NOT_A_TALLY}")
_PAREN_LIST = re.compile(rf"(?P<n>{NUM})(?P<cls>个|项|种|类|大|条|件|枚|张|方面)(?P<what>[\u4e00-\u9fff]{{0,8}})[”\"]?[ \t]*[（(](?P<body>[^（）()]{{3,300}})[）)]")
_SUFFIX_COUNT = re.compile(rf"(?P<n>[一二三四五六七八九十两]{{1,3}})(?P<cls>大|类|个|项|种){_NOT_A_TALLY}")
_FOLLOWING = re.compile(rf"(?:下列|以下|如下)(?P<n>{NUM})(?P<cls>种|项|个|类|条|方面|款)(?!或|至|到|以上|以下|之一)[^。：:；]{{0,30}}[：:]")
_TITLE_COUNT = re.compile(rf"(?P<n>{NUM})(?P<cls>项|条|个|大)(?:措施|举措|意见|政策|规定|要求|任务|工程|行动|机制)")
_OPENERS, _CLOSERS = "（(《“〔【[", "）)》”〕】]"
_BOUNDARY = set("，,。；;：:！？!?\n")


def _value(s: str) -> int | None:
    return parse_int(s)


def split_enumeration(s: str) -> list[str]:
    """'A、B（x、y）、C' -> ['A', 'B（x、y）', 'C']: split on 、 outside brackets and quotes."""
    parts, depth, cur = [], 0, ""
    for ch in s:
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        if ch == "、" and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip(" \t\u3000") for p in parts]


def enumeration_before(text: str, end: int) -> tuple[int, list[str]]:
    """The 、-enumeration ending at `end`: where it starts and its items (back to a clause boundary)."""
    start = clause_start(text, end, _BOUNDARY, _OPENERS, _CLOSERS)
    return start, split_enumeration(text[start:end])


def _plausible(items: list[str]) -> bool:
    """An enumeration of short noun phrases (the first may carry the verb before it), none joined by 和/及."""
    if len(items) < 3 or any(x.startswith("第") for x in items):
        return False
    bare = [_bare(x) for x in items]
    if not all(1 <= len(x) <= 15 and re.search(r"[\u4e00-\u9fff]", x) for x in bare[1:]) or not 1 <= len(bare[0]) <= 20:
        return False
    return not re.search(r"[和及与或]", items[-1])


def _list_of(p):
    if p.items:
        return p.items
    rows = p.table
    return [r[0] for r in rows[1:] if r and r[0] and not re.match(r"^(合\s*计|总\s*计|小\s*计)$", r[0])]


@rule("GZ501", "count-attachment-list", "counts", ERROR,
      "a stated count differs from the length of the attachment list it announces",
      what="The text names the first of a group and its size (对灵宝金源朝辉铜业有限责任公司等4家…企业予以通报表扬, "
           "名单附后), and the attachment list that starts with that name has a different number of entries.",
      why="A commendation, approval or allocation list is the legal substance of the notice; a count "
          "that disagrees with the list means an entry was added or dropped after the text was written.",
      example="对A公司等27家企业予以通报表扬（名单附后） … 附件2 lists 26 companies",
      instead="对A公司等26家企业予以通报表扬 (or restore the missing entry)")
def count_attachment_list(ctx):
    for doc in ctx.documents:
        lists = [(p, _list_of(p)) for p in doc.provisions if p.level == "attachment" and _list_of(p)]
        if not lists:
            continue
        for line in ctx.lines(doc):
            if line.provision.level == "attachment":
                continue
            for m in _LISTED.finditer(line.text):
                before = line.text[:m.start()]
                for att, items in lists:
                    names = sorted({x for x in items if len(x) >= 2 and before.endswith(x)}, key=len)
                    if not names:
                        continue
                    n = _value(m.group("n"))
                    if n is not None and n != len(items):
                        a = line.start + m.start() + 1
                        yield ctx.finding("GZ501", f"等{m.group('n')}{m.group('cls')}: but {att.label or att.heading} "
                                                   f"lists {len(items)}", a, line.start + m.end(), doc=doc,
                                          provision=line.provision)
                    break


def _bare(item: str) -> str:
    """An item without its parentheticals: '终末期肾病（门诊血液透析治疗）' -> '终末期肾病'."""
    return re.sub(r"[（(][^（）()]*[）)]", "", item)


def _enumeration_findings(ctx, doc, line):
    """(start, end, message) in one line. Reading back from the count may take in words before the list
    (more items than there are), never fewer: 等N is reported when even the last N+1 items are short
    nouns; a bare count (四大工程) only when fewer items than it are listed after a sentence boundary."""
    text = line.text
    for m in _LISTED.finditer(text):
        start, items = enumeration_before(text, m.start())
        n = _value(m.group("n"))
        if n is None or not _plausible(items) or len(items) <= n:
            continue
        if all(len(_bare(x)) <= 15 for x in items[-(n + 1):]):
            yield m.start() + 1, m.end(), f"等{m.group('n')}{m.group('cls')}, but {len(items)} are listed before it"
    for m in _PAREN_LIST.finditer(text):
        if m.start() > 0 and text[m.start() - 1] == "第":
            continue
        items = split_enumeration(m.group("body"))
        n = _value(m.group("n"))
        if n is None or n < 2 or len(items) < 2 or any(not x for x in items) or "等" in m.group("body"):
            continue
        if len(items) != n and _plausible(items) and not m.group("body").startswith(("以下", "下称", "简称")):
            yield m.start(), m.end("what"), f"{m.group('n')}{m.group('cls')}{m.group('what')}, but the " \
                                            f"parenthesis lists {len(items)}"
    for m in _SUFFIX_COUNT.finditer(text):
        if m.start() == 0 or text[m.start() - 1] in "等第、" or not re.match(r"[\u4e00-\u9fff”]", text[m.start() - 1]):
            continue
        start, items = enumeration_before(text, m.start())
        n = _value(m.group("n"))
        opened = start == 0 or text[start - 1] in "。；;：:" or start <= line.label_end
        if n is None or n < 3 or not opened or not _plausible(items) or len(items) >= n:
            continue
        yield m.start(), m.end(), f"{m.group('n')}{m.group('cls')}, but {len(items)} are listed before it"


@rule("GZ502", "count-enumeration", "counts", ERROR, "a stated count differs from the enumeration it sums up",
      what="A count sums up an enumeration that is printed in full — A、B、C等9种; A、B、C、D四大工程; "
           "“四个覆盖”（A、B、C、D） — and the number of items differs. With 等 (which may end an incomplete "
           "list) only more items than the count are reported; with a bare count (四大) only fewer.",
      why="Items were added to or removed from the enumeration without updating the count.",
      example="终末期肾病、血友病、…（8 diseases）…等9种。",
      instead="List all nine, or write 等8种.")
def count_enumeration(ctx):
    for doc, line in ctx.all_lines():
        for a, b, message in _enumeration_findings(ctx, doc, line):
            yield ctx.finding("GZ502", message, line.start + a, line.start + b, doc=doc, provision=line.provision)


def _numbered_children(doc, p):
    return [c for c in doc.provisions if c.parent == p.id and c.label and c.number is not None
            and c.level not in ("paragraph", "attachment")]


@rule("GZ503", "count-numbered-items", "counts", ERROR, "a stated count differs from the numbered items that follow",
      what="A provision announces a number of items (下列5种情形：, 以下三项:) and has a different number of "
           "numbered items under it; or a title counts its parts (十项措施) and the text has a different "
           "number of top-level numbered sections.",
      why="Items were added or removed without updating the count.",
      example="有下列四种情形之一的：（一）…（二）…（三）…",
      instead="有下列三种情形之一的：（一）…（二）…（三）…")
def count_numbered_items(ctx):
    for doc in ctx.documents:
        for p in doc.provisions:
            own = ctx.clean[p.start:p.end]
            m = _FOLLOWING.search(own)
            if not m:
                continue
            kids = _numbered_children(doc, p)
            n = _value(m.group("n"))
            if kids and n is not None and n >= 2 and n != len(kids):
                yield ctx.finding("GZ503", f"{m.group(0).rstrip('：:')} but {len(kids)} numbered items follow",
                                  p.start + m.start(), p.start + m.end(), doc=doc, provision=p)
        # a title's count against the top-level sections of the text it names
        for title, container in (doc.regulation.title if doc.regulation else None, "reg"), (doc.title, None):
            if not title:
                continue
            m = _TITLE_COUNT.search(title)
            if not m:
                continue
            tops = [p for p in doc.provisions if p.parent == container and p.label and p.number is not None
                    and p.level in ("section", "article", "item", "chapter")]
            n = _value(m.group("n"))
            if not tops or n is None or n == len(tops):
                continue
            holder = doc.provision(container) if container else (doc.provisions[0] if doc.provisions else None)
            if holder is None:
                continue
            where = ctx.clean.find(m.group(0), holder.start, holder.end)
            where = where if where >= 0 else holder.start
            yield ctx.finding("GZ503", f"title counts {m.group(0)}, but the text has {len(tops)} numbered parts",
                              where, where + len(m.group(0)), doc=doc, provision=holder)
            break
