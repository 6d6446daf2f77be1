"""The data model: Extraction > Issue front matter, Documents > flat Provision list, and their JSON.

Plain dataclasses a user can poke at in a REPL. `to_json()` gives the public contract
(`../schemas/gazette-extract.schema.json`, schema id `gazette-extract/1`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any

from .head_model import element_from_json
from .ingest.text import Removal, Text
from .values import VALUE_CLASSES, Attachment, Citation, Deadline, Regulation, Relation, Threshold, TocEntry, Unit

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


def _numbering_of(label: str | None) -> str | None:
    """The numbering style of a label, for extraction JSON written before `numbering` was recorded."""
    if not label:
        return None
    from .lexicon.numbering import match_label

    lab = match_label(label)
    return lab.level.key if lab else None


class _ListOrNone:
    """A list field stored as None while it is empty and nobody has asked for it: a 50 MB input has
    300,000 provisions, most with no values, and eight empty lists cost 450 bytes a provision. Reading
    the field gives a list (made and kept on first read, so `p.units.append(u)` works); assigning stores
    what is assigned (None: empty). `Provision.to_json` reads the stored value without making a list.
    Stored as the attribute `_name` (a slot of Provision: see _slotted)."""

    def __set_name__(self, owner, name: str) -> None:
        self.slot = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return None  # the dataclass default: empty
        value = getattr(obj, self.slot, None)
        if value is None:
            value = []
            setattr(obj, self.slot, value)
        return value

    def __set__(self, obj, value) -> None:
        setattr(obj, self.slot, value)


def _stored(p, name: str):
    """A list field of `p` as stored: the list, or () while empty (without making a list)."""
    return getattr(p, "_" + name, None) or ()


class CleanText:
    """The clean text provisions' texts are cut from: one per Text, shared by all its provisions (see
    Provision.text_in)."""

    __slots__ = ("clean",)

    def __init__(self, clean: str):
        self.clean = clean


class _SpanText:
    """Provision.text: what was assigned, or, after `p.text_in(CleanText(clean))`, clean[p.start:p.end]
    sliced when read (segmentation does this: 300,000 provisions of a 50 MB input do not each keep a copy
    of their text beside the clean text they are cut from)."""

    def __get__(self, obj, owner=None):
        if obj is None:
            return ""  # the dataclass default
        value = getattr(obj, "_text", None)  # (a slot: see _slotted)
        if value.__class__ is CleanText:
            return value.clean[obj.start:obj.end]
        return "" if value is None else value

    def __set__(self, obj, value) -> None:
        obj._text = value


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
    text: str = _SpanText()  # clean[start:end]
    page: str | None = None
    line: int | None = None
    numbering: str | None = None  # the label's style (lexicon.numbering key: zhang, tiao, cn_dun, cn_paren …)
    sub_number: int | None = None  # 第十条之一 -> 1
    kind: str | None = None  # 'regulation' for the text a 印发 notice publishes
    items: list[str] = _ListOrNone()  # an attachment's list entries (JSON: list)
    table: list[list[str]] = _ListOrNone()  # an attachment's table rows
    cell_spans: list[list[tuple[int, int]]] = _ListOrNone()  # each table cell's clean span
    units: list[Unit] = _ListOrNone()
    thresholds: list[Threshold] = _ListOrNone()
    deadlines: list[Deadline] = _ListOrNone()
    citations: list[Citation] = _ListOrNone()
    relations: list[Relation] = _ListOrNone()

    def text_in(self, clean: CleanText) -> None:
        """From now on `text` is clean.clean[start:end], sliced when read (see _SpanText)."""
        self._text = clean

    def values(self, field_name: str) -> list:
        return getattr(self, field_name)

    def to_json(self) -> dict:
        out = {
            "id": self.id, "parent": self.parent, "level": self.level, "label": self.label,
            "number": self.number, "heading": self.heading, "text": self.text,
            "span": [self.start, self.end], "page": self.page, "line": self.line,
            "numbering": self.numbering,
        }
        for name in VALUE_CLASSES:
            values = _stored(self, name)
            out[name] = [v.to_json() for v in values] if values else []  # most provisions have none
        if self.sub_number is not None:
            out["sub_number"] = self.sub_number
        if self.kind is not None:
            out["kind"] = self.kind
        table, cell_spans, items = _stored(self, "table"), _stored(self, "cell_spans"), _stored(self, "items")
        if table:
            out["table"] = table
        if cell_spans:
            out["cell_spans"] = [[list(span) for span in row] for row in cell_spans]
        if items:
            out["list"] = items
        return out

    @classmethod
    def from_json(cls, p: dict) -> "Provision":
        span = p.get("span") or [0, 0]
        out = cls(id=p["id"], level=p["level"], start=span[0], end=span[1], parent=p.get("parent"),
                  label=p.get("label"), number=p.get("number"), heading=p.get("heading"), text=p.get("text") or "",
                  page=p.get("page"), line=p.get("line"), numbering=p.get("numbering", _numbering_of(p.get("label"))),
                  sub_number=p.get("sub_number"), kind=p.get("kind"), items=list(p.get("list") or []) or None,
                  table=[list(r) for r in p.get("table") or []] or None,
                  cell_spans=[[(a, b) for a, b in row] for row in p.get("cell_spans") or []] or None)
        for name, value_cls in VALUE_CLASSES.items():
            setattr(out, name, [value_cls.from_json(v) for v in p.get(name) or []] or None)
        return out


def _slotted(cls):
    """The dataclass `cls` made again with `__slots__`: its plain fields and the attributes its lazy fields
    (_SpanText, _ListOrNone) store in. No instance dictionary: 64 bytes less a provision, and attributes
    set faster. (`dataclass(slots=True)` would drop the lazy fields' descriptors with the class defaults.)"""
    body = dict(cls.__dict__)
    lazy = [name for name, v in body.items() if isinstance(v, (_SpanText, _ListOrNone))]
    plain = [f.name for f in fields(cls) if f.name not in lazy]
    for name in plain + ["__dict__", "__weakref__"]:
        body.pop(name, None)  # the defaults live on in __init__
    body["__slots__"] = tuple(plain) + tuple("_" + name for name in lazy)
    return type(cls)(cls.__name__, cls.__bases__, body)


Provision = _slotted(Provision)


@dataclass
class Document:
    id: str
    start: int
    end: int
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None  # 成文日期, printed under the signature (or the page's metadata)
    adopted: str | None = None  # a law's version: the latest date of its history lines (通过/修正/修订/公布)
    recipients: list[str] = field(default_factory=list)
    signature: str | None = None
    effective: str | None = None
    expires: str | None = None
    attachments: list[Attachment] = field(default_factory=list)
    regulation: Regulation | None = None
    metadata: dict = field(default_factory=dict)
    provisions: list[Provision] = field(default_factory=list)
    # GB/T 9704 elements beyond title/文号/issuer/date/recipients (values; `head` has each with its span)
    kind: str | None = None  # 文种: 通知, 意见, 令 …
    signed_by: str | None = None  # the person who signs (a decree: 市长 李四 -> 李四)
    signer: str | None = None  # 签发人 (several joined with 、)
    urgency: str | None = None
    secrecy: str | None = None
    copy_number: str | None = None
    note: str | None = None  # 附注
    cc: list[str] = field(default_factory=list)  # 抄送机关
    printed_by: str | None = None  # 印发机关
    printed_date: str | None = None  # 印发日期
    copies: int | None = None  # 共印份数
    head: list = field(default_factory=list)  # extract.head_model elements in reading order

    def head_element(self, name: str):
        """The first head or tail element called `name` (doc_number, title, signature, …), or None."""
        return next((e for e in self.head if e.element == name), None)

    def relations(self) -> list[Relation]:
        """Every relation the document states (repeals, extends, amends another document), in order."""
        return [r for p in self.provisions for r in p.relations]

    def provision(self, pid: str) -> Provision | None:
        for p in self.provisions:
            if p.id == pid:
                return p
        return None

    @property
    def dated(self) -> str | None:
        """The date the document is placed in time by: its 成文日期, or for a law its version (`adopted`);
        `db.identity.dated` is the same rule on the JSON."""
        return self.date or self.adopted

    def children(self, pid: str | None) -> list[Provision]:
        return [p for p in self.provisions if p.parent == pid]

    STREAMED = ("provisions",)  # see Extraction.STREAMED

    def to_json(self) -> dict:
        out = self.json_head()
        out["provisions"] = [p.to_json() for p in self.provisions]
        return out

    def json_head(self) -> dict:
        """to_json() with an empty list of provisions (same keys, same order)."""
        return {
            "id": self.id, "title": self.title, "doc_number": self.doc_number, "issuer": self.issuer,
            "date": self.date, "adopted": self.adopted, "recipients": self.recipients, "signature": self.signature,
            "effective": self.effective, "expires": self.expires, "span": [self.start, self.end],
            "attachments": [a.to_json() for a in self.attachments],
            "regulation": self.regulation.to_json() if self.regulation else None, "metadata": self.metadata,
            "kind": self.kind, "signed_by": self.signed_by, "signer": self.signer, "urgency": self.urgency,
            "secrecy": self.secrecy, "copy_number": self.copy_number, "note": self.note, "cc": self.cc,
            "printed_by": self.printed_by, "printed_date": self.printed_date, "copies": self.copies,
            "head": [e.to_json() for e in self.head],
            "provisions": [],
        }

    def json_streams(self) -> dict:
        return {"provisions": (p.to_json() for p in self.provisions)}

    @classmethod
    def from_json(cls, d: dict) -> "Document":
        span = d.get("span") or [0, 0]
        return cls(id=d["id"], start=span[0], end=span[1], title=d.get("title"), doc_number=d.get("doc_number"),
                   issuer=d.get("issuer"), date=d.get("date"), adopted=d.get("adopted"), recipients=list(d.get("recipients") or []),
                   signature=d.get("signature"), effective=d.get("effective"), expires=d.get("expires"),
                   attachments=[Attachment.from_json(a) for a in d.get("attachments") or []],
                   regulation=Regulation.from_json(d["regulation"]) if d.get("regulation") else None,
                   metadata=dict(d.get("metadata") or {}),
                   provisions=[Provision.from_json(p) for p in d.get("provisions") or []],
                   kind=d.get("kind"), signed_by=d.get("signed_by"), signer=d.get("signer"),
                   urgency=d.get("urgency"), secrecy=d.get("secrecy"), copy_number=d.get("copy_number"),
                   note=d.get("note"), cc=list(d.get("cc") or []), printed_by=d.get("printed_by"),
                   printed_date=d.get("printed_date"), copies=d.get("copies"),
                   head=[element_from_json(e) for e in d.get("head") or []])


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
    toc: list[TocEntry] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "title": self.title, "year": self.year, "number": self.number,
            "total_number": self.total_number, "published": self.published, "publisher": self.publisher,
            "toc": [e.to_json() for e in self.toc], "span": [self.start, self.end], "text": self.text,
        }

    @classmethod
    def from_json(cls, d: dict) -> "Issue":
        span = d.get("span") or [0, len(d.get("text") or "")]
        return cls(start=span[0], end=span[1], text=d.get("text") or "", title=d.get("title"), year=d.get("year"),
                   number=d.get("number"), total_number=d.get("total_number"), published=d.get("published"),
                   publisher=d.get("publisher"), toc=[TocEntry.from_json(e) for e in d.get("toc") or []])


