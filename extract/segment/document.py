"""One document's lines to a Document: head, body provisions, closing, published regulation, attachments.

Layout of an official document (GB/T 9704): title, 文号, recipients (主送), body, signature and date,
then attachments; a 印发 notice is followed by the regulation it publishes, which is kept in the notice
document as a provision `reg` with its own tree.
"""
from __future__ import annotations

import re

from ..lexicon.dates import DATE, is_standalone_date, parse_date
from ..lexicon.docnumber import DECREE_NUMBER, is_doc_number_line, normalize_doc_number
from ..lexicon.heads import ATTACHMENT_LINE, PERSON_SIGNATURE, SIGNATURE_LINE
from ..lexicon.numbering import CN_NUM, match_label, starts_with_label
from ..lexicon.numerals import parse_int
from ..lexicon.spacing import SEP, squash
from ..model import Document, Provision
from .ids import IdPlan
from .lines import Line, Paragraph, lines_to_paragraphs
from .provisions import TreeBuilder

_META_KEYS = ("索引号", "主题分类", "发文机关", "发布机构", "成文日期", "发文日期", "发文字号", "文号", "标题",
              "发布日期", "有效性", "主题词", "公文种类", "信息名称", "生成日期", "所属机构", "效力状态")
_META_LINE = re.compile(r"^\s*(?:" + "|".join(_META_KEYS) + r")\s*[|｜:：]")
_HISTORY_LINE = re.compile(rf"^{SEP}*[（(]?{DATE.pattern}")
_RECIPIENT_HINT = re.compile(r"(各|人民政府|部门|委员会|单位|办公室|管委会|局|厅|公司)")
_PRINTED = re.compile(r"印发|发布|公布|转发|批转")
_CLOSING_NOTE = re.compile(r"^[（(][^（）()]{1,40}[）)]$")
_NOT_RECIPIENTS = re.compile(r"^(为|根据|按照|经|现|近日|近年|依据|依照)|如下|以下")


def is_recipients(s: str) -> bool:
    """`各县（市、区）人民政府，…，市人民政府各部门：` — addressees, not an opening sentence."""
    return (s.endswith(("：", ":")) and bool(_RECIPIENT_HINT.search(s)) and "。" not in s and len(s) < 300
            and not _NOT_RECIPIENTS.search(s))


def _nonblank(lines: list[Line], i: int, stop: int) -> int:
    while i < stop and lines[i].blank:
        i += 1
    return i


def is_signature(line: Line) -> bool:
    """An issuing body (某某市人民政府办公室) or, under a decree, an official (市长 李四)."""
    s = line.stripped
    if PERSON_SIGNATURE.match(s):
        return True
    return bool(SIGNATURE_LINE.match(s)) and len(s) <= 40 and not match_label(s) and "关于" not in s


def find_closing(lines: list[Line], a: int, b: int) -> tuple[int, int] | None:
    """The signature-and-date block: (first line, line after it) or None."""
    for i in range(a, b):
        line = lines[i]
        if line.blank:
            continue
        if is_signature(line):
            j = _nonblank(lines, i + 1, b)
            if j < b and is_standalone_date(lines[j].stripped):
                return i, j + 1
        if is_standalone_date(line.stripped):
            k = i - 1
            while k >= a and lines[k].blank:
                k -= 1
            if k >= a and lines[k].stripped and len(lines[k].stripped) > 40:
                return i, i + 1
    # a signature alone at the very end (the date was cut off)
    last = b - 1
    while last >= a and lines[last].blank:
        last -= 1
    if last >= a and is_signature(lines[last]) and last > a:
        return last, last + 1
    return None


