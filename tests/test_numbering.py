"""Levels come from the numbering table, whatever the markdown heading marks say."""
import extract

LAW = """# 某某条例

<!-- INFO END -->

## 第一编 总则

### 第一章 一般规定

#### 第一节 适用范围

第一条 为了规范管理，制定本条例。

第二条 本条例适用于下列事项：

（一）甲事项；

（二）乙事项，包括：

1. 子项一；

2. 子项二：

（1）细目一；

（2）细目二：

①要点一；

②要点二。

前款规定的事项，由市人民政府另行规定。

第二条之一 新增加的条文。

第三条　全角空格分隔的条文。
"""


def test_full_hierarchy():
    x = extract.parse(LAW, path="law.md")
    d = x.documents[0]
    got = [(p.id, p.level, p.parent) for p in d.provisions]
    assert got == [
        ("preamble", "preamble", None),
        ("part1", "part", None),
        ("part1/ch1", "chapter", "part1"),
        ("part1/ch1/sec1", "section", "part1/ch1"),
        ("part1/ch1/sec1/art1", "article", "part1/ch1/sec1"),
        ("part1/ch1/sec1/art2", "article", "part1/ch1/sec1"),
        ("part1/ch1/sec1/art2/item1", "item", "part1/ch1/sec1/art2"),
        ("part1/ch1/sec1/art2/item2", "item", "part1/ch1/sec1/art2"),
        ("part1/ch1/sec1/art2/item2/sub1", "subitem", "part1/ch1/sec1/art2/item2"),
        ("part1/ch1/sec1/art2/item2/sub2", "subitem", "part1/ch1/sec1/art2/item2"),
        ("part1/ch1/sec1/art2/item2/sub2/pt1", "point", "part1/ch1/sec1/art2/item2/sub2"),
        ("part1/ch1/sec1/art2/item2/sub2/pt2", "point", "part1/ch1/sec1/art2/item2/sub2"),
        ("part1/ch1/sec1/art2/item2/sub2/pt2/pt1", "point", "part1/ch1/sec1/art2/item2/sub2/pt2"),
        ("part1/ch1/sec1/art2/item2/sub2/pt2/pt2", "point", "part1/ch1/sec1/art2/item2/sub2/pt2"),
        ("part1/ch1/sec1/art2/para2", "paragraph", "part1/ch1/sec1/art2"),
        ("part1/ch1/sec1/art2-1", "article", "part1/ch1/sec1"),
        ("part1/ch1/sec1/art3", "article", "part1/ch1/sec1"),
    ]
    assert d.provision("part1/ch1/sec1/art2-1").label == "第二条之一"
    assert d.provision("part1").heading == "总则"
    assert d.provision("part1/ch1/sec1/art3").text.startswith("第三条　全角空格分隔的条文。")


def test_heading_marks_do_not_decide_levels():
    # the seed puts 一、 under ##, 三、 under ###, 四、 under ####: all are sections of the same level
    text = "# 某某市人民政府关于某事的意见\n\n某政〔2023〕1号\n\n## 一、甲\n\n（一）子。\n\n### 二、乙\n\n（二）子。\n\n#### 三、丙\n\n（三）子。\n"
    d = extract.parse(text, path="x.md").documents[0]
    assert [(p.id, p.parent) for p in d.provisions if p.level in ("section", "item")] == [
        ("sec1", None), ("sec1/item1", "sec1"), ("sec2", None), ("sec2/item2", "sec2"),
        ("sec3", None), ("sec3/item3", "sec3")]


def test_bold_label_with_heading_and_inline_label():
    text = "# 某某办法\n\n<!-- INFO END -->\n\n**第七条 参保资助。**救助对象给予分类资助。\n\n**第八条** 门诊救助。救助对象按比例救助。\n\n（一）病种范围。终末期肾病等9种。\n"
    d = extract.parse(text, path="x.md").documents[0]
    art7, art8, item1 = d.provision("art7"), d.provision("art8"), d.provision("art8/item1")
    assert (art7.heading, art8.heading, item1.heading) == ("参保资助", "门诊救助", "病种范围")


