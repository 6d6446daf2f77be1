"""Running headers, footers and page numbers: found by position and repetition across pages.

A row is page furniture when it is among the first or last rows of its page, lies in the top or bottom
band of the page, and either reads as a page number (`— 12 —`, `- 12 -`, `第12页`, `12`) or repeats,
digits aside, at the same height on several pages (`三门峡市人民政府公报`, `第2号`, `2023年第2期`). A
masthead printed once, larger and lower down, is not furniture. The printed page number becomes the
page's label; pages without one get their number from their neighbours when the numbering runs on.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .pdf_lines import Row

BAND = 0.13  # share of the page height at the top and at the bottom where furniture lives
EDGE_ROWS = 2  # how many rows at each end of a page may be furniture
_DASH = "-—–－‐─━"
_DOT = "·•・∙"
_ROMAN = r"(?=[ivxlcIVXLC])(?:x{0,3}(?:ix|iv|v?i{0,3})|X{0,3}(?:IX|IV|V?I{0,3}))"
# The shapes printed page numbers take, with the number in group `n` (or `r`, roman). `bare` tells a
# number printed alone (`12`, `XII`), which must also fit the page sequence to count.
PAGE_NUMBER = re.compile(
    rf"^\s*(?:(?P<deco>[{_DASH}{_DOT}]{{1,3}})\s*(?:(?P<n1>\d{{1,4}})|(?P<r1>{_ROMAN}))\s*[{_DASH}{_DOT}]{{1,3}}"
    rf"|(?P<bare>(?P<n2>\d{{1,4}})|(?P<r2>{_ROMAN}))"
    rf"|第\s*(?P<n3>\d{{1,4}})\s*页(?:[\s,，/／]*共\s*\d{{1,4}}\s*页)?"
    rf"|共\s*\d{{1,4}}\s*页[\s,，/／]*第\s*(?P<n4>\d{{1,4}})\s*页"
    rf"|(?P<n5>\d{{1,4}})\s*[/／]\s*\d{{1,4}}"
    rf"|[【\[（(]\s*(?P<n6>\d{{1,4}})\s*[】\]）)]"
    rf"|(?i:page|p\.)\s*(?P<n7>\d{{1,4}})(?:\s*(?i:of)\s*\d{{1,4}})?)\s*$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


@dataclass
class PageRows:
    """One page's rows (top to bottom) and what furniture detection found on it."""

    index: int
    width: float
    height: float
    rows: list[Row]
    furniture: dict[int, str] = field(default_factory=dict)  # row index -> running_header | page_number
    label: str | None = None


GAZETTE_TITLE = re.compile(r"^《?[\u4e00-\u9fff]{2,24}(?:公报|政报|公报》)$")


def page_number(text: str) -> int | None:
    """The number a printed page-number line gives (`— 12 —`, `第 1 页，共 5 页`, `·3·`, `II`), or None."""
    found = _page_number(text)
    return found[0] if found else None


def _page_number(text: str) -> tuple[int, str, bool] | None:
    """(number, the label as printed, printed bare) for a page-number line, or None."""
    m = PAGE_NUMBER.match(text)
    if not m:
        return None
    for name in ("n1", "n2", "n3", "n4", "n5", "n6", "n7"):
        if m.group(name):
            return int(m.group(name)), str(int(m.group(name))), bool(m.group("bare"))
    roman = m.group("r1") or m.group("r2")
    if not roman:
        return None
    return _roman(roman), roman, bool(m.group("bare"))


def _roman(s: str) -> int:
    total, prev = 0, 0
    for ch in reversed(s.lower()):
        v = _ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _key(row: Row) -> tuple[str, int]:
    text = re.sub(r"\s+", "", row.text)
    return re.sub(r"\d+", "#", text), round(row.top / 6)


def _candidates(page: PageRows):
    """(row index, 'top'|'bottom') of rows that may be furniture."""
    n = len(page.rows)
    seen = set()
    for k in range(min(EDGE_ROWS, n)):
        if page.rows[k].bottom <= page.height * BAND:
            seen.add(k)
            yield k, "top"
    for k in range(max(0, n - EDGE_ROWS), n):
        if k not in seen and page.rows[k].top >= page.height * (1 - BAND):
            yield k, "bottom"


