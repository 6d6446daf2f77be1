"""Benchmark: `gazette db build` over the LawRefBook corpus (files/s, database size), a second build of
the same files (all unchanged), and the latency of typical searches. With --compare-words, the word
index designs measured against each other on the same provision texts (docs/db.md quotes the figures):
size, time to index, and how many of the provisions that contain a word each design finds.

    python bench/db_bench.py                        # ../shared/corpus/lawrefbook
    python bench/db_bench.py --limit 300 --compare-words

Skips with a message (exit 0) when the corpus is absent: CI and fresh clones need not have it.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "lawrefbook"

QUERIES = [
    ("words 财政局", dict(query="财政局")),
    ("words 罚款 (common)", dict(query="罚款")),
    ("words 法 (one character)", dict(query="法")),
    ("words 人民政府 罚款 (two words)", dict(query="人民政府 罚款")),
    ("words 行政复议 OR 行政诉讼", dict(query="行政复议 OR 行政诉讼")),
    ("unit 财政", dict(unit="财政")),
    ("threshold CNY>=10000", dict(threshold="CNY>=10000")),
    ("deadlines in 2024", dict(deadline_from="2024", deadline_to="2024")),
    ("words 罚款 + threshold CNY>=10000 + level article", dict(query="罚款", threshold="CNY>=10000", level="article")),
]
WORD_QUERIES = ["财政局", "财政", "政府", "市场监管", "罚款", "一万元以下", "县级以上人民政府", "行政复议", "法",
                "之日起三十日内", "国务院", "人民法院", "责任", "卫生健康", "上一年度"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (0: all)")
    ap.add_argument("--db", help="build here (default: a temporary file, deleted afterwards)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query (median reported)")
    ap.add_argument("--compare-words", action="store_true", help="also measure the word index alternatives")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: corpus {args.corpus} not found")
        return 0
    files = sorted(str(p) for p in args.corpus.rglob("*.md") if p.name != "_index.md")
    if args.limit:
        files = files[:args.limit]
    from extract import db

    tmp = None
    path = args.db
    if not path:
        tmp = tempfile.TemporaryDirectory()
        path = os.path.join(tmp.name, "bench.db")
    try:
        t0 = time.perf_counter()
        summary = db.build(path, files, progress=False)
        t1 = time.perf_counter()
        print(f"build: {len(files)} files, {summary.added} added, {summary.unchanged} unchanged (same bytes as "
              f"another file), {len(summary.failed)} failed, "
              f"{summary.documents:,} documents, {summary.provisions:,} provisions in {t1 - t0:.1f} s "
              f"= {len(files) / (t1 - t0):.1f} files/s")
        for p, message in summary.failed[:5]:
            print(f"  failed: {message}")
        size = os.path.getsize(path)
        text_bytes = sqlite3.connect(path).execute(
            "SELECT sum(length(CAST(text AS BLOB))) FROM provisions").fetchone()[0]
        index_bytes = _index_bytes(path)
        print(f"database: {size / 1e6:.1f} MB for {text_bytes / 1e6:.1f} MB of provision text (UTF-8); "
              f"word index {index_bytes / 1e6:.1f} MB" if index_bytes else f"database: {size / 1e6:.1f} MB")
        t2 = time.perf_counter()
        again = db.build(path, files, progress=False)
        t3 = time.perf_counter()
        print(f"rebuild of the same files: {again.unchanged} unchanged, {again.added} added in {t3 - t2:.1f} s "
              f"= {len(files) / (t3 - t2):.0f} files/s")
        print(f"queries (median of {args.repeat}; first 20 rows with values, and the full count):")
        for name, q in QUERIES:
            times, count = [], 0
            for _ in range(args.repeat):
                s = time.perf_counter()
                db.search(path, limit=20, **q)
                times.append(time.perf_counter() - s)
            s = time.perf_counter()
            count = sum(1 for _ in db.rows(path, limit=None, values=False, **q))
            full = time.perf_counter() - s
            print(f"  {name:48s} {statistics.median(times) * 1000:7.1f} ms   all {count:6,} rows {full * 1000:7.1f} ms")
        if args.compare_words:
            compare_words(path)
    finally:
        if tmp:
            tmp.cleanup()
    return 0


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
