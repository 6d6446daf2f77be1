"""Clean text to lines and paragraphs, with the layout hints that cleaning recorded.

Markdown heading marks and bold marks were removed by cleaning; here they come back as hints on the
line (`heading` level, `bold_end`), read from the removals, never from the text itself.
"""
from __future__ import annotations

import bisect
import re
from array import array
from collections import namedtuple
from dataclasses import dataclass, field

from ..lexicon.spacing import WS


class Line(namedtuple("Line", "index start end text heading bold_end stripped blank")):
    """One line of the clean text: `index`, `start` (clean offset of its first character), `end` (of its
    newline, or of the text), `text`, `heading` (markdown heading level, 0 if none), `bold_end` (offset in
    `text` where a bold run starting the line ends, or None), and `stripped` and `blank`, asked of every
    line by several readers, worked out once when it is made (a piece of a line is a new Line).

    A tuple: made at C speed (LineSeq makes a large text's lines again as segmentation reads them), and
    small (a 50 MB input has over 600,000 lines)."""

    __slots__ = ()

    def __new__(cls, index: int, start: int, end: int, text: str, heading: int = 0, bold_end: int | None = None):
        stripped = text.strip(WS)
        return tuple.__new__(cls, (index, start, end, text, heading, bold_end, stripped, not stripped))


@dataclass
class Paragraph:
    lines: list[Line] = field(default_factory=list)

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def text(self) -> str:
        return "\n".join(l.text for l in self.lines)


def text_to_lines(text) -> list[Line]:
    return list(LineSeq(text))


def read_lines(text):
    """The clean text's lines for segmentation: a list when they are few (indexing a list is faster),
    else a LineSeq (made a block at a time)."""
    lines = LineSeq(text)
    return list(lines) if len(lines) <= LineSeq.BLOCK * LineSeq.KEEP else lines


_NEWLINE = re.compile("\n")


class LineSeq:
    """The clean text's lines (what `text_to_lines` lists), each made when it is first asked for, a block
    of lines at a time; only the blocks asked for last are kept. Why: a 50 MB input has 620,000 lines,
    170 MB as Line objects, while segmentation reads a few hundred lines around one place at a time (the
    heads in one pass, then each document in turn). A block let go is made again, equal, if asked for again.

    Indexing (`lines[k]`, `lines[a:b]` as a list), `len` and iteration behave as on the list."""

    BLOCK = 512  # lines a block (a power of two: `k >> SHIFT` is its block)
    SHIFT = 9
    KEEP = 64  # blocks kept (32,768 lines, about 9 MB)

    def __init__(self, text) -> None:
        self._clean = clean = text.clean
        self._heading_at, self._bold_at = _layout_hints(text)
        starts = array("i" if len(clean) < 2**31 else "q", [0])
        starts.extend(m.end() for m in _NEWLINE.finditer(clean))
        self._starts = starts  # line k starts at starts[k] and ends before the newline at starts[k + 1] - 1
        self._n = len(starts)
        self._blocks: dict[int, list[Line]] = {}
        self.keep = self.KEEP  # blocks kept (0: none, once the caller holds the lines it reads: forget)
        self._blanks: dict[int, int] = {}  # block -> its blank lines, counted when it is first made

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, k):
        if k.__class__ is not int:
            if isinstance(k, slice):
                return self._slice(*k.indices(self._n))
            k = k.__index__()
        if k < 0:
            k += self._n
            if k < 0:
                raise IndexError("line index out of range")
        block = self._blocks.get(k >> self.SHIFT)
        if block is None:
            if k >= self._n:
                raise IndexError("line index out of range")
            block = self._make(k >> self.SHIFT)
        return block[k & (self.BLOCK - 1)]

    def _slice(self, a: int, b: int, step: int) -> list[Line]:
        if step != 1:
            return [self[i] for i in range(a, b, step)]
        out: list[Line] = []
        while a < b:
            block = self._blocks.get(a >> self.SHIFT) or self._make(a >> self.SHIFT)
            first = a & ~(self.BLOCK - 1)
            out += block[a - first:b - first]
            a = first + self.BLOCK
        return out

    def __iter__(self):
        for b in range((self._n + self.BLOCK - 1) >> self.SHIFT):
            block = self._blocks.get(b)
            yield from (block if block is not None else self._make(b))

    def _make(self, b: int) -> list[Line]:
        if len(self._blocks) >= self.keep and self._blocks:
            del self._blocks[next(iter(self._blocks))]  # the oldest made
        first = b << self.SHIFT
        last = min(first + self.BLOCK, self._n)  # exclusive
        starts, clean, heading_at = self._starts, self._clean, self._heading_at
        pos = starts[first]
        chunk = clean[pos:starts[last] - 1] if last < self._n else clean[pos:]
        block = []
        make, append = tuple.__new__, block.append  # Line(...) without its Python-level __new__
        for i, raw in enumerate(chunk.split("\n"), first):
            stripped = raw.strip(WS)
            end = pos + len(raw)
            append(make(Line, (i, pos, end, raw, heading_at.get(pos, 0), None, stripped, not stripped)))
            pos = end + 1
        if self._bold_at:
            _mark_bold(block, self._bold_at)
        if self.keep:
            self._blocks[b] = block
        if b not in self._blanks:
            self._blanks[b] = sum(1 for line in block if line.blank)
        return block

    def forget(self) -> None:
        """Keep no blocks from now on (the caller keeps the lines it asks for as long as it needs them)."""
        self.keep = 0
        self._blocks.clear()

    def blank_lines(self) -> int:
        """How many lines are blank (counted as the blocks were made: made here only if never made)."""
        blocks = (self._n + self.BLOCK - 1) >> self.SHIFT
        return sum(self._blanks[b] if b in self._blanks else sum(1 for line in self._make(b) if line.blank)
                   for b in range(blocks))


