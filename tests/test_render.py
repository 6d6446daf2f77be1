"""`gazette render`: a self-contained HTML page, values highlighted, every piece of source text escaped."""
import subprocess
import sys

from conftest import SEED
from extract.render import extraction_html

import extract


def test_values_are_highlighted(seed):
    page = extraction_html(seed)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert 'title="THRESHOLD: eq 2600 CNY; subject 起付标准">2600元<span class="lbl">THRESHOLD</span>' in page
    assert 'title="UNIT: 市财政局 (responsible)">财政局' in page
    assert "inherited units: 各县〔市、区〕政府" in page
    assert "<script" not in page and "http" not in page.split("<body>")[1]


def test_source_text_is_escaped():
    x = extract.parse("第一条 <script>alert(1)</script> & 罚款五百元以上五千元以下。\n", path="t.txt")
    page = extraction_html(x)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page
    assert "五百元以上五千元以下<span" in page


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
