"""The head and tail of an official document (GB/T 9704-2012), read one way wherever it is printed.

A grammar of element shapes (`extract/lexicon/heads.py`) and order constraints:

    head  := banner* title byline? (文号 | 令号 | 签发人 | date | history | metadata)* recipients?
    banner:= 份号 | 密级 | 紧急程度 | 发文机关标志 | 文号 [签发人] | 签发人 | 令号 (after a 令 mark) | metadata
    title := title-shaped lines (joined), until it ends in a 文种 and the next line does not go on with it
    tail  := … [附件说明] signature+ [seal] date [附注]* … [版记: 抄送 | 分送 | 印发 | 共印] at the end

so the 版头 order of GB/T 9704 (发文机关标志, 文号 above the title) and the order web pages and gazettes use
(title, then 文号, then recipients) read the same; a 令 (`XX人民政府令` / `第12号`) is titled by its mark;
a bulletin's issuer and date under its title are its byline, not a signature closing the whole body.

`read_head` reads from a document's first line; `find_heads` finds where documents start in a text that
holds several (an issue) by their anchors (a 文号 line, a 发文机关标志, a 令 number, a title over its
recipients, a level-1 heading shaped like a title), walking up to the title's first line and then
reading the head with `read_head`: the issue and a stand-alone document ask the same reader.
`read_tail` finds the closing (signature, date, 附注), the 附件说明 before it and the 版记.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..head_model import (AttachmentNote, CarbonCopy, Copies, CopyNumber, DocDate, DocNumber, Element,
                          IssuerMark, Note, Printed, Recipients, Secrecy, Signature, Signer, Title, Urgency)
from ..lexicon import heads as shapes
from ..lexicon.dates import DATE, is_standalone_date, parse_date, parse_year_month
from ..lexicon.docnumber import DOC_NUMBER, normalize_doc_number
from ..lexicon.doctypes import notice_title, title_words
from ..lexicon.numbering import match_label, starts_with_label
from ..lexicon.spacing import SEP, WS, drop_spaces, squash
from .lines import Line

MAX_TITLE_LINES = 6
MAX_WRAPPED_TITLE_LINE = 45  # a title line wrapped in print is short; only a one-line title is long
_HISTORY_LINE = re.compile(rf"^{SEP}*[（(]?{DATE.pattern}")
_TITLE_WITH_NUMBER = re.compile(rf"^(?P<title>.+?){SEP}*[（(]{SEP}*(?P<number>{DOC_NUMBER.pattern}){SEP}*[）)]{SEP}*$")
_DECREE_ON_LINE = re.compile(rf"^{SEP}*(?P<mark>.{{2,40}}?令){SEP}*(?P<number>{shapes.DECREE_NUMBER_TEXT}){SEP}*$")
_TOC_WORD = re.compile(rf"^{SEP}*目{SEP}*[录次]{SEP}*$")


@dataclass
class HeadRead:
    """What `read_head` found: the head's lines [top, end) and its elements."""
    top: int
    end: int
    elements: list[Element] = field(default_factory=list)
    title_lines: list[int] = field(default_factory=list)
    metadata_lines: list[int] = field(default_factory=list)
    history_dates: list[str] = field(default_factory=list)  # 通过/修正/修订/公布: the versions
    history_effect: list[str] = field(default_factory=list)  # `2019年7月1日 施行`: when one took effect

    def first(self, name: str) -> Element | None:
        return next((e for e in self.elements if e.element == name), None)

    @property
    def anchored(self) -> bool:
        """Does a document surely start here (a 文号, a 发文机关标志, a 令 number or recipients)?"""
        return any(e.element in ("doc_number", "issuer_mark", "recipients") for e in self.elements)

    @property
    def title(self) -> str | None:
        t = self.first("title")
        return t.value if t else None


# -- line helpers ------------------------------------------------------------------------------------------
def _nonblank(lines: list[Line], i: int, stop: int) -> int:
    while i < stop and lines[i].blank:
        i += 1
    return i


def _prev_nonblank(lines: list[Line], i: int, stop: int = 0) -> int:
    i -= 1
    while i >= stop and lines[i].blank:
        i -= 1
    return i


def _span(line: Line, a: int = 0, b: int | None = None) -> tuple[int, int]:
    """Clean offsets of line.text[a:b] with its surrounding white space left out."""
    text = line.text if b is None else line.text[:b]
    lead = len(text[a:]) - len(text[a:].lstrip(WS))
    return line.start + a + lead, line.start + len(text.rstrip(WS))


def _raw(line: Line) -> str:
    return line.stripped


