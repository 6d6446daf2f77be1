"""The vocabulary of bodies by level (extract/data/unit_bodies_*.tsv/txt) and what it changes in the unit
recogniser, on sentences of laws, regulations and rules outside the evaluation set (LawRefBook's 行政法规,
部门规章, 诉讼法 and DLC local regulations of Henan, Shandong, Chongqing and Zhejiang)."""
from collections import Counter

import pytest

from extract.lexicon import vocab
from extract.recognize.unit_names import Prefix, bodies, canonical, keeps_own_name, split_names
from extract.recognize.units import find_units

KINDS = {"组成部门", "直属特设机构", "直属机构", "办事机构", "直属事业单位", "国家局", "中央机构", "流域管理机构", "former"}


def roles(text, place=None):
    return [(f.data["name"], f.data["role"]) for f in find_units(text, place=place) if f.scope is None]


def test_the_state_councils_26_constituent_departments():
    rows = vocab.rows("unit_bodies_central.tsv")
    assert {r[1] for r in rows} <= KINDS
    standard = {r[2] for r in rows if r[1] == "组成部门"}
    assert len(standard) == 26
    assert {"国家发展改革委", "人力资源社会保障部", "住房城乡建设部", "国家卫生健康委", "人民银行", "审计署"} <= standard
    # every standard short name is itself a printed form, under the same kind
    printed = {(r[0], r[1]) for r in rows}
    assert all((r[2], r[1]) in printed for r in rows)
    assert not [name for name, n in Counter(r[0] for r in rows).items() if n > 1]


def test_local_stems_give_the_name_of_each_level():
    local = bodies()["local"]
    assert {"公安厅", "公安局", "发展改革委", "发改委", "人力资源社会保障厅", "人社局", "卫生健康委", "政协",
            "人大常委会"} <= local
    assert {"街道办事处", "司法所", "市场监督管理所", "管委会"} <= bodies()["dispatched"]


NAMES = [
    # a body's name with 和 is one body
    ("国家林业和草原局", ["国家林业和草原局"]),
    ("中华人民共和国邮电部", ["中华人民共和国邮电部"]),
    ("国家发展和改革委员会、国家卫生和计划生育委员会", ["国家发展和改革委员会", "国家卫生和计划生育委员会"]),
    # a department's name although it ends like a word (安全部 ends in 全部)
    ("公安部、国家安全部", ["公安部", "国家安全部"]),
    # bodies that end without a usual suffix
    ("国务院研究室", ["国务院研究室"]),
    ("市政协、市人大常委会", ["市政协", "市人大常委会"]),
    # 公安厅、局: a province's 厅 or a municipality's 局
    ("省、自治区、直辖市公安厅、局", ["省、自治区、直辖市公安厅", "省、自治区、直辖市公安局"]),
    # the end of 居（村）民委员会 is not a name
    ("村）民委员会", None),
]


@pytest.mark.parametrize("text,expected", NAMES, ids=[c[0] for c in NAMES])
def test_names(text, expected):
    found = split_names(text, 0, len(text))
    assert (None if found is None else [n for _, _, n in found]) == expected


def test_a_body_outside_the_government_takes_a_place_but_not_a_government():
    assert canonical("总工会", Prefix(level="市")) == "市总工会"
    assert canonical("工会", Prefix(level="县级以上人民政府")) == "工会"
    assert canonical("民政部门", Prefix(level="县级以上人民政府")) == "县级以上人民政府民政部门"


def test_a_central_body_keeps_its_name_in_a_list_of_local_units():
    assert canonical("人民银行", Prefix(level="市")) == "人民银行"
    assert canonical("人民银行青岛市中心支行", Prefix(level="市")) == "人民银行青岛市中心支行"
    assert canonical("财政局", Prefix(level="市")) == "市财政局"
    assert keeps_own_name("国家统计局") and not keeps_own_name("公安部门") and not keeps_own_name("统计局")


