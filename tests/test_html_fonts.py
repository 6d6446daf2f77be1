"""Every HTML page we write names the CJK font stack (or a machine without those fonts shows boxes), the
README says which package brings one on Linux, and CI installs it so that the screenshot tests see
characters."""
import re

from click.testing import CliRunner

from conftest import CORPUS, ROOT, SEED
from extract.cli import main
from extract.htmlpage import SANS, SERIF

FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Serif SC",
            "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", "SimSun")


def test_the_stack_names_the_fonts_of_each_system():
    for family in FAMILIES:
        assert f'"{family}"' in SANS + SERIF
    assert SANS.endswith("sans-serif") and SERIF.endswith("serif")


def test_render_diff_and_check_pages_carry_it(tmp_path):
    laws = CORPUS / "laws"
    pages = {
        "render": ["render", str(SEED)],
        "diff": ["diff", str(laws / "行政复议法(2017-09-01).md"), str(laws / "行政复议法(2023-09-01).md"),
                 "--format", "html", "--no-values"],
        "check": ["check", str(SEED), "--format", "html"],
    }
    for name, args in pages.items():
        out = tmp_path / f"{name}.html"
        result = CliRunner().invoke(main, [*args, "-o", str(out)])
        assert result.exit_code in (0, 1), (name, result.output)
        page = out.read_text(encoding="utf-8")
        assert f"body {{ font-family: {SANS}; }}" in page, name
        assert '<html lang="zh-CN">' in page and '<meta charset="utf-8">' in page, name


def test_readme_and_ci_name_the_linux_font_package():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`apt-get install fonts-noto-cjk`" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing="$missing fonts-noto-cjk"' in ci
    assert re.search(r"apt-get install -y -qq \$missing", ci)
