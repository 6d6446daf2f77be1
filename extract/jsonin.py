"""Reading JSON that users give us (extraction JSON for validate, diff and db build; pins; golden files).

`loads` is json.loads with limits that hold on hostile input: nesting deeper than MAX_DEPTH and
integers longer than MAX_DIGITS digits are a `json.JSONDecodeError` (so every caller's existing
handler turns them into its coded error), never a RecursionError or Python's int-conversion ValueError.
Extraction JSON is at most a few levels deep and its numbers are amounts, so both limits are far above
anything real.
"""
from __future__ import annotations

import json

MAX_DEPTH = 200
MAX_DIGITS = 1000


class JSONLimitError(json.JSONDecodeError):
    def __str__(self) -> str:
        return self.msg


def _int(s: str) -> int:
    if len(s.lstrip("-")) > MAX_DIGITS:
        raise JSONLimitError(f"an integer of {len(s):,} digits (limit {MAX_DIGITS:,})", s[:20], 0)
    return int(s)


def _float_with(parse_float):
    def parse(s: str):
        if len(s) > MAX_DIGITS + 20:
            raise JSONLimitError(f"a number of {len(s):,} characters (limit {MAX_DIGITS:,})", s[:20], 0)
        return parse_float(s) if parse_float else float(s)
    return parse


def depth_at_most(obj, limit: int = MAX_DEPTH) -> bool:
    """Whether `obj` nests no deeper than `limit` (iterative: deep input cannot overflow the stack)."""
    stack = [(obj, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return True


def loads(text: str, *, parse_float=None):
    """json.loads, with deep nesting and huge integers refused as JSONDecodeError."""
    try:
        obj = json.loads(text, parse_int=_int, parse_float=_float_with(parse_float))
    except RecursionError:
        raise JSONLimitError(f"nested deeper than {MAX_DEPTH} levels", text[:20], 0) from None
    except JSONLimitError:
        raise
    except ValueError as e:
        if isinstance(e, json.JSONDecodeError):
            raise
        raise JSONLimitError(str(e), text[:20], 0) from None
    if not depth_at_most(obj):
        raise JSONLimitError(f"nested deeper than {MAX_DEPTH} levels", text[:20], 0)
    return obj
