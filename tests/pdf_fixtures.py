"""PDF fixtures the suite renders itself with reportlab: nothing downloaded, nothing checked in.

The seed issue's cleaned text (the markdown path's `Text.clean`) is typeset the way a gazette is: an
unnumbered cover with the masthead and the table of contents, then every document on a new page whose
printed number is the page its TOC entry gives (blank numbered pages fill the gaps, as in print), running
headers (`三门峡市人民政府公报` on odd pages, `第2号` on even ones), page numbers `— 12 —` at the foot,
titles centred over two or three lines, body paragraphs with a two-character first-line indent and no
space between them (so paragraphs run across pages), signatures and dates set right, and the
attachment table ruled (or unruled). `columns=2` sets the body in two columns under full-width titles
and tables, the way provincial gazettes print.

Rendered files are cached per test session: `cached(tmp_path_factory, name, builder)`.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "sanmenxia-gazette-2023-02.md"
CID_FONT = "STSong-Light"
WQY_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

PAGE_W, PAGE_H = 595.27, 841.89  # A4
HEADER_ODD = "三门峡市人民政府公报"
HEADER_EVEN = "第2号"

_CACHE: dict[str, tuple[Path, object]] = {}


def cached(tmp_path_factory, name: str, builder) -> tuple[Path, object]:
    """Render once per session: `builder(path)` writes the PDF at `path` and returns what the tests need
    to know about it (the printed page numbers, ...)."""
    if name not in _CACHE:
        path = tmp_path_factory.mktemp("pdf") / name
        _CACHE[name] = (path, builder(path))
    return _CACHE[name]


def register_cid_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if CID_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    return CID_FONT


def register_wqy_font() -> str | None:
    """The embedded TrueType font (Debian's fonts-wqy-microhei), or None when it is not installed."""
    if not os.path.exists(WQY_PATH):
        return None
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "WQYMicroHei" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQYMicroHei", WQY_PATH, subfontIndex=0))
    return "WQYMicroHei"


# -- what to print: the seed's paragraphs with a style each -------------------------------------------
@dataclass
class Para:
    style: str  # masthead front title center left body right reg_title att_title table
    lines: list[str]
    doc: int | None = None  # index of the document this paragraph belongs to
    rows: list[list[str]] = field(default_factory=list)
    start: int = 0  # offset in the clean text


def seed_extraction():
    import extract

    return extract.parse(str(SEED), recognize=False)


def seed_paragraphs(x=None) -> tuple[list[Para], list[int]]:
    """The seed's clean text as styled paragraphs, and the TOC page number of each document."""
    from extract.lexicon.docnumber import is_doc_number_line
    from extract.lexicon.heads import ATTACHMENT_LINE

    x = x or seed_extraction()
    clean = x.text.clean
    paras: list[Para] = []
    for m in re.finditer(r"[^\n](?:.|\n(?![ \t\u3000]*\n))*", clean):
        start, text = m.start(), m.group(0)
        lines = [l.strip(" \t\u3000") for l in text.split("\n") if l.strip(" \t\u3000")]
        if not lines:
            continue
        paras.append(Para("body", lines, start=start))
    # styles
    starts = {}
    for n, d in enumerate(x.documents):
        for p in d.provisions:
            starts[p.start] = (n, d, p)
    doc_of = []
    for para in paras:
        s = para.start
        n = next((k for k, d in enumerate(x.documents) if d.start <= s < d.end), None)
        para.doc = n
        doc_of.append(n)
    seen_number = set()
    after_att_line = False
    for i, para in enumerate(paras):
        s, n = para.start, para.doc
        first = para.lines[0]
        if n is None:
            para.style = "masthead" if i == 0 else "front"
            continue
        d = x.documents[n]
        prov = max((p for p in d.provisions if p.start <= s), key=lambda p: p.start, default=None)
        if "\t" in first:
            para.style = "table"
            para.rows = [l.split("\t") for l in para.lines]
        elif n not in seen_number and not is_doc_number_line(first) and prov and prov.id == "preamble":
            para.style = "title"
            para.lines = " ".join(para.lines).split(" ")
        elif is_doc_number_line(first):
            seen_number.add(n)
            para.style = "center"
        elif prov and prov.level == "closing":
            para.style = "right"
        elif prov and prov.level == "chapter" and s <= prov.start + 1:
            para.style = "center"
        elif prov and prov.id == "reg" and first == (prov.heading or ""):
            para.style = "reg_title"
        elif ATTACHMENT_LINE.match(first):
            para.style = "left"
            after_att_line = True
            continue
        elif after_att_line:
            para.style = "att_title"
        elif prov and prov.id == "preamble" and first.endswith("："):
            para.style = "left"
        after_att_line = False
    toc_pages = [next(e.page for e in x.issue.toc if e.document_id == d.id) for d in x.documents]
    return paras, toc_pages


# -- typesetting ----------------------------------------------------------------------------------------
@dataclass
class Line:
    text: str
    x: float  # left edge of the text
    size: float
    space_before: float = 0.0
    full: bool = False  # spans the whole page width in a two-column layout
    table: list[list[str]] | None = None
    ruled: bool = True
    width: float = 0.0  # when set, the line is justified to this width (it was wrapped)
    para: int = -1  # the body paragraph it belongs to


@dataclass
class Style:
    font: str = CID_FONT
    size: float = 11.0
    leading: float = 18.0
    top: float = 92.0  # distance from the page top to the first baseline
    bottom: float = 80.0  # lowest baseline's distance from the page bottom
    left: float = 77.6
    width: float = 440.0
    gutter: float = 20.0
    columns: int = 1
    ruled_tables: bool = True
    headers: bool = True
    numbers: str = "center"  # or "outer": the page number in the outer corner (right on odd pages)


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def wrap(text: str, width: float, font: str, size: float, first_indent: float = 0.0) -> list[str]:
    """Break a paragraph into lines no wider than `width`; Latin words and numbers are not broken."""
    tokens = re.findall(r"[A-Za-z0-9.,:/%@'_\-]+|.", text)
    lines, cur, w = [], "", first_indent
    for tok in tokens:
        tw = _width(tok, font, size)
        if cur and w + tw > width + 0.01:
            carry = ""
            if tok in _NO_LINE_START and len(cur) > 1 and not cur[-1].isascii():
                cur, carry = cur[:-1], cur[-1]  # 避头: a closing mark never starts a line
            lines.append(cur.rstrip(" "))
            cur, w = carry, _width(carry, font, size)
            if tok == " ":
                continue
        cur += tok
        w += tw
    if cur.strip():
        lines.append(cur.rstrip(" "))
    if len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-2]) > 2 and not lines[-2][-1].isascii():
        lines[-2], lines[-1] = lines[-2][:-1], lines[-2][-1] + lines[-1]  # no single-character last line
    return lines


