"""Real PDFs from several producers (corpus/real/, corpus/formats/; origins in their README.md) and
fixtures of the same kinds of input: no internal error, nothing pdftotext shows is lost, page furniture
removed, note references kept apart from numbers, tables read cell by cell, paragraphs joined across
lines, pages and hanging indents, the PDF library's complaints counted into one warning."""
from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
import sys
from collections import Counter

import pytest

import extract
from conftest import CORPUS, GOLDEN, UNREADABLE
from extract.errors import GazetteError
from pdf_fixtures import (CAPTION, CAPTIONED, OPEN_TABLE, THREE_LINE_HEADER, THREE_LINE_ROWS, render_captioned_table,
                          render_footnotes, render_open_table, render_three_line_table)

PDFS = sorted(p for p in (CORPUS / "real").glob("*.pdf")) + sorted((CORPUS / "formats").glob("*.pdf"))
READABLE = [p for p in PDFS if p.relative_to(CORPUS).as_posix() not in UNREADABLE]
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u2e80-\u2fdf]")
REAL = CORPUS / "real"


def _name(p):
    return p.name[:24]


@pytest.fixture(scope="module")
def parsed():
    cache: dict = {}

    def get(path):
        if path not in cache:
            cache[path] = extract.parse(str(path), recognize=False)
        return cache[path]

    return get


def covered(x) -> str:
    """Everything the extraction accounts for: front matter, provisions, and the recorded removals."""
    pieces = [x.issue.text] if x.issue else []
    pieces += [p.text for d in x.documents for p in d.provisions]
    return "".join(pieces) + "".join(r.raw for r in x.text.removals)


def test_the_corpus_has_the_real_pdfs():
    assert len(PDFS) == 8 and len(READABLE) == 7


@pytest.mark.parametrize("path", READABLE, ids=_name)
def test_every_hanzi_pdftotext_shows_is_kept(path, parsed):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian poppler-utils) is not installed")
    shown = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    want = Counter(HAN.findall(shown.decode("utf-8")))
    got = Counter(HAN.findall(covered(parsed(path))))
    assert sum(want.values()) > 50
    assert want - got == Counter(), "".join(sorted((want - got).elements()))[:80]


@pytest.mark.parametrize("path", READABLE, ids=_name)
def test_no_hanzi_pdftotext_does_not_show_is_added(path, parsed):
    """The other way round: a character pdfminer reads where pdfium dropped an object must not be another
    line's glyph (03 had 第十四条的两个 and 第三十六条。事业 where the page prints a space)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian poppler-utils) is not installed")
    shown = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    marks = re.compile(HAN.pattern[:-1] + "\u3001\u3002\uff0c]")  # and 、。，
    extra = Counter(marks.findall(parsed(path).text.source)) - Counter(marks.findall(shown.decode("utf-8")))
    assert extra == Counter(), "".join(sorted(extra.elements()))[:80]


def test_spaces_pdfium_drops_in_the_web_print_are_spaces(parsed):
    """03 sets its MediaBox on the Pages node: pdfium's characters are placed in that page box (not
    pypdfium2's US Letter fallback), so the spaces pdfium drops after an article number (U+3000 in a
    text object of its own) are pdfminer's U+3000 there, not the glyph of the line above."""
    lines = parsed(REAL / "03_mofcom_order2014-3_overseas_investment_webprint.pdf").text.clean.split("\n")
    assert "第三十六条 事业单位法人开展境外投资、企业在境外设立分支机构参照本办法执行。" in lines
    assert any(l.startswith("第十四条 两个以上企业共同开展境外投资的，应当由相对大股东在征求其他投资方书面同意后办理备案或申请核准。")
               for l in lines)
    assert not any(l.startswith(("第十四条的", "第三十六条。")) for l in lines)


def test_an_inherited_media_box_places_pdfiums_characters_where_pdfminer_does():
    import pypdfium2 as pdfium

    from extract.ingest.pdf_chars import page_box, page_chars, use_embedded_fonts_only
    from extract.ingest.pdf_plumber import Plumber

    data = (REAL / "03_mofcom_order2014-3_overseas_investment_webprint.pdf").read_bytes()
    use_embedded_fonts_only()
    doc = pdfium.PdfDocument(data)
    plumber = Plumber(data)
    try:
        page = doc[3]
        assert page.get_cropbox() == (0, 0, 612, 792) and page_box(page) == (0.0, 0.0, 563.0, 826.0)
        ours = {(c.text, round(c.base)) for c in page_chars(page) if c.text == "的"}
        theirs = {(c.text, round(c.base)) for c in plumber.chars(3) if c.text == "的"}
        assert len(ours) == 20 and ours == theirs
        page.close()
    finally:
        plumber.close()
        doc.close()


