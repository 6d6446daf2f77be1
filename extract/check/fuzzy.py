"""Near-miss lookup: which known names are one or two edits away from a word (a likely typo).

A deletion index (SymSpell-style) keeps the lookup fast over thousands of names: two strings within
edit distance k share a string reached by at most k deletions from each.
"""
from __future__ import annotations

from itertools import combinations


def levenshtein(a: str, b: str) -> int:
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _deletions(word: str, k: int) -> set[str]:
    out = {word}
    for d in range(1, min(k, len(word) - 1) + 1):
        for idx in combinations(range(len(word)), d):
            out.add("".join(ch for i, ch in enumerate(word) if i not in idx))
    return out


class NearIndex:
    """Known names, and the ones within `k` edits of a query."""

    def __init__(self, names, k: int = 1):
        self.k = k
        self.names = set(names)
        self._index: dict[str, set[str]] = {}
        for name in self.names:
            for d in _deletions(name, k):
                self._index.setdefault(d, set()).add(name)

    def __contains__(self, word: str) -> bool:
        return word in self.names

    def near(self, word: str, k: int | None = None) -> list[tuple[int, str]]:
        """(distance, name) of known names within k edits of `word`, nearest first; [] when `word` is known."""
        k = self.k if k is None else min(k, self.k)
        if word in self.names:
            return []
        seen: set[str] = set()
        for d in _deletions(word, k):
            seen |= self._index.get(d, set())
        out = sorted((levenshtein(word, n), n) for n in seen)
        return [(dist, n) for dist, n in out if 0 < dist <= k]
