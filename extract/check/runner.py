"""Runs the selected rules over one Extraction and returns its findings, placed and in reading order."""
from __future__ import annotations

from .context import CheckOptions, Context
from .registry import Finding, load_rules, matching


def selected_codes(select=(), ignore=()) -> list[str]:
    """Codes to run: all, or those matching `select`, minus those matching `ignore` (codes or prefixes).

    Raises ValueError with the offending pattern when a pattern matches no rule."""
    rules = load_rules()
    codes = set(rules)
    if select:
        codes = matching(rules, select)
    if ignore:
        codes -= matching(rules, ignore)
    return sorted(codes)


def run(extraction, select=(), ignore=(), options: CheckOptions = CheckOptions()) -> list[Finding]:
    rules = load_rules()
    ctx = Context(extraction, options)
    findings: list[Finding] = []
    for code in selected_codes(select, ignore):
        r = rules[code]
        for f in r.fn(ctx) or ():
            if f.severity is None:
                f.severity = r.severity
            findings.append(f)
    text = extraction.text
    for f in findings:
        if f.source_span is not None:
            f.line, f.column = text.source_line_col(f.source_span[0])
        else:
            f.line, f.column = text.line_col(min(f.start, max(len(text.clean) - 1, 0)))
        f.page = text.page(f.start) if text.pages else None
        f.path = text.path
    unique: dict[tuple, Finding] = {}
    for f in findings:
        unique.setdefault((f.code, f.start, f.end, f.source_span, f.message), f)
    return sorted(unique.values(), key=lambda f: (f.line or 0, f.column or 0, f.code))
