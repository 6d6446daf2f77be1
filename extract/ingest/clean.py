"""Cleaning conversion artefacts out of text, recorded, never silent.

After `clean_removals(source, fmt)`:
  - markdown marks (`#` heading marks, `**`, list bullets, trailing hard-break spaces) and markup residue
    (`<sub>2</sub>`, `<!-- comments -->`, stray tags) are removals of kind `markdown` / `markup`;
  - running headers (the gazette's title printed on every page) and page numbers (`— 12 —`) are removals
    of kind `running_header` / `page_number`, each with its line break;
  - runs of more than one blank line are cut to one, the rest a `blank_lines` removal;
  - a paragraph cut in two by a page break is joined again: the break is a `page_break` removal, and a
    character printed on both sides of the break (`困` / `困难群众`) a `duplicate_char` removal.
Every removal keeps its source span, so `Text.restore()` gives back the source exactly.
"""
from __future__ import annotations

import bisect
import re
import unicodedata

from ..lexicon.dates import is_standalone_date
from ..lexicon.docnumber import is_doc_number_line
from ..lexicon.heads import ATTACHMENT_LINE
from ..lexicon.numbering import starts_with_label
from ..lexicon.spacing import SEP
from .text import Removal

_HEADING_MARK = re.compile(r"^(#{1,6})[ \t]+|^#{1,6}$", re.M)
_LIST_MARK = re.compile(r"^[ \t]*[-*+][ \t]+(?=\S)", re.M)
_BOLD = re.compile(r"\*\*|__")
_HARD_BREAK = re.compile(r"(?=[ \t]{2})(?<![ \t])[ \t]{2,}$", re.M)  # (the lookahead: a fast reject)
_MARKUP_ELEMENT = re.compile(r"<(sub|sup)>[^<\n]{0,20}</\1>|<!--[^\n]*?-->")
_MARKUP_TAG = re.compile(r"</?(?:br|p|span|div|b|strong|i|em|u|font|center)\b[^>\n]*>", re.I)
_PAGE_NUMBER = re.compile(r"^[ \t]*(?:[-—–－]{1,3}[ \t]*\d{1,4}[ \t]*[-—–－]{1,3}|第[ \t]*\d{1,4}[ \t]*页|-[ \t]*\d{1,4}[ \t]*-)[ \t]*$")
_TERMINAL = set("。！？；：!?;:…）)】〕]》」』")
_LEADER = re.compile(r"(?:\.{3,}|…{2,}|·{3,})\s*\d*\s*$")
_CONTINUATION = set("和及与或的等并且，、；。）)")
# Runs of blank lines as one character class (a repeated group costs the regex engine memory per line:
# 120 MB for a million blank lines); a blank run has three line breaks or more.
_BLANKS = SEP[:-1] + "\n]"
assert SEP.startswith("[") and SEP.endswith("]")
_BLANK_RUN = re.compile(rf"\n{_BLANKS}*\n")
_PARA_BREAK = re.compile(rf"\n{_BLANKS}*\n")
_LEAD = re.compile(rf"{_BLANKS}*\n")
_HIDDEN = "hidden"
JOIN_MIN_PARAGRAPH = 24  # a paragraph cut by a page break fills at least a couple of printed lines


_KINDS = (None, _HIDDEN, "markup", "markdown", "running_header", "page_number", "blank_lines", "page_break",
          "duplicate_char", "layout")
_CODE = {k: i for i, k in enumerate(_KINDS)}
# a run of one kind (alternatives of single-byte repeats: a backreference would cost memory per byte)
_RUN = re.compile(b"|".join(re.escape(bytes((i,))) + b"+" for i in range(1, len(_KINDS))))
_KEPT = re.compile(rb"\x00+")
_MARKED = re.compile(rb"[^\x00]+")


