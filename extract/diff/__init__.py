"""`gazette diff`: what changed between two issues or two versions of a policy, down to the value.

    from extract.diff import diff
    result = diff("old.md", "new.md", matches=["ch1/art5=ch1/art7"])
    result.same, result.changes, result.to_json()

Inputs are anything `gazette extract` reads, extraction JSON, or `Extraction` objects. The stages:
`load` (inputs to Sides) → `documents` (match documents by 文号, then title and content; link notices
that amend, repeal or extend) → `align` (provisions, for the whole document at once) → `engine`
(typed changes, `words` for word-level diffs, `values` for thresholds, deadlines, units, citations)
→ `render_text` / `render_html` / `DiffResult.to_json()`.
"""
from __future__ import annotations


def diff(old, new, matches=(), *, values: bool = True, recognize: bool = True, **settings):
    """Compare two inputs; `matches` are pins ('OLD_ID=NEW_ID' strings or JSON files of them)."""
    from .align import Settings
    from .engine import compare
    from .load import load
    from .pins import parse_pins

    return compare(load(old, recognize=recognize), load(new, recognize=recognize), parse_pins(matches),
                   Settings(**settings), values=values)
