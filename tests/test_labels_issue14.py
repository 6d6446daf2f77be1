"""Labels as real documents print them, through a whole parse (issue 14): white space of any kind
inside, zero-width characters, full-width digits, Traditional 條/編/節; and check on 1,001 articles."""
import pytest
from click.testing import CliRunner

import extract
from extract.cli import main
from extract.lexicon.numerals import cn_number

LABELS = [
    ("第一条", "第二条"), ("第 一 条", "第 二 条"), ("第\u3000一\u3000条", "第\u3000二\u3000条"),
    ("第\u200b一条", "第\u200b二条"), ("第\ufeff一条", "第\ufeff二条"), ("第\u200d一\u200c条", "第\u200d二\u200c条"),
    ("第一條", "第二條"), ("第１条", "第２条"), ("第\u2002一\u2009条", "第\u2002二\u2009条"), ("第\u00a0一条", "第\u00a0二条"),
]


@pytest.mark.parametrize("first,second", LABELS)
def test_article_labels_from_a_file(tmp_path, first, second):
    f = tmp_path / "rule.txt"
    f.write_text(f"关于某事项的规定\n\n{first} 为了规范管理，制定本规定。\n\n{second} 本规定自2024年1月1日起施行。\n",
                 encoding="utf-8")
    doc = extract.parse(str(f)).documents[0]
    articles = [p for p in doc.provisions if p.level == "article"]
    assert [(p.id, p.number) for p in articles] == [("art1", 1), ("art2", 2)]
    assert articles[0].text.endswith("为了规范管理，制定本规定。\n\n")
    assert articles[1].deadlines[0].date == "2024-01-01"


def test_traditional_chapter_and_section_labels():
    text = "某條例\n\n第一編 總則\n\n第一章 一般規定\n\n第一節 目的\n\n第一條 為了規範管理，制定本條例。\n"
    doc = extract.parse(text).documents[0]
    assert [p.id for p in doc.provisions if p.level != "preamble"] == [
        "part1", "part1/ch1", "part1/ch1/sec1", "part1/ch1/sec1/art1"]


def test_check_on_a_thousand_and_one_articles(tmp_path):
    """gazette check on a text reaching 第一千零一条 raised IndexError in cn_number."""
    lines = ["关于某事项的规定", ""]
    for n in range(1, 1003):
        lines += [f"第{cn_number(n)}条 内容。", ""]
    f = tmp_path / "many.md"
    f.write_text("\n".join(lines), encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(f)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    doc = extract.parse(str(f)).documents[0]
    assert [p.number for p in doc.provisions if p.level == "article"] == list(range(1, 1003))
    assert cn_number(1001) == "一千零一"
