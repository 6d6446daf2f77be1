"""Brackets in every width official texts print them, and the clause a bracketed list belongs to."""
from __future__ import annotations

BRACKETS_OPEN = "〔［\\[【（(｛{"
BRACKETS_CLOSE = "〕］\\]】）)｝}"
OPENERS = "（(〔［[【｛{"
CLOSERS = "）)〕］]】｝}"


def clause_start(text: str, end: int, boundaries: str, openers: str, closers: str) -> int:
    """Where the clause ending at `end` starts: back to a boundary character outside brackets, or to an
    unmatched opening bracket (the clause then starts inside it)."""
    depth = 0
    i = end - 1
    while i >= 0:
        ch = text[i]
        if ch in closers:
            depth += 1
        elif ch in openers:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ch in boundaries:
            break
        i -= 1
    return i + 1
