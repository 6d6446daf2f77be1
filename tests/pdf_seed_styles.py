"""The seed issue typeset by renderers the reader was not tuned on, in three page styles.

`tests/pdf_fixtures.py` sets the seed line by line with a composer written alongside the reader. These
renderers set it the way other producers do, so that the reader is tested on layouts it has not seen:

- `a4`: reportlab's own layout engine (platypus) on A4: justified paragraphs broken by its CJK line
  breaker, a running header centred over a rule, `— N —` centred at the foot, titles centred, the
  attachment table ruled by platypus' Table, TOC entries wrapped over two lines with dot leaders.
- `wrapped`: a line breaker that breaks between any two characters (digits too: `13`|`9亿元`, `6`|`0%`,
  `2`|`000 元/人`), ragged right as word processors set CJK text with latin runs, paragraphs running on
  from page to page, the header at the outer corner (`三门峡市人民政府公报` / `2023年第2号`), `第 N 页` at the
  foot in the outer corner, the table unruled.
- `columns`: platypus with two frames per page: titles over both columns on a document's first page,
  the body in two columns running from column to column and page to page, `·N·` in the outer corners.

Every document starts on the page its TOC entry gives (blank pages fill the gap, as printed issues do),
pages before the first document (cover, contents) are unnumbered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pdf_fixtures import PAGE_H, PAGE_W, Para, _width, register_cid_font, seed_paragraphs

HEADER = "三门峡市人民政府公报"
HEADER_EVEN = "2023年第2号"
STYLES = ("a4", "wrapped", "columns")
TOC_END = re.compile(r"\s*\.{3,}\s*(\d+)$")


@dataclass
class Rendered:
    style: str
    labels: list  # printed page number of every physical page (None: unnumbered)
    number_breaks: int  # lines that end inside a number (the next line goes on with its digits)
    page_splits: int  # body paragraphs that run on from one page (or column) to the next


def toc_entries(para: Para) -> list[tuple[str, str]] | None:
    """A front-matter paragraph of TOC entries: [(title, page), ...], or None when it is not one."""
    out, cur = [], ""
    for line in para.lines:
        m = TOC_END.search(line)
        cur += line[: m.start()] if m else line
        if m:
            out.append((cur, m.group(1)))
            cur = ""
    return out if out and not cur else None


# -- a character-level line breaker ---------------------------------------------------------------------
NO_START = set("，。、；：？！）》」』”’〕】…%")
NO_END = set("（《「『“‘〔【")


def break_lines(text: str, width: float, font: str, size: float, first_indent: float = 0.0) -> list[str]:
    """Break anywhere between two characters (digits and latin letters too), keeping closing marks off the
    start of a line and opening marks off its end."""
    lines, cur, w = [], "", first_indent
    for ch in text:
        cw = _width(ch, font, size)
        if cur and w + cw > width + 0.01:
            carry = ""
            if ch in NO_START and len(cur) > 1:
                cur, carry = cur[:-1], cur[-1]
            while cur and cur[-1] in NO_END:
                carry = cur[-1] + carry
                cur = cur[:-1]
            lines.append(cur)
            cur, w = carry, _width(carry, font, size)
            if ch == " " and not carry:
                continue
        cur += ch
        w += cw
    if cur:
        lines.append(cur)
    return lines


def _number_breaks(lines: list[str]) -> int:
    return sum(1 for a, b in zip(lines, lines[1:]) if a[-1:].isdigit() and b[:1].isdigit())


# -- platypus styles (a4, columns) ---------------------------------------------------------------------
class _Styles:
    def __init__(self, font: str, size: float, leading: float):
        from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        def ps(name, **kw):
            base = dict(fontName=font, fontSize=size, leading=leading, wordWrap="CJK")
            base.update(kw)
            return ParagraphStyle(name, **base)

        self.size = size
        self.body = ps("body", alignment=TA_JUSTIFY, firstLineIndent=2 * size)
        self.left = ps("left", alignment=TA_LEFT, spaceBefore=size * 0.5)
        self.front = ps("front", alignment=TA_LEFT)
        self.right = ps("right", alignment=TA_RIGHT, rightIndent=2 * size)
        self.center = ps("center", alignment=TA_CENTER, spaceBefore=size * 0.6, spaceAfter=size * 0.4)
        self.title = ps("title", alignment=TA_CENTER, fontSize=size * 1.6, leading=size * 2.3)
        self.masthead = ps("masthead", alignment=TA_CENTER, fontSize=size * 2.4, leading=size * 3.4,
                           spaceAfter=size * 2)
        self.reg_title = ps("reg_title", alignment=TA_CENTER, fontSize=size * 1.4, leading=size * 2.1,
                            spaceBefore=size * 1.2, spaceAfter=size * 0.5)
        self.att_title = ps("att_title", alignment=TA_CENTER, fontSize=size * 1.2, leading=size * 1.9,
                            spaceBefore=size * 0.5, spaceAfter=size * 0.5)
        self.cell = ps("cell", alignment=TA_CENTER, leading=size * 1.35)


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Marker:
    """A zero-size flowable that records the physical page it lands on."""

    def __new__(cls, key, seen: dict):
        from reportlab.platypus import Flowable

        class Marker(Flowable):
            def wrap(self, aw, ah):
                return 0, 0

            def draw(self):
                seen.setdefault(key, self.canv.getPageNumber())

        return Marker()


def _toc_flowable(title: str, page: str, st: _Styles, width_hint: list):
    """A TOC entry: the title wrapped, its last line ending in dot leaders and the page number at the right
    margin."""
    from reportlab.platypus import Flowable

    font, size = st.front.fontName, st.size

    class TocEntry(Flowable):
        def wrap(self, aw, ah):
            self.lines = break_lines(title, aw - 5 * size, font, size)
            self.aw = aw
            return aw, len(self.lines) * st.front.leading

        def draw(self):
            c = self.canv
            c.setFont(font, size)
            y = len(self.lines) * st.front.leading - size
            for k, line in enumerate(self.lines):
                c.drawString(0, y, line)
                if k == len(self.lines) - 1:
                    pw = _width(page, font, size)
                    c.drawRightString(self.aw, y, page)
                    x = _width(line, font, size) + size * 0.5
                    dots = ""
                    while x + _width(dots + ".", font, size) < self.aw - pw - size * 0.5:
                        dots += "."
                    c.drawString(x, y, dots)
                y -= st.front.leading

    return TocEntry()


def _platypus_story(paras: list[Para], st: _Styles, two_columns: bool, pads: dict, seen: dict,
                    ruled: bool, col_width: float):
    from reportlab.platypus import FrameBreak, NextPageTemplate, PageBreak, Paragraph, Spacer, Table, TableStyle

    story = []
    doc = None
    story.append(NextPageTemplate("front"))
    for i, para in enumerate(paras):
        if para.doc is not None and para.doc != doc:
            doc = para.doc
            if two_columns:
                story.append(NextPageTemplate("first"))
            story.append(PageBreak())
            for _ in range(pads.get(doc, 0)):
                story.append(PageBreak())
            if two_columns:
                story.append(NextPageTemplate("body"))
            story.append(_Marker(doc, seen))
        s = para.style
        if s == "masthead":
            story += [Paragraph(_escape(t), st.masthead) for t in para.lines]
        elif s == "front":
            entries = toc_entries(para)
            if entries:
                story += [_toc_flowable(t, p, st, []) for t, p in entries]
            else:
                story += [Paragraph(_escape(t), st.front) for t in para.lines]
            story.append(Spacer(1, st.size * 0.4))
        elif s == "title":
            story += [Paragraph(_escape(t), st.title) for t in para.lines]
        elif s in ("center", "reg_title", "att_title"):
            style = {"center": st.center, "reg_title": st.reg_title, "att_title": st.att_title}[s]
            story += [Paragraph(_escape(t), style) for t in para.lines]
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            if two_columns and s == "center" and para.lines and nxt is not None and nxt.style == "left" \
                    and _first_of_doc(paras, i):
                story.append(FrameBreak())  # the 文号 closes the title frame; the body goes in columns
        elif s == "right":
            story += [Paragraph(_escape(t), st.right) for t in para.lines]
        elif s == "left":
            story += [Paragraph(_escape(t), st.left) for t in para.lines]
        elif s == "table":
            ncol = max(len(r) for r in para.rows)
            cells = [[Paragraph(_escape(c), st.cell) for c in r] + [""] * (ncol - len(r)) for r in para.rows]
            table = Table(cells, colWidths=[col_width / ncol] * ncol, repeatRows=0)
            cmds = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
            if ruled:
                cmds.append(("GRID", (0, 0), (-1, -1), 0.6, "black"))
            table.setStyle(TableStyle(cmds))
            story += [Spacer(1, st.size * 0.6), table, Spacer(1, st.size * 0.6)]
        else:
            story += [Paragraph(_escape(t), st.body) for t in para.lines]
    return story


def _first_of_doc(paras: list[Para], i: int) -> bool:
    """Is paras[i] the 文号 line right under its document's title?"""
    return i > 0 and paras[i - 1].style == "title" and paras[i - 1].doc == paras[i].doc


