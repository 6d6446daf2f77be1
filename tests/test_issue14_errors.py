"""Every internal error of issue 14 is now a result or a coded error (each repro with its exact outcome)."""
import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

import extract
from conftest import SEED
from extract.cli import main
from extract.errors import GazetteError

import hostile_pdf as H

RULE = "关于某事项的规定\n\n第一条 为了规范管理，制定本规定。\n\n第二条 本规定自2024年1月1日起施行。\n"


def invoke(*args):
    r = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert "internal error" not in r.output, r.output
    return r


def one_error(r, code):
    assert r.exit_code == 2, r.output
    lines = [l for l in r.output.splitlines() if l.startswith("gazette: ")]
    assert lines and lines[0].startswith(f"gazette: {code} "), r.output
    return lines[0]


# -- PDF -----------------------------------------------------------------------------------------------
@pytest.fixture()
def surrogate_pdf(tmp_path):
    p = tmp_path / "surrogate.pdf"
    p.write_bytes(H.build(b"BT /F1 24 Tf 72 700 Td (BAB BBB) Tj ET", tounicode=H.surrogate_cmap()))
    return p


def test_tounicode_lone_surrogate_reads_as_replacement_character(surrogate_pdf, tmp_path):
    r = invoke("extract", surrogate_pdf)
    assert r.exit_code == 0
    data = json.loads(r.output)
    assert data["documents"][0]["provisions"][0]["text"] == "条\ufffd条 条条条\n"
    assert invoke("render", surrogate_pdf).exit_code == 0
    assert invoke("diff", surrogate_pdf, surrogate_pdf).exit_code == 0
    assert invoke("db", "build", tmp_path / "s.db", surrogate_pdf).exit_code == 0


RULES = b" 0 0 m 500 0 l S 0 10 m 500 10 l S 0 0 m 0 500 l S 10 0 m 10 500 l S"


@pytest.mark.parametrize("box", [b"[0 0 null 842]", b"5", b"[0 0 595]"])
def test_malformed_page_box_with_rules_is_read(tmp_path, box):
    """pdfplumber (opened for ruled pages) raised inside close() in a finally: PdfminerException, TypeError."""
    p = tmp_path / "box.pdf"
    p.write_bytes(H.build(b"BT /F1 24 Tf 72 700 Td (Hello world) Tj ET" + RULES, mediabox=box))
    r = invoke("extract", p)
    assert r.exit_code == 0, r.output
    assert "Hello world" in json.loads(r.stdout)["documents"][0]["provisions"][0]["text"]


def test_bytes_after_eof_are_ignored_as_readers_do(tmp_path):
    p = tmp_path / "mailed.pdf"
    p.write_bytes(H.build(b"BT /F1 24 Tf 72 700 Td (Hello world) Tj ET", tail=b"\r\n" + b"--boundary-- " * 200))
    r = invoke("extract", p)
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["documents"][0]["provisions"][0]["text"] == "Hello world\n"


def test_no_eof_at_all_is_still_truncated(tmp_path):
    p = tmp_path / "cut.pdf"
    p.write_bytes(H.build()[:-7])
    assert "truncated" in one_error(invoke("extract", p), "E012")


@pytest.mark.parametrize("inflated", [256 << 20, 2 << 30])
def test_decompression_bomb_is_refused(tmp_path, inflated):
    """A 256 MB bomb took 28 s and 3.6 GB, a 2 GiB one 3.2 GB."""
    p = tmp_path / "bomb.pdf"
    p.write_bytes(H.bomb(inflated))
    line = one_error(invoke("extract", p), "E019")
    assert line == f"gazette: E019 {p}: PDF one stream inflates to more than 32 MB (a decompression bomb?); " \
                   "raise --max-inflate if it is real"


def test_the_cap_can_be_raised(tmp_path):
    p = tmp_path / "big.pdf"
    p.write_bytes(H.bomb(40 << 20))
    one_error(invoke("extract", p), "E019")
    assert invoke("extract", "--max-inflate", "512", p).exit_code == 0


def test_cap_on_the_whole_document():
    from extract.ingest.pdf_guard import check_inflation
    import zlib

    stream = zlib.compress(b" " * (3 << 20))
    one = b"1 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream\nendobj\n"
    data = b"%PDF-1.4\n" + one * 5 + b"%%EOF\n"
    check_inflation(data, "x.pdf", max_stream=4 << 20, max_total=16 << 20)  # 15 MB: fine
    with pytest.raises(GazetteError) as e:
        check_inflation(data + one, "x.pdf", max_stream=4 << 20, max_total=16 << 20)
    assert e.value.code == "E019" and "its content inflates to more than 16 MB" in str(e.value)


# -- HTML ----------------------------------------------------------------------------------------------
BODY = "<p>第一条 为了规范管理，制定本办法。</p><p>第二条 本办法自2024年1月1日起施行。</p>"


@pytest.mark.parametrize("head", ['<meta charset="undefined">',
                                  '<meta http-equiv="Content-Type" content="text/html; charset=undefined">',
                                  '<meta charset="rot13">', '<meta charset="no-such-codec">'])
def test_html_with_an_unusable_charset_is_detected(tmp_path, head):
    p = tmp_path / "page.html"
    p.write_bytes(f"<html><head>{head}<title>通知</title></head><body>{BODY}</body></html>".encode("utf-8"))
    doc = extract.parse(str(p)).documents[0]
    assert [x.id for x in doc.provisions if x.level == "article"] == ["art1", "art2"]


