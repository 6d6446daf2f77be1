"""Table-of-contents rules (GZ2xx): the issue's 目录 against the documents printed in it.

The segmenter has already linked each TOC entry to a document (`document_id`, `match`); these rules
report what the link shows: entries without documents, documents without entries, titles that differ,
and page numbers that disagree with the page a document starts on (when the input has pages).
"""
from __future__ import annotations

import difflib
import re

from .registry import ERROR, WARNING, rule

_SPACE = re.compile(r"[\s\u3000]+")


def _entries(ctx):
    return ctx.issue.toc if ctx.issue is not None else []


def _entry_span(e):
    span = e.span
    return span[0], span[1]


@rule("GZ201", "toc-entry-without-document", "toc", ERROR, "a table-of-contents entry names no document in the issue",
      what="An entry of the issue's 目录 matches none of the documents printed in the issue.",
      why="Either the document was dropped from the issue or the entry's title is wrong; readers looking "
          "for it find nothing.",
      example="目录: 三门峡市人民政府关于加强秸秆禁烧工作的通知 ..... 30  (no such document in the issue)",
      instead="Remove the entry, or print the document it announces.")
def toc_entry_without_document(ctx):
    for e in _entries(ctx):
        if not e.document_id:
            a, b = _entry_span(e)
            yield ctx.finding("GZ201", f"table of contents entry “{e.title}” matches no document in the issue",
                              a, b, doc=None)


@rule("GZ202", "document-without-toc-entry", "toc", ERROR, "a document of the issue is missing from the table of contents",
      what="The issue has a 目录, but one of its documents has no entry in it.",
      why="A document not listed in the contents is hard to find and is often left out of indexes built "
          "from the contents.",
      example="目录 lists six documents; the issue prints seven.",
      instead="Add an entry for every document, with its title and page.")
def document_without_toc_entry(ctx):
    entries = _entries(ctx)
    if not entries:
        return
    linked = {e.document_id for e in entries}
    for d in ctx.documents:
        if d.id not in linked:
            yield ctx.finding("GZ202", f"document “{d.title or d.id}” has no table of contents entry", d.start,
                              d.start, doc=d, provision=d.provisions[0] if d.provisions else None)


def _first_difference(a: str, b: str) -> str:
    sm = difflib.SequenceMatcher(None, a, b)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            return f"“{a[max(0, i1 - 4):i2 + 4]}” vs “{b[max(0, j1 - 4):j2 + 4]}”"
    return ""


@rule("GZ203", "toc-title-mismatch", "toc", WARNING, "a table-of-contents entry's title differs from the document's title",
      what="An entry of the 目录 is linked to a document, but its wording differs from the document's "
           "printed title (spaces and line breaks aside).",
      why="One of the two was edited and the other not; the contents must quote the title exactly.",
      example="目录: 三门峡市人民政府关于嘉奖全市财政系统的通报 — title: 三门峡市人民政府关于嘉奖全市财税系统的通报",
      instead="目录: 三门峡市人民政府关于嘉奖全市财税系统的通报")
def toc_title_mismatch(ctx):
    by_id = {d.id: d for d in ctx.documents}
    for e in _entries(ctx):
        d = by_id.get(e.document_id)
        if d is None or not d.title:
            continue
        a, b = _SPACE.sub("", e.title), _SPACE.sub("", d.title)
        if a != b:
            s, t = _entry_span(e)
            yield ctx.finding("GZ203", f"table of contents title differs from the document's: {_first_difference(a, b)}",
                              s, t, doc=None)


def _page_number(label):
    try:
        return int(str(label).strip())
    except (TypeError, ValueError):
        return None


@rule("GZ204", "toc-page-mismatch", "toc", ERROR, "a table-of-contents page number is not where the document starts",
      what="When the input has page numbers (PDF), the page an entry gives differs from the page the "
           "linked document starts on.",
      why="Readers turn to the wrong page; usually pages were added or removed after the contents were set.",
      example="目录: …实施意见 ..... 3  (the document starts on page 1)",
      instead="目录: …实施意见 ..... 1")
def toc_page_mismatch(ctx):
    if not ctx.text.pages:
        return
    by_id = {d.id: d for d in ctx.documents}
    for e in _entries(ctx):
        d = by_id.get(e.document_id)
        if d is None or e.page is None:
            continue
        start = d.provisions[0].start if d.provisions else d.start
        actual = _page_number(ctx.text.page(start))
        if actual is not None and actual != e.page:
            s, t = _entry_span(e)
            yield ctx.finding("GZ204", f"table of contents gives page {e.page} for “{d.title or d.id}”, "
                                       f"which starts on page {actual}", s, t, doc=None)


@rule("GZ205", "toc-page-order", "toc", WARNING, "table-of-contents page numbers go backwards",
      what="An entry of the 目录 gives a smaller page number than the entry before it.",
      why="Documents are printed in the order of the contents; a page number going backwards is a typo "
          "or a sign that entries were moved.",
      example="…通报 ..... 11\n…通知 ..... 4",
      instead="…通报 ..... 11\n…通知 ..... 14")
def toc_page_order(ctx):
    prev = None
    for e in _entries(ctx):
        page = e.page
        if page is None:
            continue
        if prev is not None and page < prev.page:
            s, t = _entry_span(e)
            yield ctx.finding("GZ205", f"table of contents page {page} comes after page {prev.page}", s, t, doc=None)
        prev = e