def is_recipients(s: str, loose: bool = False) -> bool:
    """`各县（市、区）人民政府，…，市人民政府各部门：` — addressees, not an opening sentence. `loose`: right
    under a title or 文号, a short line ending in ： needs no organ word (`邓明义代表：`, `国务院：`)."""
    if not s.endswith(("：", ":")) or "。" in s or len(s) >= 300 or shapes.not_recipients().search(s):
        return False
    if shapes.recipient_hint().search(s):
        return True
    return loose and len(s) <= 40 and not re.search(r"[，,；;！？!?]", s[:-1])


def split_list(s: str) -> list[str]:
    """Names separated at top-level ，/；/, (brackets kept inside names); the final ：/。 dropped."""
    s = s.strip(WS).rstrip("：:。.").strip(WS)
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "（(〔[【":
            depth += 1
        elif ch in "）)〕]】":
            depth -= 1
        if ch in "，,；;" and depth == 0:
            if cur.strip(WS):
                out.append(cur.strip(WS))
            cur = ""
        else:
            cur += ch
    if cur.strip(WS):
        out.append(cur.strip(WS))
    return out


def _is_date_line(s: str) -> bool:
    return is_standalone_date(s) or bool(shapes.MONTH_DATE.match(s))


def _date_of(s: str) -> str | None:
    return parse_date(s) or parse_year_month(s)


def _doc_number_in(s: str, placeholder: bool = False):
    """(number match, signer names or None) when the line is a 文号 (perhaps in brackets, perhaps with
    签发人 after it; with `placeholder`, a template's XXX〔2023〕X号 too)."""
    m = shapes.DOC_NUMBER_HEAD.match(s) or (shapes.PLACEHOLDER_NUMBER.match(s) if placeholder else None)
    if m:
        return m, None
    sm = shapes.SIGNER.search(s)
    if sm:
        m = shapes.DOC_NUMBER_HEAD.match(s[:sm.start()])
        if m:
            return m, sm
    return None, None


def _is_head_shape(s: str) -> bool:
    """A line that is some head element other than a title line."""
    return bool(shapes.banner_tokens(s) or shapes.DOC_NUMBER_HEAD.match(s) or shapes.DECREE_NUMBER_LINE.match(s)
                or shapes.SIGNER.match(s) or shapes.is_metadata_line(s) or _is_date_line(s))


def title_shaped(line: Line) -> bool:
    s = line.stripped
    return (shapes.is_title_shaped(s) and "：" not in s and ":" not in s and not starts_with_label(s)
            and not _is_head_shape(s) and not shapes.note_line().match(s) and not _TOC_WORD.match(s)
            and not shapes.ATTACHMENT_LINE.match(s) and not shapes.person_signature().match(s)
            and not shapes.PRINTED_LINE.match(s) and not _is_byline(s))


def _is_byline(s: str) -> bool:
    m = shapes.BYLINE.match(s)
    return bool(m) and shapes.organs(m.group("organs")) is not None


def _organ_only(s: str) -> bool:
    return shapes.organs(s) is not None


