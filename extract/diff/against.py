"""`gazette diff NEW --against DB`: a new issue against what the clause database already holds.

Each document of NEW is compared with its prior in the database (extract/db/prior.py): the same document
reprinted (by 文号), else its latest earlier version (the same title re-issued under a new 文号); a
document with neither is `added`. The documents NEW repeals, extends or amends are brought in too, so
the links say which stored document each notice acts on; they are not reported as removed, and neither
are the documents of the previous issue that NEW does not reprint (an issue does not repeal what it
does not print). The old side describes the previous issue of NEW's series (its path, year, 第N号,
总第N号); `against` (JSON) lists each pairing and where the old document was stored.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .align import Settings
from .engine import compare
from ..model import Document
from .load import Side, load
from .model import DiffResult
from .pins import Pins


@dataclass
class AgainstResult:
    result: DiffResult
    info: dict = field(default_factory=dict)  # database, previous_issue, matched, acted_on


def diff_against(new_source, db_path, *, recognize: bool = True, settings: Settings = Settings(),
                 values: bool = True) -> AgainstResult:
    from ..db.prior import copy_json, copy_of, document_info, previous_issue, prior, relation_target
    from ..db.store import errors, open_read

    new = load(new_source, recognize=recognize)
    sha = new.meta.get("sha256")
    issue = dict(new.meta.get("issue") or {})
    if issue and new.meta.get("kind") == "issue":
        issue["title"] = new.meta.get("title")
    conn = open_read(str(db_path))
    try:
        with errors(str(db_path)):
            previous = previous_issue(conn, issue, sha)
            old_docs, raw_pins, matched, acted_on, used = [], [], [], [], {}

            def bring(copy: int) -> str:
                if copy in used:
                    return used[copy]
                data = copy_json(conn, copy)
                taken = {d.id for d in old_docs}
                data["id"] = data["id"] if data["id"] not in taken else data["_document"]
                old_docs.append(Document.from_json(data))
                used[copy] = data["id"]
                matched_source[data["id"]] = data["_source"]["path"]
                return data["id"]

            matched_source: dict[str, str] = {}
            for doc in new.documents:
                found = prior(conn, doc.to_json(), sha, previous["pk"] if previous else None)
                if found is None:
                    raw_pins.append(("-", doc.id))
                    matched.append({"new": doc.id, "old": None, "how": "added", "new_label": _label(doc)})
                    continue
                old_id = bring(found[0])
                raw_pins.append((old_id, doc.id))
                old_doc = next(d for d in old_docs if d.id == old_id)
                matched.append({"new": doc.id, "old": old_id, "how": found[1], "path": matched_source[old_id],
                                "new_label": _label(doc), "old_label": _label(old_doc)})
            for doc in new.documents:
                pinned = {o for o, _ in raw_pins}
                for r in doc.relations():
                    target = relation_target(conn, {"doc_number": r.doc_number, "title": r.title}, doc.dated)
                    if target is None:
                        continue
                    info = document_info(conn, target)
                    copy = copy_of(conn, target, sha, previous["pk"] if previous else None)
                    if copy is None:
                        continue
                    old_id = bring(copy)
                    if old_id not in pinned:
                        raw_pins.append((old_id, "-"))
                        pinned.add(old_id)
                    act = {"from": doc.id, "relation": r.relation, "to": old_id, "key": info["key"],
                           "path": matched_source[old_id]}
                    if act not in acted_on:
                        acted_on.append(act)
    finally:
        conn.close()
    old_meta = {"path": previous["path"] if previous else str(db_path), "input": "source",
                "kind": "issue" if previous else "document",
                "title": _issue_title(previous) if previous else f"documents stored in {db_path}",
                "documents": len(old_docs), "sha256": previous["sha256"] if previous else None}
    if previous:
        old_meta["issue"] = {k: previous[k] for k in ("year", "number", "total_number", "published")}
    pins = Pins(raw=raw_pins)
    result = compare(Side(old_docs, old_meta), new, pins, settings, values=values)
    how = {m["new"]: m["how"] for m in matched}
    for dd in result.documents:
        if dd.new is not None:
            dd.matched_by = ("added" if dd.old is None else
                             "doc_number" if how.get(dd.new.id) == "same-document" else "title")
            if dd.changes:
                dd.changes[0].extra["matched_by"] = dd.matched_by
    result.documents = [dd for dd in result.documents if dd.new is not None]
    info = {"database": str(db_path), "previous_issue": _public(previous), "matched": matched, "acted_on": acted_on}
    return AgainstResult(result, info)


def _label(doc: Document) -> str:
    """How a reader names a document: its 文号, else its title and date."""
    if doc.doc_number:
        return doc.doc_number
    return f"{doc.title or doc.id}" + (f" ({doc.dated})" if doc.dated else "")


def _issue_title(previous: dict) -> str:
    number = f"{previous['year']}年第{previous['number']}号" if previous.get("number") is not None else f"{previous['year']}"
    total = f"（总第{previous['total_number']}号）" if previous.get("total_number") is not None else ""
    return f"{previous['title']} {number}{total}"


def _public(previous: dict | None) -> dict | None:
    if previous is None:
        return None
    return {k: previous[k] for k in ("path", "sha256", "title", "year", "number", "total_number", "published")}
