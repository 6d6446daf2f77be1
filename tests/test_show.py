"""`gazette show`: the summary a person reads first. Expected lines written from the sample issue's text
(corpus/sanmenxia-gazette-2023-02.md): its head (第 2 号(总第 203 号), 出版日期:2023年3月6日), the
fourth document (三政办〔2022〕18号: 7 chapters, 32 articles, 第三十二条 自 2022 年 5 月 1 日起实施,
第九条（一） 起付标准为2600元 … 6600元) and the fifth (有效期至 2024 年 12 月 31 日)."""
import datetime as dt
import subprocess
import sys

from click.testing import CliRunner

from conftest import ROOT, SEED
from extract.cli import main
from extract.show import plain, status, summarize, width


def test_plain_summary_of_the_sample_issue(seed):
    text = plain(summarize(seed, today=dt.date(2024, 6, 1)))
    lines = text.splitlines()
    assert lines[0] == "三门峡市人民政府公报  2023年第2号（总第203号）  2023-03-06  三门峡市人民政府办公室"
    assert lines[1].startswith(f"{seed.text.path} · markdown · "
                               "7 documents · ")
    at = lines.index("4. 三政办〔2022〕18号 三门峡市人民政府办公室关于印发三门峡市重特大疾病医疗保险和救助制度实施细则的通知")
    assert lines[at + 1] == "   三门峡市人民政府办公室 · 2022-06-06 · in force (effective 2022-05-01)"
    assert lines[at + 2].startswith("   ") and "7 chapter · 32 article" in lines[at + 2]
    block = lines[at:lines.index("", at)]
    rows = [" ".join(l.split()) for l in block]
    assert "数值 2600元 = 2,600 CNY 第九条（一）" in rows
    assert "数值 6600元 = 6,600 CNY 第九条（一）" in rows
    assert "5. 三政办〔2022〕19号 三门峡市人民政府办公室关于印发三门峡市培育和激发市场主体活力十项措施的通知" in lines
    assert "   三门峡市人民政府办公室 · 2022-06-06 · in force (effective 2022-06-06, expires 2024-12-31)" in lines


def test_columns_line_up_in_terminal_cells(seed):
    """Printed text of mixed width (至 2023 年 4 月 30 日, 50%) still puts the values in one column."""
    lines = plain(summarize(seed)).splitlines()
    at = lines.index("2. 三政〔2023〕3号 三门峡市人民政府关于嘉奖全市财税系统的通报")
    rows = [l for l in lines[at:lines.index("", at)] if l.startswith("   数值 ")]
    assert [l.split()[1] for l in rows] == ["139亿元", "92.2亿元", "3.8个百分点", "276亿元", "10.1%"]
    starts = {width(l[:l.index("= ")]) for l in rows}
    assert len(starts) == 1 and len(rows) == 5
    assert "= 13,900,000,000 CNY" in rows[0]  # 139亿元, exact


def test_status_follows_the_dates():
    class D:
        effective, expires = "2022-06-06", "2024-12-31"

    assert status(D, dt.date(2024, 12, 31)) == "in force (effective 2022-06-06, expires 2024-12-31)"
    assert status(D, dt.date(2025, 1, 1)) == "expired (effective 2022-06-06, expired 2024-12-31)"
    assert status(D, dt.date(2022, 6, 5)) == "not yet in force (effective 2022-06-06, expires 2024-12-31)"
    D.effective, D.expires = None, "2024-12"
    assert status(D, dt.date(2024, 12, 20)) == "in force until 2024-12 (no effective date stated)"
    D.expires = None
    assert status(D, dt.date(2024, 12, 20)) == "no effective date stated"


def test_only_the_first_rows_unless_all(seed):
    lines = plain(summarize(seed), rows=3).splitlines()
    at = lines.index("2. 三政〔2023〕3号 三门峡市人民政府关于嘉奖全市财税系统的通报")
    block = lines[at:lines.index("", at)]
    values = [l for l in block if l.startswith(("   数值 ", "   … "))]
    assert [l.split()[1] for l in values[:3]] == ["139亿元", "92.2亿元", "3.8个百分点"]
    assert values[3:] == ["   … 2 more 数值 (gazette show --all; JSON: gazette extract)"]
    everything = plain(summarize(seed), rows=None, units=None)
    assert everything.count("\n   数值 ") == sum(len(p.thresholds) for p in seed.provisions())
    assert everything.count("\n   期限 ") == sum(len(p.deadlines) for p in seed.provisions())
    assert everything.count("\n   引用 ") == sum(len(p.citations) for p in seed.provisions())


def test_stand_alone_document_has_no_issue_line(tmp_path):
    f = tmp_path / "n.txt"
    f.write_text("关于调整补助标准的通知\n\n第一条 补助标准为每人每月300元。\n\n第二条 本通知自2024年1月1日起施行。\n",
                 encoding="utf-8")
    result = CliRunner().invoke(main, ["show", str(f)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{f} · text · 1 document · ")
    assert any(" ".join(l.split()) == "数值 300元 = 300 CNY per 人/月 第一条" for l in lines)
    assert any(" ".join(l.split()) == "期限 自2024年1月1日起施行 effective 2024-01-01 第二条" for l in lines)


def test_piped_output_is_plain_and_terminal_output_is_styled():
    proc = subprocess.run([sys.executable, "-m", "extract", "show", str(SEED)], capture_output=True, text=True)
    assert proc.returncode == 0 and "\x1b[" not in proc.stdout
    assert proc.stdout.startswith("三门峡市人民政府公报  2023年第2号（总第203号）")
    styled = CliRunner().invoke(main, ["show", str(SEED), "--color", "always"])
    assert styled.exit_code == 0 and "\x1b[" in styled.stdout
    assert "三政办〔2022〕18号" in styled.stdout and "2,600 CNY" in styled.stdout


def test_bad_input_is_one_coded_line(tmp_path):
    result = CliRunner().invoke(main, ["show", str(tmp_path / "missing.md")])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"gazette: E007 {tmp_path / 'missing.md'}: no such file"]


def test_readme_set_up_is_two_commands_and_the_first_shows_the_summary():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert block == ["pip install -e '.[test]' && gazette show corpus/sanmenxia-gazette-2023-02.md",
                     "python -m pytest -q"]
    assert "rich" in (ROOT / "setup.cfg").read_text(encoding="utf-8").split("install_requires", 1)[1].split("[", 1)[0]


def test_a_citation_says_what_the_provision_does_to_it():
    """corpus/diff/sanmenxia-gazette-2023-03.md line 63: 《…的通知》（三政办〔2022〕18号）同时废止."""
    from extract import parse

    text = plain(summarize(parse(str(SEED.parent / "diff" / "sanmenxia-gazette-2023-03.md"))))
    assert ("   引用 《三门峡市人民政府办公室关于印发三门峡市重特大疾病医疗保险和救助制度实施细则的通知》 "
            "三政办〔2022〕18号 · repeals  第一段") in text.splitlines()


def test_numbers_are_written_exactly():
    from decimal import Decimal

    from extract.describe import number, threshold
    from extract.values import Threshold

    assert number(Decimal("18.53")) == "18.53" and number(185300) == "185,300"
    assert number(Decimal("12345.000001")) == "12,345.000001"  # never through float
    assert number("1:1") == "1:1" and number(None) == "?"
    t = Threshold(value=None, unit="CNY", comparator="range", min=5000, max=Decimal("20000.5"), raw="x", span=(0, 1))
    assert threshold(t) == "5,000–20,000.5 CNY"