# -- the head --------------------------------------------------------------------------------------------
def read_head(lines: list[Line], i: int, b: int, *, info_end: int | None = None) -> HeadRead:
    """The head of the document whose first line is `i` (lines up to `b`), per the grammar above."""
    k = _nonblank(lines, i, b)
    head = HeadRead(top=k, end=k)
    els = head.elements
    title: list[Line] = []
    decree: Line | None = None  # a 令 mark waiting for its number
    state = "banner"
    number_taken = False

    def add(el):
        els.append(el)

    while k < b:
        ln = lines[k]
        s = ln.stripped
        if ln.blank:
            k += 1
            continue
        if info_end is not None and k >= info_end:
            break
        if state == "banner":
            if shapes.is_metadata_line(s):
                head.metadata_lines.append(k)
                k += 1
                continue
            tokens = shapes.banner_tokens(s)
            if tokens:
                for name, vals, x, y in tokens:
                    raw, span = s[x:y], _span(ln, ln.text.index(s) + x, ln.text.index(s) + y)
                    if name == "copy_number":
                        add(CopyNumber(raw=raw, span=span, value=vals["n"]))
                    elif name == "secrecy":
                        add(Secrecy(raw=raw, span=span, level=vals["level"],
                                    term=drop_spaces(vals["term"]) if vals.get("term") else None))
                    else:
                        add(Urgency(raw=raw, span=span, level=vals["level"]))
                k += 1
                continue
            m = _DECREE_ON_LINE.match(s)
            if m and shapes.issuer_mark().match(m.group("mark")) and not number_taken:
                mark = squash(m.group("mark"))
                add(IssuerMark(raw=_raw(ln), span=_span(ln), organs=_mark_organs(mark[:-1]), mark="令"))
                add(Title(raw=_raw(ln), span=_span(ln), value=mark, kind="令"))
                add(DocNumber(raw=_raw(ln), span=_span(ln), value=mark + drop_spaces(m.group("number")).strip("（()）")))
                number_taken = True
                state = "after"
                k += 1
                continue
            m = shapes.issuer_mark().match(s)
            if m and "关于" not in s and len(squash(s)) <= 40:
                mark = m.group("mark")
                add(IssuerMark(raw=_raw(ln), span=_span(ln), organs=_mark_organs(m.group("organs")), mark=mark))
                if shapes.mark_kind(mark) == "decree":
                    decree = ln
                    add(Title(raw=_raw(ln), span=_span(ln), value=squash(s).replace(" ", ""), kind="令"))
                    state = "after"
                k += 1
                continue
            m, sm = _doc_number_in(s, placeholder=True)
            if m and not number_taken:
                _add_number(els, ln, m, sm)
                number_taken = True
                k += 1
                continue
            if _labelled_banner(els, ln):
                k += 1
                continue
            sm = shapes.SIGNER.match(s)
            if sm:
                add(Signer(raw=_raw(ln), span=_span(ln), names=tuple(_names(sm.group("names")))))
                k += 1
                continue
            if shapes.STANDARD_NUMBER.match(s) and not number_taken and (els or _next_title_shaped(lines, k, b)):
                number = shapes.STANDARD_NUMBER.match(s).group("number")
                x = ln.text.index(number)
                add(DocNumber(raw=number, span=(ln.start + x, ln.start + x + len(number)),
                              value=re.sub(rf"{SEP}+", " ", number)))
                number_taken = True
                k += 1
                continue
            if shapes.STANDARD_CODE.match(s) and not title and _next_head_shape(lines, k, b):
                k += 1  # a standard's code above its cover (TC260, ICS 35.040)
                continue
            if shapes.is_attached_label(s) and not els and not title:
                k += 1  # 大纲1 above the title of a file attached to another document
                continue
            if shapes.organs(s) and not els:
                got = _byline(lines, k, b, head, [ln])  # issuers and date with no title above them
                if got:
                    k = got
                    state = "after"
                    continue
            if title_shaped(ln) and not is_recipients(s):
                state = "title"
            else:
                break
        if state == "title":
            if not title or _title_goes_on(title, ln, lines, k, b):
                m = _TITLE_WITH_NUMBER.match(s)
                if m and not number_taken:  # 某某关于…的通知(三政办〔2005〕4号) on one line
                    title.append(ln)
                    nm = shapes.DOC_NUMBER_HEAD.match(f"（{m.group('number')}）")
                    _add_number(els, ln, nm, None, at=ln.text.index(m.group("number")))
                    number_taken = True
                    k += 1
                    state = "after"
                    continue
                title.append(ln)
                k += 1
                if ln.heading:
                    state = "after"  # a markdown heading is the whole title
                continue
            state = "after"
        # state == "after": what may follow a title
        if decree is not None and not number_taken and shapes.DECREE_NUMBER_LINE.match(s):
            mark = squash(decree.stripped).replace(" ", "")
            add(DocNumber(raw=_raw(decree) + "\n" + _raw(ln), span=(_span(decree)[0], _span(ln)[1]),
                          value=mark + drop_spaces(s).strip("（()）")))
            number_taken = True
            k += 1
            continue
        m, sm = _doc_number_in(s, placeholder=True)
        if m and not number_taken:
            _add_number(els, ln, m, sm)
            number_taken = True
            k += 1
            continue
        sm = shapes.SIGNER.match(s)
        if sm:
            add(Signer(raw=_raw(ln), span=_span(ln), names=tuple(_names(sm.group("names")))))
            k += 1
            continue
        if _labelled_banner(els, ln):
            k += 1
            continue
        if shapes.is_metadata_line(s):
            head.metadata_lines.append(k)
            k += 1
            continue
        if title and _cover_line(head, ln):
            k += 1
            continue
        if title and _norm(shapes.strip_title_marks(s)) == _norm(shapes.strip_title_marks(
                squash(" ".join(t.stripped for t in title)))):
            k += 1  # the title printed again (a web page's heading, then the article's first line)
            continue
        got = _byline(lines, k, b, head, title)
        if got:
            k = got
            continue
        if _HISTORY_LINE.match(s) and len(s) < 120 and title:
            _record_history(head, s)
            k += 1
            continue
        if is_recipients(s, loose=bool(title or number_taken)):
            add(Recipients(raw=_raw(ln), span=_span(ln), names=tuple(split_list(s))))
            k += 1
            break
        break
    if title:
        _add_title(els, title)
        head.title_lines = [ln.index for ln in title]
    if info_end is not None:
        # a law database file: everything above <!-- INFO END --> is its head (the title printed again,
        # the history lines, however long); the latest history date is the law's date
        for x in range(k, info_end):
            if _HISTORY_LINE.match(lines[x].stripped):
                _record_history(head, lines[x].stripped)
    head.end = k if info_end is None else max(k, info_end)
    if not els and not head.metadata_lines and not head.history_dates and not head.history_effect:
        head.end = head.top  # nothing of a head: the body starts at once
    els.sort(key=lambda e: e.span)
    return head


