"""Line shapes of a document's head and tail (GB/T 9704-2012): what each element looks like printed.

One function or pattern per element, built from the vocabularies in `extract/data/` (issuer suffixes,
organ marks 文件/令, secrecy and urgency words, note openings, 版记 words, signing titles, metadata keys).
The order in which the elements may stand is the reader's business (`extract/segment/head.py`); here
each line is only asked what it looks like. Shapes accept what real pages print: full-width and ASCII
brackets, spaces anywhere, a 文号 in parentheses, 签发人 on the 文号 line, several issuers on one line.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import vocab
from .brackets import BRACKETS_CLOSE, BRACKETS_OPEN  # noqa: F401  (re-exported for readers of shapes)
from .dates import DATE, MONTH, YEAR
from .docnumber import DOC_NUMBER
from .numbering import CN
from .spacing import SEP, WS

ATTACHMENT_LINE = re.compile(rf"^{SEP}*附{SEP}*件{SEP}*(?P<n>[0-9０-９]+|[{CN}]+)?{SEP}*[:：]?{SEP}*$")
ATTACHMENT_REF = re.compile(rf"^{SEP}*附{SEP}*件{SEP}*(?P<n>[0-9０-９]+|[{CN}]+)?{SEP}*[:：]{SEP}*(?P<title>\S.*)$")
# an item of an attachment list continued on the next line: '2. 境外投资备案表（样式）'
ATTACHMENT_ITEM = re.compile(rf"^{SEP}*(?P<n>[0-9]{{1,2}}|[{CN}]{{1,3}})(?:[\.．、]|{SEP}){SEP}*(?P<title>\S.*)$")
# the label an attached document carries above its title: 附件1, 附表2, 大纲1 (a 文种 and its number)
_ATTACHED_LABEL = re.compile(rf"^{SEP}*(?P<word>[\u4e00-\u9fff]{{1,4}}?){SEP}*(?P<n>[0-9０-９]{{1,2}}|[{CN}]{{1,3}}){SEP}*[:：]?{SEP}*$")


def is_attached_label(s: str) -> bool:
    m = _ATTACHED_LABEL.match(s)
    return bool(m) and (m.group("word") in ("附件", "附表", "附录", "附图") or kind_of(m.group("word")) == m.group("word"))


RECIPIENTS_LINE = re.compile(r"^[^。；;]{2,300}[:：]\s*$")
_ORGAN_CHARS = r"[\u4e00-\u9fffA-Za-z0-9（）()·]"
_S = f"{SEP}*"


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _spaced(word: str) -> str:
    """A word whose characters may be printed apart (部 长, 签 发 人)."""
    return _S.join(re.escape(ch) for ch in word)


# -- organs ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def organ() -> re.Pattern:
    """One organ's name: up to 30 name characters ending in an issuer suffix (国务院办公厅, 宜春市统计局)."""
    return re.compile(rf"{_ORGAN_CHARS}{{1,30}}?(?:{_alt(vocab.words('issuer_suffixes.txt'))})")


def organs(s: str) -> list[str] | None:
    """The organs a signature-shaped line names, in printed order, or None when the line is not one.

    `国务院办公厅　中央军委办公厅` (several, apart) -> two; `三 门 峡 市 人 民 政 府` (letter-spaced) -> one."""
    s = s.strip(WS)
    if not s or len(s) > 80 or "关于" in s or re.search(r"[，,。；;：:“”《》]", s) or DATE.search(s):
        return None
    parts = [p for p in re.split(rf"{SEP}+|、", s) if p]
    if parts and all(organ().fullmatch(p) for p in parts):
        if len(parts) == 1 or all(len(p) >= 3 for p in parts):
            return parts
    joined = re.sub(rf"{SEP}+", "", s)
    if len(joined) <= 40 and organ().fullmatch(joined):
        return [joined]
    return None


@lru_cache(maxsize=None)
def person_signature() -> re.Pattern:
    """A person signing (a decree, a letter): `市长 李四`, `总理　　李克强`, `部 长 高虎城`."""
    titles = "|".join(_spaced(t) for t in sorted(vocab.words("signing_titles.txt"), key=lambda w: -len(w)))
    return re.compile(rf"^{_S}(?P<role>{titles}){_S}(?P<name>[\u4e00-\u9fff·]{{2,5}}){_S}$")


