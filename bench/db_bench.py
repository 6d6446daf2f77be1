"""Benchmark: `gazette db build` over the LawRefBook corpus with 1 and 2 worker processes (files/s, MB/s,
peak memory, database size, the machine's load while it ran), a second build of the same files (all
unchanged), 20 typical searches (p50/p95), and `gazette diff --against` of the hand-written next issue
(corpus/diff/) against the database of the whole corpus plus the seed. With --compare-words, the word
index designs measured against each other on the same provision texts (docs/db.md quotes the figures).

    python bench/db_bench.py                        # ../shared/corpus/lawrefbook, workers 1 and 2
    python bench/db_bench.py --workers 2 --limit 300 --compare-words

Each build runs in a fresh process (so that its peak memory is its own: the writer's, and the largest
worker's). Skips with a message (exit 0) when the corpus is absent: CI and fresh clones need not have it.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "lawrefbook"
if not DEFAULT_CORPUS.is_dir():  # a worktree one level deeper than the main checkout
    DEFAULT_CORPUS = Path("/work/shared/corpus/lawrefbook")
SEED = ROOT / "corpus" / "sanmenxia-gazette-2023-02.md"
NEXT = ROOT / "corpus" / "diff" / "sanmenxia-gazette-2023-03.md"

QUERIES = [  # 20 searches a policy researcher types: words, units, values, dates, documents, combinations
    ("财政局", dict(query="财政局")),
    ("罚款 (common)", dict(query="罚款")),
    ("法 (one character)", dict(query="法")),
    ("人民政府 罚款 (two words)", dict(query="人民政府 罚款")),
    ("行政复议 OR 行政诉讼", dict(query="行政复议 OR 行政诉讼")),
    ("县级以上人民政府", dict(query="县级以上人民政府")),
    ("之日起三十日内", dict(query="之日起三十日内")),
    ("罚款 -警告 (exclusion)", dict(query="罚款 -警告")),
    ("卫生健康", dict(query="卫生健康")),
    ("责任 (two characters)", dict(query="责任")),
    ("unit 财政", dict(unit="财政")),
    ("unit 市场监督管理", dict(unit="市场监督管理")),
    ("threshold CNY>=1万", dict(threshold="CNY>=1万")),
    ("threshold CNY>100万 + words 罚款", dict(query="罚款", threshold="CNY>100万")),
    ("threshold day<=30", dict(threshold="day<=30")),
    ("deadlines in 2024", dict(deadline_from="2024", deadline_to="2024")),
    ("issued 2020..2021 + words 补贴", dict(query="补贴", issued_from="2020", issued_to="2021")),
    ("title 条例 + level article + words 处罚", dict(query="处罚", title="条例", level="article")),
    ("in force 2024-06-30 + words 罚款", dict(query="罚款", in_force="2024-06-30")),
    ("words 罚款 + CNY>=1万 + level article", dict(query="罚款", threshold="CNY>=1万", level="article")),
]
WORD_QUERIES = ["财政局", "财政", "政府", "市场监管", "罚款", "一万元以下", "县级以上人民政府", "行政复议", "法",
                "之日起三十日内", "国务院", "人民法院", "责任", "卫生健康", "上一年度"]

BUILD = """
import json, resource, sys, time
from extract import db
files = json.load(open(sys.argv[1]))
t = time.perf_counter()
s = db.build(sys.argv[2], files, progress=False, workers=int(sys.argv[3]))
took = time.perf_counter() - t
print(json.dumps({"seconds": took, "added": s.added, "unchanged": s.unchanged, "failed": len(s.failed),
                  "skipped": len(s.skipped), "documents": s.documents, "provisions": s.provisions,
                  "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "worker_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "failures": s.failed[:5]}))
