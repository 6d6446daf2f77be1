"""Clean text to an issue: where each document starts, and the front matter (masthead, table of contents).

Where documents start is the head reader's answer (`segment.head.find_heads`: a 文号 line under its
title, a 发文机关标志, a 令 and its number, a title over its recipients, a level-1 heading shaped like a
title); each document then reads the same head. Text before the first document is the front matter. A file with a masthead (公报 with 目录 or 第N号) or
with two or more documents is an issue; otherwise it is one stand-alone document and `issue` is null.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace

from ..lexicon.dates import DATE, parse_date
from ..lexicon.spacing import SEP, WS, squash
from ..model import CleanText, Document, Issue
from ..values import TocEntry
from .document import head_metadata, identity, segment_document
from .head import find_heads
from .lines import Line, blank_separated, read_lines

_TOC_ENTRY = re.compile(rf"^(?P<title>.*?){SEP}*(?:\.{{2,}}|…+|·{{2,}}|．{{2,}}|-{{3,}}){SEP}*(?P<page>\d{{1,4}}){SEP}*$")
_TOC_SECTION = re.compile(rf"^{SEP}*【(?P<name>[^】]{{1,20}})】{SEP}*$")
_TOC_FRAGMENT = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"(?<!总)第\s*(\d{1,4})\s*[号期]")
_TOTAL = re.compile(r"总\s*第\s*(\d{1,5})\s*[号期]")
_PUBLISHED = re.compile(rf"出版日期\s*[:：]?\s*(?P<date>{DATE.pattern})")
_PUBLISHER = re.compile(r"主\s*办\s*[:：]?\s*\n*\s*(?P<who>[^\n]{2,40})")
_YEAR_LINE = re.compile(r"^\s*((?:19|20)\d{2})\s*$", re.M)


def segment(text) -> tuple[Issue | None, list[Document]]:
    issue, documents = segment_lazily(text)
    return issue, list(documents)


class Documents:
    """An issue's documents, each segmented when the iteration reaches it (once: iterate once). `len` is
    their number and `length` the characters of clean text they cover, known before any is made."""

    def __init__(self, make, count: int, length: int):
        self._make, self.count, self.length = make, count, length

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        return self._make()


def segment_lazily(text) -> tuple[Issue | None, Documents]:
    """`segment`, but the documents are made one at a time as they are asked for, so that a writer can let
    each go before the next is made (a 50 MB issue holds 300,000 provisions). Their ids and the table of
    contents come from the heads, read first: a document's title and 文号 are its head's
    (segment.document.identity)."""
    lines = read_lines(text)  # a large text's made as read, a block at a time (not a million Lines at once)
    heads = find_heads(lines)
    blank_mode = text.format == "markdown" or blank_separated(lines)  # (after the heads: counted as read)
    info_end = None
    for r in text.removals:
        if "INFO END" in r.raw:
            info_end = next((ln.index for ln in lines if ln.start >= r.at), None)
            break
    front_end_line = heads[0].top if heads else 0
    front = text.clean[: lines[front_end_line].start] if heads else ""
    is_issue = bool(heads) and (
        len(heads) >= 2 or ("公报" in front and ("目录" in front.replace(" ", "") or _NUMBER.search(front)))
    )
    clean = CleanText(text.clean)  # one, shared: each provision's text is sliced from it when read
    if not is_issue:
        held = [lines]  # (taken by the document: not held by this closure while the document is written)

        def alone():
            n = len(held[0])
            whole = next(_document_lines(held.pop(), [0, n]))  # one document: all its lines, as a list
            doc = segment_document("doc1", whole, 0, n, blank_mode, info_end=info_end)
            del whole
            doc.start, doc.end = 0, len(text.clean)
            if doc.doc_number:
                doc.id = doc.doc_number
            yield _finish(text, doc, clean)

        return None, Documents(alone, 1, len(text.clean))
    issue = _front_matter(text, front)
    named = _names([identity(head, head_metadata(lines, head)) for head in heads])
    _link_toc(issue, named)

    tops = [head.top for head in heads] + [len(lines)]

    def each():
        for n, (head, view) in enumerate(zip(heads, _document_lines(lines, tops))):
            a, b = tops[n], tops[n + 1]
            doc = segment_document(f"doc{n + 1}", view, a, b, blank_mode, head=head)
            doc.id = named[n].id
            doc.start = view[a].start
            doc.end = view[b].start if b < len(lines) else len(text.clean)
            yield _finish(text, doc, clean)

    return issue, Documents(each, len(heads), len(text.clean) - len(front))


def _document_lines(lines, tops: list[int]):
    """For each document n in turn (lines tops[n]..tops[n + 1]), the lines as a list: all of them when
    `lines` is a list already, else (a LineSeq) a list in which the lines of documents n - 1 to n + 1 are
    made and the others are None. A document's reading looks back one line at most (over blank lines, to
    the previous document's last) and never past its end; the lines are made once more (the heads pass
    made and let them go) but read at list speed, and a large issue's lines are never all held."""
    if isinstance(lines, list):
        for _ in range(len(tops) - 1):
            yield lines
        return
    lines.forget()  # the view holds what is needed
    view: list = [None] * len(lines)  # 8 bytes a line
    made = freed = 0
    for n in range(len(tops) - 1):
        upto = tops[min(n + 2, len(tops) - 1)]
        if upto > made:
            view[made:upto] = lines[made:upto]
            made = upto
        if n >= 1 and tops[n - 1] > freed:
            view[freed:tops[n - 1]] = [None] * (tops[n - 1] - freed)
            freed = tops[n - 1]
        yield view