@pytest.mark.parametrize("path", READABLE, ids=_name)
def test_no_kangxi_radical_left_in_any_provision(path, parsed):
    """macOS prints web pages with Kangxi radicals (第⼋条, ⼈⺠): the character fold gives the ideographs."""
    x = parsed(path)
    text = "".join(p.text for d in x.documents for p in d.provisions)
    assert not re.findall(r"[\u2e80-\u2eff\u2f00-\u2fdf]", text)


def test_kangxi_radicals_of_the_web_print_are_folds(parsed):
    x = parsed(REAL / "03_mofcom_order2014-3_overseas_investment_webprint.pdf")
    folds = [r for r in x.text.removals if r.kind == "fold"]
    assert len(folds) == 312 and {f.why for f in folds} == {"radical"}
    assert "第八条" in x.text.clean and "中华人民共和国" in x.text.clean
    assert sum(1 for d in x.documents for p in d.provisions if p.level == "article") == 39


@pytest.mark.parametrize("path", READABLE, ids=_name)
def test_reads_with_nothing_but_coded_warnings_on_stderr(path):
    proc = subprocess.run([sys.executable, "-m", "extract", "extract", "--no-values", str(path)], capture_output=True)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 0, err
    assert all(line.startswith("gazette: W") for line in err.splitlines()), err
    assert json.loads(proc.stdout)["documents"]


@pytest.mark.parametrize("path", [CORPUS / p for p in UNREADABLE], ids=_name)
def test_the_outline_only_pdf_is_e011(path):
    proc = subprocess.run([sys.executable, "-m", "extract", "extract", str(path)], capture_output=True)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2 and err.count("\n") == 1 and err.startswith("gazette: E011"), err


# -- the PDF library's warnings -------------------------------------------------------------------------
def test_chrome_type3_fonts_give_one_warning_not_69_lines():
    path = REAL / "08_yichun_2022_civil_servant_interview_list.pdf"
    proc = subprocess.run([sys.executable, "-m", "extract", "extract", "--no-values", str(path)], capture_output=True)
    err = proc.stderr.decode("utf-8").splitlines()
    assert proc.returncode == 0
    assert len(err) == 1 and err[0].startswith("gazette: W010 ") and "69 problem(s)" in err[0], err
    warnings = json.loads(proc.stdout)["warnings"]
    assert [(w["code"], w["count"]) for w in warnings] == [("W010", 69)]
    assert warnings[0]["first"].startswith("Could not get FontBBox from font descriptor")


def test_library_log_lines_are_counted_not_printed(tmp_path, monkeypatch, capfd):
    """Any warning pdfminer or pdfplumber logs while a file is read is counted into W010."""
    from extract.ingest import pdf_ruling

    path = tmp_path / "table.pdf"
    render_open_table(path)
    real = pdf_ruling.find_tables

    def noisy(page):
        logging.getLogger("pdfminer.pdffont").warning("odd font %s", "F1")
        logging.getLogger("pdfplumber.table").warning("odd ruling")
        return real(page)

    monkeypatch.setattr(pdf_ruling, "find_tables", noisy)
    x = extract.parse(str(path), recognize=False)
    assert [(w["code"], w["count"], w["first"]) for w in x.text.warnings] == [("W010", 2, "odd font F1")]
    assert capfd.readouterr().err == ""
    assert logging.getLogger("pdfminer").propagate  # put back as it was


# -- page furniture -------------------------------------------------------------------------------------
def test_page_numbers_of_real_producers(parsed):
    cases = {  # file: the printed page numbers, as the reader must find them
        "08_yichun_2022_civil_servant_interview_list.pdf": [f"第{n}页，共5页" for n in range(1, 6)],
        "11_qiandongnan_2023_statistical_bulletin.pdf": [f"—{n}—" for n in range(1, 22)],
        "05_tc260-003_genai_security_requirements.pdf": ["I", "II"] + [str(n) for n in range(1, 11)],
    }
    for name, want in cases.items():
        x = parsed(REAL / name)
        got = [re.sub(r"\s", "", r.raw) for r in x.text.removals if r.kind == "page_number"]
        assert got == want, name
        lines = x.text.clean.split("\n")
        assert not [l for l in lines if l.strip() in want or re.sub(r"\s", "", l) in want], name


