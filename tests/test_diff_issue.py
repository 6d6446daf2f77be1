"""Issue level: the seed (2023 第2号) against a next issue written by hand (corpus/diff/, see corpus/README.md).

What the next issue holds, by construction: 三政〔2023〕3号 reprinted unchanged; 三政办〔2022〕18号's regulation
re-issued as 三政办〔2023〕9号 (起付标准 2600 → 2000 元 and 6600 → 5000 元 in 第九条（一）, a new 第十二条
renumbering everything after it, and a new start date with a validity period in the last article) with
the old notice 废止; a notice extending 三政办〔2022〕19号 to 2025-12-31; a notice repealing 三政办文〔2023〕2号.
"""
from decimal import Decimal

import pytest

from extract.diff import diff

from conftest import CORPUS, SEED

NEXT = CORPUS / "diff" / "sanmenxia-gazette-2023-03.md"


@pytest.fixture(scope="module")
def result():
    return diff(str(SEED), str(NEXT))


def test_documents(result):
    docs = {(c.kind, c.old_id, c.new_id, c.extra["matched_by"]) for c in result.changes if c.level == "document"}
    assert docs == {
        ("removed", "三政〔2023〕2号", None, "removed"),
        ("removed", "三政〔2023〕5号", None, "removed"),
        ("removed", "三政办〔2022〕19号", None, "removed"),
        ("removed", "三政办〔2022〕20号", None, "removed"),
        ("removed", "三政办文〔2023〕2号", None, "removed"),
        ("modified", "三政办〔2022〕18号", "三政办〔2023〕9号", "title"),
        ("added", None, "三政办〔2023〕10号", "added"),
        ("added", None, "三政办〔2023〕12号", "added"),
    }
    # the reprinted 通报 is matched by its 文号 and has no change at all
    same = [d for d in result.documents if d.old is not None and d.old.id == "三政〔2023〕3号"]
    assert [(d.new.id, d.matched_by, d.changes) for d in same] == [("三政〔2023〕3号", "doc_number", [])]


def test_links(result):
    links = {(lk["relation"], lk["from"]["document_id"], lk["to"]["side"], lk["to"]["document_id"], lk["by"])
             for lk in result.links}
    assert links == {
        ("repeals", "三政办〔2023〕9号", "old", "三政办〔2022〕18号", "doc_number"),
        ("extends", "三政办〔2023〕10号", "old", "三政办〔2022〕19号", "doc_number"),
        ("repeals", "三政办〔2023〕12号", "old", "三政办文〔2023〕2号", "doc_number"),
    }


def test_revised_regulation(result):
    revised = next(d for d in result.documents if d.new is not None and d.new.id == "三政办〔2023〕9号")
    head, *changes = revised.changes
    assert {m["field"]: (m["old"], m["new"]) for m in head.extra["metadata"]} == {
        "doc_number": ("三政办〔2022〕18号", "三政办〔2023〕9号"), "date": ("2022-06-06", "2023-03-20")}
    kinds = {}
    for c in changes:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    assert kinds == {"modified": 5, "added": 1, "renumbered": 20}
    by_path = {(c.old_path, c.new_path): c for c in changes}
    threshold = by_path[("第九条（一）", "第九条（一）")]
    assert [(s["op"], s["text"]) for s in threshold.diff if s["op"] != "equal"] == [
        ("delete", "2600"), ("insert", "2000"), ("delete", "6600"), ("insert", "5000")]
    assert by_path[(None, "第十二条")].kind == "added"
    assert by_path[("第十二条", "第十三条")].kind == "renumbered"
    last = by_path[("第三十二条", "第三十三条")]
    assert (last.kind, last.renumbered) == ("modified", True)
    assert ("insert", "，有效期至 2025 年 12 月 31 日") in [(s["op"], s["text"]) for s in last.diff]


def test_revised_regulation_values(result):
    values = {}
    for c in result.changes:
        for v in c.values:
            values.setdefault(c.new_path or c.new_id, []).append(v)
    thresholds = [(v["change"], Decimal(str(v["old"]["value"])), Decimal(str(v["new"]["value"])), v["new"]["unit"])
                  for v in values["第九条（一）"] if v["field"] == "threshold"]
    assert sorted(thresholds) == [("changed", Decimal(2600), Decimal(2000), "CNY"),
                                  ("changed", Decimal(6600), Decimal(5000), "CNY")]
    deadlines = [(v["change"], (v["old"] or {}).get("date"), (v["new"] or {}).get("date"))
                 for v in values["第三十三条"] if v["field"] == "deadline"]
    assert sorted(deadlines, key=str) == sorted([("changed", "2022-05-01", "2023-04-01"),
                                                 ("added", None, "2025-12-31")], key=str)
    doc = {v["field"]: (v["change"], v["old"], v["new"]) for v in values["三政办〔2023〕9号"]}
    assert doc == {"effective": ("changed", "2022-05-01", "2023-04-01"), "expires": ("added", None, "2025-12-31")}


def test_extension_moves_the_deadline(result):
    ext = next(lk for lk in result.links if lk["relation"] == "extends")
    assert ext["expires"] == {"old": "2024-12-31", "new": "2025-12-31"}


def test_issue_against_itself():
    result = diff(str(NEXT), str(NEXT))
    assert result.same
    assert {d.matched_by for d in result.documents} == {"doc_number"}
