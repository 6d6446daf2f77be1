"""Robustness and throughput over the real corpus (shared/corpus/lawrefbook and lawcomparator).

For every file: parse (ingest + segment + recognise), build the JSON and validate it against the schema.
Prints: files, exceptions, invalid outputs, the share of files (with articles) whose articles are numbered
1..N without gap or repeat, the exceptions to that with a reason, and throughput compared with
`jieba.lcut` over the same texts in the same run (the ratio is what to read; machines are noisy).

    python bench/corpus_run.py [ROOT…] [--limit N] [--no-jieba] [--list-bad]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

DEFAULT_ROOTS = [HERE.parent.parent / "shared" / "corpus" / "lawrefbook",
                 HERE.parent.parent / "shared" / "corpus" / "lawcomparator"]


def corpus_files(roots):
    for root in roots:
        root = Path(root)
        if root.is_file():
            yield root
            continue
        for p in sorted(root.rglob("*")):
            if p.is_file() and p.suffix in (".md", ".txt"):
                yield p


def article_sequence_problem(doc) -> str | None:
    """None when the articles of each container (document body, published regulation) run 1..N."""
    by_container: dict[str, list[int]] = {}
    for p in doc.provisions:
        if p.level == "article" and "sub_number" not in p.extra:  # 第十七条之一 is no break
            container = p.id.split("/")[0] if p.id.startswith(("reg", "att")) else ""
            by_container.setdefault(container, []).append(p.number)
    if not by_container:
        return "no-articles"
    for numbers in by_container.values():
        expected = list(range(1, len(numbers) + 1))
        if numbers != expected:
            if len(set(numbers)) != len(numbers):
                return f"repeat: {_first_bad(numbers)}"
            return f"gap-or-order: {_first_bad(numbers)}"
    return None


def _first_bad(numbers):
    for i, n in enumerate(numbers):
        if n != i + 1:
            return f"at position {i + 1} found {n} (…{numbers[max(0, i - 2):i + 3]}…)"
    return ""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("roots", nargs="*", default=[str(r) for r in DEFAULT_ROOTS])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-jieba", action="store_true")
    ap.add_argument("--no-values", action="store_true", help="segment only (skip recognisers)")
    ap.add_argument("--list-bad", action="store_true")
    args = ap.parse_args(argv)
    roots = [r for r in args.roots if Path(r).exists()]
    if not roots:
        print("corpus not found (expected ../shared/corpus): nothing to do")
        return 0

    import extract
    from extract.errors import GazetteError
    from extract.schema import first_error

    files = list(corpus_files(roots))
    if args.limit:
        files = files[: args.limit]
    texts_bytes = 0
    exceptions, invalid, gazette_errors = [], [], []
    seq_ok = seq_total = 0
    seq_bad: list[tuple[str, str]] = []
    effective_stated = effective_found = 0
    t0 = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        texts_bytes += len(data)
        try:
            x = extract.parse(data, path=str(path), recognize=not args.no_values)
            out = json.loads(json.dumps(x.to_json(), ensure_ascii=False))
            problem = first_error(out)
            if problem:
                invalid.append((str(path), problem))
        except GazetteError as e:
            gazette_errors.append((str(path), str(e)))
            continue
        except Exception:  # noqa: BLE001 - counting them is the point
            exceptions.append((str(path), traceback.format_exc(limit=3)))
            continue
        for doc in x.documents:
            problem = article_sequence_problem(doc)
            if problem == "no-articles":
                continue
            seq_total += 1
            if problem is None:
                seq_ok += 1
            else:
                seq_bad.append((str(path), problem))
            text = x.text.clean
            if "起施行" in text and "自" in text:
                effective_stated += 1
                if doc.effective:
                    effective_found += 1
    elapsed = time.perf_counter() - t0

    print(f"files: {len(files)}  ({texts_bytes / 1e6:.1f} MB)")
    print(f"exceptions: {len(exceptions)}   input errors (E0xx): {len(gazette_errors)}   invalid outputs: {len(invalid)}")
    for path, tb in exceptions[:5]:
        print(f"  EXC {path}\n{tb}")
    for path, msg in gazette_errors[:5]:
        print(f"  ERR {path}: {msg}")
    for path, msg in invalid[:5]:
        print(f"  INVALID {path}: {msg}")
    share = seq_ok / seq_total if seq_total else 0.0
    print(f"documents with articles: {seq_total}; numbered 1..N without gap or repeat: {seq_ok} ({share:.2%})")
    reasons = Counter(p.split(":")[0] for _, p in seq_bad)
    print(f"  not 1..N: {len(seq_bad)} {dict(reasons)}")
    for path, problem in seq_bad[: (len(seq_bad) if args.list_bad else 10)]:
        print(f"    {Path(path).name}: {problem}")
    if not args.no_values:
        eff = effective_found / effective_stated if effective_stated else 0.0
        print(f"effective date found: {effective_found}/{effective_stated} documents whose text says 自…起施行 ({eff:.1%})")
    print(f"gazette: {elapsed:.2f} s, {texts_bytes / 1e6 / elapsed:.2f} MB/s")
    if not args.no_jieba:
        import jieba

        jieba.initialize()
        t1 = time.perf_counter()
        for path in files:
            jieba.lcut(path.read_text(encoding="utf-8", errors="replace"))
        jt = time.perf_counter() - t1
        print(f"jieba.lcut: {jt:.2f} s, {texts_bytes / 1e6 / jt:.2f} MB/s")
        print(f"ratio gazette/jieba time: {elapsed / jt:.2f} (below 1 means faster than word segmentation)")
    return 1 if exceptions or invalid else 0


if __name__ == "__main__":
    sys.exit(main())