_EFFECT_LINE = re.compile(rf"^{SEP}*[（(]?{DATE.pattern}{SEP}*(?:起{SEP}*)?(?:施行|实施|生效|试行)[）)]?{SEP}*$")


def _record_history(head, line: str) -> None:
    """A history line's date: a version (通过, 修正, 修订, 公布) or the day one took effect (施行)."""
    d = parse_date(line)
    if d:
        (head.history_effect if _EFFECT_LINE.match(line) else head.history_dates).append(d)


def _next_title_shaped(lines: list[Line], k: int, b: int) -> bool:
    j = _nonblank(lines, k + 1, b)
    return j < b and title_shaped(lines[j])


def _next_head_shape(lines: list[Line], k: int, b: int) -> bool:
    j = _nonblank(lines, k + 1, b)
    return j < b and bool(shapes.issuer_mark().match(lines[j].stripped) or shapes.STANDARD_NUMBER.match(lines[j].stripped))


def _cover_line(head: HeadRead, ln: Line) -> bool:
    """A standard's cover under its title: the English title, `2024-02-29 发布`, `…委员会发布`."""
    s = ln.stripped
    if shapes.LATIN_LINE.match(s) and re.search(r"[A-Za-z]{3}", s) and len(head.title_lines or []) <= 6:
        return True
    m = shapes.ISSUED_ON.match(s)
    if m:
        if m.group("what") == "发布" and head.first("date") is None:
            from ..lexicon.dates import parse_any_date

            d = parse_any_date(m.group("date").replace("–", "-"))
            if d:
                head.elements.append(DocDate(raw=_raw(ln), span=_span(ln), value=d))
        return True
    m = shapes.ISSUED_BY.match(s)
    if m and not DATE.search(s) and shapes.organs(m.group("organs")):
        head.elements.append(Signature(raw=_raw(ln), span=_span(ln), organs=tuple(shapes.organs(m.group("organs")))))
        return True
    return False


def _labelled_banner(els, ln: Line) -> bool:
    """`密级：秘密`, `紧急程度：特急`, `份号：000001` (the element written with its name)."""
    m = shapes.LABELLED_BANNER.match(ln.stripped)
    if not m:
        return False
    label, value = drop_spaces(m.group("label")), m.group("value")
    if label == "密级":
        sm = shapes.banner_tokens(value)
        level = sm[0][1].get("level") if sm and sm[0][0] == "secrecy" else value
        els.append(Secrecy(raw=_raw(ln), span=_span(ln), level=level,
                           term=drop_spaces(sm[0][1]["term"]) if sm and sm[0][1].get("term") else None))
    elif label == "紧急程度":
        els.append(Urgency(raw=_raw(ln), span=_span(ln), level=value))
    else:
        els.append(CopyNumber(raw=_raw(ln), span=_span(ln), value=value))
    return True


def _names(s: str) -> list[str]:
    return [n for n in re.split(rf"{SEP}+|[、，,；;]", s.strip(WS)) if n]


def _mark_organs(s: str) -> tuple[str, ...]:
    got = shapes.organs(s)
    return tuple(got) if got else ()


def _add_number(els, ln: Line, m, sm, at: int | None = None) -> None:
    number = m.group("number")
    x = ln.text.index(number) if at is None else at
    value = normalize_doc_number(number)
    if not DOC_NUMBER.search(number):  # a placeholder: brackets folded, spaces dropped
        value = drop_spaces(number).translate(str.maketrans("[［]］", "〔〔〕〕"))
    els.append(DocNumber(raw=number, span=(ln.start + x, ln.start + x + len(number)), value=value))
    if sm is not None:
        x = ln.text.index(sm.group(0))
        els.append(Signer(raw=sm.group(0), span=(ln.start + x, ln.start + x + len(sm.group(0))),
                          names=tuple(_names(sm.group("names")))))


def _add_title(els, title: list[Line]) -> None:
    raw_parts = []
    for ln in title:
        s = ln.stripped
        m = _TITLE_WITH_NUMBER.match(s)
        raw_parts.append(m.group("title").strip(WS) if m else s)
    value = shapes.title_value(" ".join(raw_parts))
    if any(e.element == "title" for e in els):
        return  # a 令's mark is its title
    first, last = title[0], title[-1]
    end = last.start + len(last.text.rstrip(WS))
    m = _TITLE_WITH_NUMBER.match(last.stripped)
    if m:
        end = last.start + last.text.index(m.group("title")) + len(m.group("title").rstrip(WS))
    start = _span(first)[0]
    els.append(Title(raw="\n".join(raw_parts), span=(start, end), value=value, lines=len(title),
                     kind=shapes.kind_of(value)))


