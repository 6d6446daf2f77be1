"""Conversion residue rules (GZ711-GZ714): what cleaning took out of the text, reported where it sits in
the source so that an editor can fix the source.

Cleaning already found and recorded each piece (`text.removals`, kinds running_header, duplicate_char,
markup, page_break); these rules report those records and never search the text again. A PDF's running
headers and page ends are page furniture, not residue: the rules do not report them. HTML comments
(`<!-- INFO END -->`) are deliberate markers, not residue, and are not reported.
"""
from __future__ import annotations

from .registry import INFO, WARNING, rule


def _removals(ctx, kind):
    if ctx.text.format == "pdf" and kind in PAGE_FURNITURE:
        return  # a printed page has its header, its number and its end: the PDF reader took them out
    for r in ctx.text.removals:
        if r.kind == kind:
            yield r


# What a PDF reader removes from every printed page by design. In a PDF these are where they belong (at
# the top and foot of the page, the page ending inside a paragraph); only in converted text (markdown,
# plain text) do they stand inside the text where an editor must delete them.
PAGE_FURNITURE = ("running_header", "page_break")


def _finding(ctx, code, message, r):
    return ctx.finding(code, message, r.at, r.at, source_span=(r.start, r.end))


def _show(raw: str) -> str:
    return raw.strip().replace("\n", "⏎")


@rule("GZ711", "running-header", "text", WARNING, "a running header left in the text",
      what="The gazette's title printed at the top of every page (三门峡市人民政府公报) stands in the middle of "
           "the text, where a page of the printed issue ended.",
      why="It is page furniture, not content: left in, it splits a paragraph or a list and ends up in "
          "every copy and quotation of the text.",
      example="…4 companies…\n三门峡市人民政府公报\n三门峡市人民政府公报\n附件 2",
      instead="…4 companies…\n附件 2 (the header lines deleted)")
def running_header(ctx):
    for r in _removals(ctx, "running_header"):
        yield _finding(ctx, "GZ711", f"running header “{_show(r.raw)}” inside the text: delete it", r)


@rule("GZ712", "duplicate-character", "text", WARNING, "a character repeated across a page break",
      what="The last character before a page break is printed again as the first character after it "
           "(确保困 / 困难群众).",
      why="A conversion artefact: the text reads 确保困困难群众.",
      example="…确保困\n\n困难群众基本医疗有保障…",
      instead="…确保困难群众基本医疗有保障…")
def duplicate_character(ctx):
    for r in _removals(ctx, "duplicate_char"):
        before = ctx.clean[max(0, r.at - 3):r.at].split("\n")[-1]
        after = ctx.clean[r.at:r.at + 3].split("\n")[0]
        yield _finding(ctx, "GZ712", f"“{r.raw}” repeated across a page break: the source reads “{before}{r.raw}"
                                     f"{after}”; delete one", r)


@rule("GZ713", "markup-residue", "text", WARNING, "markup left in the text",
      what="HTML or converter markup such as <sub>2</sub>, <br>, <span> inside the text.",
      why="It prints as code, or silently changes the text (基数<sub>2</sub>的2% reads 基数2的2%).",
      example="本人缴费基数<sub>2</sub>的2%",
      instead="本人缴费基数的2%")
def markup_residue(ctx):
    for r in _removals(ctx, "markup"):
        if r.raw.lstrip().startswith("<!--"):
            continue
        yield _finding(ctx, "GZ713", f"markup “{_show(r.raw)}” inside the text: delete it (or write what it meant)", r)


@rule("GZ714", "paragraph-split", "text", INFO, "a paragraph split in two by a page break",
      what="A paragraph of the source is cut by blank lines where the printed page ended, mid-sentence.",
      why="Readers and tools take the two halves for two paragraphs (two 款 of an article); the split "
          "must be joined in the source.",
      example="…自2022年起免收3个月\n\n房租、减半收取 12 个月房租…",
      instead="…自2022年起免收3个月房租、减半收取 12 个月房租…")
def paragraph_split(ctx):
    for r in _removals(ctx, "page_break"):
        before = ctx.clean[max(0, r.at - 6):r.at].split("\n")[-1]
        after = ctx.clean[r.at:r.at + 6].split("\n")[0]
        yield _finding(ctx, "GZ714", f"paragraph split by a page break between “{before}” and “{after}”: join the lines", r)
