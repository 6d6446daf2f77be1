"""Script rules (GZ701, GZ703): traditional or variant characters in simplified text, and Latin words
inside Chinese sentences.

The character table is check/variants.tsv (from OpenCC, only characters that never occur in simplified
text). A document mostly written in traditional characters is left alone.
"""
from __future__ import annotations

import re

from .context import CJK
from .registry import WARNING, rule

_CJK_CHAR = re.compile(f"[{CJK}]")
_RUN = re.compile(f"[{CJK}]+")


def _context(text: str, i: int) -> str:
    for m in _RUN.finditer(text):
        if m.start() <= i < m.end():
            a = max(m.start(), i - 2)
            return text[a:min(m.end(), a + 6)]
    return text[i]


@rule("GZ701", "variant-character", "text", WARNING, "a traditional or variant character in simplified text",
      what="A character that only traditional (or variant) Chinese uses appears in a text written in simplified "
           "characters, e.g. 澠池县 where the document elsewhere writes 渑池县.",
      why="Official documents of the mainland use the standard simplified forms (《通用规范汉字表》); a stray "
          "traditional character is a copy-paste or input-method artefact and breaks search (澠池县 is not "
          "found when searching 渑池县).",
      example="澠池县  陝州区",
      instead="渑池县  陕州区")
def variant_character(ctx):
    table = ctx.variants
    for doc in ctx.documents:
        lines = list(ctx.lines(doc))
        total = hits = 0
        for line in lines:
            total += len(_CJK_CHAR.findall(line.text))
            hits += sum(1 for ch in line.text if ch in table)
        if not hits or hits > 0.05 * total:
            continue  # none, or a text in traditional characters
        body = "".join(line.text for line in lines)
        for line in lines:
            for i, ch in enumerate(line.text):
                if ch not in table:
                    continue
                simple = table[ch]
                word = _context(line.text, i)
                fixed = word.replace(ch, simple)
                seen = " (as elsewhere in this document)" if fixed in body else ""
                yield ctx.finding("GZ701", f"{ch} in “{word}” is a traditional/variant character: simplified text "
                                           f"writes {simple} (“{fixed}”{seen})", line.start + i, line.start + i + 1,
                                  doc=doc, provision=line.provision)


_LATIN = re.compile(rf"(?<=[{CJK}，。、；：])(?P<pad1>[ \t\u3000]*)(?P<words>[A-Za-z]+(?:[ \t]+[A-Za-z]+)*)(?P<pad2>[ \t\u3000]*)(?=[{CJK}，。、；：])")
STOPWORDS = {"and": "和", "or": "或", "the": "", "of": "的", "to": "", "in": "在", "for": "为", "with": "与",
             "on": "", "by": "由", "at": "在", "from": "从", "is": "是", "are": "是", "be": "", "as": "",
             "that": "", "this": "", "not": "不", "but": "但", "an": "", "its": "", "which": "", "into": "",
             "than": "", "per": "每"}


def latin_words(text: str):
    """(start, end, words) of English words inside Chinese sentences (acronyms and units excluded)."""
    for m in _LATIN.finditer(text):
        words = m.group("words").split()
        if any(w.lower() in STOPWORDS and w == w.lower() for w in words):
            yield m.start("words"), m.end("words"), m.group("words")


@rule("GZ703", "latin-word", "text", WARNING, "an English word inside a Chinese sentence",
      what="An English function word (and, or, of, the, …) stands between Chinese words: 加强基金预算管理 and "
           "执行监督. Acronyms and units (IP, GDP, PPP, kg) are not reported.",
      why="It is residue of machine translation, an input method left in English mode, or an editor's "
          "note; the printed text must be Chinese.",
      example="加强基金预算管理 and 执行监督",
      instead="加强基金预算管理和执行监督")
def latin_word(ctx):
    for doc, line in ctx.all_lines():
        for a, b, words in latin_words(line.text):
            hint = " ".join(STOPWORDS.get(w.lower(), w) or "…" for w in words.split())
            say = f": write {hint}" if all(STOPWORDS.get(w.lower()) for w in words.split()) else ""
            left = line.text[max(0, a - 3):a].strip()
            right = line.text[b:b + 3].strip()
            yield ctx.finding("GZ703", f"English “{words}” inside Chinese text “{left} {words} {right}”{say}",
                              line.start + a, line.start + b, doc=doc, provision=line.provision)
