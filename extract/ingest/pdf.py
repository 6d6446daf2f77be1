"""PDF bytes to a `Text`: the reader for gazettes printed as PDF.

The fast path reads every page's characters with pypdfium2 (`pdf_chars`), groups them into rows the way
pdfplumber does (`pdf_lines`), finds running headers, footers and printed page numbers across pages
(`pdf_furniture`), puts each page's rows and tables into reading order (`pdf_columns`, `pdf_layout`) and
writes the source text, its removals and the page map (`pdf_text`). Ruled tables are found by pdfplumber's
table finder on the edges of pdfium's paths (`pdf_ruling`); pdfplumber parses a page itself only where
pdfium cannot read all of its text or its paths (`pdf_plumber`).

After `read_pdf`: `Text.source` is the text as read, page by page; the removals take out running headers,
page numbers, line breaks inside paragraphs and page breaks inside paragraphs, so `Text.clean` has one
paragraph per line and a blank line between paragraphs, tables as tab-separated rows; `Text.pages` maps
every clean offset to the printed page label. Unusable files raise GazetteError: E010 encrypted (or
E015 wrong password), E011 no text layer, E012 broken or truncated, E013 too many pages.
"""
from __future__ import annotations

import hashlib
import os
import sys
from collections import Counter

from ..errors import GazetteError, warning
from .pdf_baselines import mark_scripts, merge_lines
from .pdf_columns import find_gutter, fits_gutter, page_regions
from .pdf_furniture import PageRows, find_furniture
from .pdf_layout import NO_LINE_START, Block, Region, continues, table_continues, find_unruled_tables, place_tables, region_blocks
from .pdf_lines import chars_to_rows
from .pdf_log import LibraryLog
from .pdf_rules import rule_tables
from .pdf_text import emit
from .text import Text

PROGRESS_DELAY = 1.0  # seconds before the progress bar shows


