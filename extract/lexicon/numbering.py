"""The numbering hierarchy of official documents, as one table of data.

Parser code never spells '章' or '（一）' itself: it asks this module. `LEVELS` is ordered from the
outermost level to the innermost; `rank` is the position in that order. Labels tolerate what real
documents print: white space of any kind inside (`第 一 条`, `第　一　条`), full-width digits, and the
Traditional forms 編/節/條.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from ..lexicon.numerals import parse_int
from .spacing import SEP, WS

CN = "一二三四五六七八九十百千零〇两"
CN_NUM = f"[{CN}]+"
ANY_NUM = rf"(?:[{CN}]+|[0-9０-９]+)"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_S = f"{SEP}*"


@dataclass(frozen=True)
class Level:
    key: str  # the numbering style
    level: str  # the contract's level name
    prefix: str  # id prefix
    pattern: re.Pattern  # matches at the start of a line; group 'n' is the ordinal, 'sub' a 之N suffix
    ordinal: Callable[[str], int | None]
    needs_separator: bool = False  # the label must be followed by white space, end of line, or bold
    heading_only: bool = False  # the label counts only before a short heading alone on its line (1 范围)
    heading_line: bool = False  # a short rest of the line is the node's heading (3.1 术语)

    @property
    def rank(self) -> int:
        return LEVEL_RANK[self.key]


def _circled(s: str) -> int | None:
    return CIRCLED.index(s) + 1 if s in CIRCLED else None


# an ordinal read once per spelling (第十二条 recurs in every law)
_ordinal = lru_cache(maxsize=4096)(parse_int)

LEVELS: list[Level] = [
    Level("bian", "part", "part", re.compile(rf"第{_S}(?P<n>{ANY_NUM}){_S}[编編]"), _ordinal, True),
    Level("zhang", "chapter", "ch", re.compile(rf"第{_S}(?P<n>{ANY_NUM}){_S}章"), _ordinal, True),
    Level("jie", "section", "sec", re.compile(rf"第{_S}(?P<n>{ANY_NUM}){_S}[节節]"), _ordinal, True),
    Level("tiao", "article", "art",
          re.compile(rf"第{_S}(?P<n>{ANY_NUM}){_S}[条條](?:之(?P<sub>{CN_NUM}))?"), _ordinal, True),
    # standard-style decimal numbering (GB/T 1.1: 1 范围, 3.1 术语, 3.1.1 …) and a bulletin's 01综合:
    # a number, then a short heading alone on the line
    Level("decimal", "section", "cl",
          re.compile(rf"(?P<n>0[1-9](?=[\u4e00-\u9fff])|[1-9][0-9]?(?={SEP}+[\u4e00-\u9fff]))"), _ordinal,
          heading_only=True, heading_line=True),
    Level("decimal2", "item", "cl", re.compile(rf"[1-9][0-9]?[\.．](?P<n>[0-9]{{1,2}})(?![\.．]?[0-9])(?={SEP}+)"),
          _ordinal, True, heading_line=True),
    Level("decimal3", "subitem", "cl",
          re.compile(rf"[1-9][0-9]?[\.．][0-9]{{1,2}}[\.．](?P<n>[0-9]{{1,2}})(?![\.．]?[0-9])(?={SEP}+)"), _ordinal, True,
          heading_line=True),
    Level("cn_dun", "section", "sec", re.compile(rf"(?P<n>{CN_NUM})、"), _ordinal),
    Level("cn_paren", "item", "item", re.compile(rf"[（(]{SEP}?(?P<n>{CN_NUM}){SEP}?[）)]"), _ordinal),
    Level("arabic_dot", "subitem", "sub", re.compile(r"(?P<n>[0-9０-９]{1,3})(?:[\.．](?![0-9０-９])|、)"), _ordinal),
    Level("arabic_paren", "point", "pt", re.compile(rf"[（(]{SEP}?(?P<n>[0-9０-９]{{1,3}}){SEP}?[）)]"), _ordinal),
    Level("circled", "point", "pt", re.compile(rf"(?P<n>[{CIRCLED}])"), _circled),
]
LEVEL_RANK = {lv.key: i for i, lv in enumerate(LEVELS)}
BY_KEY = {lv.key: lv for lv in LEVELS}
ARTICLE_RANK = LEVEL_RANK["tiao"]


@dataclass(frozen=True)
class Label:
    level: Level
    number: int
    sub: int | None  # 第十条之一 -> 1
    text: str  # the label as printed, e.g. '第十条之一', '（一）'
    end: int  # offset just after the label (and its separator) in the line
    has_separator: bool


_SEP_AFTER = re.compile(rf"{SEP}+")
# a heading alone on its line: short, Chinese, no sentence punctuation, not a quantity (12 个月, 3 年)
_LEADERS = re.compile(r"\.{3,}|…{2,}|·{3,}")  # a table-of-contents entry's dot leaders
_WORD_AFTER = re.compile(rf"^{SEP}+(?![个年月日天万元亿%倍])[\u4e00-\u9fff]")
_SHORT_HEADING = re.compile(rf"^{SEP}*(?![个年月日天万元亿%])[\u4e00-\u9fff][^，。；：,;:！？、.…·．]{{0,23}}{SEP}*$")


# the characters each level's pattern can start with; most lines start with none of them and need no
# pattern tried, and a line starting with one is tried only against the levels that can start with it
# (in LEVELS order): a 第 line against the four 第N编/章/节/条 patterns, not all twelve
_DIGITS = "0123456789０１２３４５６７８９"
FIRST_CHARS = {"bian": "第", "zhang": "第", "jie": "第", "tiao": "第", "decimal": "0123456789",
               "decimal2": "123456789", "decimal3": "123456789", "cn_dun": CN, "cn_paren": "（(",
               "arabic_dot": _DIGITS, "arabic_paren": "（(", "circled": CIRCLED}
assert set(FIRST_CHARS) == set(BY_KEY)
LABEL_FIRST = frozenset("".join(FIRST_CHARS.values()))
_LEVELS_BY_FIRST = {ch: tuple(lv for lv in LEVELS if ch in FIRST_CHARS[lv.key]) for ch in LABEL_FIRST}


@lru_cache(maxsize=8192)
def match_label(line: str) -> Label | None:
    """The numbering label that starts `line` (already stripped of markdown marks), if any.

    Remembered by line: the segmenter, the closing finder and the cleaner ask about the same paragraph
    line several times (a Label is immutable)."""
    stripped = line.lstrip(WS)
    if not stripped or stripped[0] not in LABEL_FIRST:
        return None
    return _match_levels(line, stripped, _LEVELS_BY_FIRST[stripped[0]])


def _match_levels(line: str, stripped: str, levels=LEVELS) -> Label | None:
    """The first of `levels` whose label starts `stripped` (`line` less its leading white space)."""
    offset = len(line) - len(stripped)
    for lv in levels:
        m = lv.pattern.match(stripped)
        if not m:
            continue
        number = lv.ordinal(m.group("n"))
        if number is None or number <= 0:
            continue
        rest = stripped[m.end():]
        sep = _SEP_AFTER.match(rest)
        has_sep = bool(sep) or not rest
        if lv.key == "arabic_dot" and rest[:1] in ("年", "月", "日", "%", "万", "元"):
            continue
        if lv.heading_only and not _SHORT_HEADING.match(rest):
            continue
        if lv.key in ("decimal2", "decimal3") and (not _WORD_AFTER.match(rest) or _LEADERS.search(rest)):
            continue  # 4.5 万元 is a quantity, not clause 4.5
        sub = m.group("sub") if "sub" in m.groupdict() else None
        end = offset + m.end() + (sep.end() if sep else 0)
        return Label(lv, number, _ordinal(sub) if sub else None, m.group(0), end, has_sep)
    return None


def starts_with_label(line: str) -> bool:
    lab = match_label(line)
    return bool(lab) and (lab.has_separator or not lab.level.needs_separator)
