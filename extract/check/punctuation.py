"""Punctuation rules (GZ721-GZ724): unbalanced brackets and quotes, pairs that mix full-width and ASCII,
ASCII punctuation and ASCII brackets inside Chinese text.

Brackets pair over the lines of a document (a quotation may run over paragraphs, opening each one with
“ and closing only the last); numbering labels (（一）, 1）) belong to the numbering rules and are skipped.
"""
from __future__ import annotations

import re

from .context import CJK
from .registry import ERROR, WARNING, rule

OPEN = {"（": "paren", "(": "paren", "［": "square", "[": "square", "【": "lenticular", "〔": "tortoise",
        "《": "book", "〈": "angle", "「": "corner", "『": "corner2", "“": "dquote", "‘": "squote", "｛": "curly",
        "{": "curly"}
CLOSE = {"）": "paren", ")": "paren", "］": "square", "]": "square", "】": "lenticular", "〕": "tortoise",
         "》": "book", "〉": "angle", "」": "corner", "』": "corner2", "”": "dquote", "’": "squote", "｝": "curly",
         "}": "curly"}
PARTNER = {"（": "）", "(": ")", "［": "］", "[": "]", "【": "】", "〔": "〕", "《": "》", "〈": "〉", "「": "」",
           "『": "』", "“": "”", "‘": "’", "｛": "｝", "{": "}"}
ASCII_BRACKETS = set("()[]{}")
_LABEL_BEFORE = re.compile(r"(?:^|[\s：:；;，,。、])[0-9０-９a-zA-Z一二三四五六七八九十①-⑳]{1,3}$")


MAX_SPAN_LINES = 60  # a parenthesis or quotation may run over paragraphs (a quoted article), not further


def bracket_problems(lines):
    """(code, line index, position, message) for unbalanced (GZ721) and mixed-width (GZ722) pairs.

    `lines` is a list of (text, label_end). Pairs may run over lines (multi-paragraph quotations, a
    law's history in one parenthesis over several lines) up to MAX_SPAN_LINES."""
    stack: list[tuple[str, int, int]] = []  # (opener, line index, position)
    out = []
    for k, (text, skip_to) in enumerate(lines):
        while stack and k - stack[0][1] > MAX_SPAN_LINES:
            opener, lk, at = stack.pop(0)
            out.append(("GZ721", lk, at, f"“{opener}” is never closed"))
        lead = len(text) - len(text.lstrip(" \t\u3000"))
        first = text[max(lead, skip_to):max(lead, skip_to) + 1]
        if first in ("“", "‘") and stack and stack[-1][0] == first and stack[-1][1] < k:
            stack.pop()  # a quotation over several paragraphs opens each one and closes only the last
        for i, ch in enumerate(text):
            if i < skip_to:
                continue
            if ch in ("‘", "’") and 0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isalpha() \
                    and text[i + 1].isascii() and text[i + 1].isalpha():
                continue  # an apostrophe: don’t
            if ch in OPEN:
                stack.append((ch, k, i))
            elif ch in CLOSE:
                fam = CLOSE[ch]
                depth = next((d for d in range(len(stack) - 1, -1, -1) if OPEN[stack[d][0]] == fam), None)
                if depth is None:
                    if fam == "paren" and _LABEL_BEFORE.search(text[:i]):
                        continue  # a label such as 1） or a)
                    out.append(("GZ721", k, i, f"“{ch}” closes nothing: its opening {_opener_name(fam)} is missing"))
                    continue
                for opener, lk, at in stack[depth + 1:]:
                    out.append(("GZ721", lk, at, f"“{opener}” is never closed (“{ch}” closes an earlier "
                                                 f"“{stack[depth][0]}”)"))
                opener, lk, at = stack[depth]
                del stack[depth:]
                if (opener in ASCII_BRACKETS) != (ch in ASCII_BRACKETS):
                    out.append(("GZ722", k, i, f"“{opener}” is closed by “{ch}”: write “{opener}…{PARTNER[opener]}” "
                                               f"(both full-width, or both ASCII)"))
    for opener, lk, at in stack:
        out.append(("GZ721", lk, at, f"“{opener}” is never closed"))
    return out


def _opener_name(fam: str) -> str:
    return {"dquote": "quotation mark “", "squote": "quotation mark ‘", "book": "《", "paren": "bracket"}.get(fam, "bracket")


def _paragraph_problems(ctx, doc, code):
    lines = [line for line in ctx.lines(doc)
             if not ("\t" in line.text or line.text.lstrip().startswith("|"))]  # table rows: cells, not prose
    key = ("brackets", doc.id)
    if key not in ctx.cache:
        ctx.cache[key] = bracket_problems([(line.text, line.label_end) for line in lines])
    for c, k, i, message in ctx.cache[key]:
        if c == code:
            line = lines[k]
            yield ctx.finding(c, message, line.start + i, line.start + i + 1, doc=doc, provision=line.provision)


