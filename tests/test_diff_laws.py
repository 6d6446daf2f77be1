"""gazette diff on real version pairs (corpus/laws/, corpus/lawcomparator/): alignment, kinds, words, values.

Alignment accuracy is measured against lists of true old → new article pairs written by hand from the
two texts (golden/diff/*.json). The value-level tests need the recognisers (extract/recognize/run.py).
"""
from decimal import Decimal
from pathlib import Path

import pytest

from extract.diff import diff
from extract.diff.accuracy import score
from extract.diff.align import align
from extract.diff.load import load

from conftest import CORPUS, ROOT, load_golden

LAWS = CORPUS / "laws"
MERGER = (LAWS / "国务院关于经营者集中申报标准的规定(2018-09-18).md", LAWS / "国务院关于经营者集中申报标准的规定(2024-01-22).md")
HOLIDAYS = (LAWS / "全国年节及纪念日放假办法(2013-12-11).md", LAWS / "全国年节及纪念日放假办法(2024-11-10).md")


@pytest.fixture(scope="module")
def merger():
    return diff(str(MERGER[0]), str(MERGER[1]))


@pytest.fixture(scope="module")
def holidays():
    return diff(str(HOLIDAYS[0]), str(HOLIDAYS[1]))


def _provisions(result):
    return {(c.old_label, c.new_label, c.level): c for c in result.changes if c.level != "document"}


def test_merger_kinds(merger):
    got = [(c.kind, c.level, c.old_path, c.new_path) for c in merger.changes if c.level != "preamble"]
    assert got == [
        ("modified", "document", None, None),
        ("modified", "item", "第三条(一)", "第三条（一）"),
        ("modified", "item", "第三条(二)", "第三条（二）"),
        ("modified", "article", "第四条", "第四条"),
        ("added", "article", None, "第五条"),
        ("added", "article", None, "第六条"),
        ("renumbered", "article", "第五条", "第七条"),
    ]


def test_merger_word_changes(merger):
    item1 = _provisions(merger)[("(一)", "（一）", "item")]
    changed = [(s["op"], s["text"]) for s in item1.diff if s["op"] != "equal"]
    assert changed == [("delete", "100"), ("insert", "120"), ("delete", "4"), ("insert", "8")]
    art4 = _provisions(merger)[("第四条", "第四条", "article")]
    assert ("delete", "应当依法进行调查") in [(s["op"], s["text"]) for s in art4.diff]
    assert ("insert", "可以要求经营者申报") in [(s["op"], s["text"]) for s in art4.diff]


def test_merger_turnover_thresholds(merger):
    got = []
    for c in merger.changes:
        for v in c.values:
            if v["field"] == "threshold":
                got.append((c.new_path, v["change"], Decimal(str(v["old"]["value"])), Decimal(str(v["new"]["value"])),
                            v["new"]["unit"]))
    assert sorted(got) == sorted([
        ("第三条（一）", "changed", Decimal("10000000000"), Decimal("12000000000"), "CNY"),
        ("第三条（一）", "changed", Decimal("400000000"), Decimal("800000000"), "CNY"),
        ("第三条（二）", "changed", Decimal("2000000000"), Decimal("4000000000"), "CNY"),
        ("第三条（二）", "changed", Decimal("400000000"), Decimal("800000000"), "CNY"),
    ])


def test_holiday_text_changes(holidays):
    got = {(c.kind, c.old_path, c.new_path) for c in holidays.changes if c.level not in ("document", "preamble")}
    assert got == {
        ("modified", "第二条(一)", "第二条（一）"),  # 新年 → 元旦
        ("modified", "第二条(二)", "第二条（二）"),  # 春节 3 → 4 days
        ("modified", "第二条(四)", "第二条（四）"),  # 劳动节 1 → 2 days
        ("modified", "第二条(七)", "第二条（七）"),  # 10月1日、2日、3日 → 10月1日至3日
        ("modified", "第六条", "第六条"),  # 星期六、星期日 → 周六、周日
        ("added", None, "第七条"),
        ("renumbered", "第七条", "第八条"),
    }
    new_year = _provisions(holidays)[("(一)", "（一）", "item")]
    assert [(s["op"], s["text"]) for s in new_year.diff if s["op"] != "equal"] == [("delete", "新年"), ("insert", "元旦")]


def test_holiday_lengths(holidays):
    got = {}
    for c in holidays.changes:
        for v in c.values:
            if v["field"] == "threshold" and v["change"] == "changed":
                got[c.new_path] = (Decimal(str(v["old"]["value"])), Decimal(str(v["new"]["value"])), v["new"]["unit"])
    assert got["第二条（二）"] == (Decimal(3), Decimal(4), "day")
    assert got["第二条（四）"] == (Decimal(1), Decimal(2), "day")


@pytest.mark.parametrize("path", [MERGER[0], HOLIDAYS[1], CORPUS / "lawcomparator" / "中华人民共和国反不正当竞争法2025.txt"])
def test_a_document_against_itself(path):
    result = diff(str(path), str(path))
    assert result.same and result.changes == []


@pytest.mark.parametrize("name, least", [
    ("反不正当竞争法-2019-2025.json", 1.0),  # renumbering and insertions only: every article right
    ("行政复议法-2017-2023.json", 0.85),  # a rewrite: articles split and merged across chapters
])
def test_alignment_against_hand_made_pairs(name, least):
    golden = load_golden(f"diff/{name}")
    old = load(str(ROOT / golden["old"]), recognize=False).documents[0]
    new = load(str(ROOT / golden["new"]), recognize=False).documents[0]
    assert len(golden["pairs"]) >= 20
    s = score(golden, align(old, new))
    print(f"{name}: {s.right}/{s.total} = {s.accuracy:.1%}", *s.errors, sep="\n  ")
    assert s.accuracy >= least, s.errors


def test_unfair_competition_law_details():
    golden = load_golden("diff/反不正当竞争法-2019-2025.json")
    result = diff(str(ROOT / golden["old"]), str(ROOT / golden["new"]), values=False, recognize=False)
    articles = {(c.old_label, c.new_label): c.kind for c in result.changes if c.level == "article"}
    assert articles[("第三条", "第四条")] == "modified"  # 国务院建立（健全）反不正当竞争工作协调机制
    assert articles[("第十四条", "第十七条")] == "renumbered"  # unchanged text, three articles inserted before
    assert articles[(None, "第三条")] == "added"
    assert sum(1 for k in articles.values() if k == "added") == 8
    assert "removed" not in articles.values() and "moved" not in articles.values()


def test_a_split_in_the_administrative_review_law():
    golden = load_golden("diff/行政复议法-2017-2023.json")
    old = load(str(ROOT / golden["old"]), recognize=False).documents[0]
    new = load(str(ROOT / golden["new"]), recognize=False).documents[0]
    label = {p.id: p.label for p in old.provisions + new.provisions if p.level == "article"}
    rows = {(label.get(o), label.get(n), r) for o, n, r in align(old, new).by_ids()}
    # old 第二十八条 (the kinds of decision) went into several articles of the new 第五章
    assert ("第二十八条", "第六十一条", "match") in rows
    assert ("第二十八条", "第六十八条", "split") in rows  # 决定维持
    assert ("第三十一条", "第七十五条", "split") in rows  # 决定书


def test_golden_files_are_written_by_hand():
    for path in Path(ROOT / "golden" / "diff").glob("*.json"):
        assert "by hand" in load_golden(f"diff/{path.name}")["_comment"]
