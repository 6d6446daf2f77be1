"""A page's body rows to regions and blocks: reading order, tables, paragraphs.

After `page_regions`: the body of a page is a list of `Region`s in reading order (one for a single-column
page; full-width bands and left/right columns for a two-column page, see `pdf_columns`), each holding
`Item`s top to bottom: text rows, and tables (ruled ones read by pdfplumber, unruled ones found here by
their aligned wide gaps) as rows of cells.

After `region_blocks`: each region's items are grouped into `Block`s, the paragraphs of the output. A
block starts at a first-line indent, a change of alignment (centred titles, right-set signatures), a
change of type size, a wider gap than the document's line spacing, or a table. Inside a block a line
break is dropped (`joins[k]`) when the line was wrapped: the next line's first character or word would
not have fitted at its end.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .pdf_lines import Row, Word
from .pdf_plumber import Table

CELL_GAP = 1.8  # a gap this many ems wide inside a row separates table cells (or columns)


@dataclass
class Item:
    """A text row or a table, where it sits on the page."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    row: Row | None = None
    cells: list[list[str]] | None = None  # table: rows of cells

    @property
    def is_table(self) -> bool:
        return self.cells is not None

    @property
    def text(self) -> str:
        if self.cells is not None:
            return "\n".join("\t".join(c) for c in self.cells)
        return self.row.text

    def first_unit(self) -> float:
        """Width of what a typesetter would not split: the first character, or the first Latin word."""
        w = self.row.words[0]
        return (w.x1 - w.x0) if w.text[:1].isascii() and w.text[:1].isalnum() else w.first_w


@dataclass
class Region:
    """A full-width band or a column: items top to bottom, with the text block's edges."""

    kind: str  # full | left | right
    items: list[Item]
    left: float = 0.0
    right: float = 0.0


@dataclass
class Block:
    """A paragraph, a title, a signature, or a table: rows kept together, with the breaks to drop."""

    items: list[Item]
    joins: list[bool] = field(default_factory=list)  # joins[k]: drop the break after items[k]
    align: str = "flush"
    region: Region | None = None
    page: int = 0  # index of the page it is on


# -- tables ---------------------------------------------------------------------------------------------
def cell_text(text: str | None) -> str:
    """A cell printed over several lines, as one line: Chinese lines joined, Latin words spaced."""
    if not text:
        return ""
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    out = ""
    for p in parts:
        if out and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum():
            out += " "
        out += p
    return out.replace("\t", " ")


def place_tables(rows: list[Row], tables: list[Table]) -> list[Item]:
    """Rows and ruled tables as items: the words inside a table's box are the table's, not the rows'."""
    items: list[Item] = []
    for t in tables:
        cells = [[cell_text(c) for c in r] for r in t.rows]
        cells = [r for r in cells if any(r)]
        size = max((r.size for r in rows if r.top >= t.top - 1 and r.bottom <= t.bottom + 1), default=10.0)
        items.append(Item(t.x0, t.x1, t.top, t.bottom, size, cells=cells))
    for r in rows:
        if tables:
            words = [w for w in r.words if not _inside(w, tables)]
            if not words:
                continue
            if len(words) != len(r.words):
                r = Row(words)
        items.append(Item(r.x0, r.x1, r.top, r.bottom, r.size, row=r))
    items.sort(key=lambda it: it.top)
    return items


def _inside(w: Word, tables: list[Table]) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return any(t.x0 - 1 <= cx <= t.x1 + 1 and t.top - 1 <= cy <= t.bottom + 1 for t in tables)


def fragments(row: Row) -> list[list[Word]]:
    """The row cut at gaps wider than CELL_GAP ems: table cells, or the two columns' lines."""
    out: list[list[Word]] = [[row.words[0]]]
    for w in row.words[1:]:
        if w.x0 - out[-1][-1].x1 > CELL_GAP * row.size:
            out.append([w])
        else:
            out[-1].append(w)
    return out


