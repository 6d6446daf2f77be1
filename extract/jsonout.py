"""JSON written piece by piece: the bytes of `json.dumps(obj, ensure_ascii=False, indent=indent)`, but the
object's long lists (an extraction's documents and removals) come from iterators and are encoded one item
at a time, so that neither the whole output string nor the whole dictionary tree is ever in memory.

Why: a 50 MB input has 300,000 provisions; their JSON dictionaries alone took more memory than the
model they were made from (RELIABILITY.md, bounded memory).
"""
from __future__ import annotations

import json
from typing import Callable, Iterable, TextIO


def _dumps(value, indent: int | None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def write_streamed(fh: TextIO, head: dict, streams: dict[str, Iterable], indent: int | None = None,
                   check: dict[str, Callable] | None = None) -> None:
    """Write `head` as json.dumps would, except that each key of `streams` (a key of `head`, in head's
    order, whose value there is ignored) gets the items of its iterator as a list.

    `check[key](item, n)` is called on each streamed item before it is encoded (a schema check that may
    raise); `check[None](head)` on the head before anything is written."""
    check = check or {}
    if None in check:
        check[None](head)
    if indent is None:
        item_sep, key_sep, nl = ", ", ": ", None
    else:
        item_sep, key_sep, nl = ",", ": ", "\n"
        pad = " " * indent if isinstance(indent, int) else str(indent)
    if not head:
        fh.write("{}")
        return
    fh.write("{")
    for n, (key, value) in enumerate(head.items()):
        if n:
            fh.write(item_sep)
        if nl:
            fh.write(nl + pad)
        fh.write(_dumps(key, None) + key_sep)
        if key not in streams:
            text = _dumps(value, indent)
            fh.write(text.replace("\n", "\n" + pad) if nl else text)
            continue
        test = check.get(key)
        wrote = False
        for k, item in enumerate(streams[key]):
            if test is not None:
                test(item, k)
            text = _dumps(item, indent)
            if nl:
                text = nl + pad * 2 + text.replace("\n", "\n" + pad * 2)
            fh.write(("[" if not wrote else item_sep) + text)
            wrote = True
        if not wrote:
            fh.write("[]")
        else:
            fh.write((nl + pad if nl else "") + "]")
    fh.write((nl if nl else "") + "}")
