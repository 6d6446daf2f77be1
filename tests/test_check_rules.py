"""Every `gazette check` rule against a mutated copy of the seed: the mutation makes exactly the expected
finding of that rule appear at the expected line, and the unmutated seed does not have it.

Mutations keep the number of lines, so that line numbers before and after mean the same thing. Each case
is (code, {line: (old, new)}, expected line, a piece of the expected message).
"""
from __future__ import annotations


import pytest

import extract
from conftest import SEED
from extract.check import check, rules

TABLE_WITH_TOTAL_COLUMN = {  # the attachment table of 三政办〔2022〕19号 given a 合计 column, one row wrong
    462: ("县(市、区)\t截至 2022 年 5 月 30 日 实有(户)\t2022 年年末目标 实有(户)", "县(市、区)\t个体户\t企业\t合计"),
    463: ("义市\t14334\t16500", "义市\t10\t20\t30"),
    464: ("澠池县\t26196\t29500", "澠池县\t11\t21\t32"),
    465: ("湖滨区\t36720\t41500", "湖滨区\t12\t22\t34"),
    466: ("陕州区\t23069\t26000", "陕州区\t13\t23\t36"),
    467: ("灵宝市\t48075\t54000", "灵宝市\t14\t24\t39"),
    468: ("卢氏县\t18528\t21000", "卢氏县\t15\t25\t40"),
    469: ("示范区\t5962\t6600", "示范区\t16\t26\t42"),
    470: ("开发区\t5070\t5800", "开发区\t17\t27\t44"),
    471: ("合计\t177954\t200900", "合计\t108\t188\t296"),
}

