"""Government web pages (.html) to a `Text`: the document without the site around it.

The page is parsed with the standard library's `html.parser` into a small tree, then rendered as text,
one block (paragraph, heading, list item, table row) per line and a blank line between blocks. That
rendering is `Text.source`: the page's visible text in reading order, character references resolved,
scripts and styles left out. The removals (kind `markup`) take out the site's chrome: navigation,
breadcrumbs, the page header and footer, share and print buttons, related links, everything outside
the article. Paragraph indents (`　　`, `&nbsp;`) are `layout` removals.

What stays (`Text.clean`): first the metadata table most sites print above a document (索引号, 发文机关,
发文字号, 成文日期, 发布日期, 有效性 ...) as one line `索引号 | … | 发文字号 | 铜政发〔2020〕33号 | …`,
which the segmenter maps into the document's fields; then the title; then the article body, with data
tables as tab-separated rows. Pages in GBK or GB2312 (declared in a `<meta charset>`) are read as
GB18030, their superset.
"""
from __future__ import annotations

import codecs
import hashlib
import re
from html.parser import HTMLParser

from ..errors import GazetteError
from ..lexicon.heads import metadata_keys, strip_title_marks
from .decode import decode
from .pdf_text import Emitter
from .text import Text

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}
BLOCK = {"address", "article", "aside", "blockquote", "body", "center", "dd", "div", "dl", "dt", "fieldset",
         "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html",
         "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead",
         "title", "tr", "ul", "caption"}
INVISIBLE = {"script", "style", "noscript", "template", "head", "select", "option", "textarea", "iframe",
             "object", "svg"}
CHROME_TAGS = {"nav", "header", "footer", "aside", "form", "button", "menu"}
CHROME_NAME = re.compile(
    r"nav|menu|foot|header|(?<![a-z])head(?!line|ing)|share|fenxiang|breadcrumb|crumb|position|location|"
    r"weizhi|sidebar|banner|toolbar|print|close|pager|pagination|prev|next|related|xgwz|xglj|copyright|"
    r"search|login|bdshare|jiathis|qrcode|ewm|backtop|gotop|skip|font-?size|zoom-?(?:btn|tool)|reldoc|relevan",
    re.I)
