"""Characters and their boxes from pypdfium2: the fast layer every PDF page goes through.

pdfplumber parses each page's content stream in Python (about 80 ms for a dense page); pdfium does it in
C (about 1 ms). Each character comes back as a `Char` tuple in content-stream order, in pdfplumber's
coordinate system (points, origin at the top-left of the page, `top` growing downwards), boxed as
pdfminer boxes it: from the descent up one font size, left to right over the advance (pdfium's "loose"
box for the sides and the bottom), so that line clustering gives the rows pdfplumber gives. Characters pdfium makes up (line breaks, spaces it guesses) are
left out: pdfplumber does not see them either.

`scan_page` looks at a page's objects once: ruled lines (a table may be there: pdfplumber reads it),
images (a scan?), and text objects pdfium would silently drop. pdfium skips a text object whose box has
no width, which is what a single character in a font that is neither embedded nor built in gets (a
one-character line in `STSong-Light`). `recover_lost` then has pdfium read those objects itself: each is
set to be stroked with a 1 pt line and placed again, which widens its box by half the line width, and a
new text page keeps it (about a millisecond). Where that yields no character, or none pdfium can box, the
characters pdfplumber finds there and pdfium lacks are added (`add_missing`, a pdfminer parse of the page:
30-70 ms), so that no character is lost; where pdfium read a space, pdfminer's character there is that space.
"""
from __future__ import annotations

import ctypes
import re
import sys
from typing import NamedTuple

import pypdfium2.raw as R

_FONT_INFO: list = []  # the FPDF_SYSFONTINFO handed to pdfium and its callbacks, kept alive


def use_embedded_fonts_only() -> None:
    """Give pdfium no system fonts (once per process, before the first document is read).

    The reader needs the PDF's own character codes, widths and Unicode maps, never glyph outlines.
    For a font the PDF does not embed, pdfium otherwise substitutes an installed one and parses its
    outlines for every page: with a CJK system font (Noto CJK, 20 MB of CFF) that is ~15 ms a page
    instead of ~2 ms, and the characters' boxes then depend on which fonts the machine has. Without
    system fonts pdfium uses its built-in ones; a text object it then cannot place (one character of a
    font neither embedded nor built in) is noticed by `scan_page` and read with pdfplumber."""
    if _FONT_INFO:
        return
    S = R.FPDF_SYSFONTINFO
    types = dict(S._fields_)
    info = S()
    info.version = 1
    callbacks = {
        "Release": lambda this: None,
        "EnumFonts": lambda this, mapper: None,
        "MapFont": lambda this, weight, italic, charset, pitch, face, exact: None,
        "GetFont": lambda this, face: None,
        "GetFontData": lambda this, font, table, buf, size: 0,
        "GetFaceName": lambda this, font, buf, size: 0,
        "GetFontCharset": lambda this, font: 0,
        "DeleteFont": lambda this, font: None,
    }
    keep = []
    for name, fn in callbacks.items():
        c = types[name](fn)
        setattr(info, name, c)
        keep.append(c)
    R.FPDF_SetSystemFontInfo(ctypes.byref(info))
    _FONT_INFO.extend([info, keep])


