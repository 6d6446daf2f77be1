"""gazette diff, piece by piece, on hand-built documents and provisions (no parsing involved)."""
import itertools
import json
from decimal import Decimal

import numpy as np
import pytest

from extract.diff.align import align
from extract.diff.assign import increasing_chain, max_weight_matching
from extract.values import VALUE_CLASSES
from extract.diff.engine import Names, cn_number, diff_pair
from extract.diff.pins import PinError, Pins, parse_pins
from extract.diff.text import body, key, strip_label
from extract.diff.values import diff_values
from extract.diff.words import new_side, old_side, word_diff
from extract.model import Document, Provision

CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

# Articles of a made-up regulation, distinct enough to tell apart.
A = "为了规范本市生活垃圾分类管理工作，改善人居环境，根据有关法律法规，结合本市实际，制定本办法。"
B = "本办法适用于本市行政区域内生活垃圾的源头减量、分类投放、分类收集、分类运输和分类处理等活动。"
C = "市城市管理部门是本市生活垃圾分类管理工作的主管部门，负责组织、协调、指导和监督全市生活垃圾分类工作。"
D = "单位和个人应当按照规定的时间、地点和要求分类投放生活垃圾，不得随意倾倒、抛撒、堆放或者焚烧生活垃圾。"
E = "违反本办法规定，未按照规定分类投放生活垃圾的，由城市管理部门责令改正；拒不改正的，处五十元以上二百元以下罚款。"
X = "鼓励志愿服务组织和志愿者参与生活垃圾分类的宣传、示范和监督活动，营造全社会共同参与的良好氛围。"


def law(*texts, doc_id="doc1"):
    """A document whose articles 第一条… hold the given texts."""
    provisions = [Provision(id="preamble", level="preamble", start=0, text="某市生活垃圾分类管理办法\n\n")]
    for n, t in enumerate(texts, 1):
        label = f"第{CN[n]}条"
        provisions.append(Provision(id=f"art{n}", level="article", start=n * 1000, label=label, number=n,
                                    text=f"{label} {t}\n\n"))
    return Document(id=doc_id, start=0, end=len(texts) * 1000 + 1000, title="某市生活垃圾分类管理办法",
                    provisions=provisions)


def pairs(old, new, **kw):
    al = align(old, new, **kw)
    return {(o, n): r for o, n, r in al.by_ids() if o != "preamble"}, al


# --- the assignment ---------------------------------------------------------------------------

def _brute(w):
    n, m = w.shape
    best = 0.0
    for k in range(0, min(n, m) + 1):
        for rows in itertools.combinations(range(n), k):
            for cols in itertools.permutations(range(m), k):
                total = sum(w[r, c] for r, c in zip(rows, cols) if w[r, c] > 0)
                best = max(best, total)
    return best


@pytest.mark.parametrize("seed", range(40))
def test_matching_is_optimal(seed):
    rng = np.random.default_rng(seed)
    w = rng.random((rng.integers(1, 5), rng.integers(1, 5))) - 0.4
    got = max_weight_matching(w)
    assert len({r for r, _ in got}) == len(got) == len({c for _, c in got})
    assert all(w[r, c] > 0 for r, c in got)
    assert sum(w[r, c] for r, c in got) == pytest.approx(_brute(w))


def test_matching_is_not_greedy():
    # greedy (row 0 takes its best column 1) would leave row 1 alone: total 0.7 instead of 1.4
    w = np.array([[0.5, 0.7], [0.0, 0.9]])
    assert max_weight_matching(w) == [(0, 0), (1, 1)]


def test_increasing_chain_leaves_out_the_moved_pair():
    assert increasing_chain([(0, 0), (1, 4), (2, 1), (3, 2), (4, 3)]) == {(0, 0), (2, 1), (3, 2), (4, 3)}
    assert increasing_chain([]) == set()


# --- text ---------------------------------------------------------------------------------------

def test_text_key_and_label():
    assert key("（一）起付标准为 30 元 / 次；") == key("(一)起付标准为30元/次;")
    assert strip_label("第三条　经营者集中\n\n", "第三条") == "经营者集中"
    assert strip_label("（一）经营者合并；\n", "（一）") == "经营者合并；"
    assert body("第五条 本规定自公布之日起施行。\n\n\n", "第五条") == "本规定自公布之日起施行。"
    assert [cn_number(n) for n in (1, 10, 12, 20, 35, 100, 105, 120)] == \
        ["一", "十", "十二", "二十", "三十五", "一百", "一百零五", "一百二十"]


