"""The terminal view: unified, one `@@ clause @@` header per change, word-level marks inside lines.

Without colour (a pipe, a file, --color never) changed words are marked like `git diff --word-diff`:
`[-deleted-]` and `{+inserted+}`; on a terminal they are coloured instead.
"""
from __future__ import annotations

from .model import Change, DiffResult, describe_link

RESET = "\x1b[0m"
STYLE = {"head": "\x1b[1m", "hunk": "\x1b[36m", "old": "\x1b[31m", "new": "\x1b[32m",
         "del": "\x1b[1;41;97m", "ins": "\x1b[1;42;97m", "value": "\x1b[33m", "dim": "\x1b[2m"}


class _Paint:
    def __init__(self, color: bool):
        self.color = color

    def __call__(self, style: str, s: str) -> str:
        return f"{STYLE[style]}{s}{RESET}" if self.color and s else s

    def deleted(self, s: str) -> str:
        return self("del", s) if self.color else f"[-{s}-]"

    def inserted(self, s: str) -> str:
        return self("ins", s) if self.color else f"{{+{s}+}}"


def render(result: DiffResult, color: bool = False) -> str:
    paint = _Paint(color)
    out = [paint("head", f"--- {_side(result.old)}"), paint("head", f"+++ {_side(result.new)}")]
    for c in result.changes:
        out.extend(_document(c, paint) if c.level == "document" else _provision(c, paint))
    counts = result.counts()
    if result.same:
        out.append("no differences")
    else:
        parts = [f"{n} {k}" for k, n in counts["provisions"].items() if n]
        docs = [f"{n} {k}" for k, n in counts["documents"].items() if n]
        out.append(paint("dim", "provisions: " + (", ".join(parts) or "none")
                         + ("; documents: " + ", ".join(docs) if docs else "")))
    return "\n".join(out) + "\n"


def _side(meta: dict) -> str:
    title = meta.get("title")
    return f"{meta.get('path')}" + (f"  ({title})" if title else "")


def _document(c: Change, paint: _Paint) -> list[str]:
    name = c.where
    head = f"=== document {name}: {c.kind}"
    if c.extra.get("matched_by") in ("title", "pinned"):
        head += f" (matched by {c.extra['matched_by']})"
    out = [paint("head", head)]
    if c.kind == "added":
        out.append(paint("new", f"+ {c.new_text or c.new_id}"))
    elif c.kind == "removed":
        out.append(paint("old", f"- {c.old_text or c.old_id}"))
    for m in c.extra.get("metadata", []):
        out.append(paint("value", f"  {m['field']}: {m['old']} → {m['new']}"))
    for v in c.values:
        out.append(paint("value", f"  {v['summary']}"))
    for lk in c.extra.get("links", []):
        out.append(paint("value", f"  {describe_link(lk)}"))
    return out


def _provision(c: Change, paint: _Paint) -> list[str]:
    flags = [f for f in ("renumbered", "moved") if getattr(c, f) and c.kind != f]
    if c.relation in ("split", "merge"):
        flags.append(f"{c.relation} piece")
    head = f"@@ {c.where} {c.kind}" + (f" ({', '.join(flags)})" if flags else "") + " @@"
    out = [paint("hunk", head)]
    if c.kind == "added":
        out.extend(paint("new", f"+{line}") for line in (c.new_text or "").split("\n"))
    elif c.kind == "removed":
        out.extend(paint("old", f"-{line}") for line in (c.old_text or "").split("\n"))
    elif c.text_changed:
        out.extend(_lines(c.diff, "old", paint))
        out.extend(_lines(c.diff, "new", paint))
    elif c.moved:
        out.extend(paint("dim", f" {line}") for line in (c.new_text or "").split("\n"))
    out.extend(paint("value", f"  {v['summary']}") for v in c.values)
    return out


def _lines(segments: list[dict], side: str, paint: _Paint) -> list[str]:
    """One side of a word diff as '-' or '+' lines, the changed words marked."""
    skip, mark = ("insert", paint.deleted) if side == "old" else ("delete", paint.inserted)
    text = ""
    for s in segments:
        if s["op"] == skip:
            continue
        if s["op"] == "equal":
            text += s.get("old", s["text"]) if side == "old" else s["text"]
        else:
            text += "\n".join(mark(part) if part else "" for part in s["text"].split("\n"))
    sign = "-" if side == "old" else "+"
    return [paint(side, sign) + line for line in text.strip("\n").split("\n")]
