"""Benchmark of `gazette diff` on 治安管理处罚法 2012 vs 2025 (about 120 vs 140 articles).

Times the diff (alignment, word-level diffs, value changes, and the text rendering) of the two parsed
laws and reports it as a ratio to `difflib.unified_diff` of the two raw texts, timed in the same run.
Parsing and jieba's one-time dictionary load are reported on their own lines, outside the ratio.
Also prints the alignment accuracy on the hand-made lists in golden/diff/.

    python bench/diff_bench.py [--dir ../shared/corpus/lawcomparator/中华人民共和国治安管理处罚法_2012VS2025]
"""
from __future__ import annotations

import argparse
import difflib
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DIR = ROOT.parent / "shared" / "corpus" / "lawcomparator" / "中华人民共和国治安管理处罚法_2012VS2025"
OLD, NEW = "中华人民共和国治安管理处罚法2012.txt", "中华人民共和国治安管理处罚法2025.txt"
# The 2025 text indents its lines with EM SPACEs, which the segmenter does not take for white space yet;
# folding them keeps the bench about the diff (see docs/diff.md).
SPACES = str.maketrans({"\u2002": " ", "\u2003": " ", "\u00a0": " "})


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)

    import extract
    from extract.diff.engine import compare
    from extract.diff.load import from_extraction
    from extract.diff.render_text import render
    from extract.diff.words import tokens

    old_raw = (args.dir / OLD).read_text(encoding="utf-8")
    new_raw = (args.dir / NEW).read_text(encoding="utf-8")

    def unified():
        return list(difflib.unified_diff(old_raw.splitlines(True), new_raw.splitlines(True)))

    t = time.perf_counter()
    old = from_extraction(extract.parse(old_raw.translate(SPACES).encode("utf-8"), path=OLD))
    new = from_extraction(extract.parse(new_raw.translate(SPACES).encode("utf-8"), path=NEW))
    parse_s = time.perf_counter() - t
    t = time.perf_counter()
    tokens("预热")  # jieba loads its dictionary once per process
    jieba_s = time.perf_counter() - t

    def ours():
        return render(compare(old, new))

    base_min, base_med = best_of(unified, args.repeat)
    ours_min, ours_med = best_of(ours, args.repeat)
    align_min, _ = best_of(lambda: compare(old, new, values=False), args.repeat)
    result = compare(old, new)
    articles = [sum(p.level == "article" for p in side.documents[0].provisions) for side in (old, new)]
    print(f"inputs: {OLD} ({len(old_raw):,} chars, {articles[0]} articles) vs "
          f"{NEW} ({len(new_raw):,} chars, {articles[1]} articles)")
    print(f"difflib.unified_diff of the raw texts: {base_min * 1000:.2f} ms (median {base_med * 1000:.2f})")
    print(f"gazette diff (align + word diffs + values + text view): {ours_min * 1000:.1f} ms "
          f"(median {ours_med * 1000:.1f})")
    print(f"  of which alignment and typing without values: {align_min * 1000:.1f} ms")
    print(f"ratio to difflib.unified_diff: {ours_min / base_min:.1f}x (target 3x)")
    ndiff_s, _ = best_of(lambda: list(difflib.ndiff(old_raw.splitlines(True), new_raw.splitlines(True))), 1)
    chars_s, _ = best_of(lambda: difflib.SequenceMatcher(None, old_raw, new_raw, autojunk=False).get_opcodes(), 1)
    print(f"for scale: difflib.ndiff (lines, then characters inside changed lines) {ndiff_s * 1000:.0f} ms, "
          f"character-level SequenceMatcher {chars_s * 1000:.0f} ms")
    print(f"outside the ratio: parsing both {parse_s * 1000:.0f} ms, jieba dictionary load {jieba_s * 1000:.0f} ms")
    print(f"changes: {result.counts()['provisions']}")

    from extract.diff.accuracy import score
    from extract.diff.align import align
    from extract.diff.load import load

    for path in sorted((ROOT / "golden" / "diff").glob("*.json")):
        golden = json.loads(path.read_text(encoding="utf-8"))
        a = load(str(ROOT / golden["old"]), recognize=False)
        b = load(str(ROOT / golden["new"]), recognize=False)
        s = score(golden, align(a.documents[0], b.documents[0]))
        print(f"alignment accuracy {path.name}: {s.right}/{s.total} = {s.accuracy:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
