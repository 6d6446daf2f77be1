"""One document's lines to a Document: head, body provisions, closing, published regulation, attachments.

Layout of an official document (GB/T 9704): title, 文号, recipients (主送), body, signature and date,
then attachments; a 印发 notice is followed by the regulation it publishes, which is kept in the notice
document as a provision `reg` with its own tree.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..head_model import AttachmentNote, Element
from ..lexicon import heads as shapes
from ..lexicon.dates import parse_any_date
from ..lexicon.docnumber import normalize_doc_number
from ..lexicon.heads import ATTACHMENT_LINE
from ..lexicon.numbering import CN_NUM, match_label, starts_with_label
from ..lexicon.numerals import parse_int
from ..lexicon.spacing import SEP, squash
from ..model import Document, Provision
from ..values import Attachment, Regulation
from .head import (HeadRead, attachment_heading, attachment_note, closing_elements, colophon, find_closing, is_recipients,
                   notes_after, read_head, title_shaped)
from .ids import IdPlan
from .lines import Line, Paragraph, lines_to_paragraphs
from .provisions import TreeBuilder

__all__ = ["segment_document", "is_recipients"]


def _nonblank(lines: list[Line], i: int, stop: int) -> int:
    while i < stop and lines[i].blank:
        i += 1
    return i


def segment_document(doc_id: str, lines: list[Line], a: int, b: int, blank_mode: bool, *,
                     head: HeadRead | None = None, info_end: int | None = None) -> Document:
    """Lines a..b (exclusive) of the clean text form one document; `head` is its head when the issue
    segmenter has read it already (the same reader, `segment.head.read_head`)."""
    doc = Document(id=doc_id, start=lines[a].start, end=lines[b - 1].end if b > a else lines[a].start)
    provisions: list[Provision] = []
    ids = IdPlan()
    elements: list[Element] = []

    # -- head: 版头 and title, 文号, recipients (or a law's history lines) ----------------------------------
    i = _nonblank(lines, a, b)
    if head is None:
        head = read_head(lines, i, b, info_end=info_end)
    head_end = max(head.end, i)
    doc.metadata = head_metadata(lines, head)
    elements += head.elements
    title_el = head.first("title")
    if title_el is not None:
        doc.title = title_el.value
    recipients = head.first("recipients")
    if recipients is not None:
        doc.recipients = list(recipients.names)
    preamble = Provision(id=ids.new("preamble"), level="preamble", start=lines[a].start, heading=doc.title)
    provisions.append(preamble)

    # -- body, closing, regulation, attachments, 版记 ------------------------------------------------------
    body_start = head_end
    toc_end = _toc_block(lines, body_start, b)
    if toc_end:
        provisions.append(Provision(id=ids.new("toc"), level="preamble", start=lines[body_start].start, heading="目录"))
        body_start = toc_end
    colophon_at, colophon_els = colophon(lines, body_start, b)
    elements += colophon_els
    tail_end = colophon_at if colophon_at is not None else b
    att_at = [k for k in range(body_start, tail_end) if ATTACHMENT_LINE.match(lines[k].text)]
    closing = find_closing(lines, body_start, att_at[0] if att_at else tail_end)
    body_end = closing[0] if closing else (att_at[0] if att_at else tail_end)
    note = attachment_note(lines, body_start, body_end)
    if note:
        elements.append(note[2])
    _build(provisions, ids, lines, body_start, body_end, blank_mode, None, together=note[:2] if note else None)
    after = body_end
    signature = None
    if closing:
        c0, c1 = closing
        node = Provision(id=ids.new("closing"), level="closing", start=lines[c0].start)
        provisions.append(node)
        closing_els = closing_elements(lines, c0, c1)
        elements += closing_els
        signature = next((e for e in closing_els if e.element == "signature"), None)
        doc.signature = lines[c0].stripped if signature is not None else None
        # notes printed under the date ('（此件公开发布）') belong to the closing
        c1, notes = notes_after(lines, c1, b)
        elements += notes
        after = c1
        # the regulation a 印发 notice (or a decree) publishes; after any other document, what follows
        # the date (抄送, 印发 colophon) stays in the closing
        reg_end = att_at[0] if att_at and att_at[0] >= c1 else tail_end
        r = _nonblank(lines, c1, reg_end)
        publishes = bool(shapes.publishing().search(doc.title or "")) or (title_el is not None and title_el.kind == "令")
        if r < reg_end and (lines[r].heading or (publishes and title_shaped(lines[r]))):
            reg_head = read_head(lines, r, reg_end)
            reg_title = reg_head.title or squash(lines[r].stripped)
            reg = Provision(id=ids.new("reg"), level="attachment", start=lines[c1].start if c1 < b else lines[r].start,
                            heading=reg_title)
            reg.kind = "regulation"
            provisions.append(reg)
            doc.regulation = Regulation(title=reg_title, provision_id=reg.id)
            reg_body = max(reg_head.end, r + 1)
            inner = attachment_note(lines, reg_body, reg_end)
            if inner and not note:
                elements.append(inner[2])
                note = inner
            _build(provisions, ids, lines, reg_body, reg_end, blank_mode, reg,
                   together=inner[:2] if inner else None)
            after = reg_end
    for n, k in enumerate(att_at):
        if k < after:
            continue
        end = next((x for x in att_at if x > k), tail_end)
        m = ATTACHMENT_LINE.match(lines[k].text)
        number = parse_int(m.group("n")) if m.group("n") else n + 1
        t = _nonblank(lines, k + 1, end)
        title = None
        heading_end = t + 1
        if t < end and not _is_table_row(lines[t].text):
            title, heading_end = attachment_heading(lines, t, end)
        label = f"附件{number}" if m.group("n") else "附件"
        att = Provision(id=ids.new(f"att{number}"), level="attachment", start=lines[k].start, label=label,
                        number=number, heading=title)
        provisions.append(att)
        content = range(heading_end if title else k + 1, end)
        rows = [_cell_spans(lines[x]) for x in content if _is_table_row(lines[x].text)]
        items = [lines[x].stripped for x in content if not lines[x].blank and not _is_table_row(lines[x].text)]
        if rows:
            att.table = [[c for c, _ in row] for row in rows]
            att.cell_spans = [[span for _, span in row] for row in rows]
        if items:
            att.items = items
        doc.attachments.append(Attachment(label=label, title=att.heading, provision_id=att.id))
        _build(provisions, ids, lines, heading_end if title else k + 1, end, blank_mode, att, absorb_all=True)
    if note:
        _listed_attachments(doc, note[2])

    elements.sort(key=lambda e: e.span)
    doc.head = elements
    _resolve_fields(doc, head, elements)
    doc.provisions = provisions
    ids.assign(doc)
    return doc


def _listed_attachments(doc: Document, note: AttachmentNote) -> None:
    """The titles a 附件说明 lists name the document's attachments: printed ones keep their provision,
    others (not printed in this text) are listed without one."""
    printed = doc.attachments
    for n, title in enumerate(note.titles):
        if n < len(printed):
            printed[n] = replace(printed[n], title=title)  # as listed (the printed heading is the provision's)
            continue
        label = f"附件{n + 1}" if len(note.titles) > 1 else "附件"
        doc.attachments.append(Attachment(label=label, title=title, provision_id=None))


def head_metadata(lines: list[Line], head: HeadRead) -> dict[str, str]:
    """The metadata table the head's lines hold (doc.metadata)."""
    metadata: dict[str, str] = {}
    for k in head.metadata_lines:
        _read_metadata(lines[k].stripped, metadata)
    return metadata