@dataclass
class _Named:
    """A document's id and title, before the document itself is made."""
    id: str
    title: str | None


def _names(identities: list[tuple[str | None, str | None]]) -> list[_Named]:
    """Document ids: the 文号 where it is printed and unique (stable across re-parses), else docN."""
    seen: dict[str, int] = {}
    for _, number in identities:
        if number:
            seen[number] = seen.get(number, 0) + 1
    return [_Named(number if number and seen[number] == 1 else f"doc{n + 1}", title)
            for n, (title, number) in enumerate(identities)]


def _first_nonblank(lines: list[Line]) -> int:
    return next((i for i, l in enumerate(lines) if not l.blank), 0)


def _finish(text, d: Document, clean: CleanText) -> Document:
    """Provision ends, texts, lines and pages: each provision runs to the start of the next."""
    provs = sorted(d.provisions, key=lambda p: p.start)
    for k, p in enumerate(provs):
        p.end = provs[k + 1].start if k + 1 < len(provs) else d.end
        p.text_in(clean)  # clean[p.start:p.end], sliced when read
        p.line = text.line_col(p.start)[0]
        p.page = text.page(p.start)
    if provs:
        provs[0].start = d.start
        provs[0].text_in(clean)
        provs[0].line = text.line_col(d.start)[0]
    d.provisions = provs
    if text.pages:
        d.head = [replace(e, page=text.page(e.span[0])) for e in d.head]
    return d


def _front_matter(text, front: str) -> Issue:
    issue = Issue(start=0, end=len(front), text=front)
    first = next((l for l in front.split("\n") if "公报" in l.replace(" ", "")), None)
    if first:
        issue.title = squash(first).replace(" ", "")
    m = _NUMBER.search(front)
    issue.number = int(m.group(1)) if m else None
    m = _TOTAL.search(front)
    issue.total_number = int(m.group(1)) if m else None
    m = _PUBLISHED.search(front)
    if m:
        issue.published = parse_date(m.group("date"))
    m = _PUBLISHER.search(front)
    if m:
        issue.publisher = m.group("who").strip()
    m = _YEAR_LINE.search(front)
    if m:
        issue.year = int(m.group(1))
    elif issue.published:
        issue.year = int(issue.published[:4])
    issue.toc = _toc(front)
    return issue


def _toc(front: str) -> list[TocEntry]:
    entries: list[TocEntry] = []
    section = None
    pending: list[str] = []
    pos = 0
    pending_start = 0
    for line in front.split("\n"):
        start = pos
        pos += len(line) + 1
        s = line.strip(WS)
        if not s:
            pending = []
            continue
        m = _TOC_SECTION.match(s)
        if m:
            section = m.group("name")
            pending = []
            continue
        m = _TOC_ENTRY.match(s)
        if m:
            if not pending:
                pending_start = start
            title = squash(" ".join(pending + [m.group("title")])).replace(" ", "")
            entries.append(TocEntry(title=title, page=int(m.group("page")), section=section,
                                    span=(pending_start, start + len(line))))
            pending = []
            continue
        if not _TOC_FRAGMENT.search(s) or re.search(r"[:：]", s) or s[0] in "(（":
            pending = []  # masthead lines (电话: …, (内部资料…)) are not part of an entry's title
            continue
        if not pending:
            pending_start = start
        pending.append(s)
        if len(pending) > 4:
            pending = pending[-4:]
    return entries


def _norm(title: str | None) -> str:
    return re.sub(r"[\s\u3000“”\"'《》、，,（）()]", "", title or "")


def _link_toc(issue: Issue, documents: list[_Named]) -> None:
    linked = []
    for e in issue.toc:
        best, score = None, 0.0
        for d in documents:
            if _norm(d.title) == _norm(e.title):
                best, score = d, 1.0
                break
            r = difflib.SequenceMatcher(None, _norm(d.title), _norm(e.title)).ratio()
            if r > score:
                best, score = d, r
        if best is not None and score >= 0.8:
            linked.append(replace(e, document_id=best.id, match="exact" if score == 1.0 else "fuzzy",
                                  similarity=round(score, 3)))
        else:
            linked.append(replace(e, document_id=None, match="unmatched"))
    issue.toc = linked
