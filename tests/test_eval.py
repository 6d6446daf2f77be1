"""The hand-written value golden files (golden/values/) and the `gazette eval` scorer."""
import json
import re
from decimal import Decimal

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEED
from extract.values import Deadline, Threshold, Unit
from extract.evaluate import (GoldenError, Item, evaluate_extraction, evaluate_file, golden_files,
                              load_golden, match, match_sets, norm_name, norm_value, threshold_key)

VALUES = ROOT / "golden" / "values"
GOLDEN_FILES = sorted(VALUES.glob("*.json"))


def source_text(golden: dict) -> str:
    return (ROOT / golden["source"]).read_text(encoding="utf-8").replace("\r\n", "\n")


# -- the golden files ---------------------------------------------------------------------------

def test_there_are_the_seed_and_at_least_ten_law_files():
    sources = [load_golden(p)["source"] for p in GOLDEN_FILES]
    assert "corpus/sanmenxia-gazette-2023-02.md" in sources
    assert len([s for s in sources if s.startswith("corpus/laws/")]) >= 10
    assert len(set(sources)) == len(sources)


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=lambda p: p.stem)
def test_golden_file_is_well_formed(path):
    golden = load_golden(path)  # raises GoldenError on any format problem
    assert golden["source"].startswith("corpus/") and (ROOT / golden["source"]).is_file()
    listed = [d["document"] for d in golden["documents"]]
    assert len(listed) == len(set(listed)), "a document is listed twice"
    for section in ("units", "scope_units", "thresholds", "deadlines"):
        for entry in golden[section]:
            assert entry["document"] in listed, f"{section}: unknown document {entry['document']}"


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=lambda p: p.stem)
def test_every_raw_occurs_in_the_source(path):
    golden = load_golden(path)
    text = source_text(golden)
    missing = [(section, e["raw"]) for section in ("units", "scope_units", "thresholds", "deadlines")
               for e in golden[section] if e["raw"] not in text]
    assert missing == []


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=lambda p: p.stem)
def test_annotated_unit_passages_are_annotated_everywhere_they_occur(path):
    # Predicted units are scored inside every occurrence of a golden passage: each occurrence must be listed.
    golden = load_golden(path)
    text = source_text(golden)
    for entry in golden["units"]:
        listed = sum(1 for e in golden["units"] if e["raw"] == entry["raw"])
        assert text.count(entry["raw"]) == listed, entry["raw"]


def test_seed_golden_has_all_36_responsibility_lists():
    golden = load_golden(VALUES / "sanmenxia-gazette-2023-02.json")
    text = SEED.read_text(encoding="utf-8")
    assert len(re.findall(r"[（(]责任单位：", text)) == 36
    assert len(golden["units"]) == 36
    assert all(e["raw"].lstrip("（(").startswith("责任单位：") for e in golden["units"])
    by_document = {}
    for e in golden["units"]:
        by_document[e["document"]] = by_document.get(e["document"], 0) + 1
    assert by_document == {"三政〔2023〕2号": 26, "三政办〔2022〕19号": 10}
    assert sum(len(e["names"]) for e in golden["units"]) == 152


def test_seed_unit_names_carry_their_prefix():
    # A name left unprefixed by mistake (财政局 for 市财政局) is caught here.
    not_city_departments = {"人行三门峡市中心支行", "三门峡银保监分局", "三门峡供电公司", "三门峡海关",
                            "三门峡日报社", "三门峡广播电视台", "各县〔市、区〕政府"}
    golden = load_golden(VALUES / "sanmenxia-gazette-2023-02.json")
    for e in golden["units"]:
        for name in e["names"]:
            assert name.startswith("市") or name in not_city_departments, name
            assert name.lstrip("市") in e["raw"] or name in e["raw"], name


def test_seed_scope_rule_lies_inside_the_first_list():
    golden = load_golden(VALUES / "sanmenxia-gazette-2023-02.json")
    (rule,) = golden["scope_units"]
    assert rule["raw"] in golden["units"][0]["raw"]
    assert rule["names"] == ["各县〔市、区〕政府", "城乡一体化示范区管委会", "经济开发区管委会", "现代服务业开发区管委会"]
    assert not set(rule["names"]) & set(golden["units"][0]["names"])


def test_seed_threshold_spot_checks():
    golden = load_golden(VALUES / "sanmenxia-gazette-2023-02.json")
    by_raw = {t["raw"]: t for t in golden["thresholds"]}
    assert by_raw["年度最高救助限额为3万元"]["value"] == 30000
    assert by_raw["税收比重较上年提高3.8个百分点"]["unit"] == "pp"
    assert by_raw["按照 1:1 分担"]["value"] == "1:1"
    assert len(golden["thresholds"]) == 60


