"""What a diff is made of: changes (document or provision level) and the result around them.

`DiffResult.to_json()` is the contract's diff JSON (schema `gazette-diff/1`,
`schemas/gazette-diff.schema.json`). The renderers (text, HTML) read these objects, never the inputs.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Document, jsonable
from .align import Alignment
from .text import key

SCHEMA_ID = "gazette-diff/1"
KINDS = ("added", "removed", "modified", "renumbered", "moved")


@dataclass
class Change:
    """One difference. For a provision: ids, labels and readable paths (`第三条（一）`) on each side, both
    texts without their labels, the word-level diff, and the value changes."""

    kind: str  # added | removed | modified | renumbered | moved
    level: str  # document, or the provision level
    old_id: str | None = None
    new_id: str | None = None
    old_label: str | None = None
    new_label: str | None = None
    old_document: str | None = None
    new_document: str | None = None
    old_path: str | None = None
    new_path: str | None = None
    old_text: str | None = None
    new_text: str | None = None
    diff: list[dict] = field(default_factory=list)
    values: list[dict] = field(default_factory=list)
    text_changed: bool = False
    renumbered: bool = False
    moved: bool = False
    relation: str | None = None  # split | merge (a piece of a split or merged provision) | pinned
    similarity: float | None = None
    extra: dict = field(default_factory=dict)  # documents: matched_by, metadata, links, counts

    @property
    def where(self) -> str:
        """A short readable name: '第五条 → 第七条', '第三条（一）', a document's 文号 or title."""
        a, b = self.old_path or self.old_label, self.new_path or self.new_label
        if a and b and key(a) != key(b):
            return f"{a} → {b}"
        return b or a or (self.new_id or self.old_id or "")

    def to_json(self) -> dict:
        out = {
            "kind": self.kind, "level": self.level,
            "old_id": self.old_id, "new_id": self.new_id,
            "old_label": self.old_label, "new_label": self.new_label,
            "old_document": self.old_document, "new_document": self.new_document,
            "old_path": self.old_path, "new_path": self.new_path,
            "old_text": self.old_text, "new_text": self.new_text,
            "diff": self.diff, "values": self.values,
            "text_changed": self.text_changed, "renumbered": self.renumbered, "moved": self.moved,
            "relation": self.relation,
            "similarity": round(self.similarity, 3) if self.similarity is not None else None,
        }
        out.update(self.extra)
        return jsonable(out)


@dataclass
class DocumentDiff:
    """One pair of documents (or one side only) and the changes found in it, the document change first."""

    old: Document | None
    new: Document | None
    matched_by: str
    alignment: Alignment | None = None
    changes: list[Change] = field(default_factory=list)


@dataclass
class DiffResult:
    old: dict  # the inputs' description: path, sha256, format, kind (issue|document), title, documents
    new: dict
    documents: list[DocumentDiff] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)

    @property
    def changes(self) -> list[Change]:
        return [c for d in self.documents for c in d.changes]

    @property
    def same(self) -> bool:
        return not self.changes

    def counts(self) -> dict:
        out = {k: 0 for k in KINDS}
        docs = {k: 0 for k in KINDS}
        for c in self.changes:
            (docs if c.level == "document" else out)[c.kind] += 1
        return {"provisions": out, "documents": docs}

    def to_json(self, alignment: bool = False) -> dict:
        out = {
            "schema": SCHEMA_ID,
            "old": self.old,
            "new": self.new,
            "summary": self.counts(),
            "links": [_public_link(lk) for lk in self.links],
            "changes": [c.to_json() for c in self.changes],
        }
        if alignment:
            out["alignment"] = [
                {"old_document": d.old.id if d.old else None, "new_document": d.new.id if d.new else None,
                 "matched_by": d.matched_by,
                 "pairs": [{"old_id": o, "new_id": n, "relation": r} for o, n, r in d.alignment.by_ids()]
                 if d.alignment else []}
                for d in self.documents]
        return jsonable(out)


def _public_link(lk: dict) -> dict:
    out = {"relation": lk["relation"], "by": lk["by"],
           "from": {k: v for k, v in lk["from"].items() if k != "index"},
           "to": {k: v for k, v in lk["to"].items() if k != "index"}}
    if "expires" in lk:
        out["expires"] = lk["expires"]
    return out


def describe_link(lk: dict) -> str:
    """'extends 三政办〔2022〕19号 (old): expires 2024-12-31 → 2025-12-31'."""
    text = f"{lk['relation']} {lk['to']} ({lk['to_side']})"
    if lk.get("expires"):
        text += f": expires {lk['expires']['old']} → {lk['expires']['new']}"
    return text
