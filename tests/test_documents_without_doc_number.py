"""Issues also print documents without a 文号: a government decree, a notice after another's date."""
import extract

ISSUE = """# 某某市人民政府 公 报

## 目 录

- 某某市人民政府令 ..... 1
- 某某市人民政府关于张三等同志职务任免的通知 ..... 5
- 某某市人民政府关于开展某项工作的通知 ..... 6

第 3 号(总第 100 号)

出版日期:2023年5月6日

# 某某市人民政府令

第 12 号

《某某市某某管理办法》已经2023年4月1日市人民政府第5次常务会议通过，现予公布，自2023年6月1日起施行。

市长 李四

2023年4月10日

## 某某市某某管理办法

第一条 为了规范某某管理，制定本办法。

第二条 本办法自2023年6月1日起施行。

某某市人民政府关于张三等同志职务任免的通知

各县（市、区）人民政府，市人民政府各部门：

经市人民政府研究决定：

任命张三为市某某局局长。

某某市人民政府

2023年4月20日

# 某某市人民政府 关于开展某项工作的通知

某政〔2023〕9号

各县（市、区）人民政府，市人民政府各部门：

一、工作目标

做好某项工作。

某某市人民政府

2023年4月25日
"""


def test_decree_and_notice_without_doc_number():
    x = extract.parse(ISSUE, path="issue.md")
    assert [(d.title, d.doc_number, d.date) for d in x.documents] == [
        ("某某市人民政府令", "某某市人民政府令第12号", "2023-04-10"),
        ("某某市人民政府关于张三等同志职务任免的通知", None, "2023-04-20"),
        ("某某市人民政府关于开展某项工作的通知", "某政〔2023〕9号", "2023-04-25"),
    ]
    decree = x.documents[0]
    assert (decree.issuer, decree.signature) == ("某某市人民政府", "市长 李四")
    assert decree.regulation.to_json() == {"title": "某某市某某管理办法", "provision_id": "reg"}
    assert [p.id for p in decree.provisions if p.level == "article"] == ["reg/art1", "reg/art2"]
    assert x.documents[1].recipients == ["各县（市、区）人民政府", "市人民政府各部门"]
    assert [e.document_id for e in x.issue.toc] == [d.id for d in x.documents]


def test_a_published_regulation_is_not_a_new_document():
    text = ("# 某市人民政府办公室关于印发某某办法的通知\n\n某政办〔2023〕1号\n\n各县（市、区）人民政府：\n\n"
            "现将《某某办法》印发给你们。\n\n某市人民政府办公室\n\n2023年1月5日\n\n# 某某办法\n\n第一条 为了规范管理，制定本办法。\n")
    x = extract.parse(text, path="n.md")
    assert len(x.documents) == 1 and x.documents[0].regulation.title == "某某办法"
