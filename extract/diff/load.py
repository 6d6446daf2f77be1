"""The two inputs of a diff as `Side`s: documents plus a description of where they came from.

An input is anything `gazette extract` reads (text, markdown, PDF, HTML; '-' for stdin), an
`Extraction` already in memory, or extraction JSON (the output of `gazette extract`): the JSON is
validated against its schema and rebuilt into the model's Documents and Provisions, so the rest of the
diff never knows which it was given.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass

from ..errors import GazetteError
from ..model import Document, Extraction



@dataclass
class Side:
    documents: list[Document]
    meta: dict  # path, sha256, format, input (source|extraction-json), kind (issue|document), title, documents


def load(source, *, recognize: bool = True, limits=None) -> Side:
    """A path ('-' for stdin), bytes, or an Extraction, as a Side."""
    if isinstance(source, Extraction):
        return from_extraction(source)
    path = source if isinstance(source, str) else "-"
    data = None
    if source == "-":
        data = sys.stdin.buffer.read()
    elif isinstance(source, (bytes, bytearray)):
        data = bytes(source)
    if _looks_like_json(path, data):
        raw = data if data is not None else _read(path)
        return from_json(_parse_json(raw, path), path)
    from ..pipeline import parse

    options = {"recognize": recognize}
    if limits is not None:
        options["limits"] = limits
    if data is not None:
        if not data.strip():
            raise GazetteError("E001", path=path)
        return from_extraction(parse(data, path=path, **options))
    return from_extraction(parse(path, **options))


def _looks_like_json(path: str, data: bytes | None) -> bool:
    if path.lower().endswith((".json", ".jsonl")):
        return True
    if data is None:
        try:
            with open(path, "rb") as fh:
                data = fh.read(64)
        except OSError:
            return False  # the parser reports it
    return data.lstrip()[:1] == b"{"


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError as e:
        raise GazetteError("E007", path=path) from e
    except IsADirectoryError as e:
        raise GazetteError("E003", path=path) from e
    except OSError as e:
        raise GazetteError("E008", path=path, reason=e.strerror or str(e)) from e


def _parse_json(raw: bytes, path: str) -> dict:
    from ..jsonin import loads

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise GazetteError("E014", path=path, reason="not UTF-8") from e
    text = text.strip()
    if not text:
        raise GazetteError("E001", path=path)
    try:
        docs = [loads(text)]
    except json.JSONDecodeError:
        try:
            docs = [loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError as e:
            raise GazetteError("E014", path=path, reason=str(e)) from e
    if len(docs) != 1:
        raise GazetteError("E014", path=path, reason=f"holds {len(docs)} extractions; give one per side")
    doc = docs[0]
    if not isinstance(doc, dict) or doc.get("schema") != "gazette-extract/1":
        found = doc.get("schema") if isinstance(doc, dict) else type(doc).__name__
        raise GazetteError("E014", path=path, reason=f"schema is {found!r}, expected 'gazette-extract/1'")
    from ..schema import errors

    problems = errors(doc)
    if problems:
        raise GazetteError("E014", path=path, reason=problems[0])
    return doc


def from_extraction(e: Extraction) -> Side:
    t = e.text
    meta = {"path": t.path, "sha256": t.sha256, "format": t.format, "input": "source",
            "kind": "issue" if e.issue else "document", "title": _title(e.issue.title if e.issue else None,
                                                                         e.documents),
            "documents": len(e.documents)}
    if e.issue:
        meta["issue"] = {"year": e.issue.year, "number": e.issue.number, "total_number": e.issue.total_number,
                         "published": e.issue.published}
    return Side(list(e.documents), meta)


def from_json(data: dict, path: str) -> Side:
    documents = [Document.from_json(d) for d in data.get("documents", [])]
    source = data.get("source") or {}
    issue = data.get("issue")
    meta = {"path": path, "sha256": source.get("sha256"), "format": source.get("format"),
            "input": "extraction-json", "kind": "issue" if issue else "document",
            "title": _title(issue.get("title") if issue else None, documents), "documents": len(documents)}
    if issue:
        meta["issue"] = {k: issue.get(k) for k in ("year", "number", "total_number", "published")}
    return Side(documents, meta)


def _title(issue_title: str | None, documents: list[Document]) -> str | None:
    if issue_title:
        return issue_title
    return documents[0].title if len(documents) == 1 else None
