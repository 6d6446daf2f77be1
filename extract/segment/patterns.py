"""The numbering hierarchy and the other line shapes of official documents, as one table of data.

Parser code never spells '章' or '（一）' itself: it asks this module. `LEVELS` is ordered from the
outermost level to the innermost; `rank` is the position in that order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..recognize.numerals import parse_int

CN = "一二三四五六七八九十百千零〇两"
CN_NUM = f"[{CN}]+"
ANY_NUM = rf"(?:[{CN}]+|[0-9０-９]+)"
WS = " \t\u3000\u2002\u2003\u00a0"  # white space, full-width and EM/EN/no-break spaces included
SEP = f"[{WS}]"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class Level:
    key: str  # the numbering style
    level: str  # the contract's level name
    prefix: str  # id prefix
    pattern: re.Pattern  # matches at the start of a line; group 'n' is the ordinal, 'sub' a 之N suffix
    ordinal: Callable[[str], int | None]
    needs_separator: bool = False  # the label must be followed by white space, end of line, or bold

    @property
    def rank(self) -> int:
        return LEVEL_RANK[self.key]


def _circled(s: str) -> int | None:
    return CIRCLED.index(s) + 1 if s in CIRCLED else None


LEVELS: list[Level] = [
    Level("bian", "part", "part", re.compile(rf"第(?P<n>{ANY_NUM})编"), parse_int, True),
    Level("zhang", "chapter", "ch", re.compile(rf"第(?P<n>{ANY_NUM})章"), parse_int, True),
    Level("jie", "section", "sec", re.compile(rf"第(?P<n>{ANY_NUM})节"), parse_int, True),
    Level("tiao", "article", "art", re.compile(rf"第(?P<n>{ANY_NUM})条(?:之(?P<sub>{CN_NUM}))?"), parse_int, True),
    Level("cn_dun", "section", "sec", re.compile(rf"(?P<n>{CN_NUM})、"), parse_int),
    Level("cn_paren", "item", "item", re.compile(rf"[（(]{SEP}?(?P<n>{CN_NUM}){SEP}?[）)]"), parse_int),
    Level("arabic_dot", "subitem", "sub", re.compile(r"(?P<n>[0-9０-９]{1,3})(?:[\.．](?![0-9０-９])|、)"), parse_int),
    Level("arabic_paren", "point", "pt", re.compile(rf"[（(]{SEP}?(?P<n>[0-9０-９]{{1,3}}){SEP}?[）)]"), parse_int),
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


def match_label(line: str) -> Label | None:
    """The numbering label that starts `line` (already stripped of markdown marks), if any."""
    stripped = line.lstrip(WS)
    offset = len(line) - len(stripped)
    for lv in LEVELS:
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
        sub = m.group("sub") if "sub" in m.groupdict() else None
        end = offset + m.end() + (sep.end() if sep else 0)
        return Label(lv, number, parse_int(sub) if sub else None, m.group(0), end, has_sep)
    return None


def starts_with_label(line: str) -> bool:
    lab = match_label(line)
    return bool(lab) and (lab.has_separator or not lab.level.needs_separator)


# --- other line shapes -------------------------------------------------------------------------
YEAR = r"(?:[12][0-9]{3}|[〇零○一二三四五六七八九]{4})"
MONTH = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})"
DAY = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})"
DATE = re.compile(rf"(?P<y>{YEAR}){SEP}*年{SEP}*(?P<m>{MONTH}){SEP}*月{SEP}*(?P<d>{DAY}){SEP}*日")
STANDALONE_DATE = re.compile(rf"^{SEP}*[（(]?{DATE.pattern}[）)]?{SEP}*$")
DATE_LED = re.compile(rf"^{SEP}*{DATE.pattern}")

BRACKETS_OPEN = "〔［\\[【（(｛{"
BRACKETS_CLOSE = "〕］\\]】）)｝}"
DOC_NUMBER = re.compile(
    rf"(?P<prefix>[\u4e00-\u9fff]{{1,12}})[{BRACKETS_OPEN}](?P<year>[12][0-9]{{3}})[{BRACKETS_CLOSE}]"
    rf"{SEP}*第?{SEP}*(?P<seq>[0-9０-９]{{1,5}}){SEP}*号"
)
DOC_NUMBER_LINE = re.compile(rf"^{SEP}*{DOC_NUMBER.pattern}{SEP}*$")
ATTACHMENT_LINE = re.compile(rf"^{SEP}*附{SEP}*件{SEP}*(?P<n>[0-9０-９]+|[{CN}]+)?{SEP}*[:：]?{SEP}*$")
ATTACHMENT_REF = re.compile(rf"^{SEP}*附{SEP}*件{SEP}*(?P<n>[0-9０-９]+|[{CN}]+)?{SEP}*[:：]{SEP}*(?P<title>\S.*)$")
RECIPIENTS_LINE = re.compile(r"^[^。；;]{2,300}[:：]\s*$")
ISSUERS = r"(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|常务委员会|人民代表大会|政府|局|厅|部|委|院|署|会|中心|公司|集团)"
SIGNATURE_LINE = re.compile(rf"^{SEP}*[\u4e00-\u9fff（）()、]{{2,40}}{ISSUERS}{SEP}*$")
# a decree is signed by a person: 市长 李四
PERSON_SIGNATURE = re.compile(rf"^{SEP}*(?:省长|市长|县长|区长|州长|旗长|主席|主任|局长|厅长|部长|院长|总理){SEP}*[\u4e00-\u9fff·]{{2,5}}{SEP}*$")
TITLE_WORDS = re.compile(r"(关于.{2,}的|条例|办法|规定|细则|规则|决定|命令|公告|通告|通知|通报|意见|方案|措施|批复|函)$")


def normalize_doc_number(s: str) -> str:
    """'三政[2023] 5 号' -> '三政〔2023〕5号' (brackets folded, spaces and full-width digits dropped)."""
    m = DOC_NUMBER.search(s)
    if not m:
        return s.strip()
    seq = m.group("seq").translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    first = "第" if re.search(rf"[{BRACKETS_CLOSE}]{SEP}*第", m.group(0)) else ""
    return f"{m.group('prefix')}〔{m.group('year')}〕{first}{seq}号"


def is_standalone_date(line: str) -> bool:
    return bool(STANDALONE_DATE.match(line))


def is_doc_number_line(line: str) -> bool:
    return bool(DOC_NUMBER_LINE.match(line))


def parse_date(s: str) -> str | None:
    """'二〇二三年一月十日' or '2023 年 1 月 10 日' -> '2023-01-10'; None if not a real date."""
    m = DATE.search(s)
    if not m:
        return None
    y, mo, d = parse_int(m.group("y")), parse_int(m.group("m")), parse_int(m.group("d"))
    if not (y and mo and d) or not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[\u4e00-\u9fff“”《》、，（）]){SEP}+(?=[\u4e00-\u9fff“”《》、，（）])")


def squash(s: str) -> str:
    """Join a title printed over several lines or spaced out ('总 则' -> '总则')."""
    s = re.sub(r"\s*\n\s*", "", s.strip())
    return _SPACE_BETWEEN_CJK.sub("", s).strip()


def clause_start(text: str, end: int, boundaries: str, openers: str, closers: str) -> int:
    """Where the clause ending at `end` starts: back to a boundary character outside brackets, or to an
    unmatched opening bracket (the clause then starts inside it)."""
    depth = 0
    i = end - 1
    while i >= 0:
        ch = text[i]
        if ch in closers:
            depth += 1
        elif ch in openers:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ch in boundaries:
            break
        i -= 1
    return i + 1