"""


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f} (5 min {five:.1f})"


def build(files_json: str, path: str, workers: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    before = load()
    out = subprocess.run([sys.executable, "-c", BUILD, files_json, path, str(workers)], env=env, check=True,
                         capture_output=True, text=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["load"] = f"{before} before, {load()} after"
    return result


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (0: all)")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts to build with")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query")
    ap.add_argument("--compare-words", action="store_true", help="also measure the word index alternatives")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: corpus {args.corpus} not found")
        return 0
    files = sorted(str(p) for p in args.corpus.rglob("*.md") if p.name != "_index.md")
    if args.limit:
        files = files[:args.limit]
    files.append(str(SEED))
    megabytes = sum(os.path.getsize(f) for f in files) / 1e6
    from extract import db

    with tempfile.TemporaryDirectory() as tmp:
        listing = os.path.join(tmp, "files.json")
        with open(listing, "w") as fh:
            json.dump(files, fh)
        path = None
        for workers in (int(w) for w in args.workers.split(",")):
            path = os.path.join(tmp, f"bench-{workers}.db")
            r = build(listing, path, workers)
            rate = len(files) / r["seconds"]
            print(f"build, {workers} worker{'s' if workers > 1 else ''}: {len(files)} files ({megabytes:.1f} MB), "
                  f"{r['added']} added, {r['unchanged']} unchanged (same bytes as another file), {r['skipped']} without "
                  f"a document, {r['failed']} failed; {r['documents']:,} documents, {r['provisions']:,} provisions in "
                  f"{r['seconds']:.1f} s = {rate:.1f} files/s, {megabytes / r['seconds']:.2f} MB/s; peak memory "
                  f"{r['self_kb'] / 1024:.0f} MB (writer)" + (f", {r['worker_kb'] / 1024:.0f} MB (largest worker)"
                                                              if workers > 1 else "")
                  + f"; database {os.path.getsize(path) / 1e6:.1f} MB; {r['load']}")
            for message in r["failures"]:
                print(f"  failed: {message}")
        s = db.stats(path)
        print(f"  documents {s['counts']['documents']:,} ({s['documents_with_copies']} with several copies), families "
              f"with several versions {s['families_with_versions']:,}, links {s['links']}")
        t2 = time.perf_counter()
        again = db.build(path, files, progress=False)
        t3 = time.perf_counter()
        print(f"rebuild of the same files: {again.unchanged} unchanged, {again.added} added in {t3 - t2:.1f} s")
        print(f"20 searches ({args.repeat} runs each; first 20 rows with their values), {load()}:")
        samples, medians = [], []
        for name, q in QUERIES:
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                db.search(path, limit=20, **q)
                times.append(time.perf_counter() - t)
            count = sum(1 for _ in db.rows(path, values=False, **q))
            samples += times
            medians.append(statistics.median(times))
            print(f"  {name:44s} {statistics.median(times) * 1000:7.1f} ms   ({count:,} rows in all)")
        print(f"  p50 {percentile(samples, 0.5) * 1000:.1f} ms, p95 {percentile(samples, 0.95) * 1000:.1f} ms over "
              f"{len(samples)} runs; medians per search: p50 {percentile(medians, 0.5) * 1000:.1f} ms, "
              f"max {max(medians) * 1000:.1f} ms")
        against(path)
        if args.compare_words:
            compare_words(path)
    return 0


def against(path: str) -> None:
    """`gazette diff NEXT --against DB` in process and as a whole command."""
    from extract.diff.against import diff_against
    from extract.diff.render_text import render

    times = []
    for _ in range(3):
        t = time.perf_counter()
        found = diff_against(str(NEXT), path)
        render(found.result)
        times.append(time.perf_counter() - t)
    info = found.info
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "extract", "diff", str(NEXT), "--against", path], env=env,
                   capture_output=True)
    whole = time.perf_counter() - t
    prev = info["previous_issue"]
    print(f"diff --against of {NEXT.name}: previous issue {prev['year']}-{prev['number']}, "
          f"{sum(m['how'] != 'added' for m in info['matched'])} of {len(info['matched'])} documents with a prior; "
          f"in process {min(times) * 1000:.0f} ms (best of 3), whole command {whole:.2f} s; {load()}")


def _index_bytes(path: str) -> int | None:
    try:
        conn = sqlite3.connect(path)
        return conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name IN ('provision_index_data', "
                            "'provision_index_idx')").fetchone()[0]
    except sqlite3.Error:
        return None


def compare_words(path: str) -> None:
    """Each word index design over the same provision texts: size, time to index, recall on WORD_QUERIES
    against the truth (the word occurs in the text, spacing, width and case aside), query time."""
    from extract.db.words import fold, index_words, parse_query, runs

    texts = [t for (t,) in sqlite3.connect(path).execute("SELECT text FROM provisions ORDER BY pk")]
    # the truth: the word occurs in the text, ignoring spacing, width and case, not across punctuation
    folded = ["\0".join(runs(t)) for t in texts]
    truth = {q: {i for i, f in enumerate(folded, 1) if fold(q) in f} for q in WORD_QUERIES}
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    print(f"word index designs over {len(texts):,} provision texts ({megabytes:.1f} MB):")

    def jieba_words(text):
        import jieba

        return " ".join(w for w in jieba.lcut(fold(text)) if w.strip())

    def jieba_query(q):
        import jieba

        return '"' + " ".join(jieba.lcut(fold(q))) + '"'

    designs = [
        ("bigrams, folded (chosen)", "fts5(words, content='', tokenize='ascii')", index_words,
         lambda q: parse_query(q)[0]),
        ("FTS5 trigram (shorter words: instr scan)", "fts5(words, tokenize='trigram')", lambda t: t, None),
        ("jieba words, folded", "fts5(words, content='', tokenize='ascii')", jieba_words, jieba_query),
        ("FTS5 unicode61 (default)", "fts5(words, content='')", lambda t: t, lambda q: f'"{q}"'),
    ]
    if "jieba" not in sys.modules:
        import jieba

        jieba.setLogLevel(60)
        jieba.initialize()
    for name, create, tokens, to_query in designs:
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "w.db")
            conn = sqlite3.connect(p)
            conn.execute(f"CREATE VIRTUAL TABLE w USING {create}")
            s = time.perf_counter()
            rows = [(i, tokens(t)) for i, t in enumerate(texts, 1)]
            conn.executemany("INSERT INTO w (rowid, words) VALUES (?, ?)", rows)
            conn.commit()
            took = time.perf_counter() - s
            conn.execute("VACUUM")
            # the inverted index itself (w_data, w_idx), not the copy of the text trigram keeps in w_content
            size = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name IN ('w_data', 'w_idx')").fetchone()[0]
            found = missed = 0
            qtimes = []
            for q in WORD_QUERIES:
                s = time.perf_counter()
                if to_query is None:  # trigram: MATCH needs >= 3 characters, else a scan (LIKE finds nothing here)
                    sql = "SELECT rowid FROM w WHERE " + ("w MATCH ?" if len(q) >= 3 else "instr(words, ?) > 0")
                    got = {r for (r,) in conn.execute(sql, (f'"{q}"' if len(q) >= 3 else q,))}
                else:
                    got = {r for (r,) in conn.execute("SELECT rowid FROM w WHERE w MATCH ?", (to_query(q),))}
                qtimes.append(time.perf_counter() - s)
                found += len(got & truth[q])
                missed += len(truth[q] - got)
            total = sum(len(v) for v in truth.values())
            conn.close()
        print(f"  {name:40s} index {size / 1e6:6.1f} MB  indexing {took:5.1f} s  found {found:,}/{total:,} "
              f"({100 * found / total:.1f}%)  query median {statistics.median(qtimes) * 1000:.1f} ms, "
              f"max {max(qtimes) * 1000:.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
