"""A document's own definition of its days as working days.

Many laws and rules count their short periods in working days and say so once, near the end:
`本规定所称的“二日”“三日”“五日”…，是指工作日`, `本法中十日以内期限的规定是指工作日`, `本条例规定的…期限以工作日计算`.
A threshold printed `不得超过十日` in such a document is 10 working days, not 10 days. This module reads the
definition from the document's provisions; the recogniser (run.annotate_document) applies it to the
document's day thresholds after they are found.
"""
from __future__ import annotations

import re
from typing import Callable

from ..lexicon.numerals import parse_number

_DAYS = r"([〇零一二两三四五六七八九十百0-9]+)[日天]"  # 十日, 15日: a number of days
# “二日”“三日”、“五日”… 是指工作日 (the quoted periods the definition lists)
_LISTED = re.compile(rf"((?:[“\"‘]?{_DAYS}[”\"’]?[、，,\s]*){{1,12}})(?:的规定|期限|期间)?[，,]?(?:是指|指|为)工作日")
_PERIOD = re.compile(_DAYS)
# 本法中十日以内期限的规定是指工作日
_UP_TO = re.compile(rf"{_DAYS}以内(?:的)?(?:期限|期间|时限)(?:的规定)?[，,]?(?:是指|指|为)工作日")
# 本条例规定的…期限以工作日计算 / 本办法规定的时限以工作日计算: every period of days
_ALL = re.compile(r"(?:期限|时限|期间)(?:均)?(?:以|按照?)工作日计算")


def day_rule(texts) -> Callable[[object], bool] | None:
    """From the texts of a document's provisions: a test saying which day counts are working days, or None
    when the document defines none."""
    listed: set = set()
    up_to = None
    for text in texts:
        if "工作日" not in text:
            continue
        if _ALL.search(text):
            return lambda value: True
        for m in _LISTED.finditer(text):
            for p in _PERIOD.finditer(m.group(1)):
                n = parse_number(p.group(1))
                if n is not None:
                    listed.add(n)
        for m in _UP_TO.finditer(text):
            n = parse_number(m.group(1))
            if n is not None:
                up_to = n if up_to is None else max(up_to, n)
    if not listed and up_to is None:
        return None
    return lambda value: value in listed or (up_to is not None and value is not None and value <= up_to)
