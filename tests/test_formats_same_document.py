"""One document in several formats gives one document: the same head, the same provisions.

corpus/formats/ holds two documents this way (see its README): 国防部发〔2012〕21号 as test.docx, test.wps,
test.ofd and test.pdf, and 测试公文标题 as master_template.docx, .ofd and .pdf. test.doc is not a fifth
copy of the first: it is an earlier edition of the template (its own 文号, title, signature, 抄送 and
print run), so it is compared with its golden file in test_formats_golden.py, not with the others;
test_official.txt is a third document.

What a format cannot carry: the page numbers of the .docx's footers are cached field results and the
.wps's are not read at all by antiword, so page furniture is compared nowhere here (each reader's own
tests check it); a PDF's lines are grouped into blocks by the PDF reader's geometry (extract/ingest/pdf*.py,
not the Word/OFD readers), which joins the lines of a signature block and of the 版记, so a PDF is held
to the same head and the same text, and its provision boundaries are marked as a known difference.
"""
import re
import shutil

import pytest

import extract
from conftest import CORPUS

FORMATS = CORPUS / "formats"
GROUPS = {
    "test": ["test.docx", "test.wps", "test.ofd", "test.pdf"],
    "master_template": ["master_template.docx", "master_template.ofd", "master_template.pdf"],
}
HEAD = ("title", "doc_number", "recipients", "issuer", "date")
KNOWN: dict = {}  # (file, what) -> why it differs today


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


_CACHE: dict[str, tuple] = {}


def document(name: str):
    if name not in _CACHE:
        if name.endswith(".wps") and not shutil.which("antiword"):
            pytest.skip("antiword is not installed")
        x = extract.parse(str(FORMATS / name), recognize=False)
        assert len(x.documents) == 1
        d = x.documents[0]
        head = {k: getattr(d, k) for k in HEAD}
        provisions = [squash(p.text) for p in d.provisions]
        _CACHE[name] = head, [p for p in provisions if p]
    return _CACHE[name]


def cases(what: str):
    for group, names in GROUPS.items():
        for name in names[1:]:
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN[(name, what)])] if (name, what) in KNOWN else []
            yield pytest.param(names[0], name, marks=marks, id=f"{name}")


@pytest.mark.parametrize("reference,name", list(cases("head")))
def test_same_head(reference, name):
    assert document(name)[0] == document(reference)[0]


@pytest.mark.parametrize("reference,name", list(cases("provisions")))
def test_same_provisions(reference, name):
    assert document(name)[1] == document(reference)[1]


@pytest.mark.parametrize("reference,name", list(cases("text")))
def test_same_text(reference, name):
    # every provision's text in order, white space aside: what a reader reads, whatever the blocks
    assert "".join(document(name)[1]) == "".join(document(reference)[1])


def test_the_reference_reads_as_the_template_prints():
    head, provisions = document("test.docx")
    assert head["doc_number"] == "国防部发〔2012〕21号"
    assert head["title"] == "国防部关于放假的通知" and head["issuer"] == "国防部" and head["date"] == "2012-12-12"
    # the head (发文机关标志, 文号, title, 主送) is the preamble; the signature, date and 版记 the closing
    assert provisions == ["一份公文文件国防部发〔2012〕21号国防部关于放假的通知各有关单位：", "正文部分", "联系人：xxxxx",
                          "电话：123456578", "Xxxxxxxxxxxxx2012年12月12日抄送：教育局，教育局。分送：教育局，教育局。"
                          "国防部2012年12月12日印发共印2份"]