def _title_goes_on(title: list[Line], ln: Line, lines: list[Line], k: int, b: int) -> bool:
    """Is `ln` the next line of the title printed over `title`?"""
    if len(title) >= MAX_TITLE_LINES or title[-1].heading or ln.heading:
        return False
    if not title_shaped(ln):
        return False
    s = ln.stripped
    so_far = squash(" ".join(t.stripped for t in title))
    joined = squash(so_far + s)
    if len(joined) > 200:
        return False
    if shapes.ends_like_title(so_far) and not _about_unfinished(so_far):
        # complete already: only a qualifier (（试行）) or a short tail that still ends in a 文种
        # (… 实施方案 / 的通知) goes on with it
        return bool(re.fullmatch(r"[（(][^（）()]{1,20}[）)]", s)) or (
            len(s) <= 12 and shapes.ends_like_title(joined) and not _organ_only(s))
    if len(s) > MAX_WRAPPED_TITLE_LINE:
        return False
    if _organ_only(s) and len(title) >= 1 and not s.startswith("关于"):
        # an organ under an unfinished title goes on with it only if the title is not followed by a date
        # (then it is a byline: 宜春市统计局 / （2023年4月12日）)
        j = _nonblank(lines, k + 1, b)
        if j < b and _is_date_line(lines[j].stripped):
            return False
    return True


def _about_unfinished(title: str) -> bool:
    """A title with 关于 is finished only by 的 and its 文种 after it: `…关于全面推行…记录制度` (ending in a
    word that is also a 文种, 制度) goes on with `重大执法决定法制审核制度的指导意见` on the next line."""
    at = title.rfind("关于")
    return at >= 0 and "的" not in title[at + 2:]


def attachment_heading(lines: list[Line], t: int, end: int) -> tuple[str, int]:
    """The heading of a printed attachment whose first heading line is t: its lines joined when it is
    printed over two or three (关于湖北省巴东县官渡口镇马鬃山村 / 地质险情调研情况的报告) and only the lines
    together end in a 文种. Returns (heading, line after it)."""
    first = squash(lines[t].stripped)
    if shapes.ends_like_title(first) and not _about_unfinished(first):
        return first, t + 1
    parts, k = [lines[t].stripped], t
    for _ in range(2):
        j = _nonblank(lines, k + 1, end)
        if j >= end or j > k + 2 or not title_shaped(lines[j]) or len(lines[j].stripped) > MAX_WRAPPED_TITLE_LINE:
            break
        parts.append(lines[j].stripped)
        k = j
        joined = shapes.title_value(" ".join(parts))
        if shapes.ends_like_title(joined) and not _about_unfinished(joined):
            return joined, j + 1
    return first, t + 1


def _byline(lines: list[Line], k: int, b: int, head: HeadRead, title: list[Line]) -> int | None:
    """Organs and/or a date printed under a title (a bulletin: 宜春市统计局  国家统计局宜春调查队 /
    （2023年4月12日）; a forwarded text: （民政部　一九九七年一月二十八日））. Returns the line after it."""
    if head.first("date") is not None or not (title or head.first("signature") is not None):
        return None
    ln = lines[k]
    s = ln.stripped
    m = shapes.BYLINE.match(s)
    if m and shapes.organs(m.group("organs")):
        head.elements.append(Signature(raw=_raw(ln), span=_span(ln), organs=tuple(shapes.organs(m.group("organs")))))
        head.elements.append(DocDate(raw=_raw(ln), span=_span(ln), value=parse_date(m.group("date"))))
        return k + 1
    if _is_date_line(s):
        d = _date_of(s)
        if d:
            head.elements.append(DocDate(raw=_raw(ln), span=_span(ln), value=d))
            return k + 1
    organ_lines = []
    j = k
    while j < b and len(organ_lines) < 4:
        if lines[j].blank:
            j += 1
            continue
        got = shapes.organs(lines[j].stripped)
        if not got:
            break
        organ_lines.append((lines[j], got))
        j += 1
    if organ_lines:
        j = _nonblank(lines, j, b)
        if j < b and _is_date_line(lines[j].stripped):
            first, last = organ_lines[0][0], organ_lines[-1][0]
            head.elements.append(Signature(raw="\n".join(_raw(x) for x, _ in organ_lines),
                                           span=(_span(first)[0], _span(last)[1]),
                                           organs=tuple(o for _, got in organ_lines for o in got)))
            return j  # the date is read next
    return None