_NO_LINE_START = set("，。、；：？！）》」』”’〕】…%")


def para_lines(para: Para, st: Style, width: float, left: float) -> list[Line]:
    """One styled paragraph to printed lines (x positions relative to the page)."""
    font, size = st.font, st.size
    out: list[Line] = []
    if para.style == "table":
        return [Line("", left, size, space_before=size * 0.8, table=para.rows, ruled=st.ruled_tables)]
    if para.style in ("masthead", "title", "reg_title", "att_title", "center"):
        big = {"masthead": 26.0, "title": 16.0, "reg_title": 15.0, "att_title": 13.0, "center": size}[para.style]
        gap = {"masthead": 0.0, "title": 6.0, "reg_title": 14.0, "att_title": 8.0, "center": 8.0}[para.style]
        for piece in para.lines:
            for t in wrap(piece, width, font, big):
                tw = _width(t, font, big)
                out.append(Line(t, left + (width - tw) / 2, big, space_before=gap if not out else 0.0))
        return out
    if para.style == "right":
        for t in para.lines:
            tw = _width(t, font, size)
            out.append(Line(t, left + width - 2 * size - tw, size, space_before=size * 0.6 if not out else 0))
        return out
    if para.style in ("front", "left"):
        for piece in para.lines:
            for t in wrap(piece, width, font, size):
                out.append(Line(t, left, size, space_before=size * 0.7 if not out else 0))
        return out
    # body: each line of the paragraph is a printed paragraph with a two-character indent
    for piece in para.lines:
        wrapped = wrap(piece, width, font, size, first_indent=2 * size)
        for k, t in enumerate(wrapped):
            indent = 2 * size if k == 0 else 0
            out.append(Line(t, left + indent, size, width=width - indent if k < len(wrapped) - 1 else 0))
    return out