# -- values and matching ------------------------------------------------------------------------

def test_values_in_all_forms_compare_equal():
    assert norm_value(30000) == norm_value("30000") == norm_value(Decimal("3E+4")) == norm_value("30000.00") == "30000"
    assert norm_value("18.53") == norm_value(Decimal("18.530")) == norm_value(18.53) == "18.53"
    assert norm_value("1：1") == norm_value("1 : 1") == norm_value("1:1") == "1:1"
    assert norm_value("0.10") == "0.1"
    assert norm_value(None) is None
    with pytest.raises(ValueError):
        norm_value(True)
    with pytest.raises(ValueError):
        norm_value("三万")


def test_unit_names_compare_whatever_the_brackets():
    assert norm_name("县（市、区）人民政府") == norm_name("县〔市、区〕人民政府") == norm_name("县(市、区) 人民政府")


def test_unit_names_compare_without_same_level_or_government_de():
    # 同级 and 人民政府的 are two ways of printing one unit (golden sets were written both ways)
    assert norm_name("同级燃气主管部门") == norm_name("燃气主管部门")
    assert norm_name("市、区（市）人民政府的金融工作部门") == norm_name("市、区(市)人民政府金融工作部门")
    assert norm_name("县级以上人民政府的动物卫生监督机构") == "县级以上人民政府动物卫生监督机构"
    assert norm_name("同级") == "同级" and norm_name("上级财政部门") != norm_name("财政部门")
    assert norm_name("市公路管理机构的派出机构") == norm_name("市公路管理机构派出机构")


def test_range_keys_ignore_value():
    a = threshold_key("d", {"comparator": "range", "value": 5000, "min": 5000, "max": "50000", "unit": "CNY"})
    b = threshold_key("d", {"comparator": "range", "value": None, "min": "5000", "max": 50000, "unit": "CNY"})
    assert a == b == ("d", None, "CNY", "range", "5000", "50000")
    assert threshold_key("d", {"comparator": "le", "value": 200, "unit": "CNY"}) != \
        threshold_key("d", {"comparator": "eq", "value": 200, "unit": "CNY"})


def items(*keys):
    return [Item((k,), raw=k) for k in keys]


def test_multiset_matching_counts():
    score = match(items("a", "a", "b"), items("a", "b", "b", "c"))
    assert (score.gold, score.predicted, score.correct) == (3, 4, 2)
    assert score.precision == 0.5
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(4 / 7)
    assert sorted(i.key for i in score.missed) == [("a",)]
    assert sorted(i.key for i in score.spurious) == [("b",), ("c",)]


def test_matching_edge_cases():
    nothing = match([], [])
    assert (nothing.precision, nothing.recall, nothing.f1) == (1.0, 1.0, 1.0)
    none_found = match(items("a"), [])
    assert (none_found.precision, none_found.recall, none_found.f1) == (0.0, 0.0, 0.0)
    all_wrong = match([], items("x"))
    assert (all_wrong.precision, all_wrong.recall, all_wrong.f1) == (0.0, 0.0, 0.0)
    perfect = match(items("a", "b"), items("b", "a"))
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)


def test_scope_units_match_as_sets():
    score = match_sets(items("x", "y"), items("x", "x", "x", "z"))
    assert (score.gold, score.predicted, score.correct) == (2, 2, 1)


# -- scoring an extraction ----------------------------------------------------------------------

NOTICE = """关于测试的通知

（一）对个体工商户给予每户100元补贴，执行期限至2024年12月31日。（责任单位：市税务局、财政局）

（二）免收3个月房租，6个月内补缴。市民政局负责宣传。

本通知自2023年1月1日起施行。
"""


