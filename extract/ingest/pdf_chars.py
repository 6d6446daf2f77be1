"""Characters and their boxes from pypdfium2: the fast layer every PDF page goes through.

pdfplumber parses each page's content stream in Python (about 80 ms for a dense page); pdfium does it in
C (about 1 ms). Each character comes back as a `Char` tuple in content-stream order, in pdfplumber's
coordinate system (points, origin at the top-left of the page, `top` growing downwards), boxed as
pdfminer boxes it: from the descent up one font size, left to right over the advance (pdfium's "loose"
box for the sides and the bottom), so that line clustering gives the rows pdfplumber gives. Characters pdfium makes up (line breaks, spaces it guesses) are
left out: pdfplumber does not see them either.

`scan_page` looks at a page's objects once: ruled lines (a table may be there: pdfplumber reads it),
images (a scan?), and text objects pdfium would silently drop. pdfium skips a text object whose box has
no width, which is what a single character in a font that is neither embedded nor installed gets (a
one-character line in `STSong-Light` on a machine without Chinese fonts): such a page is read with
pdfplumber instead, so that no character is lost.
"""
from __future__ import annotations

import ctypes
import re
from typing import NamedTuple

import pypdfium2.raw as R


class Char(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


class PageScan(NamedTuple):
    rules: bool  # at least two horizontal and two vertical rules (or boxes): maybe a ruled table
    images: bool
    text_objects: int
    lost_text: bool  # a text object pdfium's text layer would drop


_SKIP = {"\r", "\n", "\x00", "\ufffe", "\uffff", "\x02"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(text: str) -> str:
    """A font's ToUnicode map can name a lone UTF-16 surrogate, which no UTF-8 output can hold: each is
    read as U+FFFD (the replacement character), one for one, so offsets stay put."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def page_chars(page) -> list[Char]:
    """All characters of a pypdfium2 page, in content-stream order."""
    textpage = page.get_textpage()
    try:
        return _chars(textpage, page)
    finally:
        textpage.close()


def _chars(textpage, page) -> list[Char]:
    raw = textpage.raw
    n = R.FPDFText_CountChars(raw)
    if n <= 0:
        return []
    text = textpage.get_text_range(0, n)
    if len(text) != n:  # characters outside the BMP: read them one by one
        text = "".join(chr(R.FPDFText_GetUnicode(raw, i)) for i in range(n))
    text = no_surrogates(text)
    left, _bottom, _right, top = page.get_cropbox()
    rect = R.FS_RECTF()
    box = R.FPDFText_GetLooseCharBox
    font_size = R.FPDFText_GetFontSize
    generated = R.FPDFText_IsGenerated
    out: list[Char] = []
    append = out.append
    for i, ch in enumerate(text):
        if ch in _SKIP:
            continue
        if ch == " " and generated(raw, i):
            continue
        box(raw, i, rect)
        bottom = top - rect.bottom
        loose = rect.top - rect.bottom
        size = font_size(raw, i)
        # pdfminer's box is one font size tall above the descent; pdfium's loose box takes its height
        # from whatever font renders the glyph, which differs between a digit and a hanzi. pdfium's
        # font size leaves out the text matrix and the CTM ("1 Tf" scaled by 11): then the box decides.
        if not 0.75 * size <= loose <= 1.5 * size:
            size = loose
        append(Char(ch, rect.left - left, rect.right - left, bottom - size, bottom))
    return out


def scan_page(page) -> PageScan:
    """One pass over the page's objects (form XObjects included)."""
    state = {"h": 0, "v": 0, "images": False, "text": 0, "lost": False}
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()

    def visit(obj, depth: int) -> None:
        kind = R.FPDFPageObj_GetType(obj)
        if kind == R.FPDF_PAGEOBJ_FORM and depth < 8:
            for k in range(R.FPDFFormObj_CountObjects(obj)):
                visit(R.FPDFFormObj_GetObject(obj, k), depth + 1)
            return
        if kind == R.FPDF_PAGEOBJ_IMAGE:
            state["images"] = True
            return
        if kind not in (R.FPDF_PAGEOBJ_PATH, R.FPDF_PAGEOBJ_TEXT):
            return
        if not R.FPDFPageObj_GetBounds(obj, l, b, r, t):
            return
        w, h = r.value - l.value, t.value - b.value
        if kind == R.FPDF_PAGEOBJ_TEXT:
            state["text"] += 1
            if abs(w) < 0.01:
                state["lost"] = True
            return
        if h < 3 and w > 15:
            state["h"] += 1
        elif w < 3 and h > 8:
            state["v"] += 1
        elif w > 15 and h > 8:
            state["h"] += 2  # a box: cells drawn as rectangles
            state["v"] += 2

    raw = page.raw
    for i in range(R.FPDFPage_CountObjects(raw)):
        visit(R.FPDFPage_GetObject(raw, i), 0)
    return PageScan(state["h"] >= 2 and state["v"] >= 2, state["images"], state["text"], state["lost"])
