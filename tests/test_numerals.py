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
