"""The .docx reader: paragraphs in order, Word numbering as printed, tables by cell, headers and footers."""
import pytest

import extract
from conftest import CORPUS
from docx_fixtures import EXPECTED_CLEAN, build
from extract.ingest import read
from extract.ingest.docx_numbering import format_number


def test_every_part_of_the_fixture_reads_as_printed():
    # numbering (direct, through a style and its basedOn, restarted by a startOverride, legal-style,
    # bullets), a manual line break, field results without field codes, deleted text left out and
    # inserted text kept, a text box read once (not again from its VML fallback), a content control,
    # merged cells, the header's lines first, the footer's PAGE field a removal
    text = read(build(), path="fixture.docx")
    assert text.format == "docx"
    assert text.clean == EXPECTED_CLEAN
    assert [(r.kind, r.raw) for r in text.removals] == [
        ("layout", "    "), ("layout", "    "), ("page_number", "— 3 —\n")]
    assert text.restore() == text.source


def test_numbered_articles_become_provisions():
    x = extract.parse(build(), path="fixture.docx")
    arts = [p for p in x.provisions() if p.level == "article"]
    assert [p.label for p in arts] == ["第一条", "第二条", "第三条", "第四条"]
    items = [p.label for p in x.provisions() if p.level == "item"]
    assert items == ["（一）", "（二）", "1.1"]  # 1.1 细则: a decimal-numbered item (GB/T 1.1 style 3.1 …)


@pytest.mark.parametrize("fmt,n,expected", [
    ("chineseCounting", 1, "一"), ("chineseCounting", 10, "十"), ("chineseCounting", 11, "十一"),
    ("chineseCounting", 21, "二十一"), ("chineseCounting", 100, "一百"), ("chineseCountingThousand", 110, "一百一十"),
    ("chineseLegalSimplified", 11, "壹拾壹"), ("ideographLegalTraditional", 3, "參"),
    ("ideographTraditional", 1, "甲"), ("ideographTraditional", 10, "癸"), ("ideographZodiac", 12, "亥"),
    ("ideographDigital", 2023, "二〇二三"), ("ideographEnclosedCircle", 1, "㈠"),
    ("decimal", 7, "7"), ("decimalZero", 5, "05"), ("decimalFullWidth", 12, "１２"),
    ("decimalEnclosedCircle", 3, "③"), ("decimalEnclosedParen", 2, "⑵"), ("decimalEnclosedFullstop", 1, "⒈"),
    ("lowerLetter", 27, "aa"), ("upperLetter", 2, "B"), ("lowerRoman", 9, "ix"), ("upperRoman", 14, "XIV"),
    ("none", 3, ""), ("someFutureFormat", 4, "4"),
])
def test_number_formats(fmt, n, expected):
    assert format_number(n, fmt) == expected


def test_a_docx_without_numbering_part_reads():
    text = read(build(numbering=None), path="plain.docx")
    # the numbered paragraphs lose their labels (nothing defines them) but keep their text
    assert "\n为了规范管理，制定本办法。\n" in text.clean
    assert "第一条" not in text.clean


def test_wps_docx_with_a_relationship_to_a_missing_part():
    # WPS wrote an image relationship to '../NULL'; python-docx alone refuses the file (KeyError)
    path = CORPUS / "real" / "21_2022_civil_service_exam_outline.docx"
    text = read(str(path))
    assert text.format == "docx"
    lines = text.clean.split("\n")
    assert lines[0] == "大纲1"
    assert lines[2] == "中央机关及其直属机构2022年度考试录用公务员公共科目笔试考试大纲"
    assert "\n\n①创新发展注重的是解决发展动力问题\n\n②协调发展" in text.clean


def test_template_header_holds_the_head_elements():
    # 份号, 密级 and 紧急程度 sit in the page header of this template: they stand first, as printed
    text = read(str(CORPUS / "formats" / "master_template.docx"))
    assert text.clean.split("\n\n")[:4] == ["001012", "机密★5年", "特急", "BJTU机密文件"]


def test_footer_page_numbers_are_removals():
    # its second footer is for even pages, which Word prints only when the settings say
    # w:evenAndOddHeaders (they do not here): only the default footer is read
    text = read(str(CORPUS / "formats" / "test.docx"))
    assert [r.raw for r in text.removals if r.kind == "page_number"] == ["–– 2 ––\n"]
    assert "––" not in text.clean