CASES = [
    # numbering
    ("GZ101", {547: ("**第十七条** 个人账户资金可以结转使用和继承。", "")}, 551, "第十八条 follows 第十六条: 第十七条 is missing"),
    ("GZ102", {334: ("（二）救助比例。对特困人员", "（一）救助比例。对特困人员")}, 334, "（一） repeats"),
    ("GZ103", {412: ("二、对新开办的小微企业", "三、对新开办的小微企业"), 416: ("三、对新开办入规", "二、对新开办入规")},
     412, "三、 comes before 二、"),
    ("GZ104", {506: ("（二）二级医疗机构，起付标准", "(二）二级医疗机构，起付标准")}, 506, "(二） mixes full-width and ASCII"),
    # table of contents
    ("GZ201", {24: ("", "- 三门峡市人民政府关于加强秸秆禁烧工作的通知 ..... 21")}, 24, "matches no document"),
    ("GZ202", {13: ("- 三门峡市人民政府关于嘉奖全市财税系统的  ", ""), 14: ("通报 ..... 10", "")}, 196,
     "“三门峡市人民政府关于嘉奖全市财税系统的通报” has no table of contents entry"),
    ("GZ203", {13: ("嘉奖全市财税系统的", "嘉奖全市财政系统的")}, 13, '“奖全市财政系统的通” vs “奖全市财税系统的通”'),
    ("GZ205", {16: ("..... 11", "..... 9")}, 15, "page 9 comes after page 10"),
    # 文号
    ("GZ301", {104: ("三政〔2023〕2号", "三政[2023]2号")}, 104, "the year is in [] instead of 〔〕; write 三政〔2023〕2号"),
    ("GZ301", {198: ("三政〔2023〕3号", "三政〔2023〕03号")}, 198, "the number 03 has a leading zero"),
    ("GZ302", {104: ("三政〔2023〕2号", "三政〔2022〕2号")}, 104, "has the year 2022, but the document is dated 2023-01-10"),
    ("GZ303", {198: ("三政〔2023〕3号", "三政办〔2023〕3号")}, 198,
     "三政办 stands for 三门峡市人民政府办公室 or 三门峡市人民政府办公厅, but the document is issued by 三门峡市人民政府"),
    ("GZ304", {212: ("三政〔2023〕5号", "三政〔2023〕3号")}, 212, "文号 三政〔2023〕3号 is also the number of"),
    # dates
    ("GZ401", {120: ("2023 年 4 月 30 日", "2023 年 2 月 30 日")}, 120, "2月 has 28 days in 2023"),
    ("GZ402", {222: ("2023年2月13日", "2023年3月13日")}, 220, "dated 2023-03-13, after the issue's publication date 2023-03-06"),
    ("GZ403", {581: ("自2022年7月1日起施行", "自2022年6月1日起施行")}, 581,
     "takes effect on 2022-06-01, before the document was signed on 2022-06-11"),
    ("GZ404", {452: ("有效期至 2024 年", "有效期至 2021 年")}, 452, "expires on 2021-12-31, before it takes effect on 2022-06-06"),
    # counts
    ("GZ501", {216: ("等27家", "等28家")}, 216, "等28家: but 附件2 lists 27"),
    ("GZ502", {326: ("等9种", "等8种")}, 326, "等8种, but 9 are listed before it"),
    ("GZ502", {422: ("4枚印章", "5枚印章")}, 422, "5枚印章, but the parenthesis lists 4"),
    ("GZ502", {142: ("四大主导工程", "五大主导工程")}, 142, "五大, but 4 are listed before it"),
    ("GZ503", {404: ("十项措施", "十一项措施")}, 404, "title counts 十一项措施, but the text has 10 numbered parts"),
    ("GZ503", {557: ("因下列情形发生的", "因下列四种情形发生的")}, 557, "下列四种情形发生的门诊医疗费用，不纳入门诊保障范围 but 5"),
    # tables
    ("GZ601", {471: ("177954", "177953")}, 471, "合计 177953 in column “截至 2022 年 5 月 30 日 实有(户)”, but the rows above add up to 177954"),
    ("GZ602", TABLE_WITH_TOTAL_COLUMN, 467, "灵宝市: 合计 39, but its columns add up to 38"),
    # text
    ("GZ701", {148: ("渑池县、灵宝市", "澠池县、灵宝市")}, 148, "澠 in “澠池县” is a traditional/variant character: simplified text writes 渑 (“渑池县”"),
    ("GZ702", {148: ("在义马市、渑池县", "在义市、渑池县")}, 148, "义市 is not a place in the place lists of 三门峡市: did you mean 义马市?"),
    ("GZ703", {202: ("加强财源建设和风险防范", "加强财源建设 and 风险防范")}, 202, "English “and” inside Chinese text"),
    ("GZ711", {313: ("", "三门峡市人民政府公报")}, 313, "running header “三门峡市人民政府公报”"),
    # a real page gap (several blank lines), not a plain paragraph break: 饮用水 / 水源 is a word
    ("GZ712", {160: ("财政局、发展改革委、", "财政局、发展改革委、民")}, 160, "“民” repeated across a page break: the source reads “革委、民民政局”"),
    ("GZ713", {202: ("139亿元", "139<sub>3</sub>亿元")}, 202, "markup “<sub>3</sub>”"),
    ("GZ714", {202: ("为激励先进，市人民政府决定，对全市财税系统予以嘉奖。", "为激励先进，市人民政府决定，"),
               204: ("希望", "对全市财税系统予以嘉奖。希望")}, 202, "between “民政府决定，” and “对全市财税系”"),
    ("GZ721", {202: ("发展要安全”要求", "发展要安全要求")}, 202, "““” is never closed"),
    ("GZ722", {168: ("(责任单位：市统计局)", "(责任单位：市统计局）")}, 168, "“(” is closed by “）”"),
    ("GZ723", {202: ("2022年，全市财税系统", "2022年,全市财税系统")}, 202, "ASCII “,” inside Chinese text: write “，”"),
    ("GZ724", {202: ("一般公共预算收入达到", "一般公共预算收入(全口径)达到")}, 202, "ASCII brackets around “全口径”"),
]

