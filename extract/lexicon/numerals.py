"""Chinese and Arabic numerals to exact numbers, for matched spans only (never across running text).

Digit tables cover ASCII and full-width digits, 〇/零/○, 两, and the financial (大写) forms; each is
tested key by key. Values are ints or Decimals, never floats.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "О": 0,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "两": 2,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9, "貮": 2, "參": 3,
}
for _i, _ch in enumerate("0123456789"):
    DIGITS[_ch] = _i
for _i, _ch in enumerate("０１２３４５６７８９"):
    DIGITS[_ch] = _i
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
CN_NUMERAL_CHARS = "".join(k for k in DIGITS if not k.isdigit() and k not in "０１２３４５６７８９") + "十拾百佰千仟万萬亿億"


def to_ascii_digits(s: str) -> str:
    return s.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))


def parse_int(s: str) -> int | None:
    """'二十六' -> 26, '一百零三' -> 103, '26' -> 26, '二〇二三' -> 2023 (digit by digit)."""
    s = s.strip()
    if not s:
        return None
    ascii_ = to_ascii_digits(s)
    if ascii_.isdigit():
        return int(ascii_)
    if all(ch in DIGITS for ch in s):  # 二〇二三: positional digits
        return int("".join(str(DIGITS[ch]) for ch in s))
    return _parse_chinese(s)


def _parse_chinese(s: str) -> int | None:
    total = 0
    section = 0
    digit = None
    for ch in s:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        elif ch in BIG_UNITS:
            section += digit or 0
            total = (total + section) * BIG_UNITS[ch] if BIG_UNITS[ch] > 10**4 else total + section * BIG_UNITS[ch]
            section = 0
            digit = None
        else:
            return None
    return total + section + (digit or 0)


def parse_number(s: str) -> int | Decimal | None:
    """'18.53' -> Decimal('18.53'), '1,500' -> 1500, '二万' -> 20000, '百分之五十' is not handled here."""
    s = to_ascii_digits(s.strip()).replace(",", "").replace("，", "")
    if not s:
        return None
    try:
        if "." in s:
            d = Decimal(s)
            return int(d) if d == d.to_integral_value() else d
        if s.isdigit():
            return int(s)
    except InvalidOperation:
        return None
    return parse_int(s)


def scale(value: int | Decimal, factor: int) -> int | Decimal:
    """Exact multiplication: 18.53 * 10000 -> 185300."""
    d = Decimal(value) * factor
    return int(d) if d == d.to_integral_value() else d.normalize()


FULLWIDTH_DIGITS = "０１２３４５６７８９"
_CN_DIGITS = "零一二三四五六七八九"
_CN_SMALL = ((1000, "千"), (100, "百"), (10, "十"))


def _cn_below_10000(n: int, leading: bool) -> str:
    """0 < n < 10000; `leading` when nothing is printed before it (十一, not 一十一)."""
    out, gap = "", False
    for value, name in _CN_SMALL:
        d, n = divmod(n, value)
        if d:
            if gap and out:
                out += "零"
            out += ("" if (value == 10 and d == 1 and leading and not out) else _CN_DIGITS[d]) + name
            gap = False
        elif out:
            gap = True
    if n:
        out += ("零" if (gap or (out and not out.endswith("十"))) and out else "") + _CN_DIGITS[n]
    return out


def cn_number(n: int) -> str:
    """A non-negative integer as labels and citations print it: 十, 十一, 二十一, 一百零一, 一百一十,
    一千零一, 一万零三百."""
    if n < 0:
        raise ValueError(n)
    if n == 0:
        return "零"
    groups = []
    while n:
        n, g = divmod(n, 10000)
        groups.append(g)
    names = ["", "万", "亿", "万亿"]
    if len(groups) > len(names):
        raise ValueError("number too large for Chinese numerals")
    out = ""
    for k in range(len(groups) - 1, -1, -1):
        g = groups[k]
        if g == 0:
            continue
        if out and (g < 1000 or groups[k + 1] == 0 if k + 1 < len(groups) else False):
            out += "零"
        out += _cn_below_10000(g, leading=not out) + names[k]
    return out
