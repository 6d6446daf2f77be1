"""Government web pages: the document without the site around it, the metadata table in the document's
fields, GBK pages. Pages in corpus/html/ are written in the shapes such sites use."""
import json
import re
import subprocess
import sys

import pytest

import extract
from conftest import CORPUS, SEED

TONGREN = CORPUS / "html" / "tongren-2020-33.html"
SANMENXIA = CORPUS / "html" / "sanmenxia-2022-19-gbk.html"
CHROME = ("首页", "政务公开", "当前位置", "分享到", "微博", "打印本页", "关闭窗口", "相关文章", "ICP", "网站标识码",
          "浏览次数", "字号：", "搜索", "欢迎访问", "_市政府文件_")  # the chrome of the Tongren page
CHROME_OLD_SITE = ("网站首页", "您现在的位置", "政府文件", "部门文件", "财政预决算", "发布时间", "字体", "打印本页",
                   "关闭窗口", "版权所有", "豫ICP备", "-三门峡市人民政府")


def norm(s):
    return re.sub(r"\s", "", s or "")


@pytest.fixture(scope="module")
def tongren():
    return extract.parse(str(TONGREN), recognize=False)


@pytest.fixture(scope="module")
def sanmenxia():
    return extract.parse(str(SANMENXIA), recognize=False)


def test_metadata_table_is_mapped_into_the_document(tongren):
    d = tongren.documents[0]
    assert d.metadata == {"索引号": "000014349/2020-00412", "主题分类": "综合政务", "发文机关": "铜仁市人民政府",
                          "发文字号": "铜政发〔2020〕33号", "成文日期": "2020年10月26日",
                          "发布日期": "2020年10月28日", "有效性": "有效"}
    assert (d.title, d.doc_number, d.issuer, d.date, d.signature) == (
        "铜仁市人民政府关于进一步加强城市生活垃圾分类工作的通知", "铜政发〔2020〕33号", "铜仁市人民政府", "2020-10-26",
        "铜仁市人民政府")
    assert d.recipients == ["各区（县）人民政府", "铜仁高新区、大龙开发区管委会", "市政府各工作部门"]
    assert tongren.text.clean.startswith(
        "索引号 | 000014349/2020-00412 | 主题分类 | 综合政务 | 发文机关 | 铜仁市人民政府 | 发文字号 | "
        "铜政发〔2020〕33号 | 成文日期 | 2020年10月26日 | 发布日期 | 2020年10月28日 | 有效性 | 有效\n\n"
        "铜仁市人民政府关于进一步加强城市生活垃圾分类工作的通知\n\n铜政发〔2020〕33号\n\n各区（县）")


def test_article_body_without_site_chrome(tongren):
    t = tongren.text
    assert t.format == "html" and t.encoding == "utf-8"
    for word in CHROME:
        assert word not in t.clean, word
        assert word in t.source, word  # read, then removed
    markup = "".join(r.raw for r in t.removals if r.kind == "markup")
    assert "分享到" in markup and "黔ICP备" in markup and "铜仁市召开城市生活垃圾分类工作推进会" in markup
    assert "var _hmt" not in t.source and "text-indent" not in t.source  # scripts and styles are not text
    assert t.clean.rstrip().endswith("铜仁市人民政府\n\n2020年10月26日")


def test_paragraphs_and_provisions(tongren):
    d = tongren.documents[0]
    assert [p.id for p in d.provisions] == [
        "preamble", "para1", "sec1", "sec2", "sec2/item1", "sec2/item2", "sec2/item3", "sec3", "sec3/item1",
        "sec3/item2", "sec3/item2/para2", "closing"]
    assert d.provision("sec2/item1").text == (
        "（一）建立分类投放体系。各区（县）要按照“有害垃圾、可回收物、厨余垃圾、其他垃圾”四类标准，设置分类投放设施。"
        "（责任单位：市住房城乡建设局，各区〔县〕人民政府）\n\n")
    indents = [r for r in tongren.text.removals if r.kind == "layout"]
    assert len(indents) == 11 and all(r.raw == "\u3000\u3000" for r in indents)


def test_html_text_is_lossless(tongren, sanmenxia):
    for x in (tongren, sanmenxia):
        pieces = [(p.start, p.text) for d in x.documents for p in d.provisions]
        assert x.text.restore(pieces) == x.text.source


