"""Optimal one-to-one matching and the longest in-order chain of a matching.

`max_weight_matching` is the Hungarian algorithm (shortest augmenting paths with potentials, as in
Jonker-Volgenant / e-maxx), its inner loop over columns vectorised with numpy: the whole document's
pairs are chosen at once, maximising the summed weight, instead of greedily taking the first good match.
Weights <= 0 mean "not allowed"; such pairs never come out. scipy has the same solver but costs a
second to import, so it is not used.

`increasing_chain` picks the longest run of pairs whose new positions grow with the old ones; the
pairs left out of it are the ones that moved.
"""
from __future__ import annotations

import bisect

import numpy as np


def max_weight_matching(weights: np.ndarray) -> list[tuple[int, int]]:
    """Pairs (row, column) of a one-to-one matching of maximal total weight; only positive weights."""
    w = np.asarray(weights, dtype=np.float64)
    if w.size == 0:
        return []
    rows = np.flatnonzero((w > 0).any(axis=1))
    cols = np.flatnonzero((w > 0).any(axis=0))
    if rows.size == 0:
        return []
    sub = np.where(w[np.ix_(rows, cols)] > 0, w[np.ix_(rows, cols)], 0.0)
    flipped = sub.shape[0] > sub.shape[1]
    if flipped:
        sub = sub.T
    pairs = _hungarian(-sub)
    out = []
    for r, c in pairs:
        if flipped:
            r, c = c, r
        i, j = int(rows[r]), int(cols[c])
        if w[i, j] > 0:
            out.append((i, j))
    return sorted(out)


def _hungarian(cost: np.ndarray) -> list[tuple[int, int]]:
    """Minimum-cost assignment of every row (rows <= columns)."""
    n, m = cost.shape
    inf = np.inf
    u = np.zeros(n + 1)
    v = np.zeros(m + 1)
    p = np.zeros(m + 1, dtype=np.int64)  # p[j]: row (1-based) assigned to column j; 0 = free
    way = np.zeros(m + 1, dtype=np.int64)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = np.full(m + 1, inf)
        used = np.zeros(m + 1, dtype=bool)
        while True:
            used[j0] = True
            i0 = p[j0]
            free = ~used[1:]
            cur = cost[i0 - 1] - u[i0] - v[1:]
            better = free & (cur < minv[1:])
            minv[1:][better] = cur[better]
            way[1:][better] = j0
            masked = np.where(free, minv[1:], inf)
            j1 = int(masked.argmin()) + 1
            delta = masked[j1 - 1]
            u[p[used]] += delta
            v[used] -= delta
            minv[1:][free] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return [(int(p[j]) - 1, j - 1) for j in range(1, m + 1) if p[j]]


def increasing_chain(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest subsequence of pairs (sorted by first item) whose second items strictly increase."""
    ordered = sorted(pairs)
    tails: list[int] = []  # tails[k]: smallest second item ending a chain of length k+1
    tail_at: list[int] = []
    back: list[int] = []
    for idx, (_, b) in enumerate(ordered):
        k = bisect.bisect_left(tails, b)
        if k == len(tails):
            tails.append(b)
            tail_at.append(idx)
        else:
            tails[k] = b
            tail_at[k] = idx
        back.append(tail_at[k - 1] if k else -1)
    chain: set[tuple[int, int]] = set()
    idx = tail_at[-1] if tail_at else -1
    while idx >= 0:
        chain.add(ordered[idx])
        idx = back[idx]
    return chain
