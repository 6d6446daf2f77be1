"""`gazette diff NEW --against DB`: the hand-written next issue (corpus/diff/, see tests/test_diff_issue.py for
what it holds) against a database holding the seed, 2023年第2号 of the same series."""
import json

import pytest
from click.testing import CliRunner

from extract import db
from extract.cli import main
from extract.diff.against import diff_against

from conftest import CORPUS, SEED

NEXT = CORPUS / "diff" / "sanmenxia-gazette-2023-03.md"


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("against") / "seed.db"
    db.build(path, [SEED, CORPUS / "laws" / "行政复议法(2017-09-01).md"], progress=False)
    return path


@pytest.fixture(scope="module")
def against(seed_db):
    return diff_against(str(NEXT), seed_db)


def test_previous_issue_and_priors(against):
    info = against.info
    assert {k: info["previous_issue"][k] for k in ("title", "year", "number", "total_number")} == {
        "title": "三门峡市人民政府公报", "year": 2023, "number": 2, "total_number": 203}
    assert info["previous_issue"]["path"] == str(SEED.resolve())
    assert [(m["new"], m["old"], m["how"]) for m in info["matched"]] == [
        ("三政〔2023〕3号", "三政〔2023〕3号", "same-document"),
        ("三政办〔2023〕9号", "三政办〔2022〕18号", "earlier-version"),
        ("三政办〔2023〕10号", None, "added"),
        ("三政办〔2023〕12号", None, "added")]
    assert [(a["from"], a["relation"], a["to"]) for a in info["acted_on"]] == [
        ("三政办〔2023〕9号", "amends", "三政办〔2022〕18号"),  # 修订后的《…实施细则》, the regulation 18号 published
        ("三政办〔2023〕9号", "repeals", "三政办〔2022〕18号"),
        ("三政办〔2023〕10号", "extends", "三政办〔2022〕19号"),
        ("三政办〔2023〕12号", "repeals", "三政办文〔2023〕2号")]


def test_changes_are_those_of_the_two_file_diff(against):
    result = against.result
    docs = {(c.kind, c.old_id, c.new_id, c.extra["matched_by"]) for c in result.changes if c.level == "document"}
    # unlike the two-file diff, what the new issue does not reprint is not "removed"
    assert docs == {("modified", "三政办〔2022〕18号", "三政办〔2023〕9号", "title"),
                    ("added", None, "三政办〔2023〕10号", "added"), ("added", None, "三政办〔2023〕12号", "added")}
    revised = next(d for d in result.documents if d.new.id == "三政办〔2023〕9号")
    kinds = {}
    for c in revised.changes[1:]:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    assert kinds == {"modified": 5, "added": 1, "renumbered": 20}  # as tests/test_diff_issue.py
    links = {(lk["relation"], lk["from"]["document_id"], lk["to"]["document_id"]) for lk in result.links}
    assert links == {("repeals", "三政办〔2023〕9号", "三政办〔2022〕18号"),
                     ("extends", "三政办〔2023〕10号", "三政办〔2022〕19号"),
                     ("repeals", "三政办〔2023〕12号", "三政办文〔2023〕2号")}


def test_command_line_outputs(seed_db, tmp_path):
    runner = CliRunner()
    text = runner.invoke(main, ["diff", str(NEXT), "--against", str(seed_db)])
    assert text.exit_code == 1, text.output
    assert text.stdout.splitlines()[:3] == [
        f"against {seed_db}: previous issue 三门峡市人民政府公报 2023年第2号 ({SEED.resolve()})",
        f"  三政〔2023〕3号: the same document 三政〔2023〕3号 ({SEED.resolve()})",
        f"  三政办〔2023〕9号: its earlier version 三政办〔2022〕18号 ({SEED.resolve()})"]
    data = json.loads(runner.invoke(main, ["diff", str(NEXT), "--against", str(seed_db), "--format", "json"]).stdout)
    assert data["against"]["previous_issue"]["number"] == 2 and data["old"]["issue"]["total_number"] == 203
    html = runner.invoke(main, ["diff", str(NEXT), "--against", str(seed_db), "--format", "html", "-o",
                                str(tmp_path / "r.html")])
    assert html.exit_code == 1 and "三政办〔2023〕9号" in (tmp_path / "r.html").read_text(encoding="utf-8")
    usage = runner.invoke(main, ["diff", str(SEED), str(NEXT), "--against", str(seed_db)])
    assert usage.exit_code == 2 and "give one file" in usage.output
    missing = runner.invoke(main, ["diff", str(NEXT), "--against", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "E040" in missing.stderr


def test_an_issue_already_stored_is_compared_with_the_others(seed_db, tmp_path):
    path = tmp_path / "both.db"
    db.build(path, [SEED, NEXT], progress=False)
    info = diff_against(str(NEXT), path).info
    assert info["previous_issue"]["number"] == 2  # not itself
    assert ("三政办〔2023〕9号", "三政办〔2022〕18号", "earlier-version") in [
        (m["new"], m["old"], m["how"]) for m in info["matched"]]


def test_a_law_without_a_doc_number_is_compared_with_its_earlier_version(seed_db):
    info = diff_against(str(CORPUS / "laws" / "行政复议法(2023-09-01).md"), seed_db).info
    assert info["previous_issue"] is None
    assert [(m["how"], m["new_label"], m["old_label"]) for m in info["matched"]] == [
        ("earlier-version", "中华人民共和国行政复议法 (2023-09-01)", "中华人民共和国行政复议法 (2017-09-01)")]
