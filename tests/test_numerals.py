"""Digit tables key by key, and exact conversion (STYLE.md 5)."""
from decimal import Decimal

import pytest

from extract.lexicon.numerals import DIGITS, parse_int, parse_number, scale

EXPECTED_DIGITS = {
    "〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
    "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
    "0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9,
    "０": 0, "１": 1, "２": 2, "３": 3, "４": 4, "５": 5, "６": 6, "７": 7, "８": 8, "９": 9,
}


@pytest.mark.parametrize("ch,value", sorted(EXPECTED_DIGITS.items()))
def test_digit_table(ch, value):
    assert DIGITS[ch] == value


@pytest.mark.parametrize("text,value", [
    ("十", 10), ("十一", 11), ("二十", 20), ("二十六", 26), ("三十二", 32), ("九十九", 99), ("一百", 100),
    ("一百零三", 103), ("一百二十", 120), ("一千二百", 1200), ("两千", 2000), ("二万", 20000),
    ("一万二千三百", 12300), ("三亿五千万", 350000000), ("二〇二三", 2023), ("１千２百", 1200),
    ("26", 26), ("２６", 26), ("壹佰贰拾", 120),
])
def test_parse_int(text, value):
    assert parse_int(text) == value


def test_exact_decimal_scaling():
    assert scale(parse_number("18.53"), 10000) == 185300
    assert isinstance(scale(parse_number("18.53"), 10000), int)
    assert scale(parse_number("0.5"), 1) == Decimal("0.5")
    assert parse_number("1,500") == 1500
    assert parse_number("1.50") == Decimal("1.50")


# -- The grammar, case by case (issue 14). Each value written by hand from the reading of the numeral. --
GRAMMAR_CASES = [
    # nested big units
    ("一万二千万", 120000000), ("一亿二千万", 120000000), ("三千五百万亿", 3500000000000000),
    ("五万亿", 5000000000000), ("一万万", 100000000), ("一万亿零一亿", 1000100000000),
    ("十亿五千万", 1050000000), ("一亿亿", 10**16), ("五千万亿", 5 * 10**15), ("一亿零五万", 100050000), ("二亿三千万亿", 23000000000000000),
    # 零 and gaps
    ("一百零三", 103), ("一千零一", 1001), ("一千零十", 1010), ("一千零一十", 1010), ("一万零三百", 10300),
    ("一万零五", 10005), ("零", 0), ("一十", 10), ("十一", 11), ("百万", 1000000),
    # the next place down after a unit of 百 or more (一万五 is 15000, not 10005)
    ("一万五", 15000), ("三千五", 3500), ("两百五", 250), ("一亿五", 150000000), ("十万五", 105000),
    # positional digits (years)
    ("二〇二三", 2023), ("二零二四", 2024),
    # financial forms
    ("壹万贰仟", 12000), ("叁佰零伍", 305),
]


@pytest.mark.parametrize("text,value", GRAMMAR_CASES)
def test_chinese_integer_grammar(text, value):
    assert parse_int(text) == value
    assert type(parse_int(text)) is int


@pytest.mark.parametrize("text", ["三百二千", "十十", "万", "零万", "五零万", "三五万", "一二万", "百十千", "abc", "一万a"])
def test_malformed_numerals_are_refused(text):
    assert parse_int(text) is None
    assert parse_number(text) is None


NUMBER_CASES = [
    # Chinese decimals
    ("一点五", Decimal("1.5")), ("一点二", Decimal("1.2")), ("二十二点五", Decimal("22.5")),
    ("零点零五", Decimal("0.05")), ("一点五亿", 150000000), ("二十二点五万", 225000), ("三点一四一五九", Decimal("3.14159")),
    # grouping commas of every width
    ("1,000", 1000), ("1，000", 1000), ("1﹐000", 1000), ("12,345,678", 12345678), ("1，234.5", Decimal("1234.5")),
    ("１，０００", 1000),
    # exact decimals of any length
    ("1.23456789012345678901234567891", Decimal("1.23456789012345678901234567891")),
    ("0.000000000000000000000000000000001", Decimal("1E-33")),
    ("18.53", Decimal("18.53")), ("1.50", Decimal("1.5")), ("2.0", 2),
]


@pytest.mark.parametrize("text,value", NUMBER_CASES)
def test_numbers(text, value):
    got = parse_number(text)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize("text", ["1,50", "1,0000", "1.2.3", "", "1点", "点五", "9" * 61])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_scaling_keeps_every_digit():
    value = parse_number("1.23456789012345678901234567891")
    assert scale(value, 10000) == Decimal("12345.6789012345678901234567891")
    assert scale(parse_number("0.5"), 10**12) == 500000000000
    from extract.lexicon.numerals import divide

    assert divide(5, 10) == Decimal("0.5")
    assert divide(Decimal("0.123456789012345678901234567891"), 10) == Decimal("0.0123456789012345678901234567891")


def test_json_keeps_every_digit():
    from extract.model import jsonable

    assert jsonable(Decimal("12345.6789012345678901234567891")) == "12345.6789012345678901234567891"
    assert jsonable(Decimal("185300.00")) == 185300


def test_huge_numerals_are_not_amounts():
    """A 5,000-digit number or 亿 written 5,000 times is not read as an amount (it would not fit the JSON
    readers use); nothing past MAX_DIGITS digits is a value."""
    assert parse_number("9" * 5000) is None
    assert parse_int("一" + "亿" * 5000) is None
    assert parse_number("一点五" + "亿" * 100) is None
