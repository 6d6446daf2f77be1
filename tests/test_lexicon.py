"""The lexicon's spellings, case by case (each expected value written by hand)."""
import pytest

from extract.lexicon.docnumber import DECREE_NUMBER, normalize_doc_number
from extract.lexicon.doctypes import notice_title, self_reference, title_words, types
from extract.lexicon.numbering import match_label
from extract.lexicon.numerals import cn_number, parse_int
from extract.lexicon.spacing import drop_spaces, squash


@pytest.mark.parametrize("n, printed", [
    (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (100, "一百"), (101, "一百零一"),
    (110, "一百一十"), (119, "一百一十九"), (999, "九百九十九"), (1000, "一千"), (1001, "一千零一"),
    (1010, "一千零一十"), (1100, "一千一百"), (2024, "二千零二十四"), (10000, "一万"), (10300, "一万零三百"),
    (100001, "十万零一"), (120000000, "一亿二千万"),
])
def test_cn_number(n, printed):
    assert cn_number(n) == printed
    assert parse_int(printed) == n


@pytest.mark.parametrize("line, key, number, text", [
    ("第一条 总则", "tiao", 1, "第一条"),
    ("第 一 条 总则", "tiao", 1, "第 一 条"),
    ("第\u3000一\u3000条\u3000总则", "tiao", 1, "第\u3000一\u3000条"),
    ("第一條 本規定", "tiao", 1, "第一條"),
    ("第１２条 内容", "tiao", 12, "第１２条"),
    ("第一千零一条 内容", "tiao", 1001, "第一千零一条"),
    ("第三編 分則", "bian", 3, "第三編"),
    ("第二節 通則", "jie", 2, "第二節"),
    ("（一）事项", "cn_paren", 1, "（一）"),
])
def test_labels_tolerate_spacing_digits_and_traditional_forms(line, key, number, text):
    lab = match_label(line)
    assert (lab.level.key, lab.number, lab.text) == (key, number, text)


def test_doc_numbers():
    assert normalize_doc_number("三政[2023] 5 号") == "三政〔2023〕5号"
    assert normalize_doc_number("国办发（2018）１２３號") == "国办发〔2018〕123号"
    assert DECREE_NUMBER.match("第 12 号") and DECREE_NUMBER.match("第１２號")


def test_document_types_one_list_three_uses():
    assert "通知" in types("notice") and "条例" in types("title") and "办法" in types("self")
    assert "清单" in types() and "清单" not in types("title")
    assert title_words().search("三门峡市人民政府关于印发某办法的通知")
    assert notice_title().search("关于做好春节期间有关工作的通知")
    assert not notice_title().search("关于做好春节期间有关工作的方案")
    import re
    assert re.match(self_reference(), "本实施细则") and not re.match(self_reference(), "本市")


def test_spacing():
    assert squash("总 则") == "总则" and squash("国务院办公厅关于推进\n政务新媒体") == "国务院办公厅关于推进政务新媒体"
    assert drop_spaces("三商务〔2022〕24\u00a0号\u200b") == "三商务〔2022〕24号"