class Char(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float = 0.0  # the baseline (the glyph's origin), from the top of the page
    fs: float = 0.0  # the font size as the producer set it (relative: compare it within a line only)


class PageScan(NamedTuple):
    rules: bool  # at least two horizontal and two vertical rules (or boxes): maybe a ruled table
    images: bool
    text_objects: int
    lost_text: bool  # a text object pdfium's text layer would drop
    lost: tuple = ()  # where those objects are: (x0, top, x1, bottom) in the characters' coordinates
    hrules: tuple = ()  # horizontal rules: (x0, y, x1) in the characters' coordinates
    lost_objects: tuple = ()  # the dropped text objects themselves (valid while the page is open)


_SKIP = {"\r", "\n", "\x00", "\ufffe", "\uffff", "\x02"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(text: str) -> str:
    """A font's ToUnicode map can name a lone UTF-16 surrogate, which no UTF-8 output can hold: each is
    read as U+FFFD (the replacement character), one for one, so offsets stay put."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def page_box(page) -> tuple[float, float, float, float]:
    """The page's crop box as pdfium lays the page out (clipped to the media box), inherited from the page
    tree like any page attribute. pypdfium2's `get_cropbox()` reads the page's own dictionary only and
    otherwise answers US Letter (crbug.com/pdfium/1786): a Quartz print that sets its MediaBox on the
    Pages node (563 x 826) then had every character 34 pt too high, off pdfplumber's by as much."""
    return page.get_bbox()


def page_chars(page) -> list[Char]:
    """All characters of a pypdfium2 page, in content-stream order."""
    textpage = page.get_textpage()
    try:
        return _chars(textpage, page)
    finally:
        textpage.close()


def _chars(textpage, page, only=None) -> list[Char]:
    """`only`: the indices of the characters wanted (all when None)."""
    raw = textpage.raw
    n = R.FPDFText_CountChars(raw)
    if n <= 0:
        return []
    text = textpage.get_text_range(0, n)
    if len(text) != n:  # characters outside the BMP: read them one by one
        text = "".join(chr(R.FPDFText_GetUnicode(raw, i)) for i in range(n))
    if only is not None:
        text = "".join(ch if i in only else "\x00" for i, ch in enumerate(text))
    text = no_surrogates(text)
    left, _bottom, _right, top = page_box(page)
    rect = R.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    calls = _bare_calls()
    box, font_size, origin = calls["box"], calls["size"], calls["origin"]
    handle = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    rect_at, ox_at, oy_at = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    generated = R.FPDFText_IsGenerated
    new = tuple.__new__
    out: list[Char] = []
    append = out.append
    odd: list[int] = []  # characters whose box does not fit their font size
    for i, ch in enumerate(text):
        if ch in _SKIP:
            continue
        if ch == " " and generated(raw, i):
            continue
        box(handle, i, rect_at)
        bottom = top - rect.bottom
        loose = rect.top - rect.bottom
        size = raw_size = font_size(handle, i)
        origin(handle, i, ox_at, oy_at)
        # pdfminer's box is one font size tall above the descent; pdfium's loose box takes its height
        # from whatever font renders the glyph, which differs between a digit and a hanzi. pdfium's
        # font size leaves out the text matrix and the CTM ("1 Tf" scaled by 11): then the box decides.
        if not 0.75 * size <= loose <= 1.5 * size:
            size = loose
            odd.append(len(out))
        append(new(Char, (ch, rect.left - left, rect.right - left, bottom - size, bottom, top - oy.value, raw_size)))
    if odd:
        _fit_tall_boxes(out, odd)
    return out


_BARE: dict = {}


def _bare_calls() -> dict:
    """The three pdfium calls made for every character, declared without their argument types: ctypes
    then passes the arguments as they are (a c_void_p, an int, byref()s) instead of checking and
    converting each, which takes the calls from 1.4 to 0.7 us a character (25,000 on the two-column
    seed)."""
    if not _BARE:
        proto = ctypes.WINFUNCTYPE if sys.platform == "win32" else ctypes.CFUNCTYPE  # pdfium's FPDF_CALLCONV

        def bare(fn, restype):
            return proto(restype)(ctypes.cast(fn, ctypes.c_void_p).value)

        _BARE.update(box=bare(R.FPDFText_GetLooseCharBox, ctypes.c_int),
                     size=bare(R.FPDFText_GetFontSize, ctypes.c_double),
                     origin=bare(R.FPDFText_GetCharOrigin, ctypes.c_int))
    return _BARE


def _fit_tall_boxes(chars: list[Char], odd: list[int]) -> None:
    """Some producers' fonts box every glyph far taller than its em (WPS subsets: 3 ems). A hanzi is as
    wide as its em, so the hanzi of one font size give that size's em; every character set in that
    size gets a box one em tall above the baseline's descent, as pdfminer boxes it."""
    ems: dict[float, list[float]] = {}
    for k in odd:
        c = chars[k]
        advance = c.x1 - c.x0
        if "\u4e00" <= c.text <= "\u9fff" and 0 < advance < 0.75 * (c.bottom - c.top):
            ems.setdefault(c.fs, []).append(advance)
    if not ems:
        return
    em_of = {fs: sorted(v)[len(v) // 2] for fs, v in ems.items()}
    for k in odd:
        c = chars[k]
        em = em_of.get(c.fs)
        if em:
            bottom = c.base + 0.12 * em
            chars[k] = c._replace(top=bottom - em, bottom=bottom)


def add_missing(chars: list[Char], others: list[Char], boxes, read: list[Char] | None = None) -> list[Char]:
    """pdfium's characters of a page it cannot read in full, with the characters another reader
    (pdfplumber) finds where pdfium dropped a text object (`boxes`, from `scan_page`) and pdfium has
    none of the same text at the same place. Everything else stays pdfium's: pdfminer drops the
    middle dot of some CJK CMaps and places what follows it differently.

    `read`: pdfium's own reading of the dropped objects where it could not box them (`read_lost`). Where
    that is a space, the other reader's character in the object's box is that space, never another
    glyph: a glyph there is one pdfminer placed or mapped otherwise."""
    spaces: dict[int, str] = {}
    for d in read or ():
        k = _box_of(d, boxes)
        if k is not None and not d.text.isspace():
            spaces[k] = ""  # the object holds a glyph: pdfminer's reading of it stands
        elif k is not None:
            spaces.setdefault(k, d.text)
    seen: dict[str, list[Char]] = {}
    for c in chars:
        seen.setdefault(c.text, []).append(c)
    out = list(chars)
    for c in others:
        k = _box_of(c, boxes)
        if k is None:
            continue
        if spaces.get(k) and not c.text.isspace():
            c = c._replace(text=spaces[k])
        if not any(abs(c.x0 - d.x0) <= 1.5 and abs(c.base - d.base) <= 2.0 for d in seen.get(c.text, ())):
            out.append(c)
    return out


def _box_of(c: Char, boxes) -> int | None:
    """The first of `boxes` the character is in. A dropped object's box may have no height either: it is
    then the point of its baseline."""
    for k, (x0, top, x1, bottom) in enumerate(boxes):
        if x0 - 1.5 <= c.x0 <= x1 + 1.5 and top - 2 <= c.base <= max(bottom, c.bottom) + 2 and c.top <= bottom + 2:
            return k
    return None


def read_lost(page, objects) -> list[Char] | None:
    """The characters of the text objects pdfium dropped (`PageScan.lost_objects`), read by pdfium: each
    object stroked with a 1 pt line and placed again (an identity transform recomputes its box, widened
    by half the line width), then a new text page. None when one of them still gives no character."""
    if not objects:
        return None
    for obj in objects:
        R.FPDFPageObj_SetStrokeWidth(obj, 1.0)
        R.FPDFTextObj_SetTextRenderMode(obj, R.FPDF_TEXTRENDERMODE_FILL_STROKE)
        R.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 0, 0)
    wanted = {ctypes.cast(o, ctypes.c_void_p).value for o in objects}
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        owners = [ctypes.cast(R.FPDFText_GetTextObject(raw, i), ctypes.c_void_p).value
                  for i in range(R.FPDFText_CountChars(raw))]
        only = {i for i, o in enumerate(owners) if o in wanted}
        found = {owners[i] for i in only}
        if found != wanted:
            return None
        return _chars(textpage, page, only) or None
    finally:
        textpage.close()


def sized_by_font(chars: list[Char]) -> bool:
    """Every box as tall as its font size says: False for a font without metrics, or a size set by the
    matrix ("1 Tf"), which pdfium's box of a dropped object cannot be trusted for."""
    return all(0.75 * c.fs <= c.bottom - c.top <= 1.5 * c.fs for c in chars)


def recover_lost(page, objects) -> list[Char] | None:
    """`read_lost`, or None when a character's box does not fit its font size: those pages are read by
    pdfminer (`add_missing`, given what pdfium read)."""
    chars = read_lost(page, objects)
    return chars if chars and sized_by_font(chars) else None


def scan_page(page) -> PageScan:
    """One pass over the page's objects (form XObjects included)."""
    state = {"h": 0, "v": 0, "images": False, "text": 0, "lost": [], "hrules": [], "lost_objects": []}
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    left, _bottom, _right, top = page_box(page)

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
                state["lost"].append((l.value - left, top - t.value, r.value - left, top - b.value))
                state["lost_objects"].append(obj)
            return
        if h < 3 and w > 15:
            state["h"] += 1
            state["hrules"].append((l.value - left, top - (b.value + t.value) / 2, r.value - left))
        elif w < 3 and h > 8:
            state["v"] += 1
        elif w > 15 and h > 8:
            state["h"] += 2  # a box: cells drawn as rectangles
            state["v"] += 2

    raw = page.raw
    for i in range(R.FPDFPage_CountObjects(raw)):
        visit(R.FPDFPage_GetObject(raw, i), 0)
    lost = tuple(state["lost"])
    return PageScan(state["h"] >= 2 and state["v"] >= 2, state["images"], state["text"], bool(lost), lost,
                    tuple(state["hrules"]), tuple(state["lost_objects"]))