def open_pdf(data: bytes, path: str, password: str | None = None):
    """A pypdfium2 document, or the GazetteError that says why not."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as R

    from .pdf_chars import use_embedded_fonts_only

    use_embedded_fonts_only()
    if data.rfind(b"%%EOF") < 0:
        raise GazetteError("E012", path=path, reason="truncated (no %%EOF at the end); get the file again")
    # Bytes after the last %%EOF (mail and download tools append them) are ignored, as PDF readers do.
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == R.FPDF_ERR_PASSWORD:
            raise GazetteError("E015" if password else "E010", path=path) from e
        if code == R.FPDF_ERR_SECURITY:
            raise GazetteError("E016", path=path) from e
        raise GazetteError("E012", path=path, reason=str(e) or "pdfium cannot open it") from e


def _progress(total: int):
    """A tqdm bar on stderr that appears only when reading takes longer than PROGRESS_DELAY, and only for
    a terminal (GAZETTE_PROGRESS=1 forces it, =0 silences it)."""
    setting = os.environ.get("GAZETTE_PROGRESS", "")
    enabled = setting == "1" or (setting != "0" and sys.stderr.isatty())
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="page", desc="reading PDF", delay=PROGRESS_DELAY, file=sys.stderr,
                leave=False, mininterval=0.25)


def read_pages(doc, data: bytes, path: str, password: str | None):
    """Every page's rows and tables: (pages, tables per page, whether any page had images, the pages
    that are only an image)."""
    from .pdf_chars import add_missing, page_chars, read_lost, scan_page, sized_by_font
    from .pdf_plumber import Plumber

    plumber = Plumber(data, password)
    pages: list[PageRows] = []
    tables: list[list] = []
    images = False
    image_only: list[int] = []  # pages with an image and no text: scans inside a text PDF
    bar = _progress(len(doc))
    try:
        for i in range(len(doc)):
            try:
                page = doc[i]
                width, height = page.get_size()
                scan = scan_page(page)
                chars = page_chars(page)
                by_pdfminer = False  # pdfminer reads this page for its characters: its ruling as well
                if scan.lost_text:
                    found = read_lost(page, scan.lost_objects)
                    by_pdfminer = found is None or not sized_by_font(found)
                    if by_pdfminer:
                        chars = add_missing(chars, plumber.chars(i), scan.lost, found)
                    else:
                        chars = add_missing(chars, found, scan.lost)
                ruled = _ruled_tables(page) if scan.rules and chars and not by_pdfminer else None
                page.close()
            except GazetteError:
                raise
            except Exception as e:  # noqa: BLE001 - pdfium or pdfminer on a damaged page
                raise GazetteError("E012", path=path, reason=f"page {i + 1}: {e}") from e
            images = images or scan.images
            if scan.images and not chars:
                image_only.append(i)
            page_tables = ruled or []
            if scan.rules and chars and ruled is None:
                try:
                    page_tables = plumber.tables(i)
                except Exception:  # noqa: BLE001 - an unreadable ruling: read the page as text
                    page_tables = []
            rows = merge_lines(chars_to_rows(chars))
            mark_scripts(rows)
            if scan.hrules and chars:
                page_tables = page_tables + rule_tables(scan.hrules, rows, width, page_tables)
            pages.append(PageRows(i, width, height, rows))
            tables.append(page_tables)
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        plumber.close()
    return pages, tables, images, image_only


def _ruled_tables(page):
    """The page's ruled tables from pdfium's paths (`pdf_ruling`), or None: then pdfplumber finds them."""
    from .pdf_ruling import find_tables

    try:
        return find_tables(page)
    except Exception:  # noqa: BLE001 - odd paths: pdfplumber reads the page as before
        return None


def read_pdf(data: bytes, path: str = "-", limits=None, password: str | None = None) -> Text:
    from . import Limits

    from .pdf_guard import check_inflation

    limits = limits or Limits()
    check_inflation(data, path, max_stream=limits.max_inflate // 8, max_total=limits.max_inflate)
    doc = open_pdf(data, path, password)
    try:
        if len(doc) > limits.max_pages:
            raise GazetteError("E013", path=path, pages=len(doc), limit=limits.max_pages)
        if len(doc) == 0:
            raise GazetteError("E012", path=path, reason="it has no pages")
        with LibraryLog() as log:
            pages, tables, images, image_only = read_pages(doc, data, path, password)
    finally:
        doc.close()
    if not any(p.rows for p in pages):
        raise GazetteError("E011", path=path)
    source, removals, page_map = pages_to_source(pages, tables)
    text = Text(source=source, removals=removals, path=path, format="pdf", encoding=None, newline="lf",
                sha256=hashlib.sha256(data).hexdigest(), pages=page_map)
    text.warnings = [warning("W001", page=pages[i].label or str(i + 1)) for i in image_only]
    if log.count:
        text.warnings.append(warning("W010", count=log.count, first=log.first))
    return text


def pages_to_source(pages: list[PageRows], tables: list[list]):
    """Furniture, reading order, blocks and joins for the whole document; then the source text."""
    find_furniture(pages)
    if not any(p.label for p in pages):
        for p in pages:
            p.label = str(p.index + 1)
    page_items = []
    for page, page_tables in zip(pages, tables):
        body = [r for k, r in enumerate(page.rows) if k not in page.furniture]
        page_items.append(place_tables(body, page_tables))
    gutters = [find_gutter(items, page.width) for items, page in zip(page_items, pages)]
    common = Counter(round(g) for g in gutters if g is not None).most_common(1)
    regions: list[list[Region]] = []
    for items, page, g in zip(page_items, pages, gutters):
        if g is None and common and common[0][1] >= 2 and fits_gutter(items, common[0][0]):
            g = common[0][0]  # a short page of a two-column document
        page_reg = page_regions(items, page.width, g)
        for reg in page_reg:
            reg.items = find_unruled_tables(reg.items)
        regions.append(page_reg)
    body_size, body_gap = _body_metrics(regions)
    _set_edges(regions, pages, body_size)
    blocks: list[list[Block]] = []
    for p, page_reg in enumerate(regions):
        page_blocks: list[Block] = []
        for reg in page_reg:
            page_blocks += region_blocks(reg, body_size, body_gap, p)
        blocks.append(page_blocks)
    flat = [b for page_blocks in blocks for b in page_blocks]
    joins = [False] * len(flat)
    header = None  # the header row of the table a continued table goes on with
    for n in range(len(flat) - 1):
        a, b = flat[n], flat[n + 1]
        if a.region is not b.region:  # the last block of a column or page, the first of the next
            if table_continues(a, b, body_size):
                joins[n] = True
                header = header or a.items[-1].cells[0]
                b.repeated_header = len(b.items[0].cells) > 1 and b.items[0].cells[0] == header
                continue
            joins[n] = continues(a, b, body_size)
        header = None
    return emit(pages, blocks, joins)


def _body_metrics(regions: list[list[Region]]) -> tuple[float, float]:
    """The body type size (the commonest row height) and the gap between its lines."""
    sizes: Counter = Counter()
    for page_reg in regions:
        for reg in page_reg:
            for it in reg.items:
                if not it.is_table:
                    sizes[round(it.size, 1)] += 1
    if not sizes:
        return 10.0, 5.0
    body = sizes.most_common(1)[0][0]
    gaps: Counter = Counter()
    for page_reg in regions:
        for reg in page_reg:
            for a, b in zip(reg.items, reg.items[1:]):
                if not a.is_table and not b.is_table and round(a.size, 1) == body == round(b.size, 1):
                    g = b.top - a.bottom
                    if g > 0:
                        gaps[round(g * 2) / 2] += 1
    gap = gaps.most_common(1)[0][0] if gaps else body * 0.5
    return body, gap


def _set_edges(regions: list[list[Region]], pages: list[PageRows], body_size: float) -> None:
    """Left and right text edges per kind of region (and per odd/even page when they differ), from the
    lines set in the body size: the leftmost start and the rightmost end that many of them share. A line
    that ends in a closing mark hung into the margin (`、` `。` past the edge, as justified CJK text sets
    them) does not count for the right edge."""
    samples: dict[tuple[str, int], tuple[Counter, Counter]] = {}

    def body(it) -> bool:
        return not it.is_table and abs(it.size - body_size) <= 0.12 * body_size

    for page_reg, page in zip(regions, pages):
        columns = any(reg.kind != "full" for reg in page_reg)
        for reg in page_reg:
            if reg.kind == "full" and columns:
                continue  # titles and tables over two columns: their page's edges are the columns'
            for parity in (page.index % 2, 2):
                x0s, x1s = samples.setdefault((reg.kind, parity), (Counter(), Counter()))
                for it in reg.items:
                    if body(it):
                        x0s[round(it.x0)] += 1
                        if it.row.text[-1:] not in NO_LINE_START:
                            x1s[round(it.x1)] += 1

    def edges(kind: str, parity: int):
        """(rows seen, left, right) for this kind of region on pages of this parity, or None."""
        for key in ((kind, parity), (kind, 2)):
            if key not in samples:
                continue
            x0s, x1s = samples[key]
            n = sum(x0s.values())
            if n < 40 and key[1] != 2:
                continue
            if n == 0 or not x1s:
                continue  # only tables (or other sizes) in this kind of region
            need = max(2, round(0.03 * n))
            lefts = [x for x, c in x0s.items() if c >= need] or list(x0s)
            rights = [x for x, c in x1s.items() if c >= need] or list(x1s)
            return n, min(lefts), max(rights)
        return None

    for page_reg, page in zip(regions, pages):
        columns = any(reg.kind != "full" for reg in page_reg)
        parity = page.index % 2
        for reg in page_reg:
            if not reg.items:
                continue
            found = edges(reg.kind, parity)
            left_col, right_col = edges("left", parity), edges("right", parity)
            if reg.kind == "full" and left_col and right_col and (columns or found is None or found[0] < 40):
                found = (0, left_col[1], right_col[2])  # the text block of a two-column page
            rows = [it for it in reg.items if body(it)]
            if found is None:
                rows = rows or [it for it in reg.items if not it.is_table] or reg.items
                reg.left, reg.right = min(it.x0 for it in rows), max(it.x1 for it in rows)
                continue
            reg.left, reg.right = found[1], found[2]
            if rows:  # body lines beyond the document's edges widen this region's
                reg.left = min(reg.left, min(it.x0 for it in rows))
                reg.right = max(reg.right, max(it.x1 for it in rows if it.row.text[-1:] not in NO_LINE_START)
                                if any(it.row.text[-1:] not in NO_LINE_START for it in rows) else reg.right)