# --- the alignment --------------------------------------------------------------------------------

def test_identical_documents_have_no_changes():
    dd = diff_pair(law(A, B, C), law(A, B, C), values=False)
    assert dd.changes == []


def test_insertion_renumbers_what_follows():
    got, al = pairs(law(A, B, C), law(X, A, B, C))
    assert got == {("art1", "art2"): "match", ("art2", "art3"): "match", ("art3", "art4"): "match",
                   (None, "art1"): "added"}
    kinds = [(c.kind, c.old_label, c.new_label) for c in diff_pair(law(A, B, C), law(X, A, B, C)).changes[1:]]
    assert kinds == [("added", None, "第一条"), ("renumbered", "第一条", "第二条"),
                     ("renumbered", "第二条", "第三条"), ("renumbered", "第三条", "第四条")]


def test_deletion():
    changes = diff_pair(law(A, B, C), law(A, C)).changes[1:]
    assert [(c.kind, c.old_label, c.new_label) for c in changes] == \
        [("removed", "第二条", None), ("renumbered", "第三条", "第二条")]


def test_move_is_told_from_renumbering():
    changes = diff_pair(law(A, B, C, D, E), law(A, C, D, E, B)).changes[1:]
    assert [(c.kind, c.old_label, c.new_label) for c in changes] == [
        ("renumbered", "第三条", "第二条"), ("renumbered", "第四条", "第三条"),
        ("renumbered", "第五条", "第四条"), ("moved", "第二条", "第五条")]


def test_split_and_merge():
    got, _ = pairs(law(A, B + C, D), law(A, B, C, D))
    assert got[("art2", "art2")] == "match" and got[("art2", "art3")] == "split"
    got, _ = pairs(law(A, B, C, D), law(A, B + C, D))
    assert got[("art2", "art2")] == "match" and got[("art3", "art2")] == "merge"


def test_whole_document_assignment_beats_first_match():
    # old 第一条 keeps a little of new 第一条 and takes all of new 第二条; old 第二条 *is* new 第二条.
    # First-match would give old 第一条 new 第二条 and leave old 第二条 unpaired.
    old = law(A[:20] + E, E)
    new = law(A, E)
    got, _ = pairs(old, new)
    assert got == {("art1", "art1"): "match", ("art2", "art2"): "match"}


def test_modified_text_and_word_diff():
    changes = diff_pair(law(A, E), law(A, E.replace("五十元以上二百元以下", "一百元以上五百元以下"))).changes
    doc, art = changes
    assert doc.level == "document" and doc.extra["counts"] == {"modified": 1}
    assert (art.kind, art.old_label, art.new_label, art.text_changed) == ("modified", "第二条", "第二条", True)
    assert [(s["op"], s["text"]) for s in art.diff if s["op"] != "equal" or s["text"] == "以上"] == [
        ("delete", "五十元"), ("insert", "一百元"), ("equal", "以上"), ("delete", "二百元"), ("insert", "五百元")]


def test_pins_override_the_alignment():
    old, new = law(A, B, C), law(A, B, C)
    got, _ = pairs(old, new, pins=[("art2", "art3"), ("art3", None)])
    assert got[("art2", "art3")] == "pinned"
    assert got[("art3", None)] == "pinned"
    assert (None, "art2") in got  # nothing left for new 第二条


def test_paths_name_items_and_paragraphs():
    d = law(A)
    d.provisions += [
        Provision(id="art1/para2", level="paragraph", start=2000, parent="art1", number=2, text="第二款。"),
        Provision(id="art1/para2/item1", level="item", start=2100, parent="art1/para2", label="（一）", number=1,
                  text="（一）项"),
    ]
    names = Names(d)
    assert [names.path(p) for p in d.provisions] == ["文首", "第一条", "第一条第二款", "第一条第二款（一）"]


# --- words ----------------------------------------------------------------------------------------

def test_word_diff_is_by_jieba_words_and_keeps_both_sides():
    segs = word_diff("经营者在中国境内的营业额均超过4亿元", "经营者在中国境内的营业收入均超过4亿元")
    # a character diff would keep 营业 and change 额 into 收入
    assert segs == [{"op": "equal", "text": "经营者在中国境内的"}, {"op": "delete", "text": "营业额"},
                    {"op": "insert", "text": "营业收入"}, {"op": "equal", "text": "均超过4亿元"}]
    old, new = "起付标准为 30 元 / 次；（二）", "起付标准为20元/次；(二)"
    segs = word_diff(old, new)
    assert old_side(segs) == old and new_side(segs) == new
    assert [s["op"] for s in segs] == ["equal", "delete", "insert", "equal"]
    assert word_diff("同一文本", "同一文本") == [{"op": "equal", "text": "同一文本"}]


