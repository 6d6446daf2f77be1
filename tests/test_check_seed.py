"""`gazette check` on the seed issue: the problems it really contains, found by reading it, and nothing else.

Each entry was checked against corpus/sanmenxia-gazette-2023-02.md by eye (line numbers of that file).
"""
from __future__ import annotations

from collections import Counter

import pytest

from extract.check import check

SEED_PROBLEMS = [
    # running headers (三门峡市人民政府公报) left where printed pages ended
    ("GZ711", 93), ("GZ711", 236), ("GZ711", 238),
    # paragraphs cut by page breaks (join the lines in the source)
    ("GZ714", 116), ("GZ714", 126), ("GZ714", 138), ("GZ714", 144), ("GZ714", 152), ("GZ714", 160),
    ("GZ714", 174), ("GZ714", 184), ("GZ714", 290), ("GZ714", 314), ("GZ714", 370), ("GZ714", 537),
    # 困 printed on both sides of a page break: 确保困困难群众
    ("GZ712", 290),
    # <sub>2</sub> after 缴费基数 (twice)
    ("GZ713", 529), ("GZ713", 531),
    # （责任单位：…乡村振兴局) and （责任单位：…民政局): full-width opened, ASCII closed
    ("GZ722", 128), ("GZ722", 164),
    # 三政〔2023〕2号: (七), (八)-(十), (十八)-(十九), (二十)-(二十一) beside （一）…（六）, （十一）…
    ("GZ104", 130), ("GZ104", 134), ("GZ104", 166), ("GZ104", 172),
    # 三政办〔2022〕18号 第四条 (一)-(六) beside 第八条 （一）; 三政办〔2022〕20号 第十五条 (二)(三), 第二十一条 (一)-(五)
    ("GZ104", 302), ("GZ104", 541), ("GZ104", 559),
    # ASCII brackets around Chinese text: (责任单位：…), (阳光运动会), 县(市、区), (城市乡村全覆盖、…), 实有(户)
    ("GZ724", 130), ("GZ724", 134), ("GZ724", 136), ("GZ724", 140), ("GZ724", 166), ("GZ724", 168),
    ("GZ724", 172), ("GZ724", 174), ("GZ724", 444), ("GZ724", 462),
    # （三商务〔2022〕24 号）: a space inside the cited 文号
    ("GZ301", 148),
    # 第二十二条 of the 18号 rules: 加强基金预算管理 and 执行监督
    ("GZ703", 364),
    # 本实施细则自 2022 年 5 月 1 日起实施, signed 2022年6月6日
    ("GZ403", 390),
    # the 19号 attachment table: 义市 (义马市) and 澠池县 (渑池县)
    ("GZ702", 463), ("GZ701", 464),
]


@pytest.fixture(scope="module")
def seed_findings(seed):
    return check(seed)


def test_seed_problems_are_found_and_nothing_else(seed_findings):
    assert sorted((f.code, f.line) for f in seed_findings) == sorted(SEED_PROBLEMS)


def test_seed_messages_say_what_to_do(seed_findings):
    by = {(f.code, f.line): f.message for f in seed_findings}
    assert by[("GZ702", 463)] == "义市 is not a place in the place lists of 三门峡市: did you mean 义马市?"
    assert by[("GZ701", 464)] == "澠 in “澠池县” is a traditional/variant character: simplified text writes 渑 (“渑池县”)"
    assert by[("GZ703", 364)] == "English “and” inside Chinese text “管理 and 执行”: write 和"
    assert by[("GZ712", 290)] == "“困” repeated across a page break: the source reads “，确保困困难群”; delete one"
    assert by[("GZ403", 390)] == "takes effect on 2022-05-01, before the document was signed on 2022-06-06"
    assert by[("GZ104", 130)] == "(七) uses ASCII brackets where this document numbers the level （…）: write （七）"
    assert by[("GZ722", 128)] == "“（” is closed by “)”: write “（…）” (both full-width, or both ASCII)"


def test_seed_findings_point_into_documents(seed_findings):
    by = {(f.code, f.line): f for f in seed_findings}
    f = by[("GZ703", 364)]
    assert (f.document_id, f.provision_id, f.column) == ("三政办〔2022〕18号", "reg/ch5/art22", 100)
    assert (by[("GZ702", 463)].document_id, by[("GZ702", 463)].provision_id) == ("三政办〔2022〕19号", "att1")
    assert by[("GZ711", 93)].document_id is None  # in the front matter
    assert by[("GZ711", 236)].source_span == (10886, 10897)


def test_seed_table_and_lists_add_up(seed_findings):
    """The 合计 row of the 19号 table adds up (177954, 200900), 附件1 lists 4 and 附件2 27 companies as the
    text says, 9 diseases are named for 9种 and four 覆盖 for “四个覆盖”: none of these is reported."""
    codes = Counter(f.code for f in seed_findings)
    assert not any(codes[c] for c in ("GZ501", "GZ502", "GZ503", "GZ601", "GZ602"))