def _render_platypus(path, paras, toc_pages, two_columns: bool, font: str) -> Rendered:
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    size, leading = (10.0, 15.0) if two_columns else (11.0, 18.5)
    st = _Styles(font, size, leading)
    left, right, top, bottom = 72.0, 72.0, 80.0, 72.0
    width = PAGE_W - left - right
    gutter = 18.0
    colw = (width - gutter) / 2

    def build(pads: dict) -> tuple[dict, int, list]:
        seen: dict = {}
        labels: list = []
        front_pages = [None]

        def on_page(c, docx):
            n = c.getPageNumber()
            start = seen.get(0)
            if start is None:
                labels.append(None)
                return
            label = n - start + toc_pages[0]
            labels.append(label)
            c.saveState()
            c.setFont(font, 10.5)
            if two_columns:
                c.drawCentredString(PAGE_W / 2, PAGE_H - 48, HEADER)
                c.setLineWidth(0.5)
                c.line(left, PAGE_H - 55, PAGE_W - right, PAGE_H - 55)
                if label % 2:
                    c.drawRightString(PAGE_W - right, 40, f"·{label}·")
                else:
                    c.drawString(left, 40, f"·{label}·")
            else:
                c.drawCentredString(PAGE_W / 2, PAGE_H - 50, HEADER)
                c.setLineWidth(0.8)
                c.line(left, PAGE_H - 57, PAGE_W - right, PAGE_H - 57)
                c.drawCentredString(PAGE_W / 2, 42, f"— {label} —")
            c.restoreState()

        doc = BaseDocTemplate(str(path), pagesize=(PAGE_W, PAGE_H), leftMargin=left, rightMargin=right,
                              topMargin=top, bottomMargin=bottom, invariant=1, title="fixture")
        full = Frame(left, bottom, width, PAGE_H - top - bottom, id="full", leftPadding=0, rightPadding=0,
                     topPadding=0, bottomPadding=0)
        templates = [PageTemplate("front", [full], onPageEnd=on_page)]
        if two_columns:
            title_h = 190.0
            body_h = PAGE_H - top - bottom
            cols = [Frame(left, bottom, colw, body_h, id="l", leftPadding=0, rightPadding=0, topPadding=0,
                          bottomPadding=0),
                    Frame(left + colw + gutter, bottom, colw, body_h, id="r", leftPadding=0, rightPadding=0,
                          topPadding=0, bottomPadding=0)]
            first = [Frame(left, PAGE_H - top - title_h, width, title_h, id="t", leftPadding=0, rightPadding=0,
                           topPadding=0, bottomPadding=0),
                     Frame(left, bottom, colw, body_h - title_h, id="fl", leftPadding=0, rightPadding=0,
                           topPadding=0, bottomPadding=0),
                     Frame(left + colw + gutter, bottom, colw, body_h - title_h, id="fr", leftPadding=0,
                           rightPadding=0, topPadding=0, bottomPadding=0)]
            templates += [PageTemplate("first", first, onPageEnd=on_page), PageTemplate("body", cols, onPageEnd=on_page)]
        else:
            templates += [PageTemplate("first", [full], onPageEnd=on_page), PageTemplate("body", [full], onPageEnd=on_page)]
        doc.addPageTemplates(templates)
        story = _platypus_story(paras, st, two_columns, pads, seen, ruled=True,
                                col_width=colw if two_columns else width)
        doc.build(story)
        return seen, doc.page, labels

    pads: dict = {}
    seen, total, labels = build(pads)
    # pad so that every document starts on its TOC page (documents start on new pages: a pad before one
    # moves it and all later ones by exactly that many pages)
    shift = 0
    for k in range(len(toc_pages)):
        got = seen[k] + shift - seen[0] + toc_pages[0]
        need = toc_pages[k] - got
        if need < 0:
            raise ValueError(f"document {k + 1} does not fit before page {toc_pages[k]}")
        pads[k] = need
        shift += need
    seen, total, labels = build(pads)
    assert [seen[k] - seen[0] + toc_pages[0] for k in range(len(toc_pages))] == list(toc_pages)
    return Rendered("columns" if two_columns else "a4", labels, 0, 0)


