"""Word 97-2003 .doc and WPS .wps files, read through the converters that are installed."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import CORPUS
from extract.ingest import read
from test_input_errors import assert_one_line_error

needs_antiword = pytest.mark.skipif(not shutil.which("antiword"), reason="antiword is not installed (apt-get install antiword)")
needs_catdoc = pytest.mark.skipif(not shutil.which("catdoc"), reason="catdoc is not installed (apt-get install catdoc)")
REAL = CORPUS / "real"
FORMATS = CORPUS / "formats"


def run(*args, **env):
    return subprocess.run([sys.executable, "-m", "extract", *args], capture_output=True,
                          env={**os.environ, **env})


@needs_antiword
def test_doc_paragraphs_in_order():
    text = read(str(FORMATS / "test.doc"))
    assert (text.format, text.encoding) == ("doc", "cp936")
    assert text.clean.split("\n\n") == [
        "国防部下发文件", "国防部发〔2023〕33号", "国防部关于教育部放假的通知", "各有关单位：", "正文部分",
        "联系人：xxxxx", "电  话：123456578", "国防部", "2012年12月12日", "抄送：教育部，教育部。",
        "分送：教育部，教育部。", "国防部                           2012年12月12日印发", "共印3份\n"]
    # the signature's alignment spaces are layout, not text
    assert [r.raw for r in text.removals][:2] == [" " * 36, " " * 35]


@needs_antiword
def test_wps_file_reads_like_the_docx_of_the_same_document():
    wps = read(str(FORMATS / "test.wps"))
    docx = read(str(FORMATS / "test.docx"))
    assert wps.format == "wps"
    assert wps.clean == docx.clean  # (the .docx's footer page numbers are removals; antiword skips them)


@needs_antiword
def test_doc_table_keeps_every_cell_in_its_row():
    text = read(str(REAL / "17_nanchang_customs_2023_recruitment_notice.doc"))
    rows = [line.split("\t") for line in text.clean.split("\n") if "\t" in line]
    assert len(rows) == 16 and {len(r) for r in rows} == {9}
    assert rows[0] == ["序号", "拟录用职位及代码", "姓名", "性别", "准考证号", "学历", "毕业院校", "工作单位", "备注"]
    assert rows[1] == ["1", "南昌昌北机场海关卫生检疫四级主办及以下职位（300110001001）", "袁敏", "女",
                       "129344021902524", "大学本科", "广东药科大学", "无", "应届毕业生"]
    assert rows[5][7:] == ["江西省宜春市袁州区彬江中学", "“三支一扶”计划人员"]
    assert rows[9][:3] == ["9", "", "梁中兴"]  # a cell merged with the one above is empty, the row keeps its place


@needs_catdoc
def test_catdoc_when_it_is_the_converter():
    text = read_with("catdoc", REAL / "19_shangrao_2019_police_fitness_test_notice.doc")
    assert text.clean.startswith("上饶市2019年度考录人民警察体能测评通知\n\n根据考务工作的安排，")
    assert "\n\n一、体能测试的时间和地点\n\n1、时间：2019年7月12日，上午7:30\n\n" in text.clean


def read_with(tool, path):
    old = os.environ.get("GAZETTE_WORD_CONVERTER")
    os.environ["GAZETTE_WORD_CONVERTER"] = tool
    try:
        return read(str(path))
    finally:
        if old is None:
            del os.environ["GAZETTE_WORD_CONVERTER"]
        else:
            os.environ["GAZETTE_WORD_CONVERTER"] = old


@needs_catdoc
def test_a_converter_that_reads_almost_nothing_is_an_error():
    # catdoc prints 7 letters for this file, whose FIB counts 1,354 characters
    proc = run("extract", str(REAL / "17_nanchang_customs_2023_recruitment_notice.doc"), GAZETTE_WORD_CONVERTER="catdoc")
    assert_one_line_error(proc, "E057")
    assert "catdoc" in proc.stderr.decode() and "1,354" in proc.stderr.decode()


def test_no_converter_installed_names_the_tools(tmp_path):
    proc = run("extract", str(FORMATS / "test.doc"), PATH=str(tmp_path))
    assert_one_line_error(proc, "E051")
    err = proc.stderr.decode()
    assert "antiword" in err and "catdoc" in err and "LibreOffice" in err


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice is not installed")
def test_libreoffice_when_it_is_the_converter():
    text = read_with("soffice", FORMATS / "test.doc")
    assert text.clean.startswith("国防部下发文件\n\n国防部发〔2023〕33号\n\n国防部关于教育部放假的通知\n\n")
