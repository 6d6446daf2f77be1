"""Run `gazette check` over the LawRefBook corpus: no exceptions, findings per code, time, and a sample
of findings per code to read for false alarms.

    python bench/check_corpus.py                      # ../shared/corpus/lawrefbook, or $GAZETTE_CORPUS
    python bench/check_corpus.py DIR --sample 10 --jobs 2 --out /tmp/check-findings.jsonl

Exits 0 when every file was checked (findings are expected), 1 when a rule raised, and 0 with a note
when the corpus is absent (CI clones the repository without it).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import traceback
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "lawrefbook"


def check_file(path: str):
    """(path, findings as dicts, seconds parsing, seconds checking, error or None) for one file."""
    import extract
    from extract.check import check
    from extract.errors import GazetteError

    t0 = time.perf_counter()
    try:
        x = extract.parse(path)
    except GazetteError as e:
        return path, [], time.perf_counter() - t0, 0.0, f"unusable: {e}"
    except Exception:  # noqa: BLE001 - the report must name the file
        return path, [], time.perf_counter() - t0, 0.0, "parse raised:\n" + traceback.format_exc()
    t1 = time.perf_counter()
    try:
        findings = [f.to_json() for f in check(x)]
    except Exception:  # noqa: BLE001
        return path, [], t1 - t0, time.perf_counter() - t1, "check raised:\n" + traceback.format_exc()
    for f in findings:
        f["path"] = path
        a, b = f["span"]
        f["context"] = x.text.clean[max(0, a - 15):b + 15].replace("\n", "⏎")
    return path, findings, t1 - t0, time.perf_counter() - t1, None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=os.environ.get("GAZETTE_CORPUS", str(DEFAULT)))
    ap.add_argument("--sample", type=int, default=5, help="findings per code to print for reading")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--limit", type=int, default=0, help="check only the first N files")
    ap.add_argument("--out", help="write every finding as JSON Lines to this file")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"corpus {corpus} not found: nothing to do")
        return 0
    files = sorted(str(p) for p in corpus.rglob("*.md") if p.name != "_index.md")
    if args.limit:
        files = files[:args.limit]
    t = time.perf_counter()
    results = []
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(check_file, files, chunksize=16))
    else:
        results = [check_file(f) for f in files]
    wall = time.perf_counter() - t

    per_code: Counter = Counter()
    files_per_code: dict[str, set] = defaultdict(set)
    by_code: dict[str, list] = defaultdict(list)
    failures = [(p, err) for p, _, _, _, err in results if err and not err.startswith("unusable")]
    unusable = [(p, err) for p, _, _, _, err in results if err and err.startswith("unusable")]
    parse_s = sum(r[2] for r in results)
    check_s = sum(r[3] for r in results)
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    for path, findings, _, _, _ in results:
        for f in findings:
            per_code[f["code"]] += 1
            files_per_code[f["code"]].add(path)
            by_code[f["code"]].append(f)
            if out:
                out.write(json.dumps(f, ensure_ascii=False) + "\n")
    if out:
        out.close()

    size = sum(os.path.getsize(f) for f in files)
    print(f"{len(files)} files, {size / 1e6:.1f} MB in {wall:.1f} s wall ({args.jobs} jobs); "
          f"parse {parse_s:.1f} s, check {check_s:.1f} s (CPU, summed)")
    print(f"{len(failures)} raised, {len(unusable)} unusable inputs, {sum(per_code.values())} findings")
    from extract.check import rules

    names = rules()
    print(f"\n{'code':6} {'findings':>8} {'files':>6}  rule")
    for code in sorted(names):
        print(f"{code:6} {per_code.get(code, 0):8d} {len(files_per_code.get(code, ())):6d}  {names[code].name}")
    rng = random.Random(args.seed)
    if args.sample:
        print(f"\nsample of {args.sample} findings per code (read them to judge false alarms):")
        for code in sorted(by_code):
            items = by_code[code]
            for f in rng.sample(items, min(args.sample, len(items))):
                rel = os.path.relpath(f["path"], corpus)
                print(f"  {code} {rel}:{f['line']}:{f['column']}: {f['message']}\n        …{f['context']}…")
    for p, err in failures[:10]:
        print(f"\nFAILED {p}\n{err}", file=sys.stderr)
    for p, err in unusable[:10]:
        print(f"unusable {p}: {err}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
