"""Which old provision became which new one, chosen for the whole document at once.

Provisions are aligned level group by level group, outermost first (attachments and published
regulations, 编, 章, 节/一、, 条, 款, 项, 目, ①). For each group:

1. similarity: TF-IDF cosine of character bigrams, half of the node's own text and half of its whole
   subtree (an article is known by its 款 and 项 too; a chapter mostly by its articles);
2. score: similarity, plus a little for neighbours that match too (old i-1 ~ new j-1, i+1 ~ j+1: this is
   what keeps repeated short items in order), for sitting under parents already aligned with each other,
   and for keeping the same number;
3. an optimal one-to-one assignment over the whole group (Hungarian algorithm), pairs below the
   similarity threshold forbidden: what is left unpaired was added or removed;
4. splits and merges: an unpaired new node whose text is mostly contained in an old node that lost text
   is a piece split off it (and the mirror image for merges);
5. moves: within each parent pair, the pairs off the longest in-order chain moved; a node whose parent
   is not its old parent's partner moved as well (chapters, parts and 节 do not count as parents here:
   an article changing chapter in a re-cut law keeps its place in the article sequence).

Pins (`--match`) are taken as given before anything else is chosen.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import numpy as np

from ..model import Document, Provision
from . import text as T
from .assign import increasing_chain, max_weight_matching
from .similarity import bags, compare, subtree_bags

GROUPS = ("attachment", "part", "chapter", "section", "article", "paragraph", "item", "subitem", "point")
CONTAINERS = {"attachment", "part", "chapter"}  # `section` too when it is a 节 (see is_container)
FIXED_IDS = ("preamble", "toc", "closing")


@dataclass(frozen=True)
class Settings:
    """Alignment weights. Frozen: a misspelt option fails instead of being ignored."""

    threshold: float = 0.3  # least similarity for a pair
    context: float = 0.2  # weight of the neighbours' similarity
    parent_bonus: float = 0.12  # the parents are aligned with each other
    number_bonus: float = 0.03  # same number (a tie-breaker)
    piece: float = 0.8  # containment that makes an unpaired node a split or merge piece
    kept: float = 0.85  # ...provided its partner's partner lost at least this much


@dataclass
class Pair:
    """One row of the alignment: old and new provision indices (either may be None)."""

    old: int | None
    new: int | None
    score: float = 0.0
    relation: str = "match"  # match | pinned | fixed | split | merge | added | removed
    moved: bool = False


@dataclass
class Alignment:
    old: Document
    new: Document
    pairs: list[Pair] = field(default_factory=list)
    old_partner: dict[int, int] = field(default_factory=dict)  # primary partners only
    new_partner: dict[int, int] = field(default_factory=dict)

    def by_ids(self) -> list[tuple[str | None, str | None, str]]:
        """(old id, new id, relation) rows, for tests and for --match files."""
        op, np_ = self.old.provisions, self.new.provisions
        return [(op[p.old].id if p.old is not None else None, np_[p.new].id if p.new is not None else None,
                 p.relation) for p in self.pairs]


def is_container(p: Provision) -> bool:
    """Structural nodes that do not make their children 'move' when they change (章, 编, 节, attachments)."""
    if p.level in CONTAINERS:
        return True
    return p.numbering == "jie"


class _Tree:
    """Index arithmetic over one document's flat provisions."""

    def __init__(self, doc: Document):
        self.provisions = doc.provisions
        index = {p.id: k for k, p in enumerate(doc.provisions)}
        self.index = index
        self.parent = [index.get(p.parent, -1) if p.parent else -1 for p in doc.provisions]
        self.keys = [T.key(T.strip_label(p.text, p.label)) for p in doc.provisions]
        self.own = bags(self.keys)
        self.full = subtree_bags(self.own, self.parent)
        self.has_children = [False] * len(self.parent)
        for a in self.parent:
            if a >= 0:
                self.has_children[a] = True

    def group(self, k: int) -> str | None:
        p = self.provisions[k]
        if p.id in FIXED_IDS or p.level in ("preamble", "closing"):
            return None
        return p.level if p.level in GROUPS else None

    def ancestors(self, k: int) -> list[int]:
        out, a = [], self.parent[k]
        while a >= 0:
            out.append(a)
            a = self.parent[a]
        return out

    def move_parent(self, k: int) -> int:
        for a in self.ancestors(k):
            if not is_container(self.provisions[a]):
                return a
        return -1


def align(old: Document, new: Document, pins: list[tuple[str | None, str | None]] = (),
          settings: Settings = Settings()) -> Alignment:
    """The alignment of two documents' provisions (see the module docstring)."""
    a, b = _Tree(old), _Tree(new)
    result = Alignment(old, new)
    pairs: list[Pair] = []
    pinned_old: set[int] = set()
    pinned_new: set[int] = set()

    def link(i: int | None, j: int | None, score: float, relation: str) -> None:
        pairs.append(Pair(i, j, score, relation))
        if i is not None and j is not None and relation in ("match", "pinned", "fixed"):
            result.old_partner[i] = j
            result.new_partner[j] = i

    for old_id, new_id in pins:
        i = a.index[old_id] if old_id else None
        j = b.index[new_id] if new_id else None
        link(i, j, 1.0, "pinned")
        if i is not None:
            pinned_old.add(i)
        if j is not None:
            pinned_new.add(j)
    for fid in FIXED_IDS:
        if fid in a.index and fid in b.index and a.index[fid] not in pinned_old and b.index[fid] not in pinned_new:
            i, j = a.index[fid], b.index[fid]
            link(i, j, 1.0, "fixed")

    for group in GROUPS:
        rows = [k for k in range(len(a.provisions)) if a.group(k) == group and k not in pinned_old]
        cols = [k for k in range(len(b.provisions)) if b.group(k) == group and k not in pinned_new]
        if not rows or not cols:
            continue
        _align_group(a, b, rows, cols, group, result, link, settings)

    matched_old = {p.old for p in pairs if p.old is not None}
    matched_new = {p.new for p in pairs if p.new is not None}
    for i in range(len(a.provisions)):
        if i not in matched_old:
            pairs.append(Pair(i, None, 0.0, "removed"))
    for j in range(len(b.provisions)):
        if j not in matched_new:
            pairs.append(Pair(None, j, 0.0, "added"))
    _mark_moves(a, b, pairs, result)
    result.pairs = _reading_order(pairs, result)
    return result


