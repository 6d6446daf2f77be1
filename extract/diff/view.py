"""How the diff views lead with the changes: shared by the text and HTML renderers, reading only the
DiffResult.

- `group_renumbered`: a run of provisions that only changed number by the same shift (第十二条 → 第十三条,
  第十三条 → 第十四条, …) becomes one `RenumberRun`, shown as one line: `第十二条–第三十一条 renumbered +1`.
- `whole_numbers`: a change that starts or ends inside a number takes in the whole number on both sides,
  so 100 → 120 reads as 100 → 120, never as a change of "00" into "20".
- `side_lines` / `fold`: the two sides of a word diff as lines of marked pieces, long unchanged stretches
  folded to a little context.
- `MATCHED_BY`: how a pair of documents was matched, in words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.numbering import match_label
from .model import Change
from .text import key

MATCHED_BY = {
    "doc_number": "matched by 文号",
    "title": "matched by title and content",
    "only": "the only document on each side",
    "pinned": "paired with --match",
}


def matched_by(how: str | None) -> str:
    return MATCHED_BY.get(how or "", f"matched by {how}")


@dataclass
class RenumberRun:
    """Consecutive provisions of one level whose number changed by the same shift and nothing else."""

    changes: list[Change]
    shift: int

    @property
    def first(self) -> Change:
        return self.changes[0]

    @property
    def last(self) -> Change:
        return self.changes[-1]

    @property
    def where(self) -> str:
        a = self.first.old_path or self.first.old_label or ""
        b = self.last.old_path or self.last.old_label or ""
        return f"{a}–{b}"

    @property
    def shift_text(self) -> str:
        return f"+{self.shift}" if self.shift > 0 else str(self.shift)

    def summary(self) -> str:
        """'第十二条–第三十一条 renumbered +1 (20 provisions, text unchanged)'."""
        return f"{self.where} renumbered {self.shift_text} ({len(self.changes)} provisions, text unchanged)"


def _number(label: str | None) -> int | None:
    lab = match_label(label) if label else None
    return lab.number if lab is not None and lab.sub is None else None


def _only_renumbered(c: Change) -> bool:
    return (c.kind == "renumbered" and c.level != "document" and not c.text_changed and not c.moved
            and not c.values and not c.relation)


def _parent_path(path: str | None, label: str | None) -> str | None:
    if not path or not label or not path.endswith(label):
        return None
    return path[:-len(label)]


def _step(c: Change) -> tuple | None:
    """(level, parent path, old number, shift) of a change that is only a renumbering, else None."""
    if not _only_renumbered(c):
        return None
    a, b = _number(c.old_label), _number(c.new_label)
    if a is None or b is None or a == b:
        return None
    return c.level, _parent_path(c.old_path, c.old_label), a, b - a


def group_renumbered(changes: list[Change], least: int = 2) -> list[Change | RenumberRun]:
    """The changes in order, runs of at least `least` plain renumberings each replaced by one RenumberRun."""
    out: list[Change | RenumberRun] = []
    run: list[tuple[Change, tuple]] = []

    def flush():
        if len(run) >= least:
            out.append(RenumberRun([c for c, _ in run], run[0][1][3]))
        else:
            out.extend(c for c, _ in run)
        run.clear()

    for c in changes:
        step = _step(c)
        if step is not None and run:
            level, parent, n, shift = run[-1][1]
            if step[0] == level and step[1] == parent and step[3] == shift and step[2] == n + 1:
                run.append((c, step))
                continue
        flush()
        if step is not None:
            run.append((c, step))
        else:
            out.append(c)
    flush()
    return out


# -- numbers whole ----------------------------------------------------------------------------------

_DIGITS = "0-9０-９"
_CN_DIGITS = "〇零一二三四五六七八九十百千万亿两"
_TAIL = {kind: re.compile(p) for kind, p in (
    ("arabic", rf"[{_DIGITS}](?:[{_DIGITS}.．,，]*[{_DIGITS}])?[.．]?$"),
    ("cn", rf"[{_CN_DIGITS}]+$"))}
_HEAD = {kind: re.compile(p) for kind, p in (
    ("arabic", rf"^[.．]?[{_DIGITS}](?:[{_DIGITS}.．,，]*[{_DIGITS}])?"),
    ("cn", rf"^[{_CN_DIGITS}]+"))}


def _kind(ch: str) -> str | None:
    if not ch:
        return None
    if re.match(f"[{_DIGITS}]", ch):
        return "arabic"
    if ch in _CN_DIGITS:
        return "cn"
    return None


def _pieces(segments: list[dict]) -> list[list]:
    """[op, old text, new text] for each segment (equal has both, delete only old, insert only new)."""
    out = []
    for s in segments:
        if s["op"] == "equal":
            out.append(["equal", s.get("old", s["text"]), s["text"]])
        elif s["op"] == "delete":
            out.append(["delete", s["text"], ""])
        else:
            out.append(["insert", "", s["text"]])
    return out


def _segments(pieces: list[list]) -> list[dict]:
    """Pieces back to segments: each run of changes as one delete then one insert, empty pieces dropped."""
    out: list[dict] = []
    dele, ins = "", ""

    def flush():
        nonlocal dele, ins
        if dele:
            out.append({"op": "delete", "text": dele})
        if ins:
            out.append({"op": "insert", "text": ins})
        dele, ins = "", ""

    for op, old, new in pieces:
        if op == "delete":
            dele += old
        elif op == "insert":
            ins += new
        elif old or new:
            flush()
            if out and out[-1]["op"] == "equal":
                last = out[-1]
                last["old"], last["text"] = last.get("old", last["text"]) + old, last["text"] + new
                if last["old"] == last["text"]:
                    del last["old"]
            else:
                out.append({"op": "equal", "text": new} | ({"old": old} if old != new else {}))
    flush()
    return out


def whole_numbers(segments: list[dict]) -> list[dict]:
    """The same diff with every change that cuts a number widened to the whole number on both sides."""
    pieces = _pieces(segments)
    i = 0
    while i < len(pieces):
        if pieces[i][0] == "equal":
            i += 1
            continue
        j = i
        while j < len(pieces) and pieces[j][0] != "equal":
            j += 1
        i = _widen(pieces, i, j) + 1
    return _segments(pieces)


def _widen(pieces: list[list], i: int, j: int) -> int:
    """Widen the change pieces[i:j] (deletes and inserts) over the number cut at either end; returns
    where the change ends now."""
    olds = "".join(p[1] for p in pieces[i:j])
    news = "".join(p[2] for p in pieces[i:j])
    take_old_before = take_new_before = take_old_after = take_new_after = ""
    if i > 0:
        _, eo, en = pieces[i - 1]
        for kind in ("arabic", "cn"):
            if _kind(olds[:1]) == kind or _kind(news[:1]) == kind:
                mo, mn = _TAIL[kind].search(eo), _TAIL[kind].search(en)
                if mo and mn and key(mo.group(0)) == key(mn.group(0)):
                    take_old_before, take_new_before = mo.group(0), mn.group(0)
                break
    if j < len(pieces):
        _, eo, en = pieces[j]
        for kind in ("arabic", "cn"):
            if _kind(olds[-1:]) == kind or _kind(news[-1:]) == kind:
                mo, mn = _HEAD[kind].search(eo), _HEAD[kind].search(en)
                if mo and mn and key(mo.group(0)) == key(mn.group(0)):
                    take_old_after, take_new_after = mo.group(0), mn.group(0)
                break
    if not (take_old_before or take_old_after):
        return j
    if take_old_before:
        p = pieces[i - 1]
        p[1], p[2] = p[1][:len(p[1]) - len(take_old_before)], p[2][:len(p[2]) - len(take_new_before)]
    if take_old_after:
        p = pieces[j]
        p[1], p[2] = p[1][len(take_old_after):], p[2][len(take_new_after):]
    pieces[i:j] = [["delete", take_old_before + olds + take_old_after, ""],
                   ["insert", "", take_new_before + news + take_new_after]]
    return i + 2


# -- lines and folding ------------------------------------------------------------------------------

CONTEXT_CHARS = 18  # unchanged characters kept on each side of a change inside a line


def side_lines(segments: list[dict], side: str) -> list[list[tuple[bool, str]]]:
    """One side of a word diff as lines, each a list of (changed, text) pieces."""
    skip = "insert" if side == "old" else "delete"
    lines: list[list[tuple[bool, str]]] = [[]]
    for s in segments:
        if s["op"] == skip:
            continue
        text = s.get("old", s["text"]) if side == "old" and s["op"] == "equal" else s["text"]
        changed = s["op"] != "equal"
        for k, part in enumerate(text.split("\n")):
            if k:
                lines.append([])
            if part:
                lines[-1].append((changed, part))
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def plain(line: list[tuple[bool, str]]) -> str:
    return "".join(t for _, t in line)


def fold(line: list[tuple[bool, str]], context: int = CONTEXT_CHARS) -> list[tuple[bool, str]]:
    """A line with its unchanged stretches cut to `context` characters beside each change ('…' for the cut);
    a line without changes keeps its first 2 × `context` characters."""
    if not any(ch for ch, _ in line):
        text = plain(line)
        return [(False, text if len(text) <= 2 * context + 1 else text[:2 * context] + "…")]
    out = []
    last = len(line) - 1
    for k, (changed, text) in enumerate(line):
        if changed:
            out.append((True, text))
        elif k == 0 and len(text) > context + 1:
            out.append((False, "…" + text[-context:]))
        elif k == last and len(text) > context + 1:
            out.append((False, text[:context] + "…"))
        elif 0 < k < last and len(text) > 2 * context + 1:
            out.append((False, text[:context] + "…" + text[-context:]))
        else:
            out.append((False, text))
    return out
