"""What a rule sees: the Extraction, its Text, the word lists, and helpers to place a finding.

Rules read the model (documents, provisions, removals); the text rules walk the clean text of each
document line by line through `lines()`, which also says where a line's numbering label ends so that
labels are judged by the numbering rules only.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from .gazetteers import Places, Units, extra_place_paths, load_places, load_units, load_variants
from .registry import Finding


@dataclass(frozen=True)
class CheckOptions:
    """Settings of a check run (frozen: a misspelt option is an error, not silently ignored)."""

    places: tuple[str, ...] = ()  # extra place files or directories
    units: tuple[str, ...] = ()  # extra unit-name files or directories
    against: str | None = None  # a clause database (gazette db build) for the cross-issue rules (GZ9xx)


@dataclass
class Line:
    start: int  # clean offset
    text: str
    provision: object  # the Provision the line belongs to
    label_end: int = 0  # offset in `text` after the numbering label (0 if none)


class Context:
    def __init__(self, extraction, options: CheckOptions = CheckOptions()):
        self.x = extraction
        self.text = extraction.text
        self.clean = extraction.text.clean
        self.issue = extraction.issue
        self.documents = sorted(extraction.documents, key=lambda d: d.start)
        self.options = options
        self._doc_starts = [d.start for d in self.documents]
        self._prov: dict[str, tuple[list[int], list]] = {}
        self._lines: dict[str, list] = {}
        self.cache: dict = {}  # per-run results shared by rules of one family (keyed by the family)

    # -- word lists ---------------------------------------------------------------------------
    @cached_property
    def places(self) -> Places:
        return load_places(tuple(self.options.places) + extra_place_paths())

    @cached_property
    def units(self) -> Units:
        return load_units(tuple(self.options.units))

    @cached_property
    def variants(self) -> dict[str, str]:
        return load_variants()

    # -- where things are ---------------------------------------------------------------------
    def document_at(self, offset: int):
        i = bisect.bisect_right(self._doc_starts, offset) - 1
        if i < 0:
            return None
        d = self.documents[i]
        return d if offset < d.end or i == len(self.documents) - 1 else None

    def provision_at(self, doc, offset: int):
        if doc is None or not doc.provisions:
            return None
        if doc.id not in self._prov:
            provs = sorted(doc.provisions, key=lambda p: p.start)
            self._prov[doc.id] = ([p.start for p in provs], provs)
        starts, provs = self._prov[doc.id]
        i = bisect.bisect_right(starts, offset) - 1
        return provs[i] if i >= 0 else None

    def finding(self, code: str, message: str, start: int, end: int | None = None, *, doc=None,
                provision=None, severity: str | None = None, source_span=None) -> Finding:
        if doc is None:
            doc = self.document_at(start)
        if provision is None and doc is not None:
            provision = self.provision_at(doc, start)
        return Finding(code, message, start, end if end is not None else start,
                       document_id=doc.id if doc is not None else None,
                       provision_id=provision.id if provision is not None else None,
                       severity=severity, source_span=source_span)

    # -- walking the text ---------------------------------------------------------------------
    def lines(self, doc) -> list[Line]:
        """Every non-blank line of a document's provisions, with the provision and its label's end."""
        if doc.id not in self._lines:
            self._lines[doc.id] = list(self._make_lines(doc))
        return self._lines[doc.id]

    def by_id(self, doc) -> dict:
        key = ("by_id", doc.id)
        if key not in self.cache:
            self.cache[key] = {p.id: p for p in doc.provisions}
        return self.cache[key]

    def _make_lines(self, doc):
        for p in sorted(doc.provisions, key=lambda p: p.start):
            text = self.clean[p.start:p.end]
            pos = p.start
            first = True
            for raw in text.split("\n"):
                if raw.strip(" \t\u3000"):
                    label_end = 0
                    if first and p.label:
                        lead = len(raw) - len(raw.lstrip(" \t\u3000"))
                        if raw[lead:lead + len(p.label)] == p.label:
                            label_end = lead + len(p.label)
                    first = False
                    yield Line(pos, raw, p, label_end)
                pos += len(raw) + 1

    def all_lines(self):
        for d in self.documents:
            for line in self.lines(d):
                yield d, line

    def region(self, doc):
        """The place a document comes from: the longest place name its issuer or title starts with."""
        for s in (doc.issuer, doc.signature, doc.title):
            if s:
                name = self.places.longest_prefix(s)
                if name:
                    return self.places.by_name[name]
        return None


CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")
