"""The terminal view: unified, one `@@ clause @@` header per change, word-level marks inside lines.

It leads with the changes: a run of provisions that only changed number is one line
(`@@ 第十二条–第三十一条 renumbered +1 (20 provisions, text unchanged) @@`); lines that did not change are
printed once as context (` 三门峡市人民政府办公室`), and runs of them, like long unchanged stretches
inside a changed line, are folded (`…`); a number that changed is marked whole (`[-100-]` `{+120+}`).

Without colour (a pipe, a file, --color never) changed words are marked like `git diff --word-diff`:
`[-deleted-]` and `{+inserted+}`; on a terminal they are coloured instead.
"""
from __future__ import annotations

import difflib

from .model import Change, DiffResult, describe_link
from .text import key
from .view import RenumberRun, fold, group_renumbered, matched_by, plain, side_lines, whole_numbers

RESET = "\x1b[0m"
STYLE = {"head": "\x1b[1m", "hunk": "\x1b[36m", "old": "\x1b[31m", "new": "\x1b[32m",
         "del": "\x1b[1;41;97m", "ins": "\x1b[1;42;97m", "value": "\x1b[33m", "dim": "\x1b[2m"}
CONTEXT_LINES = 1  # unchanged lines shown next to a changed one; more are folded into one line


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
    for dd in result.documents:
        for item in group_renumbered(dd.changes):
            if isinstance(item, RenumberRun):
                out.append(paint("hunk", f"@@ {item.summary()} @@"))
            elif item.level == "document":
                out.extend(_document(item, paint))
            else:
                out.extend(_provision(item, paint))
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
        head += f" ({matched_by(c.extra['matched_by'])})"
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
        out.extend(_changed_lines(whole_numbers(c.diff), paint))
    elif c.moved:
        out.extend(paint("dim", f" {line}") for line in (c.new_text or "").split("\n"))
    out.extend(paint("value", f"  {v['summary']}") for v in c.values)
    return out


def _changed_lines(segments: list[dict], paint: _Paint) -> list[str]:
    """Unchanged lines once, as context (folded when many); changed ones as '-' and '+' lines."""
    old, new = side_lines(segments, "old"), side_lines(segments, "new")
    ops = difflib.SequenceMatcher(None, [key(plain(l)) for l in old], [key(plain(l)) for l in new],
                                  autojunk=False).get_opcodes()
    out: list[str] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            lines = new[j1:j2]
            head = CONTEXT_LINES if n > 0 else 0
            tail = CONTEXT_LINES if n < len(ops) - 1 else 0
            if len(lines) > head + tail + 1:
                shown = lines[:head] + [None] + (lines[len(lines) - tail:] if tail else [])
            else:
                shown = lines
            for line in shown:
                if line is None:
                    hidden = len(lines) - head - tail
                    out.append(paint("dim", f" ⋯ {hidden} unchanged line{'s' if hidden != 1 else ''}"))
                else:
                    out.append(paint("dim", " " + plain(fold(line))))
            continue
        out.extend(paint("old", "-") + _marked(line, paint.deleted) for line in old[i1:i2])
        out.extend(paint("new", "+") + _marked(line, paint.inserted) for line in new[j1:j2])
    return out


def _marked(line: list[tuple[bool, str]], mark) -> str:
    return "".join(mark(text) if changed else text for changed, text in fold(line))
