"""Pages of furniture and blocks to the source string, its removals and its page map.

The source (what `Text.source` holds for a PDF) is the text as read, page after page, each page ending
with a form feed as pdftotext writes it:

    三门峡市人民政府公报        running header, with the blank line after it
                                 
    （四）帮扶企业稳岗用工。延长…   a paragraph: one printed line per source line
    2023 年 4 月 30 日。以个人身份…
                                 blank line between blocks (paragraphs, titles, tables)
    五、严格执法监管服务，…

    — 1 —                        page number
    \f

Removals make the clean text: furniture lines (`running_header`, `page_number`), the line breaks inside a
paragraph (`layout`, also where a paragraph runs from the foot of one column to the head of the next),
the end of a page inside a paragraph or a table (`page_break`), a table's header printed again where
the table goes on over a page (`table_header`), and the form feeds (`page_break`). The page map
gives the clean offset where each page's body starts and the page's printed label.
"""
from __future__ import annotations

from .pdf_furniture import PageRows
from .pdf_layout import Block
from .text import Removal


class Emitter:
    """Builds the source piece by piece; removed pieces become removals, kept ones the clean text."""

    def __init__(self):
        self.parts: list[str] = []
        self.removals: list[Removal] = []
        self.pos = 0
        self.clean_len = 0

    def keep(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.pos += len(s)
            self.clean_len += len(s)

    def drop(self, s: str, kind: str) -> None:
        if not s:
            return
        last = self.removals[-1] if self.removals else None
        if last is not None and last.kind == kind and last.end == self.pos:
            self.removals[-1] = Removal(kind, last.start, self.pos + len(s), last.raw + s)
        else:
            self.removals.append(Removal(kind, self.pos, self.pos + len(s), s))
        self.parts.append(s)
        self.pos += len(s)

    @property
    def source(self) -> str:
        return "".join(self.parts)


def emit(pages: list[PageRows], blocks: list[list[Block]], joins: list[bool]) -> tuple[str, list[Removal], list[tuple[int, str | None]]]:
    """`blocks[p]`: page p's blocks in reading order; `joins[n]`: the n-th block (counted over the whole
    document) runs on into the next one."""
    out = Emitter()
    page_map: list[tuple[int, str | None]] = []
    n = 0
    total = sum(len(b) for b in blocks)
    for page, page_blocks in zip(pages, blocks):
        top = [k for k in sorted(page.furniture) if _at_top(page, k)]
        bottom = [k for k in sorted(page.furniture) if k not in top]
        for i, k in enumerate(top):
            out.drop(page.rows[k].text + "\n", page.furniture[k])
            if i == len(top) - 1 and page_blocks:
                out.drop("\n", page.furniture[k])
        page_map.append((out.clean_len, page.label))
        for block in page_blocks:
            for k, item in enumerate(block.items):
                if item.row is None and block.repeated_header:
                    first, rest = item.text.split("\n", 1)
                    out.drop(first + "\n", "table_header")
                    out.keep(rest)
                elif item.row is None:
                    out.keep(item.text)
                else:
                    for piece, kind in item.row.pieces():
                        if kind is None:
                            out.keep(piece)
                        else:
                            out.drop(piece, kind)
                if k < len(block.joins):
                    if block.joins[k]:
                        out.drop("\n", "layout")
                    else:
                        out.keep("\n")
            n += 1
            if n == total:
                out.keep("\n")
                out.drop("\n", "blank_lines")
            elif joins[n - 1]:
                nxt_same_page = block is not page_blocks[-1]
                if block.align == "table":  # a table runs on: its rows stay one per line
                    out.keep("\n")
                    out.drop("\n", "layout" if nxt_same_page else "page_break")
                else:
                    out.drop("\n\n", "layout" if nxt_same_page else "page_break")
            else:
                out.keep("\n\n")
        for k in bottom:
            out.drop(page.rows[k].text + "\n", page.furniture[k])
        out.drop("\f", "page_break")
    return out.source, out.removals, page_map


def _at_top(page: PageRows, k: int) -> bool:
    """Furniture rows before the first body row are headers; the rest are footers."""
    return all(j in page.furniture for j in range(k))
