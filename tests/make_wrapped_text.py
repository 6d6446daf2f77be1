"""Make corpus/sanmenxia-gazette-2023-02.pdftotext.txt: the seed as a PDF-to-text converter prints it.

The shape of `pdftotext -layout` output for a printed gazette: lines hard-wrapped at the printed width
(38 characters), no blank line between paragraphs, body paragraphs indented with two full-width spaces, a running header at the top
and a page number (— N —) at the foot of every page, and a form feed between pages. Content comes from
the seed's cleaned text (markdown marks, headers and artefacts already gone), so a parse of the
wrapped file must give the seed's documents and provision tree. This input is a fixture, not a golden
file: run `python tests/make_wrapped_text.py` to remake it.
"""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WIDTH = 76  # display columns: 38 Chinese characters
LINES_PER_PAGE = 40
HEADER = "三门峡市人民政府公报"


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def wrap(text: str, indent: str) -> list[str]:
    out, cur = [], indent
    for ch in text:
        if width(cur + ch) > WIDTH:
            out.append(cur)
            cur = ""
        cur += ch
    if cur:
        out.append(cur)
    return out


def main() -> None:
    import extract

    x = extract.parse(str(ROOT / "corpus" / "sanmenxia-gazette-2023-02.md"), recognize=False)
    body: list[str] = []
    for para in x.text.clean.split("\n\n"):
        para = para.strip("\n")
        if not para:
            continue
        if "\t" in para or "\n" in para:  # tables, lists and the masthead keep their lines
            body.extend(para.split("\n"))
        else:
            prose = para.endswith(("。", "）", ")", "；", "：", "！"))
            body.extend(wrap(para, "\u3000\u3000" if prose else ""))
    pages, page = [], []
    for line in body:
        page.append(line)
        if len(page) == LINES_PER_PAGE:
            pages.append(page)
            page = []
    if page:
        pages.append(page)
    chunks = []
    for n, lines in enumerate(pages, 1):
        head = [] if n == 1 else [f"{' ' * 28}{HEADER}", ""]
        chunks.append("\n".join(head + lines + ["", f"{' ' * 34}— {n} —"]) + "\n")
    out = ROOT / "corpus" / "sanmenxia-gazette-2023-02.pdftotext.txt"
    out.write_text("\f".join(chunks), encoding="utf-8")
    print(f"wrote {out} ({len(pages)} pages)")


if __name__ == "__main__":
    main()
