"""Chinese and Arabic numerals to exact numbers, for matched spans only (never across running text).

Digit tables cover ASCII and full-width digits, 〇/零/○, 两, and the financial (大写) forms; each is
tested key by key. Values are ints or Decimals, never floats.
"""
from __future__ import annotations

import re
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal

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


# Grouping commas as printed: ASCII, full-width, small form (1,000 / 1，000 / 1﹐000).
GROUPING = ",，﹐"
# Past this many digits a string of digits is not an amount (an ID, a hash, noise): it is not read as a
# number at all, so that every value we give is exact and fits the JSON readers use.
MAX_DIGITS = 60
_TO_ASCII = str.maketrans("０１２３４５６７８９．", "0123456789.")


def to_ascii_digits(s: str) -> str:
    return s.translate(_TO_ASCII)


def decimal_context(*numbers: str | int | Decimal) -> Context:
    """A context precise enough for exact products and quotients of these numbers: every digit of a
    printed amount is kept (1.23456789012345678901234567891万 is exact, the default 28 digits are not)."""
    digits = sum(len(str(n)) for n in numbers) + 30
    return Context(prec=max(28, digits), Emax=MAX_EMAX, Emin=MIN_EMIN)


def _exact(d: Decimal) -> int | Decimal:
    """An int when integral, else the Decimal without trailing zeros (exactly, whatever its length)."""
    if d == d.to_integral_value():
        return int(d)
    return d.normalize(decimal_context(d))


def parse_int(s: str) -> int | None:
    """'二十六' -> 26, '一百零三' -> 103, '26' -> 26, '二〇二三' -> 2023 (digit by digit), '一万二千万' ->
    120000000; None for what is not an integer of the grammar."""
    s = s.strip()
    if not s:
        return None
    if len(s) > MAX_DIGITS * 4:  # a Chinese numeral of MAX_DIGITS digits is at most about 3 characters a digit
        return None
    ascii_ = to_ascii_digits(s)
    if ascii_.isascii() and ascii_.isdigit():
        return int(ascii_) if len(ascii_) <= MAX_DIGITS else None
    if all(ch in DIGITS for ch in s):  # 二〇二三: positional digits
        return int("".join(str(DIGITS[ch]) for ch in s)) if len(s) <= MAX_DIGITS else None
    return _parse_chinese(s)


def _parse_chinese(s: str) -> int | None:
    """The grammar of Chinese integers, one pass, left to right.

    A section below 10000 is digits each followed by a smaller unit than the last (二千三百零五); a big
    unit (万 亿) multiplies the section before it and every group already read whose magnitude is not
    larger than itself, so units nest: 一万二千万 = (一万二千)万, 三千五百万亿 = (三千五百万)亿, while
    一万亿零一亿 = 一万亿 + 一亿. A bare digit right after a unit of 百 or more is the next place down
    (一万五 = 15000, 三千五 = 3500); after 零 it is units (一万零五 = 10005). A big unit straight after
    another multiplies the whole group before it: 一亿亿 = 10**16, 五千万亿 = 5 * 10**15. A unit with no digit
    before it counts one (十五, 百万, 一千零十). Anything else (two digits in a row,
    units out of order, an unknown character) gives None."""
    groups: list[tuple[int, int]] = []  # (value, magnitude) of each group closed by a big unit
    section = 0
    digit: int | None = None
    last_small: int | None = None  # the last small unit of this section
    last_unit: int | None = None  # the last unit of any kind, for 一万五
    zero = False
    after_big = False  # the last character was a big unit: 亿亿, 万亿 multiply the group before
    for ch in s:
        if ch in DIGITS:
            d = DIGITS[ch]
            if d == 0:
                if digit is not None:
                    return None  # 五零
                zero, after_big = True, False
                continue
            if digit is not None:
                return None  # two digits in a row: 三五万 is an estimate, not a number
            digit = d
        elif ch in SMALL_UNITS:
            u = SMALL_UNITS[ch]
            if last_small is not None and u >= last_small:
                return None  # 三百二千, 十十
            section += (1 if digit is None else digit) * u
            digit, last_small, last_unit, zero = None, u, u, False
        elif ch in BIG_UNITS:
            u = BIG_UNITS[ch]
            value = section + (digit or 0)
            magnitude = u
            if after_big and groups:
                v, m = groups.pop()
                value, magnitude = v, m * u
            while groups and groups[-1][1] <= u:
                v, m = groups.pop()
                value += v
                magnitude = max(magnitude, m * u)
            if value == 0 or magnitude > 10 ** MAX_DIGITS:
                return None  # 万 alone, 零万; 亿亿亿… past any amount
            groups.append((value * u, magnitude))
            section, digit, last_small, last_unit, zero = 0, None, None, u, False
            after_big = True
            continue
        else:
            return None
        after_big = False
    if digit is not None:
        if last_unit is not None and last_unit >= 100 and not zero:
            digit *= last_unit // 10  # 一万五, 三千五, 两百五
        section += digit
    elif zero and not groups and not section:
        return 0  # 零
    return sum(v for v, _ in groups) + section


