"""Paragraphs to the provision tree: levels come from the numbering table, never from markdown marks.

A stack of open numbered nodes; a new label closes every open node of the same or an inner level and
opens under what is left. An unnumbered paragraph is the body of a node that so far has only its
heading, else a new `paragraph` (款) node. Every paragraph lands in some node: nothing is refused.
"""
from __future__ import annotations

import re

from ..lexicon.numbering import ARTICLE_RANK, Label, match_label
from ..lexicon.spacing import WS, squash
from ..model import Provision
from .ids import IdPlan
from .lines import Paragraph

_FUNCTION_CHARS = set("的本应由为于将对在按得可不是指其有")
_HEADING_PUNCT = re.compile(r"[，、；：,;:（）()“”《》]")
PARA_RANK_OFFSET = 0.5
MAX_QUOTED_PARAGRAPHS = 60
# an amending instruction whose new text follows in quotes: 将第六条修改为：/ 增加一款，作为第四款：
_AMENDS = re.compile(r"(?:修改为|修订为|改为|表述为|增加[^。；]{0,20}|增写[^。；]{0,20}|内容如下)[:：][ \t\u3000]*\n*$")


class TreeBuilder:
    """Builds the provisions of one container (a document body, a published regulation, an attachment)."""

    def __init__(self, provisions: list[Provision], ids: IdPlan, container: Provision | None = None,
                 absorb_all: bool = False):
        self.out = provisions
        self.ids = ids  # provisional ids now; the final ones are given when the document is done
        self.container = container
        self.absorb_all = absorb_all  # attachments keep their unnumbered lines in the attachment node
        self.stack: list[tuple[float, Provision]] = []
        self.body: dict[str, bool] = {}  # id -> has own body text beyond label and heading
        self.last_article = 0
        self.paragraphs: dict[str | None, int] = {}  # parent id -> paragraph children so far
        self.quote_depth = 0
        self.quoted_paragraphs = 0
        self.last_text = ""

    def accepts(self, para: Paragraph) -> Label | None:
        lab = match_label(para.first.text)
        if not lab:
            return None
        if lab.level.needs_separator and not lab.has_separator and para.first.bold_end is None:
            if not (lab.level.key == "tiao" and lab.number == self.last_article + 1):
                return None
        return lab

    def add(self, para: Paragraph) -> None:
        text = para.text
        introduced = text.lstrip(WS).startswith("“") and bool(_AMENDS.search(self.last_text))
        self.last_text = text
        if (self.quote_depth > 0 or introduced) and self.out:
            # inside a quotation that runs over several paragraphs (将第一条修改为：“… 1.… 25.…”):
            # the quoted text, numbered or not, belongs to the provision that quotes it
            self._track_quotes(text)
            return
        self._track_quotes(text)
        lab = self.accepts(para)
        if lab:
            self._add_numbered(para, lab)
        else:
            self._add_unnumbered(para)

    def _track_quotes(self, text: str) -> None:
        """Open Chinese quotation marks after this paragraph. A quotation over several paragraphs
        opens each of them with “ and closes only at its end: that opening “ is not a new quote."""
        opens, closes = text.count("“"), text.count("”")
        if self.quote_depth > 0 and text.lstrip(WS).startswith("“"):
            opens -= 1
        self.quote_depth = max(0, self.quote_depth + opens - closes)
        self.quoted_paragraphs = self.quoted_paragraphs + 1 if self.quote_depth else 0
        if self.quoted_paragraphs > MAX_QUOTED_PARAGRAPHS:
            self.quote_depth = self.quoted_paragraphs = 0  # a quote never closed: a typo, not a quotation

    def _add_numbered(self, para: Paragraph, lab: Label) -> None:
        rank = lab.level.rank
        while self.stack and self.stack[-1][0] >= rank:
            self.stack.pop()
        parent = self.stack[-1][1] if self.stack else self.container
        local = f"{lab.level.prefix}{lab.number}" + (f"-{lab.sub}" if lab.sub else "")
        first = para.first
        heading, body = _heading(lab, first, para)
        node = Provision(
            id=self.ids.new(local), level=lab.level.level, start=para.start,
            parent=parent.id if parent else None, label=lab.text, number=lab.number, heading=heading,
            numbering=lab.level.key, sub_number=lab.sub or None,
        )
        if lab.level.key == "tiao":
            self.last_article = lab.number
        self.body[node.id] = body
        self.out.append(node)
        self.stack.append((rank, node))

    def _add_unnumbered(self, para: Paragraph) -> None:
        if self.absorb_all:
            return  # stays in the current node's text
        if self.stack:
            rank, top = self.stack[-1]
            if rank >= ARTICLE_RANK and not self.body.get(top.id, True):
                self.body[top.id] = True  # the body of a heading-only node
                return
        article = next((i for i in range(len(self.stack) - 1, -1, -1)
                        if self.stack[i][0] == ARTICLE_RANK), None)
        if article is not None:
            # a further 款 of the article: closes the article's items and earlier 款
            del self.stack[article + 1:]
            parent = self.stack[article][1]
        else:
            parent = self.stack[-1][1] if self.stack else self.container
        pid = parent.id if parent else None
        siblings = self.paragraphs.get(pid, 0)
        self.paragraphs[pid] = siblings + 1
        numbered = parent is not None and parent.number is not None and parent.level != "paragraph"
        n = siblings + 1 + (1 if numbered and self.body.get(parent.id, False) else 0)
        node = Provision(id=self.ids.new(f"para{n}"), level="paragraph", start=para.start,
                         parent=pid, number=n)
        self.out.append(node)
        self.body[node.id] = True
        if article is not None:
            self.stack.append((ARTICLE_RANK + PARA_RANK_OFFSET, node))


