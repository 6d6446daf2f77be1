"""The clause database from Python: build, search by words and filters, re-loading, replacement, export.

Expected provision sets were counted by reading corpus/sanmenxia-gazette-2023-02.md: 财政局 is printed
in the 责任单位 of items （一）（三）（四）(七)(八)(九)(十)（十四）（十七）(十八)（二十二） of 三政〔2023〕2号
(source lines 112-180), in the 责任单位 of parts 一 to 四 of the measures of 三政办〔2022〕19号
(lines 410-422), and once as a person's post, 李清凌（市财政局副局长）, in the member list of
三政办文〔2023〕2号 (line 601).
"""
import csv
import io
import json
import shutil

import pytest

from extract import db
from extract.errors import GazetteError

from conftest import CORPUS, SEED

LAWS = sorted((CORPUS / "laws").glob("*.md"))
ITEMS_WITH_FINANCE = {"sec1/item1", "sec1/item3", "sec1/item4", "sec2/item7", "sec3/item8", "sec3/item9",
                      "sec3/item10", "sec4/item14", "sec4/item17", "sec4/item18", "sec6/item22"}
MEASURES_WITH_FINANCE = {"reg/sec1", "reg/sec2", "reg/sec3", "reg/sec4"}


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "seed.db"
    summary = db.build(path, [SEED], progress=False)
    assert (summary.added, summary.failed, summary.documents, summary.provisions) == (1, [], 7, 199)
    return path


@pytest.fixture(scope="module")
def laws_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "laws.db"
    summary = db.build(path, LAWS, progress=False)
    # one document per law file
    assert (summary.added, summary.failed, summary.documents) == (len(LAWS), [], len(LAWS))
    return path


def keys(rows):
    return {(r["document_id"], r["provision_id"]) for r in rows}


def ids(rows):
    return {r["provision_id"] for r in rows}


def test_a_department_is_found_inside_longer_names(seed_db):
    rows = db.search(seed_db, "财政局", doc_number="三政〔2023〕2号", limit=0)
    assert ids(rows) == ITEMS_WITH_FINANCE and len(rows) == 11
    everywhere = db.search(seed_db, "财政局", limit=0)
    assert keys(everywhere) == ({("三政〔2023〕2号", i) for i in ITEMS_WITH_FINANCE}
                                | {("三政办〔2022〕19号", i) for i in MEASURES_WITH_FINANCE}
                                | {("三政办文〔2023〕2号", "sec1/para5")})


def test_responsible_unit_filter(seed_db):
    rows = db.search(seed_db, unit="市财政局", limit=0)
    # the person's post in 三政办文〔2023〕2号 is not a responsible unit
    assert keys(rows) == ({("三政〔2023〕2号", i) for i in ITEMS_WITH_FINANCE}
                          | {("三政办〔2022〕19号", i) for i in MEASURES_WITH_FINANCE})
    item1 = next(r for r in rows if r["provision_id"] == "sec1/item1")
    assert [(u["name"], u["raw"], u["inherited"]) for u in item1["units"][:2]] == [
        ("市税务局", "市税务局", False), ("市财政局", "财政局", False)]


def test_words_exclusion_and_alternatives(seed_db):
    # 税务局 is printed beside 财政局 in （一）, (八) and （十四） (lines 112, 134, 154)
    rows = db.search(seed_db, "财政局 -税务局", doc_number="三政〔2023〕2号", limit=0)
    assert ids(rows) == ITEMS_WITH_FINANCE - {"sec1/item1", "sec3/item8", "sec4/item14"}
    both = db.search(seed_db, "财政局 OR 三门峡海关", doc_number="三政〔2023〕2号", limit=0)
    assert ids(both) == ITEMS_WITH_FINANCE  # 三门峡海关 is only in （十四）, which has 财政局 too


def test_spacing_and_bracket_forms_do_not_matter(seed_db):
    # line 120 prints "至 2023 年 4 月 30 日" with spaces
    assert ids(db.search(seed_db, "2023年4月30日", limit=0)) == {"sec1/item4"}
    assert keys(db.search(seed_db, "三政(2023)2号", limit=0)) == {("三政〔2023〕2号", "preamble")}  # line 104
    assert db.search(seed_db, "三政20232号", limit=0) == []  # the brackets separate runs: not one word
    assert ids(db.search(seed_db, "财政局", doc_number="三政[2023]2号", limit=0)) == ITEMS_WITH_FINANCE
    assert ids(db.search(seed_db, "财政局", doc_number="三政（2023）2号", limit=0)) == ITEMS_WITH_FINANCE


