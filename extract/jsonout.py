"""JSON written piece by piece: the bytes of `json.dumps(obj, ensure_ascii=False, indent=indent)`, but the
object's long lists (an extraction's documents and removals, a document's provisions) come from iterators
and are encoded one item at a time, so that neither the whole output string nor the whole dictionary tree
is ever in memory.

Why: a 50 MB input has 300,000 provisions, one document 26,000 of them; their JSON dictionaries alone took
more memory than the model they were made from (RELIABILITY.md, bounded memory).
"""
from __future__ import annotations

import json
from typing import Callable, Iterable, TextIO


class Streamed:
    """A dictionary to write: `head` in its key order, where each key of `streams` (a key of `head`, whose
    value there is ignored) gets the items of its iterator as a list. An item may be a Streamed itself.

    `checks[None](head)` runs before anything of it is written, `checks[key](item, n)` on each streamed
    item before that item is written (schema checks that may raise)."""

    __slots__ = ("head", "streams", "checks")

    def __init__(self, head: dict, streams: dict[str, Iterable], checks: dict[str | None, Callable] | None = None):
        self.head, self.streams, self.checks = head, streams, checks or {}


def write_streamed(fh: TextIO, obj: Streamed, indent: int | None = None) -> None:
    _write(fh, obj, indent, 0)


def _write(fh: TextIO, obj: Streamed, indent: int | None, level: int) -> None:
    """`obj` as json.dumps writes a value nested `level` deep (indentation of its inner lines)."""
    if None in obj.checks:
        obj.checks[None](obj.head)
    if not obj.head:
        fh.write("{}")
        return
    if indent is None:
        item_sep, nl, inner, deeper = ", ", "", "", ""
    else:
        pad = " " * indent if isinstance(indent, int) else str(indent)
        item_sep, nl, inner, deeper = ",", "\n" + pad * level, "\n" + pad * (level + 1), "\n" + pad * (level + 2)
    fh.write("{")
    for n, (key, value) in enumerate(obj.head.items()):
        fh.write((item_sep if n else "") + inner + json.dumps(key, ensure_ascii=False) + ": ")
        if key not in obj.streams:
            text = json.dumps(value, ensure_ascii=False, indent=indent)
            fh.write(text.replace("\n", inner) if inner else text)
            continue
        test = obj.checks.get(key)
        wrote = False
        for k, item in enumerate(obj.streams[key]):
            if test is not None:
                test(item, k)
            fh.write(("[" if not wrote else item_sep) + deeper)
            wrote = True
            if isinstance(item, Streamed):
                _write(fh, item, indent, level + 2)
                continue
            text = json.dumps(item, ensure_ascii=False, indent=indent)
            fh.write(text.replace("\n", deeper) if deeper else text)
        fh.write(inner + "]" if wrote else "[]")
    fh.write(nl + "}")