_KEY_NORM = re.compile(r"[\s\u3000\xa0:：]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_SPACES = re.compile(r"[ \t\r\n\f\xa0]+")
_INDENT = re.compile(r"^[ \u3000]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
LINE_BREAK = "\x00"  # a <br> inside the title: the title goes on over two lines


MAX_DEPTH = 200  # elements nested deeper are read as siblings at this depth (no page nests so deep)


class Node:
    __slots__ = ("tag", "attrs", "children", "parent", "depth")

    def __init__(self, tag: str, attrs: dict, parent: "Node | None"):
        self.tag = tag
        self.attrs = attrs
        self.children: list = []
        self.parent = parent
        self.depth = parent.depth + 1 if parent is not None else 0

    @property
    def name(self) -> str:
        return f"{self.attrs.get('id') or ''} {self.attrs.get('class') or ''}"

    def text(self) -> str:
        parts: list[str] = []
        _collect(self, parts)
        return "".join(parts)

    def iter(self):
        """This node and every element under it, depth first, in document order (no recursion)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(c for c in reversed(node.children) if isinstance(c, Node))

    def __repr__(self) -> str:
        return f"<{self.tag} {self.name.strip()}>"


def _collect(node: Node, parts: list[str]) -> None:
    for c in node.children:
        if isinstance(c, str):
            parts.append(c)
        elif c.tag not in INVISIBLE:
            if c.tag in BLOCK or c.tag == "br":
                parts.append(" ")
            _collect(c, parts)


class TreeParser(HTMLParser):
    """html.parser events to a tree, closing what HTML leaves implicitly closed (p, li, td, tr).

    The tree is at most MAX_DEPTH deep: an element opened deeper (1,000 nested <div>) is kept, text and
    all, as a child of the deepest open element, so that every later walk of the tree stays bounded."""

    _CLOSES = {"p": {"p"}, "li": {"li"}, "td": {"td", "th"}, "th": {"td", "th"}, "tr": {"tr", "td", "th"},
               "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "option": {"option"}}
    _BLOCK_CLOSES_P = BLOCK - {"p"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        closes = self._CLOSES.get(tag, set())
        if tag in self._BLOCK_CLOSES_P and tag not in ("td", "th", "tr", "li"):
            closes = closes | {"p"}
        while self.cur.tag in closes:
            self.cur = self.cur.parent
        node = Node(tag, {k: (v or "") for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag not in VOID and node.depth < MAX_DEPTH:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        node = Node(tag.lower(), {k: (v or "") for k, v in attrs}, self.cur)
        self.cur.children.append(node)

    def handle_endtag(self, tag):
        tag = tag.lower()
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        if data:
            self.cur.children.append(data)


# -- decoding -------------------------------------------------------------------------------------------
def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding): the charset a `<meta>` declares when the bytes decode with it, else detection."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        m = _CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            codec = "gb18030" if declared in ("gbk", "gb2312", "gb_2312-80", "x-gbk", "gb18030", "cp936") else declared
            try:
                text = data.decode(codec)
                return text.replace("\r\n", "\n").replace("\r", "\n"), codecs.lookup(codec).name
            except (LookupError, UnicodeError, ValueError):
                pass  # an unknown or wrong declaration (charset=undefined): detect instead
    text, encoding, _newline = decode(data, path)
    return text, encoding


# -- finding the parts ----------------------------------------------------------------------------------
def is_chrome(node: Node) -> bool:
    return node.tag in CHROME_TAGS or bool(CHROME_NAME.search(node.name))


def _norm_key(s: str) -> str:
    return _KEY_NORM.sub("", s)


def _short_texts(root: Node, limit: int) -> dict[int, str]:
    """id(node) -> its text with white space runs as one space, for every element whose text is that
    short (a little longer, so that stripping the ends decides); built bottom-up in one pass, so that a
    deep page costs its size, not its size times its depth."""
    cap = limit + 3
    out: dict[int, str] = {}
    for node in reversed(list(root.iter())):
        parts: list[str] = []
        size = 0
        long = False
        for c in node.children:
            if isinstance(c, str):
                piece = c
            elif c.tag in INVISIBLE:
                continue
            else:
                inner = out.get(id(c))
                if inner is None:
                    long = True
                    break
                piece = (" " if c.tag in BLOCK or c.tag == "br" else "") + inner
            parts.append(piece)
            size += len(piece)
            if size > 4 * cap:  # long before folding spaces: fold now, and stop if still long
                parts = [_SPACES.sub(" ", "".join(parts))]
                size = len(parts[0])
                if size > cap:
                    long = True
                    break
        if long:
            continue
        text = _SPACES.sub(" ", "".join(parts))
        if len(text) <= cap:
            out[id(node)] = text
    return out


def find_metadata(root: Node) -> tuple[Node | None, list[tuple[str, str]]]:
    """The element holding the metadata table (the smallest one with all the key cells, two or more), and
    its (key, value) pairs in order. A key cell is a short element whose text starts with a key."""
    keys_under: dict[int, set] = {}
    short = _short_texts(root, 60)
    for node in root.iter():
        if node.tag in INVISIBLE:
            continue
        text = short.get(id(node))
        if text is None:
            continue
        text = text.strip()
        if not text or len(text) > 60:
            continue
        key = _norm_key(re.split(r"[:：]", text, 1)[0]) if re.search(r"[:：]", text) else _norm_key(text)
        if key not in metadata_keys():
            continue
        anc = node
        while anc is not None:
            keys_under.setdefault(id(anc), set()).add(key)
            anc = anc.parent
    if not keys_under:
        return None, []
    most = max(len(v) for v in keys_under.values())
    if most < 2:
        return None, []
    best = root
    for node in root.iter():  # depth first: the last node holding them all is the deepest
        if len(keys_under.get(id(node), ())) == most:
            best = node
    cells = [_SPACES.sub(" ", c).strip() for c in _leaf_texts(best)]
    cells = [c for c in cells if c]
    pairs: list[tuple[str, str]] = []
    k = 0
    while k < len(cells):
        cell = cells[k]
        m = re.match(r"^(.{1,8}?)[\s\u3000]*[:：]\s*(.*)$", cell)
        key = _norm_key(m.group(1)) if m else _norm_key(cell)
        if key in metadata_keys():
            if m and m.group(2).strip():
                pairs.append((key, m.group(2).strip()))
            elif k + 1 < len(cells) and _norm_key(re.split(r"[:：]", cells[k + 1])[0]) not in metadata_keys():
                pairs.append((key, cells[k + 1]))
                k += 1
        k += 1
    return best, pairs


def _leaf_texts(node: Node) -> list[str]:
    """Texts of the element's cells: each block or labelled inline element with no block inside."""
    out: list[str] = []
    cur: list[str] = []
    for c in node.children:
        if isinstance(c, str):
            cur.append(c)
        elif c.tag in INVISIBLE:
            continue
        elif c.tag in BLOCK or c.tag == "br" or (c.tag in ("span", "label", "b", "strong", "em") and cur
                                                  and "".join(cur).strip()):
            if cur:
                out.append("".join(cur))
                cur = []
            if c.tag in BLOCK:
                out += _leaf_texts(c)
            else:
                cur.append(c.text())
        else:
            cur.append(c.text())
    if cur:
        out.append("".join(cur))
    return out


def find_body(root: Node) -> Node | None:
    """The element holding the article: where most non-link Chinese paragraph text collects. A container
    named like chrome (`printContent`, `article-header-body`) still holds the article when its text
    outweighs everything outside the chrome: a name is a hint, the text decides."""
    best = _best_body(root, skip_named_chrome=True)
    anyway = _best_body(root, skip_named_chrome=False)
    if anyway is not None and anyway[0] is not (best[0] if best else None) and \
            anyway[1] >= 200 and anyway[1] >= 3 * (best[1] if best else 0):
        return anyway[0]
    return best[0] if best else None


def _best_body(root: Node, skip_named_chrome: bool) -> tuple[Node, float] | None:
    score: dict[int, float] = {}
    nodes: dict[int, Node] = {}
    chrome: dict[int, bool] = {}  # id -> inside navigation, footers…: parents come first in iter()
    for node in root.iter():
        here = node.tag in CHROME_TAGS or (skip_named_chrome and bool(CHROME_NAME.search(node.name)))
        inside = here or (node.parent is not None and chrome.get(id(node.parent), False))
        chrome[id(node)] = inside
        if node.tag in INVISIBLE or inside:
            continue
        own = "".join(c for c in node.children if isinstance(c, str))
        n = len(_CJK.findall(own))
        if node.tag in ("p", "td", "div", "li", "span", "font", "section", "article") and n:
            for depth, anc in enumerate((node, node.parent, node.parent.parent if node.parent else None)):
                if anc is None or anc.tag == "#root":
                    break
                weight = 1.0 if depth < 2 else 0.5
                if depth == 0 and node.tag in ("span", "font"):
                    continue
                score[id(anc)] = score.get(id(anc), 0.0) + n * weight
                nodes[id(anc)] = anc
    if not score:
        return None
    key = max(score, key=score.get)
    return nodes[key], score[key]


def _inside_chrome(node: Node, by_name: bool = True) -> bool:
    n = node
    while n is not None:
        if n.tag in CHROME_TAGS or (by_name and CHROME_NAME.search(n.name)):
            return True
        n = n.parent
    return False


def find_title(root: Node, body: Node | None) -> Node | None:
    """The article's own heading: the last `<h1>` before the body, else the last h2/h3 or `title`-named
    element there. A label (`关联稿件：`), a metadata cell or a heading inside the site's chrome (a
    related-articles or navigation box) is never the title."""
    order = {id(n): i for i, n in enumerate(root.iter())}
    limit = order[id(body)] if body is not None else len(order)
    best: dict[int, Node] = {}
    for node in root.iter():
        if order[id(node)] >= limit:
            break
        rank = 0 if node.tag == "h1" else 1 if node.tag in ("h2", "h3") else \
            2 if re.search(r"title|biaoti|bt", node.name, re.I) and node.tag != "title" else None
        if rank is None or _inside_chrome(node):
            continue
        text = _SPACES.sub(" ", node.text()).strip()
        if 4 <= len(text) <= 200 and _CJK.search(text) and not text.endswith(("：", ":")) \
                and not any(k in text for k in ("索引号", "主题分类", "发文机关")):
            best[rank] = node
    return next((best[r] for r in sorted(best)), None)


# -- rendering ------------------------------------------------------------------------------------------
class Renderer:
    """The tree as blocks of text in reading order, each marked kept or removed."""

    def __init__(self, body: Node | None, title: Node | None, skip: Node | None):
        self.body, self.title, self.skip = body, title, skip
        self.blocks: list[tuple[str, bool, bool]] = []  # (text, keep, table row)
        self.buf: list[str] = []
        self.keep = False
        self.in_title = False

    def flush(self, table_row: bool = False) -> None:
        text = "".join(self.buf)
        text = text.strip(" ") if table_row else _SPACES.sub(" ", text).strip(" ")
        self.buf = []
        if text:
            self.blocks.append((text, self.keep, table_row))

    def render(self, node: Node) -> None:
        if node is self.skip or node.tag in INVISIBLE and node.tag != "head":
            return
        if node.tag == "head":
            for n in node.iter():
                if n.tag == "title":
                    self.flush()
                    self.buf.append(n.text())
                    self.flush()
            return
        was = self.keep
        if node is self.title:
            self.in_title = True
        if node is self.body or node is self.title:
            self.flush()
            self.keep = True
        elif self.keep and node is not self.body and is_chrome(node):
            self.flush()
            self.keep = False
        if node.tag == "table" and self.keep and _data_table(node):
            self.flush()
            for tr in (n for n in node.iter() if n.tag == "tr"):
                cells = [_SPACES.sub(" ", td.text()).strip().replace("\t", " ")
                         for td in tr.children if isinstance(td, Node) and td.tag in ("td", "th")]
                if any(cells):
                    self.buf.append("\t".join(cells))
                    self.flush(table_row=True)
        else:
            block = node.tag in BLOCK
            if block:
                self.flush()
            for c in node.children:
                if isinstance(c, str):
                    self.buf.append(c)
                elif c.tag == "br":
                    if self.in_title:
                        self.buf.append(LINE_BREAK)
                    else:
                        self.flush()
                else:
                    self.render(c)
            if block:
                self.flush()
        if node is self.body or node is self.title or self.keep != was:
            self.flush()
            self.keep = was
        if node is self.title:
            self.in_title = False


def _data_table(table: Node) -> bool:
    """A table of data (not a layout table): rows of two or more simple cells, no table inside."""
    rows = [n for n in table.iter() if n.tag == "tr"]
    if len(rows) < 2 or any(n.tag == "table" for n in table.iter() if n is not table):
        return False
    cells = [[c for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")] for tr in rows]
    if max(len(r) for r in cells) < 2:
        return False
    return all(_simple_cell(c) for r in cells for c in r)


def _simple_cell(cell: Node) -> bool:
    """A data table's cell holds a phrase or a few paragraphs (Word's HTML export wraps every cell in
    <p class=MsoNormal>); a layout table's holds blocks of page: lists, long runs of paragraphs."""
    inner = {n.tag for n in cell.iter() if n is not cell}
    if not inner & {"div", "p", "ul", "ol"}:
        return True
    length = len(cell.text())
    return length < 60 or not inner & {"ul", "ol"} and length < 400


def read_html(data: bytes, path: str = "-", limits=None) -> Text:
    from . import Limits

    limits = limits or Limits()
    text, encoding = decode_html(data, path)
    parser = TreeParser()
    try:
        parser.feed(text)
        parser.close()
    except Exception as e:  # noqa: BLE001 - html.parser is lenient; anything else is a broken file
        raise GazetteError("E017", path=path, reason=str(e)) from e
    root = parser.root
    meta_node, pairs = find_metadata(root)
    body = find_body(root)
    if body is not None and meta_node is not None and _contains(meta_node, body):
        body = None if meta_node is body else body
    title = find_title(root, body)
    renderer = Renderer(body, title, meta_node)
    renderer.render(root)
    renderer.flush()
    blocks = _drop_repeated_title(renderer.blocks, title)
    if not any(keep for _, keep, _ in blocks) and blocks:
        blocks = [(t, True, r) for t, _, r in blocks]  # nothing recognised as the article: keep it all
    out = Emitter()
    if pairs:
        out.keep(" | ".join(f"{k} | {v}" for k, v in pairs) + "\n\n")
    last_kept = max((n for n, b in enumerate(blocks) if b[1]), default=-1)
    for n, (block, keep, table_row) in enumerate(blocks):
        nxt_row = n + 1 < len(blocks) and blocks[n + 1][2] and table_row and blocks[n + 1][1] == keep
        end = "\n" if nxt_row or n == last_kept else "\n\n"
        if not keep:
            out.drop(block.replace(LINE_BREAK, "\n") + end, "markup")
            continue
        m = _INDENT.match(block)
        if m:
            out.drop(m.group(0), "layout")
        for k, piece in enumerate(block[m.end() if m else 0:].split(LINE_BREAK)):
            if k:
                out.drop("\n", "layout")
            _keep_text(out, piece.strip(" "))
        out.keep(end)
        if n == last_kept:
            out.drop("\n", "blank_lines")
    source = out.source
    if not source.strip():
        raise GazetteError("E001", path=path)
    longest = max(len(line) for line in source.split("\n"))
    if longest > limits.max_line:
        raise GazetteError("E005", path=path, length=longest, limit=limits.max_line)
    return Text(source=source, removals=out.removals, path=path, format="html", encoding=encoding,
                newline="lf", sha256=hashlib.sha256(data).hexdigest())


# a character reference left in the text (the page escaped it twice: `&amp;sp;` shows `&sp;`), with the
# spaces before it: markup residue, not content
_ENTITY_RESIDUE = re.compile(r"[ \u3000]*&(?:[A-Za-z][A-Za-z0-9]{1,7}|#[0-9]{2,6}|#x[0-9A-Fa-f]{2,5});")


def _keep_text(out, text: str) -> None:
    pos = 0
    for m in _ENTITY_RESIDUE.finditer(text):
        if m.start() > pos:
            out.keep(text[pos:m.start()])
        out.drop(m.group(0), "markup")
        pos = m.end()
    if pos < len(text):
        out.keep(text[pos:])


def _drop_repeated_title(blocks, title: Node | None):
    """A page that prints the title as a heading and again as the article's first line keeps one."""
    if title is None:
        return blocks
    text = _SPACES.sub(" ", title.text()).strip()
    kept = [k for k, b in enumerate(blocks) if b[1]]
    same = lambda a, b: strip_title_marks(re.sub(r"\s", "", a)) == strip_title_marks(re.sub(r"\s", "", b))  # noqa: E731
    if len(kept) >= 2 and blocks[kept[0]][0] == text and same(blocks[kept[1]][0].replace(LINE_BREAK, ""), text):
        t, _, r = blocks[kept[0]]
        blocks = list(blocks)
        blocks[kept[0]] = (t, False, r)
    return blocks


def _contains(outer: Node, inner: Node) -> bool:
    n = inner
    while n is not None:
        if n is outer:
            return True
        n = n.parent
    return False