def identity(head: HeadRead, metadata: dict[str, str]) -> tuple[str | None, str | None]:
    """A document's title and 文号, which its head alone decides (every 文号 element is a head element):
    an issue's table of contents and its documents' ids are settled from these before the documents are
    segmented (segment.issue.segment_lazily)."""
    meta = _meta_fields(metadata)
    title_el = head.first("title")
    title = title_el.value if title_el is not None else None
    if title is None and meta.get("title"):
        title = meta["title"]
    number = next((e for e in sorted(head.elements, key=lambda e: e.span) if e.element == "doc_number"), None)
    doc_number = number.value if number else (normalize_doc_number(meta["doc_number"]) if meta.get("doc_number") else None)
    return title, doc_number


def _meta_fields(metadata: dict[str, str]) -> dict[str, str]:
    """The metadata table's values by document field (title, doc_number, issuer, date, kind): the first key
    that names a field wins."""
    return {shapes.metadata_field(k): v for k, v in reversed(list(metadata.items())) if shapes.metadata_field(k)}


def _resolve_fields(doc: Document, head: HeadRead, elements: list[Element]) -> None:
    """The document's fields from its elements; the metadata table only fills what the text does not give
    (printed text first: a 令's printed number beats the table's short form)."""
    first = {}
    for e in elements:
        first.setdefault(e.element, e)
    meta = _meta_fields(doc.metadata)
    doc.title, doc.doc_number = identity(head, doc.metadata)
    signatures = [e for e in elements if e.element == "signature"]
    organs = next((e.organs for e in signatures if e.organs), ())
    person = next((e for e in signatures if e.person), None)
    mark = first.get("issuer_mark")
    if organs:
        doc.issuer = "、".join(organs)
    elif mark is not None and mark.organs:
        doc.issuer = "、".join(mark.organs)
    elif meta.get("issuer"):
        doc.issuer = meta["issuer"]
    else:
        doc.issuer = _issuer_from_title(doc.title)
    if person is not None:
        doc.signed_by = person.person
    head_dates = [e for e in head.elements if e.element == "date"]
    tail_dates = [e for e in elements if e.element == "date" and e not in head_dates]
    chosen = tail_dates or head_dates
    if chosen:
        doc.date = chosen[0].value
    elif meta.get("date") and not (head.history_dates or head.history_effect):
        doc.date = parse_any_date(meta["date"])
    if head.history_dates or head.history_effect:
        # a law has no 成文日期; its version's date (the latest 通过/修正/修订/公布, else 施行) is its own field
        doc.adopted = max(head.history_dates or head.history_effect)
    title = first.get("title")
    doc.kind = (title.kind if title is not None else None) or shapes.kind_of(doc.title) or meta.get("kind")
    if "urgency" in first:
        doc.urgency = first["urgency"].level
    if "secrecy" in first:
        doc.secrecy = first["secrecy"].level
    if "copy_number" in first:
        doc.copy_number = first["copy_number"].value
    if "signer" in first:
        doc.signer = "、".join(first["signer"].names)
    if "note" in first:
        doc.note = first["note"].value
    doc.cc = [n for e in elements if e.element == "cc" for n in e.names]
    if "printed" in first:
        doc.printed_by, doc.printed_date = first["printed"].organ, first["printed"].date
    if "copies" in first:
        doc.copies = first["copies"].count
    if doc.regulation is None and doc.title:
        # a notice that publishes a text not printed here (关于印发《X》的通知, X only attached) names it
        m = shapes.published_title().search(doc.title)
        if m and (m.group("what").startswith("《") or shapes.names_its_text(m.group("verb"))):
            doc.regulation = Regulation(title=m.group("what").strip("《》"), provision_id=None)