def test_gbk_page(sanmenxia):
    t = sanmenxia.text
    assert t.encoding == "gb18030"
    assert "澠池县" in t.clean and "“四上”" in t.clean  # a GBK-only character; &ldquo; &rdquo; resolved
    d = sanmenxia.documents[0]
    assert d.metadata["发文字号"] == "三政办〔2022〕19号"
    assert d.metadata["索引号"] == "11411200MB1504625L/2022-00019"
    assert d.title == "三门峡市人民政府办公室关于印发三门峡市培育和激发市场主体活力十项措施的通知"  # over a <br>
    for word in CHROME_OLD_SITE:
        assert word not in t.clean, word
        assert word in t.source, word


def test_gbk_page_gives_the_gazettes_provision_tree(sanmenxia):
    """The same notice as printed in the seed gazette: the same provisions, texts and attachment table."""
    gazette = extract.parse(str(SEED), recognize=False).documents[4]
    d = sanmenxia.documents[0]
    assert (d.doc_number, d.title, d.date, d.issuer, d.recipients, d.regulation, d.attachments) == (
        gazette.doc_number, gazette.title, gazette.date, gazette.issuer, gazette.recipients, gazette.regulation,
        gazette.attachments)
    assert [(p.id, p.parent, p.level, p.label) for p in d.provisions] == \
        [(p.id, p.parent, p.level, p.label) for p in gazette.provisions]
    for a, b in zip(gazette.provisions[1:], d.provisions[1:]):
        assert norm(b.text) == norm(a.text), a.id
    assert d.provision("att1").table == gazette.provision("att1").table


def page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}<title>标题_某某网</title></head><body>{body}</body></html>".encode()


def test_entities_indents_and_a_title_repeated_in_the_body():
    html = page('<div class="nav"><a href="/">首页</a></div><h2 class="title">关于做好春节假期安全工作的通知</h2>'
                '<div class="content"><p align="center">关于做好春节假期安全工作的通知</p>'
                '<p>各乡镇人民政府，县直各单位：</p>'
                '<p>&nbsp;&nbsp;&nbsp;&nbsp;春节将至，为确保&ldquo;平安春节&rdquo;，现就有关事项通知如下：</p>'
                '<p>&nbsp;&nbsp;&nbsp;&nbsp;一、加强值班值守。严格执行24小时值班&amp;领导带班制度。</p>'
                '<p>&nbsp;&nbsp;&nbsp;&nbsp;二、做好安全检查。</p>'
                '<p style="text-align:right">某某县人民政府办公室</p><p style="text-align:right">2024年2月1日</p>'
                '</div><div class="footer">版权所有</div>')
    x = extract.parse(html, path="notice.html", recognize=False)
    assert x.text.clean == (
        "关于做好春节假期安全工作的通知\n\n各乡镇人民政府，县直各单位：\n\n"
        "春节将至，为确保“平安春节”，现就有关事项通知如下：\n\n一、加强值班值守。严格执行24小时值班&领导带班制度。\n\n"
        "二、做好安全检查。\n\n某某县人民政府办公室\n\n2024年2月1日\n")
    d = x.documents[0]
    assert (d.title, d.date, d.signature) == ("关于做好春节假期安全工作的通知", "2024-02-01", "某某县人民政府办公室")
    assert [p.id for p in d.provisions] == ["preamble", "para1", "sec1", "sec2", "closing"]


def test_declared_charset_that_does_not_fit_falls_back_to_detection():
    body = "<div id='zoom'><p>第一条　本办法自发布之日起施行。</p><p>第二条　本办法由市人民政府负责解释。</p></div>"
    data = page(body, head='<meta charset="gbk">')  # but the bytes are UTF-8
    x = extract.parse(data, path="mislabelled.html", recognize=False)
    assert x.text.encoding == "utf-8"
    assert [p.label for p in x.documents[0].provisions if p.label] == ["第一条", "第二条"]


def test_gb2312_declared_in_http_equiv():
    body = "<div class='article'><p>第一条　澠池县的规定。</p><p>第二条　自发布之日起施行。</p></div>"
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=GB2312"></head>'
            f"<body>{body}</body></html>")
    x = extract.parse(html.encode("gbk"), path="old.htm", recognize=False)
    assert x.text.encoding == "gb18030"
    assert "第一条　澠池县的规定。" in x.text.clean


def test_cli_reads_a_web_page():
    proc = subprocess.run([sys.executable, "-m", "extract", "extract", "--no-values", str(TONGREN)],
                          capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert data["source"]["format"] == "html"
    assert data["documents"][0]["doc_number"] == "铜政发〔2020〕33号"
    assert data["documents"][0]["metadata"]["有效性"] == "有效"