# -- documents inside an issue ---------------------------------------------------------------------------
def title_top(lines: list[Line], j: int, stop: int = 0) -> int:
    """The first line of the title whose last line is `j`: up over title-shaped lines (a blank line
    between them allowed), starting at the line with 关于 (or the organ line just above it)."""
    if lines[j].heading:
        return j
    block = [j]
    i = j
    while len(block) < MAX_TITLE_LINES - 1:
        p = _prev_nonblank(lines, i, stop)
        if p < stop or p < i - 2 or lines[p].heading or not title_shaped(lines[p]) \
                or len(lines[p].stripped) > MAX_WRAPPED_TITLE_LINE:
            break
        block.insert(0, p)
        i = p
    with_about = [x for x in block if "关于" in lines[x].stripped]
    if with_about:
        t = with_about[0]
        pos = block.index(t)
        if lines[t].stripped.startswith("关于") and pos > 0 and _organ_only(lines[block[pos - 1]].stripped):
            return block[pos - 1]
        return t
    return block[max(0, len(block) - 3)]


def find_heads(lines: list[Line]) -> list[HeadRead]:
    """The heads of the documents a text holds, in reading order (a stand-alone document gives 0 or 1)."""
    n = len(lines)
    heads: list[HeadRead] = []
    taken_until = 0
    for k, line in enumerate(lines):
        if k < taken_until or line.blank:
            continue
        top = _anchor_top(lines, k, taken_until)
        if top is None:
            continue
        head = read_head(lines, top, n)
        if head.end <= k or not (head.anchored or head.title_lines):
            continue
        if not _real_start(lines, heads, head):
            continue
        heads.append(head)
        taken_until = head.end
    return [h for n, h in enumerate(heads) if not _printed_again_below(lines, h, heads[n + 1:n + 2])]


def _printed_again_below(lines: list[Line], head: HeadRead, after: list[HeadRead]) -> bool:
    """A title without a 文号 printed just above the same document's head (a running title, a title
    repeated above its 文号) is not a document of its own."""
    if head.first("doc_number") is not None or not after or after[0].top - head.end > 20:
        return False
    mine, theirs = _norm(head.title), _norm(after[0].title)
    return bool(mine) and bool(theirs) and (mine in theirs or theirs in mine or
                                            difflib.SequenceMatcher(None, mine, theirs).ratio() >= 0.8)


def _anchor_top(lines: list[Line], k: int, floor: int) -> int | None:
    """If line k anchors a document head, the head's first line."""
    s = lines[k].stripped
    n = len(lines)
    m, _ = _doc_number_in(s)
    if m or len(s) <= 200 and s.rstrip(WS)[-1:] in ("）", ")") and _TITLE_WITH_NUMBER.match(s):
        if not m:
            return k  # title and 文号 on one line
        j = _prev_nonblank(lines, k, floor)
        if j >= floor and title_shaped(lines[j]) and not _organ_only(lines[j].stripped) \
                or j >= floor and lines[j].heading:
            top = title_top(lines, j, floor)
            title = squash(" ".join(lines[x].stripped for x in range(top, j + 1) if not lines[x].blank))
            if title_words().search(title) or "关于" in title or shapes.ends_like_title(title):
                return _banner_top(lines, top, floor)
        # GB/T 9704 order: the 文号 stands above the title, under the 发文机关标志
        nxt = _nonblank(lines, k + 1, n)
        if nxt < n and title_shaped(lines[nxt]):
            return _banner_top(lines, k, floor)
        return None
    mark = shapes.issuer_mark().match(s)
    if mark and "关于" not in s and shapes.organs(mark.group("organs")):
        if shapes.mark_kind(mark.group("mark")) == "decree":
            nxt = _nonblank(lines, k + 1, n)
            if not (nxt < n and shapes.DECREE_NUMBER_LINE.match(lines[nxt].stripped)):
                return None
        return _banner_top(lines, k, floor)
    m = _DECREE_ON_LINE.match(s)
    if m and shapes.organs(m.group("mark")[:-1]):
        return _banner_top(lines, k, floor)
    title = squash(s)
    heading_title = lines[k].heading == 1 and (title_words().search(title) or "关于" in title) and "公报" not in title
    if heading_title or (notice_title().search(title) and len(title) <= 80 and title_shaped(lines[k])):
        nxt = _nonblank(lines, k + 1, n)
        if nxt < n and is_recipients(lines[nxt].stripped):
            return title_top(lines, k, floor) if not heading_title else k
        if heading_title:
            return k
    return None


