"""Alignment accuracy against a hand-made list of true old → new pairs (golden/diff/*.json).

A golden file lists, by printed label at one level (usually articles): `pairs` [old, new] where new is a
label, a list of acceptable labels (the old article went into several), or null (no successor); and
`added`, the new labels with no old source. A row is right when the alignment gives the old label at
least one partner and only acceptable ones (or none, for null); an `added` label is right when it got
no old partner.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .align import Alignment


@dataclass
class Score:
    right: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


def score(golden: dict, alignment: Alignment) -> Score:
    level = golden.get("level", "article")
    old_at = _labels(alignment.old.provisions, level)
    new_at = _labels(alignment.new.provisions, level)
    partners: dict[int, set[int]] = {}
    sources: dict[int, set[int]] = {}
    for p in alignment.pairs:
        if p.old is not None and p.new is not None:
            partners.setdefault(p.old, set()).add(p.new)
            sources.setdefault(p.new, set()).add(p.old)
    new_label = {k: lab for lab, k in new_at.items()}
    old_label = {k: lab for lab, k in old_at.items()}
    out = Score()
    for old, target in golden.get("pairs", []):
        out.total += 1
        if old not in old_at:
            out.errors.append(f"{old}: not found in the old text")
            continue
        got = {new_label.get(k, f"#{k}") for k in partners.get(old_at[old], set())}
        want = set() if target is None else {target} if isinstance(target, str) else set(target)
        ok = (not got) if not want else (bool(got) and got <= want)
        if ok:
            out.right += 1
        else:
            out.errors.append(f"{old}: expected {sorted(want) or 'no partner'}, got {sorted(got) or 'no partner'}")
    for new in golden.get("added", []):
        out.total += 1
        k = new_at.get(new)
        if k is None:
            out.errors.append(f"added {new}: not found in the new text")
        elif sources.get(k):
            got = sorted(old_label.get(i, f"#{i}") for i in sources[k])
            out.errors.append(f"added {new}: aligned with old {got}")
        else:
            out.right += 1
    return out


def _labels(provisions, level: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for k, p in enumerate(provisions):
        if p.level == level and p.label and p.label not in out:
            out[p.label] = k
    return out
