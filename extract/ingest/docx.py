"""Word documents (.docx) to a `Text`: paragraphs in order, numbering as printed, tables by cell.

The package is opened with python-docx's OPC layer (after the zip guards of `zipped.py`, and after
dropping relationships to parts that do not exist, which WPS writes as `../NULL`: the workaround
python-docx's maintainer gives for such files). The document body is then read in order: paragraphs
(runs, tabs, line breaks, field results but not field codes, hyperlinks, content controls, inserted
but not deleted text, symbols), each with its automatic list label (`docx_numbering.py`); tables as
rows of cells; text boxes after the paragraph that anchors them. A header's text stands before the
body (a 公文's 份号, 密级 and 紧急程度 are often there), a footer's after it; a page number in either is
a `page_number` removal. The rendering is the source (`blocks.py` lays it out); indents are `layout`
removals.
"""
from __future__ import annotations

import hashlib
import io
import posixpath
import zipfile

from ..errors import GazetteError
from .blocks import PAGE_LINE, BlockWriter, cell_text
from .docx_numbering import Numbering
from .text import Text
from .zipped import open_zip, read_member

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
KIND = "Word (.docx)"

# elements whose children are read as if they stood in their parent's place
_BLOCK_WRAPPERS = {"customXml", "ins", "moveTo", "smartTag"}
_INLINE_WRAPPERS = {"hyperlink", "smartTag", "ins", "moveTo", "customXml", "fldSimple", "dir", "bdo"}


def _local(el) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _ns(el) -> str:
    tag = el.tag
    return tag[: tag.index("}") + 1] if isinstance(tag, str) and tag.startswith("{") else ""


def _choice(alt):
    """The branch of an mc:AlternateContent to read: the first Choice (Fallback repeats it)."""
    for branch in alt:
        if _local(branch) in ("Choice", "Fallback"):
            return branch
    return alt


# -- opening --------------------------------------------------------------------------------------------
def _without_dangling_rels(data: bytes, zf: zipfile.ZipFile, path: str) -> bytes:
    """The package with relationships to missing parts taken out (the zip rewritten only if needed)."""
    from lxml import etree

    names = set(zf.namelist())
    fixed: dict[str, bytes] = {}
    for name in names:
        if not name.endswith(".rels"):
            continue
        try:
            root = etree.fromstring(read_member(zf, name, path, KIND))
        except etree.XMLSyntaxError:
            continue  # python-docx will say what is wrong with it
        base = posixpath.dirname(posixpath.dirname(name))  # word/_rels/document.xml.rels -> word
        dropped = False
        for rel in list(root):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            resolved = posixpath.normpath(posixpath.join("/" + base, target) if not target.startswith("/") else target)
            if resolved.lstrip("/") not in names:
                root.remove(rel)
                dropped = True
        if dropped:
            fixed[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if not fixed:
        return data
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in zf.infolist():
            out.writestr(info, fixed.get(info.filename) or read_member(zf, info.filename, path, KIND))
    return buf.getvalue()


def open_document(data: bytes, path: str, max_unpacked: int):
    """The main document part of a .docx (python-docx's OPC package)."""
    from docx.opc.package import OpcPackage

    zf = open_zip(data, path, KIND, max_unpacked)
    names = set(zf.namelist())
    if "[Content_Types].xml" not in names:
        raise GazetteError("E052", path=path, kind=KIND, reason="[Content_Types].xml is missing")
    data = _without_dangling_rels(data, zf, path)
    try:
        package = OpcPackage.open(io.BytesIO(data))
        main = package.main_document_part
    except KeyError as e:
        raise GazetteError("E052", path=path, kind=KIND, reason=f"no main document part (word/document.xml): {e}") from e
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds on damaged packages
        raise GazetteError("E052", path=path, kind=KIND, reason=f"{type(e).__name__}: {e}") from e
    return main


def _element(part, path: str):
    element = getattr(part, "element", None)
    if element is not None:
        return element
    from docx.oxml import parse_xml

    try:
        return parse_xml(part.blob)
    except Exception as e:  # noqa: BLE001 - lxml's XMLSyntaxError and friends
        raise GazetteError("E052", path=path, kind=KIND, reason=f"{part.partname} is not XML: {e}") from e


def _related(part, reltype: str):
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


# -- styles ---------------------------------------------------------------------------------------------
class Styles:
    """Paragraph styles: which list (numId, level) a style numbers its paragraphs with."""

    def __init__(self, root=None):
        self.based_on: dict[str, str] = {}
        self.num: dict[str, tuple[str | None, int | None]] = {}
        self.default: str | None = None
        if root is None:
            return
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId")
            if st.get(W + "type") not in (None, "paragraph", "numbering"):
                continue
            if st.get(W + "default") in ("1", "true") and st.get(W + "type") == "paragraph":
                self.default = sid
            based = st.find(W + "basedOn")
            if based is not None:
                self.based_on[sid] = based.get(W + "val")
            num_pr = st.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = num_pr.find(W + "numId")
                ilvl = num_pr.find(W + "ilvl")
                self.num[sid] = (num_id.get(W + "val") if num_id is not None else None,
                                 int(ilvl.get(W + "val")) if ilvl is not None and (ilvl.get(W + "val") or "").isdigit() else None)

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, level, style that holds it) for a paragraph style, following basedOn."""
        seen = set()
        sid = style_id or self.default
        while sid and sid not in seen:
            seen.add(sid)
            if sid in self.num:
                num_id, ilvl = self.num[sid]
                return num_id, ilvl, sid
            sid = self.based_on.get(sid)
        return None, None, None

    def num_id(self, style_id: str) -> str | None:
        return self.num.get(style_id, (None, None))[0]


# -- reading --------------------------------------------------------------------------------------------
class _Para:
    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


class _Table:
    __slots__ = ("rows",)

    def __init__(self, rows: list[list[str]]):
        self.rows = rows


class _Run:
    """State of one paragraph's inline reading: output pieces, text boxes met, open fields."""

    def __init__(self):
        self.out: list[str] = []
        self.boxes: list = []
        self.fields: list[bool] = []  # open fields, innermost last: True while in its code part

    @property
    def in_code(self) -> bool:
        return any(self.fields)