# -- the character-breaking composer (wrapped) --------------------------------------------------------
class _Pages:
    """Lines on pages, one column, with the outer-corner furniture of the `wrapped` style."""

    def __init__(self, path, font: str):
        from reportlab.pdfgen import canvas

        self.c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
        self.c.setTitle("fixture")
        self.font = font
        self.size, self.leading = 12.0, 20.0
        self.left, self.width = 88.0, 418.0  # 418 pt: six numbers of the seed straddle a line end
        self.top, self.bottom = PAGE_H - 96.0, 70.0
        self.y = self.top
        self.label = None
        self.labels: list = []
        self.open = False
        self.lines_on_page = 0

    def new_page(self, label) -> None:
        if self.open:
            self.c.showPage()
        self.open = True
        self.label = label
        self.labels.append(label)
        self.y = self.top
        if label is None:
            return
        c = self.c
        c.setFont(self.font, 9.0)
        odd = label % 2 == 1
        head = HEADER if odd else HEADER_EVEN
        if odd:
            c.drawRightString(self.left + self.width, PAGE_H - 54, head)
            c.drawRightString(self.left + self.width, 40, f"第 {label} 页")
        else:
            c.drawString(self.left, PAGE_H - 54, head)
            c.drawString(self.left, 40, f"第 {label} 页")
        c.setLineWidth(0.5)
        c.line(self.left, PAGE_H - 60, self.left + self.width, PAGE_H - 60)

    def need(self, height: float) -> None:
        if self.y - height < self.bottom:
            self.new_page(None if self.label is None else self.label + 1)

    def line(self, text: str, x: float, size: float | None = None, gap: float = 0.0) -> bool:
        """Draw one line at the next baseline; True when it went to a new page."""
        size = size or self.size
        moved = False
        y = self.y - gap
        if y < self.bottom:
            self.new_page(None if self.label is None else self.label + 1)
            y, moved = self.y, True
        self.c.setFont(self.font, size)
        self.c.drawString(x, y, text)
        self.y = y - max(self.leading, size * 1.5)
        return moved

    def finish(self) -> None:
        if self.open:
            self.c.showPage()
        self.c.save()


