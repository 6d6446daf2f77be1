"""OFD documents (GB/T 33190, the national fixed-layout format) to a `Text`.

An OFD file is a zip (opened with the guards of `zipped.py`): `OFD.xml` names each document's
`Document.xml`, which lists the pages; a page's `Content.xml` holds `TextObject`s, each placed by its
`Boundary` (x y w h, in mm from the page's top left) and an optional `CTM`, with `TextCode` runs at
X/Y inside it and the advance from one glyph to the next in `DeltaX` (`g N d` repeats d N times). A
page may draw a template page beneath itself; its text is read too.

Reading: glyphs to printed lines by their baselines, lines in reading order top to bottom, a space
where a gap between two runs is wider than a third of an em. Paragraphs as the PDF reader makes them:
a line that runs to the right edge of the text continues in the next line when that starts flush left
and does not open a numbered provision (also from one page to the next), and centred lines of one
size (a title over two lines) run on; the line break is then a `layout` removal. A page number in
the top or bottom band of a page (`— 1 —`, `第1页`) is a `page_number` removal and labels the page.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from ..errors import GazetteError
from .blocks import PAGE_LINE, BlockWriter
from .text import Text
from .zipped import open_zip, read_member

KIND = "OFD"
BAND = 0.13  # share of the page height at the top and bottom where page numbers live
SPACE_GAP = 0.35  # a gap between runs wider than this many ems is a space
_NUM = re.compile(r"-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|-?\.\d+")


@dataclass
class Glyph:
    x: float  # left edge, mm
    y: float  # baseline, mm from the top
    size: float
    ch: str
    run: int  # which TextCode it came from: no space is put between glyphs of one run


@dataclass
class Line:
    glyphs: list[Glyph]
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    y: float = 0.0
    size: float = 0.0


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    label: str = ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(el, name: str):
    return [c for c in el if _local(c.tag) == name]


def _find(el, *names):
    """The first descendant along a path of local names (namespace-blind: producers differ)."""
    for name in names:
        if el is None:
            return None
        el = next((c for c in el if _local(c.tag) == name), None)
    return el


def _numbers(s: str | None) -> list[float]:
    return [float(v) for v in _NUM.findall(s or "")]


def _deltas(s: str | None) -> list[float]:
    """DeltaX/DeltaY: numbers, with `g N d` standing for N times d."""
    out: list[float] = []
    tokens = (s or "").split()
    k = 0
    while k < len(tokens):
        if tokens[k] == "g" and k + 2 < len(tokens):
            try:
                out += [float(tokens[k + 2])] * int(float(tokens[k + 1]))
            except ValueError:
                pass
            k += 3
            continue
        try:
            out.append(float(tokens[k]))
        except ValueError:
            pass
        k += 1
    return out


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F", "A")  # ambiguous ones (★ “ — ①) print wide in Chinese fonts


def _advance(ch: str, size: float) -> float:
    """A glyph's width when the file does not say: an em for CJK and full-width forms, half for others."""
    return size if _wide(ch) else 0.5 * size


# -- the package ----------------------------------------------------------------------------------------
class Package:
    def __init__(self, data: bytes, path: str, max_unpacked: int):
        self.path = path
        self.zf = open_zip(data, path, KIND, max_unpacked)
        self.names = {n.lstrip("/"): n for n in self.zf.namelist()}

    def xml(self, name: str):
        member = self.names.get(name.lstrip("/"))
        if member is None:
            # some producers differ in case
            member = next((v for k, v in self.names.items() if k.lower() == name.lstrip("/").lower()), None)
        if member is None:
            raise GazetteError("E052", path=self.path, kind=KIND, reason=f"{name} is missing")
        raw = read_member(self.zf, member, self.path, KIND)
        try:
            return ET.fromstring(raw)
        except ET.ParseError as e:
            raise GazetteError("E052", path=self.path, kind=KIND, reason=f"{name} is not XML ({e})") from e


def _resolve(base_dir: str, loc: str) -> str:
    loc = (loc or "").strip()
    if loc.startswith("/"):
        return posixpath.normpath(loc).lstrip("/")
    return posixpath.normpath(posixpath.join(base_dir, loc)).lstrip("/")