class Reader:
    """A part's block content (body, header, footer, text box, cell) to _Para and _Table blocks."""

    def __init__(self, numbering: Numbering, styles: Styles):
        self.numbering = numbering
        self.styles = styles

    def blocks(self, container) -> list:
        out: list = []
        self._blocks(container, out)
        return out

    def _blocks(self, container, out: list) -> None:
        for el in container:
            tag = _local(el)
            if tag == "p" and _ns(el) == W:
                self._paragraph(el, out)
            elif tag == "tbl":
                self._table(el, out)
            elif tag == "sdt":
                content = el.find(W + "sdtContent")
                if content is not None:
                    self._blocks(content, out)
            elif tag in _BLOCK_WRAPPERS and _ns(el) == W:
                self._blocks(el, out)
            elif tag == "AlternateContent":
                self._blocks(_choice(el), out)

    def _paragraph(self, p, out: list) -> None:
        state = _Run()
        self._inline(p, state)
        text = "".join(state.out)
        label = self._label(p)
        if label:
            text = label[0] + label[1] + text
        out.append(_Para(text))
        for box in state.boxes:
            self._blocks(box, out)

    def _label(self, p) -> tuple[str, str] | None:
        ppr = p.find(W + "pPr")
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        style = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = style.get(W + "val") if style is not None else None
        num_id = ilvl = None
        if num_pr is not None:
            n = num_pr.find(W + "numId")
            lv = num_pr.find(W + "ilvl")
            num_id = n.get(W + "val") if n is not None else None
            ilvl = int(lv.get(W + "val")) if lv is not None and (lv.get(W + "val") or "").isdigit() else None
        if num_id is None:
            s_num, s_ilvl, holder = self.styles.numbering(style_id)
            num_id = s_num
            if ilvl is None:
                ilvl = s_ilvl
                if ilvl is None and s_num is not None:
                    ilvl = self.numbering.level_for_style(s_num, holder)
        if num_id is None or num_id == "0":
            return None
        return self.numbering.label(num_id, ilvl or 0)

    def _inline(self, el, state: _Run) -> None:
        for child in el:
            tag = _local(child)
            ns = _ns(child)
            if ns == M and tag in ("oMath", "oMathPara"):
                if not state.in_code:
                    state.out.append("".join(t.text or "" for t in child.iter(M + "t")))
            elif ns != W and tag != "AlternateContent":
                continue
            elif tag == "r":
                self._run(child, state)
            elif tag in _INLINE_WRAPPERS:
                self._inline(child, state)
            elif tag == "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self._inline(content, state)
            elif tag == "AlternateContent":
                self._inline(_choice(child), state)

    def _run(self, r, state: _Run) -> None:
        for child in r:
            tag = _local(child)
            if tag == "fldChar":
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    state.fields.append(True)
                elif kind == "separate" and state.fields:
                    state.fields[-1] = False  # what follows is the field's result, as printed
                elif kind == "end" and state.fields:
                    state.fields.pop()
                continue
            if state.in_code or tag in ("instrText", "delText"):
                continue
            if tag == "t":
                # a line feed typed into w:t is white space to Word, not a line break
                state.out.append((child.text or "").replace("\r", " ").replace("\n", " "))
            elif tag in ("tab", "ptab"):
                state.out.append(" ")
            elif tag in ("br", "cr"):
                state.out.append("\n")
            elif tag == "noBreakHyphen":
                state.out.append("-")
            elif tag == "sym":
                code = child.get(W + "char") or ""
                try:
                    cp = int(code, 16)
                except ValueError:
                    continue
                state.out.append("•" if 0xF000 <= cp <= 0xF0FF else chr(cp))
            elif tag in ("drawing", "pict"):
                state.boxes.extend(child.iter(W + "txbxContent"))
            elif tag == "AlternateContent":
                self._run(_choice(child), state)
            elif tag == "ruby":
                base = child.find(W + "rubyBase")
                if base is not None:
                    self._inline(base, state)

    def _table(self, tbl, out: list) -> None:
        rows: list[list[str]] = []
        for tr in _children(tbl, "tr"):
            cells = []
            for tc in _children(tr, "tc"):
                inner = self.blocks(tc)
                cells.append(cell_text([_flat(b) for b in inner]))
            rows.append(cells)
        if rows and all(len(r) <= 1 for r in rows):
            # a one-column table frames paragraphs (a box around a heading or a 版记): read them as such
            for tr in _children(tbl, "tr"):
                for tc in _children(tr, "tc"):
                    self._blocks(tc, out)
            return
        out.append(_Table(rows))


