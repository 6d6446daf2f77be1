"""Deadlines: wording -> kind and ISO date at the precision written; dates without deadline wording are not."""
import pytest

from extract.recognize.dates import find_deadlines

CASES = [
    ("政策执行期限至2024年12月31日。", "至2024年12月31日", "until", "2024-12-31"),
    ("延长政策执行期限至 2023 年 4 月 30 日。", "至 2023 年 4 月 30 日", "until", "2023-04-30"),
    ("可自愿缓缴至 2023 年年底补缴", "至 2023 年年底", "until", "2023-12-31"),
    ("截至 2022 年 5 月 30 日 实有(户)", "截至 2022 年 5 月 30 日", "until", "2022-05-30"),
    ("2023年年底前完成", "2023年年底前", "by", "2023-12-31"),
    ("12月25日前报送", "12月25日前", "by", "2023-12-25"),  # no year: the document's
    ("年底前完成", "年底前", "by", "2023-12-31"),
    ("于2023年6月底前完成", "于2023年6月底前", "by", "2023-06-30"),
    ("一九四九年九月底以前参加革命工作的", "一九四九年九月底以前", "by", "1949-09-30"),
    ("到 2025 年，80%的县级", "到 2025 年", "by", "2025"),
    ("2022 年年末目标", "2022 年年末", "by", "2022-12-31"),
    ("自2022年起免收3个月房租", "自2022年起", "from", "2022"),
    ("自 2022 年 1 月 1 日起，将困难群众", "自 2022 年 1 月 1 日起", "from", "2022-01-01"),
    ("本实施细则自2022年7月1日起施行。", "自2022年7月1日起施行", "effective", "2022-07-01"),
    ("本法自一九九七年十月一日起施行。", "自一九九七年十月一日起施行", "effective", "1997-10-01"),
    ("本细则自发布之日起施行。", "自发布之日起施行", "effective", "2023-01-10"),
    ("本规定从发布之日起施行。", "从发布之日起施行", "effective", "2023-01-10"),
    ("2002年12月1日 施行", "2002年12月1日 施行", "effective", "2002-12-01"),
    ("本措施自发布之日起执行，有效期至 2024 年 12 月 31 日。", "有效期至 2024 年 12 月 31 日", "expires", "2024-12-31"),
]


@pytest.mark.parametrize("text,raw,kind,date", CASES, ids=[c[1] for c in CASES])
def test_deadline(text, raw, kind, date):
    found = [f for f in find_deadlines(text, doc_date="2023-01-10") if f.raw == raw]
    assert len(found) == 1, [f.raw for f in find_deadlines(text, doc_date="2023-01-10")]
    f = found[0]
    assert (f.data["kind"], f.data["date"]) == (kind, date)
    assert text[f.start:f.end] == raw


def test_recurring():
    (f,) = find_deadlines("每月30日前报送", doc_date="2023-01-10")
    assert f.data == {"date": None, "kind": "recurring", "recurrence": "monthly", "day": 30}


def test_within_is_relative():
    (f,) = find_deadlines("允许在 6 个月内补缴欠费", doc_date="2023-01-10")
    assert f.raw == "6 个月内"
    assert f.data == {"date": None, "kind": "within", "duration": {"value": 6, "unit": "month"}}


def test_within_in_chinese_numerals():
    (f,) = find_deadlines("自收到申请之日起五个工作日内作出决定")
    assert f.data["duration"] == {"value": 5, "unit": "workday"}


def test_date_without_year_and_no_document_date():
    (f,) = find_deadlines("12月25日前报送")
    assert f.data["date"] is None


NOT_DEADLINES = [
    "三门峡市人民政府\n\n2023年1月10日\n\n",  # a signature date
    "2016年8月18日 三门峡市第六届人民代表大会常务委员会第三十三次会议通过",  # a law's history line
    "2022年，全市财税系统坚持",  # a year in running text
    "对2022年新办理营业执照",
    "2022 年度国家专精特新企业",
    "工作人员病假在两个月以内的",  # a bounded quantity (a threshold), not a time limit
    "出版日期:2023年3月6日",
]


