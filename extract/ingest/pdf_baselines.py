"""Rows by baseline: one printed line set in several sizes, and the small raised or lowered runs in it.

pdfplumber's grouping (`pdf_lines`) clusters characters by the top of their boxes, so a line whose
characters differ in size falls apart: a page number `— 6 —` whose digit is set larger than its dashes,
or a superscript set so high that its top is more than 3 pt above the line's. `merge_lines` puts such
rows back together: rows that do not overlap side by side and share a baseline (or overlap in height by
half the lower one's) are one line.

`mark_scripts` then finds, inside every row, the runs of characters set smaller than the line and raised
above its baseline (superscripts) or lowered below it (subscripts), and makes each run a word of its
own, glued to its neighbours (`Word.glued`), so that it never merges into the number it touches:
`常住人口¹1761.48万人` is `常住人口` + `1` + `1761.48万人`, not `常住人口11761.48万人`. A superscript that reads
as a note reference (`1`, `12`, `[3]`, `*`, `①`, `a`) and does not open its line (a footnote's own label
does) and does not follow a latin letter (`m²` is an exponent) is a footnote reference (`Word.note`):
the reader records it as a `footnote_ref` removal.

After `merge_lines(rows)` and `mark_scripts(rows)`: every printed line is one row, left to right; each
script run is its own word, and the text of a row without scripts is unchanged.
"""
from __future__ import annotations

import re

from .pdf_lines import Row, Word

SMALLER = 0.85  # a script is set at most this share of its line's type size ...
RAISED = 0.15  # ... and its baseline is this many ems above (or below) the line's
NOTE_REF = re.compile(r"^(?:[\[［(（〔]?\d{1,3}[\]］)）〕]?|[*＊†‡§¶#]{1,3}|[\u2460-\u2473\u2776-\u277f]|[a-z])$")


def _median(values):
    values = sorted(values)
    return values[len(values) // 2]


def _line_metrics(chars):
    """(type size, baseline, producer's font size) of the characters that set the line's size."""
    size = _median([c.bottom - c.top for c in chars])
    body = [c for c in chars if c.bottom - c.top >= 0.85 * size] or chars
    return size, _median([c.base for c in body]), _median([c.fs for c in body])


def _smaller(c, size: float, fs: float) -> bool:
    if fs > 0 and c.fs > 0:
        return c.fs <= SMALLER * fs
    return c.bottom - c.top <= SMALLER * size


def merge_lines(rows: list[Row]) -> list[Row]:
    """Rows that are one printed line (see the module docstring) merged, top to bottom."""
    if len(rows) < 2:
        return rows
    out: list[Row] = [rows[0]]
    for row in rows[1:]:
        prev = out[-1]
        if _one_line(prev, row):
            words = sorted(prev.words + row.words, key=lambda w: w.x0)
            for a, b in zip(words, words[1:]):
                if (a in row.words) != (b in row.words) and b.x0 - a.x1 < 1.5:
                    b.glued = True  # they touch: one word set on two baselines (CO₂)
            out[-1] = Row(words)
        else:
            out.append(row)
    return out


def _one_line(a: Row, b: Row) -> bool:
    if any(min(wa.x1, wb.x1) - max(wa.x0, wb.x0) > max(1.0, 0.25 * min(wa.x1 - wa.x0, wb.x1 - wb.x0))
           for wa in a.words for wb in b.words):
        return False  # side by side they overlap: two lines
    ca = [c for w in a.words for c in w.chars]
    cb = [c for w in b.words for c in w.chars]
    size_a, base_a, _ = _line_metrics(ca)
    size_b, base_b, _ = _line_metrics(cb)
    if abs(base_a - base_b) <= 0.25 * min(size_a, size_b):
        return True  # one baseline, two sizes
    # a run inside the other line's height (a superscript above the 3 pt tolerance, a note's label)
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap >= 0.5 * min(a.bottom - a.top, b.bottom - b.top)


def mark_scripts(rows: list[Row]) -> None:
    """Split every row's script runs into words of their own, in place (see the module docstring)."""
    for row in rows:
        chars = [c for w in row.words for c in w.chars]
        if len(chars) < 3:
            continue
        size, base, fs = _line_metrics(chars)
        kinds = {}
        for c in chars:
            if not _smaller(c, size, fs):
                continue
            if c.base < base - RAISED * size:
                kinds[id(c)] = "sup"
            elif c.base > base + RAISED * size * 0.6:
                kinds[id(c)] = "sub"
        if not kinds:
            continue
        words: list[Word] = []
        for w in row.words:
            run: list = []
            run_kind = None
            first = True
            for c in w.chars:
                kind = kinds.get(id(c))
                if run and kind != run_kind:
                    words.append(Word(run, glued=w.glued if first else True, script=run_kind))
                    first = False
                    run = []
                run.append(c)
                run_kind = kind
            words.append(Word(run, glued=w.glued if first else True, script=run_kind))
        for k, w in enumerate(words):
            before = words[k - 1].text[-1:] if k else ""
            if w.script == "sup" and k > 0 and NOTE_REF.match(w.text) and not (before.isascii() and before.isalpha()):
                w.note = True
        row.words = words
        row._text = None