class _Mask:
    """Which source characters are removed, and as what: one byte per source character (0: kept), so
    memory stays at the input's size and marking a range is one slice assignment, however long the
    range (10 MB of blank lines is one blank_lines run, not ten million dictionary entries)."""

    def __init__(self, source: str):
        self.source = source
        self.code = bytearray(len(source))

    def removed(self, i: int) -> bool:
        return self.code[i] != 0

    def mark(self, start: int, end: int, kind: str, over: tuple[str, ...] = ()) -> None:
        """Mark source[start:end] as `kind` where it is not yet marked (or marked as a kind in `over`)."""
        if end <= start:
            return
        c = _CODE[kind]
        seg = self.code[start:end]
        if not seg.strip(b"\x00"):
            self.code[start:end] = bytes((c,)) * (end - start)
            return
        allowed = {0} | {_CODE[o] for o in over}
        self.code[start:end] = seg.translate(bytes(c if i in allowed else i for i in range(256)))

    def mark_visible(self, idx: "_VisMap", a: int, b: int, kind: str, over: tuple[str, ...] = ()) -> None:
        """Mark the source characters behind visible[a:b]."""
        for src, n in idx.pieces(a, b):
            self.mark(src, src + n, kind, over)

    def visible(self) -> tuple[str, "_VisMap"]:
        """The text that is left, and the map from its offsets to source offsets."""
        pieces, vis_starts, src_starts = [], [], []
        vis = 0
        for m in _KEPT.finditer(self.code):
            a, b = m.span()
            pieces.append(self.source[a:b])
            vis_starts.append(vis)
            src_starts.append(a)
            vis += b - a
        return "".join(pieces), _VisMap(vis_starts, src_starts, vis)

    def removals(self) -> list[Removal]:
        out: list[Removal] = []
        code, source = self.code, self.source
        # find the marked stretches first (one fast scan for non-zero bytes), then split each into its
        # runs of one kind (nearly always one): scanning with _RUN alone tries every kind at every byte
        for m in _MARKED.finditer(code):
            a, end = m.span()
            while a < end:
                b = _RUN.match(code, a, end).end()
                out.append(Removal(_KINDS[code[a]], a, b, source[a:b]))
                a = b
        return out


class _VisMap:
    """Visible offset -> source offset (piecewise linear), and back."""

    def __init__(self, vis_starts: list[int], src_starts: list[int], total: int = 0):
        self.vis_starts = vis_starts
        self.src_starts = src_starts
        self.total = total

    def __getitem__(self, k: int) -> int:
        j = bisect.bisect_right(self.vis_starts, k) - 1
        return self.src_starts[j] + (k - self.vis_starts[j])

    def pieces(self, a: int, b: int):
        """(source start, length) of the stretches of source behind visible[a:b]."""
        j = max(0, bisect.bisect_right(self.vis_starts, a) - 1)
        while j < len(self.vis_starts) and a < b:
            end = self.vis_starts[j + 1] if j + 1 < len(self.vis_starts) else self.total
            if a < end:
                n = min(b, end) - a
                yield self.src_starts[j] + (a - self.vis_starts[j]), n
                a += n
            j += 1

    def to_visible(self, s: int) -> int | None:
        """Visible offset of source offset s, or None when s is removed."""
        j = bisect.bisect_right(self.src_starts, s) - 1
        if j < 0:
            return None
        v = self.vis_starts[j] + (s - self.src_starts[j])
        end = self.vis_starts[j + 1] if j + 1 < len(self.vis_starts) else None
        if end is not None and v >= end:
            return None
        return v


_BARE = re.compile(r"[#*\s\u3000]")  # what a running title's line has besides the title


def running_title(source: str) -> str | None:
    """The gazette's title as printed on every page: the first line naming a 公报, spaces dropped."""
    for line in source.split("\n", 200)[:200]:
        if "报" not in line:
            continue  # (bare is the line less some characters: no 报, no 公报)
        bare = _BARE.sub("", line)
        if bare.endswith("公报") and 4 <= len(bare) <= 20 and "《" not in bare:
            return bare
    return None