def segment_document(doc_id: str, lines: list[Line], a: int, b: int, blank_mode: bool, *,
                     head_end: int | None = None, info_end: int | None = None) -> Document:
    """Lines a..b (exclusive) of the clean text form one document."""
    doc = Document(id=doc_id, start=lines[a].start, end=lines[b - 1].end if b > a else lines[a].start)
    provisions: list[Provision] = []
    ids = IdPlan()

    # -- head: title, 文号, recipients (or a law's history lines) ---------------------------------
    i = _nonblank(lines, a, b)
    title_lines: list[Line] = []
    if head_end is None:
        head_end = _single_head_end(lines, i, b, info_end)
    for k in range(i, head_end):
        ln = lines[k]
        if ln.blank:
            continue
        s = ln.stripped
        if is_doc_number_line(s):
            doc.doc_number = normalize_doc_number(s)
        elif title_lines and DECREE_NUMBER.match(s) and squash(title_lines[-1].stripped).endswith("令"):
            doc.doc_number = squash(title_lines[-1].stripped) + re.sub(r"\s", "", s)  # XX人民政府令第12号
        elif _META_LINE.match(s) or ("|" in s and any(key in s for key in _META_KEYS)):
            _read_metadata(s, doc)
        elif not title_lines:
            title_lines.append(ln)  # the first line that is not metadata or a 文号
        elif title_lines[-1].index == k - 1 and not _HISTORY_LINE.match(s) and not s.endswith(("：", ":")):
            title_lines.append(ln)  # a title printed over several lines
        if not doc.recipients and is_recipients(s):
            doc.recipients = _split_recipients(s)
    if title_lines:
        doc.title = squash(" ".join(l.stripped for l in title_lines))
    if doc.metadata.get("标题") and not doc.title:
        doc.title = doc.metadata["标题"]
    head = Provision(id=ids.new("preamble"), level="preamble", start=lines[a].start, heading=doc.title)
    provisions.append(head)

    # a law's history lines give its date: the latest 通过/修正/修订 date
    history_dates = [parse_date(lines[k].stripped) for k in range(i, head_end)
                     if _HISTORY_LINE.match(lines[k].stripped)]
    history_dates = [d for d in history_dates if d]

    # -- body, closing, regulation, attachments ---------------------------------------------------
    body_start = head_end
    toc_end = _toc_block(lines, body_start, b)
    if toc_end:
        provisions.append(Provision(id=ids.new("toc"), level="preamble", start=lines[body_start].start, heading="目录"))
        body_start = toc_end
    att_at = [k for k in range(body_start, b) if ATTACHMENT_LINE.match(lines[k].text)]
    closing = find_closing(lines, body_start, att_at[0] if att_at else b)
    body_end = closing[0] if closing else (att_at[0] if att_at else b)
    _build(provisions, ids, lines, body_start, body_end, blank_mode, None)
    after = body_end
    if closing:
        c0, c1 = closing
        sig_lines = [lines[k].stripped for k in range(c0, c1) if not lines[k].blank]
        node = Provision(id=ids.new("closing"), level="closing", start=lines[c0].start)
        provisions.append(node)
        for s in sig_lines:
            if is_standalone_date(s):
                doc.date = parse_date(s)
            elif doc.signature is None:
                doc.signature = s
        # notes printed under the date ('（此件公开发布）') belong to the closing
        r = _nonblank(lines, c1, b)
        while r < b and _CLOSING_NOTE.match(lines[r].stripped):
            c1 = r + 1
            r = _nonblank(lines, c1, b)
        after = c1
        # the regulation a 印发 notice publishes; after any other document, what follows the date
        # (抄送, 印发 colophon) stays in the closing
        reg_end = att_at[0] if att_at and att_at[0] >= c1 else b
        r = _nonblank(lines, c1, reg_end)
        if r < reg_end and (_PRINTED.search(doc.title or "") or lines[r].heading):
            reg_title = lines[r].stripped
            reg = Provision(id=ids.new("reg"), level="attachment", start=lines[c1].start if c1 < b else lines[r].start,
                            heading=squash(reg_title))
            reg.kind = "regulation"
            provisions.append(reg)
            doc.regulation = {"title": squash(reg_title), "provision_id": reg.id}
            _build(provisions, ids, lines, r + 1, reg_end, blank_mode, reg)
            after = reg_end
    for n, k in enumerate(att_at):
        if k < after:
            continue
        end = next((x for x in att_at if x > k), b)
        m = ATTACHMENT_LINE.match(lines[k].text)
        number = parse_int(m.group("n")) if m.group("n") else n + 1
        t = _nonblank(lines, k + 1, end)
        title = lines[t].stripped if t < end and not _is_table_row(lines[t].text) else None
        label = f"附件{number}" if m.group("n") else "附件"
        att = Provision(id=ids.new(f"att{number}"), level="attachment", start=lines[k].start, label=label,
                        number=number, heading=squash(title) if title else None)
        provisions.append(att)
        content = range(t + 1 if title else k + 1, end)
        rows = [_cells(lines[x].text) for x in content if _is_table_row(lines[x].text)]
        items = [lines[x].stripped for x in content if not lines[x].blank and not _is_table_row(lines[x].text)]
        if rows:
            att.table = rows
        if items:
            att.items = items
        doc.attachments.append({"label": label, "title": att.heading, "provision_id": att.id})
        _build(provisions, ids, lines, t + 1 if title else k + 1, end, blank_mode, att, absorb_all=True)

    if doc.date is None and history_dates:
        doc.date = max(history_dates)
    for key in ("成文日期", "发文日期"):
        if doc.date is None and doc.metadata.get(key):
            doc.date = parse_date(doc.metadata[key])
    if doc.issuer is None:
        signed_by_body = doc.signature and not PERSON_SIGNATURE.match(doc.signature)
        doc.issuer = (doc.signature if signed_by_body else None) or doc.metadata.get("发文机关") \
            or _issuer_from_title(doc.title)
    if doc.doc_number is None and doc.metadata.get("发文字号"):
        doc.doc_number = normalize_doc_number(doc.metadata["发文字号"])
    doc.provisions = provisions
    ids.assign(doc)
    return doc