def _children(el, tag: str):
    """Direct children with `tag`, looking through content controls and custom XML wrappers."""
    for c in el:
        t = _local(c)
        if t == tag:
            yield c
        elif t == "sdt":
            content = c.find(W + "sdtContent")
            if content is not None:
                yield from _children(content, tag)
        elif t in ("customXml", "ins", "moveTo"):
            yield from _children(c, tag)


def _flat(block) -> str:
    if isinstance(block, _Para):
        return block.text
    return " ".join(" ".join(row) for row in block.rows)


def _is_page_number(block) -> bool:
    """A header or footer line that is only a page number (`— 2 —`, `第 2 页 共 5 页`, a PAGE field)."""
    return isinstance(block, _Para) and bool(block.text.strip()) and bool(PAGE_LINE.match(block.text))


def _header_footer_parts(main, element, even_pages: bool):
    """Distinct header and footer parts that print, in section order: the first page's (when the
    section has one, w:titlePg), the default, the even pages' (when the settings ask for them)."""
    headers, footers, seen = [], [], set()
    order = {"first": 0, "default": 1, "even": 2}
    for sect in element.iter(W + "sectPr"):
        title_page = sect.find(W + "titlePg") is not None and sect.find(W + "titlePg").get(W + "val") not in ("0", "false")
        refs = [ref for ref in sect if _local(ref) in ("headerReference", "footerReference")]
        refs.sort(key=lambda ref: order.get(ref.get(W + "type") or "default", 1))
        for ref in refs:
            kind = ref.get(W + "type") or "default"
            if (kind == "first" and not title_page) or (kind == "even" and not even_pages):
                continue
            rid = ref.get(REL + "id")
            rel = main.rels.get(rid) if rid else None
            if rel is None or rel.is_external:
                continue
            part = rel.target_part
            if part.partname in seen:
                continue
            seen.add(part.partname)
            (headers if _local(ref) == "headerReference" else footers).append(part)
    return headers, footers


def read_docx(data: bytes, path: str = "-", limits=None) -> Text:
    from . import Limits

    limits = limits or Limits()
    source, removals, _pages = read_blocks(data, path, limits).finish()
    if not source.strip():
        raise GazetteError("E001", path=path)
    longest = max(len(line) for line in source.split("\n"))
    if longest > limits.max_line:
        raise GazetteError("E005", path=path, length=longest, limit=limits.max_line)
    return Text(source=source, removals=removals, path=path, format="docx", encoding="utf-8", newline="lf",
                sha256=hashlib.sha256(data).hexdigest())


def read_blocks(data: bytes, path: str, limits) -> BlockWriter:
    """The document's blocks written out: headers, body, footers (not finished: callers may add)."""
    main = open_document(data, path, limits.max_bytes)
    element = _element(main, path)
    body = element.find(W + "body")
    if body is None:
        raise GazetteError("E052", path=path, kind=KIND, reason="word/document.xml has no body")
    styles_part = _related(main, RT_STYLES)
    styles = Styles(_element(styles_part, path) if styles_part is not None else None)
    numbering_part = _related(main, RT_NUMBERING)
    numbering = Numbering(_element(numbering_part, path) if numbering_part is not None else None,
                          style_num=styles.num_id)
    reader = Reader(numbering, styles)
    settings = _related(main, RT_SETTINGS)
    even_pages = settings is not None and _element(settings, path).find(W + "evenAndOddHeaders") is not None
    headers, footers = _header_footer_parts(main, element, even_pages)
    out = BlockWriter()
    for part in headers:
        _write(out, reader.blocks(_element(part, path)), furniture=True)
    _write(out, reader.blocks(body))
    for part in footers:
        _write(out, reader.blocks(_element(part, path)), furniture=True)
    return out


def _write(out: BlockWriter, blocks: list, furniture: bool = False) -> None:
    for block in blocks:
        if furniture and _is_page_number(block):
            out.dropped(block.text.strip(), "page_number")
        elif isinstance(block, _Para):
            out.paragraph(block.text)
        else:
            out.table(block.rows)