def test_outer_corner_numbers_label_the_pages(parsed):
    x = parsed(REAL / "11_qiandongnan_2023_statistical_bulletin.pdf")
    assert [label for _, label in x.text.pages] == [str(n) for n in range(1, 22)]
    x = parsed(REAL / "05_tc260-003_genai_security_requirements.pdf")
    assert [label for _, label in x.text.pages][2:] == ["I", "II"] + [str(n) for n in range(1, 11)]


def test_no_check_finding_about_page_furniture(parsed):
    from extract.check import check

    for path in READABLE:
        assert not [f for f in check(parsed(path)) if f.code in ("GZ711", "GZ714")], path.name


# -- note references ------------------------------------------------------------------------------------
@pytest.mark.parametrize("mark", ["sup", "bracket"])
def test_a_note_mark_is_not_read_into_the_number(tmp_path, mark):
    path = tmp_path / f"notes-{mark}.pdf"
    render_footnotes(path, mark=mark)
    x = extract.parse(str(path))
    clean = x.text.clean
    assert "常住人口1761.48万人" in clean and "常住人口性别比为122.44" in clean
    refs = [r.raw.strip() for r in x.text.removals if r.kind == "footnote_ref"]
    assert refs == (["1", "2"] if mark == "sup" else ["[1]", "[2]"])
    values = {t.value for p in x.provisions() for t in p.thresholds}
    assert 17614800 in values and 117614800 not in values
    # a subscript and an exponent stay in the text; the notes' own labels too
    assert "排放CO2不超过5000吨" in clean and "不低于200m2。" in clean
    assert "1 注：此数据不包含特别合作区常住人口数据。" in clean


def test_note_marks_in_real_reports(parsed):
    x = parsed(REAL / "09_shenzhen_2021_gender_statistics.pdf")
    assert "深圳市常住人口1761.48 万人" in x.text.clean and "11761.48" not in x.text.clean
    assert [r.raw.strip() for r in x.text.removals if r.kind == "footnote_ref"][:6] == ["1", "2", "3", "4", "5", "6"]
    x = parsed(REAL / "11_qiandongnan_2023_statistical_bulletin.pdf")
    assert "全年全州生产总值1329.65亿元" in x.text.clean
    assert "规模以上工业增加值比上年增长4.7%" in x.text.clean
    refs = [r.raw for r in x.text.removals if r.kind == "footnote_ref"]
    assert refs[:3] == ["[2]", "[3]", "[4]"]


# -- tables ---------------------------------------------------------------------------------------------
def _tables(x):
    """The tables of the clean text: runs of tab-separated lines (the segmenter keeps a table as rows
    of an attachment only), each a list of rows of cells."""
    out, cur = [], []
    for line in x.text.clean.split("\n") + [""]:
        if "\t" in line:
            cur.append(line.split("\t"))
        elif cur:
            out.append(cur)
            cur = []
    return out


def test_table_ruled_above_and_below_keeps_its_row_labels(tmp_path):
    path = tmp_path / "open-table.pdf"
    render_open_table(path)
    assert _tables(extract.parse(str(path), recognize=False)) == [OPEN_TABLE]


def test_real_bulletin_tables_keep_their_labels(parsed):
    tables = _tables(parsed(REAL / "11_qiandongnan_2023_statistical_bulletin.pdf"))
    rows = [r for t in tables for r in t]
    assert ["规模以上工业增加值", "%", "4.7"] in rows
    assert ["大健康医药增加值", "%", "-1.3"] in rows
    assert ["农林牧渔专业及辅助性活动", "21.95", "4.1"] in rows
    assert ["全部财税收入", "128.64", "76.9"] in rows
    # every data row has its label and its values
    assert all(r[0] for t in tables for r in t[1:] if any(r[1:]))


def _ruled_pages(data: bytes):
    """(page index, tables from pdfium's paths, tables from pdfplumber) for every page with rules."""
    import pypdfium2 as pdfium

    from extract.ingest.pdf_chars import scan_page, use_embedded_fonts_only
    from extract.ingest.pdf_plumber import Plumber
    from extract.ingest.pdf_ruling import find_tables

    use_embedded_fonts_only()
    doc, plumber = pdfium.PdfDocument(data), Plumber(data)
    out = []
    for i in range(len(doc)):
        page = doc[i]
        if scan_page(page).rules:
            out.append((i, find_tables(page), plumber.tables(i)))
        page.close()
    plumber.close()
    doc.close()
    return out


