"""Rules and findings as data: each rule has a stable GZ### code, a severity and its documentation.

A rule is a function `(ctx) -> iterable of Finding` registered with `@rule(...)`. Its documentation
(What / Why / Example / Use instead) lives beside it, so `gazette check --explain CODE` and
docs/rules.md say the same thing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)
DOC_SECTIONS = ("What", "Why", "Example", "Use instead")


@dataclass
class Finding:
    """One problem found: where (clean-text span, document, provision) and what (code, message)."""

    code: str
    message: str
    start: int  # offset in the clean text
    end: int | None = None
    document_id: str | None = None
    provision_id: str | None = None
    severity: str | None = None  # filled from the rule when None
    source_span: tuple[int, int] | None = None  # for removals: where in the source (the clean text lost it)
    # filled by the runner
    line: int | None = None
    column: int | None = None
    page: str | None = None
    path: str | None = None

    def to_json(self) -> dict:
        out = {"code": self.code, "severity": self.severity, "message": self.message, "line": self.line,
               "column": self.column, "span": [self.start, self.end if self.end is not None else self.start],
               "document_id": self.document_id, "provision_id": self.provision_id}
        if self.path is not None:
            out["path"] = self.path
        if self.page is not None:
            out["page"] = self.page
        if self.source_span is not None:
            out["source_span"] = list(self.source_span)
        return out


@dataclass(frozen=True)
class Rule:
    code: str
    name: str  # kebab-case, e.g. 'numbering-gap'
    family: str  # numbering, toc, doc-number, dates, counts, tables, text, units
    severity: str
    summary: str  # one line
    what: str
    why: str
    example: str  # the wrong form
    instead: str  # the right form
    fn: Callable[..., Iterable[Finding]] = field(compare=False, repr=False, default=None)
    needs: str | None = None  # 'units' when the rule works from recognised values; 'database' for --against

    def explain(self) -> str:
        return (f"{self.code} {self.name} ({self.severity}): {self.summary}\n\n"
                f"What\n    {self.what}\n\nWhy\n    {self.why}\n\n"
                f"Example\n    {self.example}\n\nUse instead\n    {self.instead}\n\n"
                f"Silence it with --ignore {self.code}.")


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, family: str, severity: str, summary: str, *, what: str, why: str,
         example: str, instead: str, needs: str | None = None):
    """Register the decorated function as the rule `code`."""
    if severity not in SEVERITIES:
        raise ValueError(f"{code}: unknown severity {severity}")

    def deco(fn):
        if code in RULES:
            raise ValueError(f"rule code {code} registered twice")
        RULES[code] = Rule(code, name, family, severity, summary, what, why, example, instead, fn, needs)
        return fn

    return deco


def load_rules() -> dict[str, Rule]:
    """Import every rule module (registration happens at import) and return the registry by code."""
    from . import (counts, dates, docnumber, history, numbering, places, punctuation, residue, script, tables,  # noqa: F401
                   toc, units)

    return dict(sorted(RULES.items()))


def matching(codes: Iterable[str], patterns: Iterable[str]) -> set[str]:
    """Codes selected by codes or prefixes ('GZ1', 'GZ70', 'GZ701'); an unknown pattern raises ValueError."""
    codes = list(codes)
    out: set[str] = set()
    for pat in patterns:
        p = pat.strip().upper()
        if not p:
            continue
        hit = {c for c in codes if c.startswith(p)}
        if not hit:
            raise ValueError(pat)
        out |= hit
    return out