@pytest.mark.parametrize("text", NOT_DEADLINES)
def test_not_a_deadline(text):
    assert find_deadlines(text, doc_date="2023-01-10") == []


# Deadlines printed other ways (issue 12), on sentences of notices outside the tuning set.
MORE = [
    ("请于3月31日、6月30日、9月30日前报送进展情况。", [("2022-03-31", "by"), ("2022-06-30", "by"), ("2022-09-30", "by")]),
    ("二○二二年六月六日前完成。", [("2022-06-06", "by")]),
    ("第一季度末前完成摸底，上半年完成建设，年底前全面验收。",
     [("2022-03-31", "by"), ("2022-06-30", "by"), ("2022-12-31", "by")]),
    ("2023年第二季度末前完成。", [("2023-06-30", "by")]),
    ("清理整顿时限是1997年4月―1998年2月。", [("1997-04", "from"), ("1998-02", "until")]),
    ("1997年4―6月，由社会团体自查。", [("1997-04", "from"), ("1997-06", "until")]),
    ("2020年起，每年2月底前完成，3月底前上报。", [("2020", "from")]),  # the yearly dates recur
    ("1999年以来，已安排该项目2亿元。", [("1999", "from")]),
    ("从现在到2009年，随着工程蓄水。", [("2009", "until")]),
    ("至1998年达到2000名的招生规模。", [("1998", "by")]),
    ("每年1月1日至12月31日为一个自然年。", [(None, "recurring")]),
    ("自本通知印发之日起，原通知停止执行。", [("2022-05-10", "from")]),
]


@pytest.mark.parametrize("text,expected", MORE, ids=[c[0][:14] for c in MORE])
def test_deadlines_printed_other_ways(text, expected):
    assert [(f.data["date"], f.data["kind"]) for f in find_deadlines(text, doc_date="2022-05-10")] == expected


@pytest.mark.parametrize("text,expected", [
    # a dated range: its start is a from, its end an until (real-17, 南昌海关 公示公告)
    ("公示时间：2023年5月22日至5月26日（5个工作日）",
     [("2023年5月22日", "from", "2023-05-22"), ("至5月26日", "until", "2023-05-26")]),
    ("受理时间为2021年3月1日—2021年3月15日", [("2021年3月1日", "from", "2021-03-01"),
                                           ("2021年3月15日", "until", "2021-03-15")]),
    # an end without a month is not read as a date, so neither end is reported (govcn-47: one event's dates)
    ("2003年10月24日至26日，温家宝总理率国务院有关部门负责同志赴重庆市考察", []),
])
def test_dated_range(text, expected):
    found = find_deadlines(text, doc_date="2023-05-19")
    assert [(f.raw, f.data["kind"], f.data["date"]) for f in found] == expected


@pytest.mark.parametrize("text,expected", [
    # another body's act takes effect on its vote (an appointment), not the document
    ("市人大常委会任免国家机关工作人员，从市人大常委会通过之日起生效，由市人大常委会公布。", []),
    ("本条例自省人民代表大会常务委员会批准之日起施行。", [("批准之日起施行", "2022-11-30")]),
    ("本决定自通过之日起生效。", [("自通过之日起生效", "2022-11-30")]),
    ("本规则自2001年8月1日零时起施行。", [("自2001年8月1日零时起施行", "2001-08-01")]),
])
def test_effective_on_a_vote_is_the_document_s_own(text, expected):
    assert [(f.raw, f.data["date"]) for f in find_deadlines(text, doc_date="2022-11-30")] == expected


def test_effective_without_qi():
    # 重庆市人民代表大会代表建议批评和意见工作条例 (test10): 本条例自2018年1月1日施行 (no 起)
    assert [(f.data["kind"], f.data["date"]) for f in find_deadlines("本条例自2018年1月1日施行。")] == [
        ("effective", "2018-01-01")]


