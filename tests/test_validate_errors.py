"""`gazette validate` errors: each names the JSON path and the schema rule that failed, the first few are
listed and the rest counted, and no message repeats the (large) value that failed."""
import copy
import json

import pytest
from click.testing import CliRunner

from extract.cli import main
from extract.schema import errors


@pytest.fixture(scope="module")
def seed_json(seed):
    return json.loads(json.dumps(seed.to_json(), ensure_ascii=False))


@pytest.mark.parametrize("mutate, expected", [
    # issue is null or an object: the object's own problem, not "not valid under any of the given schemas"
    (lambda j: j["issue"].pop("title"), "$.issue: missing 'title' (rule: required)"),
    (lambda j: j.__setitem__("issue", 5), "$.issue: 5 is none of: null, object (rule: oneOf)"),
    (lambda j: j["issue"]["toc"][0].pop("title"), "$.issue.toc[0]: missing 'title' (rule: required)"),
    (lambda j: j["documents"][1]["provisions"][2].pop("span"),
     "$.documents[1].provisions[2]: missing 'span' (rule: required)"),
    (lambda j: j["documents"][0]["provisions"][0].__setitem__("text", {"a": 1}),
     "$.documents[0].provisions[0].text: is an object, expected string (rule: type)"),
    (lambda j: j["documents"][0].__setitem__("date", "2023/01/10"),
     "$.documents[0].date: '2023/01/10' does not match '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$' (rule: pattern)"),
    (lambda j: j["source"].__setitem__("format", "rtf"),
     '$.source.format: "rtf" is not one of markdown, text, pdf, html, docx, doc, wps, ofd (rule: enum)'),
])
def test_error_names_path_and_rule(seed_json, mutate, expected):
    bad = copy.deepcopy(seed_json)
    mutate(bad)
    assert errors(bad) == [expected]


def test_command_lists_the_first_few_then_counts(seed_json, tmp_path):
    bad = copy.deepcopy(seed_json)
    for p in bad["documents"][0]["provisions"][:9]:
        p["level"] = "bogus"
    bad["issue"].pop("title")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 6
    assert lines[0].startswith(f"{path}: invalid: $.documents[0].provisions[0].level: \"bogus\" is not one of part")
    assert lines[4].startswith(f"{path}: invalid: $.documents[0].provisions[4].level:")
    assert lines[5] == f"{path}: invalid: … and 5 more problems (10 in all; --max-errors 0 lists them)"
    assert max(len(l) for l in lines) < 300 and bad["issue"]["text"][:30] not in result.stdout
    every = CliRunner().invoke(main, ["validate", "--max-errors", "0", str(path)]).stdout.splitlines()
    assert len(every) == 10 and every[-1] == f"{path}: invalid: $.issue: missing 'title' (rule: required)"