# -- 版头 -------------------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def issuer_mark() -> re.Pattern:
    """发文机关标志: the organ(s) and 文件 or 令 alone on a line (三门峡市人民政府文件, 中华人民共和国国务院令)."""
    marks = _alt(vocab.words("organ_marks.txt"))
    return re.compile(rf"^{_S}(?P<organs>(?:{_ORGAN_CHARS}|{SEP}|、){{2,60}}?){_S}(?P<mark>{marks}){_S}$")


def mark_kind(mark: str) -> str:
    return vocab.mapping("organ_marks.txt").get(mark, "file")


# the number of a decree: 第35号, 2014年第3号, （2014年第3号）, under (or after) its 令 line
DECREE_NUMBER_TEXT = rf"[（(]?{_S}(?:(?P<year>[12][0-9]{{3}}){_S}年{_S})?第{_S}(?P<seq>[0-9]{{1,5}}){_S}[号號]{_S}[）)]?"
DECREE_NUMBER_LINE = re.compile(rf"^{_S}{DECREE_NUMBER_TEXT}{_S}$")
SIGNER = re.compile(rf"{_spaced('签发人')}{_S}[:：]{_S}(?P<names>\S.*?){_S}$")
DOC_NUMBER_HEAD = re.compile(rf"^{_S}[（(]?{_S}(?P<number>{DOC_NUMBER.pattern}){_S}[）)]?{_S}$")
# a standard's cover (GB/T 1.1): its code (TC260, ICS 35.040), number (GB/T 9704—2012, TC260-003), the
# dates it is issued and comes into force (2024-02-29 发布), the organ that issues it (…委员会发布)
STANDARD_CODE = re.compile(rf"^{_S}(?:ICS|CCS)?{_S}[A-Z]{{1,6}}[0-9]{{0,4}}(?:{_S}[0-9]{{2}}(?:\.[0-9]{{2,3}})*)?{_S}$")
STANDARD_NUMBER = re.compile(rf"^{_S}(?P<number>(?:GB|GB/T|GB/Z|DB[0-9]{{2}}(?:/T)?|[A-Z]{{2,4}}(?:/[TZ])?|TC[0-9]{{1,4}})"
                             rf"(?:{SEP}+|{_S}[-–]{_S})[0-9]{{1,6}}(?:[.\-–][0-9]{{1,4}})*(?:{_S}[—–-]{_S}[0-9]{{4}})?){_S}$")
ISSUED_ON = re.compile(rf"^{_S}(?P<date>[12][0-9]{{3}}[-–][0-9]{{1,2}}[-–][0-9]{{1,2}}|{DATE.pattern}){_S}(?P<what>发布|实施){_S}$")
ISSUED_BY = re.compile(rf"^{_S}(?P<organs>.{{2,80}}?){_S}发布{_S}$")
LATIN_LINE = re.compile(r"^[\sA-Za-z0-9,.;:'’()\-–—/&]+$")
# a template's placeholder 文号, alone on a head line: XXX〔2023〕X号
PLACEHOLDER_NUMBER = re.compile(rf"^{_S}(?P<number>[A-Za-zＸ\u4e00-\u9fff]{{1,12}}[〔\[［](?:[12][0-9]{{3}}|[XxＸ]{{4}})[〕\]］]"
                                rf"{_S}(?:[0-9]{{1,5}}|[XxＸ×]{{1,4}}){_S}号){_S}$")
# 密级、紧急程度、份号 written with their name: 密级：秘密
LABELLED_BANNER = re.compile(rf"^{_S}(?P<label>{_spaced('密级')}|{_spaced('紧急程度')}|{_spaced('份号')}){_S}[:：]{_S}(?P<value>\S+){_S}$")
_COPY_NUMBER = re.compile(rf"^(?:{_spaced('份号')}{_S}[:：]?{_S})?(?P<n>[0-9]{{6}})$")


@lru_cache(maxsize=None)
def _secrecy() -> re.Pattern:
    levels = _alt(vocab.words("secrecy_levels.txt"))
    term = rf"(?:[0-9一二三四五六七八九十]+{_S}个?{_S}(?:年|月)|长期)"
    return re.compile(rf"^(?P<level>{levels})(?:{_S}[★☆*＊]{_S}(?P<term>{term}))?$")