UNIT_CASES = [
    ("GZ801", {410: ("市财政局", "市财攻局")}, 410, "unit “市财攻局” is not a known unit name: did you mean 市财政局?"),
    ("GZ801", {414: ("市场监管局", "市场监官局")}, 414, "did you mean 市场监管局?"),
]


def _findings(path, code):
    return {(f.code, f.line, f.message) for f in check(extract.parse(str(path)), select=[code])}


@pytest.fixture(scope="module")
def seed_lines():
    return SEED.read_text(encoding="utf-8").split("\n")


_baseline: dict[str, set] = {}


def _check_case(tmp_path, seed_lines, code, edits, line, message):
    lines = list(seed_lines)
    for n, (old, new) in edits.items():
        assert old in lines[n - 1], f"line {n} of the seed does not contain {old!r}"
        lines[n - 1] = lines[n - 1].replace(old, new, 1) if old else new
    mutated = tmp_path / SEED.name
    mutated.write_text("\n".join(lines), encoding="utf-8")
    if code not in _baseline:
        _baseline[code] = _findings(SEED, code)
    before = _baseline[code]
    after = _findings(mutated, code)
    new = sorted(after - before)
    assert len(new) == 1, new
    got_code, got_line, got_message = new[0]
    assert (got_code, got_line) == (code, line), new
    assert message in got_message, got_message
    assert not any(c == code and l == line and message in m for c, l, m in before)


@pytest.mark.parametrize("code,edits,line,message", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_finds_its_mutation(tmp_path, seed_lines, code, edits, line, message):
    _check_case(tmp_path, seed_lines, code, edits, line, message)


@pytest.mark.parametrize("code,edits,line,message", UNIT_CASES, ids=["GZ801-财攻局", "GZ801-监官局"])
def test_unit_rule_finds_its_mutation(tmp_path, seed_lines, code, edits, line, message):
    _check_case(tmp_path, seed_lines, code, edits, line, message)


def test_unit_rule_on_units_given_directly(seed):
    """GZ801 reads provision.units: without the recogniser, give it units by hand (two typos, one known)."""
    import copy

    x = copy.deepcopy(seed)
    p = x.documents[4].provision("reg/sec1")  # 一、对新开办的个体工商户…（责任单位：市财政局、市场监管局…）
    at = x.text.clean.index("市财政局", p.start)
    from extract.values import Unit

    p.units = [Unit(name="市财攻局", raw="市财攻局", span=(at, at + 4), role="responsible"),
               Unit(name="市场监管局", raw="市场监管局", span=(at + 5, at + 10), role="responsible"),
               Unit(name="市税物局", raw="市税物局", span=(at, at + 4), role="responsible", inherited=True)]
    got = [(f.code, f.line, f.message) for f in check(x, select=["GZ801"])]
    assert got == [("GZ801", 410, "unit “市财攻局” is not a known unit name: did you mean 市财政局?")]


def test_page_numbers_against_the_toc(seed):
    """GZ204 needs pages: give the seed the pages its table of contents promises, then move one document."""
    import copy

    starts = {d.id: d.start for d in seed.documents}
    toc = seed.issue.toc

    def with_pages(shift_doc=None):
        x = copy.deepcopy(seed)
        pages = [(0, "0")] + sorted((starts[e.document_id], str(e.page - (1 if e.document_id == shift_doc else 0)))
                                    for e in toc)
        x.text.pages = pages
        return [(f.code, f.line, f.message) for f in check(x, select=["GZ204"])]

    assert with_pages() == []
    assert with_pages("三政〔2023〕3号") == [
        ("GZ204", 13, "table of contents gives page 10 for “三门峡市人民政府关于嘉奖全市财税系统的通报”, which starts on page 9")]


def test_every_rule_has_a_mutation_test():
    tested = {c[0] for c in CASES} | {c[0] for c in UNIT_CASES} | {"GZ204"}
    tested |= {"GZ901", "GZ902", "GZ903", "GZ904"}  # against a database: tests/test_check_against.py
    assert tested == set(rules())
