"""`gazette render`: a self-contained HTML page, values highlighted and tagged in Chinese, documents of an
issue listed for navigation, every piece of source text escaped. Expected strings come from the sample
issue's text (第九条（一） 起付标准为2600元; 财政局 in the list 市税务局、财政局; the scope rule 以下均含
各县（市、区）政府…)."""
import re
import subprocess
import sys

from conftest import SEED
from extract.htmlpage import SANS
from extract.render import extraction_html

import extract


def test_values_are_highlighted_with_chinese_tags(seed):
    page = extraction_html(seed)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert ('title="数值：= 2,600 CNY；对象：起付标准">2600元<span class="tag">数值</span></span>') in page
    assert 'title="单位：市财政局 (责任)">财政局<span class="tag">单位</span>' in page
    assert "范围条款所含单位：各县〔市、区〕政府" in page
    assert re.search(r'class="tag">[A-Z]', page) is None  # no English tags left
    legend = re.search(r'<p class="legend">(.*?)</p>', page, re.S).group(1)
    assert re.findall(r">(\w+)</span>", legend) == ["单位", "数值", "期限", "引用"]
    assert "<script" not in page and "http" not in page.split("<body>")[1]


def test_issue_heading_and_document_navigation(seed):
    page = extraction_html(seed)
    assert "<h1>三门峡市人民政府公报</h1>" in page
    assert '<p class="meta">2023年第2号（总第203号） · 出版 2023-03-06 · 三门峡市人民政府办公室</p>' in page
    nav = re.search(r'<nav aria-label="documents"><ol>(.*?)</ol></nav>', page, re.S).group(1)
    links = re.findall(r'<li><a href="#(doc\d)"><span class="num">([^<]*)</span>([^<]*)</a></li>', nav)
    assert [l[1] for l in links] == ["三政〔2023〕2号", "三政〔2023〕3号", "三政〔2023〕5号", "三政办〔2022〕18号",
                                     "三政办〔2022〕19号", "三政办〔2022〕20号", "三政办文〔2023〕2号"]
    assert links[1][2] == "三门峡市人民政府关于嘉奖全市财税系统的通报"
    for anchor, _, title in links:
        assert f'<h2 id="{anchor}">{title}</h2>' in page
    assert '<p class="meta">文号 三政办〔2022〕18号 · 发文机关 三门峡市人民政府办公室 · 成文日期 2022-06-06 · ' \
           '施行 2022-05-01</p>' in page


def test_stand_alone_document_is_headed_by_its_title_not_its_path(tmp_path):
    f = tmp_path / "some-file.txt"
    f.write_text("关于调整补助标准的通知\n\n第一条 补助标准为每人每月300元。\n", encoding="utf-8")
    page = extraction_html(extract.parse(str(f)))
    assert '<h1 id="doc1">关于调整补助标准的通知</h1>' in page
    assert "<title>关于调整补助标准的通知</title>" in page
    assert "some-file" not in page and "<nav" not in page


def test_page_carries_the_cjk_font_stack(seed):
    page = extraction_html(seed)
    assert f"body {{ font-family: {SANS}; }}" in page
    for family in ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC",
                   "Microsoft YaHei", "SimSun"):
        assert f'"{family}"' in page


def test_source_text_is_escaped():
    x = extract.parse("第一条 <script>alert(1)</script> & 罚款五百元以上五千元以下。\n", path="t.txt")
    page = extraction_html(x)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page
    assert '五百元以上五千元以下<span class="tag">数值</span>' in page


def test_render_command_writes_the_page(tmp_path):
    out = tmp_path / "page.html"
    proc = subprocess.run([sys.executable, "-m", "extract", "render", str(SEED), "-o", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "三门峡市人民政府关于嘉奖全市财税系统的通报" in out.read_text(encoding="utf-8")


def test_render_missing_file_is_one_line():
    proc = subprocess.run([sys.executable, "-m", "extract", "render", "/no/such/file.md"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "E007" in proc.stderr