def test_a_counting_window_is_no_time_limit():
    # 六个月内两次发生…事故: the window in which events are counted is a threshold, not a deadline
    assert [f.data.get("kind") for f in find_deadlines("专业运输单位六个月内两次发生一次死亡三人以上事故。")] == []
    assert [f.data.get("kind") for f in find_deadlines("应当在六个月内作出决定。")] != []


def test_a_look_back_window_is_no_time_limit():
    # 参加采购活动前3年内… (test11): the years looked back on are a threshold; 届满前30日内 stays a time limit
    assert find_deadlines("参加采购活动前3年内与供应商存在劳动关系。") == []
    assert [f.data["kind"] for f in find_deadlines("有效期届满前30日内提出延续申请。")] == ["within"]


@pytest.mark.parametrize("name,effective", [
    # 2001年8月3日 …令第314号公布, then a 《…决定》 修订: the words keep the first promulgation (test14)
    ("棉花质量监督管理条例(2017-10-07).md", "2001-08-03"),
    ("海关稽查条例(2016-06-19).md", "1997-01-03"),
    ("烟草专卖法实施条例(2021-11-10).md", "1997-07-03"),
    # a revision issued by a 令 or 公告 of its own promulgates the text again (test11, test7)
    ("外汇管理条例(2008-08-05).md", "2008-08-05"),
    ("青岛市海上交通安全条例(2014-09-26).md", "2014-09-26"),
    # the date line and its 发布 printed on two lines (test2)
    ("武器装备研制设计师系统和行政指挥系统工作条例(1984-04-04).md", "1984-04-04"),
])
def test_published_in_a_consolidated_text(name, effective):
    """本条例自公布之日起施行 in a law database file: the latest history line that promulgates the whole text."""
    import extract
    path = f"corpus/eval/{name}"
    with open(path, encoding="utf-8") as f:
        (doc,) = extract.parse(f.read(), path=path).documents
    assert doc.effective == effective


def test_effective_from_a_year():
    # 城市维护建设税暂行条例 第十条: 本条例自1985年度起施行 (a year's precision); 2022年度 alone is no deadline
    assert [(f.data["kind"], f.data["date"]) for f in find_deadlines("本条例自1985年度起施行。")] == [("effective", "1985")]
    assert find_deadlines("2022年度工作总结。") == []


def test_the_effect_of_the_documents_a_law_governs_is_not_its_own():
    # 规章制定程序条例 第三十二条 (test16): 规章…可以自公布之日起施行 speaks of the rules it governs
    text = "第三十二条 规章应当自公布之日起30日后施行；但是，涉及国家安全的，可以自公布之日起施行。"
    assert [f.data.get("kind") for f in find_deadlines(text, doc_date="2001-11-16")] == []
    assert [f.data["date"] for f in find_deadlines("本规章自公布之日起施行。", doc_date="2001-11-16")] == ["2001-11-16"]


def test_a_history_line_that_publishes_and_puts_in_force():
    # 全国人民代表大会组织法 (test16), 宪法修正案（2004年）: …公告公布施行 on the date of the line
    found = find_deadlines("1982年12月10日 全国人民代表大会公告公布施行\n")
    assert [(f.data["kind"], f.data["date"]) for f in found] == [("effective", "1982-12-10")]


def test_the_date_of_the_text_a_regulation_repeals_is_no_deadline():
    # 济南市燃气管理条例 (test18), 济南市农村公路条例 (test19): …起实施的《…》同时废止 dates the repealed text
    text = "本条例自2014年10月1日起施行。2006年1月1日起实施的《济南市农村公路管理条例》同时废止。"
    assert [(f.data["kind"], f.data["date"]) for f in find_deadlines(text)] == [("effective", "2014-10-01")]
    assert [(f.data["kind"], f.data["date"]) for f in find_deadlines("2020年起，每年开展一次。")] == [("from", "2020")]