def _same_boxes(ours, theirs) -> bool:
    """The same tables with the same cells, each coordinate within 0.001 pt."""
    def boxes(tables):
        return [[tuple(t[:4])] + list(t.cells) for t in tables]

    a, b = boxes(ours), boxes(theirs)
    return [len(t) for t in a] == [len(t) for t in b] and all(
        abs(x - y) < 1e-3 for s, t in zip(a, b) for c, d in zip(s, t) for x, y in zip(c, d))


@pytest.mark.parametrize("name", ["08_yichun_2022_civil_servant_interview_list.pdf",
                                  "11_qiandongnan_2023_statistical_bulletin.pdf"])
def test_ruling_from_pdfium_paths_finds_pdfplumbers_tables(name):
    """The reader's ruled tables come from pdfium's paths through pdfplumber's table finder: the same
    tables and cells pdfplumber finds from its own parse (to float precision: pdfium's are 32-bit)."""
    pages = _ruled_pages((REAL / name).read_bytes())
    assert sum(len(theirs) for _, _, theirs in pages) == {"08": 5, "11": 11}[name[:2]]
    for i, ours, theirs in pages:
        assert ours is not None and _same_boxes(ours, theirs), i


def test_ruling_of_the_fixtures_is_pdfplumbers(tmp_path):
    render_open_table(tmp_path / "open.pdf")
    render_captioned_table(tmp_path / "captioned.pdf")
    for path in (tmp_path / "open.pdf", tmp_path / "captioned.pdf"):
        [(page, ours, theirs)] = _ruled_pages(path.read_bytes())
        assert page == 0 and len(ours) == 1 and _same_boxes(ours, theirs)


GRID = (b"BT /F1 12 Tf 80 710 Td (Name) Tj 120 0 Td (Value) Tj ET "
        b"BT /F1 12 Tf 80 680 Td (Alpha) Tj 120 0 Td (12) Tj ET "
        b"0.5 w 72 730 m 312 730 l S 72 700 m 312 700 l 312 670 l 72 670 l h S "  # lines, a closed path
        b"72 670 m 72 730 l S 192 670 m 192 730 l S 312 670 m 312 730 l S "
        b"72 600 100 40 re S 72 560 m 100 580 120 540 160 560 c S")  # a box, a curve: not in the table


def test_ruling_edges_are_pdfplumbers_for_lines_boxes_and_curves():
    import io

    import pdfplumber
    import pypdfium2 as pdfium

    from extract.ingest.pdf_ruling import page_edges
    from hostile_pdf import build

    data = build(GRID)
    doc = pdfium.PdfDocument(data)

    def key(e):
        return e["object_type"], e["orientation"], *(round(e[k], 3) for k in ("x0", "top", "x1", "bottom"))

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert sorted(map(key, page_edges(doc[0]))) == sorted(map(key, pdf.pages[0].edges))
    [(_, ours, theirs)] = _ruled_pages(data)
    assert [(t[:4], t.cells) for t in ours] == [((72.0, 112.0, 312.0, 172.0), (
        (72.0, 112.0, 192.0, 142.0), (72.0, 142.0, 192.0, 172.0), (192.0, 112.0, 312.0, 142.0),
        (192.0, 142.0, 312.0, 172.0)))]
    assert _same_boxes(ours, theirs)
    assert extract.parse(data, recognize=False).text.clean == "Name\tValue\nAlpha\t12\n"


def test_ruling_of_a_rotated_page_is_left_to_pdfplumber():
    from hostile_pdf import build

    [(_, ours, theirs)] = _ruled_pages(build(GRID, extra_page_keys=b"/Rotate 90 "))
    assert ours is None and len(theirs) == 1


def test_three_line_table_over_a_page_break(tmp_path):
    """Rules above and under the header and under the last row only; the header printed again on the
    next page is a `table_header` removal; names and units of the header are one row."""
    path = tmp_path / "three-line.pdf"
    render_three_line_table(path)
    x = extract.parse(str(path), recognize=False)
    header = [name + unit for name, unit in THREE_LINE_HEADER]
    assert _tables(x) == [[header] + THREE_LINE_ROWS]
    assert [r.raw for r in x.text.removals if r.kind == "table_header"] == ["\t".join(header) + "\n"]
    assert "2021年，全市户籍迁入人口38.24万人。" in x.text.clean.split("\n")


def test_a_caption_ruled_in_with_its_table_is_text(tmp_path):
    path = tmp_path / "captioned.pdf"
    render_captioned_table(path)
    x = extract.parse(str(path), recognize=False)
    assert x.text.clean.split("\n")[0] == CAPTION
    assert _tables(x) == [CAPTIONED]


