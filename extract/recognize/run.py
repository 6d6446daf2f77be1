"""Run the recognisers over every provision of an Extraction and set the documents' effective/expires dates.

`annotate(extraction)` is what the pipeline calls. After it, every provision has `units`, `thresholds`,
`deadlines` and `citations` in the contract's form (spans in the clean text: provision start + offset), and
every document its `effective` and `expires` (from the deadlines of kind effective/expires, 自发布之日起施行
resolving to the document's date). Units named by a scope rule (以下均含…，不再逐一列出) apply to the
provision that states the rule and to every later provision of the same document (but its closing), with
`inherited: true`; their span is where the rule names them.
`recognize(text, ...)` is the one entry point shared with the spaCy components (extract.nlp).
"""
from __future__ import annotations

import re

from .citations import find_citations
from .dates import find_deadlines
from .found import Found
from .quantities import find_thresholds
from .units import find_units

NO_SCOPE_LEVELS = ("closing",)  # a signature block carries no responsibilities
FIELDS = {"UNIT": "units", "THRESHOLD": "thresholds", "DEADLINE": "deadlines", "CITATION": "citations"}
_PLACE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,4}?)(?:省|市|县|自治州|自治区|地区|盟)")


def recognize(text: str, *, doc_date: str | None = None, place: str | None = None) -> list[Found]:
    """All values in `text`, in order. Citations and deadlines win over thresholds they overlap."""
    citations = find_citations(text)
    deadlines = find_deadlines(text, doc_date=doc_date)
    units = find_units(text, place=place)
    blockers = citations + deadlines
    thresholds = [t for t in find_thresholds(text) if not any(t.overlaps(b) for b in blockers)]
    return sorted(citations + deadlines + units + thresholds, key=lambda f: (f.start, f.end, f.label))


def place_of(document) -> str | None:
    """三门峡 for a document issued by 三门峡市人民政府 (names starting with it are complete)."""
    for s in (document.issuer, document.title):
        m = _PLACE.match(s or "")
        if m:
            return m.group("place")
    return None


def annotate(extraction, done=None) -> None:
    """Recognise the values of every document; `done()` is called after each provision (for progress)."""
    for document in extraction.documents:
        annotate_document(document, done)


def annotate_document(document, done=None) -> None:
    place = place_of(document)
    scope_units: list[tuple[Found, int]] = []  # (unit, offset of the provision that named it)
    effective: list[str | None] = []
    expires: list[str | None] = []
    for p in document.provisions:
        found = recognize(p.text, doc_date=document.date, place=place)
        values: dict[str, list[dict]] = {field: [] for field in FIELDS.values()}
        for f in found:
            if f.label == "CITATION" and p.level == "preamble" and f.data["title"] is None \
                    and f.data["doc_number"] == document.doc_number:
                continue  # the document's own 文号 under its title
            if f.scope == "later":
                scope_units.append((f, p.start))  # applies from this provision on, as inherited
                continue
            values[FIELDS[f.label]].append(f.to_json(p.start))
            if f.label == "DEADLINE" and f.data["kind"] == "effective":
                effective.append(f.data["date"])
            elif f.label == "DEADLINE" and f.data["kind"] == "expires" and f.data["date"]:
                expires.append(f.data["date"])
        if scope_units and p.level not in NO_SCOPE_LEVELS:
            own = values["units"]
            names = {u["name"] for u in own}
            for unit, offset in scope_units:
                if unit.data["name"] not in names:
                    own.append(dict(unit.to_json(offset), inherited=True))
                    names.add(unit.data["name"])
        p.units, p.thresholds = values["units"], values["thresholds"]
        p.deadlines, p.citations = values["deadlines"], values["citations"]
        if done is not None:
            done()
    dated = [d for d in effective if d]
    document.effective = dated[0] if dated else None
    document.expires = expires[0] if expires else None
