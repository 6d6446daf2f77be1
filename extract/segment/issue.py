"""Clean text to an issue: where each document starts, and the front matter (masthead, table of contents).

A document starts at the title block above a 文号 line, or at a level-1 heading shaped like a title.
Text before the first document is the front matter. A file with a masthead (公报 with 目录 or 第N号) or
with two or more documents is an issue; otherwise it is one stand-alone document and `issue` is null.
"""
from __future__ import annotations

import difflib
import re

from ..lexicon.dates import DATE, is_standalone_date, parse_date
from ..lexicon.docnumber import DECREE_NUMBER, is_doc_number_line
from ..lexicon.doctypes import notice_title, title_words
from ..lexicon.spacing import SEP, WS, squash
from ..model import Document, Issue
from .document import is_recipients, segment_document
from .lines import Line, blank_separated, text_to_lines

_TOC_ENTRY = re.compile(rf"^(?P<title>.*?){SEP}*(?:\.{{2,}}|…+|·{{2,}}|．{{2,}}|-{{3,}}){SEP}*(?P<page>\d{{1,4}}){SEP}*$")
_TOC_SECTION = re.compile(rf"^{SEP}*【(?P<name>[^】]{{1,20}})】{SEP}*$")
_TOC_FRAGMENT = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"(?<!总)第\s*(\d{1,4})\s*[号期]")
_TOTAL = re.compile(r"总\s*第\s*(\d{1,5})\s*[号期]")
_PUBLISHED = re.compile(rf"出版日期\s*[:：]?\s*(?P<date>{DATE.pattern})")
_PUBLISHER = re.compile(r"主\s*办\s*[:：]?\s*\n*\s*(?P<who>[^\n]{2,40})")
_YEAR_LINE = re.compile(r"^\s*((?:19|20)\d{2})\s*$", re.M)


def document_starts(lines: list[Line]) -> list[tuple[int, int]]:
    """(first line of the document, line after its head) for each document in reading order."""
    starts: list[tuple[int, int]] = []
    for k, line in enumerate(lines):
        if not is_doc_number_line(line.stripped):
            continue
        # the title block: the non-blank lines just above, skipping one blank line
        j = k - 1
        while j >= 0 and lines[j].blank:
            j -= 1
        if j < 0:
            continue
        top = j
        while top - 1 >= 0 and j - top < 3 and not lines[j].heading and _continues_title(lines[top - 1]):
            top -= 1
        title = squash(" ".join(l.stripped for l in lines[top:j + 1]))
        if not title_words().search(title) and "关于" not in title:
            continue
        head_end = k + 1
        r = head_end
        while r < len(lines) and lines[r].blank:
            r += 1
        if r < len(lines):
            s = lines[r].stripped
            if is_recipients(s):
                head_end = r + 1
        starts.append((top, head_end))
    return _starts_without_doc_number(lines, starts)


_DECREE = re.compile(r"^\S{2,30}(?:人民政府|政府)令$")


