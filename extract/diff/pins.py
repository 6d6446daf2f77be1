"""Manual fixes: pairs the user pins with `--match OLD=NEW`, kept in a JSON file to replay on re-runs.

A side of a pin is a document id (its 文号 or docN), a provision id (`ch2/art5`), a provision of one
document (`三政办〔2022〕18号#reg/ch3/art9`), or `-` for "no partner" (`ch1/art5=-` says old 第五条 was
removed, whatever it resembles). A JSON file holds `{"OLD": "NEW", ...}`, `[["OLD", "NEW"], ...]`, or
either under a "matches" key.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from ..jsonin import loads
from ..model import Document

NONE = ("", "-")


class PinError(ValueError):
    """A pin that names nothing, or names something twice."""


@dataclass
class Pins:
    raw: list[tuple[str, str]] = field(default_factory=list)
    documents: list[tuple[str | None, str | None]] = field(default_factory=list)
    provisions: list[tuple[str | None, str | None, str | None, str | None]] = field(default_factory=list)

    def check(self, old: list[Document], new: list[Document]) -> None:
        """Resolve every pin against the documents; PinError on a pin that names nothing."""
        self.documents, self.provisions = [], []
        old_docs, new_docs = {d.id: d for d in old}, {d.id: d for d in new}
        seen: set[tuple[str, str]] = set()
        for o, n in self.raw:
            od, op = _split(o, old_docs)
            nd, np_ = _split(n, new_docs)
            if op is None and np_ is None and (od or nd):
                if (o not in NONE and od is None) or (n not in NONE and nd is None):
                    raise PinError(f"--match {o}={n}: one side is a document, the other is not")
                self.documents.append((od, nd))
                continue
            if op is None and np_ is None:
                raise PinError(f"--match {o}={n}: names nothing on either side")
            _exists(o, od, op, old, "old")
            _exists(n, nd, np_, new, "new")
            for side, ref in (("old", o), ("new", n)):
                if ref not in NONE:
                    if (side, ref) in seen:
                        raise PinError(f"--match: {side} {ref} is pinned twice")
                    seen.add((side, ref))
            self.provisions.append((od, op, nd, np_))

    def for_pair(self, a: Document, b: Document) -> list[tuple[str | None, str | None]]:
        out = []
        for od, op, nd, np_ in self.provisions:
            if (od and od != a.id) or (nd and nd != b.id):
                continue
            if (op and a.provision(op) is None) or (np_ and b.provision(np_) is None):
                continue
            out.append((op, np_))
        return out


def _split(ref: str, docs: dict[str, Document]) -> tuple[str | None, str | None]:
    """(document id or None, provision id or None)."""
    if ref in NONE:
        return None, None
    if "#" in ref:
        d, _, p = ref.partition("#")
        return d, p or None
    if ref in docs:
        return ref, None
    return None, ref


def _exists(ref: str, doc: str | None, pid: str | None, docs: list[Document], side: str) -> None:
    if pid is None:
        return
    pool = [d for d in docs if doc is None or d.id == doc]
    if doc is not None and not pool:
        raise PinError(f"--match: no {side} document {doc!r}")
    if not any(d.provision(pid) for d in pool):
        raise PinError(f"--match: no {side} provision {ref!r} (ids look like ch2/art5; see gazette extract)")


def parse_pins(values) -> Pins:
    """`OLD=NEW` strings and JSON files of them, in the order given."""
    pins = Pins()
    for value in values or ():
        if os.path.isfile(value):
            pins.raw.extend(_from_file(value))
        elif "=" in value:
            o, _, n = value.partition("=")
            pins.raw.append((o.strip(), n.strip()))
        else:
            raise PinError(f"--match {value}: neither OLD_ID=NEW_ID nor an existing JSON file")
    return pins


def _from_file(path: str) -> list[tuple[str, str]]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = loads(fh.read())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise PinError(f"--match {path}: not a JSON file of pins: {e}") from e
    if isinstance(data, dict) and "matches" in data:
        data = data["matches"]
    if isinstance(data, dict):
        items = list(data.items())
    elif isinstance(data, list) and all(isinstance(x, (list, tuple)) and len(x) == 2 for x in data):
        items = [tuple(x) for x in data]
    else:
        raise PinError(f"--match {path}: expected {{\"OLD\": \"NEW\"}} or [[\"OLD\", \"NEW\"], ...]")
    out = []
    for o, n in items:
        if not isinstance(o, (str, type(None))) or not isinstance(n, (str, type(None))):
            raise PinError(f"--match {path}: ids must be strings (or null for no partner)")
        out.append((o or "-", n or "-"))
    return out
