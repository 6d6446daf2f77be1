"""The head-and-tail reader (segment/head.py) on the shapes GB/T 9704-2012 and real pages print.

The texts here are written for the tests, each in the shape of a kind of real input: a document in the
full GB/T 9704 layout (版头 above the title, 版记 at the end), a plain-text copy of a web page (ASCII
punctuation, the 文号 in parentheses after the title, one paragraph a line), an issue whose documents
are printed in the 版头 order, a decree numbered on its 令 line, a statistical bulletin with its issuers
and date under the title, joint issuers signing on two lines.
"""
from __future__ import annotations

import pytest

import extract
from conftest import CORPUS
from extract.head_model import ELEMENTS, element_from_json

FULL_LAYOUT = """000123
机密★1年
特急
某某市人民政府文件
某政〔2023〕12号　　签发人：张三
某某市人民政府关于加强
城市排水设施管理工作的
通知
各县（市、区）人民政府，市人民政府各部门：
为加强城市排水设施管理，现将有关事项通知如下。
一、明确责任
各县（市、区）人民政府负责本辖区排水设施管理。
二、加强检查
市城市管理局每季度开展检查。
附件：1. 排水设施管理责任清单
      2. 检查工作安排表
某某市人民政府
2023年3月15日
（此件公开发布）
抄送：市委各部门，市人大常委会办公室，市政协办公室，
市法院，市检察院。
某某市人民政府办公室　　　　　　2023年3月16日印发
（共印120份）
"""


def _doc(text, path="doc.txt"):
    x = extract.parse(text, path=path, recognize=False)
    assert len(x.documents) == 1
    return x, x.documents[0]


def test_every_element_of_the_full_layout():
    x, d = _doc(FULL_LAYOUT)
    assert (d.copy_number, d.secrecy, d.urgency, d.doc_number, d.signer) == (
        "000123", "机密", "特急", "某政〔2023〕12号", "张三")
    assert d.title == "某某市人民政府关于加强城市排水设施管理工作的通知" and d.kind == "通知"
    assert d.recipients == ["各县（市、区）人民政府", "市人民政府各部门"]
    assert (d.issuer, d.date, d.note) == ("某某市人民政府", "2023-03-15", "（此件公开发布）")
    assert d.cc == ["市委各部门", "市人大常委会办公室", "市政协办公室", "市法院", "市检察院"]  # over two lines
    assert (d.printed_by, d.printed_date, d.copies) == ("某某市人民政府办公室", "2023-03-16", 120)
    assert [a.to_json() for a in d.attachments] == [{"label": "附件1", "title": "排水设施管理责任清单", "provision_id": None},
                             {"label": "附件2", "title": "检查工作安排表", "provision_id": None}]
    assert [e.element for e in d.head] == [
        "copy_number", "secrecy", "urgency", "issuer_mark", "doc_number", "signer", "title", "recipients",
        "attachment_note", "signature", "date", "note", "cc", "printed", "copies"]
    assert d.head_element("secrecy").term == "1年"
    assert d.head_element("issuer_mark").organs == ("某某市人民政府",)
    for e in d.head:  # every element's span holds its raw text, line breaks aside
        assert x.text.clean[e.span[0]:e.span[1]].replace("\n", "").replace(" ", "") == \
            e.raw.replace("\n", "").replace(" ", ""), e
    # the 附件说明 is one paragraph: its '2.' line lists a title, it is not an item
    assert [p.id for p in d.provisions] == ["preamble", "para1", "sec1", "sec2", "sec2/para2", "closing"]


def test_elements_round_trip_through_json():
    _, d = _doc(FULL_LAYOUT)
    assert [element_from_json(e.to_json()) for e in d.head] == d.head
    assert [type(e).from_json(e.to_json()) for e in d.head] == d.head
    assert set(ELEMENTS) == {e.element for e in d.head}