def find_unruled_tables(items: list[Item]) -> list[Item]:
    """Two or more consecutive rows cut into the same number (2+) of cells by wide gaps are a table."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        run = []
        j = k
        while j < len(items) and items[j].row is not None:
            frs = fragments(items[j].row)
            if len(frs) < 2 or (run and len(frs) != len(run[0])):
                break
            run.append(frs)
            j += 1
        if len(run) >= 2:
            cells = [[" ".join(w.text for w in fr) for fr in frs] for frs in run]
            group = items[k:j]
            out.append(Item(min(i.x0 for i in group), max(i.x1 for i in group), group[0].top, group[-1].bottom,
                            group[0].size, cells=cells))
            k = j
        else:
            out.append(items[k])
            k += 1
    return out


# -- blocks ---------------------------------------------------------------------------------------------
def alignment(item: Item, left: float, right: float, body_size: float) -> str:
    """flush | indent | center | right | other, against the region's text edges."""
    em = item.size or body_size
    lgap, rgap = item.x0 - left, right - item.x1
    if item.size > 1.15 * body_size and abs(lgap - rgap) <= 1.5 * em:
        return "center"  # a title, however wide
    if lgap <= 0.5 * em:
        return "flush"
    if abs(lgap - rgap) <= 1.5 * em and lgap > 2.6 * em:
        return "center"
    if rgap <= 4.5 * em and lgap > (right - left) / 2:
        return "right"
    if lgap <= 4.5 * em:
        return "indent"
    return "other"


def wrapped(a: Item, b: Item, right: float) -> bool:
    """Was the line `a` broken only because `b`'s first character or word did not fit after it?"""
    if a.is_table or b.is_table:
        return False
    em = a.size
    return a.x1 + b.first_unit() >= right - 0.3 * em


def joinable(a: Item, b: Item) -> bool:
    """A wrapped break is dropped, except between two Latin words (the break was their space)."""
    ta, tb = a.row.words[-1].text, b.row.words[0].text
    return not (ta[-1:].isascii() and ta[-1:].isalnum() and tb[:1].isascii() and tb[:1].isalnum())


def numbered_start(a: Item, b: Item) -> bool:
    """`b` opens a numbered provision (第二条, 二、, （二）) right after a sentence ended: a new paragraph,
    even when nothing in the layout says so (no indent, the line before it full)."""
    from ..lexicon.numbering import starts_with_label

    return a.row.text.rstrip()[-1:] in "。；！？：:;!?" and starts_with_label(b.row.text)


def region_blocks(region: Region, body_size: float, body_gap: float, page: int) -> list[Block]:
    blocks: list[Block] = []
    prev: Item | None = None
    prev_align = ""
    for item in region.items:
        align = "table" if item.is_table else alignment(item, region.left, region.right, body_size)
        new = True
        join = False
        if prev is not None and not item.is_table and not prev.is_table:
            same_size = abs(item.size - prev.size) <= 0.12 * max(item.size, prev.size)
            gap = item.top - prev.bottom
            close = gap <= body_gap + 0.5 * max(item.size, prev.size)
            if same_size and close:
                if prev_align == "center" and align == "center":
                    new, join = False, joinable(prev, item)
                elif prev_align == "right" and align == "right":
                    new = False
                elif align == "flush" and prev_align in ("flush", "indent", "other") \
                        and not numbered_start(prev, item):
                    new = False
                    join = wrapped(prev, item, region.right) and joinable(prev, item)
        if new:
            blocks.append(Block([item], [], "table" if item.is_table else align, region, page))
        else:
            blocks[-1].items.append(item)
            blocks[-1].joins.append(join)
        prev, prev_align = item, align
    return blocks


def continues(a: Block, b: Block, body_size: float) -> bool:
    """Does block `b` (next column or next page) continue the paragraph `a` ends with?"""
    if a.align == "table" or b.align == "table" or a.align in ("center", "right"):
        return False
    last, first = a.items[-1], b.items[0]
    if abs(last.size - first.size) > 0.12 * max(last.size, first.size):
        return False
    if alignment(first, b.region.left, b.region.right, body_size) != "flush" or numbered_start(last, first):
        return False
    return wrapped(last, first, a.region.right) and joinable(last, first)