_CLAUSE_PUNCT = re.compile(r"[，。；：,;:！？]")
_FIRST_SENTENCE = re.compile(r"([^。！？]{1,40})。")


def _heading(lab: Label, first, para: Paragraph) -> tuple[str | None, bool]:
    """The node's heading and whether the paragraph has body text beyond it."""
    line = first.text
    rest = line[lab.end:].strip(WS)
    more_lines = len(para.lines) > 1
    key = lab.level.key
    if key in ("bian", "zhang", "jie") or lab.level.heading_only:
        return (squash(rest) or None), more_lines
    if lab.level.heading_line and len(rest) <= 30 and not _CLAUSE_PUNCT.search(rest):
        return (squash(rest) or None), more_lines
    if first.bold_end is not None and first.bold_end > lab.end:
        bold = line[lab.end:first.bold_end].strip(WS)
        after = line[first.bold_end:].strip(WS)
        return (bold.rstrip("。.：:") or None), bool(after) or more_lines
    if not rest:
        return None, more_lines
    m = _FIRST_SENTENCE.match(rest)
    if first.heading or (key == "cn_dun" and "。" not in rest and len(rest) <= 60 and not more_lines):
        if "。" not in rest or rest.endswith("。") and rest.count("。") == 1:
            return rest.rstrip("。") or None, more_lines
    if m and len(rest) > m.end():
        cand = m.group(1)
        if key == "tiao":
            if len(cand) <= 12 and not _HEADING_PUNCT.search(cand) and not (set(cand) & _FUNCTION_CHARS):
                return cand, True
        elif not _HEADING_PUNCT.search(cand) and len(cand) <= 40:
            return cand, True
    # a short sentence standing alone ('第十五条 规范支付范围。') reads as a heading, but it is a
    # complete sentence too: what follows is a further paragraph, not its body
    limit = 8 if key == "tiao" else 12
    if m and len(rest) == m.end() and not more_lines:
        cand = m.group(1)
        if len(cand) <= limit and not _HEADING_PUNCT.search(cand) and not (set(cand) & _FUNCTION_CHARS):
            return cand, True
    return None, True
