"""Plain text as PDF-to-text converters print it (hard-wrapped lines, no blank lines between
paragraphs, running headers, page numbers, form feeds) parses like the markdown path."""
import re
from collections import Counter

import pytest

import extract
from conftest import CORPUS

WRAPPED = CORPUS / "sanmenxia-gazette-2023-02.pdftotext.txt"


def norm(s):
    return re.sub(r"\s+", "", s)


@pytest.fixture(scope="module")
def both(seed):
    return seed, extract.parse(str(WRAPPED))


def test_same_documents_and_provision_tree(both):
    md, txt = both
    assert [(d.id, d.title, d.doc_number, d.issuer, d.date, d.recipients) for d in txt.documents] == \
        [(d.id, d.title, d.doc_number, d.issuer, d.date, d.recipients) for d in md.documents]
    for a, b in zip(md.documents, txt.documents):
        assert [(p.id, p.level, p.parent, p.label, p.heading) for p in b.provisions] == \
            [(p.id, p.level, p.parent, p.label, p.heading) for p in a.provisions]
        assert [norm(p.text) for p in b.provisions] == [norm(p.text) for p in a.provisions]
        assert (b.effective, b.expires) == (a.effective, a.expires)


def test_front_matter_and_toc(both):
    md, txt = both
    assert (txt.issue.title, txt.issue.number, txt.issue.total_number, txt.issue.published) == \
        ("三门峡市人民政府公报", 2, 203, "2023-03-06")
    assert [(e.title, e.page, e.document_id) for e in txt.issue.toc] == \
        [(e.title, e.page, e.document_id) for e in md.issue.toc]


def test_layout_recorded_and_pages_known(both):
    _, txt = both
    kinds = Counter(r.kind for r in txt.text.removals)
    assert kinds["running_header"] == 19 and kinds["page_number"] == 20
    assert kinds["layout"] > 300  # the line breaks inside wrapped paragraphs
    assert [p for p in txt.provisions() if p.page is None] == []
    pages = [int(p.page) for p in txt.provisions()]
    assert pages == sorted(pages) and pages[-1] == 20
    # each document starts on the page (between form feeds) that holds its 文号
    raw_pages = WRAPPED.read_text(encoding="utf-8").split("\f")
    for d in txt.documents:
        printed = next(n for n, page in enumerate(raw_pages, 1) if d.doc_number in page)
        assert d.provisions[0].page == str(printed), d.id


def test_values_found_as_in_markdown(both):
    md, txt = both
    def values(x):
        return [(t.value, t.unit, t.comparator) for p in x.provisions() for t in p.thresholds]
    assert values(txt) == values(md)
