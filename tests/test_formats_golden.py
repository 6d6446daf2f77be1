"""The Word, WPS and OFD files of corpus/ against their hand-written head golden files (golden/heads/).

Scored: title, 文号, issuer, date, article count and, for what the readers alone decide, the tables
(header row and number of data rows, from the tab-separated rows of the text). Today's misses are
listed in HEAD_READER with why: they come from the head reader (extract/segment/, being rewritten),
which reads these heads wrongly from a text whose paragraphs are right. They are strict xfails: when
the head reader gets one right, the entry must go.
"""
import json
import re
import shutil

import pytest

import extract
from conftest import GOLDEN, ROOT, load_golden

FIELDS = ("title", "doc_number", "issuer", "date", "articles")
FILES = sorted(p.name for p in (GOLDEN / "heads").glob("*.json")
               if p.name.startswith(("formats-", "real-17_", "real-19_", "real-21_")))

BANNER = "head reader: the 发文机关标志 (一份公文文件) is taken for the title"
PLACEHOLDER_SIGNATURE = "head reader: the placeholder signature Xxxxxxxxxxxxx is not seen as one, so no issuer and no date"
HEAD_MARKS = "head reader: the 份号 line 001012 above the 发文机关标志 is taken for the title and the head ends there"
HEAD_READER = {
    **{(f, field): HEAD_MARKS for f in ("formats-master_template_docx.json", "formats-master_template_ofd.json",
                                        "formats-master_template_pdf.json")
       for field in ("title", "doc_number", "issuer", "date")},
    **{(f, "title"): BANNER for f in ("formats-test_docx.json", "formats-test_wps.json", "formats-test_ofd.json",
                                      "formats-test_pdf.json")},
    **{(f, field): PLACEHOLDER_SIGNATURE for f in ("formats-test_docx.json", "formats-test_wps.json",
                                                   "formats-test_ofd.json", "formats-test_pdf.json")
       for field in ("issuer", "date")},
    ("formats-test_doc.json", "title"): "head reader: the 发文机关标志 (国防部下发文件) is taken for the title",
    ("real-17_nanchang_customs_2023_recruitment_notice.json", "title"):
        "head reader: a title printed over two centred paragraphs (南昌海关 / 2023年度…公告) keeps only the first",
    ("real-17_nanchang_customs_2023_recruitment_notice.json", "issuer"):
        "head reader: the signature block 南昌海关 / 2023年5月19日 (two paragraphs above the attachment) is not taken for one",
    ("real-17_nanchang_customs_2023_recruitment_notice.json", "date"):
        "head reader: the signature block 南昌海关 / 2023年5月19日 (two paragraphs above the attachment) is not taken for one",
    ("real-21_2022_civil_service_exam_outline.json", "title"):
        "head reader: the attachment label 大纲1 above the title is taken for the title",
}


def _needs_converter(name: str) -> None:
    if name.endswith((".doc", ".wps")) and not shutil.which("antiword") and not shutil.which("catdoc"):
        pytest.skip("no .doc/.wps converter installed")


_CACHE = {}


def extraction(golden_name: str):
    if golden_name not in _CACHE:
        g = load_golden(f"heads/{golden_name}")
        _needs_converter(g["source"])
        _CACHE[golden_name] = g, extract.parse(str(ROOT / g["source"]), recognize=False)
    return _CACHE[golden_name]


def got(x, field: str):
    d = x.documents[0]
    if field == "articles":
        return sum(1 for p in d.provisions if p.level == "article")
    return getattr(d, field)


def cases():
    for name in FILES:
        g = json.loads((GOLDEN / "heads" / name).read_text(encoding="utf-8"))
        for field in FIELDS:
            if field not in g["documents"][0]:
                continue
            why = HEAD_READER.get((name, field))
            marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
            yield pytest.param(name, field, marks=marks, id=f"{name[:-5]}-{field}")


@pytest.mark.parametrize("name,field", list(cases()))
def test_head_field(name, field):
    g, x = extraction(name)
    assert len(x.documents) == len(g["documents"]) == 1
    assert got(x, field) == g["documents"][0][field]


def table_rows(text: str) -> list[list[list[str]]]:
    """The tables of a reader's clean text: runs of tab-separated lines, each a list of rows of cells."""
    tables, cur = [], []
    for line in text.split("\n"):
        if "\t" in line:
            cur.append(line.split("\t"))
        elif cur:
            tables.append(cur)
            cur = []
    if cur:
        tables.append(cur)
    return tables


@pytest.mark.parametrize("name", [n for n in FILES if not n.endswith("_pdf.json")])
def test_tables(name):
    g, x = extraction(name)
    expected = g["documents"][0].get("tables")
    if expected is None:
        pytest.skip("the golden file does not score tables")
    tables = table_rows(x.text.clean)
    assert [(t[0], len(t) - 1) for t in tables] == [(e["header"], e["rows"]) for e in expected]


def test_golden_sources_are_in_the_corpus():
    for name in FILES:
        g = load_golden(f"heads/{name}")
        assert (ROOT / g["source"]).exists(), g["source"]
        assert re.match(r"\.\./shared/corpus/(formats|real)/", g["origin"])
