"""Word-level changes inside a modified provision: jieba tokens, compared by their folded form.

Tokens are compared on `text.key` (NFKC, no white space), so `(一)` and `（一）` or `50 元` and `50元`
do not count as changes, while the segments handed back keep the characters as printed. The tokens are
jieba's, cut by `wordcut` from only the dictionary entries the changed stretches need (jieba itself,
imported and initialised, costs more than a second per process: see wordcut.py).
"""
from __future__ import annotations

import difflib
import re

from .text import key


def tokens(s: str) -> list[str]:
    """jieba tokens with white-space-only tokens glued to the token before them (nothing is dropped)."""
    from .wordcut import lcut

    out: list[str] = []
    for tok in lcut(s):
        if out and not tok.strip():
            out[-1] += tok
        else:
            out.append(tok)
    return out


# jieba never puts a character outside this class inside a token: it cuts the text at them first
_WORD = "\u4E00-\u9FD5a-zA-Z0-9+#&._%\\-"
_CHUNK = re.compile(f"[{_WORD}]+|[^{_WORD}]+")
_WORD_RE = re.compile(f"[{_WORD}]")


def word_diff(old: str, new: str) -> list[dict]:
    """Segments [{"op": "equal|delete|insert", "text"}] turning `old` into `new`, word by word.

    An `equal` segment whose old spelling differs (width, spacing) also carries it as "old".
    First the runs between punctuation marks are compared (jieba cuts there too, so this changes no
    token) and only the stretches that differ are tokenised; a stretch of bare punctuation between two
    changes is not taken as common ground.
    """
    if old == new:
        return [{"op": "equal", "text": old}] if old else []
    out: list[dict] = []
    ca, cb = _CHUNK.findall(old), _CHUNK.findall(new)
    pending = ["", ""]
    for tag, i1, i2, j1, j2 in _anchored(ca, cb):
        if tag == "equal":
            _words(pending[0], pending[1], out)
            pending = ["", ""]
            _emit(out, "equal", "".join(cb[j1:j2]), "".join(ca[i1:i2]))
        else:
            pending[0] += "".join(ca[i1:i2])
            pending[1] += "".join(cb[j1:j2])
    _words(pending[0], pending[1], out)
    return _regroup(out)


def _emit(out: list[dict], op: str, text: str, old: str | None = None) -> None:
    if not text:
        return
    old = text if old is None else old
    if out and out[-1]["op"] == op:
        last = out[-1]
        if "old" in last or old != text:
            last["old"] = last.get("old", last["text"]) + old
        last["text"] += text
    else:
        out.append({"op": op, "text": text} | ({"old": old} if old != text else {}))


def _opcodes(a: list[str], b: list[str]):
    ka, kb = [key(t) or t for t in a], [key(t) or t for t in b]
    return difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes()


def _anchored(a: list[str], b: list[str]):
    """Chunk opcodes where an `equal` run of punctuation only, between changes, counts as changed."""
    ops = _opcodes(a, b)
    out = []
    for k, op in enumerate(ops):
        tag, i1, i2, j1, j2 = op
        inner = 0 < k < len(ops) - 1
        if tag == "equal" and inner and not any(_WORD_RE.search(c) for c in a[i1:i2]):
            tag = "replace"
        out.append((tag, i1, i2, j1, j2))
    return out


def _words(old: str, new: str, out: list[dict]) -> None:
    if not old and not new:
        return
    a, b = (tokens(old) if old else []), (tokens(new) if new else [])
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            _emit(out, "equal", "".join(b[j1:j2]), "".join(a[i1:i2]))
        else:
            _emit(out, "delete", "".join(a[i1:i2]))
            _emit(out, "insert", "".join(b[j1:j2]))


def _regroup(segments: list[dict]) -> list[dict]:
    """Put each run of deletions before the insertions of the same run (delete, insert, equal, ...)."""
    out: list[dict] = []
    run: dict[str, str] = {}
    for seg in segments + [{"op": "equal", "text": ""}]:
        if seg["op"] == "equal":
            for op in ("delete", "insert"):
                if run.get(op):
                    _emit(out, op, run[op])
            run = {}
            if seg["text"]:
                _emit(out, "equal", seg["text"], seg.get("old"))
        else:
            run[seg["op"]] = run.get(seg["op"], "") + seg["text"]
    return out


def old_side(segments: list[dict]) -> str:
    return "".join(s.get("old", s["text"]) for s in segments if s["op"] != "insert")


def new_side(segments: list[dict]) -> str:
    return "".join(s["text"] for s in segments if s["op"] != "delete")
