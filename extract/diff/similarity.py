"""Character-bigram bags of provision texts and the similarity matrices the alignment is chosen from.

Chinese has no spaces, so character bigrams stand in for words: cheap, dictionary-free and robust to
jieba's segmentation changing with context. A `Bags` holds one document's bags as sparse triplets
(row, term, count); `subtree_bags` adds every node's bag to its ancestors', so an article is compared by
its whole text (its 款 and 项 included). `compare` gives TF-IDF cosine and IDF-weighted containment
between two sets of rows, summed only over the terms both sides share (the rest add nothing to a dot
product).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_CHAR_BITS = 21  # every code point fits in 21 bits
_UNIGRAM = 1 << (2 * _CHAR_BITS)
_ROW_SHIFT = 2 * _CHAR_BITS + 1


@dataclass
class Bags:
    """Sparse (row, term, count) triplets, unique per (row, term), sorted by row."""

    rows: np.ndarray
    terms: np.ndarray
    counts: np.ndarray
    n: int


def _unique_triplets(rows: np.ndarray, terms: np.ndarray, counts: np.ndarray, n: int) -> Bags:
    if rows.size == 0:
        return Bags(rows, terms, counts, n)
    combined = rows.astype(np.int64) << _ROW_SHIFT | terms
    uniq, inverse = np.unique(combined, return_inverse=True)
    summed = np.bincount(inverse, weights=counts, minlength=uniq.size)
    return Bags(uniq >> _ROW_SHIFT, uniq & ((1 << _ROW_SHIFT) - 1), summed, n)


def bags(keys: list[str]) -> Bags:
    """Bigram bags of the comparison keys; a key of one character is bagged as its unigram."""
    n = len(keys)
    lengths = np.fromiter((len(k) for k in keys), dtype=np.int64, count=n)
    if lengths.sum() == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Bags(empty, empty, np.zeros(0), n)
    codes = np.frombuffer("".join(keys).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
    same = rows[:-1] == rows[1:]
    terms = (codes[:-1][same] << _CHAR_BITS) | codes[1:][same]
    term_rows = rows[:-1][same]
    singles = np.flatnonzero(lengths == 1)
    if singles.size:
        starts = np.cumsum(lengths) - lengths
        terms = np.concatenate([terms, _UNIGRAM | codes[starts[singles]]])
        term_rows = np.concatenate([term_rows, singles])
    return _unique_triplets(term_rows, terms, np.ones(terms.size), n)


def subtree_bags(own: Bags, parents: list[int]) -> Bags:
    """Each node's bag plus the bags of all its descendants (parents[k] is k's parent index or -1)."""
    n = own.n
    chains: list[list[int]] = []
    for k in range(n):
        chain, a = [k], parents[k]
        while a >= 0:
            chain.append(a)
            a = parents[a]
        chains.append(chain)
    sizes = np.fromiter((len(c) for c in chains), dtype=np.int64, count=n)
    ptr = np.concatenate([[0], np.cumsum(sizes)])
    flat = np.fromiter((a for c in chains for a in c), dtype=np.int64, count=int(ptr[-1]))
    rep = sizes[own.rows]
    base = np.repeat(ptr[own.rows], rep)
    offsets = np.arange(int(rep.sum())) - np.repeat(np.cumsum(rep) - rep, rep)
    rows = flat[base + offsets]
    return _unique_triplets(rows, np.repeat(own.terms, rep), np.repeat(own.counts, rep), n)


@dataclass
class Similarity:
    """cosine[i, j]: TF-IDF cosine of old row i and new row j; contained_new[i, j]: the IDF-weighted share
    of new j's terms found in old i (j is a piece of i); contained_old[i, j]: the share of old i in new j."""

    cosine: np.ndarray
    contained_new: np.ndarray
    contained_old: np.ndarray


def _select(b: Bags, rows: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    pos = np.full(b.n, -1, dtype=np.int64)
    pos[np.asarray(rows, dtype=np.int64)] = np.arange(len(rows))
    at = pos[b.rows] if b.rows.size else b.rows
    keep = at >= 0
    return at[keep], b.terms[keep], b.counts[keep]


def compare(old: Bags, old_rows: list[int], new: Bags, new_rows: list[int]) -> Similarity:
    """Similarity matrices between the chosen rows of two documents' bags (IDF over those rows).

    Dot products are summed term by term over the (old row, new row) pairs that share a term, with
    bincount: no dense matrices and no BLAS (whose threads fight each other on a busy machine).
    """
    na, nb = len(old_rows), len(new_rows)
    ra, ta, ca = _select(old, old_rows)
    rb, tb, cb = _select(new, new_rows)
    zeros = np.zeros((na, nb))
    if ta.size == 0 or tb.size == 0:
        return Similarity(zeros, zeros.copy(), zeros.copy())
    terms, df = np.unique(np.concatenate([ta, tb]), return_counts=True)
    idf = np.log((na + nb + 1) / (df + 1)) + 1.0
    idf_a, idf_b = idf[np.searchsorted(terms, ta)], idf[np.searchsorted(terms, tb)]
    wa, wb = (1 + np.log(ca)) * idf_a, (1 + np.log(cb)) * idf_b
    norm_a = np.sqrt(np.bincount(ra, weights=wa * wa, minlength=na))
    norm_b = np.sqrt(np.bincount(rb, weights=wb * wb, minlength=nb))
    mass_a = np.bincount(ra, weights=idf_a, minlength=na)
    mass_b = np.bincount(rb, weights=idf_b, minlength=nb)
    # join the two sides on their shared terms: every (old triplet, new triplet) with the same term
    order_a, order_b = np.argsort(ta, kind="stable"), np.argsort(tb, kind="stable")
    ua, start_a, count_a = np.unique(ta[order_a], return_index=True, return_counts=True)
    ub, start_b, count_b = np.unique(tb[order_b], return_index=True, return_counts=True)
    _, ia, ib = np.intersect1d(ua, ub, assume_unique=True, return_indices=True)
    if ia.size == 0:
        return Similarity(zeros, zeros.copy(), zeros.copy())
    per_term = count_a[ia] * count_b[ib]
    term = np.repeat(np.arange(ia.size), per_term)
    k = np.arange(int(per_term.sum())) - np.repeat(np.cumsum(per_term) - per_term, per_term)
    width = count_b[ib][term]
    pa = order_a[start_a[ia][term] + k // width]
    pb = order_b[start_b[ib][term] + k % width]
    cell = ra[pa] * nb + rb[pb]
    dot = np.bincount(cell, weights=wa[pa] * wb[pb], minlength=na * nb).reshape(na, nb)
    overlap = np.bincount(cell, weights=idf_a[pa], minlength=na * nb).reshape(na, nb)  # IDF mass in common
    with np.errstate(divide="ignore", invalid="ignore"):
        cos = dot / np.outer(norm_a, norm_b)
        contained_new = overlap / mass_b[None, :]
        contained_old = overlap / mass_a[:, None]
    clean = lambda m: np.nan_to_num(m, nan=0.0, posinf=0.0, neginf=0.0)  # noqa: E731
    return Similarity(np.clip(clean(cos), 0.0, 1.0), clean(contained_new), clean(contained_old))
