"""Dates as official documents print them: `2023年1月10日`, `2023 年 1 月 10 日`, `二〇二三年一月十日`."""
from __future__ import annotations

import re

from ..lexicon.numerals import parse_int
from .spacing import SEP

YEAR = r"(?:[12][0-9]{3}|[〇零○Ｏ一二三四五六七八九]{4})"
MONTH = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})"
DAY = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})"
DATE = re.compile(rf"(?P<y>{YEAR}){SEP}*年{SEP}*(?P<m>{MONTH}){SEP}*月{SEP}*(?P<d>{DAY}){SEP}*日")
STANDALONE_DATE = re.compile(rf"^{SEP}*[（(]?{DATE.pattern}[）)]?{SEP}*$")
DATE_LED = re.compile(rf"^{SEP}*{DATE.pattern}")


def parse_date(s: str) -> str | None:
    """'二〇二三年一月十日' or '2023 年 1 月 10 日' -> '2023-01-10'; None if not a real date."""
    m = DATE.search(s)
    if not m:
        return None
    y, mo, d = parse_int(m.group("y")), parse_int(m.group("m")), parse_int(m.group("d"))
    if not (y and mo and d) or not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def is_standalone_date(line: str) -> bool:
    return bool(STANDALONE_DATE.match(line))


_ISO = re.compile(r"^\s*(?P<y>[12][0-9]{3})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})\s*$")
_YEAR_MONTH = re.compile(rf"(?P<y>{YEAR}){SEP}*年{SEP}*(?P<m>{MONTH}){SEP}*月")


def parse_any_date(s: str) -> str | None:
    """A date as a metadata table gives it: '2023年4月12日', '2023-04-18', '2023/4/18'."""
    got = parse_date(s)
    if got:
        return got
    m = _ISO.match(s)
    if m and 1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31:
        return f"{int(m.group('y')):04d}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"
    return None


def parse_year_month(s: str) -> str | None:
    """'二〇二二年十二月' -> '2022-12' (a date printed without its day)."""
    m = _YEAR_MONTH.search(s)
    if not m:
        return None
    y, mo = parse_int(m.group("y")), parse_int(m.group("m"))
    return f"{y:04d}-{mo:02d}" if y and mo and 1 <= mo <= 12 else None
