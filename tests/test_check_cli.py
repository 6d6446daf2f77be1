"""`gazette check` on the command line: output format, JSON contract, exit codes, rule selection, --explain,
and the rules page (every rule documented with What / Why / Example / Use instead)."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from conftest import CORPUS, ROOT, SEED
from extract.check import rules
from extract.check.registry import DOC_SECTIONS
from extract.cli import main
from extract.schema import errors

CLEAN_LAW = CORPUS / "laws" / "河南省义务植树条例(2018-09-30).md"


def run(*args):
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


def test_text_lines_are_path_line_col_code_message():
    code, out, err = run(str(SEED), "--select", "GZ702,GZ703")
    assert code == 1
    assert out.splitlines() == [
        f"{SEED}:364:100: GZ703 English “and” inside Chinese text “管理 and 执行”: write 和",
        f"{SEED}:463:1: GZ702 义市 is not a place in the place lists of 三门峡市: did you mean 义马市?",
    ]
    assert err.strip() == "2 findings (2 warnings)"


def test_clean_file_exits_0():
    code, out, err = run(str(CLEAN_LAW))
    assert (code, out, err) == (0, "", "")


def test_json_follows_the_contract_and_validates():
    code, out, _ = run(str(SEED), "--format", "json", "--select", "GZ4")
    assert code == 1
    data = json.loads(out)
    assert errors(data) == []
    assert data["schema"] == "gazette-check/1"
    f, = data["findings"]
    assert {k: f[k] for k in ("code", "severity", "line", "column", "document_id", "provision_id")} == {
        "code": "GZ403", "severity": "warning", "line": 390, "column": 18,
        "document_id": "三政办〔2022〕18号", "provision_id": "reg/ch7/art32"}
    assert set(f) >= {"code", "severity", "message", "line", "column", "span", "document_id", "provision_id"}


def test_select_and_ignore_by_prefix():
    _, out, _ = run(str(SEED), "--select", "GZ7", "--ignore", "GZ71,GZ72")
    assert sorted({l.split()[1] for l in out.splitlines()}) == ["GZ701", "GZ702", "GZ703"]
    code, out, _ = run(str(SEED), "--ignore", "GZ1,GZ3,GZ4,GZ7")
    assert (code, out) == (0, "")


def test_unknown_rule_code_is_a_usage_error():
    code, _, err = run(str(SEED), "--select", "GZ999")
    assert code == 2 and "GZ999 matches no rule code" in err


def test_unusable_input_exits_2_with_one_line(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    code, out, err = run(str(empty))
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [f"gazette: E001 {empty}: file is empty"]
    code, _, err = run(str(tmp_path / "missing.md"), str(SEED))
    assert code == 2 and "E007" in err


def test_explain_prints_description_and_both_examples():
    code, out, _ = run("--explain", "gz702")
    assert code == 0
    assert out.startswith("GZ702 unknown-place (warning):")
    for section in DOC_SECTIONS:
        assert f"\n{section}\n" in out
    assert "义市 14334 16500" in out and "义马市 14334 16500" in out
    assert run("--explain", "GZ000")[0] == 2


def test_list_rules_lists_every_code():
    code, out, _ = run("--list-rules")
    assert code == 0
    assert [l.split()[0] for l in out.splitlines()] == list(rules())


def test_user_places_file(tmp_path):
    """A user's own district: unknown to the lists (and one edit from 宛城区) until given with --places;
    then a typo of it is reported against it."""
    text = SEED.read_text(encoding="utf-8").replace("义市\t14334", "义马市\t14334").replace("澠池县\t", "渑池县\t")
    issue = tmp_path / "issue.md"
    issue.write_text(text.replace("示范区\t5962", "新城区\t5962"), encoding="utf-8")
    code, out, _ = run(str(issue), "--select", "GZ702")
    assert code == 1 and out.endswith(":469:1: GZ702 新城区 is not a place in the place lists of 三门峡市: "
                                      "did you mean 宛城区?\n")
    places = tmp_path / "mine.tsv"
    places.write_text("新城区\tdistrict\t三门峡市\t-\t\n黄河新区\tzone\t三门峡市\t-\t\n", encoding="utf-8")
    assert run(str(issue), "--select", "GZ702", "--places", str(places))[0] == 0
    issue.write_text(text.replace("示范区\t5962", "黄河薪区\t5962"), encoding="utf-8")
    assert run(str(issue), "--select", "GZ702")[0] == 0  # nothing in the lists is one edit from 黄河薪区
    code, out, _ = run(str(issue), "--select", "GZ702", "--places", str(places))
    assert code == 1 and "黄河薪区 is not a place in the place lists of 三门峡市: did you mean 黄河新区?" in out


RULES_PAGE = ROOT / "docs" / "rules.md"


def test_rules_page_documents_every_rule_with_all_sections():
    page = RULES_PAGE.read_text(encoding="utf-8")
    sections = re.split(r"^### ", page, flags=re.M)[1:]
    documented = {s.split("\n", 1)[0].strip(): s for s in sections}
    assert set(documented) == set(rules())
    for code, body in documented.items():
        for section in DOC_SECTIONS:
            m = re.search(rf"^#### {section}\n\n(.+?)(?=\n#### |\nSilence|\Z)", body, flags=re.M | re.S)
            assert m and m.group(1).strip(), f"{code}: section {section} missing or empty"


def test_rules_page_is_the_registry_written_out():
    from extract.check.rulesdoc import rules_markdown

    assert RULES_PAGE.read_text(encoding="utf-8") == rules_markdown(), \
        "docs/rules.md is stale: python -m extract.check.rulesdoc > docs/rules.md"


@pytest.mark.parametrize("code", list(rules()))
def test_rule_has_every_section(code):
    r = rules()[code]
    assert re.fullmatch(r"GZ[0-9]{3}", r.code)
    for field in (r.name, r.summary, r.what, r.why, r.example, r.instead):
        assert field and field.strip()
    assert r.example != r.instead


def test_pdf_findings_are_located_by_page():
    from extract.check.cli import location
    from extract.check.registry import Finding

    f = Finding("GZ703", "m", 10, 12, line=364, column=100, page="17", path="issue.pdf")
    assert location(f, "pdf") == "issue.pdf:p17"
    assert location(f, "markdown") == "issue.pdf:364:100"