def _build(provisions, ids, lines, a, b, blank_mode, container, absorb_all=False, together=None):
    """Lines a..b into provisions under `container`; the lines `together` (first, after) are one
    paragraph whatever their numbering (a 附件说明 `附件：1. … / 2. …` lists titles, not items)."""
    if a >= b:
        return
    builder = TreeBuilder(provisions, ids, container, absorb_all=absorb_all)
    paras = lines_to_paragraphs(lines[a:b], blank_mode, starts_new=lambda l: starts_with_label(l.text))
    if together is not None:
        glued: list[Paragraph] = []
        for para in paras:
            if glued and together[0] < para.first.index < together[1] and together[0] <= glued[-1].first.index:
                glued[-1].lines.extend(para.lines)
            else:
                glued.append(para)
        paras = glued
    first_new = len(provisions)
    for para in paras:
        for piece in _split_inline_articles(para, builder.last_article):
            builder.add(piece)
    if not absorb_all:
        first_text = {l.start: l.text for l in lines[a:b]}
        _lift_closing_paragraphs(provisions[first_new:], container, ids, first_text)


_UNITS_ONLY = re.compile(rf"^{SEP}*[（(]责任单位")


def _lift_closing_paragraphs(new: list[Provision], container: Provision | None, ids: IdPlan,
                             first_text: dict[int, str]) -> None:
    """Closing paragraphs of a list of headline sections belong to the container, not the last section.

    In '一、标题 / body … 十、标题 / body / 所需奖补资金… / 本措施自发布之日起执行…' every section has one
    body paragraph (and perhaps a 责任单位 line); paragraphs after the last section's body break that
    pattern and are the container's own (reg/para2, …), not 十、's second and third paragraphs."""
    cid = container.id if container else None
    top = [p for p in new if p.parent == cid and p.level == "section" and p.label and p.label.endswith("、")]
    if len(top) < 3 or not all(p.heading for p in top):
        return
    def extra_paras(sec):
        return [p for p in new if p.parent == sec.id and p.level == "paragraph"
                and not _UNITS_ONLY.match(first_text.get(p.start, ""))]
    if any(extra_paras(s) for s in top[:-1]):
        return
    moved = extra_paras(top[-1])
    if not moved:
        return
    n = sum(1 for p in new if p.parent == cid and p.level == "paragraph")
    for p in moved:
        n += 1
        ids.rename(p.id, f"para{n}")
        p.parent = cid
        p.number = n


_INLINE_ARTICLE = re.compile(rf"(?<=[。；;]){SEP}*(?P<label>第(?P<n>{CN_NUM})条)")