def test_threshold_filter_is_exact(seed_db, laws_db):
    rows = db.search(seed_db, threshold="CNY>=10000", limit=0)
    # 139亿元 … (line 202), 3万元/1万元 (第十条), 13000元/1万元 (第十一条), 5万元 (line 410), 2万元 … 30万元 (line 418)
    assert keys(rows) == {("三政〔2023〕3号", "para1"), ("三政办〔2022〕18号", "reg/ch3/art10"),
                          ("三政办〔2022〕18号", "reg/ch3/art11"), ("三政办〔2022〕19号", "reg/sec1"),
                          ("三政办〔2022〕19号", "reg/sec3")}
    art10 = next(r for r in rows if r["provision_id"] == "reg/ch3/art10")
    assert [(t["value"], t["unit"], t["comparator"], t["raw"]) for t in art10["thresholds"]] == [
        (30000, "CNY", "le", "3万元"), (10000, "CNY", "le", "1万元")]
    # 经营者集中: 100亿/20亿 (2018) and 120亿/40亿 (2024) in 第三条（一）（二）
    big = db.search(laws_db, threshold="CNY>1000000000", limit=0)
    assert sorted((r["path"].rsplit("(", 1)[1], r["provision_id"]) for r in big) == [
        ("2018-09-18).md", "art3/item1"), ("2018-09-18).md", "art3/item2"),
        ("2024-01-22).md", "art3/item1"), ("2024-01-22).md", "art3/item2")]
    # 印花税: 不足1角 (0.1 元, 第三条第二款), 不满5分 (0.05 元, 第三条第三款): compared as decimals
    assert ids(db.search(laws_db, threshold="CNY<0.1", limit=0)) == {"art3/para3"}
    assert ids(db.search(laws_db, threshold="CNY=0.1", limit=0)) == {"art3/para2", "art3/para3"}


def test_deadlines_in_a_year(seed_db):
    rows = db.search(seed_db, deadline_from="2024", deadline_to="2024", limit=0)
    # 政策执行期限至2024年12月31日 (line 112); 有效期至 2024 年 12 月 31 日 (line 452)
    assert keys(rows) == {("三政〔2023〕2号", "sec1/item1"), ("三政办〔2022〕19号", "reg/para3")}
    item1 = next(r for r in rows if r["provision_id"] == "sec1/item1")
    assert [(d["date"], d["kind"], d["raw"]) for d in item1["deadlines"]] == [("2024-12-31", "until", "至2024年12月31日")]
    # a year-only deadline (自2022年起, 到 2025 年) falls inside a range that covers part of its year
    june = db.search(seed_db, deadline_from="2022-06", deadline_to="2022-06", limit=0)
    assert ("三政〔2023〕2号", "sec1/item3") in keys(june)
    assert keys(db.search(seed_db, deadline_from="2025-01-01", limit=0)) == {
        ("三政〔2023〕2号", "sec3/item12"), ("三政〔2023〕2号", "sec4/item17")}


def test_document_filters(seed_db):
    documents = list(db.rows(seed_db, table="documents", issuer="办公室"))
    assert [d["document_id"] for d in documents] == ["三政办〔2022〕18号", "三政办〔2022〕19号", "三政办〔2022〕20号",
                                                      "三政办文〔2023〕2号"]
    assert [d["provisions"] for d in documents] == [55, 20, 54, 25]
    # 救助 is printed in 三政〔2023〕2号 of 2023-01-10 (lines 160, 166) and 三政办〔2022〕18号 of 2022-06-06
    assert {r["document_id"] for r in db.search(seed_db, "救助", issued_from="2023", limit=0)} == {"三政〔2023〕2号"}
    assert {r["document_id"] for r in db.search(seed_db, "救助", issued_to="2022-06-06", limit=0)} == {"三政办〔2022〕18号"}
    assert {r["document_id"] for r in db.search(seed_db, "救助", issued_from="2022-06-07", issued_to="2022-12",
                                                 limit=0)} == set()


def test_rank_puts_the_densest_match_first_and_limit_cuts(seed_db):
    rows = db.search(seed_db, "财政局", limit=3)
    assert len(rows) == 3 and all(r["rank"] is not None for r in rows)
    assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)
    assert "«财政局»" in rows[0]["snippet"]
    ordered = db.search(seed_db, "财政局", order="document", limit=0)
    assert [r["provision_id"] for r in ordered][:3] == ["sec1/item1", "sec1/item3", "sec1/item4"]


def test_filters_are_checked():
    with pytest.raises(TypeError):
        db.Filters(units="市财政局")  # a misspelt filter is an error, not ignored
    for bad, code in ((dict(threshold="CNY>>1"), "E047"), (dict(deadline_from="2024-13"), "E047"),
                      (dict(level="clause"), "E047"), (dict(role="owner"), "E047")):
        with pytest.raises(GazetteError) as e:
            db.Filters(**bad)
        assert e.value.code == code


def test_loading_the_same_file_again_stores_nothing(tmp_path):
    path = tmp_path / "c.db"
    db.build(path, [SEED], progress=False)
    before = db.stats(path)["counts"]
    again = db.build(path, [SEED, str(SEED)], progress=False)
    assert (again.unchanged, again.added, again.replaced) == (2, 0, 0)
    assert db.stats(path)["counts"] == before
    # 319 since 2026-12-02: 由同级财政及时予以弥补 (第二十一条) names 同级财政, a real unit the earlier code missed
    assert before == {"sources": 1, "documents": 7, "copies": 7, "families": 7, "series": 1, "provisions": 199,
                      "units": 319, "thresholds": 79, "deadlines": 14, "citations": 10, "relations": 0, "links": 0}