def _render_wrapped(path, paras, toc_pages, font: str) -> Rendered:
    pg = _Pages(path, font)
    size = pg.size
    pg.new_page(None)
    doc = None
    breaks = splits = 0
    for para in paras:
        if para.doc is not None and para.doc != doc:
            doc = para.doc
            label = toc_pages[doc]
            if pg.label is not None:
                if pg.label >= label:
                    raise ValueError(f"document {doc + 1} does not fit before page {label}")
                while pg.label + 1 < label:
                    pg.new_page(pg.label + 1)
            pg.new_page(label)
        s = para.style
        if s in ("masthead", "title", "reg_title", "att_title", "center"):
            big = {"masthead": 28.0, "title": 18.0, "reg_title": 16.0, "att_title": 14.0, "center": size}[s]
            gap = {"masthead": 0.0, "title": 8.0, "reg_title": 16.0, "att_title": 8.0, "center": 8.0}[s]
            lines = [t for piece in para.lines for t in break_lines(piece, pg.width, font, big)]
            pg.need(len(lines) * big * 1.5 + gap)
            for k, t in enumerate(lines):
                pg.line(t, pg.left + (pg.width - _width(t, font, big)) / 2, big, gap if k == 0 else 0.0)
        elif s == "right":
            pg.need(len(para.lines) * pg.leading + size)
            for k, t in enumerate(para.lines):
                pg.line(t, pg.left + pg.width - 2 * size - _width(t, font, size), gap=size * 0.6 if k == 0 else 0)
        elif s == "table":
            ncol = max(len(r) for r in para.rows)
            colw = pg.width / ncol
            pg.need(len(para.rows) * pg.leading * 2 + size)
            pg.y -= size * 0.6
            for row in para.rows:
                cells = [break_lines(c, colw - size, font, size) or [""] for c in row]
                height = max(len(c) for c in cells)
                pg.need(height * pg.leading)
                y0 = pg.y
                for k, cell in enumerate(cells):
                    for j, t in enumerate(cell):
                        pg.c.setFont(font, size)
                        pg.c.drawString(pg.left + k * colw + (colw - _width(t, font, size)) / 2, y0 - j * pg.leading, t)
                pg.y = y0 - height * pg.leading
        elif s == "front" and toc_entries(para):
            for title, page in toc_entries(para):
                lines = break_lines(title, pg.width - 5 * size, font, size)
                for k, t in enumerate(lines):
                    if k == len(lines) - 1:
                        x = _width(t, font, size) + size * 0.5
                        pw = _width(page, font, size)
                        dots = ""
                        while x + _width(dots + ".", font, size) < pg.width - pw - size * 0.5:
                            dots += "."
                        t = f"{t} {dots}"
                        pg.line(t, pg.left)
                        pg.c.drawRightString(pg.left + pg.width, pg.y + pg.leading, page)
                    else:
                        pg.line(t, pg.left)
        elif s in ("front", "left"):
            for piece in para.lines:
                for t in break_lines(piece, pg.width, font, size):
                    pg.line(t, pg.left)
        else:
            for piece in para.lines:
                lines = break_lines(piece, pg.width, font, size, first_indent=2 * size)
                breaks += _number_breaks(lines)
                moved = [pg.line(t, pg.left + (2 * size if k == 0 else 0)) for k, t in enumerate(lines)]
                splits += any(moved[1:])
    pg.finish()
    return Rendered("wrapped", pg.labels, breaks, splits)


def render_style(path, style: str, font: str | None = None) -> Rendered:
    """The seed issue in one of STYLES, written to `path`."""
    font = font or register_cid_font()
    paras, toc_pages = seed_paragraphs()
    if style == "wrapped":
        return _render_wrapped(path, paras, toc_pages, font)
    if style in ("a4", "columns"):
        return _render_platypus(path, paras, toc_pages, style == "columns", font)
    raise ValueError(f"unknown style {style!r}")