def clean_removals(source: str, fmt: str = "markdown", hidden=()) -> list[Removal]:
    """`hidden`: offsets of characters that are not there for cleaning (zero-width characters, which
    ingest records as folds): cleaning looks through them and records no removal for them."""
    mask = _Mask(source)
    for i in hidden:
        mask.code[i] = _CODE[_HIDDEN]
    markdown = fmt == "markdown"
    heading_lines: set[int] = set()
    info_end = source.find("<!-- INFO END -->")

    for m in _MARKUP_ELEMENT.finditer(source):
        mask.mark(m.start(), m.end(), "markup")
    for m in _MARKUP_TAG.finditer(source):
        mask.mark(m.start(), m.end(), "markup")
    if markdown:
        for m in _HEADING_MARK.finditer(source):
            mask.mark(m.start(), m.end(), "markdown")
            heading_lines.add(m.end())
        for m in _LIST_MARK.finditer(source):
            mask.mark(m.start(), m.end(), "markdown")
        for m in _BOLD.finditer(source):
            mask.mark(m.start(), m.end(), "markdown")
        for m in _HARD_BREAK.finditer(source):
            if source[source.rfind("\n", 0, m.start()) + 1:m.start()].strip():
                mask.mark(m.start(), m.end(), "markdown")

    # Running headers and page numbers: whole lines, with their line break.
    title = running_title(source)
    seen_title = False
    for start, end in _filled_lines(source):
        line = source[start:end]
        if title and _BARE.sub("", line) == title:
            if not seen_title:
                seen_title = True
                continue
            mask.mark(start, min(end + 1, len(source)), "running_header")
        elif _PAGE_NUMBER.match(line):
            mask.mark(start, min(end + 1, len(source)), "page_number")
        elif not line.strip("#*- \t\u3000") and line.strip() and not _TABLE_RULE.match(line):
            # a line of only markdown marks: nothing to keep
            mask.mark(start, end, "markdown")
        elif "<!--" in line and not re.sub(r"<!--.*?-->", "", line).strip():
            pass  # comment already marked as markup

    _mark_blank_runs(mask)  # (its visible text is gone before the next is made: each is the input's size)

    # Paragraphs cut by a page break.
    text, idx = mask.visible()
    heading_vis: set[int] = set()
    for hs in heading_lines:
        # the first visible character of a heading line (after its # and any bold mark)
        line_end = source.find("\n", hs)
        line_end = len(source) if line_end < 0 else line_end
        p = hs
        while p < line_end and mask.removed(p):
            p += 1
        v = idx.to_visible(p) if p < line_end else None
        if v is not None:
            heading_vis.add(v)
    prev_end = 0
    in_info = info_end >= 0
    for m in _PARA_BREAK.finditer(text):
        if in_info and idx[m.start()] < info_end:
            prev_end = m.end()
            continue
        in_info = False  # idx is increasing: every later break is past the INFO END too
        para = text[prev_end:m.start()]
        line_start = text.rfind("\n", 0, m.start()) + 1
        q_end = text.find("\n", m.end())
        nxt = text[m.end(): q_end if q_end >= 0 else len(text)]
        if _should_join(para, text[line_start:m.start()], nxt) and line_start not in heading_vis \
                and m.end() not in heading_vis:
            # the whole break, blank-line noise inside it included, is one page_break removal
            mask.mark(idx[m.start()], idx[m.end() - 1] + 1, "page_break", over=("blank_lines",))
            last = para.rstrip()[-1:]
            # a character printed on both sides of a real page break (blank lines of a page gap, not a
            # plain paragraph break: 饮用水 / 水源 is a word)
            if last and last == nxt[:1] and "\u4e00" <= last <= "\u9fff" and source[idx[m.start()]:idx[m.end() - 1] + 1].count("\n") >= 3:
                k = prev_end + len(para.rstrip()) - 1
                mask.mark(idx[k], idx[k] + 1, "duplicate_char")
        prev_end = m.end()
    text = idx = m = None  # (m, a match, holds the text too)
    if fmt == "text":
        _join_wrapped_lines(mask)
    for m in re.finditer("\f", source):
        if not mask.removed(m.start()):
            mask.code[m.start()] = _CODE["page_break"]  # a form feed between pages: layout, not content
    return [r for r in mask.removals() if r.kind != _HIDDEN]