def _starts_without_doc_number(lines: list[Line], starts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Documents printed without a 文号: a government decree (XX人民政府令 / 第12号), a level-1 heading
    shaped like a title, or a '关于…的通知' line standing above its recipients (各县…人民政府：). A title equal to what the document before it publishes (关于印发X的通知, then X) is that
    document's regulation, not a new document."""
    taken = {k for a, b in starts for k in range(a, b)}
    found: list[tuple[int, int]] = []
    n = len(lines)

    def next_nonblank(i: int) -> int:
        while i < n and lines[i].blank:
            i += 1
        return i

    for k, line in enumerate(lines):
        if k in taken or line.blank:
            continue
        s = line.stripped
        title = squash(s)
        head_end = None
        if _DECREE.match(title):
            j = next_nonblank(k + 1)
            if j < n and DECREE_NUMBER.match(lines[j].stripped):
                head_end = j + 1
        elif (line.heading == 1 and (title_words().search(title) or "关于" in title) and "公报" not in title) \
                or (notice_title().search(title) and len(title) <= 80):
            j = next_nonblank(k + 1)
            if j < n and is_recipients(lines[j].stripped):
                head_end = j + 1
            elif line.heading == 1:
                head_end = k + 1
        if head_end is None or _published_by_previous(lines, starts + found, k, title):
            continue
        if _repeated_below(lines, starts, k, title):
            continue  # the same document's title printed again above its 文号
        found.append((k, head_end))
        taken.update(range(k, head_end))
    return sorted(starts + found)


def _repeated_below(lines: list[Line], starts: list[tuple[int, int]], k: int, title: str) -> bool:
    later = [a for a, _ in starts if k < a <= k + 20]
    if not later:
        return False
    a = min(later)
    other = squash(" ".join(l.stripped for l in lines[a:a + 3] if not l.blank and not is_doc_number_line(l.stripped)))
    mine, theirs = _norm(title), _norm(other)
    return bool(mine) and (mine in theirs or (len(theirs) >= 4 and theirs in mine) or theirs[:len(mine)] == mine
                           or difflib.SequenceMatcher(None, mine, theirs[:len(mine) + 10]).ratio() >= 0.8)


def _published_by_previous(lines: list[Line], starts: list[tuple[int, int]], k: int, title: str) -> bool:
    before = [a for a, _ in starts if a < k]
    if not before:
        return False
    a = max(before)
    prev_title = squash(" ".join(l.stripped for l in lines[a:a + 3] if not l.blank))
    return bool(re.search(r"印发|发布|公布|转发|批转", prev_title)) and title.replace(" ", "") in prev_title.replace(" ", "")


_NOT_TITLE_END = "。！？；：:;!?）)」』”"


def _continues_title(line: Line) -> bool:
    """Could this line, just above a title line, be the title's first line? Not when it ends a
    sentence, or is a date, 文号, signature, table row or TOC entry (text without blank lines)."""
    s = line.stripped
    if line.blank or line.heading or not s or s[-1] in _NOT_TITLE_END or "\t" in s:
        return False
    if is_standalone_date(s) or is_doc_number_line(s) or _TOC_ENTRY.match(s):
        return False
    from .document import is_signature

    return not is_signature(line) and len(s) <= 40


def segment(text) -> tuple[Issue | None, list[Document]]:
    lines = text_to_lines(text)
    blank_mode = text.format == "markdown" or blank_separated(lines)
    info_end = None
    for r in text.removals:
        if "INFO END" in r.raw:
            info_end = next((ln.index for ln in lines if ln.start >= r.at), None)
            break
    starts = document_starts(lines)
    front_end_line = starts[0][0] if starts else 0
    front = text.clean[: lines[front_end_line].start] if starts else ""
    is_issue = bool(starts) and (
        len(starts) >= 2 or ("公报" in front and ("目录" in front.replace(" ", "") or _NUMBER.search(front)))
    )
    documents: list[Document] = []
    if not is_issue:
        numbered = [s for s in starts if any(is_doc_number_line(lines[k].stripped) for k in range(*s))]
        doc = segment_document("doc1", lines, 0, len(lines), blank_mode,
                               head_end=numbered[0][1] if numbered and numbered[0][0] == _first_nonblank(lines) else None,
                               info_end=info_end)
        doc.start, doc.end = 0, len(text.clean)
        documents.append(doc)
        _name_documents(documents)
        return None, _finish(text, documents)
    issue = _front_matter(text, front)
    for n, (a, head_end) in enumerate(starts):
        b = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        doc = segment_document(f"doc{n + 1}", lines, a, b, blank_mode, head_end=head_end)
        doc.start = lines[a].start
        doc.end = lines[b].start if b < len(lines) else len(text.clean)
        documents.append(doc)
    _name_documents(documents)
    _link_toc(issue, documents)
    return issue, _finish(text, documents)


def _first_nonblank(lines: list[Line]) -> int:
    return next((i for i, l in enumerate(lines) if not l.blank), 0)


def _name_documents(documents: list[Document]) -> None:
    """Document ids: the 文号 where it is printed and unique (stable across re-parses), else docN."""
    seen: dict[str, int] = {}
    for d in documents:
        if d.doc_number:
            seen[d.doc_number] = seen.get(d.doc_number, 0) + 1
    for d in documents:
        if d.doc_number and seen[d.doc_number] == 1:
            d.id = d.doc_number


def _finish(text, documents: list[Document]) -> list[Document]:
    """Provision ends, texts, lines and pages: each provision runs to the start of the next."""
    for d in documents:
        provs = sorted(d.provisions, key=lambda p: p.start)
        for k, p in enumerate(provs):
            p.end = provs[k + 1].start if k + 1 < len(provs) else d.end
            p.text = text.clean[p.start:p.end]
            p.line = text.line_col(p.start)[0]
            p.page = text.page(p.start)
        if provs:
            provs[0].start = d.start
            provs[0].text = text.clean[d.start:provs[0].end]
            provs[0].line = text.line_col(d.start)[0]
        d.provisions = provs
    return documents


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


def _toc(front: str) -> list[dict]:
    entries: list[dict] = []
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
            entries.append({"title": title, "page": int(m.group("page")), "section": section,
                            "span": [pending_start, start + len(line)]})
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


def _link_toc(issue: Issue, documents: list[Document]) -> None:
    for e in issue.toc:
        best, score = None, 0.0
        for d in documents:
            if _norm(d.title) == _norm(e["title"]):
                best, score = d, 1.0
                break
            r = difflib.SequenceMatcher(None, _norm(d.title), _norm(e["title"])).ratio()
            if r > score:
                best, score = d, r
        if best is not None and score >= 0.8:
            e["document_id"] = best.id
            e["match"] = "exact" if score == 1.0 else "fuzzy"
            e["similarity"] = round(score, 3)
        else:
            e["document_id"] = None
            e["match"] = "unmatched"