def read_pages(pkg: Package, max_pages: int) -> list[Page]:
    root = pkg.xml("OFD.xml")
    pages: list[Page] = []
    bodies = [el for el in root.iter() if _local(el.tag) == "DocBody"]
    if not bodies:
        raise GazetteError("E052", path=pkg.path, kind=KIND, reason="OFD.xml names no document (DocBody)")
    for body in bodies:
        doc_root = _find(body, "DocRoot")
        if doc_root is None or not (doc_root.text or "").strip():
            continue
        doc_path = _resolve("", doc_root.text)
        doc_dir = posixpath.dirname(doc_path)
        doc = pkg.xml(doc_path)
        box = _numbers((_find(doc, "CommonData", "PageArea", "PhysicalBox") or ET.Element("x")).text)
        width, height = (box[2], box[3]) if len(box) == 4 else (210.0, 297.0)
        templates = {t.get("ID"): _resolve(doc_dir, t.get("BaseLoc")) for t in doc.iter()
                     if _local(t.tag) == "TemplatePage" and t.get("BaseLoc")}
        entries = [p for p in (_find(doc, "Pages") or []) if _local(p.tag) == "Page"]
        if len(pages) + len(entries) > max_pages:
            raise GazetteError("E013", path=pkg.path, pages=len(pages) + len(entries), limit=max_pages)
        for entry in entries:
            content_path = _resolve(doc_dir, entry.get("BaseLoc"))
            page_xml = pkg.xml(content_path)
            pbox = _numbers((_find(page_xml, "Area", "PhysicalBox") or ET.Element("x")).text)
            page = Page(*(pbox[2:4] if len(pbox) == 4 else (width, height)))
            glyphs: list[Glyph] = []
            for tref in _children(page_xml, "Template"):
                loc = templates.get(tref.get("TemplateID"))
                if loc:
                    _glyphs(pkg.xml(loc), glyphs)
            _glyphs(page_xml, glyphs)
            page.lines = glyphs_to_lines(glyphs)
            pages.append(page)
    return pages


def _glyphs(page_xml, out: list[Glyph]) -> None:
    """Every glyph of the page's text objects (in layers and page blocks, at any depth)."""
    content = _find(page_xml, "Content")
    if content is None:
        return
    for obj in content.iter():
        if _local(obj.tag) != "TextObject":
            continue
        bx = _numbers(obj.get("Boundary"))
        ox, oy = (bx[0], bx[1]) if len(bx) >= 2 else (0.0, 0.0)
        ctm = _numbers(obj.get("CTM"))
        a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        scale = abs(a * d - b * c) ** 0.5 or 1.0
        size = (_numbers(obj.get("Size")) or [3.5])[0] * scale
        pen_x = pen_y = 0.0
        for code in _children(obj, "TextCode"):
            text = code.text or ""
            if not text:
                continue
            if code.get("X") is not None:
                pen_x = float((_numbers(code.get("X")) or [pen_x])[0])
            if code.get("Y") is not None:
                pen_y = float((_numbers(code.get("Y")) or [pen_y])[0])
            dx, dy = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
            run = len(out) and out[-1].run + 1
            x, y = pen_x, pen_y
            raw_size = size / scale
            for k, ch in enumerate(text):
                px, py = a * x + c * y + e + ox, b * x + d * y + f + oy
                out.append(Glyph(px, py, size, ch, run))
                x += dx[k] if k < len(dx) else _advance(ch, raw_size)
                y += dy[k] if k < len(dy) else 0.0
            pen_x, pen_y = x, y


