"""The recognised values as typed, frozen classes: Unit, Threshold, Deadline (with Duration), Citation.

Why classes and not dicts: consumers (diff, check, db, render, eval) read `t.value`, `d.kind`, `u.name`,
and the JSON form is defined once, here, by `to_json()`/`from_json()`; the schema
(`schemas/gazette-extract.schema.json`) is closed over exactly these fields. Every value has `raw` (the
exact text), `span` (offsets into the normalised text) and `page` (the printed page label, for paged
inputs). Numbers are exact: `int` or `Decimal`, never float; a ratio is its printed string (`"1:0.5:0.5"`).

`VALUE_CLASSES` maps each provision field to its class, in the order the JSON lists them.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Context, Decimal
from typing import Any, ClassVar


def exact_json(value: Any) -> Any:
    """A Decimal as the contract writes it: an int when integral, else its exact decimal string."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        # every digit, however many (normalize() alone rounds to the context's 28 digits)
        return format(value.normalize(Context(prec=len(value.as_tuple().digits) + 2)), "f")
    return value


def exact_from_json(value: Any) -> int | Decimal | str | None:
    """The inverse of exact_json: '18.53' -> Decimal('18.53'); ints stay ints; a ratio stays a string."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, str) and ":" not in value:
        try:
            d = Decimal(value)
        except ArithmeticError:
            return value
        return int(d) if d == d.to_integral_value() and "." not in value else d
    return value


@dataclass(frozen=True, kw_only=True)
class Value:
    raw: str
    span: tuple[int, int]
    page: str | None = None

    FIELD: ClassVar[str] = ""
    LABEL: ClassVar[str] = ""  # the spaCy span label

    def shifted(self, offset: int) -> "Value":
        return replace(self, span=(self.span[0] + offset, self.span[1] + offset))

    def _tail(self) -> dict:
        out = {"raw": self.raw, "span": [self.span[0], self.span[1]]}
        if self.page is not None:
            out["page"] = self.page
        return out

    @staticmethod
    def _common(d: dict) -> dict:
        span = d.get("span") or (0, 0)
        return {"raw": d.get("raw") or "", "span": (int(span[0]), int(span[1])), "page": d.get("page")}


@dataclass(frozen=True, kw_only=True)
class Unit(Value):
    """A responsible or competent body: `name` canonical (市财政局), `role` (responsible, lead, support,
    competent …), `inherited` when it applies through a scope rule (以下均含…，不再逐一列出)."""

    name: str
    role: str | None = None
    inherited: bool = False
    FIELD: ClassVar[str] = "units"
    LABEL: ClassVar[str] = "UNIT"

    def to_json(self) -> dict:
        return {"name": self.name, "role": self.role, "inherited": self.inherited, **self._tail()}

    @classmethod
    def from_json(cls, d: dict) -> "Unit":
        return cls(name=d["name"], role=d.get("role"), inherited=bool(d.get("inherited")), **cls._common(d))


@dataclass(frozen=True, kw_only=True)
class Threshold(Value):
    """A bound: `value` in the unit's base (3万元 -> 30000 CNY), `comparator` eq/le/lt/ge/gt/range/approx;
    for a range `value` is None and `min`/`max` bound it; `per` the thing it is counted per (每人)."""

    value: int | Decimal | str | None
    unit: str
    comparator: str
    subject: str | None = None
    min: int | Decimal | None = None
    max: int | Decimal | None = None
    per: str | None = None
    FIELD: ClassVar[str] = "thresholds"
    LABEL: ClassVar[str] = "THRESHOLD"

    def to_json(self) -> dict:
        out = {"value": exact_json(self.value), "unit": self.unit, "comparator": self.comparator,
               "subject": self.subject}
        if self.comparator == "range" or self.min is not None or self.max is not None:
            out["min"], out["max"] = exact_json(self.min), exact_json(self.max)
        if self.per is not None:
            out["per"] = self.per
        return {**out, **self._tail()}

    @classmethod
    def from_json(cls, d: dict) -> "Threshold":
        value = d.get("value")
        value = value if d.get("unit") == "ratio" else exact_from_json(value)
        return cls(value=value, unit=d["unit"], comparator=d["comparator"], subject=d.get("subject"),
                   min=exact_from_json(d.get("min")), max=exact_from_json(d.get("max")), per=d.get("per"),
                   **cls._common(d))


@dataclass(frozen=True, kw_only=True)
class Duration:
    """A relative period: 6个月 -> Duration(6, 'month')."""

    value: int | Decimal
    unit: str

    def to_json(self) -> dict:
        return {"value": exact_json(self.value), "unit": self.unit}

    @classmethod
    def from_json(cls, d: dict) -> "Duration":
        return cls(value=exact_from_json(d["value"]), unit=d["unit"])


@dataclass(frozen=True, kw_only=True)
class Deadline(Value):
    """A date that bounds an action or the document: `kind` until/by/from/effective/expires/on/recurring/
    within; `date` ISO (reduced precision allowed) or None for relative (`duration`) and recurring ones
    (`recurrence` monthly/yearly with `month`/`day`)."""

    date: str | None
    kind: str
    duration: Duration | None = None
    recurrence: str | None = None
    month: int | None = None
    day: int | None = None
    FIELD: ClassVar[str] = "deadlines"
    LABEL: ClassVar[str] = "DEADLINE"

    def to_json(self) -> dict:
        out: dict = {"date": self.date, "kind": self.kind}
        if self.duration is not None:
            out["duration"] = self.duration.to_json()
        if self.recurrence is not None:
            out["recurrence"] = self.recurrence
        if self.month is not None:
            out["month"] = self.month
        if self.day is not None:
            out["day"] = self.day
        return {**out, **self._tail()}

    @classmethod
    def from_json(cls, d: dict) -> "Deadline":
        duration = d.get("duration")
        return cls(date=d.get("date"), kind=d["kind"],
                   duration=Duration.from_json(duration) if isinstance(duration, dict) else None,
                   recurrence=d.get("recurrence"), month=d.get("month"), day=d.get("day"), **cls._common(d))


@dataclass(frozen=True, kw_only=True)
class Citation(Value):
    """A cited document: its 《title》 and/or 文号 (normalised to 〔〕)."""

    title: str | None = None
    doc_number: str | None = None
    FIELD: ClassVar[str] = "citations"
    LABEL: ClassVar[str] = "CITATION"

    def to_json(self) -> dict:
        return {"title": self.title, "doc_number": self.doc_number, **self._tail()}

    @classmethod
    def from_json(cls, d: dict) -> "Citation":
        return cls(title=d.get("title"), doc_number=d.get("doc_number"), **cls._common(d))


RELATION_RANK = {"repeals": 0, "extends": 1, "amends": 2}  # the strongest first


@dataclass(frozen=True, kw_only=True)
class Relation(Value):
    """What a sentence does to a document it cites: `relation` repeals / extends / amends, and the cited
    document's `doc_number` and/or `title` (span and raw are the citation's)."""

    relation: str
    title: str | None = None
    doc_number: str | None = None
    FIELD: ClassVar[str] = "relations"
    LABEL: ClassVar[str] = "RELATION"

    def to_json(self) -> dict:
        return {"relation": self.relation, "title": self.title, "doc_number": self.doc_number, **self._tail()}

    @classmethod
    def from_json(cls, d: dict) -> "Relation":
        return cls(relation=d["relation"], title=d.get("title"), doc_number=d.get("doc_number"), **cls._common(d))


@dataclass(frozen=True, kw_only=True)
class Attachment:
    """An attachment the document lists or prints: `label` (附件2), `title`, and the provision that holds
    it (`provision_id`, None when it is named in the 附件说明 but not printed in this file)."""

    label: str
    title: str | None = None
    provision_id: str | None = None

    def to_json(self) -> dict:
        return {"label": self.label, "title": self.title, "provision_id": self.provision_id}

    @classmethod
    def from_json(cls, d: dict) -> "Attachment":
        return cls(label=d["label"], title=d.get("title"), provision_id=d.get("provision_id"))


@dataclass(frozen=True, kw_only=True)
class Regulation:
    """The text a 印发/发布/转发 notice publishes: its title and the provision that holds it (None when
    it is not printed in this file)."""

    title: str
    provision_id: str | None = None

    def to_json(self) -> dict:
        return {"title": self.title, "provision_id": self.provision_id}

    @classmethod
    def from_json(cls, d: dict) -> "Regulation":
        return cls(title=d["title"], provision_id=d.get("provision_id"))


@dataclass(frozen=True, kw_only=True)
class TocEntry:
    """One entry of an issue's 目录: title (joined over its printed lines), page, the 【section】 it stands
    under, its span, and the document it announces (`document_id`, how it was matched and how closely)."""

    title: str
    page: int | None
    span: tuple[int, int]
    section: str | None = None
    document_id: str | None = None
    match: str | None = None  # exact | fuzzy | unmatched
    similarity: float | None = None

    def to_json(self) -> dict:
        out = {"title": self.title, "page": self.page, "section": self.section, "span": list(self.span)}
        if self.match is not None:
            out.update(document_id=self.document_id, match=self.match)
            if self.similarity is not None:
                out["similarity"] = self.similarity
        return out

    @classmethod
    def from_json(cls, d: dict) -> "TocEntry":
        span = d.get("span") or (0, 0)
        return cls(title=d["title"], page=d.get("page"), span=(span[0], span[1]), section=d.get("section"),
                   document_id=d.get("document_id"), match=d.get("match"), similarity=d.get("similarity"))


VALUE_CLASSES: dict[str, type[Value]] = {c.FIELD: c for c in (Unit, Threshold, Deadline, Citation, Relation)}
BY_LABEL: dict[str, type[Value]] = {c.LABEL: c for c in VALUE_CLASSES.values()}


def from_found(label: str, data: dict, raw: str, span: tuple[int, int], page: str | None = None) -> Value:
    """A recogniser's finding (its label and data fields) as a typed value."""
    cls = BY_LABEL[label]
    data = dict(data)
    if cls is Deadline and isinstance(data.get("duration"), dict):
        data["duration"] = Duration(**data["duration"])
    return cls(raw=raw, span=span, page=page, **data)