PLAIN_COPY = """三门峡市人民政府办公室关于加强政务信息工作的通知(三政办[2005]4号)
各县(市、区)人民政府,市人民政府各部门:
为进一步做好政务信息工作,经市政府同意,现就有关事项通知如下:
一、提高认识。政务信息是政府决策的重要依据。
二、明确任务。各单位每月报送信息不少于5条。
三门峡市人民政府办公室
二〇〇五年一月二十日
"""


def test_plain_text_copy_of_a_web_page():
    _, d = _doc(PLAIN_COPY)
    assert (d.title, d.doc_number, d.issuer, d.date) == (
        "三门峡市人民政府办公室关于加强政务信息工作的通知", "三政办〔2005〕4号", "三门峡市人民政府办公室", "2005-01-20")
    assert d.recipients == ["各县(市、区)人民政府", "市人民政府各部门"]
    assert d.head_element("doc_number").raw == "三政办[2005]4号"
    assert [p.id for p in d.provisions] == ["preamble", "para1", "sec1", "sec2", "closing"]


ISSUE = """# 某某市人民政府公报

2023年第4号（总第50号）

## 目录

某某市人民政府关于加强城市排水设施管理工作的通知 ..... 1

某某市人民政府文件

某政〔2023〕12号

某某市人民政府关于加强城市排水设施管理工作的通知

各县（市、区）人民政府，市人民政府各部门：

为加强城市排水设施管理，现将有关事项通知如下。

一、明确责任

各县（市、区）人民政府负责本辖区排水设施管理。

某某市人民政府

2023年3月15日

（此件公开发布）

国务院国有资产监督管理委员会令第35号

《某某管理办法》已经主任办公会议审议通过，现予公布，自2023年5月1日起施行。

主任　王五

2023年4月1日

某某管理办法

第一条 为了规范某某管理，制定本办法。

第二条 本办法自2023年5月1日起施行。

某某市统计局 国家统计局某某调查队关于某某市2022年统计工作情况的通报

某统〔2023〕3号

各县（市、区）统计局：

2022年，全市统计工作取得新成效。

某某市统计局

国家统计局某某调查队

2023年4月20日
"""


def test_issue_in_the_banner_order_with_a_decree_and_joint_issuers():
    x = extract.parse(ISSUE, path="issue.md", recognize=False)
    got = [(d.title, d.doc_number, d.issuer, d.date, d.kind, d.signed_by) for d in x.documents]
    assert got == [
        ("某某市人民政府关于加强城市排水设施管理工作的通知", "某政〔2023〕12号", "某某市人民政府", "2023-03-15", "通知", None),
        ("国务院国有资产监督管理委员会令", "国务院国有资产监督管理委员会令第35号", "国务院国有资产监督管理委员会",
         "2023-04-01", "令", "王五"),
        ("某某市统计局国家统计局某某调查队关于某某市2022年统计工作情况的通报", "某统〔2023〕3号",
         "某某市统计局、国家统计局某某调查队", "2023-04-20", "通报", None),
    ]
    assert x.issue.toc[0].document_id == "某政〔2023〕12号"
    decree = x.documents[1]
    assert decree.regulation.to_json() == {"title": "某某管理办法", "provision_id": "reg"}
    assert [p.id for p in decree.provisions] == ["preamble", "para1", "closing", "reg", "reg/art1", "reg/art2"]
    assert x.documents[0].head_element("issuer_mark").mark == "文件"


BULLETIN = """某某市2022年国民经济和社会发展统计公报

某某市统计局　国家统计局某某调查队

（2023年3月20日）

2022年，全市经济运行总体平稳。

一、综合

全年地区生产总值1234.5亿元，比上年增长4.5%。

二、农业

全年粮食产量56.7万吨。
"""


def test_statistical_bulletin_byline_is_not_a_closing():
    _, d = _doc(BULLETIN)
    assert (d.title, d.issuer, d.date, d.kind, d.doc_number) == (
        "某某市2022年国民经济和社会发展统计公报", "某某市统计局、国家统计局某某调查队", "2023-03-20", "公报", None)
    assert [p.id for p in d.provisions] == ["preamble", "para1", "sec1", "sec2"]
    assert d.provision("sec1").text.startswith("一、综合")