_CN_FRACTION = re.compile(r"^(?P<int>[^点]+)点(?P<frac>[^点]+?)(?P<units>[万萬亿億]*)$")


def parse_chinese_number(s: str) -> int | Decimal | None:
    """A Chinese numeral with its decimals: '二十二点五' -> Decimal('22.5'), '一点五亿' -> 150000000,
    '零点零五' -> Decimal('0.05'); integers as `parse_int`. The digits after 点 are read one by one."""
    m = _CN_FRACTION.match(s)
    if not m:
        return parse_int(s)
    whole = parse_int(m.group("int"))
    if whole is None or not all(ch in DIGITS for ch in m.group("frac")):
        return None
    digits = "".join(str(DIGITS[ch]) for ch in m.group("frac"))
    value = Decimal(f"{whole}.{digits}")
    factor = 1
    for ch in m.group("units"):
        factor *= BIG_UNITS[ch]
        if factor > 10 ** MAX_DIGITS:
            return None
    return scale(value, factor)


_ARABIC = re.compile(rf"^(?P<int>[0-9]+(?:[{GROUPING}][0-9]{{3}})*)(?:\.(?P<frac>[0-9]+))?$")


def parse_number(s: str) -> int | Decimal | None:
    """'18.53' -> Decimal('18.53'), '1,500' and '1，500' -> 1500, '二万' -> 20000, '一点五' -> 1.5, any
    number of digits exactly; '百分之五十' is not handled here. A grouping comma needs three digits
    after it (1,50 is not a number)."""
    s = to_ascii_digits(s.strip())
    if not s:
        return None
    m = _ARABIC.match(s)
    if m and len(m.group("int")) > MAX_DIGITS * 2:
        return None
    if m:
        digits = re.sub(f"[{GROUPING}]", "", m.group("int"))
        if len(digits) > MAX_DIGITS:
            return None
        whole = int(digits)
        if not m.group("frac"):
            return whole
        return _exact(Decimal(f"{whole}.{m.group('frac')}"))
    if s[:1].isdigit():
        return None
    return parse_chinese_number(s)


def scale(value: int | Decimal, factor: int | Decimal) -> int | Decimal:
    """Exact multiplication, whatever the number of digits: 18.53 * 10000 -> 185300."""
    if isinstance(value, int) and isinstance(factor, int):
        return value * factor
    d = Decimal(value)
    return _exact(d.fma(Decimal(factor), 0, context=decimal_context(d, factor)))


def divide(value: int | Decimal, divisor: int) -> int | Decimal:
    """Exact division by a power of ten (千分之五 -> 0.5%)."""
    d = Decimal(value)
    return _exact(d.scaleb(-len(str(divisor)) + 1, context=decimal_context(d, divisor)))


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
    一千零一, 一万零三百, 一万亿; from 10**16 on, 亿 repeated (一亿亿 = 10**16), so any size is spelt."""
    if n < 0:
        raise ValueError(n)
    if n == 0:
        return "零"
    return _cn(n, leading=True)


def _cn(n: int, leading: bool) -> str:
    if n >= 10**16:  # groups of 10**8, the k-th followed by 亿 k times: 一亿亿零五万亿
        k = (len(str(n)) - 1) // 8
        hi, lo = divmod(n, 10 ** (8 * k))
        out = _cn(hi, leading) + "亿" * k
        return out + (("零" if lo < 10 ** (8 * k - 1) else "") + _cn(lo, False) if lo else "")
    groups = []
    while n:
        n, g = divmod(n, 10000)
        groups.append(g)
    names = ["", "万", "亿", "万亿"]
    out = ""
    for k in range(len(groups) - 1, -1, -1):
        g = groups[k]
        if g == 0:
            continue
        if out and (g < 1000 or groups[k + 1] == 0 if k + 1 < len(groups) else False):
            out += "零"
        out += _cn_below_10000(g, leading=leading and not out) + names[k]
    return out
