"""The OFD reader: reading order from glyph positions, paragraphs from the line geometry, page furniture."""
import io
import zipfile

import pytest

from conftest import CORPUS
from extract.errors import GazetteError
from extract.ingest import read
from extract.ingest.ofd import _deltas
from ofd_fixtures import Page, build, pages
from test_format_detection import run
from test_input_errors import assert_one_line_error


def test_paragraphs_from_the_line_geometry():
    # a title over two centred lines is one; lines running to the right edge go on, also over the
    # page end; a full line that ends a sentence before 第二条 does not; a CTM scales its run
    text = read(build(), path="notice.ofd")
    assert text.format == "ofd"
    assert text.clean == pages()[1]
    assert [(r.kind, r.raw) for r in text.removals] == [("layout", "\n")] * 5 + [
        ("page_number", "— 1 —\n"), ("page_break", "\f"), ("page_number", "— 2 —\n")]
    assert text.restore() == text.source


def test_pages_are_labelled_by_their_printed_numbers():
    text = read(build(), path="notice.ofd")
    assert [label for _, label in text.pages] == ["1", "2"]
    second = text.pages[1][0]
    # the page turns inside a paragraph: page 2 starts mid-line, with the rest of the sentence
    assert text.clean[second:].startswith("具体办法另行制定。")
    assert text.clean[second - 1] != "\n"
    assert text.page(second - 1) == "1" and text.page(second) == "2"


def test_template_page_text_is_read():
    text = read(build(template=True), path="notice.ofd")
    assert text.clean.startswith("某某市人民政府文件\n\n关于加强公共服务管理工作的通知\n\n")


def test_real_ofd_pages():
    text = read(str(CORPUS / "formats" / "test.ofd"))
    assert [r.raw for r in text.removals if r.kind == "page_number"] == ["––1––\n", "––2––\n"]
    assert text.clean.split("\n\n")[:3] == ["一份公文文件", "国防部发〔2012〕21号", "国防部关于放假的通知"]
    # runs that WPS split at every change of font stay one word: no space inside 2012年12月12日
    assert "\n\n2012年12月12日\n\n" in text.clean and "\n\n电 话：123456578\n\n" in text.clean


@pytest.mark.parametrize("raw,expected", [
    ("2.5 1", [2.5, 1.0]), ("g 3 2.5 1 g 2 0.5", [2.5, 2.5, 2.5, 1.0, 0.5, 0.5]), ("", []), (None, []),
])
def test_delta_lists(raw, expected):
    assert _deltas(raw) == expected


def _ofd_without(name: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(build()), "r") as src, zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            if info.filename != name:
                out.writestr(info.filename, src.read(info))
    return buf.getvalue()


def test_missing_page_content(tmp_path):
    f = tmp_path / "hollow.ofd"
    f.write_bytes(_ofd_without("Doc_0/Pages/Page_1/Content.xml"))
    proc = run("extract", str(f))
    assert_one_line_error(proc, "E052")
    assert "Doc_0/Pages/Page_1/Content.xml is missing" in proc.stderr.decode()


def test_ofd_without_a_document():
    data = build(extra={"OFD.xml": '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'})
    with pytest.raises(GazetteError) as e:
        read(data, path="empty.ofd")
    assert e.value.code == "E052"


def test_ofd_without_text():
    blank = Page()
    with pytest.raises(GazetteError) as e:
        read(build([blank.xml()]), path="scan.ofd")
    assert e.value.code == "E058"


def test_ofd_zip_bomb(tmp_path):
    f = tmp_path / "bomb.ofd"
    f.write_bytes(build(extra={"Doc_0/Res/padding.bin": b"\x00" * (30 * 1024 * 1024)}))
    assert_one_line_error(run("extract", str(f)), "E054")


def test_page_limit(tmp_path):
    f = tmp_path / "two.ofd"
    f.write_bytes(build())
    proc = run("extract", "--max-pages", "1", str(f))
    assert_one_line_error(proc, "E013")
    assert "2 pages" in proc.stderr.decode()