def test_reply_to_a_deputy_and_chinese_numeral_date():
    text = ("国务院办公厅对十届全国人大\n四次会议第1234号建议的答复\n国办函〔2006〕1号\n某某代表：\n"
            "您提出的关于某事的建议收悉，现答复如下：\n感谢您对政府工作的关心和支持。\n国务院办公厅\n二〇〇六年九月七日\n")
    _, d = _doc(text)
    assert (d.title, d.kind, d.recipients, d.issuer, d.date) == (
        "国务院办公厅对十届全国人大四次会议第1234号建议的答复", "答复", ["某某代表"], "国务院办公厅", "2006-09-07")


def test_joint_issuers_on_one_line_and_a_forwarded_text():
    text = ("国务院办公厅、中央军委办公厅\n关于加强某项工作的通知\n国办发〔1996〕1号\n各省、自治区、直辖市人民政府：\n"
            "现将某部《关于某项工作的意见》转发给你们，请认真贯彻执行。\n国务院办公厅　中央军委办公厅\n一九九六年六月二十九日\n"
            "（本文有删减）\n")
    _, d = _doc(text)
    assert (d.title, d.issuer, d.date, d.note) == (
        "国务院办公厅、中央军委办公厅关于加强某项工作的通知", "国务院办公厅、中央军委办公厅", "1996-06-29", "（本文有删减）")


def test_title_line_break_is_never_a_paragraph_and_a_published_text_keeps_its_own_head():
    text = ("国务院办公厅转发国家教委\n关于某某问题请示的通知\n国办发〔1996〕32号\n各省人民政府：\n"
            "国家教委《关于某某问题的请示》已经国务院批准，现转发给你们。\n国务院办公厅\n一九九六年七月十七日\n"
            "关于某某\n问题的请示\n国务院：\n一、逐年扩招\n扩大招生规模。\n国家教委\n一九九六年五月十三日\n")
    x, d = _doc(text)
    assert x.issue is None
    assert (d.title, d.date, d.issuer) == ("国务院办公厅转发国家教委关于某某问题请示的通知", "1996-07-17", "国务院办公厅")
    assert d.regulation.to_json() == {"title": "关于某某问题的请示", "provision_id": "reg"}
    assert d.provision("reg/sec1") is not None


def test_page_whose_article_sits_in_a_chrome_named_container():
    x = extract.parse(str(CORPUS / "html" / "print-container-notice.html"), recognize=False)
    d = x.documents[0]
    assert (d.title, d.doc_number, d.issuer, d.date) == (
        "某某县人民政府办公室关于做好2024年春季森林防火工作的通知", "某政办〔2024〕3号", "某某县人民政府办公室", "2024-02-20")
    assert [p.id for p in d.provisions] == ["preamble", "para1", "sec1", "sec2", "sec3", "closing"]
    assert "首页" not in x.text.clean and "版权所有" not in x.text.clean


@pytest.mark.parametrize("line,number", [
    ("1 范围", "cl1"), ("3.1 生成式人工智能服务", "cl3/cl1"), ("3.1.1 语料", "cl3/cl1/cl1")])
def test_standard_style_decimal_numbering(line, number):
    text = ("某某安全基本要求\n1 范围\n本文件规定了某某服务的基本要求。\n2 规范性引用文件\n下列文件中的内容通过引用构成本文件必不可少的条款。\n"
            "3 术语和定义\n3.1 生成式人工智能服务\n利用生成式人工智能技术提供服务。\n3.1.1 语料\n全部训练数据。\n")
    _, d = _doc(text)
    p = d.provision(number)
    assert p is not None and p.label == line.split()[0] and p.heading == line.split()[1]
    assert [p.id for p in d.provisions] == ["preamble", "cl1", "cl2", "cl3", "cl3/cl1", "cl3/cl1/cl1"]


