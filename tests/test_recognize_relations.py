"""Relations to cited documents, sentence by sentence (exact expectations written by hand)."""
import extract
from conftest import CORPUS
from extract.recognize.citations import find_citations
from extract.recognize.relations import find_relations


def _relations(text):
    return [(f.data["relation"], f.data["doc_number"], f.data["title"]) for f in find_relations(text, find_citations(text))]


def test_one_relation_per_cited_document_in_its_sentence():
    text = ("修订后的《某某实施细则》已经市政府常务会议审议通过，现印发给你们。"
            "《某某市人民政府办公室关于印发某某实施细则的通知》（某政办〔2022〕18号）同时废止。")
    assert _relations(text) == [
        ("amends", None, "某某实施细则"),  # the notice prints X revised: it amends X
        ("repeals", "某政办〔2022〕18号", "某某市人民政府办公室关于印发某某实施细则的通知"),
    ]


def test_extension_with_words_between():
    assert _relations("关于延长《某某十项措施》有效期的通知") == [("extends", None, "某某十项措施")]
    assert _relations("《关于某事的通知》（国办发〔2016〕82号）有效期延长至2025年12月31日。") == [
        ("extends", "国办发〔2016〕82号", "关于某事的通知")]


def test_no_relation_without_a_citation_or_a_word():
    assert _relations("各单位要认真贯彻执行《某某办法》。") == []
    assert _relations("本办法自2023年1月1日起废止。") == []


def test_the_next_issue_states_its_relations():
    x = extract.parse(str(CORPUS / "diff" / "sanmenxia-gazette-2023-03.md"))
    got = {d.id: sorted({(r.relation, r.doc_number) for r in d.relations() if r.doc_number}) for d in x.documents}
    assert got == {"三政〔2023〕3号": [], "三政办〔2023〕9号": [("repeals", "三政办〔2022〕18号")],
                   "三政办〔2023〕10号": [("extends", "三政办〔2022〕19号")],
                   "三政办〔2023〕12号": [("repeals", "三政办文〔2023〕2号")]}


def test_words_inside_a_cited_title_and_amendment_history_are_not_relations():
    # a law's history line: the decision amended this law, not the reverse
    assert _relations("根据2009年8月27日《全国人民代表大会常务委员会关于修改部分法律的决定》第一次修正") == []
    assert _relations("2017年11月23日上海市第十四届人民代表大会常务委员会第四十一次会议《关于修改本市部分地方性法规的决定》第二次修正") == []
    assert _relations("2000年某某会议关于修改《上海市实施〈土地管理法〉办法》的决定第一次修正") == []
    assert _relations("第二次修订的《中华人民共和国公司法》施行后") == []
    assert _relations("对《某某规定》作如下修改：") == [("amends", None, "某某规定")]
    # 废止 belongs to the cited decision's title
    assert _relations("依照《国务院关于废止部分行政法规的决定》办理。") == []
    assert _relations("《国务院关于废止部分行政法规的决定》（国务院令第516号）同时废止。") == [
        ("repeals", "国务院令第516号", "国务院关于废止部分行政法规的决定")]
