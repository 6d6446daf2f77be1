"""The recognisers over whole inputs: exact values on the seed and on laws in corpus/laws/, spans that point
at their raw text, schema-valid output, and `gazette extract` staying free of spaCy and jieba."""
import json
import subprocess
import sys

import pytest

import extract
from conftest import CORPUS, SEED, corpus_files
from extract.schema import errors


def doc(seed, number):
    return next(d for d in seed.documents if d.doc_number == number)


def values(document, field, pid=None):
    return [v for p in document.provisions if pid in (None, p.id) for v in getattr(p, field)]


def test_seed_threshold_with_subject(seed):
    (t2600,) = [t for t in values(doc(seed, "三政办〔2022〕18号"), "thresholds", "reg/ch3/art9/item1") if t.value == 2600]
    assert (t2600.unit, t2600.comparator, t2600.subject, t2600.raw) == ("CNY", "eq", "起付标准", "2600元")


def test_seed_count_and_ratio(seed):
    ts = values(doc(seed, "三政〔2023〕2号"), "thresholds", "sec4/item17")
    assert [(t.value, t.unit) for t in ts] == [(185300, "人"), ("1:1", "ratio")]


def test_seed_units_take_the_list_prefix(seed):
    units = values(doc(seed, "三政〔2023〕2号"), "units", "sec1/item1")
    assert [(u.name, u.inherited) for u in units] == [
        ("市税务局", False), ("市财政局", False), ("各县〔市、区〕政府", True), ("城乡一体化示范区管委会", True),
        ("经济开发区管委会", True), ("现代服务业开发区管委会", True)]
    item3 = [u.name for u in values(doc(seed, "三政〔2023〕2号"), "units", "sec1/item3") if not u.inherited]
    assert item3 == ["市政府国资委", "市住房城乡建设局", "市财政局", "市商务局", "市市场监管局", "市发展改革委",
                     "三门峡供电公司"]


def test_seed_scope_rule_reaches_later_provisions_only(seed):
    d = doc(seed, "三政〔2023〕2号")
    assert all(not p.units for p in d.provisions if p.level in ("preamble", "paragraph", "closing"))
    inherited = {p.id for p in d.provisions if any(u.inherited for u in p.units)}
    assert "sec6/item26" in inherited and "sec1/item1" in inherited and "para1" not in inherited
    assert {u.name for u in values(doc(seed, "三政办〔2022〕19号"), "units") if u.inherited} == set()


def test_seed_deadlines_and_document_dates(seed):
    (until,) = [d for d in values(doc(seed, "三政〔2023〕2号"), "deadlines", "sec1/item1")]
    assert (until.kind, until.date, until.raw) == ("until", "2024-12-31", "至2024年12月31日")
    d20 = doc(seed, "三政办〔2022〕20号")
    assert (d20.effective, d20.expires) == ("2022-07-01", None)
    d19 = doc(seed, "三政办〔2022〕19号")
    assert (d19.effective, d19.expires) == ("2022-06-06", "2024-12-31")  # 自发布之日起执行: the document's date
    assert (doc(seed, "三政办〔2022〕18号").effective, doc(seed, "三政〔2023〕2号").effective) == ("2022-05-01", None)


def test_seed_citations(seed):
    cites = values(doc(seed, "三政〔2023〕2号"), "citations")
    assert [(c.title, c.doc_number) for c in cites] == [
        ("河南省人民政府办公厅关于印发河南省进一步释放消费潜力促进消费持续恢复实施方案的通知", "豫政办〔2022〕63号"),
        ("河南省绿色建筑条例", None),
        ("三门峡市关于加强县域商业体系建设促进农村消费实施方案", "三商务〔2022〕24号")]
    assert all(c.doc_number != "三政〔2023〕2号" for c in cites)  # its own 文号 is not a citation


LAWS = CORPUS / "laws"


def law(name):
    (path,) = LAWS.glob(name + "*.md")
    return extract.parse(str(path)).documents[0]


def test_law_fines():
    d = law("三门峡市城市环境卫生管理条例")
    fines = [(t.min, t.max) for t in values(d, "thresholds") if t.comparator == "range" and t.unit == "CNY"]
    assert fines[:3] == [(5000, 50000), (1000, 10000), (50, 100)]
    (art44,) = [t for t in values(d, "thresholds") if t.raw == "一万元以上三万元以下"]
    assert (art44.min, art44.max, art44.value) == (10000, 30000, None)
    assert d.effective == "2017-01-01"


def test_law_fines_le_and_percent():
    d = law("个人信息保护法")
    got = {(t.value, t.unit, t.comparator) for t in values(d, "thresholds")}
    assert {(1000000, "CNY", "le"), (50000000, "CNY", "le"), (5, "%", "le")} <= got
    assert d.effective == "2021-11-01"


def test_law_competent_department():
    d = law("三门峡市城市环境卫生管理条例")
    art4 = [u for u in values(d, "units") if u.role == "competent"]
    assert art4[0].name == "市、县（市、区）人民政府环境卫生行政主管部门"


def test_law_effective_on_publication():
    d = law("全国年节及纪念日放假办法(2024")
    # a law: no 成文日期, the version dated by its last history line; 本办法自公布之日起施行 is the 1949 政务院发布
    # (the four later lines are 《…决定》 amendments, which leave the effective words as they were: docs/golden.md)
    assert (d.adopted, d.effective, d.date) == ("2024-11-10", "1949-12-23", None)


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_spans_point_at_raw(path):
    x = extract.parse(str(path))
    clean = x.text.clean
    for d in x.documents:
        for p in d.provisions:
            for field in ("units", "thresholds", "deadlines", "citations"):
                for v in getattr(p, field):
                    a, b = v.span
                    assert clean[a:b] == v.raw, (p.id, v)
                    if not getattr(v, "inherited", False):
                        assert p.start <= a < b <= p.end, (p.id, v)


@pytest.mark.parametrize("path", [SEED, *sorted(LAWS.glob("*.md"))[:3]], ids=lambda p: p.name)
def test_output_validates(path):
    data = extract.parse(str(path)).to_json()
    assert errors(json.loads(json.dumps(data))) == []


def test_extract_imports_neither_spacy_nor_jieba():
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "extract", "extract", str(SEED)],
                          capture_output=True, text=True)
    imported = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")]
    assert "extract.recognize.run" in imported  # the recognisers did run
    assert not [m for m in imported if m.split(".")[0] in ("spacy", "jieba", "thinc")]


def test_annotate_reports_every_provision_done():
    """The progress callback is called once per provision, those with no value included."""
    from extract.pipeline import parse
    from extract.recognize.run import annotate

    x = parse(str(SEED), recognize=False)
    calls = []
    annotate(x, done=lambda: calls.append(1))
    provisions = sum(len(d.provisions) for d in x.documents)
    assert len(calls) == provisions
    assert sum(1 for d in x.documents for p in d.provisions if not (p.units or p.thresholds or p.deadlines
                                                                   or p.citations)) > 0
