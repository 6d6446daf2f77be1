"""Characters as a reader sees them: every format folds radicals, compatibility ideographs, full-width
digits and letters, odd spaces and zero-width characters, each fold recorded (exact expectations)."""
import json

import pytest

import extract
from extract.ingest import read
from extract.schema import errors as schema_errors

# a regulation as a web page printed on macOS carries radicals: ⼈ (Kangxi) and ⺠ ⻅ (Supplement)
WEB_PRINT = ("某某市⼈⺠政府关于意⻅征集的规定\n\n"
             "第⼀条\u3000为了规范管理，制定本规定。\n\n"
             "第⼆条\u2003本规定⾃２０２３年１⽉１⽇起施⾏，罚款\u00a0５万元。\n\n"
             "第\u200b三条 ＡＢ公司负责。\n")


def test_radicals_spaces_and_digits_fold_and_restore():
    t = read(WEB_PRINT)
    assert t.clean == ("某某市人民政府关于意见征集的规定\n\n"
                       "第一条\u3000为了规范管理，制定本规定。\n\n"
                       "第二条\u3000本规定自2023年1月1日起施行，罚款 5万元。\n\n"
                       "第三条 AB公司负责。\n")
    assert t.restore() == WEB_PRINT
    folds = [r for r in t.removals if r.kind == "fold"]
    by_class = {}
    for r in folds:
        by_class[r.why] = by_class.get(r.why, 0) + 1
    assert by_class == {"radical": 9, "space": 2, "width": 9, "invisible": 1}
    assert {(r.raw, r.replacement) for r in folds if r.why == "radical"} >= {("⼈", "人"), ("⺠", "民"), ("⻅", "见")}


def test_a_folded_text_parses_as_the_plain_one():
    x = extract.parse(WEB_PRINT)
    doc = x.documents[0]
    assert doc.title == "某某市人民政府关于意见征集的规定"
    arts = [p for p in doc.provisions if p.level == "article"]
    assert [p.label for p in arts] == ["第一条", "第二条", "第三条"]
    assert doc.effective == "2023-01-01"
    fine = [t for p in doc.provisions for t in p.thresholds]
    assert [(t.value, t.unit) for t in fine] == [(50000, "CNY")]
    assert not any(ch in p.text for p in doc.provisions for ch in "⼈⺠⻅⼀⼆\u200b\u2003")


def test_printed_undoes_the_folds_of_a_span():
    t = read(WEB_PRINT)
    a = t.clean.index("2023")
    assert t.printed(a, a + 4) == "２０２３"
    assert [r.raw for r in t.folds(a, a + 4)] == ["２", "０", "２", "３"]


def test_folds_are_in_the_json_and_valid():
    out = extract.parse(WEB_PRINT).to_json()
    assert schema_errors(out) == []
    folds = [r for r in out["removals"] if r["kind"] == "fold"]
    assert folds[0] == {"kind": "fold", "raw": "⼈", "span": [3, 4], "at": 3, "line": 1, "column": 4,
                        "replacement": "人", "class": "radical"}
    json.dumps(out, ensure_ascii=False)


def test_html_folds_too():
    page = ("<html><head><meta charset='utf-8'><title>t</title></head><body><h1>某某条例</h1>"
            "<p>第⼀条 ⼈⺠政府负责。</p><p>第⼆条 本条例⾃公布之⽇起施⾏。</p></body></html>").encode()
    x = extract.parse(page, path="page.html")
    arts = [p for p in x.documents[0].provisions if p.level == "article"]
    assert [p.label for p in arts] == ["第一条", "第二条"]
    assert "人民政府负责" in arts[0].text
    assert x.text.restore() == x.text.source


@pytest.mark.parametrize("ch, folded", [("⼈", "人"), ("⺠", "民"), ("⻛", "风"), ("⻓", "长"), ("⻔", "门"),
                                         ("⾦", "金"), ("\uf900", "\u8c48"), ("０", "0"), ("ｚ", "z")])
def test_fold_table(ch, folded):
    from extract.lexicon.characters import fold_char
    assert fold_char(ch)[0] == folded


def test_a_latin_l_for_the_digit_one_in_a_date_folds():
    # 浙江省建设工程监理管理条例 (test13) prints 本条例自1999年10月l日起施行: the l is the digit 1, in a date
    # only (a word's l, and an l beside 月 outside a date, stay)
    src = "第三十四条 本条例自1999年10月l日起施行。Intel 公司每月l日\n"
    t = read(src)
    assert t.clean == "第三十四条 本条例自1999年10月1日起施行。Intel 公司每月l日\n"
    assert t.restore() == src
    assert [(r.raw, r.replacement, r.why) for r in t.removals if r.kind == "fold"] == [("l", "1", "digit")]
