"""A LawComparator-style comparison of two versions of a law, written from its published description, as the
baseline `bench/diff_bench.py` times `gazette diff` against (whole process against whole process).

The method: cut both texts into articles at `第…条`; pair each old article, in order, with the most similar
new article not yet used, by `difflib.SequenceMatcher.ratio`, when that ratio is at least 0.8 (greedy, no
global assignment); an old article without a partner is deleted, a new one left over is added; a paired
article whose text differs is shown with its character-level changes (SequenceMatcher opcodes).

    python bench/lawcomparator_baseline.py OLD.txt NEW.txt > report.txt
"""
from __future__ import annotations

import difflib
import re
import sys

ARTICLE = re.compile(r"^\s*(第[一二三四五六七八九十百千零〇两0-9]+条)", re.M)
THRESHOLD = 0.8


def articles(text: str) -> list[tuple[str, str]]:
    marks = list(ARTICLE.finditer(text))
    out = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        out.append((m.group(1), " ".join(text[m.end():end].split())))
    return out


def pair(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> list[tuple[int, int | None, float]]:
    used: set[int] = set()
    out = []
    for i, (_, a) in enumerate(old):
        best, best_j = 0.0, None
        for j, (_, b) in enumerate(new):
            if j in used:
                continue
            r = difflib.SequenceMatcher(None, a, b).ratio()
            if r > best:
                best, best_j = r, j
        if best_j is not None and best >= THRESHOLD:
            used.add(best_j)
            out.append((i, best_j, best))
        else:
            out.append((i, None, best))
    return out


def report(old: list, new: list, pairs: list) -> list[str]:
    lines = []
    paired = set()
    for i, j, ratio in pairs:
        label, a = old[i]
        if j is None:
            lines.append(f"删除 {label}: {a}")
            continue
        paired.add(j)
        new_label, b = new[j]
        if a == b:
            continue
        marks = []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
            if tag == "equal":
                marks.append(a[i1:i2])
            else:
                marks.append(f"[-{a[i1:i2]}-]{{+{b[j1:j2]}+}}")
        lines.append(f"修改 {label} → {new_label} ({ratio:.2f}): {''.join(marks)}")
    for j, (label, b) in enumerate(new):
        if j not in paired:
            lines.append(f"新增 {label}: {b}")
    return lines


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    old_text, new_text = (open(p, encoding="utf-8").read() for p in argv[:2])
    old, new = articles(old_text), articles(new_text)
    sys.stdout.write("\n".join(report(old, new, pair(old, new))) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