def test_a_changed_file_replaces_its_rows(tmp_path):
    path, issue = tmp_path / "c.db", tmp_path / "issue.md"
    shutil.copy(SEED, issue)
    db.build(path, [issue], progress=False)
    assert ids(db.search(path, "李清凌", limit=0)) == {"sec1/para5"}
    issue.write_text(SEED.read_text(encoding="utf-8").replace("李清凌（市财政局副局长）", "王小明（市财政局副局长）"),
                     encoding="utf-8")
    summary = db.build(path, [issue], progress=False)
    assert (summary.replaced, summary.added, summary.unchanged) == (1, 0, 0)
    assert db.search(path, "李清凌", limit=0) == []
    assert ids(db.search(path, "王小明", limit=0)) == {"sec1/para5"}
    s = db.stats(path, check=True)
    assert s["counts"]["sources"] == 1 and s["counts"]["provisions"] == 199 and s["check"] == "ok"
    assert len(db.search(path, "财政局", limit=0)) == 16


def test_extraction_json_is_the_same_source(tmp_path):
    import extract

    data = extract.parse(str(SEED)).to_json()
    as_json = tmp_path / "seed.json"
    as_json.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    path = tmp_path / "c.db"
    first = db.build(path, [as_json], progress=False)
    assert (first.added, first.provisions) == (1, 199)
    assert ids(db.search(path, "财政局", doc_number="三政〔2023〕2号", limit=0)) == ITEMS_WITH_FINANCE
    assert db.build(path, [SEED], progress=False).unchanged == 1  # same sha256 as the gazette file


def test_a_bad_input_is_skipped_and_reported(tmp_path):
    path = tmp_path / "c.db"
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"schema": "gazette-diff/1"}', encoding="utf-8")
    seen = []
    summary = db.build(path, [tmp_path / "missing.md", bad_json, SEED], progress=False,
                       on_error=lambda p, m: seen.append(m))
    assert summary.added == 1 and [m.split()[0] for m in seen] == ["E007", "E014"]
    assert [p for p, _ in summary.failed] == [str(tmp_path / "missing.md"), str(bad_json)]


def test_export_csv_round_trips(seed_db, tmp_path):
    out = tmp_path / "finance.csv"
    n = db.export(seed_db, out, unit="市财政局")
    with open(out, encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert n == len(table) == 15
    assert list(table[0]) == ["sha256", "path", "document_id", "doc_number", "title", "issuer", "date", "effective",
                              "expires", "provision_id", "parent", "level", "label", "heading", "page", "line", "text",
                              "cite", "document_key", "units", "thresholds", "deadlines", "citations", "sources"]
    first = table[0]
    assert (first["document_id"], first["provision_id"], first["label"]) == ("三政〔2023〕2号", "sec1/item1", "（一）")
    assert "市财政局" in first["units"].split("；")
    assert [t["value"] for t in json.loads(first["thresholds"])] == [50, 50]
    expected_text = next(r["text"] for r in db.search(seed_db, unit="市财政局", limit=0)
                         if r["provision_id"] == "sec1/item1")
    assert first["text"] == expected_text  # newlines survive the quoting


def test_export_of_one_value_table(seed_db):
    out = io.StringIO()
    n = db.export(seed_db, out, format="jsonl", table="thresholds", threshold="CNY>=10000")
    values = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(values) == 14
    assert [v["value"] for v in values] == [13900000000, 9220000000, 27600000000, 30000, 10000, 13000, 10000, 50000,
                                            20000, 30000, 50000, 100000, 200000, 300000]
    assert {v["unit"] for v in values} == {"CNY"}
    assert values[1]["raw"] == "92.2亿元" and values[1]["provision_id"] == "para1"


def test_an_extraction_with_duplicate_ids_is_refused_whole(tmp_path):
    import extract

    data = extract.parse(str(SEED)).to_json()
    data["documents"].append(data["documents"][0])
    bad = tmp_path / "dup.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    path = tmp_path / "c.db"
    summary = db.build(path, [bad], progress=False)
    assert summary.added == 0 and summary.failed == [(str(bad), f"E048 {bad}: cannot store this extraction: "
                                                                 "two documents share one id")]
    assert db.stats(path)["counts"]["provisions"] == 0  # nothing of it was kept


def test_a_locked_database_is_e049(tmp_path, monkeypatch):
    import sqlite3

    from extract.db import store

    path = tmp_path / "c.db"
    db.build(path, [LAWS[0]], progress=False)
    monkeypatch.setattr(store, "BUSY_TIMEOUT", 0.05)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(GazetteError) as e:
            db.build(path, [LAWS[1]], progress=False)
        assert e.value.code == "E049"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
