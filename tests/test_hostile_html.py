"""Hostile input never runs in the HTML we write (issue 14): `<script>`, `"><img onerror=…>`,
`javascript:`, `</style>`, `<svg onload>` through every field an input reaches (file name, title,
文号 line, headings, provision text, attachments), opened in headless
Chromium; each payload would mark the page (data-pwned) if it ran."""
import re
from pathlib import Path

import pytest

import extract
from extract.diff import diff
from extract.diff.render_html import render as render_diff
from extract.render import extraction_html

from browser import CHROMIUM, dump_dom

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium not installed")


def mark(n: int) -> str:
    return f"document.documentElement.dataset.pwned={n}"  # sets data-pwned on <html>


PAYLOADS = [
    f"<script>{mark(1)}</script>",
    f"\"><img src=x onerror=\"{mark(2)}\">",
    f"'><svg onload=\"{mark(3)}\">",
    f"</style><script>{mark(4)}</script>",
    f"</title><script>{mark(5)}</script>",
    f"<a href=\"javascript:{mark(6)}\">点此</a>javascript:{mark(6)}",
    f"<iframe src=\"javascript:{mark(7)}\"></iframe>",
]
P = "".join(PAYLOADS)


SHORT = PAYLOADS[0]  # a title is short: the head reader takes one payload, not all seven


def hostile_source(version: int) -> str:
    return (f"# 关于印发{SHORT}管理办法的通知\n\n"
            f"三政〔2023〕{version}号\n\n"
            f"各县（市、区）人民政府，市政府各部门：\n\n"
            f"{P}现将办法印发给你们。\n\n"
            f"## 第一章 总则{P}\n\n"
            f"第一条 市财政局{P}负责罚款五百元以上五千元以下{P}。\n\n"
            f"第二条 {P}本办法自2024年{version}月1日起施行。\n\n"
            f"（一）{P}市{P}局负责。\n\n"
            f"三门峡市人民政府\n\n2023年1月{version}日\n\n"
            f"附件：1.{P}申请表\n")


def assert_inert(dom: str, scripts: int) -> None:
    html_tag = re.search(r"<html[^>]*>", dom).group(0)
    assert "data-pwned" not in html_tag, html_tag  # the attribute only a payload that ran would set
    assert not re.search(r"<(img|svg|iframe)\b", dom)
    assert dom.count("<script") == scripts
    assert not re.search(r"""<a\b[^>]*href=["']?javascript:""", dom, re.I)
    assert "&lt;script&gt;" in dom  # the payload is there, as text


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    name = "\"><img src=x onerror=\"" + mark(8) + "\">.md"  # a file name cannot hold '/', so no </style>
    old, new = folder / ("old" + name), folder / ("new" + name)
    old.write_text(hostile_source(1), encoding="utf-8")
    new.write_text(hostile_source(2), encoding="utf-8")
    return old, new


def test_the_payloads_reach_the_fields(files):
    doc = extract.parse(str(files[0])).documents[0]
    assert "<script>" in doc.title
    assert any("<script>" in (p.heading or "") for p in doc.provisions)
    assert any("<script>" in p.text for p in doc.provisions if p.level == "article")
    assert doc.doc_number == "三政〔2023〕1号"
    assert any("<script>" in (a.title or "") for a in doc.attachments) or \
        any("<script>" in p.text for p in doc.provisions if p.level in ("attachment", "closing"))


def test_render_html_is_inert_in_a_browser(files, tmp_path):
    page = tmp_path / "render.html"
    page.write_text(extraction_html(extract.parse(str(files[0]))), encoding="utf-8")
    assert_inert(dump_dom(page, tmp_path), scripts=0)


def test_diff_html_is_inert_in_a_browser(files, tmp_path):
    page = tmp_path / "diff.html"
    page.write_text(render_diff(diff(str(files[0]), str(files[1]))), encoding="utf-8")
    dom = dump_dom(page, tmp_path)
    assert_inert(dom, scripts=1)
    assert re.search(r'id="counts">changes in this report: [^<]+<', dom)  # the report's own script ran


def test_the_check_can_fail(tmp_path):
    """The same payloads written into a page unescaped do run: the assertions above can fail."""
    page = tmp_path / "raw.html"
    page.write_text(f"<!DOCTYPE html><html><head><title>x</title></head><body><p>{P}</p></body></html>",
                    encoding="utf-8")
    dom = dump_dom(page, tmp_path)
    assert "data-pwned" in re.search(r"<html[^>]*>", dom).group(0)


def test_check_html_is_inert_in_a_browser(files, tmp_path):
    from click.testing import CliRunner

    from extract.cli import main

    page = tmp_path / "check.html"
    r = CliRunner().invoke(main, ["check", "--format", "html", str(files[0]), "-o", str(page)])
    assert r.exit_code in (0, 1), r.output
    dom = dump_dom(page, tmp_path)
    scripts = page.read_text(encoding="utf-8").count("<script")  # the report's own, if it has any
    assert_inert(dom, scripts=scripts)
