"""PDF reading speed: our reader against bare pdfplumber on the same files, in one run.

    python bench/pdf_bench.py                 # the seed issue rendered in one and in two columns
    python bench/pdf_bench.py a.pdf b.pdf     # your own files
    python bench/pdf_bench.py --repeat 5

For each file it prints pages per second for
  pdfplumber   `page.extract_text()` on every page (pdfplumber alone, nothing else),
  text layer   our fast path: pypdfium2 characters grouped into rows as pdfplumber groups them
               (for a text object pdfium drops, its own recovery or pdfplumber's characters: see pdf_chars.py),
  reader       our whole reader (`read_pdf`): text layer, running headers and page numbers, columns,
               tables (pdfplumber's table finder on pdfium's paths), paragraphs, source and removals,
and the ratios against pdfplumber. It also checks that the text layer gives pdfplumber's output: the
pages where the two texts are identical, and the first difference on each page where they are not.
Times are the best of --repeat rounds, each round running the three in turn.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def best_of(repeat: int, *fns) -> list[float]:
    """The best time of each function over `repeat` rounds, the functions run in turn in every round:
    a burst of other work on a shared machine then slows all of them, not only the one that ran then."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            t = time.perf_counter()
            fn()
            best[k] = min(best[k], time.perf_counter() - t)
    return best


def plumber_texts(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [p.extract_text() for p in pdf.pages]


def layer_texts(path: Path) -> list[str]:
    """The reader's first stage alone: pypdfium2 characters (with what pdfium drops recovered, as the reader
    does), grouped into rows."""
    import pypdfium2 as pdfium

    from extract.ingest.pdf_chars import (add_missing, page_chars, read_lost, scan_page, sized_by_font,
                                          use_embedded_fonts_only)
    from extract.ingest.pdf_lines import chars_to_rows, plain_text
    from extract.ingest.pdf_plumber import Plumber

    use_embedded_fonts_only()  # as the reader does
    data = path.read_bytes()
    doc = pdfium.PdfDocument(data)
    plumber = Plumber(data)
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            chars = page_chars(page)
            scan = scan_page(page)
            if scan.lost_text:
                found = read_lost(page, scan.lost_objects)
                if found is None or not sized_by_font(found):
                    chars = add_missing(chars, plumber.chars(i), scan.lost, found)
                else:
                    chars = add_missing(chars, found, scan.lost)
            out.append(plain_text(chars_to_rows(chars)))
        return out
    finally:
        plumber.close()
        doc.close()


def read_whole(path: Path):
    from extract.ingest.pdf import read_pdf

    return read_pdf(path.read_bytes(), str(path))


def first_difference(a: str, b: str) -> str:
    for k, (x, y) in enumerate(zip(a.split("\n"), b.split("\n"))):
        if x != y:
            return f"line {k + 1}: ours {x[:40]!r} / pdfplumber {y[:40]!r}"
    return "different number of lines"


def bench(path: Path, repeat: int, label: str) -> dict:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    pages = len(doc)
    doc.close()
    theirs = plumber_texts(path)
    ours = layer_texts(path)
    same = [i for i in range(pages) if ours[i] == theirs[i]]
    t_plumber, t_layer, t_reader = best_of(repeat, lambda: plumber_texts(path), lambda: layer_texts(path),
                                           lambda: read_whole(path))
    print(f"\n{label}: {path.name}, {pages} pages")
    print(f"  {'pdfplumber extract_text':26s} {pages / t_plumber:8.1f} pages/s  {t_plumber * 1000:8.1f} ms")
    print(f"  {'text layer (ours)':26s} {pages / t_layer:8.1f} pages/s  {t_layer * 1000:8.1f} ms"
          f"  {t_plumber / t_layer:5.1f}x pdfplumber")
    print(f"  {'whole reader (ours)':26s} {pages / t_reader:8.1f} pages/s  {t_reader * 1000:8.1f} ms"
          f"  {t_plumber / t_reader:5.1f}x pdfplumber")
    print(f"  identical text on {len(same)} of {pages} pages")
    for i in range(pages):
        if i not in same:
            print(f"    page {i + 1}: {first_difference(ours[i], theirs[i])}")
    return {"pages": pages, "plumber": pages / t_plumber, "layer": pages / t_layer, "reader": pages / t_reader,
            "identical": len(same)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    results = {}
    if args.pdfs:
        for p in args.pdfs:
            results[p.name] = bench(p, args.repeat, "file")
    else:
        sys.path.insert(0, str(ROOT / "tests"))
        from pdf_fixtures import render_seed

        with tempfile.TemporaryDirectory() as tmp:
            one, two = Path(tmp) / "seed-1col.pdf", Path(tmp) / "seed-2col.pdf"
            render_seed(one)
            render_seed(two, columns=2)
            results["single column"] = bench(one, args.repeat, "single column")
            results["two columns"] = bench(two, args.repeat, "two columns")
    print("\nsummary (pages/s)")
    print(f"  {'':16s} {'pdfplumber':>11s} {'text layer':>11s} {'reader':>9s} {'reader/pdfplumber':>18s}")
    for name, r in results.items():
        print(f"  {name:16s} {r['plumber']:11.1f} {r['layer']:11.1f} {r['reader']:9.1f} "
              f"{r['reader'] / r['plumber']:17.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
