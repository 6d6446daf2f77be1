"""Characters to words and rows, the way pdfplumber's `extract_text()` groups them.

Characters are clustered into rows by their top (3 pt tolerance, chained), each row sorted left to right,
and split into words at white space and at gaps wider than 3 pt. `plain_text(rows)` then gives exactly
what `pdfplumber.Page.extract_text()` gives for the same characters; the layout stages work on the same
rows, so the fast path and pdfplumber agree on every line.
"""
from __future__ import annotations

from operator import attrgetter

from .pdf_chars import Char

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
_X0 = attrgetter("x0")


class Word:
    """A run of characters without white space or a wide gap; `first_w` is the first character's width.
    `glued`: the word touches the one before it (they were one word, split where a superscript starts
    or ends), so no space goes between them. `script`: "sup" or "sub" for a raised or lowered run set
    smaller than its line; `note`: that run is a footnote reference."""

    __slots__ = ("text", "x0", "x1", "top", "bottom", "first_w", "chars", "glued", "script", "note")

    def __init__(self, chars: list[Char], glued: bool = False, script: str | None = None):
        self.chars = chars
        texts, x0s, x1s, tops, bottoms = list(zip(*chars))[:5]  # one pass over the characters, in C
        self.text = "".join(texts)
        self.x0 = min(x0s)
        self.x1 = max(x1s)
        self.top = min(tops)
        self.bottom = max(bottoms)
        self.first_w = chars[0].x1 - chars[0].x0
        self.glued = glued
        self.script = script
        self.note = False

    def __repr__(self) -> str:
        return f"Word({self.text!r}, {self.x0:.1f}-{self.x1:.1f}, top={self.top:.1f})"


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\u2e80" <= ch <= "\u2fdf" or "\uf900" <= ch <= "\ufaff"


class Row:
    """Words printed on one line, left to right."""

    __slots__ = ("words", "x0", "x1", "top", "bottom", "size", "fs", "_text")

    def __init__(self, words: list[Word]):
        self.words = words
        self._text = None  # cached; whoever changes `words` sets it back to None
        self.x0 = min(w.x0 for w in words)
        self.x1 = max(w.x1 for w in words)
        self.top = min(w.top for w in words)
        self.bottom = max(w.bottom for w in words)
        # the type size of the line: the median height of its hanzi (the em square of a CJK font), else
        # of all its characters; digits and quotation marks from another font, boxed taller, do not count
        chars = [c for w in words for c in w.chars]
        han = [c for c in chars if "\u3400" <= c.text <= "\u9fff" or "\u2e80" <= c.text <= "\u2fdf"
               or "\uf900" <= c.text <= "\ufaff"] or chars  # _is_han, inline: a row is built per line
        heights = sorted([c.bottom - c.top for c in han])
        self.size = heights[len(heights) // 2]
        sizes = sorted([c.fs for c in han])
        self.fs = sizes[len(sizes) // 2]  # the producer's font size (comparable within one file only)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(p for p, _ in self.pieces())
        return self._text

    def pieces(self) -> list[tuple[str, str | None]]:
        """The row's text in pieces: (text, None) to keep, (text, kind) for a removal (a footnote
        reference, with the space before it)."""
        out: list[tuple[str, str | None]] = []
        took_space = False
        for k, w in enumerate(self.words):
            sep = "" if k == 0 or w.glued or took_space else " "
            took_space = False
            if w.note:
                if not sep and k + 1 < len(self.words) and not self.words[k + 1].glued:
                    took_space = True  # the reference takes the space after it: `比² 为` reads 比为
                    out.append((w.text + " ", "footnote_ref"))
                else:
                    out.append((sep + w.text, "footnote_ref"))
            else:
                out.append((sep + w.text, None))
        return out

    def __repr__(self) -> str:
        return f"Row({self.text[:30]!r}, x={self.x0:.1f}-{self.x1:.1f}, top={self.top:.1f})"


def _cluster_ids(values, tolerance: float) -> dict[float, int]:
    """pdfplumber's cluster_list: sorted distinct values, a new cluster where the step exceeds tolerance."""
    ids: dict[float, int] = {}
    last = None
    k = -1
    for v in sorted(set(values)):
        if last is None or v > last + tolerance:
            k += 1
        ids[v] = k
        last = v
    return ids


def chars_to_words(chars: list[Char]) -> list[Word]:
    """Words in pdfplumber's order: rows by top, left to right within a row."""
    if not chars:
        return []
    ids = _cluster_ids((c.top for c in chars), Y_TOLERANCE)
    rows: dict[int, list[Char]] = {}
    for c in chars:
        rows.setdefault(ids[c.top], []).append(c)
    words: list[Word] = []
    for k in sorted(rows):
        line = sorted(rows[k], key=_X0)
        cur: list[Char] = []
        p = None  # the last character of `cur`
        for c in line:
            if c.text.isspace():
                if cur:
                    words.append(Word(cur))
                cur = []
                p = None
                continue
            if p is not None and (c.x0 < p.x0 or c.x0 > p.x1 + X_TOLERANCE or abs(c.top - p.top) > Y_TOLERANCE):
                words.append(Word(cur))
                cur = []
            cur.append(c)
            p = c
        if cur:
            words.append(Word(cur))
    return words


def words_to_rows(words: list[Word]) -> list[Row]:
    """Consecutive words whose tops cluster together form a row (pdfplumber's textmap step)."""
    if not words:
        return []
    ids = _cluster_ids((w.top for w in words), Y_TOLERANCE)
    rows: list[Row] = []
    cur: list[Word] = []
    cur_id = None
    for w in words:
        k = ids[w.top]
        if cur and k != cur_id:
            rows.append(Row(cur))
            cur = []
        cur.append(w)
        cur_id = k
    if cur:
        rows.append(Row(cur))
    return rows


def chars_to_rows(chars: list[Char]) -> list[Row]:
    return words_to_rows(chars_to_words(chars))


def plain_text(rows: list[Row]) -> str:
    """What pdfplumber's `Page.extract_text()` returns for these rows."""
    return "\n".join(r.text for r in rows)