def table_height(rows: list[list[str]], colw: list[float], font: str, size: float, lead: float):
    """The cells' wrapped lines and each row's height."""
    cells = [[wrap(c, w - 8, font, size) or [""] for c, w in zip(row, colw)] for row in rows]
    heights = [max(len(c) for c in row) * lead + 8 for row in cells]
    return cells, heights


def column_widths(rows: list[list[str]], width: float, st: Style) -> list[float]:
    """Columns as wide as their widest cell (plus padding), spread over the width."""
    ncol = max(len(r) for r in rows)
    need = [max(_width(r[k], st.font, st.size) if k < len(r) else 0 for r in rows) + 3 * st.size
            for k in range(ncol)]
    return [width * n / sum(need) for n in need]


def draw_table(c, line: Line, left: float, width: float, y_top: float, st: Style) -> float:
    """Draw the table with its top at `y_top`; returns its height."""
    rows = line.table
    ncol = max(len(r) for r in rows)
    colw = column_widths(rows, width, st)
    lead = st.size * 1.4
    cells, heights = table_height(rows, colw, st.font, st.size, lead)
    y = y_top
    c.setFont(st.font, st.size)
    xs = [left]
    for w in colw:
        xs.append(xs[-1] + w)
    if line.ruled:
        c.setLineWidth(0.6)
        c.line(left, y, left + width, y)
    for row, h in zip(cells, heights):
        for k, cell in enumerate(row):
            for j, t in enumerate(cell):
                tw = _width(t, st.font, st.size)
                c.drawString(xs[k] + (colw[k] - tw) / 2, y - 4 - st.size - j * lead + 2, t)
        y -= h
        if line.ruled:
            c.line(left, y, left + width, y)
    if line.ruled:
        for x in xs:
            c.line(x, y_top, x, y)
    return y_top - y


def draw_line(c, line: Line, x: float, y: float, font: str) -> None:
    """Draw one printed line; a wrapped line is justified with character spacing, as typesetters do."""
    t = c.beginText(x, y)
    t.setFont(font, line.size)
    space = 0.0  # set every time: PDF keeps the character spacing from one text object to the next
    if line.width and len(line.text) > 1:
        space = max(0.0, (line.width - _width(line.text, font, line.size)) / (len(line.text) - 1))
    t.setCharSpace(space)
    t.textOut(line.text)
    c.drawText(t)


