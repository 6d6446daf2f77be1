"""Did a change alter any output? Save the full extraction JSON of a fixed set of files, then compare a later
run against it byte for byte.

Why: an optimisation (a guard before a parse, a cached pattern) must not change one value; the unit tests and
the evaluation sets cover a few hundred passages, this covers every provision of several hundred files.

    python bench/same_output.py save /tmp/before          # with the code before the change
    python bench/same_output.py compare /tmp/before       # after it: exit 1 and a diff per changed file
    python bench/same_output.py compare /tmp/before --files corpus   # only part of the set
    python bench/same_output.py compare /tmp/before --ignore units  # all but the units the same?

`compare` exits 1 when any output differs; a file saved by neither run (added since) is listed, not failed.

The set: every file of the project's `corpus/` (README.md files left out) and about 300 files of
`../shared/corpus/lawrefbook/` spread evenly over its folders (`--lawrefbook N`, 0 for none). A file that
fails is saved as its error's code and message, so a change in error handling shows too.
"""
from __future__ import annotations

import argparse
import difflib
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside a clone, or beside the folder of worktrees (/work/wt/NAME -> /work/shared)
LAWREFBOOK = next((p for p in (ROOT.parent / "shared" / "corpus" / "lawrefbook",
                               ROOT.parent.parent / "shared" / "corpus" / "lawrefbook") if p.is_dir()),
                  ROOT.parent / "shared" / "corpus" / "lawrefbook")


def corpus_files() -> list[Path]:
    return sorted(p for p in (ROOT / "corpus").rglob("*") if p.is_file() and p.name != "README.md")


def lawrefbook_files(n: int) -> list[Path]:
    """About `n` files, each folder contributing in proportion to its size (at least two), evenly spaced
    over its sorted files: the same files on every run."""
    if n <= 0 or not LAWREFBOOK.is_dir():
        return []
    everything = sorted(p for p in LAWREFBOOK.rglob("*.md") if p.name != "_index.md")
    by_folder: dict[str, list[Path]] = {}
    for p in everything:
        by_folder.setdefault(p.relative_to(LAWREFBOOK).parts[0], []).append(p)
    out = []
    for folder in sorted(by_folder):
        files = by_folder[folder]
        k = min(len(files), max(2, math.ceil(len(files) * n / len(everything))))
        step = len(files) / k
        out += [files[int(i * step)] for i in range(k)]
    return out


def name_of(path: Path) -> str:
    """The file's key in the saved set: its path under the repository or under lawrefbook."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return "lawrefbook/" + str(path.relative_to(LAWREFBOOK))


def extract_json(path: Path) -> str:
    from extract.pipeline import parse

    try:
        data = parse(str(path)).to_json()
    except Exception as e:  # noqa: BLE001 - the outcome of a failure is an output too
        code = getattr(e, "code", None)
        return f"ERROR {code or type(e).__name__}: {e}\n"
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _without(output: str, keys: list[str]) -> str:
    if output.startswith("ERROR"):
        return output

    def drop(o):
        if isinstance(o, dict):
            return {k: drop(v) for k, v in o.items() if k not in keys}
        if isinstance(o, list):
            return [drop(v) for v in o]
        return o

    return json.dumps(drop(json.loads(output)), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def selected(args) -> list[Path]:
    files = corpus_files() + lawrefbook_files(args.lawrefbook)
    if args.files:
        files = [p for p in files if any(name_of(p).startswith(f) for f in args.files)]
    return files


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("save", "compare"))
    ap.add_argument("dir", type=Path, help="where the outputs are saved / were saved")
    ap.add_argument("--lawrefbook", type=int, default=300, help="about how many LawRefBook files (0: none)")
    ap.add_argument("--files", nargs="*", help="only the files whose key starts with one of these")
    ap.add_argument("--context", type=int, default=3, help="diff lines of context shown per change")
    ap.add_argument("--ignore", action="append", default=[], metavar="KEY",
                    help="compare without this JSON key wherever it occurs (e.g. units: what did not change "
                         "besides the units)")
    args = ap.parse_args(argv)
    files = selected(args)
    t0 = time.perf_counter()
    changed, missing = [], []
    for path in files:
        key = name_of(path) + ".json"
        out = extract_json(path)
        target = args.dir / key
        if args.action == "save":
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(out, encoding="utf-8")
            continue
        if not target.exists():
            missing.append(key)
            continue
        before = target.read_text(encoding="utf-8")
        if args.ignore:
            before, out = _without(before, args.ignore), _without(out, args.ignore)
        if before != out:
            changed.append(key)
            diff = difflib.unified_diff(before.splitlines(), out.splitlines(), "before/" + key, "after/" + key,
                                        n=args.context, lineterm="")
            print("\n".join(list(diff)[:80]))
    took = time.perf_counter() - t0
    if args.action == "save":
        print(f"saved {len(files)} outputs in {args.dir} ({took:.0f} s)")
        return 0
    print(f"{len(files)} files compared ({took:.0f} s): {len(changed)} changed, {len(missing)} not saved before")
    for key in missing[:10]:
        print(f"  not saved before: {key}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