def _mark_blank_runs(mask: _Mask) -> None:
    """Blank-line noise: at most one blank line between paragraphs; none at the start."""
    text, idx = mask.visible()
    lead = _LEAD.match(text)
    if lead and lead.end():
        mask.mark_visible(idx, 0, lead.end(), "blank_lines")
    for m in _BLANK_RUN.finditer(text):
        if text.count("\n", m.start(), m.end()) < 3:
            continue
        # keep the first newline and the last, drop what lies between
        mask.mark_visible(idx, m.start() + 1, m.end() - 1, "blank_lines")


_INDENT = re.compile(r"^(?:[ \t]{2,}|\u3000)")
WRAP_FULL_SHARE = 0.3  # share of lines that must fill the printed width for text to count as wrapped


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _join_wrapped_lines(mask: _Mask) -> None:
    """Text hard-wrapped at the printed width (PDF-to-text converters) has one line per printed line:
    a line that fills the width continues on the next unless that one is indented (a new paragraph)
    or starts with a label, a date or a 文号. The line break is a `layout` removal."""
    text, idx = mask.visible()
    lines = text.split("\n")
    widths = [display_width(l.rstrip()) for l in lines if l.strip()]
    if len(widths) < 20:
        return
    full = sorted(widths)[int(len(widths) * 0.9)]
    if full < 40 or sum(w >= full - 4 for w in widths) < WRAP_FULL_SHARE * len(widths):
        return
    pos = 0
    for a, b in zip(lines, lines[1:]):
        nl = pos + len(a)
        pos = nl + 1
        if not a.strip() or not b.strip() or display_width(a.rstrip()) < full - 4:
            continue
        if "\t" in a or "\t" in b or _INDENT.match(b) or _LEADER.search(a):
            continue
        q = b.strip()
        if starts_with_label(q) or is_standalone_date(q) or is_doc_number_line(q) or ATTACHMENT_LINE.match(q):
            continue
        trail = len(a) - len(a.rstrip(" \t"))
        mask.mark(idx[nl - trail], idx[nl] + 1, "layout")


_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def _should_join(para: str, last_line: str, nxt: str) -> bool:
    last = last_line.rstrip()
    if not last or last[-1] in _TERMINAL and last[-1] not in "）)":
        return False  # (what every test below says of such a line, the cheapest way: most end in 。)
    para_s = para.strip()
    if len(para_s) < JOIN_MIN_PARAGRAPH or not last or not nxt.strip():
        return False
    if not any(ch in para_s for ch in "，。；,"):
        return False  # lists, mastheads and titles are not prose: never joined
    q0 = nxt.strip()[:1]
    if last[-1] in "）)" and q0 and q0 in _CONTINUATION and len(para_s) >= 60:
        return True
    # every test from here on can only say no: the cheap ones first (most paragraphs end in 。)
    if last[-1] in _TERMINAL or "\t" in last or _LEADER.search(last) or last.lstrip().startswith("|"):
        return False
    if ATTACHMENT_LINE.match(last) or is_standalone_date(last) or is_doc_number_line(last):
        return False
    if starts_with_label(last.strip()) and len(last.strip()) <= 30 and "。" not in last:
        return False  # a heading ('二、工作职责') at the foot of a page: the next page starts its body
    q = nxt.strip()
    if starts_with_label(q) or is_standalone_date(q) or is_doc_number_line(q) or ATTACHMENT_LINE.match(q):
        return False
    if "\t" in nxt or q.startswith("|"):
        return False
    return True


_FILLED_LINE = re.compile(r"^[^\n]*\S[^\n]*$", re.M)


def _filled_lines(source: str):
    """(start, end) of every line with something on it, lazily (blank lines cost nothing)."""
    for m in _FILLED_LINE.finditer(source):
        yield m.start(), m.end()