class Composer:
    """Places lines on pages: one column, or two columns balanced under full-width blocks."""

    def __init__(self, path, st: Style):
        from reportlab.pdfgen import canvas

        self.c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
        self.c.setTitle("fixture")
        self.st = st
        self.label: int | None = None  # printed number of the current page
        self.y = PAGE_H - st.top  # next baseline
        self.page_open = False
        self.pending: list[Line] = []  # two-column lines waiting to be balanced
        self.labels: list[int | None] = []  # printed number of every page drawn
        self.where: dict[int, set] = {}  # body paragraph -> the (page, column) pairs it was set in

    # pages
    def new_page(self, label: int | None) -> None:
        self.flush_columns()
        if self.page_open:
            self.c.showPage()
        self.label = label
        self.labels.append(label)
        self.page_open = True
        self.y = PAGE_H - self.st.top
        st = self.st
        if label is not None and st.headers:
            self.c.setFont(st.font, 10.5)
            head = HEADER_ODD if label % 2 else HEADER_EVEN
            self.c.drawCentredString(PAGE_W / 2, PAGE_H - 50, head)
            self.c.setLineWidth(0.8)
            self.c.line(st.left, PAGE_H - 57, st.left + st.width, PAGE_H - 57)
            if st.numbers == "outer" and label % 2:
                self.c.drawRightString(st.left + st.width, 42, f"— {label} —")
            elif st.numbers == "outer":
                self.c.drawString(st.left, 42, f"— {label} —")
            else:
                self.c.drawCentredString(PAGE_W / 2, 42, f"— {label} —")

    def next_page(self) -> None:
        self.new_page(self.label + 1 if self.label is not None else None)

    def finish(self) -> None:
        self.flush_columns()
        if self.page_open:
            self.c.showPage()
        self.c.save()

    # one column
    def place(self, line: Line) -> None:
        st = self.st
        if line.table is not None:
            ncol = max(len(r) for r in line.table)
            _, heights = table_height(line.table, column_widths(line.table, st.width, st), st.font, st.size,
                                      st.size * 1.4)
            top = self.y + st.size - line.space_before
            if top - sum(heights) < st.bottom:
                self.next_page()
                top = self.y + st.size
            h = draw_table(self.c, line, st.left, st.width, top, st)
            self.y = top - h - st.leading
            return len(self.labels)
        y = self.y - line.space_before
        if y < st.bottom:
            self.next_page()
            y = self.y
        draw_line(self.c, line, line.x, y, st.font)
        self.y = y - max(st.leading, line.size * 1.5)
        self.where.setdefault(line.para, set()).add((len(self.labels), 0))
        return len(self.labels)

    def keep_together(self, lines: list[Line]) -> None:
        """Start a new page unless all these lines fit on this one (titles, TOC entries, signatures)."""
        need = sum(self._pitch(l) for l in lines) - self._pitch(lines[0]) + lines[0].space_before
        if self.y - need < self.st.bottom:
            self.next_page()

    # two columns: lines are laid out in a column of width `colw` and placed when the band closes
    def colw(self) -> float:
        return (self.st.width - self.st.gutter) / 2

    def add_column_line(self, line: Line) -> None:
        self.pending.append(line)
        # a column band that fills the page is placed at once: left column then right column
        if self._band_height(self.pending) > 2 * (self.y - self.st.bottom) + self.st.leading:
            last = self.pending.pop()
            self._place_band(self.pending, fill=True)
            self.pending = []
            self.next_page()
            self.pending.append(last)

    def _pitch(self, line: Line) -> float:
        return line.space_before + max(self.st.leading, line.size * 1.5)

    def _band_height(self, lines: list[Line]) -> float:
        return sum(self._pitch(l) for l in lines)

    def _place_band(self, lines: list[Line], fill: bool) -> None:
        st = self.st
        if not lines:
            return
        if fill:
            room = self.y - st.bottom + st.leading
            left, h = [], 0.0
            for l in lines:
                if h + self._pitch(l) > room + 0.01:
                    break
                left.append(l)
                h += self._pitch(l)
        else:
            total = self._band_height(lines)
            left, h = [], 0.0
            for l in lines:
                if h >= total / 2 - 0.01:
                    break
                left.append(l)
                h += self._pitch(l)
        right = lines[len(left):]
        top = self.y
        bottoms = []
        for k, col in enumerate((left, right)):
            y = top
            dx = 0.0 if k == 0 else self.colw() + st.gutter
            for l in col:
                y -= l.space_before if l is not col[0] else 0.0
                draw_line(self.c, l, l.x + dx, y, st.font)
                self.where.setdefault(l.para, set()).add((len(self.labels), k))
                y -= max(st.leading, l.size * 1.5)
            bottoms.append(y)
        self.y = min(bottoms)

    def flush_columns(self) -> None:
        if self.pending:
            self._place_band(self.pending, fill=False)
            self.pending = []


@dataclass
class Rendered:
    """What the tests need to know about a rendered PDF."""

    labels: list[int | None]  # the printed number of every page (None: unnumbered)
    split_paragraphs: int  # body paragraphs that run on over a page or column break


