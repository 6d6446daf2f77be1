"""The 发文字号 (文号) in the shapes documents print it: `三政办〔2022〕18号`, `X政办字[2023]1号`,
`（三政办〔2005〕4号）`, `第35号` under a 令 line."""
from __future__ import annotations

import re

from ..lexicon.numerals import to_ascii_digits
from .brackets import BRACKETS_CLOSE, BRACKETS_OPEN
from .spacing import SEP

DOC_NUMBER = re.compile(
    rf"(?P<prefix>[\u4e00-\u9fff]{{1,12}})[{BRACKETS_OPEN}](?P<year>[12][0-9]{{3}})[{BRACKETS_CLOSE}]"
    rf"{SEP}*第?{SEP}*(?P<seq>[0-9０-９]{{1,5}}){SEP}*[号號]"
)
DOC_NUMBER_LINE = re.compile(rf"^{SEP}*{DOC_NUMBER.pattern}{SEP}*$")
DECREE_NUMBER = re.compile(rf"^第{SEP}*[0-9０-９]{{1,5}}{SEP}*[号號]$")  # the line under XX人民政府令


def normalize_doc_number(s: str) -> str:
    """'三政[2023] 5 号' -> '三政〔2023〕5号' (brackets folded, spaces and full-width digits dropped)."""
    m = DOC_NUMBER.search(s)
    if not m:
        return s.strip()
    seq = to_ascii_digits(m.group("seq"))
    first = "第" if re.search(rf"[{BRACKETS_CLOSE}]{SEP}*第", m.group(0)) else ""
    return f"{m.group('prefix')}〔{m.group('year')}〕{first}{seq}号"


def is_doc_number_line(line: str) -> bool:
    return bool(DOC_NUMBER_LINE.match(line))