def _split_inline_articles(para: Paragraph, last_article: int) -> list[Paragraph]:
    """An article label run into the previous paragraph ('…会议决定。 第十六条市人民代表大会…') starts
    its own article when it is the next number in sequence; other 第N条 mentions stay text."""
    if not any("第" in line.text and _INLINE_ARTICLE.search(line.text) for line in para.lines):
        return [Paragraph(list(para.lines))]  # no article label after a sentence end (nearly every paragraph)
    lab = match_label(para.first.text)
    expected = (lab.number if lab and lab.level.key == "tiao" else last_article) + 1
    pieces: list[Paragraph] = [Paragraph([])]
    for line in para.lines:
        cut = 0
        for m in (_INLINE_ARTICLE.finditer(line.text) if "第" in line.text else ()):
            if parse_int(m.group("n")) != expected:
                continue
            at = m.start("label")
            pieces[-1].lines.append(Line(line.index, line.start + cut, line.start + at, line.text[cut:at],
                                         line.heading if cut == 0 else 0, line.bold_end if cut == 0 else None))
            pieces.append(Paragraph([]))
            cut = at
            expected += 1
        if cut == 0:
            pieces[-1].lines.append(line)
        else:
            pieces[-1].lines.append(Line(line.index, line.start + cut, line.end, line.text[cut:]))
    return [p for p in pieces if p.lines]


def blank_line_before(lines: list[Line], k: int) -> bool:
    return k > 0 and lines[k - 1].blank


def _toc_block(lines: list[Line], a: int, b: int) -> int | None:
    """A 目录 (a standard's 目次) block at the top of a law: from the 目录 line to where its first entry
    appears again (an entry with dot leaders and a page number: its title)."""
    i = _nonblank(lines, a, b)
    if i >= b or squash(lines[i].stripped).replace(" ", "") not in ("目录", "目次"):
        return None
    j = _nonblank(lines, i + 1, b)
    if j >= b:
        return None
    m = shapes.TOC_ENTRY.match(lines[j].stripped)
    first = squash(m.group("title") if m else lines[j].stripped).replace(" ", "")
    for k in range(j + 1, min(b, j + 400)):
        if squash(lines[k].stripped).replace(" ", "") == first and not shapes.TOC_ENTRY.match(lines[k].stripped):
            return k
    return None


def _is_table_row(text: str) -> bool:
    return "\t" in text.strip() or (text.strip().startswith("|") and text.strip().endswith("|"))


def _cell_spans(line: Line) -> list[tuple[str, tuple[int, int]]]:
    """A table row's cells (stripped) with their clean spans: `| a | b |` (markdown) or tab-separated."""
    text = line.text
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    sep = "|" if body.startswith("|") else "\t"
    if sep == "|":
        body, lead = body[1:-1] if body.endswith("|") and len(body) > 1 else body[1:], lead + 1
    out, pos = [], lead
    for raw in body.split(sep):
        inner = raw.strip()
        at = pos + (raw.find(inner) if inner else 0)
        out.append((inner, (line.start + at, line.start + at + len(inner))))
        pos += len(raw) + 1
    return out


def _read_metadata(s: str, metadata: dict[str, str]) -> None:
    """`索引号 | … | 发文字号 | 铜政发〔2020〕33号 | …` or `发文字号：…` into `metadata` (the keys:
    `extract/data/metadata_keys.tsv`, shared with the HTML reader that writes the line)."""
    keys = shapes.metadata_keys()
    alternation = "|".join(re.escape(k) for k in keys)
    cells = [c.strip() for c in re.split(r"[|｜]", s)] if ("|" in s or "｜" in s) else [s]
    pending = None
    for cell in cells:
        if not cell:
            continue
        m = re.match(r"^(" + alternation + r")\s*[:：]\s*(.*)$", cell)
        if m:
            if m.group(2):
                metadata[m.group(1)] = m.group(2).strip()
                pending = None
            else:
                pending = m.group(1)
        elif cell in keys:
            pending = cell
        elif pending:
            metadata[pending] = cell
            pending = None


_BEFORE_SUBJECT = re.compile(r"关于|对")


def _issuer_from_title(title: str | None) -> str | None:
    """某某市人民政府 from 某某市人民政府关于…的通知 (or …转发…, …对…的答复), or from a decree's title
    某某市人民政府令: the organs the title starts with."""
    if not title:
        return None
    if title.endswith("令") and "关于" not in title:
        return title[:-1] or None
    m = _BEFORE_SUBJECT.search(title)
    verb = shapes.publishing().search(title)
    if verb and (m is None or verb.start() < m.start()):
        m = verb  # 国务院办公厅转发民政部关于…: the issuer stands before the verb
    if not m or m.start() == 0:
        return None
    got = shapes.organs(title[:m.start()])
    return "、".join(got) if got else None
