"""Citations: 《title》（文号）, a 《title》 of a law or document, a bare 文号, 国务院令第773号."""
import pytest

from extract.recognize.citations import find_citations

CASES = [
    ("为贯彻落实《河南省人民政府办公厅关于印发河南省进一步释放消费潜力促进消费持续恢复实施方案的通知》（豫政办〔2022〕63号），加快",
     [("河南省人民政府办公厅关于印发河南省进一步释放消费潜力促进消费持续恢复实施方案的通知", "豫政办〔2022〕63号")]),
    ("落实市商务局等 15 部门印发的《三门峡市关于加强县域商业体系建设促进农村消费实施方案》（三商务〔2022〕24 号）",
     [("三门峡市关于加强县域商业体系建设促进农村消费实施方案", "三商务〔2022〕24号")]),
    ("根据《国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见》（国办发〔2021〕14号）和"
     "《河南省人民政府办公厅关于建立健全职工基本医疗保险门诊共济保障机制的实施意见》（豫政办〔2022〕15号）",
     [("国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见", "国办发〔2021〕14号"),
      ("河南省人民政府办公厅关于建立健全职工基本医疗保险门诊共济保障机制的实施意见", "豫政办〔2022〕15号")]),
    ("严格执行《河南省绿色建筑条例》", [("河南省绿色建筑条例", None)]),
    ("《国务院关于修改〈全国年节及纪念日放假办法〉的决定》", [("国务院关于修改〈全国年节及纪念日放假办法〉的决定", None)]),
    ("根据三政[2023] 5 号文件", [(None, "三政〔2023〕5号")]),
    ("依据国务院令第773号", [(None, "国务院令第773号")]),
    ("积极推广蒲剧《红色信仰》《布衣英雄》、豫剧《天鹅梦》", []),  # plays, not documents
]


@pytest.mark.parametrize("text,expected", CASES, ids=[str(i) for i in range(len(CASES))])
def test_citations(text, expected):
    found = find_citations(text)
    assert [(f.data["title"], f.data["doc_number"]) for f in found] == expected
    for f in found:
        assert text[f.start:f.end] == f.raw
