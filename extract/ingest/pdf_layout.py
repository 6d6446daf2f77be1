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

import re
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



@dataclass
class Region:
    """A full-width band or a column: items top to bottom, with the text block's edges."""

    kind: str  # full | left | right
    items: list[Item]
    left: float = 0.0
    right: float = 0.0
    body_size: float = 10.0  # the document's body type size


@dataclass
class Block:
    """A paragraph, a title, a signature, or a table: rows kept together, with the breaks to drop."""

    items: list[Item]
    joins: list[bool] = field(default_factory=list)  # joins[k]: drop the break after items[k]
    align: str = "flush"
    region: Region | None = None
    page: int = 0  # index of the page it is on
    aligns: list[str] = field(default_factory=list)  # the alignment of every item
    repeated_header: bool = False  # a table continued from the page before, its header printed again


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
    """Rows and ruled tables as items: the words inside a table's box are the table's, not the rows',
    and every one of them goes into the cell of the table's grid it lies in (`grid_cells`)."""
    items: list[Item] = []
    tables = [t for t in (without_captions(t) for t in tables) if t is not None]
    inside: list[list[Word]] = [[] for _ in tables]
    for r in rows:
        if tables:
            words = []
            for w in r.words:
                k = _inside(w, tables)
                if k is None:
                    words.append(w)
                else:
                    inside[k].append(w)
            if not words:
                continue
            if len(words) != len(r.words):
                r = Row(words)
        items.append(Item(r.x0, r.x1, r.top, r.bottom, r.size, row=r))
    for t, words in zip(tables, inside):
        if not words:
            continue
        size = sorted(c.bottom - c.top for w in words for c in w.chars)[len([c for w in words for c in w.chars]) // 2]
        cells = grid_cells(t, words, size)
        if cells:
            items.append(Item(t.x0, t.x1, t.top, t.bottom, size, cells=cells))
    items.sort(key=lambda it: it.top)
    return items


UNIT_CELL = re.compile(r"^\s*[（(][^（）()]{1,12}[）)]\s*$")


def without_captions(t: Table) -> Table | None:
    """The table without the rows at its top or bottom that are one cell across the whole table (a
    title or a note ruled in with it, as web pages printed to PDF have): those are text above and
    below the table. None when every row is such a cell."""
    ys = _cluster([t.top, t.bottom] + [c[1] for c in t.cells] + [c[3] for c in t.cells], 2.0)

    def caption(k: int) -> bool:
        top, bottom = ys[k], ys[k + 1]
        across = [c for c in t.cells if c[1] < bottom - 1 and c[3] > top + 1]
        return len(across) == 1 and across[0][0] <= t.x0 + 2 and across[0][2] >= t.x1 - 2

    bands = [k for k in range(len(ys) - 1) if not caption(k)]
    if not bands:
        return None
    top, bottom = ys[bands[0]], ys[bands[-1] + 1]
    if top == t.top and bottom == t.bottom:
        return t
    cells = tuple(c for c in t.cells if c[1] >= top - 1 and c[3] <= bottom + 1)
    return t._replace(top=top, bottom=bottom, cells=cells)


def _cluster(values: list[float], tolerance: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def grid_cells(t: Table, words: list[Word], size: float) -> list[list[str]]:
    """The table's words as rows of cells. Row bands come from the ruling (the tops and bottoms of the
    cells pdfplumber found), and each band's columns from the edges of the cells across it and the
    table's own sides; every character goes into the band and column it lies in, so a cell whose own
    borders are not drawn (row labels of a table ruled only above and below) keeps its text, and a cell
    merged across the table (a caption) stays one cell. A band holding several lines that each have text
    in its first column (the row's label) and in another one (rows between two rules) is that many rows;
    the other lines go with the nearest such line (a cell printed over two lines, a label centred
    beside them); a band with at most one such line is one row."""
    ys = _cluster([t.top, t.bottom] + [c[1] for c in t.cells] + [c[3] for c in t.cells], 2.0)

    def columns(band: int) -> list[float]:
        top, bottom = ys[band], ys[band + 1]
        edges = [t.x0, t.x1] + [x for c in t.cells if c[1] < bottom - 1 and c[3] > top + 1 for x in (c[0], c[2])]
        return _cluster(edges, 2.0)

    def col_of(xs: list[float], x: float) -> int:
        for c in range(1, len(xs) - 1):
            if x < xs[c]:
                return c - 1
        return max(0, len(xs) - 2)

    def band_of(y: float) -> int:
        for b in range(1, len(ys) - 1):
            if y < ys[b]:
                return b - 1
        return max(0, len(ys) - 2)

    # (band, line top) -> column -> [(x, text, word)]
    bands: dict[int, list[tuple[float, dict[int, list]]]] = {}
    pieces = []
    for w in words:
        for c in w.chars:
            pieces.append((band_of((c.top + c.bottom) / 2), c, w))
    word_x = {id(w): (w.x0 + w.x1) / 2 for w in words}  # a word goes into one cell, by its centre
    pieces.sort(key=lambda p: (p[0], p[1].base))
    band_columns: dict[int, list[float]] = {}
    for band, c, w in pieces:  # lines by baseline: a digit's box and a hanzi's differ in height
        lines = bands.setdefault(band, [])
        xs = band_columns.setdefault(band, columns(band))
        if not lines or c.base - lines[-1][0] > 0.25 * size:
            lines.append((c.base, {}))
        lines[-1][1].setdefault(col_of(xs, word_x[id(w)]), []).append((c.x0, c.text, w))
    out: list[list[str]] = []
    for band in sorted(bands):
        lines = bands[band]
        ncol = max(1, len(band_columns[band]) - 1)
        first = min(c for _, cols in lines for c in cols)
        starts = [k for k, (_, cols) in enumerate(lines) if first in cols and len(cols) >= 2
                  and not all(UNIT_CELL.match(_line_text(v)) for v in cols.values())]
        if len(starts) <= 1:
            groups = [lines]
        else:
            groups = [[] for _ in starts]
            for k, line in enumerate(lines):  # the nearest row start, the one above on a tie
                nearest = min(range(len(starts)), key=lambda g: (abs(lines[starts[g]][0] - line[0]), -g))
                groups[nearest].append(line)
        for group in groups:
            row = []
            for col in range(ncol):
                texts = [_line_text(cols[col]) for _, cols in group if col in cols]
                row.append(cell_text("\n".join(texts)))
            if any(row):
                out.append(row)
    return out


def _line_text(pieces: list[tuple[float, str, Word]]) -> str:
    """One line of a cell: its characters left to right, a space between two words."""
    pieces = sorted(pieces, key=lambda p: p[0])
    out = ""
    prev = None
    for _, ch, w in pieces:
        if prev is not None and w is not prev and (not w.glued or w.note or prev.note):
            out += " "
        out += ch
        prev = w
    return out


def _inside(w: Word, tables: list[Table]) -> int | None:
    """The index of the table whose box holds the word's centre, or None."""
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    for k, t in enumerate(tables):
        if t.x0 - 1 <= cx <= t.x1 + 1 and t.top - 1 <= cy <= t.bottom + 1:
            return k
    return None


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
    """Two or more consecutive rows cut into the same number (2+) of cells by wide gaps are a table. A
    row between them with fewer pieces, each lying inside one column, holds the second lines of cells
    printed over two lines: its pieces go on in those cells of the row above."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        run: list[list[list[str]]] = []  # rows of cells, each cell a list of lines
        spans: list[tuple[float, float]] = []
        full = 0
        j = k
        while j < len(items) and items[j].row is not None:
            frs = fragments(items[j].row)
            if len(frs) >= 2 and (not run or len(frs) == len(spans)):
                cells = [[" ".join(w.text for w in fr)] for fr in frs]
                edges = [(fr[0].x0, fr[-1].x1) for fr in frs]
                spans = edges if not spans else [(min(a, c), max(b, d)) for (a, b), (c, d) in zip(spans, edges)]
                run.append(cells)
                full += 1
                j += 1
                continue
            cols = _continuation(frs, spans, items[j].size) if run else None
            if cols is None:
                break
            for col, fr in zip(cols, frs):
                run[-1][col].append(" ".join(w.text for w in fr))
            j += 1
        if full >= 2:
            group = items[k:j]
            cells = [[cell_text("\n".join(c)) for c in r] for r in run]
            out.append(Item(min(i.x0 for i in group), max(i.x1 for i in group), group[0].top, group[-1].bottom,
                            group[0].size, cells=cells))
            k = j
        else:
            out.append(items[k])
            k += 1
    return out


def _continuation(frs: list[list[Word]], spans: list[tuple[float, float]], size: float) -> list[int] | None:
    """The columns the pieces of a row with fewer pieces than the table lie in, or None when some piece
    lies in no column (or two pieces in one): then the row is not part of the table."""
    if not spans or len(frs) >= len(spans):
        return None
    cols = []
    for fr in frs:
        x0, x1 = fr[0].x0, fr[-1].x1
        hit = [c for c, (a, b) in enumerate(spans) if x0 >= a - size and x1 <= b + size]
        if len(hit) != 1 or hit[0] in cols:
            return None
        cols.append(hit[0])
    return cols


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


# Typesetting rules (禁则): these never start a line (a closing mark goes up with the character before
# it) and these never end one (an opening mark goes down with the character after it).
NO_LINE_START = set("，。、；：？！）》」』”’〕】］｝…—%‰·,.;:?!)]}")
NO_LINE_END = set("（《「『“‘〔【［｛([{")
_LATIN = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.,%/-+_@'")
# a list marker that a hanging indent lines the following lines up with: 1）, a）, ——, 注1：, •
LIST_MARKER = re.compile(r"^(?:[（(]?(?:\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})[)）.．、]|——|[-•·●○■□◆▪]|注\d*[：:]"
                         r"|[\u2460-\u2473])\s*")
# a clause number of a standard or a technical document: 3.6, 5.1.2, A.1
SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})+|[A-Z](?:\.\d{1,2})+)(?:\s|$)")
# a TOC entry ends with dot leaders (or a run of spaces) and its page number at the right margin
TOC_END = re.compile(r"(?:[.．·…‥]{3,}|\s{2,}|[.．·…‥]{2,}\s*)\s*\d{1,4}\s*$")


def first_unit(item: Item) -> float:
    """Width of what a typesetter cannot split from the start of `item`: a latin word or number (the
    run of latin letters and digits) or else the first character (an opening mark together with the
    character after it: `《证`), with the closing marks after it (`权、`, `N”`)."""
    chars = [c for w in item.row.words for c in w.chars][:8]
    if not chars:
        return 0.0
    k = 1
    if chars[0].text in _LATIN and chars[0].text.isalnum():
        while k < len(chars) and chars[k].text in _LATIN and chars[k].x0 - chars[k - 1].x1 < 1.0:
            k += 1
    else:
        while chars[k - 1].text in NO_LINE_END and k < len(chars):
            k += 1
    while k < len(chars) and chars[k].text in NO_LINE_START:
        k += 1
    return chars[k - 1].x1 - chars[0].x0


def wrapped(a: Item, b: Item, right: float) -> bool:
    """Does the line `a` run to the right margin: was it broken only because what starts `b` did not
    fit after it?"""
    if a.is_table or b.is_table:
        return False
    em = a.size
    return a.x1 + first_unit(b) >= right - 0.3 * em


def joinable(a: Item, b: Item) -> bool:
    """A wrapped break is dropped, except between two Latin words (the break was their space); a number
    broken over two lines (`13`|`9亿元`, `2`|`000 元/人`) is joined."""
    ta, tb = a.row.words[-1].text, b.row.words[0].text
    end, start = ta[-1:], tb[:1]
    if not (end.isascii() and end.isalnum() and start.isascii() and start.isalnum()):
        return True
    return end.isdigit() and start.isdigit()


def numbered_start(a: Item, b: Item) -> bool:
    """`b` opens a numbered provision (第二条, 二、, （二）, a clause 3.6) right after a sentence ended: a
    new paragraph, even when nothing in the layout says so (no indent, the line before it full)."""
    from ..lexicon.numbering import starts_with_label

    text = b.row.text
    return a.row.text.rstrip()[-1:] in "。；！？：:;!?" and (starts_with_label(text) or bool(SECTION_NUMBER.match(text)))


def toc_end(item: Item) -> bool:
    """The line ends a table-of-contents entry: dot leaders and a page number at its end."""
    return item.row is not None and bool(TOC_END.search(item.row.text)) and not item.row.text.strip().isdigit()


def hang_x(item: Item) -> float | None:
    """Where the text after a list marker starts in `item` (a hanging indent lines up there), or None."""
    chars = [c for w in item.row.words for c in w.chars]
    text = "".join(c.text for c in chars)
    m = LIST_MARKER.match(text)
    if not m or m.end() >= len(chars):
        return None
    return chars[m.end()].x0


def hanging(block: Block, item: Item, left: float) -> bool:
    """`item` goes on with the paragraph `block` ends with under a hanging indent: it starts where the
    text after the list marker of the paragraph's first line starts, or where the paragraph's previous
    line (itself hanging) started."""
    em = item.size
    if item.x0 <= left + 0.5 * em:
        return False
    x = hang_x(block.items[0]) if block.items[0].row is not None else None
    if x is not None and abs(item.x0 - x) <= 0.5 * em:
        return True
    if len(block.items) >= 2:
        prev = block.items[-1]
        return abs(item.x0 - prev.x0) <= 0.5 * em and prev.x0 > left + 0.5 * em
    return False


def toc_wraps(a: Item, b: Item, region: Region, after: Item | None = None) -> bool:
    """A table-of-contents entry printed over two lines: `a` (a line without a page number, not a
    bracketed heading, at least a third of the measure) goes on in `b`, which ends with the dot leaders
    and the page number."""
    if a.row is None or b.row is None or toc_end(a):
        return False
    if not toc_end(b):  # an entry over three lines: b goes on into the leader line after it
        if after is None or not toc_wraps(b, after, region):
            return False
    em = a.size
    text = a.row.text.strip()
    if re.fullmatch(r"[【〔\[（(].*[】〕\]）)]", text):
        return False  # a heading of the contents (【市政府文件】)
    return a.x1 - a.x0 >= 0.35 * (region.right - region.left) and b.x0 >= a.x0 - 0.5 * em \
        and not numbered_start(a, b)


def _title_lines(a: Item, b: Item, region: Region) -> bool:
    """Two centred lines are one title printed over two lines when they are set larger than the body
    (a document's title), or when the first fills the measure (a centred line that wrapped). Centred
    lines of body size each stand alone (the issuers and the date on a cover)."""
    return min(a.size, b.size) > 1.15 * region.body_size or a.x1 - a.x0 >= 0.8 * (region.right - region.left)


def relation(block: Block, item: Item, align: str, region: Region, after: Item | None = None) -> str:
    """How `item` follows the last line of `block` (same size, no gap between): "join" (one paragraph,
    the break dropped), "line" (the same block, the break kept) or "new" (a new paragraph)."""
    prev = block.items[-1]
    prev_align = block.aligns[-1]
    if toc_end(prev):
        return "new"
    if toc_wraps(prev, item, region, after):
        return "join" if joinable(prev, item) else "line"
    if prev_align == "center" and align == "center":
        return "join" if _title_lines(prev, item, region) and joinable(prev, item) else "line"
    if prev_align in ("center", "right") or align in ("center", "right"):
        return "new"
    if numbered_start(prev, item):
        return "new"
    if wrapped(prev, item, region.right):
        if align == "flush" or hanging(block, item, region.left):
            return "join" if joinable(prev, item) else "line"
        return "new"  # an indented line after a full one: the paragraph before ended at the margin
    return "new"  # after a short line: the paragraph ended there


def same_type_size(a: Item, b: Item) -> bool:
    """Are two lines set in one type size? Their boxes agree within 12 %; or the producer set them in
    the same font size and their boxes agree within 35 % (a line of digits only, boxed taller by its
    latin font)."""
    big, small = max(a.size, b.size), min(a.size, b.size)
    if big - small <= 0.12 * big:
        return True
    fa, fb = a.row.fs, b.row.fs
    return fa > 0 and fb > 0 and abs(fa - fb) <= 0.02 * max(fa, fb) and big - small <= 0.35 * big


def region_blocks(region: Region, body_size: float, body_gap: float, page: int) -> list[Block]:
    region.body_size = body_size
    blocks: list[Block] = []
    prev: Item | None = None
    for n, item in enumerate(region.items):
        after = region.items[n + 1] if n + 1 < len(region.items) else None
        align = "table" if item.is_table else alignment(item, region.left, region.right, body_size)
        rel = "new"
        if prev is not None and not item.is_table and not prev.is_table:
            same_size = same_type_size(prev, item)
            gap = item.top - prev.bottom
            close = gap <= body_gap + 0.5 * max(item.size, prev.size)
            if same_size and close:
                rel = relation(blocks[-1], item, align, region, after if after is not None and not after.is_table else None)
        if rel == "new":
            blocks.append(Block([item], [], "table" if item.is_table else align, region, page, [align]))
        else:
            blocks[-1].items.append(item)
            blocks[-1].joins.append(rel == "join")
            blocks[-1].aligns.append(align)
        prev = item
    return blocks


def continues(a: Block, b: Block, body_size: float) -> bool:
    """Does block `b` (next column or next page) continue the paragraph `a` ends with?"""
    if a.align == "table" or b.align == "table" or a.aligns[-1] in ("center", "right"):
        return False
    last, first = a.items[-1], b.items[0]
    if not same_type_size(last, first):
        return False
    if toc_end(last) or numbered_start(last, first):
        return False
    if alignment(first, b.region.left, b.region.right, body_size) != "flush" \
            and not hanging(a, first, b.region.left):
        return False
    return wrapped(last, first, a.region.right) and joinable(last, first)


def table_continues(a: Block, b: Block, body_size: float) -> bool:
    """Does the table `b` (at the head of the next page or column) go on with the table `a` ends its
    page with? The same number of columns, one table's box within the other's: a table printed over
    two pages."""
    if a.align != "table" or b.align != "table":
        return False
    ta, tb = a.items[-1], b.items[0]
    ncol = max(len(r) for r in ta.cells)
    if ncol < 2 or max(len(r) for r in tb.cells) != ncol:
        return False
    em = body_size  # one box within the other: a rule's ends and a text's ends differ
    inside = lambda p, q: p.x0 >= q.x0 - 2 * em and p.x1 <= q.x1 + 2 * em  # noqa: E731
    return inside(ta, tb) or inside(tb, ta)
