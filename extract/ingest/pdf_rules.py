"""Tables ruled by horizontal rules only: the three-line tables (三线表) of statistical reports.

Such a table has a rule above its header, one under the header and one under its last row, all of one
width, and no vertical rules: pdfplumber's table finder, which needs both, does not see it. Here the
rules give the row bands and the text gives the columns: the pieces of the body's lines (cut at gaps of
an em) that overlap side by side form one column each. `rule_tables` returns them as `Table`s whose
cells are those bands by those columns, so that `pdf_layout.grid_cells` reads them like any ruled
table: a header printed over two lines (a name and its unit) is one row, a row label centred beside a
row's values stays in that row.

After `rule_tables(hrules, rows)`: every group of two or more rules of one width, with lines cut into
two or more columns between them (at least two such lines, and at least half of the lines there), is a
Table; a band between two rules holding a line of running text (one piece across most of the width)
ends a table there. Lines ruled apart but not cut into columns (the 抄送 and 印发 lines of a 版记) are
not a table.
"""
from __future__ import annotations

from .pdf_lines import Row
from .pdf_plumber import Table

MIN_WIDTH = 0.3  # a table's rules span at least this share of the page width
PIECE_GAP = 1.0  # ems: the gap that separates two cells of one line


def _pieces(row: Row) -> list[tuple[float, float]]:
    out: list[list[float]] = []
    for w in row.words:
        if out and w.x0 - out[-1][1] < PIECE_GAP * row.size:
            out[-1][1] = max(out[-1][1], w.x1)
        else:
            out.append([w.x0, w.x1])
    return [(a, b) for a, b in out]


def _columns(rows: list[Row]) -> list[tuple[float, float]]:
    """Column spans: the pieces of the rows merged where they overlap side by side."""
    spans = sorted(p for r in rows for p in _pieces(r))
    out: list[list[float]] = []
    for a, b in spans:
        if out and a < out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def rule_tables(hrules, rows: list[Row], page_width: float, taken=()) -> list[Table]:
    """The page's tables ruled by horizontal rules only (see the module docstring); `taken` are tables
    found otherwise, whose boxes are left alone."""
    groups: list[list[tuple[float, float, float]]] = []
    for x0, y, x1 in sorted(hrules, key=lambda r: r[1]):
        if x1 - x0 < MIN_WIDTH * page_width:
            continue
        if any(t.top - 2 <= y <= t.bottom + 2 and t.x0 - 2 <= x0 and x1 <= t.x1 + 2 for t in taken):
            continue
        for g in groups:
            if abs(g[0][0] - x0) <= 3 and abs(g[0][2] - x1) <= 3:
                if y - g[-1][1] > 1.0:  # a double rule is one
                    g.append((x0, y, x1))
                break
        else:
            groups.append([(x0, y, x1)])
    out: list[Table] = []
    for g in groups:
        for run in _split(g, rows):
            table = _table(run, rows)
            if table is not None:
                out.append(table)
    return out


def _band_rows(rows: list[Row], top: float, bottom: float, x0: float, x1: float) -> list[Row]:
    return [r for r in rows if top < (r.top + r.bottom) / 2 < bottom and r.x1 > x0 and r.x0 < x1]


def _split(g, rows: list[Row]):
    """Runs of the group's rules between which every band holds table lines: a band holding running
    text (a line with one piece over most of the width) separates two tables."""
    run = [g[0]]
    for rule in g[1:]:
        band = _band_rows(rows, run[-1][1], rule[1], rule[0], rule[2])
        width = rule[2] - rule[0]
        if band and any(len(_pieces(r)) == 1 and r.x1 - r.x0 > 0.6 * width for r in band):
            if len(run) >= 2:
                yield run
            run = [rule]
        else:
            run.append(rule)
    if len(run) >= 2:
        yield run


def _table(run, rows: list[Row]) -> Table | None:
    x0 = min(r[0] for r in run)
    x1 = max(r[2] for r in run)
    ys = [r[1] for r in run]
    inside = _band_rows(rows, ys[0], ys[-1], x0, x1)
    if len(inside) < 2:
        return None
    cut = sum(1 for r in inside if len(_pieces(r)) >= 2)
    if cut < 2 or cut < len(inside) / 2:
        return None  # lines ruled apart, not cut into columns: a 版记 (抄送 / 印发 lines between rules)
    body = _band_rows(rows, ys[1], ys[-1], x0, x1) if len(ys) >= 3 else _under(rows, ys[-1], x0, x1)
    spans = _columns(body or inside)
    if len(spans) < 2:
        return None
    edges = [x0] + [(a[1] + b[0]) / 2 for a, b in zip(spans, spans[1:])] + [x1]
    end = _run_on(rows, ys[-1], x0, x1, edges)
    if end is not None:
        ys = ys + [end]  # no rule under the last row on this page: the table runs on to `end`
    cells = tuple((edges[k], top, edges[k + 1], bottom) for top, bottom in zip(ys, ys[1:])
                  for k in range(len(edges) - 1))
    return Table(x0, ys[0], x1, ys[-1], [], cells)


def _under(rows: list[Row], y: float, x0: float, x1: float) -> list[Row]:
    """The lines right under a header whose table has no rule below it on this page: the lines cut into
    two or more pieces that follow without a wider gap than a blank line."""
    out: list[Row] = []
    last = y
    for r in sorted((r for r in rows if r.top >= y - 1 and r.x1 > x0 and r.x0 < x1), key=lambda r: r.top):
        pieces = _pieces(r)
        if len(pieces) < 2 or r.top - last > 2.5 * r.size or any(b - a > 0.6 * (x1 - x0) for a, b in pieces):
            break
        out.append(r)
        last = r.bottom
    return out


def _run_on(rows: list[Row], y: float, x0: float, x1: float, edges: list[float]) -> float | None:
    """Where a table whose last rule is at `y` really ends when lines cut into its columns follow
    under that rule (the table goes on to the foot of the page, its closing rule on the next): the
    bottom of the last such line, or None when the line under the rule is not one."""
    below = sorted((r for r in rows if r.top >= y - 1 and r.x1 > x0 and r.x0 < x1), key=lambda r: r.top)
    end = None
    last = y
    for r in below:
        pieces = _pieces(r)
        if len(pieces) < 2 or r.top - last > 2.5 * r.size:
            break
        cols = []
        for a, b in pieces:
            inside = [k for k in range(len(edges) - 1) if edges[k] - 1 <= a and b <= edges[k + 1] + 1]
            if len(inside) != 1 or inside[0] in cols:
                cols = None
                break
            cols.append(inside[0])
        if cols is None:
            break
        end = last = r.bottom
    return None if end is None else end + 1.0
