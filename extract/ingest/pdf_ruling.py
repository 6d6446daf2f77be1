"""Ruled tables from pdfium's path objects, found by pdfplumber's own table finder.

pdfplumber finds a ruled table from the page's edges (lines, the sides of rectangles, the segments of
curves); getting them costs a pdfminer parse of the whole page in Python (30-40 ms for a page of the
seed), though pdfium has already parsed it in C. `find_tables(page)` builds the edges pdfplumber would
build from pdfium's path objects, shaped as pdfminer shapes paths (a subpath per `m`; `m l` or `m l h`
a line; `m l l l h` a rectangle when its corners are square, otherwise a curve), and hands them to
pdfplumber's `TableFinder` with its default settings, so the tables are the ones `Plumber.tables` finds.
The coordinates are pdfium's single-precision floats (pdfminer's are doubles: they differ by less than
0.0001 pt). A page whose paths sit inside form XObjects, or that is rotated, gives None: read it with
`Plumber.tables`.
"""
from __future__ import annotations

import ctypes

import pypdfium2.raw as R

from .pdf_chars import page_box
from .pdf_plumber import Table


class _Page:
    """What `TableFinder` reads of a page with the default settings: its edges."""

    def __init__(self, edges: list[dict], bbox: tuple[float, float, float, float]):
        self.edges = edges
        self.bbox = bbox


def _has_form_paths(obj, depth: int = 0) -> bool:
    for k in range(R.FPDFFormObj_CountObjects(obj)):
        child = R.FPDFFormObj_GetObject(obj, k)
        kind = R.FPDFPageObj_GetType(child)
        if kind == R.FPDF_PAGEOBJ_PATH:
            return True
        if kind == R.FPDF_PAGEOBJ_FORM and (depth >= 8 or _has_form_paths(child, depth + 1)):
            return True
    return False


def _subpaths(obj) -> list[tuple[str, list[tuple[float, float]]]]:
    """The object's subpaths as pdfminer sees them: (shape, points in user space), `h` standing for the
    subpath's start point."""
    m = R.FS_MATRIX()
    R.FPDFPageObj_GetMatrix(obj, m)
    a, b, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[tuple[list[str], list[tuple[float, float]]]] = []
    bezier = 0
    for k in range(R.FPDFPath_CountSegments(obj)):
        seg = R.FPDFPath_GetPathSegment(obj, k)
        R.FPDFPathSegment_GetPoint(seg, x, y)
        pt = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = R.FPDFPathSegment_GetType(seg)
        if kind == R.FPDF_SEGMENT_MOVETO or not out:
            out.append((["m"], [pt]))
            bezier = 0
        elif kind == R.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3 == 0:  # pdfium gives a curve's two control points and its end, pdfminer the end
                out[-1][0].append("c")
                out[-1][1].append(pt)
        else:
            out[-1][0].append("l")
            out[-1][1].append(pt)
        if R.FPDFPathSegment_GetClose(seg):
            out[-1][0].append("h")
            out[-1][1].append(out[-1][1][0])
    return [("".join(ops), pts) for ops, pts in out if len(ops) > 1]


def _objects(shape: str, pts: list[tuple[float, float]]) -> tuple[str, list[tuple[float, float]]]:
    """pdfminer's `paint_path` for one subpath: ("line" | "rect" | "curve", its points)."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-1]
    if shape in ("mlh", "ml"):
        return "line", pts[:2]
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            return "rect", [(x0, y0), (x2, y0), (x2, y2), (x0, y2)]
    return "curve", pts


def page_edges(page) -> list[dict] | None:
    """pdfplumber's `page.edges` (lines, then the sides of rectangles, then the segments of curves), in
    the characters' coordinates; None for a page this does not reproduce."""
    if page.get_rotation():
        return None
    left, _bottom, _right, top = page_box(page)
    lines: list[dict] = []
    rect_edges: list[dict] = []
    curve_edges: list[dict] = []
    raw = page.raw
    for i in range(R.FPDFPage_CountObjects(raw)):
        obj = R.FPDFPage_GetObject(raw, i)
        kind = R.FPDFPageObj_GetType(obj)
        if kind == R.FPDF_PAGEOBJ_FORM and _has_form_paths(obj):
            return None
        if kind != R.FPDF_PAGEOBJ_PATH:
            continue
        for shape, pts in _subpaths(obj):
            what, pts = _objects(shape, pts)
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
            box = {"x0": x0 - left, "x1": x1 - left, "top": top - y1, "bottom": top - y0, "doctop": top - y1,
                   "y0": y0, "y1": y1, "width": x1 - x0, "height": y1 - y0, "object_type": what}
            if what == "line":
                box["orientation"] = "h" if box["top"] == box["bottom"] else "v"
                lines.append(box)
            elif what == "rect":
                rect_edges += [
                    dict(box, object_type="rect_edge", height=0, y0=y1, bottom=box["top"], orientation="h"),
                    dict(box, object_type="rect_edge", height=0, y1=y0, top=box["top"] + box["height"],
                         doctop=box["doctop"] + box["height"], orientation="h"),
                    dict(box, object_type="rect_edge", width=0, x1=box["x0"], orientation="v"),
                    dict(box, object_type="rect_edge", width=0, x0=box["x1"], orientation="v"),
                ]
            else:
                flipped = [(x - left, top - y) for x, y in pts]
                for p0, p1 in zip(flipped, flipped[1:]):
                    curve_edges.append({
                        "object_type": "curve_edge", "x0": min(p0[0], p1[0]), "x1": max(p0[0], p1[0]),
                        "top": min(p0[1], p1[1]), "doctop": min(p0[1], p1[1]), "bottom": max(p0[1], p1[1]),
                        "width": abs(p0[0] - p1[0]), "height": abs(p0[1] - p1[1]),
                        "orientation": "v" if p0[0] == p1[0] else ("h" if p0[1] == p1[1] else None)})
    return lines + rect_edges + curve_edges


def find_tables(page) -> list[Table] | None:
    """The page's ruled tables as `Plumber.tables` gives them (its `rows` left empty: the reader reads
    the cells from its own characters), or None when `page_edges` cannot say."""
    edges = page_edges(page)
    if edges is None:
        return None
    if not edges:
        return []
    from pdfplumber.table import TableFinder, TableSettings

    left, bottom, right, top = page_box(page)
    finder = TableFinder(_Page(edges, (0.0, 0.0, right - left, top - bottom)), TableSettings.resolve(None))
    out = []
    for t in finder.tables:
        rows = t.rows
        if len(rows) < 2 or max(len(r.cells) for r in rows) < 2:
            continue  # a box around text, not a table
        out.append(Table(*t.bbox, [], tuple(tuple(c) for c in t.cells)))
    return out
