"""Benchmark of `gazette diff` on 治安管理处罚法 2012 vs 2025 (about 120 vs 140 articles), against what users
run today, measured side by side in one run:

1. whole process: `gazette diff OLD NEW` (interpreter start, imports, parsing both laws, alignment, word
   diffs, values, the text view) against a LawComparator-style comparison written from its published
   description (bench/lawcomparator_baseline.py: each old article paired with its most similar unused
   new article by SequenceMatcher.ratio >= 0.8), run alternately; wall time and CPU time (user + system)
   medians. Target: at most half of the baseline.
2. the same whole `gazette diff` with jieba itself as the tokenizer (before extract/diff/wordcut.py), for
   the before/after of not loading jieba's whole dictionary;
3. in process: the diff of the two parsed laws (compare + text view) against `difflib.ndiff` of the two
   texts. Target: under a quarter.

Also prints the alignment accuracy on the hand-made lists in golden/diff/. The machine's load is printed
beside the figures: on a shared machine, CPU time is the steadier measure.

    python bench/diff_bench.py [--dir ../shared/corpus/lawcomparator/中华人民共和国治安管理处罚法_2012VS2025]
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DIR = ROOT.parent / "shared" / "corpus" / "lawcomparator" / "中华人民共和国治安管理处罚法_2012VS2025"
if not DEFAULT_DIR.is_dir():
    DEFAULT_DIR = Path("/work/shared/corpus/lawcomparator/中华人民共和国治安管理处罚法_2012VS2025")
OLD, NEW = "中华人民共和国治安管理处罚法2012.txt", "中华人民共和国治安管理处罚法2025.txt"
WITH_JIEBA = ("import sys, jieba; jieba.setLogLevel(60); import extract.diff.wordcut as w; "
              "w.lcut = lambda s: jieba.lcut(s, HMM=True); from extract.cli import main; main(sys.argv[1:])")


def best_of(fn, repeat: int):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def run(cmd: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one command, its output discarded."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def machine_load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f} (5 min {five:.1f})"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    old_path, new_path = str(args.dir / OLD), str(args.dir / NEW)

    commands = {
        "gazette diff": [sys.executable, "-m", "extract", "diff", old_path, new_path],
        "LawComparator-style": [sys.executable, str(ROOT / "bench" / "lawcomparator_baseline.py"), old_path, new_path],
        "gazette diff, jieba tokenizer": [sys.executable, "-c", WITH_JIEBA, "diff", old_path, new_path],
    }
    for cmd in commands.values():  # warm the file cache and wordcut's index
        run(cmd)
    measured = {name: [] for name in commands}
    start_load = machine_load()
    for _ in range(args.repeat):
        for name, cmd in commands.items():
            measured[name].append(run(cmd))
    print(f"whole process, {args.repeat} runs each, alternating ({start_load} at the start, {machine_load()} at the end):")
    med = {}
    for name, runs in measured.items():
        med[name] = (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
        print(f"  {name:32s} wall {med[name][0]:.2f} s   CPU {med[name][1]:.2f} s")
    base = med["LawComparator-style"]
    ours = med["gazette diff"]
    before = med["gazette diff, jieba tokenizer"]
    print(f"  gazette diff / LawComparator-style: wall {ours[0] / base[0]:.2f}x, CPU {ours[1] / base[1]:.2f}x "
          f"(target at most 0.5x)")
    print(f"  before (jieba) / LawComparator-style: wall {before[0] / base[0]:.2f}x, CPU {before[1] / base[1]:.2f}x; "
          f"not loading jieba saves {before[1] - ours[1]:.2f} s CPU per run")

    import extract
    from extract.diff.engine import compare
    from extract.diff.load import from_extraction
    from extract.diff.render_text import render

    old_raw = Path(old_path).read_text(encoding="utf-8")
    new_raw = Path(new_path).read_text(encoding="utf-8")
    t = time.perf_counter()
    old = from_extraction(extract.parse(old_raw.encode("utf-8"), path=OLD))
    new = from_extraction(extract.parse(new_raw.encode("utf-8"), path=NEW))
    parse_s = time.perf_counter() - t

    def ours_fn():
        return render(compare(old, new))

    def ndiff():
        return list(difflib.ndiff(old_raw.splitlines(True), new_raw.splitlines(True)))

    ours_fn()  # the first word diffs look their words up
    ours_min, ours_med = best_of(ours_fn, args.repeat)
    ndiff_min, ndiff_med = best_of(ndiff, max(1, args.repeat // 2))
    align_min, _ = best_of(lambda: compare(old, new, values=False), args.repeat)
    result = compare(old, new)
    articles = [sum(p.level == "article" for p in side.documents[0].provisions) for side in (old, new)]
    print(f"in process ({machine_load()}): {OLD} ({len(old_raw):,} chars, {articles[0]} articles) vs "
          f"{NEW} ({len(new_raw):,} chars, {articles[1]} articles)")
    print(f"  gazette diff (align + word diffs + values + text view): {ours_min * 1000:.1f} ms (median "
          f"{ours_med * 1000:.1f}); alignment and typing without values {align_min * 1000:.1f} ms")
    print(f"  difflib.ndiff of the two texts: {ndiff_min * 1000:.0f} ms (median {ndiff_med * 1000:.0f})")
    print(f"  ratio to difflib.ndiff: {ours_min / ndiff_min:.2f}x (target under 0.25x)")
    print(f"  outside the ratio: parsing both {parse_s * 1000:.0f} ms")
    print(f"  changes: {result.counts()['provisions']}")

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
