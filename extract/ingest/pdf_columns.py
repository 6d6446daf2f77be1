"""Columns: a page's items to regions in reading order.

A two-column page has an empty vertical strip, the gutter, near the middle: rows of the body stop short
of it on the left and start after it on the right, while full-width blocks (the masthead, a document
title, a wide table) run across it. `page_regions` looks for that strip among the rows' pieces (a row
is cut into pieces at wide gaps: where the left column's line ends and the right column's begins),
sorts every item into full width or column, and groups consecutive items into bands: a full-width band
is one region, a column band two, left then right. Reading order is band by band from the top, and
inside a column band the left column top to bottom, then the right one.

A page without such a strip (or with too little on either side of it) is one full-width region, exactly
as before: single-column reading is unchanged.
"""
from __future__ import annotations

from itertools import accumulate

from .pdf_layout import Item, Region
from .pdf_lines import Row

GUTTER_GAP = 1.2  # ems: the narrowest gap that can be a gutter
MIN_SIDE_ROWS = 3  # each column must hold at least this many full lines ...
FULL_LINE = 0.7  # ... lines that fill this share of the column's width


def _pieces(row: Row) -> list[tuple[float, float, list]]:
    """(x0, x1, words) of the row's pieces, cut at gaps of GUTTER_GAP ems or more."""
    out: list[tuple[float, float, list]] = []
    cur = [row.words[0]]
    for w in row.words[1:]:
        if w.x0 - cur[-1].x1 >= GUTTER_GAP * row.size:
            out.append((cur[0].x0, cur[-1].x1, cur))
            cur = [w]
        else:
            cur.append(w)
    out.append((cur[0].x0, cur[-1].x1, cur))
    return out


def find_gutter(items: list[Item], width: float) -> float | None:
    """The x of an empty vertical strip in the middle 40 % of the page that splits the body in two
    columns of real text, or None."""
    rows = [it for it in items if it.row is not None]
    if len(rows) < 2 * MIN_SIDE_ROWS:
        return None
    lo, hi = int(width * 0.3), int(width * 0.7)
    steps = [0] * (hi - lo + 2)  # +1 where a piece starts covering bins, -1 after its last bin
    pieces = {id(it): _pieces(it.row) for it in rows}
    for it in rows:
        for x0, x1, _ in pieces[id(it)]:
            a, b = max(lo, int(x0)), min(hi + 1, int(x1) + 1)
            if a < b:
                steps[a - lo] += 1
                steps[b - lo] -= 1
    cover = list(accumulate(steps[:-1]))  # how many pieces cover each bin of the middle
    least = min(cover)
    if least > 0.5 * len(rows):
        return None  # most rows run across the middle: one column
    # the middle of the widest run of least-covered bins
    best, run_start, best_len = None, None, 0
    for k, c in enumerate(cover + [least + 1]):
        if c == least and run_start is None:
            run_start = k
        elif c != least and run_start is not None:
            if k - run_start > best_len:
                best, best_len = lo + (run_start + k - 1) / 2, k - run_start
            run_start = None
    if best is None:
        return None
    g = best
    left = [x1 - x0 for it in rows for x0, x1, _ in pieces[id(it)] if x1 < g]
    right = [x1 - x0 for it in rows for x0, x1, _ in pieces[id(it)] if x0 > g]
    if len(left) < MIN_SIDE_ROWS or len(right) < MIN_SIDE_ROWS:
        return None
    left_w = g - min(x0 for it in rows for x0, x1, _ in pieces[id(it)] if x1 < g)
    right_w = max(x1 for it in rows for x0, x1, _ in pieces[id(it)] if x0 > g) - g
    if sum(1 for w in left if w >= FULL_LINE * left_w) < MIN_SIDE_ROWS \
            or sum(1 for w in right if w >= FULL_LINE * right_w) < MIN_SIDE_ROWS:
        return None  # no run of full lines on each side: a table, or a list beside a signature
    return g


def _table_across(pieces, g: float, colw: float) -> bool:
    """A row of a table set across both columns: three or more short cells, on both sides of the gutter."""
    return len(pieces) >= 3 and any(x1 <= g for x0, x1, _ in pieces) and any(x0 >= g for x0, x1, _ in pieces) \
        and max(x1 - x0 for x0, x1, _ in pieces) < 0.6 * colw


def fits_gutter(items: list[Item], g: float) -> bool:
    """Does the gutter found on the other pages of the document split this (short) page too? Some row
    must have text on both sides of it; or the page's text is set in the left column alone (a short
    document under its full-width title, or a column beside a table): no line of the page's type size
    runs across the gutter (but lines centred on it), and several end at the left column's margin, just before it."""
    rows = [it for it in items if it.row is not None]
    for it in rows:
        pieces = _pieces(it.row)
        if any(x1 <= g for x0, x1, _ in pieces) and any(x0 >= g for x0, x1, _ in pieces) \
                and not any(x0 < g < x1 for x0, x1, _ in pieces):
            return True
    if not rows:
        return False
    sizes = sorted(round(it.size, 1) for it in rows)
    size = sizes[len(sizes) // 2]
    body = [it for it in rows if abs(it.size - size) <= 0.12 * size]
    if any(x0 < g < x1 and abs((x0 + x1) / 2 - g) > size for it in body for x0, x1, _ in _pieces(it.row)):
        return False  # a line of text runs across: one column (a line centred on the page, a 文号, may)
    return sum(1 for it in body if g - 3 * size <= it.x1 < g) >= MIN_SIDE_ROWS


def page_regions(items: list[Item], width: float, gutter: float | None = None) -> list[Region]:
    """The page's regions in reading order; `gutter` is where `find_gutter` found the gutter (None: one
    full-width region)."""
    if not items:
        return []
    g = gutter
    if g is None:
        return [Region("full", items)]
    colw = g - min(it.x0 for it in items)
    # every item is full width, or goes to a column (a row that straddles no gutter may hold both sides)
    bands: list[tuple[str, list]] = []
    for it in items:
        if it.row is None:
            side = "full" if it.x0 < g < it.x1 else "cols"
            parts = [(it, "left" if it.x1 <= g else "right")] if side == "cols" else [(it, "full")]
        else:
            pieces = _pieces(it.row)
            if any(x0 < g < x1 for x0, x1, _ in pieces) or _table_across(pieces, g, colw):
                side, parts = "full", [(it, "full")]
            else:
                side = "cols"
                parts = []
                for where in ("left", "right"):
                    words = [w for x0, x1, ws in pieces for w in ws if (x1 <= g) == (where == "left")]
                    if words:
                        row = Row(words)
                        parts.append((Item(row.x0, row.x1, row.top, row.bottom, row.size, row=row), where))
        if not bands or bands[-1][0] != side:
            bands.append((side, []))
        bands[-1][1].extend(parts)
    regions: list[Region] = []
    for side, parts in bands:
        if side == "full":
            regions.append(Region("full", [it for it, _ in parts]))
            continue
        for where in ("left", "right"):
            col = [it for it, w in parts if w == where]
            if col:
                regions.append(Region(where, col))
    return regions