def render_paragraphs(path, paras: list[Para], toc_pages: list[int], st: Style) -> Rendered:
    """Typeset and save."""
    comp = Composer(path, st)
    comp.new_page(None)
    doc = None
    for para in paras:
        if para.doc != doc and para.doc is not None:
            doc = para.doc
            label = toc_pages[doc]
            if comp.label is not None and comp.label >= label:
                raise ValueError(f"document {doc + 1} does not fit before page {label}: make the type smaller")
            comp.flush_columns()
            if comp.label is not None:
                while comp.label + 1 < label:  # blank numbered pages, as printed issues have
                    comp.next_page()
            comp.new_page(label)
        full = st.columns == 1 or para.style in ("masthead", "title", "table") or para.doc is None or (
            para.style == "center" and comp.pending == [] and comp.y > PAGE_H - 200)
        if full:
            comp.flush_columns()
            lines = para_lines(para, st, st.width, st.left)
            if para.style not in ("body", "table"):
                comp.keep_together(lines)
            for piece in _paragraph_pieces(lines, st.left):
                number = len(comp.where) + 1 if para.style == "body" else -1
                for line in piece:
                    line.para = number
                    comp.place(line)
        else:
            lines = para_lines(para, st, comp.colw(), st.left)
            for piece in _paragraph_pieces(lines, st.left):
                number = len(comp.where) + 1 if para.style == "body" else -1
                comp.where.setdefault(number, set())
                for line in piece:
                    line.para = number
                    comp.add_column_line(line)
    comp.finish()
    split = sum(1 for k, v in comp.where.items() if k > 0 and len(v) > 1)
    return Rendered(comp.labels, split)


def _paragraph_pieces(lines: list[Line], left: float) -> list[list[Line]]:
    """Printed paragraphs: a new one at each indented first line."""
    out: list[list[Line]] = []
    for line in lines:
        if not out or line.x > left + 1:
            out.append([line])
        else:
            out[-1].append(line)
    return out


def render_seed(path, columns: int = 1, ruled_tables: bool = True, font: str | None = None) -> Rendered:
    """The seed issue as a printed gazette PDF (see the module docstring)."""
    font = font or register_cid_font()
    paras, toc_pages = seed_paragraphs()
    st = Style(font=font, columns=columns, ruled_tables=ruled_tables)
    if columns == 2:
        st.size, st.leading, st.numbers = 10.0, 15.0, "outer"
    return render_paragraphs(path, paras, toc_pages, st)


def render_pages(path, pages: list[list[str]], font: str | None = None, header: str | None = None,
                 numbers: bool = True, **canvas_options) -> None:
    """Simple pages: each a list of lines at the left margin; optional running header and page numbers."""
    from reportlab.pdfgen import canvas

    font = font or register_cid_font()
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, **canvas_options)
    for n, lines in enumerate(pages, 1):
        if header:
            c.setFont(font, 10.5)
            c.drawCentredString(PAGE_W / 2, PAGE_H - 50, header)
        c.setFont(font, 11)
        y = PAGE_H - 92
        for line in lines:
            c.drawString(77.6, y, line)
            y -= 18
        if numbers:
            c.setFont(font, 10.5)
            c.drawCentredString(PAGE_W / 2, 42, f"— {n} —")
        c.showPage()
    c.save()


MIXED_TITLE = ["某某市人民政府办公室关于印发某某市", "城市生活垃圾分类管理办法的通知"]
MIXED_PARAGRAPH = ("坚持政府推动、全民参与、城乡统筹、因地制宜的原则，加快建立分类投放、分类收集、分类运输、"
                   "分类处理的生活垃圾处理系统，到2025年底，城区居民小区生活垃圾分类覆盖率达到90%以上，"
                   "公共机构和相关企业全面实行生活垃圾强制分类，形成可复制、可推广的生活垃圾分类模式，"
                   "生活垃圾回收利用率达到35%以上，资源化利用率稳步提高。")
MIXED_TABLE = [["类别", "投放容器"], ["可回收物", "蓝色桶"], ["有害垃圾", "红色桶"], ["厨余垃圾", "绿色桶"],
               ["其他垃圾", "灰色桶"]]