@pytest.mark.parametrize("depth", [1000, 100000])
def test_deeply_nested_html_is_read(tmp_path, depth):
    p = tmp_path / "deep.html"
    p.write_text(f"<html><body>{'<div>' * depth}{BODY}{'</div>' * depth}</body></html>", encoding="utf-8")
    doc = extract.parse(str(p)).documents[0]
    assert [x.text for x in doc.provisions if x.level == "article"] == [
        "第一条 为了规范管理，制定本办法。\n\n", "第二条 本办法自2024年1月1日起施行。\n"]


# -- JSON ----------------------------------------------------------------------------------------------
@pytest.fixture()
def hostile_json(tmp_path):
    big = tmp_path / "big.json"
    big.write_text('{"schema": "gazette-extract/1", "x": ' + "9" * 5000 + "}", encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    return big, deep


def test_huge_integer_and_deep_json(hostile_json, tmp_path):
    big, deep = hostile_json
    for cmd in (["validate"], ["diff"]):
        args = cmd + ([big, big] if cmd == ["diff"] else [big])
        assert "an integer of 5,000 digits (limit 1,000)" in one_error(invoke(*args), "E014")
        args = cmd + ([deep, deep] if cmd == ["diff"] else [deep])
        assert "nested deeper than 200 levels" in one_error(invoke(*args), "E014")
    r = invoke("db", "build", tmp_path / "j.db", big, deep)
    assert r.exit_code == 2 and r.output.count("E014") == 2


def test_a_five_thousand_digit_amount_in_text(tmp_path):
    p = tmp_path / "n.txt"
    p.write_text("第一条 罚款" + "9" * 5000 + "元。", encoding="utf-8")
    r = invoke("extract", p)
    assert r.exit_code == 0
    assert json.loads(r.output)["documents"][0]["provisions"][-1]["thresholds"] == []


# -- database ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def built(tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "c.db"
    assert invoke("db", "build", db, SEED).exit_code == 0
    return db


@pytest.mark.parametrize("damage,missing", [("DROP TABLE thresholds", "table thresholds"),
                                            ("ALTER TABLE provisions DROP COLUMN heading", "column provisions.heading")])
@pytest.mark.parametrize("cmd", [["search", "{db}", "财政"], ["export", "{db}"], ["stats", "{db}"],
                                 ["build", "{db}", str(SEED)]])
def test_database_missing_a_table_or_column_is_e043(built, tmp_path, damage, missing, cmd):
    db = tmp_path / "d.db"
    shutil.copy(built, db)
    conn = sqlite3.connect(db)
    conn.execute(damage)
    conn.commit()
    conn.close()
    line = one_error(invoke("db", *[a.format(db=db) for a in cmd]), "E043")
    assert f"without {missing}" in line


def test_search_limit_past_sqlite_integers(built):
    r = invoke("db", "search", built, "财政", "--limit", "9223372036854775808")
    assert r.exit_code == 0 and r.output.rstrip().endswith("provisions")
    one_error(invoke("db", "search", built, "财政", "--limit", "-1"), "E047")


def test_newline_in_a_file_name_cannot_fake_search_lines(tmp_path):
    name = tmp_path / "evil\nFAKE  art9  第九条\n  x.md"
    name.write_text("关于某事项的规定\n\n第一条 财政局负责本规定的实施。\n", encoding="utf-8")
    db = tmp_path / "n.db"
    assert invoke("db", "build", db, name).exit_code == 0
    r = invoke("db", "search", db, "财政")
    lines = r.output.splitlines()
    assert lines[0] == "关于某事项的规定  art1  第一条"
    assert lines[1] == f"  {tmp_path}/evil\\x0aFAKE  art9  第九条\\x0a  x.md:3"
    assert not any(l.startswith("FAKE") for l in lines)


# -- text decoding -------------------------------------------------------------------------------------
def test_nul_in_ascii_text_is_utf8(tmp_path):
    p = tmp_path / "nul.txt"
    p.write_bytes(b"Notice on something important for everyone\n" * 20 + b"\x00" + b"more ascii text here\n")
    t = extract.parse(str(p)).text
    assert t.encoding == "utf-8"
    assert t.source.endswith("\x00more ascii text here\n")


def test_word_line_breaks_in_utf8(tmp_path):
    p = tmp_path / "vt.txt"
    p.write_bytes(RULE.replace("。\n\n第二条", "。\x0b第二条").encode("utf-8"))
    r = extract.parse(str(p))
    assert r.text.encoding == "utf-8"
    assert [x.id for x in r.documents[0].provisions if x.level == "article"] == ["art1", "art2"]
    assert [(f.raw, f.replacement, f.why) for f in r.text.removals if f.kind == "fold"] == [("\x0b", "\n", "break")]
    assert r.text.restore() == r.text.source


def test_big5_is_read(tmp_path):
    p = tmp_path / "big5.txt"
    text = "關於某事項的規定\n\n第一條 為了規範管理，制定本規定。本規定適用於本市行政區域內的各類單位和個人。\n\n第二條 本規定自二零二四年一月一日起施行。\n"
    p.write_bytes(text.encode("big5"))
    r = extract.parse(str(p))
    assert r.text.encoding == "big5"
    assert r.text.source == text
    assert [x.id for x in r.documents[0].provisions if x.level == "article"] == ["art1", "art2"]


def test_gb18030_is_not_taken_for_big5(tmp_path):
    p = tmp_path / "gb.txt"
    p.write_bytes((RULE * 3).encode("gb18030"))
    assert extract.parse(str(p)).text.encoding == "gb18030"
