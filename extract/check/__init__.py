"""`gazette check`: the consistency checks a gazette editor runs before an issue prints.

    from extract import parse
    from extract.check import check
    for f in check(parse("issue.md")):
        print(f.line, f.code, f.message)

Rules live one family per module (numbering, toc, docnumber, dates, counts, tables, script, places,
residue, punctuation, units), each registered with a stable GZ### code (registry.py); `runner.run`
applies the selected ones to an Extraction.
"""
from __future__ import annotations

SCHEMA_ID = "gazette-check/1"


def check(extraction, select=(), ignore=(), **options):
    """Findings (extract.check.registry.Finding) of the selected rules on one Extraction, in reading order."""
    from .context import CheckOptions
    from .runner import run

    return run(extraction, select=select, ignore=ignore, options=CheckOptions(**options))


def rules():
    """All rules by code."""
    from .registry import load_rules

    return load_rules()
