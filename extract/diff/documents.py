"""Issue level: which old document is which new one, and which notices amend, repeal or extend which.

Documents are paired by 文号 first; the rest by an optimal assignment on half title similarity, half
content similarity (a notice titled 关于延长《X》执行期限的通知 shares most of its title with X but none of
its text, so it is not taken for a new version of X; a revised version that says the old one is
废止 keeps both its pairing and the link). Two stand-alone documents are always paired: that is
comparing two versions of one policy.

A notice in either input whose recognised relations (extract/recognize/relations.py) name another
document present in the inputs, by its 文号 or by its title, is linked to it.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

import numpy as np

from ..lexicon.docnumber import normalize_doc_number
from ..model import Document
from ..values import RELATION_RANK as RANK
from . import text as T
from .assign import max_weight_matching
from .similarity import bags, compare

TITLE_WEIGHT = 0.5
THRESHOLD = 0.6



@dataclass
class DocPair:
    old: int | None
    new: int | None
    matched_by: str  # doc_number | title | only | pinned | added | removed
    score: float = 0.0


def _number(d: Document) -> str | None:
    return normalize_doc_number(d.doc_number) if d.doc_number else None


def _text(d: Document) -> str:
    return "".join(T.key(p.text) for p in d.provisions)


def match_documents(old: list[Document], new: list[Document],
                    pins: list[tuple[str | None, str | None]] = ()) -> list[DocPair]:
    """Pairs of document indices (either may be None), in new reading order."""
    pairs: list[DocPair] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    old_at = {d.id: k for k, d in enumerate(old)}
    new_at = {d.id: k for k, d in enumerate(new)}
    for o, n in pins:
        i = old_at[o] if o else None
        j = new_at[n] if n else None
        pairs.append(DocPair(i, j, "pinned", 1.0))
        if i is not None:
            used_old.add(i)
        if j is not None:
            used_new.add(j)
    if not pins and len(old) == 1 and len(new) == 1:
        pairs.append(DocPair(0, 0, "only", 1.0))
        used_old.add(0)
        used_new.add(0)
    by_number: dict[str, int] = {}
    for i, d in enumerate(old):
        if i not in used_old and _number(d):
            by_number.setdefault(_number(d), i)
    for j, d in enumerate(new):
        i = by_number.get(_number(d)) if j not in used_new and _number(d) else None
        if i is not None and i not in used_old:
            pairs.append(DocPair(i, j, "doc_number", 1.0))
            used_old.add(i)
            used_new.add(j)
    rows = [i for i in range(len(old)) if i not in used_old]
    cols = [j for j in range(len(new)) if j not in used_new]
    if rows and cols:
        score = _scores([old[i] for i in rows], [new[j] for j in cols])
        for r, c in max_weight_matching(np.where(score >= THRESHOLD, score, 0.0)):
            pairs.append(DocPair(rows[r], cols[c], "title", float(score[r, c])))
            used_old.add(rows[r])
            used_new.add(cols[c])
    pairs += [DocPair(i, None, "removed") for i in range(len(old)) if i not in used_old]
    pairs += [DocPair(None, j, "added") for j in range(len(new)) if j not in used_new]
    return _order(pairs)


def _scores(old: list[Document], new: list[Document]) -> np.ndarray:
    a, b = bags([_text(d) for d in old]), bags([_text(d) for d in new])
    content = compare(a, list(range(len(old))), b, list(range(len(new)))).cosine
    out = np.zeros((len(old), len(new)))
    for i, d in enumerate(old):
        for j, e in enumerate(new):
            ta, tb = T.squash_title(d.title), T.squash_title(e.title)
            if ta and tb:
                title = difflib.SequenceMatcher(None, ta, tb, autojunk=False).ratio()
                out[i, j] = TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * content[i, j]
            else:
                out[i, j] = content[i, j]
    return out


def _order(pairs: list[DocPair]) -> list[DocPair]:
    partner = {p.old: p.new for p in pairs if p.old is not None and p.new is not None}

    def where(p: DocPair) -> tuple:
        if p.new is not None:
            return (p.new, 0, -1)
        prev = max((i for i in partner if i < p.old), default=None)
        return (partner[prev] if prev is not None else -1, 1, p.old)

    return sorted(pairs, key=where)


def find_links(old: list[Document], new: list[Document]) -> list[dict]:
    """Notices that amend, repeal or extend another document present in the inputs, from the relations
    the recogniser found in them (a sentence citing the document and saying 废止 / 延长…有效期 / 修改).
    One link per pair of documents: the strongest relation (repeals, then extends, then amends), found
    by 文号 where it can be."""
    sides = {"old": old, "new": new}
    targets: list[tuple[str, int, Document]] = [(s, k, d) for s, docs in sides.items() for k, d in enumerate(docs)]
    out: list[dict] = []
    for side, docs in sides.items():
        for k, d in enumerate(docs):
            best: dict[int, tuple] = {}  # target index -> (rank, by-rank, relation, by)
            for r in d.relations():
                number = normalize_doc_number(r.doc_number) if r.doc_number else None
                title = T.squash_title(r.title) if r.title else None
                for n, (t_side, t_k, t) in enumerate(targets):
                    if t is d or (side == "old" and t_side == "new"):
                        continue
                    if number and number == _number(t) and number != _number(d):
                        by = "doc_number"
                    elif title and title in _titles(t):
                        by = "title"
                    else:
                        continue
                    key = (RANK[r.relation], by != "doc_number", r.relation, by)
                    if n not in best or key < best[n]:
                        best[n] = key
            for n, (_, _, relation, by) in sorted(best.items()):
                t_side, t_k, t = targets[n]
                if side == "new" and t_side == "new" and any(
                        o["to"]["document_id"] == t.id for o in out if o["from"]["document_id"] == d.id):
                    continue
                link = {"relation": relation, "by": by,
                        "from": {"side": side, "index": k, "document_id": d.id, "doc_number": d.doc_number},
                        "to": {"side": t_side, "index": t_k, "document_id": t.id, "doc_number": t.doc_number}}
                if relation == "extends" and (t.expires or d.expires):
                    link["expires"] = {"old": t.expires, "new": d.expires}  # the deadline it moves
                out.append(link)
    return _prefer_old_targets(out)


def _prefer_old_targets(links: list[dict]) -> list[dict]:
    """A new notice naming a document present on both sides links to the old one only."""
    out = []
    for lk in links:
        if lk["to"]["side"] == "new" and any(o["from"] == lk["from"] and o["to"]["side"] == "old"
                                             and o["to"]["doc_number"] == lk["to"]["doc_number"] for o in links):
            continue
        out.append(lk)
    return out


def _titles(d: Document) -> list[str]:
    out = [T.squash_title(d.title)]
    if d.regulation and d.regulation.title:
        out.append(T.squash_title(d.regulation.title))
    return out
