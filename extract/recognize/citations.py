"""Citations of other documents: `《title》（文号）`, a `《title》` of a law or document, a bare 文号, and
orders such as `国务院令第773号`.

`find_citations(text)` returns `Found`s whose `data` = {title, doc_number}; doc_number is normalised with
`extract.lexicon.docnumber.normalize_doc_number` (brackets folded to 〔〕, spaces dropped). A 《title》 counts
only when its title ends with a document type from `extract/data/document_types.txt` or a 文号 follows it
(《红色信仰》, a play, is not a citation). Titles keep nested 〈〉 marks as printed.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import vocab
from ..lexicon.brackets import BRACKETS_CLOSE, BRACKETS_OPEN
from ..lexicon.docnumber import normalize_doc_number
from ..lexicon.doctypes import citation_types
from ..lexicon.numerals import to_ascii_digits
from ..lexicon.spacing import SP, drop_spaces
from .found import Found

CN = "零〇一二两三四五六七八九十百千"


@lru_cache(maxsize=None)
def _patterns():
    number = (rf"[\u4e00-\u9fff]{{1,12}}[{BRACKETS_OPEN}][12][0-9]{{3}}[{BRACKETS_CLOSE}]{SP}第?{SP}"
              rf"[0-9０-９]{{1,5}}{SP}号")
    order = rf"[\u4e00-\u9fff]{{1,16}}?令{SP}(?:[（(]?[12][0-9]{{3}}[）)]?{SP})?第{SP}(?:[0-9０-９]+|[{CN}]+){SP}号"
    titled = re.compile(
        rf"《(?P<title>[^《》\n]{{2,150}})》(?:{SP}[（(]{SP}(?P<num>{number}|{order}){SP}[）)])?")
    bare = re.compile(rf"(?P<num>{number.replace('{{1,12}}', '{{1,8}}', 1)}|{order})")
    lead = re.compile(rf"^(?:{vocab.alternation('doc_number_lead_words.txt')})+")
    types = citation_types()
    return titled, bare, lead, types


def _doc_number(s: str) -> str:
    s = drop_spaces(s)
    if "令" in s and re.search(r"令(?:[（(]?[12][0-9]{3}[）)]?)?第", s):
        return to_ascii_digits(s)
    return normalize_doc_number(s)


def find_citations(text: str) -> list[Found]:
    """Every citation in `text`, in order, with spans relative to `text`."""
    titled, bare, lead, types = _patterns()
    out: list[Found] = []
    if "《" not in text and "号" not in text:
        return out
    for m in titled.finditer(text):
        title = re.sub(r"\s*\n\s*", "", m.group("title")).strip()
        num = m.group("num")
        if not num and not types.search(title):
            continue
        data = {"title": title, "doc_number": _doc_number(_strip_lead(num, lead)) if num else None}
        out.append(Found("CITATION", m.start(), m.end(), m.group(0), data))
    for m in bare.finditer(text) if "号" in text else ():
        if any(f.start <= m.start() < f.end for f in out):
            continue
        raw = m.group("num")
        trimmed = _strip_lead(raw, lead)
        start = m.start() + (len(raw) - len(trimmed))
        if len(re.match(r"[\u4e00-\u9fff]*", trimmed).group(0)) == 0:
            continue
        out.append(Found("CITATION", start, m.end(), text[start:m.end()],
                         {"title": None, "doc_number": _doc_number(trimmed)}))
    out.sort(key=lambda f: f.start)
    return out


def _strip_lead(num: str, lead: re.Pattern) -> str:
    """根据三政〔2022〕5号 -> 三政〔2022〕5号: drop the words that only lead up to the number."""
    m = lead.match(num)
    if m and m.end() < len(num) and re.match(r"[\u4e00-\u9fff]", num[m.end():]):
        return num[m.end():]
    return num
