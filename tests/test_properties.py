"""Property tests of the whole parse (issue 14), hypothesis with a bounded number of examples.

Inputs: random text; random mixes of labels, brackets, dates and amounts; real corpus files cut, spliced
and duplicated. Properties: no exception but a coded GazetteError, output valid against the schema,
lossless (restore() gives the source), every provision's span slices its text and every value's span its
raw, ids unique; and amounts equal to the reference evaluator of the numeral grammar.
"""
import os
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import corpus_files
from extract.errors import GazetteError
from extract.pipeline import parse
from extract.schema import first_error

from test_numerals_property import spell, trees, value

FEW = settings(max_examples=int(os.environ.get("GAZETTE_EXAMPLES", 40)), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                      HealthCheck.data_too_large])

LABELS = ["第一章 总则", "第二章", "第一节", "第一条", "第 二 条", "第\u3000三\u3000条", "第\u200b四条", "第五條", "第１条",
          "一、", "（一）", "(二)", "1.", "（1）", "①", "附件", "附件1", "第一千零一条", "第十条之一"]
PIECES = ["为了规范管理，制定本办法。", "罚款五百元以上五千元以下", "每公顷补偿十五万元至二十二点五万元", "1，000元",
          "比例为1:0.5:0.5", "不超过一点五亿元", "自2024年1月1日起施行", "二〇二三年十二月三十一日", "市财政局负责",
          "《中华人民共和国行政处罚法》", "三政办〔2023〕18号", "“", "”", "（", "）", "〔", "〕", "《", "》", "\n", "\n\n",
          "\u3000\u3000", "<b>", "**", "# ", "— 3 —", "\f", "\x0b", "百分之五", "3个月内", "10日以上15日以下"]


def check(source: str, path: str = "x.txt"):
    try:
        result = parse(source.encode("utf-8"), path=path)
    except GazetteError:
        return None
    text = result.text
    assert text.restore() == text.source
    data = result.to_json()
    assert first_error(data) is None
    for doc in result.documents:
        ids = [p.id for p in doc.provisions]
        assert len(ids) == len(set(ids))
        for p in doc.provisions:
            assert text.clean[p.start:p.end] == p.text
            for kind in ("units", "thresholds", "deadlines", "citations"):
                for v in getattr(p, kind):
                    assert text.clean[v.span[0]:v.span[1]] == v.raw
    return result


@FEW
@given(st.text(max_size=400))
def test_random_text(s):
    check(s)


@FEW
@given(st.lists(st.one_of(st.sampled_from(LABELS), st.sampled_from(PIECES), st.text(max_size=8)), max_size=60),
       st.sampled_from(["x.txt", "x.md"]))
def test_mixes_of_labels_brackets_dates_and_amounts(parts, path):
    check("关于某事项的规定\n\n" + "".join(parts), path)


_FILES = [p for p in corpus_files() if p.suffix in (".md", ".txt") and p.stat().st_size < 60_000][:40]


@FEW
@given(st.sampled_from(_FILES), st.sampled_from(_FILES), st.floats(0, 1), st.floats(0, 1), st.integers(1, 3))
def test_real_files_cut_spliced_and_duplicated(a, b, cut_a, cut_b, times):
    x = a.read_text(encoding="utf-8")
    y = b.read_text(encoding="utf-8")
    s = x[:int(len(x) * cut_a)] + y[int(len(y) * cut_b):]
    check(s * times, a.name)


@FEW
@given(trees(depth=3), st.sampled_from(["元", "万元", "亿元"]))
def test_amounts_equal_the_reference_evaluator(tree, unit):
    factor = {"元": 1, "万元": 10**4, "亿元": 10**8}[unit]
    if value(tree) >= factor > 1:
        tree = ("sec", value(tree) % 9999 + 1)  # 一亿零一万元 is 100010000 yuan, not (一亿零一) 万元
    text = f"关于某事项的规定\n\n第一条 罚款{spell(tree)}{unit}。\n"
    result = check(text)
    thresholds = [t for p in result.documents[0].provisions for t in p.thresholds]
    assert [(t.value, t.unit) for t in thresholds] == [(value(tree) * factor, "CNY")]


@FEW
@given(st.integers(1, 10**12), st.integers(0, 99), st.sampled_from([",", "，"]))
def test_arabic_amounts_with_commas_and_decimals(whole, cents, comma):
    printed = f"{whole:,}".replace(",", comma) + f".{cents:02d}"
    result = check(f"关于某事项的规定\n\n第一条 补助{printed}元。\n")
    got = [t.value for p in result.documents[0].provisions for t in p.thresholds]
    expected = Decimal(f"{whole}.{cents:02d}")
    assert got == [int(expected) if expected == expected.to_integral_value() else expected]
