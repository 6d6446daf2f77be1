"""UTF-8 (with or without BOM), GB18030/GBK, UTF-16 and CRLF give the same structure, and say so."""
import pytest

import extract
from conftest import SEED

TEXT = SEED.read_text(encoding="utf-8")


def structure(x):
    return [(d.doc_number, d.date, [p.id for p in d.provisions]) for d in x.documents]


@pytest.fixture(scope="module")
def expected():
    return structure(extract.parse(str(SEED)))


@pytest.mark.parametrize("codec,reported", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030"),
    ("utf-16", "utf-16-le"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
])
def test_encoding_detected(tmp_path, expected, codec, reported):
    f = tmp_path / "issue.md"
    f.write_bytes(TEXT.encode(codec))
    x = extract.parse(str(f))
    assert x.text.encoding == reported
    assert x.to_json()["source"]["encoding"] == reported
    assert structure(x) == expected


def test_crlf(tmp_path, expected):
    f = tmp_path / "issue.md"
    f.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    x = extract.parse(str(f))
    assert x.text.newline == "crlf"
    assert structure(x) == expected
    # line numbers still point at source lines
    assert x.documents[0].provisions[0].line == TEXT.split("\n").index(
        "# 三门峡市人民政府 关于三门峡市进一步释放消费潜力 促进消费持续恢复的实施意见") + 1