def render_mixed_page(path, font: str | None = None) -> int:
    """One page as two-column gazettes print a notice: a full-width running header and a two-line title
    over two columns; a paragraph running from the foot of the left column to the head of the right one;
    an unruled table inside the right column; the page number in the outer corner. Returns how many of
    the paragraph's lines are in the left column."""
    from reportlab.pdfgen import canvas

    font = font or register_cid_font()
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    left, width, gutter, size, lead = 77.6, 440.0, 20.0, 10.0, 15.0
    colw = (width - gutter) / 2
    c.setFont(font, 10.5)
    c.drawCentredString(PAGE_W / 2, PAGE_H - 50, "某某市人民政府公报")
    c.line(left, PAGE_H - 57, left + width, PAGE_H - 57)
    c.drawRightString(left + width, 42, "— 7 —")  # odd page: the outer corner is on the right
    y = PAGE_H - 100
    for t in MIXED_TITLE:
        c.setFont(font, 16)
        c.drawCentredString(PAGE_W / 2, y, t)
        y -= 24
    c.setFont(font, size)
    c.drawCentredString(PAGE_W / 2, y - 6, "某政办〔2024〕7号")
    top = y - 40
    body: list[Line] = []
    for t in wrap("各县（区）人民政府，市政府各部门：", colw, font, size):
        body.append(Line(t, 0, size))
    for text in ("《某某市城市生活垃圾分类管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。", "一、总体要求",
                 MIXED_PARAGRAPH):
        lines = wrap(text, colw, font, size, first_indent=2 * size)
        for k, t in enumerate(lines):
            body.append(Line(t, 2 * size if k == 0 else 0, size, width=colw - (2 * size if k == 0 else 0)
                             if k < len(lines) - 1 else 0))
    split = len(body) - 6  # the paragraph's last six lines go to the right column
    in_left = sum(1 for _ in wrap(MIXED_PARAGRAPH, colw, font, size, 2 * size)) - 6
    for k, line in enumerate(body):
        x = left + (0 if k < split else colw + gutter) + line.x
        yy = top - lead * (k if k < split else k - split)
        draw_line(c, line, x, yy, font)
    y = top - lead * (len(body) - split)
    c.setFont(font, size)
    c.drawString(left + colw + gutter + 2 * size, y, "二、分类标准")
    y -= lead
    for row in MIXED_TABLE:
        c.drawString(left + colw + gutter + size, y, row[0])
        c.drawString(left + colw + gutter + colw / 2 + size, y, row[1])
        y -= lead
    for t in ("某某市人民政府办公室", "2024年3月1日"):
        c.drawRightString(left + width - 2 * size, y - 6, t)
        y -= lead
    c.showPage()
    c.save()
    return in_left


def render_unit_font(path, lines: list[str], font: str | None = None) -> None:
    """Text set as many PDF producers set it: the font at size 1, scaled to 11 pt by the CTM (first lines)
    or by the text matrix (the last line)."""
    from reportlab.pdfgen import canvas

    font = font or register_cid_font()
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    for k, line in enumerate(lines[:-1]):
        c.saveState()
        c.translate(77.6, PAGE_H - 92 - 18 * k)
        c.scale(11, 11)
        c.setFont(font, 1)
        c.drawString(0, 0, line)
        c.restoreState()
    t = c.beginText()
    t.setFont(font, 1)
    t.setTextTransform(11, 0, 0, 11, 77.6, PAGE_H - 92 - 18 * (len(lines) - 1))
    t.textOut(lines[-1])
    c.drawText(t)
    c.showPage()
    c.save()