SENTENCES = [
    # 行政法规/金银管理条例(2011-01-08) 第二十四条
    ("第二十四条 国家允许个人邮寄金银饰品，具体管理办法由中国人民银行会同中华人民共和国邮电部制定。",
     [("中国人民银行", "lead"), ("中华人民共和国邮电部", "support")]),
    # 诉讼与非诉讼程序法/引渡法(2000-12-28) 第四十七条: 司法部|分别, not 司法 + 部分
    ("最高人民法院、最高人民检察院、公安部、国家安全部、司法部分别会同外交部审核同意后，通过外交部向外国提出请求。",
     [("最高人民法院", "lead"), ("最高人民检察院", "lead"), ("公安部", "lead"), ("国家安全部", "lead"),
      ("司法部", "lead"), ("外交部", "support")]),
    # 部门规章/公安部/机动车登记规定(2021-12-17) 第八十二条
    ("第八十二条 省、自治区、直辖市公安厅、局可以根据本地区的实际情况，在本规定的处罚幅度范围内，制定具体的执行标准。",
     [("省、自治区、直辖市公安厅", "responsible"), ("省、自治区、直辖市公安局", "responsible")]),
    # DLC/重庆/重庆市地方立法条例(2017-01-19) 第七十九条: 市人大常委会, not 市人大常委 + 会…
    ("第七十九条 市人大常委会可以组织市人大有关专门委员会和市人大常委会工作机构，根据各自职责范围对法规进行清理并提出意见，"
     "也可以委托高等院校、科研机构对法规进行清理并提出意见。",
     [("市人大常委会", "responsible")]),
    # DLC/浙江/浙江省实施《消费者权益保护法》办法(2017-03-31): a township's 市场监督管理所
    ("设区的市和县（市、区）人民政府市场监督管理部门应当设立或者指定保护消费者权益的专门机构，乡（镇）、街道市场监督管理所"
     "应当确定保护消费者权益的专门人员，开展消费者权益保护工作。",
     [("设区的市和县（市、区）人民政府市场监督管理部门", "responsible"), ("乡（镇）、街道市场监督管理所", "responsible")]),
    # DLC/河南/三门峡市城市环境卫生管理条例(2019-01-15) 第九条: no 村）民委员会, no 提倡…
    ("第九条 居（村）民委员会和居（村）民应当积极参与环境卫生治理工作，提倡居（村）民委员会制定环境卫生公约，"
     "创建环境优美、整洁、文明社区。", []),
    # DLC/山东/临沂市献血条例(2019-02-12): a list closed by a category (等群团组织) ends there
    ("工会、共产主义青年团、妇女联合会、科学技术协会、红十字会、工商业联合会等群团组织，应当积极参与、推动献血宣传工作。",
     [("工会", "support"), ("共产主义青年团", "support"), ("妇女联合会", "support"), ("科学技术协会", "support"),
      ("红十字会", "support"), ("工商业联合会", "support")]),
    # 行政法规/劳动合同法实施条例(2008-09-18) 第二条: a union never takes a government's level
    ("第二条 各级人民政府和县级以上人民政府劳动行政等有关部门以及工会等组织，应当采取措施，推动劳动合同法的贯彻实施，"
     "促进劳动关系的和谐。",
     [("各级人民政府", "responsible"), ("县级以上人民政府劳动行政部门", "responsible"), ("工会", "responsible")]),
    # DLC/山东/青岛市税收征收协助条例(2014-01-15): branches named after their place keep their names
    ("人民法院、人民银行青岛市中心支行、青岛证监局、青岛海事局、青岛海关、青岛市通信管理局等单位按照各自职责，"
     "对税务机关的税收征收工作提供协助。",
     [("人民法院", "responsible"), ("人民银行青岛市中心支行", "responsible"), ("青岛证监局", "responsible"),
      ("青岛海事局", "responsible"), ("青岛海关", "responsible"), ("青岛市通信管理局", "responsible")]),
]


@pytest.mark.parametrize("text,expected", SENTENCES, ids=[c[0][:16] for c in SENTENCES])
def test_sentences(text, expected):
    assert roles(text) == expected
