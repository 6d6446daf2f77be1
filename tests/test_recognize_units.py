"""Responsible units: lists, prefixes, aliases, placeholders, scope rules, prose roles."""
import pytest

from extract.recognize.units import find_units


def names(text, place="三门峡", regulation=False):
    return [(f.data["name"], f.data["role"]) for f in find_units(text, place=place, regulation=regulation)
            if f.scope is None]


LISTS = [
    ("（责任单位：市税务局、财政局）", ["市税务局", "市财政局"]),
    ("(责任单位:市住房城乡建设局,各区〔县〕人民政府)", ["市住房城乡建设局", "各区〔县〕人民政府"]),
    ("（责任单位：市委宣传部、市文化广电旅游局、人力资源社会保障局）", ["市委宣传部", "市文化广电旅游局", "市人力资源社会保障局"]),
    ("（责任单位：市政府国资委、住房城乡建设局、市场监管局、三门峡供电公司）",
     ["市政府国资委", "市住房城乡建设局", "市市场监管局", "三门峡供电公司"]),
    ("（责任单位：市金融局、人行三门峡市中心支行、三门峡银保监分局）", ["市金融局", "人行三门峡市中心支行", "三门峡银保监分局"]),
    ("（责任单位：市财政局、市场监管局，各县〔市、区〕政府）", ["市财政局", "市市场监管局", "各县〔市、区〕政府"]),
    ("（责任单位：市农业农村局、乡村振兴局、体育局）", ["市农业农村局", "市乡村振兴局", "市体育局"]),
    ("（责任单位：市发改委、人社局）", ["市发展改革委", "市人力资源社会保障局"]),  # aliases
    ("（责任单位：县财政局、发改委）", ["县财政局", "县发展改革委"]),
    ("（责任单位：市发展改革委、\n\n商务局、文化广电旅游局)", ["市发展改革委", "市商务局", "市文化广电旅游局"]),
    ("（责任单位：市政府有关部门）", ["市政府有关部门"]),
    ("(市发展改革委,各县〔市、区〕政府)", ["市发展改革委", "各县〔市、区〕政府"]),  # a bare closing list
]


@pytest.mark.parametrize("text,expected", LISTS, ids=[c[0][:20] for c in LISTS])
def test_list(text, expected):
    assert names(text) == [(n, "responsible") for n in expected]


def test_spans_are_the_names_as_printed():
    text = "（责任单位：市税务局、财政局）"
    assert [(f.raw, text[f.start:f.end]) for f in find_units(text)] == [("市税务局", "市税务局"), ("财政局", "财政局")]


def test_scope_rule():
    text = ("（责任单位：市税务局、财政局，以下均含各县〔市、区〕政府和城乡一体化示范区、经济开发区、"
            "现代服务业开发区管委会，不再逐一列出）")
    found = find_units(text, place="三门峡")
    assert [f.data["name"] for f in found if f.scope is None] == ["市税务局", "市财政局"]
    assert [f.data["name"] for f in found if f.scope == "later"] == [
        "各县〔市、区〕政府", "城乡一体化示范区管委会", "经济开发区管委会", "现代服务业开发区管委会"]


def test_lead_and_support():
    assert names("（牵头单位：市发展改革委；配合单位：市财政局、商务局）") == [
        ("市发展改革委", "lead"), ("市财政局", "support"), ("市商务局", "support")]
    assert names("由市发展改革委牵头，市财政局、市商务局配合") == [
        ("市发展改革委", "lead"), ("市财政局", "support"), ("市商务局", "support")]


PROSE = [
    ("第四条 市、县（市、区）人民政府环境卫生行政主管部门负责本辖区内环境卫生管理工作。",
     "市、县（市、区）人民政府环境卫生行政主管部门"),
    ("县级以上人民政府环境卫生行政主管部门负责本行政区域的环境卫生管理工作。", "县级以上人民政府环境卫生行政主管部门"),
    ("第十条 印花税由税务机关负责征收管理。", "税务机关"),
    ("第六条 市、县（市、区）人民政府自然资源主管部门对本行政区域内山体保护工作实施统一的监督管理。",
     "市、县（市、区）人民政府自然资源主管部门"),
    ("县级以上人民政府林业行政主管部门是白天鹅及其栖息地保护的主管部门，负责本行政区域内白天鹅保护工作。",
     "县级以上人民政府林业行政主管部门"),
    ("医疗保障行政部门（以下简称医保部门）负责统筹推进医疗保障制度改革。", "医疗保障行政部门"),
]


@pytest.mark.parametrize("text,name", PROSE, ids=[c[1] for c in PROSE])
def test_competent_department(text, name):
    # the sentences are regulations' (a notice's X负责… is one task: test_a_notice_s_fuze_is_one_task)
    assert names(text, place=None, regulation=True) == [(name, "competent")]