def _build(provisions, ids, lines, a, b, blank_mode, container, absorb_all=False):
    if a >= b:
        return
    builder = TreeBuilder(provisions, ids, container, absorb_all=absorb_all)
    paras = lines_to_paragraphs(lines[a:b], blank_mode, starts_new=lambda l: starts_with_label(l.text))
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
    lab = match_label(para.first.text)
    expected = (lab.number if lab and lab.level.key == "tiao" else last_article) + 1
    pieces: list[Paragraph] = [Paragraph([])]
    for line in para.lines:
        cut = 0
        for m in _INLINE_ARTICLE.finditer(line.text):
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


def _single_head_end(lines: list[Line], i: int, b: int, info_end: int | None) -> int:
    """Where the head of a stand-alone document ends: after its title, metadata, 文号, date lines."""
    if info_end is not None:
        return info_end
    if i < b and squash(lines[i].stripped).replace(" ", "") == "目录":
        return i  # no title printed: the file starts with its table of contents
    k, title_at = i, None
    while k < b:
        ln = lines[k]
        s = ln.stripped
        if ln.blank:
            k += 1
            continue
        if starts_with_label(s) and not is_doc_number_line(s):
            break
        if (is_doc_number_line(s) or _META_LINE.match(s) or ("|" in s and any(x in s for x in _META_KEYS))
                or (_HISTORY_LINE.match(s) and len(s) < 120) or is_standalone_date(s)
                or is_recipients(s)):
            k += 1
            continue
        if title_at is None:
            title_at = k
            k += 1
            continue
        if title_at == k - 1 and len(s) < 40 and not s.endswith(("。", "；", ";")):
            title_at = k  # a title printed over two lines
            k += 1
            continue
        break
    return k


def blank_line_before(lines: list[Line], k: int) -> bool:
    return k > 0 and lines[k - 1].blank


def _toc_block(lines: list[Line], a: int, b: int) -> int | None:
    """A 目录 block at the top of a law: from the 目录 line to where its first entry appears again."""
    i = _nonblank(lines, a, b)
    if i >= b or squash(lines[i].stripped).replace(" ", "") not in ("目录", "目 录"):
        return None
    j = _nonblank(lines, i + 1, b)
    if j >= b:
        return None
    first = squash(lines[j].stripped)
    for k in range(j + 1, min(b, j + 400)):
        if squash(lines[k].stripped) == first:
            return k
    return None


def _is_table_row(text: str) -> bool:
    return "\t" in text.strip() or (text.strip().startswith("|") and text.strip().endswith("|"))


def _cells(text: str) -> list[str]:
    s = text.strip()
    if s.startswith("|"):
        return [c.strip() for c in s.strip("|").split("|")]
    return [c.strip() for c in s.split("\t")]


def _split_recipients(s: str) -> list[str]:
    s = s.rstrip("：:").strip()
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "（(〔":
            depth += 1
        elif ch in "）)〕":
            depth -= 1
        if ch in "，,；;" and depth == 0:
            if cur.strip():
                out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def _read_metadata(s: str, doc: Document) -> None:
    """`索引号 | … | 发文字号 | 铜政发〔2020〕33号 | …` or `发文字号：…` into doc.metadata."""
    cells = [c.strip() for c in re.split(r"[|｜]", s)] if ("|" in s or "｜" in s) else [s]
    pending = None
    for cell in cells:
        if not cell:
            continue
        m = re.match(r"^(" + "|".join(_META_KEYS) + r")\s*[:：]\s*(.*)$", cell)
        if m:
            if m.group(2):
                doc.metadata[m.group(1)] = m.group(2).strip()
                pending = None
            else:
                pending = m.group(1)
        elif cell in _META_KEYS:
            pending = cell
        elif pending:
            doc.metadata[pending] = cell
            pending = None


def _issuer_from_title(title: str | None) -> str | None:
    """某某市人民政府 from 某某市人民政府关于…的通知 or from a decree's title 某某市人民政府令."""
    if title and title.endswith("令") and "关于" not in title:
        return title[:-1] or None
    if not title or "关于" not in title:
        return None
    head = title.split("关于", 1)[0].strip()
    return head or None
