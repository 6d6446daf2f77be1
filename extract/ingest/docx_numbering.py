"""Word's automatic numbering (numbering.xml) rendered as the labels a reader sees.

python-docx does not render list numbers, yet official documents often number their articles and
items automatically: the paragraph's XML says `第一条` nowhere, only "numId 3, level 0", and the
numbering definition says `lvlText="第%1条"` with format `chineseCounting`. `Numbering.label` keeps the
counters as Word does while the paragraphs are read in order and returns the label text plus the
separator Word puts after it (tab or space: one space here; nothing).

Counters belong to the abstract definition, so two lists (`w:num`) on one definition continue each
other unless one overrides its start (`w:startOverride`). A level restarts when a shallower level is
used, unless `w:lvlRestart` says otherwise. `%N` in a level's text is level N's current number in that
level's format (decimal for a legal-style `w:isLgl` level).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = re.compile(r"%([1-9])")
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_TRAD_LEGAL = str.maketrans("贰叁陆万亿", "貳參陸萬億")
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"
_DIGITS = "〇一二三四五六七八九"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _attr(el, name: str, default=None):
    if el is None:
        return default
    return el.get(W + name, default)


def _child_val(el, tag: str, default=None):
    if el is None:
        return default
    c = el.find(W + tag)
    return _attr(c, "val", default) if c is not None else default


def _int(s, default=None):
    try:
        return int(s)
    except (TypeError, ValueError):
        return default


def _roman(n: int) -> str:
    out = []
    for value, digits in _ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """Word's letter numbering: a … z, aa … zz, aaa …"""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _chinese(n: int, mode: str = "low") -> str:
    import cn2an

    return cn2an.an2cn(n, mode)


def format_number(n: int, fmt: str) -> str:
    """One counter value in a numbering format (ST_NumberFormat); unknown formats read as decimal."""
    if n <= 0 and fmt not in ("decimal", "decimalZero"):
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, "up")
    if fmt in ("ideographLegalTraditional", "japaneseLegal"):
        return _chinese(n, "up").translate(_TRAD_LEGAL)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _HEAVENLY[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _EARTHLY[(n - 1) % 12]
    if fmt == "ideographZodiacTraditional":
        return _HEAVENLY[(n - 1) % 10] + _EARTHLY[(n - 1) % 12]
    if fmt == "ideographEnclosedCircle" and n <= 10:
        return chr(0x3220 + n - 1)  # ㈠
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and n <= 20:
        return chr(0x2460 + n - 1)  # ①
    if fmt == "decimalEnclosedParen" and n <= 20:
        return chr(0x2474 + n - 1)  # ⑴
    if fmt == "decimalEnclosedFullstop" and n <= 20:
        return chr(0x2488 + n - 1)  # ⒈
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULLWIDTH)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "none":
        return ""
    return str(n)


def _bullet(text: str) -> str:
    """A bullet's lvlText: symbol-font private-use code points (Wingdings, Symbol) read as •."""
    return "".join("•" if 0xF000 <= ord(ch) <= 0xF0FF else ch for ch in text)


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # w:lvlRestart (1-based level; 0 = never); None = after any shallower level
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None  # w:pStyle: the paragraph style that carries this level


def _level(el) -> Level:
    return Level(
        fmt=_child_val(el, "numFmt", "decimal"),
        text=_child_val(el, "lvlText", ""),
        start=_int(_child_val(el, "start"), 1),
        restart=_int(_child_val(el, "lvlRestart")),
        legal=el.find(W + "isLgl") is not None and _child_val(el, "isLgl", "1") not in ("0", "false"),
        suffix=_child_val(el, "suff", "tab"),
        style=_child_val(el, "pStyle"),
    )


@dataclass
class Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # level -> startOverride
    levels: dict[int, Level] = field(default_factory=dict)  # level -> redefinition


class Numbering:
    """The numbering definitions of one document and the running counters."""

    def __init__(self, root=None, style_num=None):
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstract id -> numbering style it takes its levels from
        self.nums: dict[str, Num] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.used: set[str] = set()
        self._style_num = style_num or (lambda style_id: None)
        if root is None:
            return
        for a in root.iter(W + "abstractNum"):
            aid = _attr(a, "abstractNumId")
            self.abstracts[aid] = {_int(_attr(lv, "ilvl"), 0): _level(lv) for lv in a.findall(W + "lvl")}
            link = _child_val(a, "numStyleLink")
            if link:
                self.links[aid] = link
        for n in root.iter(W + "num"):
            num = Num(abstract=_child_val(n, "abstractNumId"))
            for ov in n.findall(W + "lvlOverride"):
                ilvl = _int(_attr(ov, "ilvl"), 0)
                start = _int(_child_val(ov, "startOverride"))
                if start is not None:
                    num.starts[ilvl] = start
                lv = ov.find(W + "lvl")
                if lv is not None:
                    num.levels[ilvl] = _level(lv)
                    if start is None:
                        num.starts[ilvl] = num.levels[ilvl].start
            self.nums[_attr(n, "numId")] = num

    def _abstract(self, num: Num) -> str | None:
        aid = num.abstract
        for _ in range(4):  # a numbering style's definition points at the list that uses the style
            link = self.links.get(aid)
            if not link:
                break
            num_id = self._style_num(link)
            target = self.nums.get(num_id) if num_id else None
            if target is None or target.abstract == aid:
                break
            aid = target.abstract
        return aid if aid in self.abstracts else None

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        """The level of a list whose definition ties it to a paragraph style (w:lvl/w:pStyle)."""
        num = self.nums.get(num_id)
        aid = self._abstract(num) if num else None
        for ilvl, lv in (self.abstracts.get(aid) or {}).items():
            if lv.style == style_id:
                return ilvl
        return None

    def label(self, num_id: str | None, ilvl: int) -> tuple[str, str] | None:
        """(label, separator) for the next paragraph of list `num_id` at level `ilvl`, or None."""
        num = self.nums.get(num_id) if num_id not in (None, "0") else None
        if num is None:
            return None
        aid = self._abstract(num)
        if aid is None:
            return None
        levels = dict(self.abstracts[aid])
        levels.update(num.levels)
        lv = levels.get(ilvl)
        if lv is None:
            return None
        counters = self.counters.setdefault(aid, [None] * 10)
        if num_id not in self.used:
            self.used.add(num_id)
            for k, start in num.starts.items():
                if 0 <= k < 10:
                    counters[k] = start - 1
        counters[ilvl] = (counters[ilvl] + 1) if counters[ilvl] is not None else lv.start
        for deeper in range(ilvl + 1, 10):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if lv.fmt == "bullet":
            text = _bullet(lv.text)
        else:
            def value(m: re.Match) -> str:
                k = int(m.group(1)) - 1
                ref = levels.get(k, Level())
                n = counters[k] if counters[k] is not None else ref.start
                return format_number(n, "decimal" if lv.legal and ref.fmt != "none" else ref.fmt)

            text = _PLACEHOLDER.sub(value, lv.text)
        if not text:
            return None
        return text, "" if lv.suffix == "nothing" else " "
