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
