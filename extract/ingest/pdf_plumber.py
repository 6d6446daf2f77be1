"""pdfplumber, only for the pages that need it: ruled tables, and pages pdfium cannot read in full.

Opened lazily, once per file: a PDF without tables never imports it.
"""
from __future__ import annotations

import io
from typing import NamedTuple

from .pdf_chars import Char, no_surrogates


class Table(NamedTuple):
    """A ruled table: its box (top-left origin, points), its rows of cell texts as pdfplumber reads them
    (None: merged cell), and the boxes of its cells (x0, top, x1, bottom: the ruling the reader's grid
    uses)."""

    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[list[str | None]]
    cells: tuple[tuple[float, float, float, float], ...] = ()


def _origin(page) -> tuple[float, float]:
    """The top-left corner of the page as pdfium lays it out (`pdf_chars.page_box`: the crop box clipped
    to the media box), in pdfplumber's coordinates: the characters of both readers must be placed alike
    for `add_missing` to find pdfium's dropped objects among pdfminer's characters. pdfplumber's own
    `bbox` is the media box whatever the crop box."""
    (cx0, ctop), (mx0, mtop) = page.cropbox[:2], page.mediabox[:2]
    return max(cx0, mx0), max(ctop, mtop)


class Plumber:
    def __init__(self, data: bytes, password: str | None = None):
        self.data = data
        self.password = password
        self._pdf = None

    def _page(self, index: int):
        if self._pdf is None:
            import pdfplumber

            self._pdf = pdfplumber.open(io.BytesIO(self.data), password=self.password or "")
        return self._pdf.pages[index]

    def chars(self, index: int) -> list[Char]:
        """The page's upright characters, boxed as pdfplumber boxes them. Read from pdfminer's layout
        objects directly: pdfplumber's conversion of every character into a dict of its attributes
        would take as long again."""
        from pdfminer.layout import LTChar

        page = self._page(index)
        x0, top = _origin(page)
        mb_x0, mb_top = page.mediabox[:2]
        height = page.height
        out = []
        for c in page.layout:
            if not isinstance(c, LTChar) or not c.upright:
                continue
            ctop = height - c.y1 + mb_top
            m = c.matrix
            base = ctop + (c.y1 - m[5]) if m and len(m) == 6 else height - c.y0 + mb_top
            out.append(Char(no_surrogates(c.get_text()), c.x0 + mb_x0 - x0, c.x1 + mb_x0 - x0, ctop - top,
                            height - c.y0 + mb_top - top, base - top, c.size or 0.0))
        page.flush_cache()
        return out

    def tables(self, index: int) -> list[Table]:
        page = self._page(index)
        x0, top = _origin(page)
        out = []
        for t in page.find_tables():
            rows = t.extract(x_tolerance=3, y_tolerance=3)
            if len(rows) < 2 or max(len(r) for r in rows) < 2:
                continue  # a box around text, not a table
            bx0, btop, bx1, bbottom = t.bbox
            cells = tuple((c[0] - x0, c[1] - top, c[2] - x0, c[3] - top) for c in t.cells)
            out.append(Table(bx0 - x0, btop - top, bx1 - x0, bbottom - top, rows, cells))
        page.flush_cache()
        return out

    def close(self) -> None:
        """Never raises: pdfplumber's close() walks every page and fails on a malformed page box, which
        must not replace the reader's own result or error (it runs in a `finally`)."""
        pdf, self._pdf = self._pdf, None
        if pdf is not None:
            try:
                pdf.close()
            except Exception:  # noqa: BLE001 - a damaged page tree; the file handle is a BytesIO
                pass