def glyphs_to_lines(glyphs: list[Glyph]) -> list[Line]:
    """Glyphs to printed lines, top to bottom: one line per baseline (within half an em)."""
    lines: list[Line] = []
    for g in sorted(glyphs, key=lambda g: (g.y, g.x)):
        if lines and abs(g.y - lines[-1].y) <= 0.5 * max(g.size, lines[-1].size):
            lines[-1].glyphs.append(g)
        else:
            lines.append(Line([g], y=g.y, size=g.size))
    for line in lines:
        line.glyphs.sort(key=lambda g: g.x)
        parts: list[str] = []
        prev = None
        for g in line.glyphs:
            if prev is not None and g.run != prev.run:
                gap = g.x - (prev.x + _advance(prev.ch, prev.size))
                if gap > SPACE_GAP * max(g.size, prev.size) and not prev.ch.isspace() and not g.ch.isspace():
                    parts.append(" ")
            parts.append(g.ch)
            prev = g
        line.text = "".join(parts)
        line.x0 = line.glyphs[0].x
        last = line.glyphs[-1]
        line.x1 = last.x + _advance(last.ch, last.size)
        line.size = max(g.size for g in line.glyphs)
    return [ln for ln in lines if ln.text.strip()]


# -- paragraphs -----------------------------------------------------------------------------------------
def _page_number(page: Page, line: Line) -> bool:
    in_band = line.y <= page.height * BAND or line.y >= page.height * (1 - BAND)
    return in_band and bool(PAGE_LINE.match(line.text))


def _label(text: str) -> str:
    return re.sub(r"\D", "", text) or text.strip()


def _centred(line: Line, left: float, right: float) -> bool:
    lgap, rgap = line.x0 - left, right - line.x1
    return lgap > 2.6 * line.size and abs(lgap - rgap) <= 1.5 * line.size


def _flush(line: Line, left: float) -> bool:
    return line.x0 - left <= 0.5 * line.size


def _runs_on(a: Line, b: Line, left: float, right: float) -> bool:
    """Was line `a` broken only because the text reached the right edge (and `b` goes on with it)?"""
    from ..lexicon.numbering import starts_with_label

    if abs(a.size - b.size) > 0.12 * max(a.size, b.size):
        return False
    if _centred(a, left, right) and _centred(b, left, right):
        return True
    if not _flush(b, left) or a.x1 + _advance(b.text[0], b.size) < right - 0.3 * a.size:
        return False
    return not (a.text.rstrip()[-1:] in "。；！？：:;!?" and starts_with_label(b.text))


def pages_to_writer(pages: list[Page]) -> BlockWriter:
    body = [ln for p in pages for ln in p.lines if not _page_number(p, ln)]
    left = min((ln.x0 for ln in body), default=0.0)
    right = max((ln.x1 for ln in body), default=0.0)
    out = BlockWriter()
    pending: list[tuple[str, str]] = []  # removals waiting for the next line: page ends, page numbers
    prev: Line | None = None
    for n, page in enumerate(pages):
        numbers = [ln for ln in page.lines if _page_number(page, ln)]
        page.label = _label(numbers[0].text) if numbers else str(n + 1)
        top = [ln for ln in numbers if ln.y <= page.height * BAND]
        bottom = [ln for ln in numbers if ln.y > page.height * BAND]
        if n:
            pending.append(("\f", "page_break"))
        pending += [(ln.text + "\n", "page_number") for ln in top]
        started = False
        for line in (ln for ln in page.lines if not _page_number(page, ln)):
            if prev is not None and _runs_on(prev, line, left, right):
                out.drop("\n", "layout")
            else:
                out.begin()
            for raw, kind in pending:
                out.drop(raw, kind)
            pending = []
            if not started:
                out.page(page.label)
                started = True
            out.line(line.text)
            prev = line
        if not started:
            out.page(page.label)
        pending += [(ln.text + "\n", "page_number") for ln in bottom]
    out.end()
    for raw, kind in pending:
        out.drop(raw, kind)
    return out


def read_ofd(data: bytes, path: str = "-", limits=None) -> Text:
    from . import Limits

    limits = limits or Limits()
    pkg = Package(data, path, limits.max_bytes)
    pages = read_pages(pkg, limits.max_pages)
    out = pages_to_writer(pages)
    source, removals, page_map = out.finish()
    if not source.strip():
        raise GazetteError("E058", path=path)
    longest = max(len(line) for line in source.split("\n"))
    if longest > limits.max_line:
        raise GazetteError("E005", path=path, length=longest, limit=limits.max_line)
    text = Text(source=source, removals=removals, path=path, format="ofd", encoding="utf-8", newline="lf",
                sha256=hashlib.sha256(data).hexdigest())
    text.pages = page_map
    return text
