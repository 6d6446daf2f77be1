"""Bounded time and memory (issue 14): `gazette extract` on growing inputs, each in its own process,
peak memory from the kernel (ru_maxrss of the child), wall time, and the machine's load average.

    python bench/reliability.py                 # 50 MB text and 100,000 provisions at 1x, 2x, 4x, 8x
    python bench/reliability.py --quick         # 1/8 of the sizes (a smoke run)
    python bench/reliability.py --json out.json

Inputs are made here, not checked in: real text (the corpus's laws concatenated up to the size; without the
corpus, the seed issue repeated), a document of N articles (第一条 … 第十万条, each a sentence with an
amount and a date), 10 MB of blank lines, and the hostile PDFs of issue 14 (decompression bombs). Growth
is linear when time and memory per input byte stay flat across 1x..8x (the ratio columns). CPU seconds
(the child's own user + system time) are less disturbed by other jobs on a shared machine than wall time.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
CORPUS = ROOT.parent / "shared" / "corpus" / "lawrefbook"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus/lawrefbook")


def real_text(size: int) -> bytes:
    """Real gazette-like text of about `size` bytes: corpus laws one after another, repeated if needed."""
    files = sorted(CORPUS.rglob("*.md")) if CORPUS.exists() else [ROOT / "corpus" / "sanmenxia-gazette-2023-02.md"]
    out = bytearray()
    while len(out) < size:
        for f in files:
            out += f.read_bytes() + b"\n\n"
            if len(out) >= size:
                break
    return bytes(out[:size]).decode("utf-8", "ignore").encode("utf-8")


def articles(n: int) -> bytes:
    from extract.lexicon.numerals import cn_number

    parts = ["关于某事项的规定\n"]
    for k in range(1, n + 1):
        parts.append(f"\n第{cn_number(k)}条 市财政局应当在2024年1月1日前拨付补助{k % 97 + 1}万元。\n")
    return "".join(parts).encode("utf-8")


_CHILD = """
import resource, runpy, sys
sys.argv = ["gazette"] + sys.argv[1:]
try:
    runpy.run_module("extract", run_name="__main__")
except SystemExit as e:
    code = e.code
else:
    code = 0
# VmHWM: the peak of this program's own address space (ru_maxrss would count the parent's pages
# that a fork carried over before exec)
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")]
ru = resource.getrusage(resource.RUSAGE_SELF)
sys.stderr.write("\\nPEAK_KB %d CPU %.2f\\n" % (int(hwm[0].split()[1]) if hwm else ru.ru_maxrss, ru.ru_utime + ru.ru_stime))
sys.exit(code)
"""


def run(path: Path, *extra: str) -> dict:
    """One `gazette extract` in a fresh process: seconds, its own peak RSS, exit code."""
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CHILD, "extract", "--max-bytes", str(1 << 31),
                           "--max-line", str(1 << 30), *extra, str(path), "-o", os.devnull],
                          capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds = time.perf_counter() - t
    err = proc.stderr.decode("utf-8", "replace")
    tail = err.rsplit("PEAK_KB ", 1)[1].split() if "PEAK_KB " in err else ["0", "CPU", "0"]
    peak, cpu = int(tail[0]), float(tail[2])
    return {"seconds": round(seconds, 2), "cpu_seconds": cpu, "peak_mb": round(peak / 1024, 1), "exit": proc.returncode,
            "stderr": err.rsplit("PEAK_KB", 1)[0].strip()[-200:], "input_mb": round(path.stat().st_size / 1e6, 2)}


def series(name: str, make, sizes, folder: Path, suffix: str) -> list[dict]:
    rows = []
    for scale, size in sizes:
        path = folder / f"{name}-{scale}x{suffix}"
        path.write_bytes(make(size))
        r = run(path)
        r.update(series=name, scale=scale, size=size, load=round(os.getloadavg()[0], 2))
        rows.append(r)
        print(f"{name:12s} {scale}x  {r['input_mb']:8.2f} MB  {r['seconds']:7.2f} s  cpu {r['cpu_seconds']:7.2f} s  "
              f"peak {r['peak_mb']} MB  "
              f"exit {r['exit']}  load {r['load']}  {r['stderr'][:80]}", flush=True)
        path.unlink()
    base = rows[0]
    for r in rows:
        r["seconds_ratio"] = round((r["seconds"] / base["seconds"]) / r["scale"], 2)
        r["cpu_ratio"] = round((r["cpu_seconds"] / base["cpu_seconds"]) / r["scale"], 2) if base["cpu_seconds"] else None
        r["mb_per_input_mb"] = round(r["peak_mb"] / r["input_mb"], 1) if r["input_mb"] else None
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json")
    args = ap.parse_args()
    div = 8 if args.quick else 1
    folder = Path(tempfile.mkdtemp(prefix="gazette-bench-"))
    out = {"load_before": os.getloadavg(), "cores": os.cpu_count()}
    mb = 50 * 1000 * 1000 // div
    out["text"] = series("text", real_text, [(k, mb * k // 8) for k in (1, 2, 4, 8)], folder, ".md")
    n = 100_000 // div
    out["articles"] = series("articles", articles, [(k, n * k // 8) for k in (1, 2, 4, 8)], folder, ".txt")
    blank = folder / "blank.txt"
    blank.write_bytes(b"\xe7\xac\xac\xe4\xb8\x80\xe6\x9d\xa1 x\n" + b"\n" * (10_000_000 // div))
    out["blank_lines"] = run(blank)
    print("blank lines", out["blank_lines"], flush=True)
    import hostile_pdf

    for gib in (0.25, 2, 8):
        p = folder / f"bomb-{gib}.pdf"
        p.write_bytes(hostile_pdf.bomb(int(gib * (1 << 30))))
        out[f"bomb_{gib}GiB"] = run(p)
        print(f"bomb {gib} GiB", out[f"bomb_{gib}GiB"], flush=True)
    out["load_after"] = os.getloadavg()
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