@pytest.fixture()
def notice(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    import extract

    extraction = extract.parse(str(path), recognize=False)  # values are set by hand below
    doc = extraction.documents[0]
    clean = extraction.text.clean

    def span(s, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = clean.index(s, start + 1)
        return [start, start + len(s)]

    def at(s):
        start = span(s)[0]
        return next(p for p in doc.provisions if p.start <= start < p.end)

    p1, p2 = at("每户100元"), at("免收3个月")
    p1.units += [
        Unit(name="市税务局", raw="市税务局", span=tuple(span("市税务局")), role="responsible"),
        Unit(name="财政局", raw="财政局", span=tuple(span("财政局")), role="responsible"),  # prefix lost
    ]
    p2.units += [
        Unit(name="市民政局", raw="市民政局", span=tuple(span("市民政局")), role="responsible"),  # not annotated
        Unit(name="市统计局", raw="", span=tuple(span("免收")), role="responsible", inherited=True),
    ]
    p1.thresholds.append(Threshold(value=Decimal("100"), unit="CNY", comparator="eq", raw="100元",
                                   span=tuple(span("100元"))))
    p2.thresholds.append(Threshold(value=3, unit="month", comparator="eq", raw="3个月", span=tuple(span("3个月"))))
    p1.deadlines.append(Deadline(date="2024-12-31", kind="until", raw="至2024年12月31日",
                                 span=tuple(span("至2024年12月31日"))))
    p2.deadlines.append(Deadline(date=None, kind="within", raw="6个月内", span=tuple(span("6个月内"))))
    doc.effective = "2023-01-01"
    golden = {
        "source": str(path),
        "units": [{"document": doc.id, "raw": "（责任单位：市税务局、财政局）", "names": ["市税务局", "市财政局"],
                   "role": "responsible"}],
        "scope_units": [],
        "thresholds": [{"document": doc.id, "raw": "每户100元", "value": 100, "unit": "CNY", "comparator": "eq"}],
        "deadlines": [{"document": doc.id, "raw": "至2024年12月31日", "date": "2024-12-31", "kind": "until"},
                      {"document": doc.id, "raw": "本通知自2023年1月1日起施行", "date": "2023-01-01",
                       "kind": "effective"}],
        "documents": [{"document": doc.id, "effective": "2023-01-01", "expires": None}],
    }
    return golden, extraction


def test_scores_of_a_hand_made_extraction(notice):
    golden, extraction = notice
    result = evaluate_extraction(golden, extraction)
    counts = {f: (s.gold, s.predicted, s.correct) for f, s in result.scores.items()}
    assert counts == {
        "units": (2, 2, 1),  # 财政局 is not the canonical 市财政局; 市民政局 lies outside the annotated list
        "scope_units": (0, 1, 0),  # an inherited unit the golden file does not expect
        "thresholds": (1, 1, 1),  # 3个月 is a month, outside the default units CNY % pp ratio
        "deadlines": (2, 1, 1),  # the within deadline has no date; the effective date was not found
        "effective": (1, 1, 1),
        "documents": (2, 2, 2),  # effective and expires (null) as the golden file states them
    }
    assert dict(result.ignored) == {"units outside annotated passages": 1,
                                    "thresholds in other units (month)": 1, "deadlines without a date": 1}
    assert (result.overall.gold, result.overall.predicted, result.overall.correct) == (8, 8, 6)
    assert [i.key for i in result.scores["units"].missed] == [(golden["units"][0]["document"], "市财政局", "responsible")]
    assert [i.raw for i in result.scores["units"].spurious] == ["财政局"]


def test_scope_all_scores_every_unit(notice):
    golden, extraction = notice
    golden["scope"] = {"units": "all", "threshold_units": ["CNY", "month"]}
    result = evaluate_extraction(golden, extraction)
    assert (result.scores["units"].gold, result.scores["units"].predicted) == (2, 3)
    assert result.scores["thresholds"].predicted == 2


def test_document_fields_are_scored_with_nulls(notice):
    golden, extraction = notice
    doc = extraction.documents[0]
    golden["documents"] = [{"document": doc.id, "doc_number": None, "date": "2023-01-05",
                            "effective": "2023-01-01", "expires": None}]
    result = evaluate_extraction(golden, extraction)
    s = result.scores["documents"]
    assert (s.gold, s.predicted, s.correct) == (4, 4, 3)  # the program finds no date under a signature
    assert [i.key for i in s.missed] == [(doc.id, "date", "2023-01-05")]


def test_a_golden_id_the_program_spells_otherwise_is_paired_by_its_numbers(notice):
    # The head reader took the metadata's 国令第707号 for the printed 中华人民共和国国务院令第707号: the
    # values are still the document's; only its doc_number is wrong.
    golden, extraction = notice
    doc = extraction.documents[0]
    doc.id = doc.doc_number = "国令第707号"
    gold_id = "中华人民共和国国务院令第707号"
    for section in ("units", "thresholds", "deadlines"):
        for e in golden[section]:
            e["document"] = gold_id
    golden["documents"] = [{"document": gold_id, "doc_number": gold_id, "effective": "2023-01-01",
                            "expires": None}]
    result = evaluate_extraction(golden, extraction)
    assert result.scores["thresholds"].correct == 1 and result.scores["deadlines"].correct == 1
    assert [i.key for i in result.scores["documents"].missed] == [(gold_id, "doc_number", gold_id)]


def test_floors_catch_one_file_falling_whatever_the_total(notice):
    from extract.evaluate import below_floors, file_figures, worst_files

    golden, extraction = notice
    result = evaluate_extraction(golden, extraction, "g.json")
    figures = file_figures([result])
    assert figures["g.json"]["units"] == 0.5 and figures["g.json"]["thresholds"] == 1.0
    assert below_floors([result], figures) == []
    assert below_floors([result], {"g.json": {"units": 0.8}}) == ["g.json: units F1 0.500 below its recorded 0.800"]
    assert worst_files([result]) == ["  0.500  g.json  units 0.500, deadlines 0.667"]


# -- the command --------------------------------------------------------------------------------

def run_eval(*args):
    from extract.cli import main

    return CliRunner().invoke(main, ["eval", *args])


def test_eval_command_json(tmp_path):
    (tmp_path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    golden = {"source": str(tmp_path / "notice.txt"), "units": [], "scope_units": [], "thresholds": [],
              "deadlines": [], "documents": []}
    path = tmp_path / "g.json"
    path.write_text(json.dumps(golden, ensure_ascii=False), encoding="utf-8")
    result = run_eval(str(path), "--format", "json", "--show-misses")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "gazette-eval/1"
    assert set(data["total"]["fields"]) == {"units", "scope_units", "thresholds", "deadlines", "effective",
                                            "documents"}
    assert data["files"][0]["fields"]["units"]["gold"] == 0
    assert "spurious" in data["files"][0]["fields"]["units"]


def test_eval_command_text(tmp_path):
    (tmp_path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"source": str(tmp_path / "notice.txt"), "documents": []}), encoding="utf-8")
    result = run_eval(str(path))
    assert result.exit_code == 0, result.output
    assert "precision" in result.stdout and "TOTAL (1 golden file)" in result.stdout


@pytest.mark.parametrize("content, message", [
    ("{not json", "not JSON"),
    ('{"source": "corpus/nowhere.md"}', "not found"),
    ('{"source": "corpus/sanmenxia-gazette-2023-02.md", "thresholds": [{"document": "d", "raw": "x", '
     '"value": 1, "unit": "CNY", "comparator": "below"}]}', "comparator must be one of"),
])
def test_unusable_golden_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = run_eval(str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"gazette: E030 {path}: unusable golden file: ")
    assert message in lines[0]


def test_missing_golden_file_is_unusable(tmp_path):
    with pytest.raises(GoldenError):
        load_golden(tmp_path / "absent.json")
    result = run_eval(str(tmp_path / "nonexist.json"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [f"gazette: E030 {tmp_path / 'nonexist.json'}: unusable golden file: no such file"]
    heads = run_eval("--heads", str(tmp_path / "nonexist.json"))
    assert heads.exit_code == 2 and heads.stderr.splitlines() == [
        f"gazette: E030 {tmp_path / 'nonexist.json'}: unusable golden file: No such file or directory"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_eval(str(empty)).stderr.splitlines() == [
        f"gazette: E030 {empty}: unusable golden file: no golden files (*.json) there"]


def test_default_golden_files_are_golden_values():
    assert [p.resolve() for p in golden_files(())] == [p.resolve() for p in GOLDEN_FILES]


# -- the recognisers against the golden files ---------------------------------------------------

@pytest.fixture(scope="module")
def results():
    return [evaluate_file(p) for p in GOLDEN_FILES]


@pytest.mark.parametrize("field", ["units", "thresholds", "deadlines"])
def test_recognisers_reach_f1_095_on_golden(results, field):
    from extract.evaluate import total_scores, render_text

    score = total_scores(results)[field]
    assert score.f1 >= 0.95, f"{field}: F1 {score.f1:.3f}\n" + render_text(results, show_misses=True)


def test_golden_raws_are_found_in_a_source_printed_with_radicals(tmp_path):
    """A macOS web print spells 部门 with the radical ⻔; the annotator, reading it, writes 部门. The
    passage is found at the same offsets (the fold ⻔ -> 门 read back), so its units are scored."""
    from extract.pipeline import parse

    src = tmp_path / "radicals.md"
    src.write_text("# 办法\n\n第一条 县级以上⼈⺠政府林业主管部⻔负责本行政区域内的林业工作。\n", encoding="utf-8")
    golden = {"source": str(src), "units": [{"document": "doc1", "raw": "县级以上人民政府林业主管部门负责本行政区域内的林业工作",
                         "names": ["县级以上人民政府林业主管部门"], "role": "competent"}],
              "thresholds": [], "deadlines": []}
    result = evaluate_extraction(golden, parse(str(src)))
    units = result.scores["units"]
    assert (units.gold, units.predicted, units.correct) == (1, 1, 1)


def test_a_unit_named_by_its_defined_abbreviation_counts_as_printed_or_in_full(tmp_path):
    # 市人大常委会 is what the text prints, 深圳市人民代表大会常务委员会 what the program names: both are the
    # body the document defines; a name that is neither still misses
    from extract.pipeline import parse

    path = tmp_path / "r.md"
    path.write_text("# 深圳市任免条例\n\n第一条 为了规范深圳市人民代表大会常务委员会（以下简称市人大常委会）任免工作，制定本条例。\n\n"
                    "第二条 市人大常委会决定任免本市国家行政机关下列工作人员职务。\n\n"
                    "第三条 由市人大常委会颁发任命书。\n\n第四条 由市人大常委会办公厅予以公示。\n", encoding="utf-8")
    extraction = parse(str(path))
    golden = {"source": str(path), "scope_units": [], "thresholds": [], "deadlines": [], "documents": [],
              "units": [{"document": "doc1", "raw": "市人大常委会决定任免本市国家行政机关下列工作人员职务",
                         "names": ["市人大常委会"], "role": "responsible"},
                        {"document": "doc1", "raw": "由市人大常委会颁发任命书",
                         "names": ["深圳市人民代表大会常务委员会"], "role": "responsible"},
                        {"document": "doc1", "raw": "由市人大常委会办公厅予以公示",
                         "names": ["人大常委会办公厅"], "role": "responsible"}]}
    score = evaluate_extraction(golden, extraction).scores["units"]
    assert (score.gold, score.predicted, score.correct) == (3, 3, 2)
    assert [i.key[1] for i in score.missed] == ["人大常委会办公厅"]


def test_a_leading_youguan_is_compared_away():
    # test11's 相关行业工程建设主管部门 and the program's 行业工程建设主管部门 name one unit
    from extract.evaluate import norm_name
    assert norm_name("相关行业工程建设主管部门") == norm_name("行业工程建设主管部门")
    assert norm_name("有关部门") == "有关部门"  # too short to be a name without it


def test_a_qualifying_clause_before_a_whole_unit_name_is_not_part_of_it():
    """docs/golden.md: 组织专项监督检查的市场监督管理部门 and 市场监督管理部门 are one department; 负责药品监督管理的部门 is
    a name of its own (部门 alone is none), and a government's level is never read as a clause."""
    from extract.evaluate import norm_name
    assert norm_name("组织专项监督检查的市场监督管理部门") == norm_name("市场监督管理部门")
    assert norm_name("原发证的药品监督管理部门") == "药品监督管理部门"
    assert norm_name("负责药品监督管理的部门") == "负责药品监督管理的部门"
    assert norm_name("县级以上地方人民政府负责药品监督管理的部门") == "县级以上地方人民政府负责药品监督管理的部门"
    assert norm_name("县级以上人民政府的动物卫生监督机构") == "县级以上人民政府动物卫生监督机构"
    assert norm_name("乡、民族乡、镇的人民政府") == norm_name("乡、民族乡、镇人民政府")


def test_a_missed_unit_is_shown_with_its_own_passage():
    """Multiset matching counts by key; the display pairs a golden unit with the value found in its passage,
    so the miss shown is the passage really missed (a unit's raw, its name, is in every passage naming it)."""
    from extract.evaluate import Item, match
    key = ("doc1", "国务院外汇管理部门", "competent")
    gold = [Item(key, "国务院外汇管理部门依法监督管理全国的外汇市场"), Item(key, "国务院外汇管理部门依法持有、管理外汇储备")]
    found = [Item(key, "国务院外汇管理部门", "art31", context="第三十一条 国务院外汇管理部门依法监督管理全国的外汇市场。")]
    score = match(gold, found)
    assert score.correct == 1 and [g.raw for g in score.missed] == ["国务院外汇管理部门依法持有、管理外汇储备"]


def test_years_and_months_are_one_quantity():
    # 半年内: test11 writes le 6 month, dev writes ge 0.5 year for 半年及以上; the program prints 0.5 year
    from extract.evaluate import threshold_key
    assert threshold_key("doc1", {"value": "0.5", "unit": "year", "comparator": "le"}) \
        == threshold_key("doc1", {"value": 6, "unit": "month", "comparator": "le"})
    assert threshold_key("doc1", {"value": None, "unit": "year", "comparator": "range", "min": 3, "max": 5}) \
        == threshold_key("doc1", {"value": None, "unit": "month", "comparator": "range", "min": 36, "max": 60})
    assert threshold_key("doc1", {"value": 1, "unit": "year", "comparator": "le"}) \
        != threshold_key("doc1", {"value": 1, "unit": "month", "comparator": "le"})