def render_scan(path) -> None:
    """A 'scanned' page: an image and no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (300, 400), 255)
    draw = ImageDraw.Draw(img)
    for y in range(40, 360, 20):
        draw.line((30, y, 270, y), fill=0, width=3)
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    for _ in range(2):
        c.drawImage(ImageReader(img), 50, 100, width=495, height=660)
        c.showPage()
    c.save()


FOOTNOTED = [  # a line each: (text before the note mark, the mark, text after it); notes at the foot
    ("2021年，全市常住人口", "1", "1761.48万人，其中男性969.57万人，女性791.91万人，"),
    ("常住人口性别比", "2", " 为122.44。户籍人口630.94万人。"),
]
NOTES = ["1 注：此数据不包含特别合作区常住人口数据。", "2 注：人口性别比是指男性人数与女性人数之比。"]


def render_footnotes(path, font: str | None = None, mark: str = "sup") -> None:
    """A page as word processors print a report with notes: note marks set at 60 % size and raised
    (mark="sup"), or `[1]` marks raised a little at 80 % size (mark="bracket"), glued to the numbers
    after them; the notes in small type at the foot of the page, under a short rule; a subscript
    (CO₂) and an exponent (m²) in the text, which are not notes."""
    from reportlab.pdfgen import canvas

    font = font or register_cid_font()
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    size, y = 12.0, PAGE_H - 100
    t = c.beginText(77.6 + 2 * size, y)
    t.setFont(font, size)
    for k, (before, note, after) in enumerate(FOOTNOTED):
        if k:
            c.drawText(t)
            t = c.beginText(77.6, y - 22)
            t.setFont(font, size)
        t.textOut(before)
        if mark == "sup":
            t.setFont(font, size * 0.6)
            t.setRise(size * 0.45)
            t.textOut(note)
        else:
            t.setFont(font, size * 0.8)
            t.setRise(size * 0.3)
            t.textOut(f"[{note}]")
        t.setRise(0)
        t.setFont(font, size)
        t.textOut(after)
    c.drawText(t)
    t = c.beginText(77.6 + 2 * size, y - 44)
    t.setFont(font, size)
    t.textOut("排放CO")
    t.setFont(font, size * 0.6)
    t.setRise(-size * 0.2)
    t.textOut("2")
    t.setRise(0)
    t.setFont(font, size)
    t.textOut("不超过5000吨，绿地面积不低于200m")
    t.setFont(font, size * 0.6)
    t.setRise(size * 0.45)
    t.textOut("2")
    t.setRise(0)
    t.setFont(font, size)
    t.textOut("。")
    c.drawText(t)
    c.line(77.6, 130, 200, 130)
    for k, note in enumerate(NOTES):
        t = c.beginText(77.6, 115 - 14 * k)
        t.setFont(font, 9 * 0.6)
        t.setRise(9 * 0.4)
        t.textOut(note[0])
        t.setRise(0)
        t.setFont(font, 9)
        t.textOut(note[1:])
        c.drawText(t)
    c.showPage()
    c.save()


OPEN_TABLE = [["指标名称", "绝对数（亿元）", "比上年增长（%）"], ["全部财税收入", "128.64", "76.9"],
              ["财政总收入", "122.22", "81.2"], ["#一般公共预算收入", "77.25", "17.2"], ["#税收收入", "39.52", "24.4"],
              ["非税收入", "37.73", "10.5"], ["一般公共预算支出", "492.40", "18.0"]]


def render_open_table(path, font: str | None = None) -> None:
    """A table as statistical bulletins print it: a ruled header row, then the rows without rules
    between them, the body closed by one rule below, the column rules drawn only between the value
    columns (the label column has no cell borders of its own), under a paragraph of text."""
    from reportlab.pdfgen import canvas

    font = font or register_cid_font()
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    c.setFont(font, 12)
    c.drawString(101.6, PAGE_H - 100, "全年全州财税收入128.64亿元，比上年增长76.9%。")
    c.drawCentredString(PAGE_W / 2, PAGE_H - 130, "表12 2023年财政收支情况")
    left, right, xs = 98.0, 497.0, [98.0, 327.0, 397.0, 497.0]
    top = PAGE_H - 145
    head_bottom = top - 24
    bottom = head_bottom - 16 * (len(OPEN_TABLE) - 1) - 8
    c.setLineWidth(0.8)
    for y in (top, head_bottom, bottom):
        c.line(left, y, right, y)
    for x in xs:
        c.line(x, top, x, head_bottom)  # the header's cells are boxed
    for x in xs[1:-1]:
        c.line(x, head_bottom, x, bottom)  # the body: only the rules between the value columns
    c.setFont(font, 10.5)
    for k, cell in enumerate(OPEN_TABLE[0]):
        c.drawCentredString((xs[k] + xs[k + 1]) / 2, top - 16, cell)
    for r, row in enumerate(OPEN_TABLE[1:]):
        y = head_bottom - 14 - 16 * r
        c.drawString(left + 6 + (10 if row[0].startswith("#") else 0), y, row[0])
        for k in (1, 2):
            c.drawCentredString((xs[k] + xs[k + 1]) / 2, y, row[k])
    c.drawString(101.6, bottom - 30, "全年全州一般公共预算支出492.40亿元，增长18.0%。")
    c.showPage()
    c.save()


CAPTIONED = [["职位代码", "部门名称", "姓名"], ["220090201001", "宜丰县人民法院", "李文琪"],
             ["220020101007", "宜春市民政局", "周玲"]]
CAPTION = "宜春市2022年度面试递补人员名单"


def render_captioned_table(path, font: str | None = None) -> None:
    """A web page's table printed to PDF: the caption is a row of the table, one cell across it,
    boxed in with the rows below (as Chrome prints an HTML table whose first row spans the columns)."""
    from reportlab.pdfgen import canvas

    font = font or register_cid_font()
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    left, xs, top, h = 80.0, [80.0, 200.0, 380.0, 500.0], PAGE_H - 100, 26.0
    c.setLineWidth(0.6)
    c.rect(left, top - h, xs[-1] - left, h)
    c.setFont(font, 14)
    c.drawCentredString((left + xs[-1]) / 2, top - 18, CAPTION)
    c.setFont(font, 11)
    for r, row in enumerate(CAPTIONED):
        y = top - h * (r + 1)
        for k, cell in enumerate(row):
            c.rect(xs[k], y - h, xs[k + 1] - xs[k], h)
            c.drawCentredString((xs[k] + xs[k + 1]) / 2, y - 17, cell)
    c.showPage()
    c.save()


THREE_LINE_HEADER = [("", ""), ("户籍人口", "（万人）"), ("男性", "（万人）"), ("性别比", "（女=100）")]
THREE_LINE_ROWS = [["福田区", "124.88", "60.48", "93.91"], ["罗湖区", "73.40", "35.61", "94.23"],
                   ["盐田区", "10.28", "5.02", "95.44"], ["南山区", "122.12", "62.50", "104.83"],
                   ["宝安区", "91.01", "44.94", "97.55"], ["龙岗区", "116.37", "57.39", "97.30"]]


def render_three_line_table(path, font: str | None = None) -> None:
    """A three-line table (三线表) as statistical reports print it: a rule over the header, one under it
    and one under the last row, no vertical rules; the header's names over their units on two lines,
    the stub column without a heading; the table runs over a page break (no closing rule at the foot of
    the first page) and its header is printed again on the second."""
    from reportlab.pdfgen import canvas

    font = font or register_cid_font()
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    left, right = 90.0, 505.0
    xs = [left + 10, 200.0, 310.0, 420.0]

    def header(y: float) -> float:
        c.setLineWidth(0.8)
        c.line(left, y, right, y)
        c.setFont(font, 11)
        for k, (name, unit) in enumerate(THREE_LINE_HEADER):
            if name:
                c.drawString(xs[k], y - 16, name)
                c.drawString(xs[k], y - 32, unit)
        c.line(left, y - 40, right, y - 40)
        return y - 58

    for page, rows in enumerate((THREE_LINE_ROWS[:4], THREE_LINE_ROWS[4:])):
        c.setFont(font, 12)
        if page == 0:
            c.drawString(left + 24, PAGE_H - 100, "2021年，全市户籍人口630.94万人。各区户籍人口如下：")
            c.drawCentredString(PAGE_W / 2, PAGE_H - 130, "表2 分区户籍人口及性别比")
            y = header(PAGE_H - 140)
        else:
            y = header(PAGE_H - 80)
        c.setFont(font, 11)
        for row in rows:
            for k, cell in enumerate(row):
                c.drawString(xs[k], y, cell)
            y -= 24
        if page == 1:
            c.line(left, y + 12, right, y + 12)
            c.setFont(font, 12)
            c.drawString(left + 24, y - 20, "2021年，全市户籍迁入人口38.24万人。")
        c.setFont(font, 10.5)
        c.drawCentredString(PAGE_W / 2, 42, f"— {page + 1} —")
        c.showPage()
    c.save()