@lru_cache(maxsize=None)
def _urgency() -> re.Pattern:
    return re.compile(rf"^(?P<level>{_alt(vocab.words('urgency_levels.txt'))})$")


def banner_tokens(s: str) -> list[tuple[str, dict, int, int]] | None:
    """份号, 密级(★期限) and 紧急程度 on one line or alone: [(element, values, start, end)] for a line made
    only of them, else None. `001012  机密★5年  特急` -> copy_number, secrecy, urgency."""
    out = []
    for m in re.finditer(rf"[^{WS}]+(?:{SEP}+(?=[★☆*＊0-9年月]|个|长期)[^{WS}]*)*", s):
        tok = m.group(0)
        for name, pat in (("copy_number", _COPY_NUMBER), ("secrecy", _secrecy()), ("urgency", _urgency())):
            mm = pat.match(re.sub(rf"(?<=[★☆*＊0-9]){SEP}+|{SEP}+(?=[★☆*＊年月])", "", tok))
            if mm:
                out.append((name, {k: v for k, v in mm.groupdict().items()}, m.start(), m.end()))
                break
        else:
            return None
    return out or None


@lru_cache(maxsize=None)
def _meta_keys() -> tuple[str, ...]:
    return vocab.words("metadata_keys.tsv")


def metadata_keys() -> tuple[str, ...]:
    """The keys of a web page's metadata table, longest first (`extract/data/metadata_keys.tsv`)."""
    return _meta_keys()


def metadata_field(key: str) -> str | None:
    """The document field a metadata key fills (issuer, doc_number, date, title, kind) or None."""
    return vocab.mapping("metadata_keys.tsv").get(key)


@lru_cache(maxsize=None)
def metadata_line() -> re.Pattern:
    """`索引号 | … | 发文字号 | …` (the HTML reader's line) or `发文字号：铜政发〔2020〕33号`."""
    return re.compile(rf"^{_S}(?:{_alt(_meta_keys())}){_S}[|｜:：]")


def is_metadata_line(s: str) -> bool:
    return bool(metadata_line().match(s)) or (("|" in s or "｜" in s) and sum(k in s for k in _meta_keys()) >= 2)


# -- 主体 and 版记 -----------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def note_line() -> re.Pattern:
    """附注 under the date: （此件公开发布）, （本文有删减）, （联系人：…）."""
    starts = _alt(vocab.words("head_notes.txt"))
    return re.compile(rf"^{_S}[（(](?P<text>(?:{starts})[^（）()]{{0,60}})[）)]{_S}$")


@lru_cache(maxsize=None)
def _colophon() -> re.Pattern:
    words = _alt(w for w, f in vocab.mapping("colophon_words.tsv").items() if f in ("cc", "distribution"))
    return re.compile(rf"^{_S}(?P<word>{words})(?:{_S}机关)?{_S}[:：]{_S}(?P<list>.*?){_S}$")


def colophon_list(s: str) -> tuple[str, str] | None:
    """(field, list text) of a `抄送：…` / `分送：…` line."""
    m = _colophon().match(s)
    if not m:
        return None
    return vocab.mapping("colophon_words.tsv")[m.group("word")], m.group("list")


PRINTED_LINE = re.compile(rf"^{_S}(?P<organ>[^{WS}].{{0,40}}?){_S}(?P<date>{DATE.pattern}){_S}印{_S}发{_S}$")
COPIES = re.compile(rf"^{_S}[（(]?{_S}共{_S}印{_S}(?P<n>[0-9]+){_S}份{_S}[）)]?{_S}$")
# a bracketed organ and date under a title: （民政部　一九九七年一月二十八日）
BYLINE = re.compile(rf"^{_S}[（(]?{_S}(?P<organs>[^（）()]{{2,60}}?){SEP}+(?P<date>{DATE.pattern}){_S}[）)]?{_S}$")
MONTH_DATE = re.compile(rf"^{_S}[（(]?{_S}(?P<y>{YEAR}){_S}年{_S}(?P<m>{MONTH}){_S}月{_S}[）)]?{_S}$")
# a table-of-contents entry: a title, dot leaders and a page number
TOC_ENTRY = re.compile(rf"^(?P<title>.*?){SEP}*(?:\.{{2,}}|…+|·{{2,}}|．{{2,}}|-{{3,}}){SEP}*(?P<page>\d{{1,4}}|[IVXivx]{{1,5}}){SEP}*$")
# what a title line never ends with, and never holds
_NOT_TITLE_END = "。；;！!？?：:，,、"
_FOOTNOTE = re.compile(r"(?:\[[0-9]{1,2}\]|［[0-9]{1,2}］|[①②③④⑤⑥⑦⑧⑨]|\*)+$")
_QUALIFIER = re.compile(r"[（(][^（）()]{1,20}[）)]$")


