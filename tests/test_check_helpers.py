"""The small pieces the check rules are built from, as tables of cases."""
from __future__ import annotations

import pytest

from extract.check.counts import split_enumeration
from extract.check.dates import impossible
from extract.check.docnumber import correct_form, malformations
from extract.check.fuzzy import NearIndex, levenshtein
from extract.check.numbering import cn_number
from extract.check.punctuation import bracket_problems


@pytest.mark.parametrize("n,cn", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (26, "二十六"), (100, "一百"),
                                  (101, "一百零一"), (110, "一百一十"), (164, "一百六十四")])
def test_cn_number(n, cn):
    assert cn_number(n) == cn


@pytest.mark.parametrize("raw,problems,right", [
    ("三政〔2023〕5号", [], "三政〔2023〕5号"),
    ("三政[2023]5号", ["the year is in [] instead of 〔〕"], "三政〔2023〕5号"),
    ("三政（2023）5号", ["the year is in （） instead of 〔〕"], "三政〔2023〕5号"),
    ("三政〔2023〕05号", ["the number 05 has a leading zero"], "三政〔2023〕5号"),
    ("三政〔2023〕第5号", ["the number has 第 before it"], "三政〔2023〕5号"),
    ("三政〔2023〕５号", ["the number uses full-width digits"], "三政〔2023〕5号"),
    ("三商务〔2022〕24 号", ["it has spaces inside"], "三商务〔2022〕24号"),
])
def test_doc_number_forms(raw, problems, right):
    assert malformations(raw) == problems
    assert correct_form(raw) == right


@pytest.mark.parametrize("y,m,d,why", [
    (2022, 2, 30, "2月 has 28 days in 2022"), (2024, 2, 29, None), (2023, 2, 29, "2月 has 28 days in 2023"),
    (2023, 4, 31, "4月 has 30 days"), (2022, 13, 1, "there is no month 13"), (None, 2, 29, None),
    (None, 6, 31, "6月 has 30 days"), (2023, 12, 31, None),
])
def test_impossible_dates(y, m, d, why):
    assert impossible(y, m, d) == why


@pytest.mark.parametrize("text,items", [
    ("A、B、C", ["A", "B", "C"]),
    ("终末期肾病（门诊血液透析、腹膜透析）、血友病", ["终末期肾病（门诊血液透析、腹膜透析）", "血友病"]),
    ("“米袋子、菜篮子”、其他", ["“米袋子、菜篮子”", "其他"]),
])
def test_split_enumeration(text, items):
    assert split_enumeration(text) == items


def test_near_index():
    assert levenshtein("义市", "义马市") == 1 and levenshtein("财攻局", "财政局") == 1
    idx = NearIndex(["义马市", "渑池县", "灵宝市"], k=1)
    assert idx.near("义市") == [(1, "义马市")]
    assert idx.near("义马市") == []
    assert idx.near("卢氏县") == []


@pytest.mark.parametrize("lines,codes", [
    ([("（责任单位：市财政局）", 0)], []),
    ([("（责任单位：市财政局)", 0)], [("GZ722", 0, 10)]),
    ([("“疫情要防住", 0)], [("GZ721", 0, 0)]),
    ([("修改为：“第一款", 0), ("“第二款。”", 0)], []),  # a quotation over two paragraphs
    ([("1）特困人员；2）低保对象", 0)], []),  # labels with a closing bracket only
    ([("（一)特困人员", 4)], []),  # the label is the numbering rules' business
])
def test_bracket_pairs(lines, codes):
    assert [(c, k, i) for c, k, i, _ in bracket_problems(lines)] == codes