def _banner_top(lines: list[Line], top: int, floor: int) -> int:
    """Up over 份号/密级/紧急程度/发文机关标志 lines printed above the head's first line."""
    while True:
        p = _prev_nonblank(lines, top, floor)
        if p < floor:
            return top
        s = lines[p].stripped
        mark = shapes.issuer_mark().match(s)
        if shapes.banner_tokens(s) or (mark and "关于" not in s and shapes.organs(mark.group("organs"))) \
                or shapes.SIGNER.match(s):
            top = p
            continue
        return top


def _real_start(lines: list[Line], heads: list[HeadRead], head: HeadRead) -> bool:
    """Not the text a previous document publishes (关于印发X的通知, then X), nor its title printed again."""
    title = head.title or ""
    if not heads or head.anchored and head.first("doc_number") is not None:
        return True
    prev = heads[-1]
    prev_title = prev.title or ""
    if shapes.publishing().search(prev_title) or any(shapes.publishing().search(lines[x].stripped) for x in range(prev.end, min(prev.end + 6, head.top))):
        plain = _norm(title)
        if plain and (plain in _norm(prev_title) or _quoted_between(lines, prev.end, head.top, title)):
            return False
        if difflib.SequenceMatcher(None, plain, _norm(prev_title)).ratio() >= 0.8:
            return False
    return True


def _quoted_between(lines: list[Line], a: int, b: int, title: str) -> bool:
    quoted = f"《{title}》"
    return any(quoted in squash(lines[x].stripped) for x in range(a, b))


def _norm(title: str | None) -> str:
    return re.sub(r"[\s\u3000“”\"'《》、，,（）()的]", "", title or "")


# -- the tail --------------------------------------------------------------------------------------------
@dataclass
class TailRead:
    """What `read_tail` found: the closing's lines [start, end), the 版记 lines [colophon, b) and the
    elements (附件说明, signature, date, 附注, 抄送, 印发, 共印)."""
    closing: tuple[int, int] | None = None
    colophon: int | None = None
    elements: list[Element] = field(default_factory=list)


def is_signature(line: Line) -> bool:
    """An issuing body (某某市人民政府办公室, 国务院办公厅　中央军委办公厅) or a person (市长 李四)."""
    s = line.stripped
    if shapes.person_signature().match(s):
        return True
    return len(s) <= 60 and not match_label(s) and shapes.organs(s) is not None


def find_closing(lines: list[Line], a: int, b: int) -> tuple[int, int] | None:
    """The first signature-and-date block in lines a..b: (first line, line after the date) or None."""
    for i in range(a, b):
        line = lines[i]
        if line.blank:
            continue
        if is_signature(line):
            j = _nonblank(lines, i + 1, b)
            while j < b and (is_signature(lines[j]) or shapes.seal_line().match(lines[j].stripped)) and j - i < 4:
                j = _nonblank(lines, j + 1, b)
            if j < b and _is_date_line(lines[j].stripped):
                return i, j + 1
        if _is_date_line(line.stripped):
            k = _prev_nonblank(lines, i, a)
            if k >= a and lines[k].stripped and len(lines[k].stripped) > 40:
                return i, i + 1
    last = _prev_nonblank(lines, b, a)
    if last > a and is_signature(lines[last]):
        return last, last + 1
    # a date after the body with nothing but notes below it, under a signature line that names no
    # organ (a template's placeholder, a name the vocabulary lacks)
    k = last
    while k > a and re.fullmatch(r"[（(][^（）()]{1,60}[）)]", lines[k].stripped):
        k = _prev_nonblank(lines, k, a)
    if k > a and _is_date_line(lines[k].stripped):
        p = _prev_nonblank(lines, k, a)
        s = lines[p].stripped if p >= a else ""
        if p > a and len(s) <= 30 and not re.search(r"[，。；：,;:！？]", s) and not match_label(s):
            return p, k + 1
        return k, k + 1
    return None


def closing_elements(lines: list[Line], c0: int, c1: int) -> list[Element]:
    out: list[Element] = []
    sig_lines = []
    for k in range(c0, c1):
        ln = lines[k]
        if ln.blank or shapes.seal_line().match(ln.stripped):
            continue
        s = ln.stripped
        if _is_date_line(s):
            d = _date_of(s)
            if d:
                out.append(DocDate(raw=_raw(ln), span=_span(ln), value=d))
            continue
        sig_lines.append(ln)
    if sig_lines:
        first, last = sig_lines[0], sig_lines[-1]
        span = (_span(first)[0], _span(last)[1])
        raw = "\n".join(_raw(x) for x in sig_lines)
        pm = shapes.person_signature().match(first.stripped)
        if pm and len(sig_lines) == 1:
            out.insert(0, Signature(raw=raw, span=span, person=pm.group("name"), role=drop_spaces(pm.group("role"))))
        else:
            organs = tuple(o for x in sig_lines for o in (shapes.organs(x.stripped) or []))
            out.insert(0, Signature(raw=raw, span=span, organs=organs))
    return out


