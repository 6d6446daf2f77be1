"""`gazette check NEW --against DB`: the cross-issue rules GZ9xx.

The database holds the seed (2023年第2号, 总第203号). The hand-written next issue (corpus/diff/, 2023年第3号,
总第204号) is clean against it; each variant below changes one printed fact of it (a substitution of the
source text) and must give exactly the finding that fact calls for. What the seed says: 三政办〔2022〕19号
有效期至 2024 年 12 月 31 日; 三政办〔2022〕20号 is 关于印发…门诊共济保障机制实施细则的通知; the next issue's
三政办〔2023〕12号 (2023-03-30) repeals 三政办文〔2023〕2号.
"""
import json

import pytest
from click.testing import CliRunner

from extract import db
from extract.cli import main

from conftest import CORPUS, SEED

NEXT = CORPUS / "diff" / "sanmenxia-gazette-2023-03.md"
CITING = """# 三门峡市人民政府办公室 关于做好化工园区认定工作的通知

三政办〔2023〕20号

各县（市、区）人民政府，市人民政府有关部门：

请按照《三门峡市人民政府办公室关于建立三门峡市化工园区认定管理工作联席会议制度的通知》（三政办文〔2023〕2号）要求，做好化工园区认定工作。

三门峡市人民政府办公室

{date}
"""


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("check") / "seed.db"
    db.build(path, [SEED], progress=False)
    return path


@pytest.fixture(scope="module")
def both_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("check") / "both.db"
    db.build(path, [SEED, NEXT], progress=False)
    return path


def check(path, database, *extra):
    result = CliRunner().invoke(main, ["check", str(path), "--against", str(database), "--select", "GZ9",
                                       "--format", "json", *extra])
    assert result.exit_code in (0, 1), result.output
    return [(f["code"], f["message"]) for f in json.loads(result.stdout)["findings"]]


def variant(tmp_path, old, new):
    text = NEXT.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "next.md"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_the_next_issue_is_clean_against_the_seed(seed_db):
    assert check(NEXT, seed_db) == []


def test_issue_numbers_continue_the_series(seed_db, tmp_path):
    path = variant(tmp_path, "第 3 号(总第 204 号)", "第 4 号(总第 206 号)")
    assert check(path, seed_db) == [
        ("GZ901", f"issue 2023年第4号（总第206号） does not follow 2023年第2号 in the database ({SEED.resolve()}): "
                  "expected 第3号"),
        ("GZ901", "总第206号 does not follow 总第203号 of 2023年第2号 in the database: expected 总第204号")]


def test_a_doc_number_already_used(seed_db, tmp_path):
    path = variant(tmp_path, "三政办〔2023〕10号", "三政办〔2022〕20号")
    assert check(path, seed_db) == [
        ("GZ902", "三政办〔2022〕20号 is already the 文号 of 《三门峡市人民政府办公室关于印发三门峡市职工基本医疗保险门诊共济"
                  "保障机制实施细则的通知》 in the database")]


def test_an_extension_after_the_expiry(seed_db, tmp_path):
    path = variant(tmp_path, "2023年3月28日", "2025年3月28日")
    assert check(path, seed_db) == [
        ("GZ904", "extends 三政办〔2022〕19号, which expired on 2024-12-31, before this notice (2025-03-28)")]


def test_citing_a_repealed_document(both_db, tmp_path):
    late = tmp_path / "late.md"
    late.write_text(CITING.format(date="2023年5月10日"), encoding="utf-8")
    assert check(late, both_db) == [
        ("GZ903", "cites 三政办文〔2023〕2号, which was repealed on 2023-03-30 by 三政办〔2023〕12号 (database) before "
                  "this document (2023-05-10)")]
    early = tmp_path / "early.md"
    early.write_text(CITING.format(date="2023年3月1日"), encoding="utf-8")
    assert check(early, both_db) == []  # before the repeal it was in force


def test_without_a_database_the_rules_find_nothing_and_a_bad_database_is_an_error(tmp_path):
    result = CliRunner().invoke(main, ["check", str(NEXT), "--select", "GZ9", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"] == []
    result = CliRunner().invoke(main, ["check", str(NEXT), "--against", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "E040" in result.stderr
