"""The HTML report opened in a real headless browser (Debian's chromium); skipped when it is not installed.

`--dump-dom` prints the page after the browser has parsed it and run its script, so the counts the
script writes into #counts prove the page really loaded, and hostile source text must still be text.
"""
import html
import re

from extract.diff import diff
from extract.diff.render_html import render

from browser import dump_dom, needs_chromium
from conftest import CORPUS

pytestmark = needs_chromium
LAWS = CORPUS / "laws"


def test_report_in_a_browser(tmp_path):
    result = diff(str(LAWS / "国务院关于经营者集中申报标准的规定(2018-09-18).md"),
                  str(LAWS / "国务院关于经营者集中申报标准的规定(2024-01-22).md"))
    page = tmp_path / "report.html"
    page.write_text(render(result), encoding="utf-8")
    dom = dump_dom(page, tmp_path)
    # written by the page's script, so only present if a browser ran it
    assert re.search(r'id="counts">changes in this report: ([^<]*)<', dom).group(1) == \
        "4 modified, 2 added, 1 renumbered"
    assert "<del>100</del>" in dom and "<ins>120</ins>" in dom
    assert "<del>应当依法进行调查</del>" in dom and "<ins>可以要求经营者申报</ins>" in dom
    row = re.search(r'<tr class="change renumbered"[^>]*data-old-id="art5" data-new-id="art7">(.*?)</tr>', dom)
    assert row and "第五条" in row.group(1) and "第七条" in row.group(1)
    assert dom.count('class="change added"') == 2


def test_hostile_text_stays_text_in_the_browser(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("第一条 甲方应当在三日内答复。\n\n第二条 本规定自公布之日起施行。\n", encoding="utf-8")
    new.write_text("第一条 甲方应当在五日内答复<img src=x onerror=\"document.title='pwned'\">"
                   "<script>document.title='pwned'</script>。\n\n第二条 本规定自公布之日起施行。\n", encoding="utf-8")
    page = tmp_path / "report.html"
    page.write_text(render(diff(str(old), str(new), values=False)), encoding="utf-8")
    dom = dump_dom(page, tmp_path)
    title = html.unescape(re.search(r"<title>(.*?)</title>", dom).group(1))
    assert "pwned" not in title
    assert "<img" not in dom and dom.count("<script>") == 1
    assert "&lt;img src=x onerror=" in dom