def test_cross_reference_at_line_start_is_not_an_article():
    text = "# 某某办法\n\n<!-- INFO END -->\n\n第一条 甲。\n\n第二条 乙。\n\n第五条规定的情形除外。\n\n第三条 丙。\n"
    d = extract.parse(text, path="x.md").documents[0]
    assert [p.number for p in d.provisions if p.level == "article"] == [1, 2, 3]


def test_article_label_run_into_previous_paragraph():
    text = "# 某某规则\n\n<!-- INFO END -->\n\n第一条 甲。\n\n第二条 乙。 第三条丙。\n\n第四条 丁，依照第五条办理。\n"
    d = extract.parse(text, path="x.md").documents[0]
    assert [p.number for p in d.provisions if p.level == "article"] == [1, 2, 3, 4]
    assert d.provision("art2").text == "第二条 乙。 "
    assert d.provision("art3").text == "第三条丙。\n\n"


def test_chinese_numeral_signature_date():
    text = ("某某市人民政府关于某事的通知\n某政〔2023〕7号\n各县（市、区）人民政府：\n现将有关事项通知如下。\n"
            "某某市人民政府\n二〇二三年一月十日\n")
    d = extract.parse(text, path="n.txt").documents[0]
    assert (d.doc_number, d.date, d.signature, d.issuer) == ("某政〔2023〕7号", "2023-01-10", "某某市人民政府", "某某市人民政府")


def test_quoted_text_of_an_amendment_stays_in_the_amending_provision():
    # the shape of 最高人民法院关于修改…等十八件知识产权类司法解释的决定 (lawrefbook)
    text = ("# 某某决定\n\n<!-- INFO END -->\n\n一、修改《某规定》\n\n1.将第一条修改为：“人民法院受理下列案件：\n\n"
            "1.甲案件；\n\n2.乙案件。”\n\n2.将第六条修改为：\n\n“人民法院可以运用其他证据。\n\n“前款规定的证据包括审查档案。”\n\n"
            "3.删除第二条。\n\n二、修改《另一规定》\n\n1.将引言修改为：“为了正确审理案件。”\n")
    d = extract.parse(text, path="x.md").documents[0]
    assert [p.id for p in d.provisions] == [
        "preamble", "sec1", "sec1/sub1", "sec1/sub2", "sec1/sub3", "sec2", "sec2/sub1"]
    assert "2.乙案件。”" in d.provision("sec1/sub1").text
    assert "“前款规定的证据包括审查档案。”" in d.provision("sec1/sub2").text


def test_definitions_in_quotes_are_paragraphs_of_their_article():
    text = ("# 某某法\n\n<!-- INFO END -->\n\n第一条 本法下列用语的含义：\n\n“网络”，是指计算机系统。\n\n"
            "“网络运营者”，是指网络的所有者。\n\n第二条 本法自公布之日起施行。\n")
    d = extract.parse(text, path="x.md").documents[0]
    assert [p.id for p in d.provisions] == ["preamble", "art1", "art1/para2", "art1/para3", "art2"]


def test_the_first_character_guard_changes_no_reading():
    """match_label returns at once on a line whose first character no level can start with: on every
    line of the corpus that is the same reading as trying every level."""
    from conftest import ROOT
    from extract.lexicon import numbering
    from extract.lexicon.spacing import WS

    lines = set()
    for path in sorted((ROOT / "corpus").rglob("*")):
        if path.suffix in (".md", ".txt"):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                lines |= {line, line.lstrip("#* ")}
    lines |= {"１．总则", "①甲", "(三)乙", "二十一、丙", "3.1 术语", "4.5 万元", "  第 十 条　丁", "〔2023〕1号", "2023年"}
    assert len(lines) > 4000
    assert [x for x in lines if numbering.match_label(x) != numbering._match_levels(x, x.lstrip(WS))] == []
