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

HEAD_READER: dict[tuple[str, str], str] = {}


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
