"""Diff views that lead with the changes: renumbering collapsed into one line, unchanged lines once and
folded, numbers marked whole, unchanged provisions hidden in the HTML until asked for.

The sample issue (2023-02) and its next version (corpus/diff/sanmenxia-gazette-2023-03.md) differ in
三政办〔2022〕18号 → 〔2023〕9号: a new 第十二条, so the old 第十二条 to 第三十一条 become 第十三条 to
第三十二条 unchanged, and the old 第三十二条 (now 第三十三条) gets a new date; its 文首 changes only in the
文号 line and its 落款 only in the date line (2022年6月6日 → 2023年3月20日)."""
import re

import pytest

from browser import dump_dom, has_colour, needs_chromium, screenshot
from conftest import CORPUS, SEED
from extract.diff import diff
from extract.diff.model import Change
from extract.diff.render_html import render as render_html
from extract.diff.render_text import render as render_text
from extract.diff.view import fold, group_renumbered, whole_numbers

NEXT = CORPUS / "diff" / "sanmenxia-gazette-2023-03.md"
LAWS = CORPUS / "laws"


@pytest.fixture(scope="module")
def issue_diff():
    return diff(str(SEED), str(NEXT))


def hunk(text: str, head: str) -> list[str]:
    lines = text.splitlines()
    at = lines.index(head)
    end = next(i for i in range(at + 1, len(lines)) if lines[i].startswith(("@@", "===", "provisions:")))
    return lines[at + 1:end]


def test_renumbering_is_one_line(issue_diff):
    out = render_text(issue_diff)
    assert "@@ 第十二条–第三十一条 renumbered +1 (20 provisions, text unchanged) @@" in out.splitlines()
    assert "@@ 第十二条 → 第十三条 renumbered @@" not in out
    assert out.count(" renumbered") == 2  # the run, and 第三十二条 → 第三十三条 modified (renumbered)
    assert "@@ 第三十二条 → 第三十三条 modified (renumbered) @@" in out
    assert out.rstrip().endswith("provisions: 1 added, 5 modified, 20 renumbered; "
                                 "documents: 2 added, 5 removed, 1 modified")


def test_unchanged_lines_are_context_printed_once(issue_diff):
    out = render_text(issue_diff)
    assert hunk(out, "@@ 文首 modified @@") == [
        " 三门峡市人民政府办公室 关于印发三门峡市重特大疾病医疗保险和 救助制度实…",
        "-三政办〔[-2022-]〕[-18-]号",
        "+三政办〔{+2023+}〕{+9+}号",
        " 各县（市、区）人民政府，城乡一体化示范区、开发区管理委员会，市人民政府有…",
    ]
    assert hunk(out, "@@ 落款 modified @@") == [
        " 三门峡市人民政府办公室", "-[-2022-]年[-6-]月[-6-]日", "+{+2023+}年{+3+}月{+20+}日"]


def test_long_unchanged_stretches_inside_a_line_are_folded(issue_diff):
    lines = hunk(render_text(issue_diff), "@@ 第九条（一） modified @@")
    assert lines[:2] == ["-…村易返贫致贫人口的住院救助起付标准为[-2600-]元；因病致贫重病患者的住院救助起付标准为[-6600-]元。",
                         "+…村易返贫致贫人口的住院救助起付标准为{+2000+}元；因病致贫重病患者的住院救助起付标准为{+5000+}元。"]
    assert fold([(False, "甲" * 40), (True, "乙"), (False, "丙" * 40)], context=5) == \
        [(False, "…甲甲甲甲甲"), (True, "乙"), (False, "丙丙丙丙丙…")]
    assert fold([(True, "乙"), (False, "丙" * 20), (True, "丁")], context=5) == \
        [(True, "乙"), (False, "丙丙丙丙丙…丙丙丙丙丙"), (True, "丁")]


HISTORY = ("某某条例\n\n（2001年1月1日某某会议通过\n2005年1月1日第一次修正\n2008年1月1日第二次修正\n"
           "2012年1月1日第三次修正\n2016年1月1日第四次修正\n2019年1月1日第五次修正）\n\n第一条 为了规范管理，制定本条例。\n")


