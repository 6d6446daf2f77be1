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

import re

from .text import Removal
from ..segment import patterns as P

_HEADING_MARK = re.compile(r"^(#{1,6})[ \t]+|^#{1,6}$")
_LIST_MARK = re.compile(r"^[ \t]*[-*+][ \t]+(?=\S)")
_BOLD = re.compile(r"\*\*|__")
_HARD_BREAK = re.compile(r"[ \t]{2,}$")
_MARKUP_ELEMENT = re.compile(r"<(sub|sup)>[^<\n]{0,20}</\1>|<!--.*?-->", re.S)
_MARKUP_TAG = re.compile(r"</?(?:br|p|span|div|b|strong|i|em|u|font|center)\b[^>\n]*>", re.I)
_PAGE_NUMBER = re.compile(r"^[ \t]*(?:[-—–－]{1,3}[ \t]*\d{1,4}[ \t]*[-—–－]{1,3}|第[ \t]*\d{1,4}[ \t]*页|-[ \t]*\d{1,4}[ \t]*-)[ \t]*$")
_TERMINAL = set("。！？；：!?;:…）)】〕]》」』")
_LEADER = re.compile(r"(?:\.{3,}|…{2,}|·{3,})\s*\d*\s*$")
_CONTINUATION = set("和及与或的等并且，、；。）)")
_BLANK_RUN = re.compile(r"\n(?:[ \t\u3000]*\n){2,}")
_PARA_BREAK = re.compile(r"\n(?:[ \t\u3000]*\n)+")
JOIN_MIN_PARAGRAPH = 24  # a paragraph cut by a page break fills at least a couple of printed lines


class _Mask:
    """Which source characters are removed, and as what."""

    def __init__(self, source: str):
        self.source = source
        self.kind: list[str | None] = [None] * len(source)

    def mark(self, start: int, end: int, kind: str, over: tuple[str, ...] = ()) -> None:
        for i in range(start, end):
            if self.kind[i] is None or self.kind[i] in over:
                self.kind[i] = kind

    def visible(self) -> tuple[str, list[int]]:
        """The text that is left, with each character's source offset."""
        idx = [i for i, k in enumerate(self.kind) if k is None]
        return "".join(self.source[i] for i in idx), idx

    def removals(self) -> list[Removal]:
        out: list[Removal] = []
        i, n = 0, len(self.kind)
        while i < n:
            k = self.kind[i]
            if k is None:
                i += 1
                continue
            j = i
            while j < n and self.kind[j] == k:
                j += 1
            out.append(Removal(k, i, j, self.source[i:j]))
            i = j
        return out


def running_title(source: str) -> str | None:
    """The gazette's title as printed on every page: the first line naming a 公报, spaces dropped."""
    for line in source.split("\n", 200)[:200]:
        bare = re.sub(r"[#*\s\u3000]", "", line)
        if bare.endswith("公报") and 4 <= len(bare) <= 20 and "《" not in bare:
            return bare
    return None


def clean_removals(source: str, fmt: str = "markdown") -> list[Removal]:
    mask = _Mask(source)
    lines = _lines(source)
    markdown = fmt == "markdown"
    heading_lines: set[int] = set()
    info_end = source.find("<!-- INFO END -->")

    for start, end in lines:
        line = source[start:end]
        for m in _MARKUP_ELEMENT.finditer(line):
            mask.mark(start + m.start(), start + m.end(), "markup")
        for m in _MARKUP_TAG.finditer(line):
            mask.mark(start + m.start(), start + m.end(), "markup")
        if markdown:
            m = _HEADING_MARK.match(line)
            if m:
                mask.mark(start, start + m.end(), "markdown")
                heading_lines.add(start + m.end())
            m = _LIST_MARK.match(line)
            if m:
                mask.mark(start, start + m.end(), "markdown")
            for m in _BOLD.finditer(line):
                mask.mark(start + m.start(), start + m.end(), "markdown")
            m = _HARD_BREAK.search(line)
            if m and line.strip():
                mask.mark(start + m.start(), start + m.end(), "markdown")

    # Running headers and page numbers: whole lines, with their line break.
    title = running_title(source)
    seen_title = False
    for start, end in lines:
        line = source[start:end]
        bare = re.sub(r"[#*\s\u3000]", "", line)
        if title and bare == title:
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

    # Blank-line noise: at most one blank line between paragraphs; none at the start.
    text, idx = mask.visible()
    lead = re.match(r"[ \t\u3000]*\n(?:[ \t\u3000]*\n)*", text)
    if lead and lead.end():
        for k in range(0, lead.end()):
            mask.mark(idx[k], idx[k] + 1, "blank_lines")
    for m in _BLANK_RUN.finditer(text):
        # keep the first newline and the last, drop what lies between
        for k in range(m.start() + 1, m.end() - 1):
            mask.mark(idx[k], idx[k] + 1, "blank_lines")

    # Paragraphs cut by a page break.
    text, idx = mask.visible()
    heading_vis = {i for i, s in enumerate(idx) if s in heading_lines}
    # a heading mark followed by a bold mark: the first visible character of the line
    for i in range(1, len(idx)):
        if text[i - 1] == "\n" and mask.kind[idx[i] - 1] == "markdown" and _line_has_heading(source, idx[i], heading_lines):
            heading_vis.add(i)
    prev_end = 0
    for m in _PARA_BREAK.finditer(text):
        if info_end >= 0 and idx[m.start()] < info_end:
            prev_end = m.end()
            continue
        para = text[prev_end:m.start()]
        line_start = text.rfind("\n", 0, m.start()) + 1
        q_end = text.find("\n", m.end())
        nxt = text[m.end(): q_end if q_end >= 0 else len(text)]
        if _should_join(para, text[line_start:m.start()], nxt) and line_start not in heading_vis \
                and m.end() not in heading_vis:
            # the whole break, blank-line noise inside it included, is one page_break removal
            mask.mark(idx[m.start()], idx[m.end() - 1] + 1, "page_break", over=("blank_lines",))
            last = para.rstrip()[-1:]
            if last and last == nxt[:1] and "\u4e00" <= last <= "\u9fff":
                k = prev_end + len(para.rstrip()) - 1
                mask.mark(idx[k], idx[k] + 1, "duplicate_char")
        prev_end = m.end()
    return mask.removals()


def _line_has_heading(source: str, pos: int, heading_lines: set[int]) -> bool:
    line_start = source.rfind("\n", 0, pos) + 1
    m = _HEADING_MARK.match(source[line_start:pos + 1])
    return bool(m) and (line_start + m.end()) in heading_lines


_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def _should_join(para: str, last_line: str, nxt: str) -> bool:
    para_s = para.strip()
    last = last_line.rstrip()
    if len(para_s) < JOIN_MIN_PARAGRAPH or not last or not nxt.strip():
        return False
    if not any(ch in para_s for ch in "，。；,"):
        return False  # lists, mastheads and titles are not prose: never joined
    q0 = nxt.strip()[:1]
    if last[-1] in "）)" and q0 and q0 in _CONTINUATION and len(para_s) >= 60:
        return True
    if last[-1] in _TERMINAL or "\t" in last or _LEADER.search(last) or last.lstrip().startswith("|"):
        return False
    q = nxt.strip()
    if P.starts_with_label(q) or P.is_standalone_date(q) or P.is_doc_number_line(q) or P.ATTACHMENT_LINE.match(q):
        return False
    if "\t" in nxt or q.startswith("|"):
        return False
    return True


def _lines(source: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in source.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out
