"""Folding characters to the ones a reader sees, for every input format, each fold recorded.

After `fold_removals(source, removals)` (see `extract/lexicon/characters.py` for what is folded):
  - no Kangxi radical, CJK Radicals Supplement character (⺠ ⻅ ⻛) or compatibility ideograph is left in
    `clean`, no full-width digit or Latin letter, no Latin l or I standing for the digit 1 in a date, no
    typographic space but U+3000 and ' ', no zero-width character;
  - each folded character is a `Removal` of kind `fold` with its `replacement` and class (`why`), so
    `Text.restore()` still gives the source exactly and `Text.printed()` shows a span as printed;
  - characters inside other removals (a running header, markup) are left to those removals.
Cleaning runs on `fold_view(source)`, the source with the one-to-one folds applied (same offsets), so that
its label and date tests see `第八条` where the page has `第⼋条`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon.characters import FOLDABLE, fold_char
from .text import Removal, Text


@lru_cache(maxsize=None)
def _foldable() -> re.Pattern:
    return re.compile(FOLDABLE)


# a date whose digits may hold a Latin l or I typed (or read by OCR) for 1: 1999年10月l日, 2019年l2月
_DATE_WITH_LOOKALIKES = re.compile(r"(?<![A-Za-z0-9])[0-9lI]{4}年[0-9lI]{1,2}月(?:[0-9lI]{1,2}[日号])?")


def fold_positions(source: str) -> list[tuple[int, str, str]]:
    """(offset, replacement, class) of every character of `source` that folds."""
    out = []
    for m in _foldable().finditer(source):
        folded = fold_char(m.group(0))
        if folded is not None:
            out.append((m.start(), folded[0], folded[1]))
    if ("l" in source or "I" in source) and "年" in source:
        lookalikes = [(m.start() + i, "1", "digit") for m in _DATE_WITH_LOOKALIKES.finditer(source)
                      if any(ch.isdigit() for ch in m.group(0))
                      for i, ch in enumerate(m.group(0)) if ch in "lI"]
        if lookalikes:
            out = sorted(out + lookalikes)
    return out


def fold_view(source: str, positions: list[tuple[int, str, str]] | None = None) -> str:
    """`source` with its one-to-one folds applied (zero-width characters stay, so offsets are unchanged)."""
    positions = fold_positions(source) if positions is None else positions
    if not positions:
        return source
    pieces, pos = [], 0  # slices between the folds (a list of characters costs 80 bytes each)
    for at, rep, _ in positions:
        if rep:
            pieces.append(source[pos:at])
            pieces.append(rep)
            pos = at + 1
    pieces.append(source[pos:])
    return "".join(pieces)


def fold_removals(source: str, removals: list[Removal],
                  positions: list[tuple[int, str, str]] | None = None) -> list[Removal]:
    """The folds of `source` outside the given removals."""
    positions = fold_positions(source) if positions is None else positions
    if not positions:
        return []
    spans = sorted((r.start, r.end) for r in removals)
    out, k = [], 0
    for at, rep, why in positions:
        while k < len(spans) and spans[k][1] <= at:
            k += 1
        if k < len(spans) and spans[k][0] <= at < spans[k][1]:
            continue
        out.append(Removal("fold", at, at + 1, source[at], replacement=rep, why=why))
    return out


def with_folds(text: Text) -> Text:
    """The same Text with its folds added (for readers whose cleaning does not fold: PDF, HTML)."""
    folds = fold_removals(text.source, text.removals)
    if not folds:
        return text
    src_pages = [(text.to_source(at), label) for at, label in text.pages]
    out = Text(source=text.source, removals=list(text.removals) + folds, path=text.path, format=text.format,
               encoding=text.encoding, newline=text.newline, sha256=text.sha256, warnings=text.warnings)
    out.pages = [(out.to_clean(at), label) for at, label in src_pages]
    for name, value in vars(text).items():  # reader-specific attributes (a web page's metadata, …)
        if name not in vars(out):
            setattr(out, name, value)
    return out
