"""Clean text to lines and paragraphs, with the layout hints that cleaning recorded.

Markdown heading marks and bold marks were removed by cleaning; here they come back as hints on the
line (`heading` level, `bold_end`), read from the removals, never from the text itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon.spacing import WS


@dataclass(slots=True)
class Line:
    """One line of the clean text. `text` is never changed once the line is made (a piece of a line is a
    new Line), so `stripped` and `blank`, asked of every line by several readers, are worked out once,
    when it is made. Slots: a 50 MB input has over a million lines."""
    index: int
    start: int  # clean offset of the first character
    end: int  # clean offset of the newline (or end of text)
    text: str
    heading: int = 0  # markdown heading level, 0 if none
    bold_end: int | None = None  # offset in `text` where a bold run starting the line ends
    stripped: str = field(init=False, repr=False, compare=False)  # text without surrounding spaces
    blank: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.stripped = self.text.strip(WS)
        self.blank = not self.stripped


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
    clean = text.clean
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
    lines: list[Line] = []
    pos = 0
    for i, raw in enumerate(clean.split("\n")):
        line = Line(i, pos, pos + len(raw), raw, heading_at.get(pos, 0))
        lines.append(line)
        pos += len(raw) + 1
    if bold_at:
        import bisect

        for line in lines:
            k = bisect.bisect_left(bold_at, line.start)
            lead = len(line.text) - len(line.text.lstrip(WS))
            if k < len(bold_at) and bold_at[k] == line.start + lead and k + 1 < len(bold_at) \
                    and bold_at[k + 1] <= line.end:
                line.bold_end = bold_at[k + 1] - line.start
    return lines


def blank_separated(lines: list[Line]) -> bool:
    """True when paragraphs are separated by blank lines (markdown, PDF converters); False when
    every line is a paragraph (text copied from web pages, plain-text law databases)."""
    nonblank = sum(1 for l in lines if not l.blank)
    blank = len(lines) - nonblank
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
