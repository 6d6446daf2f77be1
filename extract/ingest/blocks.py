"""Paragraphs and tables to a Text's source and removals: the writer the Word and OFD readers share.

The source is laid out as the HTML reader lays out a page: one block per paragraph and a blank line
between blocks; a table is one block, a line per row, its cells separated by tabs; a manual line break
inside a paragraph is a kept newline (a title printed over two lines stays one paragraph). What is in
the source but not content is removed and recorded: a line's indent and trailing spaces (`layout`),
the break of a line that runs on into the next (`layout`), page numbers and page ends (`page_number`,
`page_break`), which fixed-layout readers (OFD) place where they were printed. After `finish`: the clean text has no indents, no tab outside a table row, and ends
with one newline.
"""
from __future__ import annotations

import re

from .pdf_text import Emitter

_DASHES = "—–－‐─━·•\\-"
PAGE_LINE = re.compile(  # a line that is only a page number: — 2 —, - 2 -, ·2·, 第2页, 第2页 共5页, 2/5
    rf"^[\s{_DASHES}]*(?:第\s*)?\d{{1,4}}(?:\s*页)?(?:\s*[/／共]\s*\d{{1,4}}\s*页?)?[\s{_DASHES}]*$")
_EDGE_WS = re.compile(r"^[ \t\u3000\xa0\u2002\u2003]*(.*?)[ \t\u3000\xa0\u2002\u2003]*$", re.S)
_CELL_WS = re.compile(r"[ \t\n\u3000\xa0\u2002\u2003]+")


def cell_text(pieces: list[str]) -> str:
    """A table cell's paragraphs (or printed lines) as one line: white space runs are one space, no
    tabs; pieces run on without a space unless a Latin letter or digit meets another (运营线 + 路长度
    is 运营线路长度, 2B + pencil keeps its space)."""
    out = ""
    for piece in pieces:
        piece = _CELL_WS.sub(" ", piece).strip()
        if not piece:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and piece[0].isascii() and piece[0].isalnum():
            out += " "
        out += piece
    return out


class BlockWriter:
    def __init__(self) -> None:
        self.out = Emitter()
        self.pages: list[tuple[int, str]] = []
        self._blocks = 0
        self._ended = False

    @property
    def blocks(self) -> int:
        return self._blocks

    def begin(self) -> None:
        """A new block starts: a blank line after the one before."""
        if self._blocks:
            self.out.keep("\n\n")
        self._blocks += 1

    _separate = begin

    def drop(self, raw: str, kind: str) -> None:
        self.out.drop(raw, kind)

    def line(self, text: str) -> None:
        """One printed line: indent and trailing spaces removed, tabs read as spaces."""
        m = _EDGE_WS.match(text)
        lead, body = text[: m.start(1)], m.group(1)
        self.out.drop(lead, "layout")
        self.out.keep(body.replace("\t", " "))
        self.out.drop(text[m.end(1):], "layout")

    def paragraph(self, text: str) -> None:
        """A paragraph; a newline inside it is a manual line break (kept). Blank paragraphs give nothing."""
        if not text.strip():
            return
        self._separate()
        for k, line in enumerate(text.split("\n")):
            if k:
                self.out.keep("\n")
            self.line(line)

    def table(self, rows: list[list[str]]) -> None:
        rows = [[cell_text([c]) for c in row] for row in rows]
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        self._separate()
        for k, row in enumerate(rows):
            if k:
                self.out.keep("\n")
            self.out.keep("\t".join(row))

    def dropped(self, text: str, kind: str) -> None:
        """A line that is in the file but not content (a page number in a footer)."""
        self.out.drop(text + "\n", kind)

    def page(self, label: str) -> None:
        """The next kept text is on the page printed `label`."""
        self.pages.append((self.out.clean_len, label))

    def end(self) -> None:
        """The text ends with one newline; removals may still follow."""
        if self._blocks and not self._ended:
            self.out.keep("\n")
        self._ended = True

    def finish(self):
        self.end()
        return self.out.source, self.out.removals, self.pages