def is_title_shaped(s: str) -> bool:
    """Could this line be (part of) a title? No sentence punctuation, no tab, not too long; a line in
    brackets only as a short qualifier (（试行）, （2018—2035年）)."""
    s = s.strip(WS)
    if not s or len(s) > 120 or "\t" in s or "。" in s or s[-1] in _NOT_TITLE_END or TOC_ENTRY.match(s):
        return False
    if s[0] in "（(":
        return bool(_QUALIFIER.fullmatch(s)) and len(s) <= 24
    return True


_SPACE_AT_DIGIT = re.compile(rf"(?<=[0-9]){SEP}+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]){SEP}+(?=[0-9])")


def title_value(raw: str) -> str:
    """A title as one string: its lines joined, no space between Chinese characters or between a digit
    and a Chinese character (`2021 年深圳市…` -> `2021年深圳市…`), a footnote marker after it dropped."""
    from .spacing import squash

    return strip_title_marks(_SPACE_AT_DIGIT.sub("", squash(raw)))


def strip_title_marks(title: str) -> str:
    """A title without a footnote marker printed after it (…统计公报[1] -> …统计公报)."""
    return _FOOTNOTE.sub("", title).rstrip(WS)


@lru_cache(maxsize=None)
def _kinds() -> re.Pattern:
    from .doctypes import types

    return re.compile(rf"(?:{_alt(types('kind'))})$")


def kind_of(title: str | None) -> str | None:
    """The 文种 a title ends in (指导意见 -> 意见, 复函 -> 复函, …名单（71人） -> 名单), or None."""
    if not title:
        return None
    t = strip_title_marks(title)
    while _QUALIFIER.search(t) and len(t) > 6:
        t = _QUALIFIER.sub("", t).rstrip(WS)
    m = _kinds().search(t)
    return m.group(0) if m else None


def ends_like_title(s: str) -> bool:
    """A complete title: it ends in a 文种 (and perhaps a qualifier or footnote marker after it)."""
    return kind_of(s) is not None


# -- what a document does to the text after it, addressees, seals ---------------------------------------
def _words_with(name: str, role: str | None = None) -> list[str]:
    rows = vocab.rows(name)
    return [r[0] for r in rows if role is None or (len(r) > 1 and role in r[1].split(","))]


@lru_cache(maxsize=None)
def publishing() -> re.Pattern:
    """印发, 发布, 公布, 转发, 批转: the document publishes or forwards a text (`extract/data/publishing_verbs.txt`)."""
    return re.compile(_alt(_words_with("publishing_verbs.txt")))


@lru_cache(maxsize=None)
def published_title() -> re.Pattern:
    """`…关于印发《X》的通知`: group `what` is X, group `verb` the verb."""
    from .doctypes import types

    return re.compile(rf"(?P<verb>{_alt(_words_with('publishing_verbs.txt'))})(?P<what>.+?)的(?:{_alt(types('notice'))})$")


def names_its_text(verb: str) -> bool:
    """Does the object of `verb` name the published text by itself (印发《X》), or not (转发民政部关于…)?"""
    return verb in _words_with("publishing_verbs.txt", "object")


@lru_cache(maxsize=None)
def recipient_hint() -> re.Pattern:
    return re.compile(_alt(_words_with("recipient_shapes.tsv", "hint")))


@lru_cache(maxsize=None)
def not_recipients() -> re.Pattern:
    openings = _alt(_words_with("recipient_shapes.tsv", "opening"))
    phrases = _alt(_words_with("recipient_shapes.tsv", "phrase"))
    return re.compile(rf"^(?:{openings})|{phrases}")


@lru_cache(maxsize=None)
def seal_line() -> re.Pattern:
    return re.compile(rf"^{_S}[（(][^（）()]*(?:{_alt(vocab.words('seal_words.txt'))})[^（）()]*[）)]{_S}$")
