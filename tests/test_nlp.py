"""The spaCy front end puts the same values as the plain API into doc.spans["gazette"]."""
import pytest

spacy = pytest.importorskip("spacy")

from extract.nlp import SPANS_KEY, make_nlp  # noqa: E402
from extract.recognize.run import recognize  # noqa: E402

TEXTS = [
    "政策执行期限至2024年12月31日。（责任单位：市税务局、财政局）",
    "对特困人员按90%的比例救助；年度最高救助限额为3万元，由省与市、县级按照 1:1 分担。",
    "根据《国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见》（国办发〔2021〕14号），本细则自发布之日起施行。",
    "第四条 市、县（市、区）人民政府环境卫生行政主管部门负责本辖区内环境卫生管理工作。处五百元以上五千元以下罚款。",
]


@pytest.fixture(scope="module")
def nlp():
    return make_nlp(doc_date="2023-01-10", place="三门峡")


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_same_values_as_the_plain_api(nlp, text):
    doc = nlp(text)
    got = sorted((s.label_, s.start_char, s.end_char, s._.gazette["raw"]) for s in doc.spans[SPANS_KEY])
    want = sorted((f.label, f.start, f.end, f.raw) for f in recognize(text, doc_date="2023-01-10", place="三门峡"))
    assert got == want
    assert {s.label_ for s in doc.spans[SPANS_KEY]} <= {"UNIT", "THRESHOLD", "DEADLINE", "CITATION"}


def test_values_ride_on_the_spans(nlp):
    doc = nlp("（责任单位：市税务局、财政局）")
    assert [(s.text, s._.gazette["name"]) for s in doc.spans[SPANS_KEY]] == [("市税务局", "市税务局"),
                                                                              ("财政局", "市财政局")]


def test_components_are_registered_factories():
    for name in ("gazette_units", "gazette_thresholds", "gazette_deadlines", "gazette_citations"):
        assert spacy.language.Language.has_factory(name)
    nlp = spacy.blank("zh")
    nlp.add_pipe("gazette_thresholds")
    doc = nlp("起付标准为2600元")
    assert [(s.label_, s.text) for s in doc.spans[SPANS_KEY]] == [("THRESHOLD", "2600元")]


def test_jieba_tokens_expand_to_whole_words():
    pytest.importorskip("jieba")
    nlp = make_nlp("jieba")
    doc = nlp("经市财政局审核，责任单位：市税务局、财政局。")
    spans = [s for s in doc.spans[SPANS_KEY] if s.label_ == "UNIT"]
    # 经市财政局审核: the reviewing body acts (jieba glues 经市); the list names it again in the same
    # sentence and role, so it is reported once, where it is first named
    assert [s._.gazette["name"] for s in spans] == ["市财政局", "市税务局"]
    for s in spans:  # each span covers its value, aligned to token boundaries
        assert s._.gazette["raw"] in s.text
        assert s.start_char <= s._.gazette["span"][0] and s._.gazette["span"][1] <= s.end_char


def test_components_are_found_through_the_entry_points():
    """`spacy_factories` entry points (setup.cfg): a user's blank pipeline finds the components by name
    without importing extract.nlp first."""
    import subprocess
    import sys

    code = ("import spacy, sys\n"
            "nlp = spacy.blank('zh')\n"
            "nlp.add_pipe('gazette_units')\n"
            "assert 'extract.nlp' in sys.modules\n"  # loaded by spaCy through the entry point
            "doc = nlp('（责任单位：市税务局、财政局）')\n"
            "print([(s.text, s.label_) for s in doc.spans['gazette']])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[('市税务局', 'UNIT'), ('财政局', 'UNIT')]"
