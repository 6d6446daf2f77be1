"""Benchmark: full extraction (segment + recognise + validate + JSON) over the LawRefBook corpus, against
`jieba.lcut` over the same texts in the same run; and the share of files stating 自…起施行 whose document
`effective` date was found (target >= 95%).

jieba cuts each text right after that text is extracted, so that both see the same load on a shared
machine (timing them one after the other let the ratio swing from 0.78 to 1.24 between runs).

    python bench/extract_bench.py                      # ../shared/corpus/lawrefbook
    python bench/extract_bench.py --corpus DIR --limit 300

Skips with a message (exit 0) when the corpus is absent: CI and fresh clones need not have it.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside a clone, or beside the folder of worktrees (/work/wt/NAME -> /work/shared)
DEFAULT_CORPUS = next((p for p in (ROOT.parent / "shared" / "corpus" / "lawrefbook",
                                   ROOT.parent.parent / "shared" / "corpus" / "lawrefbook") if p.is_dir()),
                      ROOT.parent / "shared" / "corpus" / "lawrefbook")
STATES_EFFECTIVE = re.compile(r"自[^。；\n]{0,40}?起[ \t\u3000]*施行")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (0: all)")
    ap.add_argument("--show-missing", type=int, default=10, help="list up to N files whose effective date was missed")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: corpus {args.corpus} not found")
        return 0
    files = sorted(p for p in args.corpus.rglob("*.md") if p.name != "_index.md")
    if args.limit:
        files = files[:args.limit]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    chars = sum(map(len, texts))
    print(f"{len(files)} files, {chars:,} characters")

    from extract.pipeline import parse
    from extract.recognize.run import annotate, published_date
    from extract.schema import first_error
    from extract.batch import settle_heap

    import jieba

    jieba.setLogLevel(60)
    t0 = time.perf_counter()
    jieba.initialize()
    t_init = time.perf_counter() - t0
    t_jieba = 0.0

    stages = dict.fromkeys(("segment", "recognise", "validate", "json"), 0.0)
    invalid, failed, stating, found, unknowable, missing = 0, 0, 0, 0, 0, []
    for path, text in zip(files, texts):
        t0 = time.perf_counter()
        try:
            x = parse(str(path), recognize=False)
        except Exception as e:  # noqa: BLE001 - a benchmark reports failures, it does not stop
            failed += 1
            print(f"  failed: {path.name}: {type(e).__name__}: {e}", file=sys.stderr)
            continue
        t1 = time.perf_counter()
        annotate(x)
        t2 = time.perf_counter()
        # as `gazette extract` does it: JSON text, and the compiled validator on the same data
        data = x.to_json()
        out = json.dumps(data, ensure_ascii=False)  # as `gazette extract -o FILE` or piped
        t3 = time.perf_counter()
        problems = first_error(data)
        t4 = time.perf_counter()
        for k, a, b in (("segment", t0, t1), ("recognise", t1, t2), ("json", t2, t3), ("validate", t3, t4)):
            stages[k] += b - a
        settle_heap()  # after the first file, as `gazette extract` does (extract.batch.settle_heap)
        t5 = time.perf_counter()
        jieba.lcut(text)
        t_jieba += time.perf_counter() - t5
        invalid += bool(problems)
        if STATES_EFFECTIVE.search(text):
            stating += 1
            if any(d.effective for d in x.documents):
                found += 1
            elif all(published_date(d) is None for d in x.documents):
                unknowable += 1  # 自公布之日起施行 and a history that prints no 公布 date: left null, not guessed
            else:
                missing.append(path.relative_to(args.corpus))
    total = sum(stages.values())

    print(f"extraction: {total:.1f} s ({chars / total / 1e6:.2f} M chars/s): "
          + ", ".join(f"{k} {v:.1f} s" for k, v in stages.items()))
    print(f"jieba.lcut: {t_jieba:.1f} s (+ {t_init:.1f} s dictionary load)")
    print(f"ratio extraction / jieba.lcut: {total / t_jieba:.2f} "
          f"({'faster' if total < t_jieba else 'slower'} than jieba)")
    print(f"without validation: {(total - stages['validate']) / t_jieba:.2f}")
    print(f"outputs failing the schema: {invalid}; files that failed: {failed}")
    dated = stating - unknowable
    share = found / dated if dated else 1.0
    print(f"effective date found: {found}/{dated} files stating 自…起施行 with a date to resolve it = {share:.1%} "
          f"(target >= 95%); {unknowable} more state 自公布之日起施行 and print no 公布 date: null, not guessed")
    for p in missing[:args.show_missing]:
        print(f"  missed: {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
