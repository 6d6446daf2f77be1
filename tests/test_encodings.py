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


def test_large_inputs_decode_a_megabyte_at_a_time_to_the_same_text():
    """Past 4 MB bytes are decoded in 1 MB pieces (memory: see ingest.decode._decode_or_none); a character
    cut by a piece's edge must come out whole, in every encoding, with and without a BOM."""
    import codecs

    from extract.ingest.decode import _decode_or_none, decode

    text = ("第一条 为了规范政府公报的编辑工作，制定本办法。𠀀\n" * 120_000)[:-1]  # 𠀀: four bytes in UTF-8
    cases = [(text.encode("utf-8"), "utf-8"), (codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8-sig"),
             (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf-16-le"),
             (text.encode("gb18030"), "gb18030")]
    for data, encoding in cases:
        assert len(data) > 4 << 20
        assert decode(data) == (text, encoding, "lf"), encoding
    bad = bytearray(text.encode("utf-8"))
    bad[(3 << 20) + 7] = 0xFF  # one broken byte in the fourth piece: not UTF-8
    assert _decode_or_none(bytes(bad), "utf-8") is None
