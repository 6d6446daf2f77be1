"""`gazette diff` on the command line: exit codes, formats, pins, extraction JSON inputs, escaping."""
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from extract.cli import main
from extract.schema import errors

from conftest import CORPUS

LAWS = CORPUS / "laws"
OLD = str(LAWS / "国务院关于经营者集中申报标准的规定(2018-09-18).md")
NEW = str(LAWS / "国务院关于经营者集中申报标准的规定(2024-01-22).md")


def gazette(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_exit_codes():
    assert gazette("diff", OLD, OLD).exit_code == 0
    assert gazette("diff", OLD, NEW).exit_code == 1
    missing = gazette("diff", OLD, str(LAWS / "no-such-file.md"))
    assert missing.exit_code == 2
    assert missing.stderr.strip().endswith("no-such-file.md: no such file") and missing.stderr.count("\n") == 1


def test_text_view_without_colour_marks_words():
    out = gazette("diff", OLD, NEW).stdout
    assert "\x1b[" not in out
    assert "@@ 第五条 → 第七条 renumbered @@" in out
    assert "@@ 第五条 added @@" in out
    assert "-…会计年度在全球范围内的营业额合计超过[-100-]亿元人民币" in out  # unchanged start folded
    assert "+…会计年度在全球范围内的营业额合计超过{+120+}亿元人民币" in out
    assert out.rstrip().endswith("provisions: 2 added, 4 modified, 1 renumbered; documents: 1 modified")


def test_colour_only_when_asked_or_on_a_terminal():
    out = gazette("diff", OLD, NEW, "--color", "always").stdout
    assert "\x1b[1;42;97m120\x1b[0m" in out and "{+" not in out
    assert gazette("diff", OLD, NEW, "--color", "never").stdout.count("\x1b[") == 0


def test_json_follows_the_contract(tmp_path):
    target = tmp_path / "d.json"
    assert gazette("diff", OLD, NEW, "--format", "json", "--alignment", "-o", str(target)).exit_code == 1
    data = json.loads(target.read_text(encoding="utf-8"))
    assert errors(data) == []
    assert data["schema"] == "gazette-diff/1" and data["old"]["path"] == OLD and data["new"]["kind"] == "document"
    change = next(c for c in data["changes"] if c["new_label"] == "第七条")
    assert {k: change[k] for k in ("kind", "level", "old_id", "new_id", "old_label", "new_label")} == {
        "kind": "renumbered", "level": "article", "old_id": "art5", "new_id": "art7",
        "old_label": "第五条", "new_label": "第七条"}
    for c in data["changes"]:
        assert set(c) >= {"kind", "level", "old_id", "new_id", "old_label", "new_label", "diff", "values"}
    pairs = data["alignment"][0]["pairs"]
    assert {"old_id": "art1", "new_id": "art1", "relation": "match"} in pairs  # unchanged pairs listed too
    assert gazette("validate", str(target)).exit_code == 0


def test_extraction_json_inputs_give_the_same_diff(tmp_path):
    paths = []
    for n, src in enumerate((OLD, NEW)):
        p = tmp_path / f"{n}.json"
        r = gazette("extract", src, "--no-values", "-o", str(p))
        assert r.exit_code == 0, r.stderr
        paths.append(str(p))
    from_json = json.loads(gazette("diff", *paths, "--format", "json", "--no-values").stdout)
    from_text = json.loads(gazette("diff", OLD, NEW, "--format", "json", "--no-values").stdout)
    assert from_json["old"]["input"] == "extraction-json"
    assert from_json["changes"] == from_text["changes"]


def test_bad_extraction_json(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "gazette-check/1", "findings": []}', encoding="utf-8")
    r = gazette("diff", str(bad), NEW)
    assert r.exit_code == 2
    assert r.stderr.startswith("gazette: E014") and "expected 'gazette-extract/1'" in r.stderr


def test_match_pins_and_replays_from_a_file(tmp_path):
    # pin old 第五条 (本规定自公布之日起施行) to new 第五条: it becomes a modification, new 第七条 added
    r = gazette("diff", OLD, NEW, "--format", "json", "--match", "art5=art5")
    kinds = {(c["old_label"], c["new_label"]): (c["kind"], c["relation"]) for c in json.loads(r.stdout)["changes"]}
    assert kinds[("第五条", "第五条")] == ("modified", "pinned")
    assert kinds[(None, "第七条")] == ("added", None)
    pins = tmp_path / "pins.json"
    pins.write_text(json.dumps({"art5": "art5"}), encoding="utf-8")
    assert gazette("diff", OLD, NEW, "--format", "json", "--match", str(pins)).stdout == r.stdout


def test_bad_pin_is_a_usage_error():
    r = gazette("diff", OLD, NEW, "--match", "art9=art5")
    assert r.exit_code == 2
    assert "no old provision 'art9'" in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.startswith("gazette: E031 --match: ") and r.stderr.count("\n") == 1


def test_unwritable_output_and_two_stdins(tmp_path):
    r = gazette("diff", OLD, NEW, "-o", str(tmp_path / "no-such-dir" / "out.txt"))
    assert r.exit_code == 2 and r.stderr.startswith("gazette: E032 cannot write ") and r.stderr.count("\n") == 1
    r = gazette("diff", "-", "-", input="x")
    assert r.exit_code == 2 and r.stderr.startswith("gazette: E033 ")


def test_stdin_for_one_side():
    with open(NEW, "rb") as fh:
        r = CliRunner().invoke(main, ["diff", OLD, "-"], input=fh.read())
    assert r.exit_code == 1 and "@@ 第五条 → 第七条 renumbered @@" in r.stdout
    assert gazette("diff", "-", "-").exit_code == 2


HOSTILE_OLD = "第一条 甲方应当在三日内答复。\n\n第二条 本规定自公布之日起施行。\n"
HOSTILE_NEW = ("第一条 甲方应当在五日内答复<script>alert('x')</script>，并抄送<b>乙方</b> & 丙方。\n\n"
               "第二条 本规定自公布之日起施行。\n")


def test_html_is_self_contained_and_escaped(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(HOSTILE_OLD, encoding="utf-8")
    new.write_text(HOSTILE_NEW, encoding="utf-8")
    page = gazette("diff", str(old), str(new), "--format", "html").stdout
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>alert" not in page and "<b>乙方" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page and "&amp; 丙方" in page
    assert page.count("<script>") == 1  # ours
    assert "http://" not in page and "https://" not in page and "<link" not in page


def test_diff_does_not_load_jieba_or_numpy_until_it_runs():
    code = ("import sys, extract.cli, extract.diff, extract.diff.cli; "
            "print(sorted(m for m in ('jieba', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_no_differences_in_every_format(fmt):
    r = gazette("diff", OLD, OLD, "--format", fmt)
    assert r.exit_code == 0
    if fmt == "json":
        assert json.loads(r.stdout)["changes"] == []
    elif fmt == "text":
        assert r.stdout.rstrip().endswith("no differences")
    else:
        assert "no differences" in r.stdout
