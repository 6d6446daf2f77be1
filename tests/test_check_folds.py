"""`gazette check` sees what was printed, and reports nothing a fold made.

Ingest folds characters to what a reader sees (Kangxi and supplement radicals, compatibility ideographs,
full-width digits, typographic spaces, zero-width characters), each fold a recorded removal. The seed
with such characters put in (as web prints and PDF text layers have them) must give the same findings
as the seed itself; a 文号 printed with full-width digits is still reported, from the printed form.
"""
from __future__ import annotations

import extract
from conftest import SEED
from extract.check import check

# (line of the seed, text, the same text as some producers print it)
FOLDED = [
    (108, "为贯彻落实", "为贯\u200b彻落实"),  # a zero-width space inside a word
    (112, "落实好财税支持政策", "落实好财税⽀持政策"),  # KANGXI RADICAL BRANCH for 支
    (114, "增强信贷扶持力度", "增强信贷扶持⼒度"),  # KANGXI RADICAL POWER for 力
    (124, "建立以", "建⽴以"),  # KANGXI RADICAL STAND for 立
    (196, "三门峡市人民政府", "三门峡市⼈⺠政府"),  # the signature: 人 (Kangxi), 民 (Radicals Supplement)
    (202, "2022年，全市财税系统", "２０２２年，全市财税系统"),  # full-width digits in running text
    (204, "希望各级财税部门", "\u2003希望各级财税部门"),  # an EM SPACE indent
]


def _findings(text: str, path: str):
    return sorted((f.code, f.line, f.message) for f in check(extract.parse(text, path=path)))


def _mutated(edits):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for n, old, new in edits:
        assert old in lines[n - 1], (n, old)
        lines[n - 1] = lines[n - 1].replace(old, new, 1)
    return "\n".join(lines)


def test_folded_characters_cause_no_finding():
    x = extract.parse(_mutated(FOLDED), path=SEED.name)
    assert any(r.kind == "fold" and r.why == "radical" for r in x.text.removals)
    assert sorted((f.code, f.line, f.message) for f in check(x)) == _findings(SEED.read_text(encoding="utf-8"), SEED.name)


def test_a_doc_number_printed_with_full_width_digits_is_reported_from_the_printed_form():
    text = _mutated([(198, "三政〔2023〕3号", "三政〔2023〕３号")])
    x = extract.parse(text, path=SEED.name)
    assert x.documents[1].doc_number == "三政〔2023〕3号"  # read as a reader reads it
    got = [f for f in check(x, select=["GZ301"]) if f.line == 198]
    assert len(got) == 1 and "the number uses full-width digits" in got[0].message