def test_web_metadata_keys_are_kept_and_fill_what_the_text_lacks():
    html = ('<html><head><meta charset="utf-8"></head><body><table class="xxgk"><tr><td>名称：</td>'
            '<td>某某县人民政府关于某事的通知</td></tr><tr><td>发布机构：</td><td>某某县人民政府</td></tr>'
            '<tr><td>有效期：</td><td>2025年12月31日</td></tr><tr><td>废止日期：</td><td>暂无</td></tr>'
            '<tr><td>发文日期：</td><td>2024-03-01</td></tr></table>'
            '<div class="content"><p>各乡镇人民政府：</p><p>现将有关事项通知如下，请遵照执行。</p></div></body></html>')
    d = extract.parse(html.encode(), path="page.html", recognize=False).documents[0]
    assert d.metadata["有效期"] == "2025年12月31日" and d.metadata["废止日期"] == "暂无"
    assert (d.title, d.issuer, d.date) == ("某某县人民政府关于某事的通知", "某某县人民政府", "2024-03-01")


TEMPLATE = """一份公文文件

国防部发〔2012〕21号

国防部关于放假的通知
密级：秘密
各有关单位：
正文部分
联系人：xxxxx

                                    Xxxxxxxxxxxxx
                                   2012年12月12日

  抄送：教育局，教育局。
  分送：教育局，教育局。
 国防部                          2012年12月12日印发
                                                  共印2份
"""


def test_template_with_placeholders_labelled_secrecy_and_a_signature_naming_no_organ():
    """The shape of a format checker's GB/T 9704 template (its Word files hold this text)."""
    _, d = _doc(TEMPLATE)
    assert (d.title, d.doc_number, d.recipients, d.secrecy) == ("国防部关于放假的通知", "国防部发〔2012〕21号", ["各有关单位"], "秘密")
    assert (d.date, d.signature, d.issuer) == ("2012-12-12", "Xxxxxxxxxxxxx", "国防部")  # issuer from the title
    assert (d.cc, d.printed_by, d.printed_date, d.copies) == (["教育局", "教育局"], "国防部", "2012-12-12", 2)
    _, d = _doc("XXX〔2023〕X号\n测试公文标题\n本文件用于测试。\nBJTU单位\n（此处添加印章图片或文字说明）\n二〇二三年一月一日\n")
    assert (d.doc_number, d.title, d.issuer, d.date, d.note) == ("XXX〔2023〕X号", "测试公文标题", "BJTU单位", "2023-01-01", None)


STANDARD = """TC260
全国网络安全标准化技术委员会技术文件
TC260-003
生成式人工智能服务安全基本要求
Basic security requirements for generative artificial intelligence service
2024-02-29 发布
全国网络安全标准化技术委员会发布
目 次
前言.................................................................I
1 范围................................................................1
2 规范性引用文件......................................................1
前 言
本文件由全国网络安全标准化技术委员会提出。
1 范围
本文件规定了生成式人工智能服务在安全方面的基本要求。
2 规范性引用文件
下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。
"""


def test_standard_cover_and_table_of_contents():
    """The shape of a standard's cover (code, organ's 技术文件 mark, number, title, English title, dates)."""
    _, d = _doc(STANDARD)
    assert (d.title, d.doc_number, d.issuer, d.date, d.kind) == (
        "生成式人工智能服务安全基本要求", "TC260-003", "全国网络安全标准化技术委员会", "2024-02-29", "要求")
    assert [p.id for p in d.provisions] == ["preamble", "toc", "para1", "para2", "cl1", "cl2"]
    assert (d.provision("cl1").heading, d.provision("cl2").heading) == ("范围", "规范性引用文件")


def test_cli_dumps_the_head_elements_with_their_lines():
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "extract", "extract", "--dump-stage", "heads",
                           str(CORPUS / "formats" / "test_official.txt")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    rows = [line.split("\t") for line in proc.stdout.strip().split("\n")]
    assert [(r[1], r[2]) for r in rows] == [("1:1", "title"), ("3:1", "doc_number"), ("5:1", "recipients"),
                                            ("9:1", "attachment_note"), ("11:1", "signature"), ("12:1", "date"),
                                            ("14:1", "cc"), ("15:1", "printed")]