def _align_group(a: _Tree, b: _Tree, rows: list[int], cols: list[int], group: str, result: Alignment,
                 link, s: Settings) -> None:
    own = compare(a.own, rows, b.own, cols)
    full = compare(a.full, rows, b.full, cols)
    weight_own = 0.3 if group in CONTAINERS or group == "section" else 0.5
    sim = weight_own * own.cosine + (1 - weight_own) * full.cosine
    # neighbours: the previous and the next node of the group on both sides
    context = np.zeros_like(sim)
    context[1:, 1:] += sim[:-1, :-1]
    context[:-1, :-1] += sim[1:, 1:]
    context /= 2
    # parents already aligned with each other (or both at the top)
    anchor = np.array([_aligned_ancestor(a, i, result) for i in rows])
    parent = np.zeros_like(sim)
    for c, j in enumerate(cols):
        ancestors = b.ancestors(j) or [-2]
        parent[:, c] = np.isin(anchor, ancestors)
    numbers_b = [_number(b.provisions[j]) for j in cols]
    same_number = np.array([[n is not None and n == m for m in numbers_b]
                            for n in (_number(a.provisions[i]) for i in rows)], dtype=float)
    score = sim + s.context * context + s.parent_bonus * parent + s.number_bonus * same_number
    weights = np.where(sim >= s.threshold, score - s.threshold + 1e-3, 0.0)
    for r, c in max_weight_matching(weights):
        link(rows[r], cols[c], float(sim[r, c]), "match")
    _pieces(a, b, rows, cols, full, result, link, s)


def _aligned_ancestor(t: _Tree, k: int, result: Alignment) -> int:
    """The partner of k's nearest aligned ancestor; -2 when k is at the top, -1 when none is aligned."""
    ancestors = t.ancestors(k)
    if not ancestors:
        return -2
    for x in ancestors:
        if x in result.old_partner:
            return result.old_partner[x]
    return -1


def _number(p: Provision):
    if p.number is None:
        return None
    return (p.number, p.sub_number)


def _pieces(a: _Tree, b: _Tree, rows: list[int], cols: list[int], full, result: Alignment, link,
            s: Settings) -> None:
    """Splits (an unpaired new node contained in an old one that lost text) and merges (the mirror)."""
    row_at = {k: r for r, k in enumerate(rows)}
    col_at = {k: c for c, k in enumerate(cols)}
    taken_new = set(result.new_partner)
    taken_old = set(result.old_partner)
    for c, j in enumerate(cols):
        if j in taken_new or len(b.keys[j]) < 8:
            continue
        r = int(full.contained_new[:, c].argmax())
        i = rows[r]
        if full.contained_new[r, c] < s.piece:
            continue
        partner = result.old_partner.get(i)
        if partner is None:
            link(i, j, float(full.contained_new[r, c]), "match")
        elif partner in col_at and full.contained_old[r, col_at[partner]] < s.kept:
            link(i, j, float(full.contained_new[r, c]), "split")
    for r, i in enumerate(rows):
        if i in taken_old or i in result.old_partner or len(a.keys[i]) < 8:
            continue
        c = int(full.contained_old[r, :].argmax())
        j = cols[c]
        if full.contained_old[r, c] < s.piece:
            continue
        partner = result.new_partner.get(j)
        if partner is None:
            link(i, j, float(full.contained_old[r, c]), "match")
        elif partner in row_at and full.contained_new[row_at[partner], c] < s.kept:
            link(i, j, float(full.contained_old[r, c]), "merge")


def _mark_moves(a: _Tree, b: _Tree, pairs: list[Pair], result: Alignment) -> None:
    buckets: dict[tuple[str, int], list[Pair]] = {}
    for p in pairs:
        if p.old is None or p.new is None or p.relation not in ("match", "pinned"):
            continue
        po, pn = a.move_parent(p.old), b.move_parent(p.new)
        if po == -1 and pn == -1:
            bucket = -1
        elif po >= 0 and result.old_partner.get(po) == pn:
            bucket = po
        else:
            p.moved = True
            continue
        group = a.group(p.old) or ""
        buckets.setdefault((group, bucket), []).append(p)
    for members in buckets.values():
        chain = increasing_chain([(p.old, p.new) for p in members])
        for p in members:
            p.moved = (p.old, p.new) not in chain


def _reading_order(pairs: list[Pair], result: Alignment) -> list[Pair]:
    """New reading order; a removed provision right after the partner of its old predecessor."""
    partnered = sorted(result.old_partner)

    def where(p: Pair) -> tuple:
        if p.new is not None:
            return (p.new, 0, p.old if p.old is not None else -1)
        k = bisect.bisect_left(partnered, p.old)
        anchor = result.old_partner[partnered[k - 1]] if k else -1
        return (anchor, 1, p.old)

    return sorted(pairs, key=where)