def notes_after(lines: list[Line], c1: int, b: int) -> tuple[int, list[Element]]:
    """Bracketed lines under the date: 附注 (（此件公开发布）) and other remarks, which stay in the closing.
    Returns the line after them and the 附注 elements."""
    out: list[Element] = []
    r = _nonblank(lines, c1, b)
    end = c1
    while r < b and re.match(r"^[（(][^（）()]{1,60}[）)]$", lines[r].stripped):
        if shapes.note_line().match(lines[r].stripped):
            out.append(Note(raw=_raw(lines[r]), span=_span(lines[r]), value=lines[r].stripped))
        end = r + 1
        r = _nonblank(lines, end, b)
    return end, out


def colophon(lines: list[Line], a: int, b: int) -> tuple[int | None, list[Element]]:
    """The 版记 at the end of lines a..b: 抄送/分送 (wrapped over lines), 印发 line, 共印份数. Returns its
    first line (None when there is none) and its elements."""
    out: list[Element] = []
    k = _prev_nonblank(lines, b, a)
    start = None
    pending: list[Line] = []  # lines below a 抄送 line that continue its list
    while k >= a:
        ln = lines[k]
        s = ln.stripped
        pm = shapes.PRINTED_LINE.match(s)
        cm = shapes.COPIES.match(s)
        got = shapes.colophon_list(s)
        if pm:
            out.append(Printed(raw=_raw(ln), span=_span(ln), organ=squash(pm.group("organ")) or None,
                               date=parse_date(pm.group("date"))))
        elif cm:
            out.append(Copies(raw=_raw(ln), span=_span(ln), count=int(cm.group("n"))))
        elif got:
            field_, text = got
            if field_ == "cc":
                below = list(reversed(pending))
                last = below[-1] if below else ln
                out.append(CarbonCopy(raw="\n".join([_raw(ln)] + [_raw(x) for x in below]),
                                      span=(_span(ln)[0], _span(last)[1]),
                                      names=tuple(split_list(text + "".join(x.stripped for x in below)))))
        elif _continues_list(lines, k, a):
            pending.append(ln)
            k = _prev_nonblank(lines, k, a)
            continue
        else:
            break
        pending = []
        start = k
        k = _prev_nonblank(lines, k, a)
    out.sort(key=lambda e: e.span)
    return start, out


def _continues_list(lines: list[Line], k: int, a: int) -> bool:
    """Line k continues a 抄送 list printed above it (wrapped): a list line within 3 lines up, the lines
    between short and without a full stop, the list not closed by 。."""
    s = lines[k].stripped
    if len(s) > 80 or "。" in s[:-1] or shapes.ATTACHMENT_LINE.match(s) or shapes.is_attached_label(s):
        return False
    j = k
    for _ in range(3):
        j = _prev_nonblank(lines, j, a)
        if j < a:
            return False
        t = lines[j].stripped
        if shapes.colophon_list(t):
            return "。" not in t  # a list ends at its full stop
        if len(t) > 80 or "。" in t:
            return False
    return False


def attachment_note(lines: list[Line], a: int, b: int) -> tuple[int, int, AttachmentNote] | None:
    """The 附件说明 at the end of lines a..b (`附件：1. A` and `2. B` on the lines after): (first line,
    line after, element). Only item lines and blanks may follow it."""
    seen_item = False
    for k in range(_prev_nonblank(lines, b, a), a - 1, -1):
        s = lines[k].stripped
        if lines[k].blank:
            continue
        m = shapes.ATTACHMENT_REF.match(s)
        if m:
            titles = [_item_title(m.group("title"))]
            last = lines[k]
            for x in range(k + 1, b):
                if lines[x].blank:
                    continue
                im = shapes.ATTACHMENT_ITEM.match(lines[x].stripped)
                if im is None:
                    break
                titles.append(_item_title(im.group("title")))
                last = lines[x]
            return k, last.index + 1, AttachmentNote(raw="\n".join(_raw(lines[x]) for x in range(k, last.index + 1)
                                                                    if not lines[x].blank),
                                                     span=(_span(lines[k])[0], _span(last)[1]), titles=tuple(titles))
        if re.fullmatch(r"[（(][^（）()]{1,60}[）)]", s) and not seen_item:
            continue  # an editor's remark under the list: （以上附件略，详情请登录商务部网站）
        if not shapes.ATTACHMENT_ITEM.match(s) or len(s) > 60 or "。" in s:
            return None
        seen_item = True
    return None


def _item_title(s: str) -> str:
    s = s.strip(WS)
    m = shapes.ATTACHMENT_ITEM.match(s)
    if m and re.match(r"^[0-9]{1,2}[\.．、]", s):
        s = m.group("title")
    return squash(s).rstrip("；;。")
