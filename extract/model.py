"""The data model: Extraction > Issue front matter, Documents > flat Provision list, and their JSON.

Plain dataclasses a user can poke at in a REPL. `to_json()` gives the public contract
(`../schemas/gazette-extract.schema.json`, schema id `gazette-extract/1`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

SCHEMA_ID = "gazette-extract/1"


def jsonable(value: Any) -> Any:
    """Decimals become exact strings only when not integral (18.53 stays '18.53', 185300 an int)."""
    if isinstance(value, Decimal):
        from .lexicon.numerals import decimal_context

        if value == value.to_integral_value():
            return int(value)
        return format(value.normalize(decimal_context(value)), "f")  # every digit, however many
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


@dataclass
class Provision:
    id: str
    level: str
    start: int  # offset in the clean text
    end: int = 0
    parent: str | None = None
    label: str | None = None
    number: int | None = None
    heading: str | None = None
    text: str = ""
    page: str | None = None
    line: int | None = None
    units: list[dict] = field(default_factory=list)
    thresholds: list[dict] = field(default_factory=list)
    deadlines: list[dict] = field(default_factory=list)
    citations: list[dict] = field(default_factory=list)
    extra: dict = field(default_factory=dict)  # table rows, list entries, ...

    def to_json(self) -> dict:
        out = {
            "id": self.id, "parent": self.parent, "level": self.level, "label": self.label,
            "number": self.number, "heading": self.heading, "text": self.text,
            "span": [self.start, self.end], "page": self.page, "line": self.line,
            # only thresholds carry Decimals; the rest is plain JSON already
            "units": self.units, "thresholds": jsonable(self.thresholds), "deadlines": self.deadlines,
            "citations": self.citations,
        }
        out.update(self.extra)
        return out


@dataclass
class Document:
    id: str
    start: int
    end: int
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    recipients: list[str] = field(default_factory=list)
    signature: str | None = None
    effective: str | None = None
    expires: str | None = None
    attachments: list[dict] = field(default_factory=list)
    regulation: dict | None = None
    metadata: dict = field(default_factory=dict)
    provisions: list[Provision] = field(default_factory=list)

    def provision(self, pid: str) -> Provision | None:
        for p in self.provisions:
            if p.id == pid:
                return p
        return None

    def children(self, pid: str | None) -> list[Provision]:
        return [p for p in self.provisions if p.parent == pid]

    def to_json(self) -> dict:
        return {
            "id": self.id, "title": self.title, "doc_number": self.doc_number, "issuer": self.issuer,
            "date": self.date, "recipients": self.recipients, "signature": self.signature,
            "effective": self.effective, "expires": self.expires, "span": [self.start, self.end],
            "attachments": self.attachments, "regulation": self.regulation, "metadata": self.metadata,
            "provisions": [p.to_json() for p in self.provisions],
        }


@dataclass
class Issue:
    start: int
    end: int
    text: str
    title: str | None = None
    year: int | None = None
    number: int | None = None
    total_number: int | None = None
    published: str | None = None
    publisher: str | None = None
    toc: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "title": self.title, "year": self.year, "number": self.number,
            "total_number": self.total_number, "published": self.published, "publisher": self.publisher,
            "toc": self.toc, "span": [self.start, self.end], "text": self.text,
        }


@dataclass
class Extraction:
    text: Any  # extract.ingest.text.Text
    issue: Issue | None
    documents: list[Document]

    def to_json(self) -> dict:
        t = self.text
        return {
            "schema": SCHEMA_ID,
            "source": {"path": t.path, "sha256": t.sha256, "format": t.format, "encoding": t.encoding,
                       "newline": t.newline, "length": len(t.source), "clean_length": len(t.clean),
                       **({"pages": len(t.pages)} if t.pages else {})},
            "issue": self.issue.to_json() if self.issue else None,
            "documents": [d.to_json() for d in self.documents],
            "removals": [r.to_json(t) for r in t.removals],
            "warnings": t.warnings,
        }

    def provisions(self):
        for d in self.documents:
            yield from d.provisions
