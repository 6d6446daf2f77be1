"""Provision ids: given once, by one allocator, when a document's provision tree is final.

While the tree is built every node has a provisional id (unique, meaningless) and a local name
(`art7`, `para2`, `att1`, `preamble`); nodes may still move (a closing paragraph lifted to its
container) or be renamed. `IdPlan.assign` then walks the provisions in reading order and gives each
the id `parent-id/local` (the contract's readable path, e.g. `ch2/art7/item3`); a path already given
gets `~2`, `~3`, … in order of appearance (two 第一条 in one body: `art1`, `art1~2`). One pass, one
dictionary: linear in the number of provisions, whatever the number of duplicates.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Document, Provision


class IdPlan:
    def __init__(self) -> None:
        self._local: dict[str, str] = {}

    def new(self, local: str) -> str:
        """A provisional id for a node whose local name is `local`."""
        pid = f"\x00{len(self._local)}"
        self._local[pid] = local
        return pid

    def rename(self, pid: str, local: str) -> None:
        self._local[pid] = local

    def assign(self, doc: Document) -> None:
        """Final ids for every provision of `doc` (and the references to them the document holds)."""
        final: dict[str, str] = {}
        seen: dict[str, int] = {}
        given: set[str] = set()
        for p in doc.provisions:
            local = self._local.get(p.id, p.id)
            parent = final.get(p.parent, p.parent) if p.parent is not None else None
            base = f"{parent}/{local}" if parent else local
            n = seen.get(base, 0) + 1
            pid = base if n == 1 else f"{base}~{n}"
            while pid in given:  # cannot happen with local names free of '~'; kept as a guarantee
                n += 1
                pid = f"{base}~{n}"
            seen[base] = n
            given.add(pid)
            final[p.id] = pid
            p.id, p.parent = pid, parent
        doc.attachments = [_repoint(a, final) for a in doc.attachments]
        if doc.regulation:
            doc.regulation = _repoint(doc.regulation, final)


def _repoint(entry, final: dict[str, str]):
    """An attachment or regulation entry with its provision_id made final (frozen values are replaced)."""
    pid = entry.provision_id
    if pid is None or pid not in final:
        return entry
    return replace(entry, provision_id=final[pid])


def provisional(plan: IdPlan, local: str, **fields) -> Provision:
    return Provision(id=plan.new(local), **fields)