# --- values ---------------------------------------------------------------------------------------

def _prov(text, **values):
    p = Provision(id="art3/item1", level="item", start=100, label="（一）", number=1, text=text)
    for k, v in values.items():
        setattr(p, k, [VALUE_CLASSES[k].from_json(x) for x in v])
    return p


def _cny(value, raw, at):
    return {"value": value, "unit": "CNY", "comparator": "gt", "raw": raw, "span": [100 + at, 100 + at + len(raw)],
            "subject": None}


def test_threshold_changes_are_paired_by_context_and_compared_exactly():
    old_text = "全球营业额合计超过100亿元，境内营业额均超过4亿元"
    new_text = "境内营业额均超过8亿元，全球营业额合计超过120亿元"  # the order changed too
    old = _prov(old_text, thresholds=[_cny(10000000000, "超过100亿元", 7), _cny(400000000, "超过4亿元", 21)])
    new = _prov(new_text, thresholds=[_cny(800000000, "超过8亿元", 6), _cny("12000000000.00", "超过120亿元", 19)])
    got = [(v["field"], v["change"], v["old"]["raw"], v["new"]["raw"]) for v in diff_values(old, new)]
    assert sorted(got) == [("threshold", "changed", "超过100亿元", "超过120亿元"),
                           ("threshold", "changed", "超过4亿元", "超过8亿元")]
    same = _prov(old_text, thresholds=[_cny("10000000000.0", "超过100亿元", 7), _cny(Decimal("4E8"), "超过4亿元", 21)])
    assert diff_values(old, same) == []


def test_deadline_unit_and_citation_changes():
    old = _prov("执行期限至2023年4月30日。责任单位：市财政局。依据《某办法》（豫政〔2020〕1号）",
                deadlines=[{"date": "2023-04-30", "kind": "until", "raw": "至2023年4月30日", "span": [104, 116]}],
                units=[{"name": "市财政局", "raw": "市财政局", "span": [121, 125], "role": "responsible",
                        "inherited": False}],
                citations=[{"title": "某办法", "doc_number": "豫政〔2020〕1号", "raw": "《某办法》", "span": [128, 133]}])
    new = _prov("执行期限至2023年12月31日。责任单位：市医保局。依据《某办法》（豫政〔2022〕3号）",
                deadlines=[{"date": "2023-12-31", "kind": "until", "raw": "至2023年12月31日", "span": [104, 117]}],
                units=[{"name": "市医保局", "raw": "市医保局", "span": [122, 126], "role": "responsible",
                        "inherited": False}],
                citations=[{"title": "某办法", "doc_number": "豫政〔2022〕3号", "raw": "《某办法》", "span": [129, 134]}])
    assert [v["summary"] for v in diff_values(old, new)] == [
        "deadline 2023-04-30 → 2023-12-31",
        "unit removed: 市财政局",
        "unit added: 市医保局",
        "citation 《某办法》 → 《某办法》",
    ]


# --- pins -----------------------------------------------------------------------------------------

def test_pins_from_arguments_and_files(tmp_path):
    f = tmp_path / "pins.json"
    f.write_text(json.dumps({"matches": [["art1", "art2"], ["art3", None]]}), encoding="utf-8")
    pins = parse_pins(["art2=art1", str(f)])
    assert pins.raw == [("art2", "art1"), ("art1", "art2"), ("art3", "-")]
    old, new = law(A, B, C), law(A, B, C)
    pins.check([old], [new])
    assert pins.for_pair(old, new) == [("art2", "art1"), ("art1", "art2"), ("art3", None)]


@pytest.mark.parametrize("value, message", [
    ("art9=art1", "no old provision 'art9'"),
    ("art1=art9", "no new provision 'art9'"),
    ("-=-", "names nothing"),
])
def test_bad_pins_say_what_is_wrong(value, message):
    pins = parse_pins([value])
    with pytest.raises(PinError, match=message):
        pins.check([law(A)], [law(A)])


def test_a_pin_that_is_neither_pair_nor_file():
    with pytest.raises(PinError, match="neither OLD_ID=NEW_ID nor an existing JSON file"):
        parse_pins(["art1"])


def test_document_pins():
    pins = Pins(raw=[("doc1", "doc2")])
    pins.check([law(A)], [law(A, doc_id="doc2")])
    assert pins.documents == [("doc1", "doc2")] and pins.provisions == []
