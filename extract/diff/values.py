"""Value-level changes of two aligned provisions: thresholds, deadlines, units and citations.

Works on the contract fields the recognisers fill (`units`, `thresholds`, `deadlines`, `citations`);
it never reads the provision text except to get a few characters of context around a value.
Per field: values equal on every meaningful key cancel out; what is left is paired within a slot
(thresholds of the same unit, deadlines of the same kind, units of the same name, citations of the same
document) by an optimal assignment on their context, and those pairs are `changed`; the rest are
`added` or `removed`. Money and other amounts compare as Decimal, never float.
"""
from __future__ import annotations

import difflib
from decimal import Decimal, InvalidOperation

import numpy as np

from ..model import Document, Provision
from ..values import Citation, Deadline, Threshold, Unit, Value
from .assign import max_weight_matching
from .text import key

FIELDS = (("thresholds", "threshold"), ("deadlines", "deadline"), ("units", "unit"), ("citations", "citation"))


def exact(value) -> Decimal | str | None:
    """An amount as Decimal ('1.50' and 1.5 are equal); ratios and other strings as they are."""
    if value is None or isinstance(value, bool):
        return value
    try:
        return Decimal(str(value)).normalize()
    except (InvalidOperation, ValueError):
        return str(value)


def identity(field: str, v: Value) -> tuple:
    """Two values with the same identity are the same value (span and raw spelling aside)."""
    if isinstance(v, Threshold):
        return (v.unit, v.comparator, exact(v.value), exact(v.min), exact(v.max))
    if isinstance(v, Deadline):
        return (v.kind, v.date)
    if isinstance(v, Unit):
        return (v.name, v.role, v.inherited)
    return (v.doc_number, key(v.title))


def slot(field: str, v: Value) -> tuple:
    """Values in the same slot that differ are one value that changed."""
    if isinstance(v, Threshold):
        return (v.unit,)
    if isinstance(v, Deadline):
        return (v.kind,)
    if isinstance(v, Unit):
        return (v.name,)
    return ()  # citations: see _same_citation


def _same_citation(a: Citation, b: Citation) -> bool:
    """The same document cited: same title, or 文号 equal up to a prefix (国务院令第529号 and
    中华人民共和国国务院令第529号)."""
    na, nb = key(a.doc_number), key(b.doc_number)
    if na and nb and (na.endswith(nb) or nb.endswith(na)):
        return True
    return bool(a.title and key(a.title) == key(b.title))


def show(field: str, v: Value | None) -> str:
    if not v:
        return ""
    if isinstance(v, Unit):
        return v.name or v.raw
    if isinstance(v, Citation):
        return v.raw or v.doc_number or v.title or ""
    if isinstance(v, Deadline):
        return str(v.date) if v.date else v.raw
    return v.raw or str(v.value or "")


def summary(field: str, change: str, old: Value | None, new: Value | None) -> str:
    if change == "changed":
        return f"{field} {show(field, old)} → {show(field, new)}"
    return f"{field} {change}: {show(field, new if change == 'added' else old)}"


def _context(p: Provision, v: Value, width: int = 8) -> str:
    if not p.text:
        return ""
    at = v.span[0] - p.start
    return key(p.text[max(0, at - width):max(0, at)])


def diff_values(old: Provision, new: Provision) -> list[dict]:
    """Added, removed and changed values between two aligned provisions, field by field."""
    out: list[dict] = []
    for attr, field in FIELDS:
        a, b = list(getattr(old, attr) or []), list(getattr(new, attr) or [])
        if not a and not b:
            continue
        a, b = _cancel(field, a, b)
        pairs = _pair(field, old, a, new, b)
        paired_a, paired_b = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, j in pairs:
            out.append(_change(field, "changed", a[i], b[j]))
        out.extend(_change(field, "removed", a[i], None) for i in range(len(a)) if i not in paired_a)
        out.extend(_change(field, "added", None, b[j]) for j in range(len(b)) if j not in paired_b)
    return out


def _change(field: str, change: str, old: Value | None, new: Value | None) -> dict:
    return {"field": field, "change": change, "old": old.to_json() if old else None,
            "new": new.to_json() if new else None, "summary": summary(field, change, old, new)}


def _cancel(field: str, a: list[Value], b: list[Value]) -> tuple[list[Value], list[Value]]:
    """Drop the values present on both sides (as a multiset)."""
    left = list(b)
    keep_a = []
    for v in a:
        ident = identity(field, v)
        hit = next((k for k, w in enumerate(left) if identity(field, w) == ident), None)
        if hit is None:
            keep_a.append(v)
        else:
            left.pop(hit)
    return keep_a, left


def _pair(field: str, old: Provision, a: list[Value], new: Provision, b: list[Value]) -> list[tuple[int, int]]:
    if not a or not b:
        return []
    weights = np.zeros((len(a), len(b)))
    for i, v in enumerate(a):
        for j, w in enumerate(b):
            same = _same_citation(v, w) if field == "citation" else slot(field, v) == slot(field, w)
            if not same:
                continue
            ctx = difflib.SequenceMatcher(None, _context(old, v), _context(new, w)).ratio()
            order = abs(i / max(len(a), 1) - j / max(len(b), 1))
            weights[i, j] = 1.0 + ctx - 0.1 * order
    return max_weight_matching(weights)


def diff_document_values(old: Document, new: Document) -> list[dict]:
    """Changes of the document's own dates (`effective`, `expires`)."""
    out = []
    for field in ("effective", "expires"):
        a, b = getattr(old, field), getattr(new, field)
        if a == b:
            continue
        change = "added" if a is None else "removed" if b is None else "changed"
        text = f"{field} {a} → {b}" if change == "changed" else f"{field} {change}: {b if a is None else a}"
        out.append({"field": field, "change": change, "old": a, "new": b, "summary": text})
    return out
