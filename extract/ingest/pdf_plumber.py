"""pdfplumber, only for the pages that need it: ruled tables, and pages pdfium cannot read in full.

Opened lazily, once per file: a PDF without tables never imports it.
"""
from __future__ import annotations

import io
from typing import NamedTuple

from .pdf_chars import Char, no_surrogates


class Table(NamedTuple):
    """A ruled table: its box (top-left origin, points) and its rows of cell texts (None: merged cell)."""

    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[list[str | None]]


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
        page = self._page(index)
        x0, top = page.bbox[0], page.bbox[1]
        out = [Char(no_surrogates(c["text"]), c["x0"] - x0, c["x1"] - x0, c["top"] - top, c["bottom"] - top)
               for c in page.chars if c.get("upright", True)]
        page.flush_cache()
        return out

    def tables(self, index: int) -> list[Table]:
        page = self._page(index)
        x0, top = page.bbox[0], page.bbox[1]
        out = []
        for t in page.find_tables():
            rows = t.extract(x_tolerance=3, y_tolerance=3)
            if len(rows) < 2 or max(len(r) for r in rows) < 2:
                continue  # a box around text, not a table
            bx0, btop, bx1, bbottom = t.bbox
            out.append(Table(bx0 - x0, btop - top, bx1 - x0, bbottom - top, rows))
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