def test_chrome_printed_table_rows(parsed):
    x = parsed(REAL / "08_yichun_2022_civil_servant_interview_list.pdf")
    assert x.text.clean.split("\n")[:3] == ["附件：", "", "宜春市2022年度考试录用公务员面试递补人员名单（71人）"]
    tables = _tables(x)
    assert tables[0][0] == ["职位代码", "部门名称", "职位名称", "姓名", "准考证号", "笔试成绩"]
    rows = [r for t in tables for r in t if re.fullmatch(r"\d{12}", r[0])]
    assert len(rows) == 71  # 面试递补人员名单（71人）
    assert all(len(r) == 6 and re.fullmatch(r"\d{12}", r[4]) and re.fullmatch(r"\d+\.\d\d", r[5]) for r in rows)
    assert ["220020101007", "宜春市委统一战线工作部", "综合岗", "周玲", "136221309918", "131.75"] in rows
    assert ["220120201043", "丰城市人民法院", "法官助理岗（一）1", "熊娅楠", "136018005819", "125.97"] in rows


# -- paragraphs -----------------------------------------------------------------------------------------
def test_ragged_right_paragraphs_join_across_lines_and_pages(parsed):
    x = parsed(REAL / "03_mofcom_order2014-3_overseas_investment_webprint.pdf")
    lines = x.text.clean.split("\n")
    assert "第三条 企业开展境外投资，依法自主决策、自负盈亏。" in lines  # over a page break
    assert any(l.startswith("商务部和省级商务主管部门通过“境外投资管理系统”（以下简称“管理系统”）") and l.endswith("实行统一编码管理。")
               for l in lines)  # lines with quotation marks from another font
    assert any(l.startswith("第十一条 核准境外投资应当征求我驻外使（领）馆（经商处室）意见。") for l in lines)


def test_hanging_indents_continue_their_item(parsed):
    x = parsed(REAL / "05_tc260-003_genai_security_requirements.pdf")
    lines = x.text.clean.split("\n")
    assert "1）面向特定语料来源进行采集前，应对该来源语料进行安全评估，语料内容中含违法不良信息超过5%的，不应采集该来源语料；" in lines
    assert any(l.startswith("—— 交易方或合作方不能提供语料来源、质量、安全等方面的承诺以及相关证明材料时") for l in lines)
    assert "3.6" in lines  # a clause number after a sentence end opens a paragraph
    toc = [l for l in lines if re.search(r"\.{5,}", l)]
    assert len(toc) == 23 and all(re.search(r"\.{5,}(\d+|I+)$", l) for l in toc)


def test_report_paragraphs_join_with_note_marks_and_digits(parsed):
    x = parsed(REAL / "09_shenzhen_2021_gender_statistics.pdf")
    assert "2021 年，深圳市常住人口1761.48 万人，其中男性 969.57万人，占全市人口的 55.0%；女性 791.91 万人，占全市人口的 " \
           "45.0%，常住人口性别比为 122.44。" in x.text.clean.split("\n")
    x = parsed(REAL / "11_qiandongnan_2023_statistical_bulletin.pdf")
    assert "全年全州农林牧渔业增加值 290.41 亿元，比上年增长4.2%。" in x.text.clean.split("\n")


# -- against the hand-written golden files ---------------------------------------------------------------
# The heads' fields (title, 文号, issuer, date, article and section counts, where the body starts) are
# scored for every golden head in tests/test_heads.py; the tables here.
HEAD_FILES = sorted(p.name for p in (GOLDEN / "heads").glob("real-*.json")
                    if json.loads(p.read_text(encoding="utf-8"))["source"].endswith(".pdf"))


def test_every_real_pdf_has_its_golden_head():
    assert sorted(CORPUS.parent / json.loads((GOLDEN / "heads" / n).read_text(encoding="utf-8"))["source"]
                  for n in HEAD_FILES) == sorted(PDFS[:6])


@pytest.mark.parametrize("name", [n for n in HEAD_FILES if "tables" in json.loads(
    (GOLDEN / "heads" / n).read_text(encoding="utf-8")).get("documents", [{}])[0]], ids=lambda n: n[:-5])
def test_tables_as_a_reader_counts_them(name, parsed):
    """Every table's header row and number of data rows (a table printed over several pages counted
    once, its header printed again not counted), against the golden file."""
    g = json.loads((GOLDEN / "heads" / name).read_text(encoding="utf-8"))
    tables = _tables(parsed(CORPUS.parent / g["source"]))
    assert [(t[0], len(t) - 1) for t in tables] == [(e["header"], e["rows"]) for e in g["documents"][0]["tables"]]