@rule("GZ721", "unbalanced-bracket", "text", ERROR, "a bracket or quotation mark that is never closed, or closes nothing",
      what="An opening bracket or quotation mark （ 《 “ 〔 【 has no closing partner, or a closing one has no "
           "opening partner. A pair may run over several paragraphs (a quoted article), up to 60 lines.",
      why="A lost bracket changes what a parenthesis or a quotation covers — in a legal text, what a "
          "condition or a defined term applies to.",
      example="（责任单位：市发展改革委、商务局",
      instead="（责任单位：市发展改革委、商务局）")
def unbalanced_bracket(ctx):
    for doc in ctx.documents:
        yield from _paragraph_problems(ctx, doc, "GZ721")


@rule("GZ722", "mixed-bracket-pair", "text", WARNING, "a bracket pair that mixes full-width and ASCII",
      what="A full-width opening bracket （ is closed by an ASCII ) or the other way round.",
      why="A typing or conversion slip; the pair prints unevenly, and tools that match brackets by "
          "character miss it.",
      example="（责任单位：市发展改革委、商务局、乡村振兴局)",
      instead="（责任单位：市发展改革委、商务局、乡村振兴局）")
def mixed_bracket_pair(ctx):
    for doc in ctx.documents:
        yield from _paragraph_problems(ctx, doc, "GZ722")


_ASCII_PUNCT = re.compile(rf"(?<=[{CJK}”》）])(?P<p>[,;:?!])(?=[ \t]*[{CJK}“《（])|(?<=[{CJK}])(?P<dot>\.)(?=[{CJK}]|[ \t]*$)")
_ASCII_QUOTES = re.compile(r"\"(?P<body>[^\"\n]{1,80})\"")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}


@rule("GZ723", "ascii-punctuation", "text", WARNING, "ASCII punctuation inside Chinese text",
      what="An ASCII comma, semicolon, colon, question or exclamation mark, full stop or pair of straight "
           "quotes \"…\" stands between Chinese characters. Reported once per paragraph, with a count.",
      why="Chinese text takes full-width punctuation (GB/T 15834-2011); ASCII marks are input-method or "
          "conversion slips and print cramped.",
      example="地 址:三门峡市崤山路47号; 称\"小巨人\"企业",
      instead="地址：三门峡市崤山路47号；称“小巨人”企业")
def ascii_punctuation(ctx):
    for doc, line in ctx.all_lines():
        hits = [(m.start(), m.end(), f"ASCII “{m.group(0)}” inside Chinese text: write “{_FULL[m.group(0)]}”")
                for m in _ASCII_PUNCT.finditer(line.text)]
        hits += [(m.start(), m.end(), f"straight quotes around “{m.group('body')[:20]}”: write “…”")
                 for m in _ASCII_QUOTES.finditer(line.text) if re.search(f"[{CJK}]", m.group("body"))]
        yield from _one_per_paragraph(ctx, doc, line, "GZ723", sorted(hits), "ASCII marks")


def _one_per_paragraph(ctx, doc, line, code, hits, what):
    """One finding per paragraph, at the first hit, counting the others (a text typed with ASCII
    punctuation would otherwise give one finding per comma)."""
    if not hits:
        return
    a, b, message = hits[0]
    if len(hits) > 1:
        message += f" (and {len(hits) - 1} more {what} in this paragraph)"
    yield ctx.finding(code, message, line.start + a, line.start + b, doc=doc, provision=line.provision)


_ASCII_PAREN = re.compile(r"\((?P<body>[^()（）\n]{1,200})\)")
_CJK_RE = re.compile(f"[{CJK}]")


@rule("GZ724", "ascii-brackets", "text", WARNING, "ASCII brackets around Chinese text",
      what="A pair of ASCII brackets (…) encloses Chinese text. Numbering labels are left to GZ104; reported "
           "once per paragraph, with a count.",
      why="Chinese text takes full-width brackets （…） (GB/T 15834-2011); ASCII ones are conversion or "
          "input-method slips, and a document that mixes both looks careless.",
      example="支持举办三门峡市运动会(阳光运动会)。",
      instead="支持举办三门峡市运动会（阳光运动会）。")
def ascii_brackets(ctx):
    for doc, line in ctx.all_lines():
        if "(" not in line.text:
            continue
        hits = []
        for m in _ASCII_PAREN.finditer(line.text):
            if m.start() < line.label_end or not _CJK_RE.search(m.group("body")):
                continue
            body = m.group("body")
            shown = body if len(body) <= 12 else body[:12] + "…"
            hits.append((m.start(), m.end(), f"ASCII brackets around “{shown}”: write （{shown}）"))
        yield from _one_per_paragraph(ctx, doc, line, "GZ724", hits, "ASCII bracket pairs")
