"""Vocabulary files in `extract/data/` (unit names, comparators, document types, …), read once on first use.

Each file is read once, on first use, never at import. Lines starting with '#' and blank lines are skipped;
`.tsv` files are split on tabs.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The non-comment lines of data file `name`, each split on tabs."""
    out = []
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            out.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(out)


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """The first column of `name`, longest first (so that alternations prefer the longest word)."""
    return tuple(sorted({r[0] for r in rows(name)}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def mapping(name: str) -> dict[str, str]:
    """First column -> second column."""
    return {r[0]: r[1] for r in rows(name) if len(r) > 1}


@lru_cache(maxsize=None)
def alternation(name: str) -> str:
    """A regex alternation of the words of `name`, longest first."""
    return "|".join(re.escape(w) for w in words(name))