def find_furniture(pages: list[PageRows]) -> None:
    """Mark furniture rows and set labels on every page, in place."""
    counts: Counter = Counter()
    for page in pages:
        keys = {_key(page.rows[k]) for k, _ in _candidates(page)}
        counts.update(keys)
    with_text = sum(1 for p in pages if p.rows)
    need = max(2, min(5, round(0.2 * with_text)))
    numbers = {(page.index, k): _page_number(page.rows[k].text) for page in pages for k, _ in _candidates(page)}
    in_sequence = _in_sequence(numbers, len(pages))
    for page in pages:
        for k, where in _candidates(page):
            row = page.rows[k]
            found = numbers[(page.index, k)]
            if found is not None and (page.index, k) in in_sequence:
                page.furniture[k] = "page_number"
                if page.label is None:
                    page.label = found[1]
            elif counts[_key(row)] >= need or (where == "top" and _gazette_title(page, row)):
                page.furniture[k] = "running_header"
        # furniture must sit at the edge: a candidate below a body row at the top is body text
        _keep_edges(page)
    _fill_labels(pages)


def _in_sequence(numbers: dict, total: int) -> set:
    """The page-number candidates to believe: every decorated one (`— 3 —`, `第3页`), and a bare number
    (`3`, `II`) when another page's number runs in the same sequence with it (printed number minus page
    index the same), or when the file has one or two pages and it is the page's own number. A year
    (`2023`) alone on a cover is not a page number."""
    offsets: Counter = Counter()
    for (index, _), found in numbers.items():
        if found is not None:
            offsets[(found[0] - index, found[1].isdigit())] += 1
    out = set()
    for (index, k), found in numbers.items():
        if found is None:
            continue
        number, label, bare = found
        if not bare or offsets[(number - index, label.isdigit())] >= 2 or (total <= 2 and number == index + 1):
            out.add((index, k))
    return out


def _gazette_title(page: PageRows, row: Row) -> bool:
    """The gazette's name set small above the text: a running header even on a page of its own (a
    masthead is set large, and stays)."""
    sizes = sorted(r.size for r in page.rows)
    return bool(GAZETTE_TITLE.match(re.sub(r"\s+", "", row.text))) and row.size <= 1.1 * sizes[len(sizes) // 2]


def _keep_edges(page: PageRows) -> None:
    """Furniture sits at the edges of the page, apart from the body: a repeated row that runs on into
    the body without a gap (the first line of text, the same on every page) is body text."""
    n = len(page.rows)
    rows = page.rows
    # a header of two rows is set tight; a repeated row further down is the first line of the body
    for k in range(1, n):
        if k in page.furniture and page.furniture[k] == "running_header" and k - 1 in page.furniture \
                and rows[k].top < page.height * BAND and rows[k].top - rows[k - 1].bottom > rows[k].size:
            del page.furniture[k]
    for k in range(n - 2, -1, -1):
        if k in page.furniture and page.furniture[k] == "running_header" and k + 1 in page.furniture \
                and rows[k].top >= page.height * (1 - BAND) and rows[k + 1].top - rows[k].bottom > rows[k].size:
            del page.furniture[k]
    top = 0
    while top < n and top in page.furniture:
        top += 1
    while 0 < top < n and page.furniture[top - 1] == "running_header" \
            and rows[top].top - rows[top - 1].bottom < 0.8 * rows[top - 1].size:
        top -= 1
        del page.furniture[top]
    bottom = n - 1
    while bottom >= 0 and bottom in page.furniture:
        bottom -= 1
    while bottom + 1 < n and bottom >= 0 and page.furniture.get(bottom + 1) == "running_header" \
            and rows[bottom + 1].top - rows[bottom].bottom < 0.8 * rows[bottom + 1].size:
        bottom += 1
        del page.furniture[bottom]
    top_ok = True
    for k in range(n):
        if k in page.furniture and top_ok:
            continue
        top_ok = False
        if k in page.furniture and page.rows[k].top < page.height * BAND:
            del page.furniture[k]
    bottom_ok = True
    for k in range(n - 1, -1, -1):
        if k in page.furniture and bottom_ok:
            continue
        bottom_ok = False
        if k in page.furniture and page.rows[k].top >= page.height * (1 - BAND):
            del page.furniture[k]


def _fill_labels(pages: list[PageRows]) -> None:
    """A page without a printed number between numbered pages (a full-page table, a blank page) gets the
    number the sequence gives it. Pages before the first printed number (the cover) keep None."""
    last = None
    for i, page in enumerate(pages):
        if page.label is not None:
            last = i if page.label.isdigit() else None
        elif last is not None:
            page.label = str(int(pages[last].label) + (i - last))