NOT_UNITS = [
    # bodies the text does not name, with a level (docs/golden.md): no unit
    "国务院有关部门依照本法和有关法律、行政法规的规定，在各自职责范围内负责个人信息保护和监督管理工作。",
    "个人信息处理者应当对其个人信息处理活动负责。",
    "对直接负责的主管人员和其他直接责任人员依法给予处分。",
    "召集人：吕大伟（市政府副秘书长、市政府办公室主任）",
    "（乡镇卫生院、社区医疗机构等）",
    "各县（市、区）人民政府，城乡一体化示范区、经济开发区管理委员会，市人民政府各部门：",  # recipients
    "三门峡市人民政府\n2023年1月10日",  # a signature
    "加大政府绿色采购力度，完善社区生活网点布局，支持工会为职工办理景区通卡。",
    "引导批发零售企业举办线上促销活动。",
    "所需奖补资金市级财政负担60%。",
]


@pytest.mark.parametrize("text", NOT_UNITS)
def test_not_a_unit(text):
    assert names(text) == []


def test_a_list_under_a_level_phrase_shares_the_whole_level():
    # held-out 女职工劳动保护特别规定 第十二条
    from extract.recognize.units import find_units

    text = "县级以上人民政府人力资源社会保障行政部门、安全生产监督管理部门按照各自职责负责对用人单位遵守本规定的情况进行监督检查。"
    assert [f.data["name"] for f in find_units(text)] == [
        "县级以上人民政府人力资源社会保障行政部门", "县级以上人民政府安全生产监督管理部门"]


def test_unit_acting_under_another_bodys_leadership():
    # held-out 北京市控制吸烟条例 第五条
    from extract.recognize.units import find_units

    text = "本市各级爱国卫生运动委员会在本级人民政府领导下，负责组织、协调、指导相关行政部门的控制吸烟工作。"
    assert [(f.data["name"], f.data["role"]) for f in find_units(text, regulation=True)] == \
        [("本市各级爱国卫生运动委员会", "competent")]
    assert [f.data["name"] for f in find_units("市财政局在市人民政府统一领导下，负责资金保障工作。")] == ["市财政局"]


def test_a_principle_is_not_a_unit():
    # held-out 北京市控制吸烟条例 第三条: 政府管理、单位负责、个人守法 names roles in a principle
    from extract.recognize.units import find_units

    assert find_units("实行政府管理、单位负责、个人守法、社会监督的原则。") == []


@pytest.mark.parametrize("text,expected", [
    # labels other producers print (govcn-56: 负责部门; others of the same kind)
    ("（负责部门：商务部、海关总署、财政部、税务总局）", [("商务部", "responsible"), ("海关总署", "responsible"),
                                          ("财政部", "responsible"), ("税务总局", "responsible")]),
    ("（负责单位：省财政厅）", [("省财政厅", "responsible")]),
    ("（主责单位：市财政局；协同单位：市税务局）", [("市财政局", "responsible"), ("市税务局", "support")]),
])
def test_other_list_labels(text, expected):
    assert names(text, place=None) == expected


def test_another_key_ends_a_labelled_list():
    """govcn-56: （负责部门：X；适用范围：Y） – 适用范围 is not a unit of the list."""
    assert names("（负责部门：人民银行，适用范围：福建自贸试验区）", place=None) == [("人民银行", "responsible")]
    assert names("（负责部门：商务部、海关总署；适用范围：所有自贸试验区，以下除标注适用于特定自贸试验区的措施外，"
                 "适用范围均为所有自贸试验区）", place=None) == [("商务部", "responsible"), ("海关总署", "responsible")]


def test_the_competent_unit_of_a_field():
    assert names("国务院办公厅是全国政务新媒体工作的主管单位。", place=None) == [("国务院办公厅", "competent")]


def test_each_level_is_shared_by_the_list_but_not_by_a_quantified_name():
    assert names("各级人民政府、监察委员会、人民法院、人民检察院应当加强常态化扫黑除恶工作。", place=None) == [
        ("各级人民政府", "responsible"), ("各级监察委员会", "responsible"), ("各级人民法院", "responsible"),
        ("各级人民检察院", "responsible")]
    assert names("地方各级政府、各有关部门要充分认识清理整顿社会团体工作的重要性。", place=None) == [
        ("地方各级政府", "responsible")]  # the name as printed


def test_names_that_only_look_like_a_preposition():
    """经济和信息化部门 starts with 经 (as 经…批准 does), a name of one domain with 和 inside; 按照职责分工 is
    an adverbial before 做好 (shandong meteorological facilities, dev)."""
    assert names("发展改革、经济和信息化、国土资源等有关部门按照职责分工做好气象设施保护工作。", place=None) == [
        ("发展改革部门", "support"), ("经济和信息化部门", "support"), ("国土资源部门", "support")]
    assert names("民政、卫生和计生、公安等部门，按照各自职责，做好家庭教育相关工作。", place=None) == [
        ("民政部门", "support"), ("卫生和计生部门", "support"), ("公安部门", "support")]
    assert names("经批准的单位负责。", place=None) == []
