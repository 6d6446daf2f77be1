"""`gazette check --format html`: the editor's report. Findings marked in the text at their place, grouped by
severity and rule with the rule's explanation and fix; opened in headless Chromium (the DOM and a
screenshot are read for the marks), skipped when the browser is missing.

Expected places come from the sample issue's text: line 364 reads 加强基金预算管理 and 执行监督 (GZ703),
line 463 义市 (GZ702), line 93 a running header 三门峡市人民政府公报 (GZ711, the first finding)."""
import re

from click.testing import CliRunner

from browser import dump_dom, has_colour, needs_chromium, screenshot
from conftest import SEED
from extract.check import check, rules
from extract.check.render_html import FileReport, render
from extract.cli import main
from extract.htmlpage import SANS

NOTICE = ("关于加强预算管理的通知\n\n各县（市、区）人民政府：\n\n"
          "一、加强基金预算管理 and 执行监督(责任单位：市财政局、市审计局)。\n\n二、做好相关工作。\n\n"
          "三门峡市人民政府\n\n2023年1月10日\n")


def report_of(extraction, path):
    return render([FileReport(path, extraction.text, None, check(extraction))], rules())


def test_every_finding_is_marked_at_its_place(seed):
    page = report_of(seed, str(SEED))
    found = check(seed)
    assert len(found) == 42
    for k in range(1, len(found) + 1):
        assert page.count(f'id="f1-{k}"') == 1
        assert page.count(f'href="#f1-{k}"') == 1  # listed under its rule
    line = re.search(r'<div class="ln hit" id="f1-L364">(.*?)</div>', page).group(1)
    assert re.search(r'加强基金预算管理 <span id="f1-\d+"></span><mark class="f warning" title="GZ703 English “and” '
                     r'inside Chinese text “管理 and 执行”: write 和">and</mark><a class="code warning" '
                     r'href="#f1-GZ703">GZ703</a> 执行监督', line)
    assert re.search(r'id="f1-L463"><span class="n">463</span><span class="t"><span id="f1-\d+"></span>'
                     r'<mark class="f warning"[^>]*>义市</mark>', page)
    # a page break between two halves of a paragraph is a pin where the break is
    assert page.count('<mark class="f pin info"') == sum(1 for f in found if f.code == "GZ714")


def test_findings_are_grouped_by_severity_then_rule_with_explanation_and_fix(seed):
    page = report_of(seed, str(SEED))
    heads = re.findall(r'<h3 class="(\w+)"><span class="sev">(\d+)</span>', page)
    assert heads == [("warning", "30"), ("info", "12")]
    warning_part = page[page.index('<h3 class="warning">'):page.index('<h3 class="info">')]
    codes = re.findall(r'<div class="rule warning" id="f1-(GZ\d+)">', warning_part)
    assert codes == ["GZ104", "GZ301", "GZ403", "GZ701", "GZ702", "GZ703", "GZ711", "GZ712", "GZ713", "GZ722",
                     "GZ724"]
    block = re.search(r'<div class="rule warning" id="f1-GZ702">(.*?)</details></div>', page).group(1)
    r = rules()["GZ702"]
    assert f'<p class="what">{r.what}</p>' in block
    assert '<span class="wrong" title="Example">✗ 义市 14334 16500' in block
    assert '<span class="right" title="Use instead">✓ 义马市 14334 16500' in block
    assert f"<summary>Why</summary><p>{r.why}</p>" in block
    assert re.search(r'<li><a class="loc" href="#f1-\d+">463:1</a> 义市 is not a place', block)


def test_text_far_from_findings_is_folded(seed):
    page = report_of(seed, str(SEED))
    folds = re.findall(r"<summary>lines (\d+)–(\d+) \(no findings\)</summary>", page)
    assert folds[0] == ("1", "89")  # the first finding is on line 93; three lines of context before it
    shown = {int(n) for n in re.findall(r'id="f1-L(\d+)"', page)}
    assert shown == set(range(1, SEED.read_text(encoding="utf-8").count("\n") + 2))  # nothing is left out


def test_command_writes_one_self_contained_page(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", str(SEED), "--format", "html", "-o", str(out)])
    assert result.exit_code == 1
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "http" not in page.split("<body>")[1]
    assert "<h1>gazette check: 三门峡市人民政府公报</h1>" in page and f"font-family: {SANS}" in page
    clean = tmp_path / "clean.txt"
    clean.write_text("关于做好相关工作的通知\n\n一、做好相关工作。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(clean), "--format", "html"])
    assert result.exit_code == 0 and '<p class="totals clean">no findings</p>' in result.stdout


def test_an_unreadable_file_is_reported_in_the_page(tmp_path):
    law = SEED.parent / "laws" / "河南省义务植树条例(2018-09-30).md"
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", str(law), str(tmp_path / "missing.md"), "--format", "html",
                                       "-o", str(out)])
    assert result.exit_code == 2 and "E007" in result.stderr
    page = out.read_text(encoding="utf-8")
    assert f'<li><a href="#f2">{tmp_path / "missing.md"}</a> (unreadable)</li>' in page
    assert f"cannot check this file: E007 {tmp_path / 'missing.md'}: no such file" in page
    assert '<li><a href="#f1">河南省义务植树条例</a> (0)</li>' in page


def test_source_text_is_escaped(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("关于加强管理的通知\n\n一、加强管理 and 执行<script>alert(1)</script>。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(f), "--format", "html"])
    assert "<script>" not in result.stdout and "&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout


@needs_chromium
def test_report_in_a_browser(tmp_path):
    f = tmp_path / "notice.txt"
    f.write_text(NOTICE, encoding="utf-8")
    page = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", str(f), "--format", "html", "-o", str(page)])
    assert result.exit_code == 1
    dom = dump_dom(page, tmp_path)
    marks = re.findall(r'<mark class="f (\w+)" title="(GZ\d+) [^"]*">([^<]*)</mark>', dom)
    assert marks == [("warning", "GZ703", "and"), ("warning", "GZ724", "(责任单位：市财政局、市审计局)")]
    assert re.findall(r'<a class="code warning" href="#f1-(GZ\d+)">', dom) == ["GZ703", "GZ724"]
    image = screenshot(page, tmp_path, (1000, 1000))
    assert has_colour(image, (0xff, 0xf0, 0xcc))  # the marked text's warning background
    assert has_colour(image, (0xb2, 0x6a, 0x00))  # the rule-code badges
