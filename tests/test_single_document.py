"""A file holding one document: issue null, one document, metadata from a web page's block."""
import extract
from conftest import CORPUS


def test_web_notice_with_metadata_block():
    x = extract.parse(str(CORPUS / "web-notice-tongren-2020-33.txt"))
    assert x.issue is None
    assert x.to_json()["issue"] is None
    assert len(x.documents) == 1
    d = x.documents[0]
    assert d.id == "铜政发〔2020〕33号"  # the 文号 where printed, as in an issue
    assert d.title == "铜仁市人民政府关于进一步加强城市生活垃圾分类工作的通知"
    assert d.doc_number == "铜政发〔2020〕33号"
    assert d.date == "2020-10-26"
    assert d.issuer == "铜仁市人民政府"
    assert d.recipients == ["各区(县)人民政府", "铜仁高新区、大龙开发区管委会", "市政府各工作部门"]
    assert d.metadata["有效性"] == "有效"
    ids = [p.id for p in d.provisions]
    assert ids == ["preamble", "para1", "sec1", "sec2", "sec2/item1", "sec2/item2", "sec2/item3",
                   "sec3", "sec3/item1", "sec3/item2"]
    # ASCII brackets are numbering too, and the cut-off last item keeps its text
    last = d.provision("sec3/item2")
    assert last.label == "(二)" and last.heading == "强化考核督查"
    assert last.text.rstrip().endswith("考核结果于每年12月25日前")


def test_law_from_lawrefbook():
    x = extract.parse(str(CORPUS / "laws" / "个人信息保护法(2021-08-20).md"))
    assert x.issue is None
    d = x.documents[0]
    assert d.title == "中华人民共和国个人信息保护法"
    assert (d.date, d.adopted) == (None, "2021-08-20")  # a law has no 成文日期; its version is dated
    arts = [p for p in d.provisions if p.level == "article"]
    assert [a.number for a in arts] == list(range(1, 75))
    assert [p.heading for p in d.provisions if p.level == "chapter"] == [
        "总则", "个人信息处理规则", "个人信息跨境提供的规则", "个人在个人信息处理活动中的权利",
        "个人信息处理者的义务", "履行个人信息保护职责的部门", "法律责任", "附则"]
    # 第三条: two 款, the second with three items
    assert [p.id for p in d.provisions if p.id.startswith("ch1/art3")] == [
        "ch1/art3", "ch1/art3/para2", "ch1/art3/para2/item1", "ch1/art3/para2/item2", "ch1/art3/para2/item3"]


def test_plain_text_law_with_table_of_contents():
    x = extract.parse(str(CORPUS / "lawcomparator" / "中华人民共和国反不正当竞争法2019.txt"))
    d = x.documents[0]
    assert d.provision("toc") is not None
    chapters = [p.heading for p in d.provisions if p.level == "chapter"]
    assert chapters == ["总则", "不正当竞争行为", "对涉嫌不正当竞争行为的调查", "法律责任", "附则"]
    assert [p.number for p in d.provisions if p.level == "article"] == list(range(1, 34))


def test_notes_and_colophon_after_the_date_stay_in_the_closing():
    text = ("某某市人民政府关于建立某某制度的通知\n某政〔2023〕8号\n各县（市、区）人民政府：\n"
            "一、总体要求\n做好相关工作。\n某某市人民政府\n2023年3月1日\n（此件公开发布）\n"
            "抄送：市委各部门。\n")
    d = extract.parse(text, path="n.txt").documents[0]
    assert [p.id for p in d.provisions] == ["preamble", "sec1", "closing"]
    assert d.regulation is None and d.date == "2023-03-01"
    assert d.provision("closing").text == "某某市人民政府\n2023年3月1日\n（此件公开发布）\n抄送：市委各部门。\n"


def test_printed_regulation_after_a_closing_note():
    text = ("某某市人民政府关于印发某某办法的通知\n某政〔2023〕9号\n各县（市、区）人民政府：\n"
            "现将《某某办法》印发给你们，请认真贯彻执行。\n某某市人民政府\n2023年3月1日\n（此件公开发布）\n"
            "某某办法\n第一条 为了规范管理，制定本办法。\n第二条 本办法自2023年4月1日起施行。\n")
    d = extract.parse(text, path="n.txt").documents[0]
    assert [p.id for p in d.provisions] == ["preamble", "para1", "closing", "reg", "reg/art1", "reg/art2"]
    assert d.regulation.to_json() == {"title": "某某办法", "provision_id": "reg"}
    assert d.effective == "2023-04-01"


def test_a_laws_version_is_its_latest_adoption_not_its_effect():
    """政府投资条例: 通过 2018-12-05, 公布 2019-04-14, `2019年7月1日 施行`: the version is the 公布 date, the
    施行 line is when it took effect; a law has no 成文日期."""
    d = extract.parse(str(CORPUS / "eval" / "政府投资条例(2019-04-14).md")).documents[0]
    assert (d.date, d.adopted, d.effective) == (None, "2019-04-14", "2019-07-01")
