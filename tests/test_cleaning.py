"""Cleaning's postconditions on the seed: every artefact removed, recorded with its kind and span."""
from collections import Counter

from extract.ingest.clean import clean_removals
from extract.ingest.text import Text


def kinds(x):
    return Counter(r.kind for r in x.text.removals)


def test_running_headers_recorded_and_gone(seed):
    headers = [r for r in seed.text.removals if r.kind == "running_header"]
    # one in the masthead (page 2 of the TOC), two between 附件1 and 附件2
    assert [seed.text.source_line_col(r.start)[0] for r in headers] == [93, 236, 238]
    assert all(r.raw == "三门峡市人民政府公报\n" for r in headers)
    att2 = seed.documents[2].provision("att2")
    assert "三门峡市人民政府公报" not in att2.text and "三门峡市人民政府公报" not in seed.documents[2].provision("att1").text


def test_masthead_title_is_kept(seed):
    assert seed.issue.text.startswith("三门峡市人民政府 公 报")


def test_duplicate_character_across_page_break(seed):
    dup = [r for r in seed.text.removals if r.kind == "duplicate_char"]
    assert [(r.raw, seed.text.source_line_col(r.start)) for r in dup] == [("困", (290, 191))]
    art2 = seed.documents[3].provision("reg/ch1/art2")
    assert "确保困难群众基本医疗有保障" in art2.text


def test_paragraphs_broken_by_page_breaks_are_joined(seed):
    d = seed.documents[0]
    assert "自2022年起免收3个月房租、减半收取 12 个月房租" in d.provision("sec1/item3").text
    assert "构建居家社区机构相协调" in d.provision("sec3/item10").text
    assert "（单体建筑面积二万平方米以上的公共建筑）和国家机关办公建筑" in d.provision("sec3/item12").text
    assert "发展改革委、民政局)" in d.provision("sec4/item17").text
    assert d.provision("sec3/item10/para2") is None
    breaks = [r for r in seed.text.removals if r.kind == "page_break"]
    assert len(breaks) == 12


def test_markup_residue(seed):
    markup = [r for r in seed.text.removals if r.kind == "markup"]
    assert [r.raw for r in markup] == ["<sub>2</sub>", "<sub>2</sub>"]
    item = seed.documents[5].provision("reg/ch3/art14/item1")
    assert "计入标准为本人缴费基数的2%。" in item.text


def test_no_markdown_marks_left_in_text(seed):
    for p in seed.provisions():
        assert "**" not in p.text and not p.text.startswith("#") and not p.text.startswith("- ")


def test_blank_line_noise_cut_to_one_blank_line(seed):
    assert "\n\n\n" not in seed.text.clean
    assert not seed.text.clean.startswith("\n")


def test_removals_restore_the_source(seed):
    assert seed.text.restore() == seed.text.source


def test_page_numbers_and_headers_in_plain_text():
    src = ("某某市人民政府公报\n\n第一条 为了规范管理，根据有关法律法规的规定，结合本市实际情况，制定本办法，请各单位认真\n\n"
           "— 12 —\n\n某某市人民政府公报\n\n遵照执行。\n\n第二条 本办法自发布之日起施行。\n")
    removals = clean_removals(src, "text")
    text = Text(source=src, removals=removals, format="text")
    assert "请各单位认真遵照执行。" in text.clean
    assert [r.kind for r in removals if r.kind in ("page_number", "running_header")] == ["page_number", "running_header"]
    assert text.restore() == src


def test_lists_and_titles_are_not_joined():
    src = "附件 1\n\n**2022 年度国家专精特新“小巨人”企业**\n\n灵宝金源朝辉铜业有限责任公司\n\n三门峡中达化工有限公司\n"
    text = Text(source=src, removals=clean_removals(src, "markdown"), format="markdown")
    assert "灵宝金源朝辉铜业有限责任公司\n\n三门峡中达化工有限公司" in text.clean