def test_many_unchanged_lines_fold_into_one(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(HISTORY, encoding="utf-8")
    new.write_text(HISTORY.replace("2019年1月1日第五次", "2020年1月1日第五次"), encoding="utf-8")
    out = render_text(diff(str(old), str(new), values=False))
    assert hunk(out, "@@ 文首 modified @@") == [
        " ⋯ 5 unchanged lines", " 2016年1月1日第四次修正", "-[-2019-]年1月1日第五次修正）", "+{+2020+}年1月1日第五次修正）"]


@pytest.mark.parametrize("segments, expected", [
    # a change that starts inside 100 takes the whole number on both sides
    ([("equal", "超过1"), ("delete", "00"), ("insert", "20"), ("equal", "亿元")],
     [("equal", "超过"), ("delete", "100"), ("insert", "120"), ("equal", "亿元")]),
    ([("equal", "罚款10"), ("delete", "0"), ("insert", "5"), ("equal", "0元")],
     [("equal", "罚款"), ("delete", "1000"), ("insert", "1050"), ("equal", "元")]),
    ([("equal", "一百"), ("insert", "二十"), ("equal", "元")],
     [("delete", "一百"), ("insert", "一百二十"), ("equal", "元")]),
    ([("equal", "1.5"), ("delete", "0"), ("insert", "8"), ("equal", "万元")],
     [("delete", "1.50"), ("insert", "1.58"), ("equal", "万元")]),
    # already whole, or not a number: unchanged
    ([("equal", "罚款"), ("delete", "100"), ("insert", "120"), ("equal", "元")],
     [("equal", "罚款"), ("delete", "100"), ("insert", "120"), ("equal", "元")]),
    ([("equal", "统一"), ("insert", "规划"), ("equal", "管理")],
     [("equal", "统一"), ("insert", "规划"), ("equal", "管理")]),
])
def test_numbers_are_marked_whole(segments, expected):
    got = whole_numbers([{"op": op, "text": t} for op, t in segments])
    assert [(s["op"], s["text"]) for s in got] == expected


def test_real_number_change_reads_whole():
    result = diff(str(LAWS / "国务院关于经营者集中申报标准的规定(2018-09-18).md"),
                  str(LAWS / "国务院关于经营者集中申报标准的规定(2024-01-22).md"))
    out = render_text(result)
    assert "超过[-100-]亿元" in out and "超过{+120+}亿元" in out and "超过[-20-]亿元" in out
    page = render_html(result)
    assert "超过<del>100</del>亿元" in page and "超过<ins>120</ins>亿元" in page


def _c(old, new, kind="renumbered", level="article", **kw):
    return Change(kind=kind, level=level, old_label=old, new_label=new, old_path=kw.pop("old_path", old),
                  new_path=kw.pop("new_path", new), **kw)


def test_runs_need_the_same_shift_consecutive_numbers_and_no_other_change():
    changes = [_c("第三条", "第四条"), _c("第四条", "第五条"), _c("第五条", "第六条"),
               _c("第六条", "第八条"), _c("第七条", "第九条"),  # shift +2 from here
               _c("第九条", "第十一条"),  # number 8 is missing: a new run would start, of one
               _c("第十条", "第十二条", kind="modified", text_changed=True),
               _c("（一）", "（二）", level="item", old_path="第十一条（一）", new_path="第十三条（二）"),
               _c("（一）", "（二）", level="item", old_path="第十二条（一）", new_path="第十四条（二）")]
    got = group_renumbered(changes)
    assert [g.summary() if hasattr(g, "summary") else g.old_label for g in got] == [
        "第三条–第五条 renumbered +1 (3 provisions, text unchanged)",
        "第六条–第七条 renumbered +2 (2 provisions, text unchanged)",
        "第九条", "第十条", "（一）", "（一）"]


def test_html_hides_unchanged_rows_and_collapses_the_run(issue_diff):
    page = render_html(issue_diff)
    run = re.findall(r'<tr class="run" data-kind="run" data-run="(\w+)">(.*?)</tr>', page)
    assert len(run) == 1 and "第十二条–第三十一条 renumbered +1 (20 provisions, text unchanged)" in run[0][1]
    members = re.findall(rf'<tr class="change renumbered member hidden" data-kind="renumbered" '
                         rf'data-member="{run[0][0]}"', page)
    assert len(members) == 20
    assert page.count('<tr class="same hidden"') == len(re.findall(r'<tr [^>]*data-kind="same"', page)) > 0
    assert '<tr class="same"' not in page
    assert "matched by only" not in page and "matched by title and content" in page
    assert '<button id="toggle" type="button">show unchanged provisions</button>' in page


def test_matched_by_wording_for_two_single_documents():
    page = render_html(diff(str(LAWS / "行政复议法(2017-09-01).md"), str(LAWS / "行政复议法(2023-09-01).md")))
    assert " · the only document on each side</p>" in page and "matched by only" not in page


@needs_chromium
def test_one_click_shows_the_unchanged_and_the_run(issue_diff, tmp_path):
    page = render_html(issue_diff)
    clicks = ("<script>document.getElementById('toggle').click();"
              "document.querySelector('tr.run button').click();</script></body>")
    shown = tmp_path / "shown.html"
    shown.write_text(page.replace("</body>", clicks), encoding="utf-8")
    plain = tmp_path / "report.html"
    plain.write_text(page, encoding="utf-8")
    before, after = dump_dom(plain, tmp_path), dump_dom(shown, tmp_path)
    assert re.search(r'id="counts">changes in this report: ([^<]*)<', before).group(1) == \
        "5 modified, 1 added, 20 renumbered"
    assert before.count('class="same hidden"') > 0 and 'class="same"' not in before
    assert after.count('class="same hidden"') == 0 and after.count('class="same"') == before.count('class="same hidden"')
    # the toggle showed the run's members and the run's own button hid them again: one click each way
    assert after.count("member hidden") == 20
    assert "hide unchanged provisions</button>" in after
    # drawn: the run's one row (its colour is the renumbered rows', all hidden) and the changed rows
    image = screenshot(plain, tmp_path, (1200, 2400))
    assert has_colour(image, (0xee, 0xf4, 0xff), least=2000)  # tr.run
    assert has_colour(image, (0xff, 0xfb, 0xe6), least=2000)  # tr.change (modified)