def _layout_hints(text) -> tuple[dict[int, int], list[int]]:
    """Where cleaning removed markdown heading marks (clean offset -> level) and bold marks (offsets)."""
    heading_at: dict[int, int] = {}
    bold_at: list[int] = []
    for r in text.removals:
        if r.kind != "markdown":
            continue
        raw = r.raw.lstrip(" \t")
        if raw.startswith("#"):
            heading_at[r.at] = len(raw) - len(raw.lstrip("#"))
        if "**" in r.raw or "__" in r.raw:
            bold_at.append(r.at)
    return heading_at, bold_at


def _mark_bold(lines: list[Line], bold_at: list[int]) -> None:
    """The lines that start with a bold run get its end (`bold_end`)."""
    for n, line in enumerate(lines):
        k = bisect.bisect_left(bold_at, line.start)
        lead = len(line.text) - len(line.text.lstrip(WS))
        if k < len(bold_at) and bold_at[k] == line.start + lead and k + 1 < len(bold_at) \
                and bold_at[k + 1] <= line.end:
            lines[n] = line._replace(bold_end=bold_at[k + 1] - line.start)


def blank_separated(lines: list[Line]) -> bool:
    """True when paragraphs are separated by blank lines (markdown, PDF converters); False when
    every line is a paragraph (text copied from web pages, plain-text law databases)."""
    blank = lines.blank_lines() if isinstance(lines, LineSeq) else sum(1 for l in lines if l.blank)
    nonblank = len(lines) - blank
    return nonblank > 0 and blank >= 0.5 * nonblank


def lines_to_paragraphs(lines: list[Line], blank_mode: bool, starts_new=None) -> list[Paragraph]:
    """Group lines into paragraphs. A line starts a new paragraph after a blank line, in line mode,
    after or at a heading line, or when `starts_new(line)` says so (numbering labels)."""
    paras: list[Paragraph] = []
    prev: Line | None = None
    for line in lines:
        if line.blank:
            prev = None
            continue
        new = (
            prev is None or not blank_mode or line.heading or prev.heading
            or (starts_new is not None and starts_new(line))
        )
        if new or not paras:
            paras.append(Paragraph([line]))
        else:
            paras[-1].lines.append(line)
        prev = line
    return paras