@dataclass
class Extraction:
    text: Text
    issue: Issue | None
    documents: list[Document]

    # The keys whose lists `json_streams` gives item by item (a large input's JSON is written without
    # ever being one dictionary: extract.jsonout).
    STREAMED = ("documents", "removals")

    def to_json(self) -> dict:
        out = self.json_head()
        for key, items in self.json_streams().items():
            out[key] = list(items)
        return out

    def json_head(self) -> dict:
        """to_json() with empty lists in place of the STREAMED keys (same keys, same order)."""
        t = self.text
        return {
            "schema": SCHEMA_ID,
            "source": {"path": t.path, "sha256": t.sha256, "format": t.format, "encoding": t.encoding,
                       "newline": t.newline, "length": len(t.source), "clean_length": len(t.clean),
                       **({"pages": len(t.pages), "page_starts": [[at, label] for at, label in t.pages]}
                          if t.pages else {})},
            "issue": self.issue.to_json() if self.issue else None,
            "documents": [],
            "removals": [],
            "warnings": t.warnings,
        }

    def json_streams(self) -> dict:
        """The STREAMED keys' items, each made as it is asked for."""
        t = self.text
        return {"documents": (d.to_json() for d in self.documents),
                "removals": (r.to_json(t) for r in t.removals)}

    @classmethod
    def from_json(cls, data: dict) -> "Extraction":
        """The model back from its JSON (already validated against the schema). The text is rebuilt from the
        pieces that tile it (the issue's front matter and every provision's text) and the removals, so
        `from_json(x.to_json()).to_json() == x.to_json()`."""
        issue = Issue.from_json(data["issue"]) if data.get("issue") else None
        documents = [Document.from_json(d) for d in data.get("documents") or []]
        pieces = [(issue.start, issue.text)] if issue else []
        pieces += [(p.start, p.text) for d in documents for p in d.provisions]
        clean = "".join(t for _, t in sorted(pieces, key=lambda p: p[0]))
        removals = [Removal(r["kind"], r["span"][0], r["span"][1], r["raw"], r.get("at", 0),
                            r.get("replacement", ""), r.get("class")) for r in data.get("removals") or []]
        source_parts, pos = [], 0
        for r in sorted(removals, key=lambda r: r.start):
            source_parts.append(clean[pos:r.at])
            source_parts.append(r.raw)
            pos = r.at + len(r.replacement)
        source_parts.append(clean[pos:])
        src = data.get("source") or {}
        text = Text(source="".join(source_parts), removals=removals, path=src.get("path", "-"),
                    format=src.get("format", "text"), encoding=src.get("encoding"), newline=src.get("newline", "lf"),
                    sha256=src.get("sha256", ""), pages=[(at, label) for at, label in src.get("page_starts") or []],
                    warnings=list(data.get("warnings") or []))
        return cls(text=text, issue=issue, documents=documents)

    def provisions(self):
        for d in self.documents:
            yield from d.provisions
