"""The database as the gazettes' memory: one document whatever its copies, families of versions, series,
the relations between documents, and whether a document is in force on a date.

What the inputs say, by reading them: the seed (corpus/sanmenxia-gazette-2023-02.md) prints seven
documents; its PDF-to-text rendering (…pdftotext.txt) is the same issue; corpus/html/sanmenxia-2022-19-gbk.html
is 三政办〔2022〕19号 as a web page. The hand-written next issue (corpus/diff/, see tests/test_diff_issue.py)
reprints 三政〔2023〕3号, re-issues 三政办〔2022〕18号's regulation as 三政办〔2023〕9号 (effective 2023-04-01)
saying 三政办〔2022〕18号 同时废止, extends 三政办〔2022〕19号 (有效期至 2024 年 12 月 31 日 in the seed)
to 2025-12-31 by 三政办〔2023〕10号 (dated 2023-03-28), and repeals 三政办文〔2023〕2号 by 三政办〔2023〕12号
(dated 2023-03-30). 行政复议法 2017 and 2023 are two versions of one law; the 2023 text takes effect on
2024-01-01 (its 第九十条).
"""
import json
import sqlite3
from decimal import Decimal

import pytest
from click.testing import CliRunner

from extract import db
from extract.cli import main
from extract.db.query import parse_threshold
from extract.errors import GazetteError

from conftest import CORPUS, SEED

NEXT = CORPUS / "diff" / "sanmenxia-gazette-2023-03.md"
PDFTEXT = CORPUS / "sanmenxia-gazette-2023-02.pdftotext.txt"
WEB_19 = CORPUS / "html" / "sanmenxia-2022-19-gbk.html"
LAW_2017 = CORPUS / "laws" / "行政复议法(2017-09-01).md"
LAW_2023 = CORPUS / "laws" / "行政复议法(2023-09-01).md"


@pytest.fixture(scope="module")
def memory(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "memory.db"
    summary = db.build(path, [SEED, PDFTEXT, WEB_19, NEXT, LAW_2017, LAW_2023, CORPUS / "README.md"], progress=False)
    assert summary.failed == [] and summary.added == 6
    return path


def test_a_file_without_a_document_is_reported_and_not_stored(tmp_path):
    seen = []
    summary = db.build(tmp_path / "c.db", [CORPUS / "README.md"], progress=False,
                       on_warning=lambda p, m: seen.append(m))
    assert (summary.added, summary.failed) == (0, [])
    assert seen == [f"W040 {CORPUS / 'README.md'}: no gazette document found (no 文号, issuer, date or numbered "
                    "provisions): not stored"]
    assert db.stats(tmp_path / "c.db")["counts"]["sources"] == 0


def test_one_document_many_copies(memory):
    docs = {d["document_key"]: d for d in db.rows(memory, table="documents")}
    assert docs["三政办〔2022〕19号"]["copies"] == 3
    assert [p.rsplit("/", 1)[1] for p in docs["三政办〔2022〕19号"]["sources"]] == [
        "sanmenxia-gazette-2023-02.md", "sanmenxia-gazette-2023-02.pdftotext.txt", "sanmenxia-2022-19-gbk.html"]
    assert docs["三政〔2023〕3号"]["copies"] == 3  # seed, its text rendering, and the next issue's reprint
    assert docs["三政〔2023〕2号"]["copies"] == 2
    # 7 of the seed + 9号, 10号, 12号 of the next issue + two versions of the law
    assert len(docs) == 12
    # searched once: the same provisions as in the seed alone (tests/test_db.py), each with its sources
    rows = db.search(memory, "财政局", limit=0)
    assert len(rows) == 16
    measures = [r for r in rows if r["document_id"] == "三政办〔2022〕19号"]
    assert {r["provision_id"] for r in measures} == {"reg/sec1", "reg/sec2", "reg/sec3", "reg/sec4"}
    assert all(len(r["sources"]) == 3 for r in measures)
    assert db.stats(memory)["documents_with_copies"] == 7


def test_families_and_series(memory):
    conn = sqlite3.connect(memory)
    families = dict(conn.execute(
        "SELECT f.title, group_concat(d.key, ' ') FROM families f JOIN documents d ON d.family = f.pk "
        "GROUP BY f.pk HAVING count(*) > 1"))
    assert families == {
        "三门峡市重特大疾病医疗保险和救助制度实施细则": "三政办〔2022〕18号 三政办〔2023〕9号",
        "中华人民共和国行政复议法": "中华人民共和国行政复议法||2017-09-01 中华人民共和国行政复议法||2023-09-01"}
    series = conn.execute("SELECT r.title, s.issue_year, s.issue_number, s.issue_total_number FROM series r "
                          "JOIN sources s ON s.series = r.pk ORDER BY s.issue_number, s.pk").fetchall()
    assert series == [("三门峡市人民政府公报", 2023, 2, 203), ("三门峡市人民政府公报", 2023, 2, 203),
                      ("三门峡市人民政府公报", 2023, 3, 204)]


def test_links_between_documents(memory):
    conn = sqlite3.connect(memory)
    links = set(conn.execute(
        "SELECT a.key, l.relation, b.key, l.by, l.expires FROM links l JOIN documents a ON a.pk = l.from_document "
        "JOIN documents b ON b.pk = l.to_document"))
    assert links == {
        ("三政办〔2023〕9号", "repeals", "三政办〔2022〕18号", "doc_number", None),
        # 修订后的《三门峡市重特大疾病医疗保险和救助制度实施细则》: the regulation 18号 published, revised
        ("三政办〔2023〕9号", "amends", "三政办〔2022〕18号", "title", None),
        # named twice, by the title of its measures (the notice's title) and by its 文号 (the body): one link
        ("三政办〔2023〕10号", "extends", "三政办〔2022〕19号", "doc_number", "2025-12-31"),
        ("三政办〔2023〕12号", "repeals", "三政办文〔2023〕2号", "doc_number", None),
    }


def states(path, on):
    return {r["key"]: (r["state"], r["since"], r["until"], r["by"]) for r in db.status(path, on)}


def test_status_on_a_date(memory):
    on = states(memory, "2024-06-30")
    assert on["三政办〔2022〕18号"] == ("repealed", "2023-04-01", None, "三政办〔2023〕9号")
    assert on["三政办文〔2023〕2号"] == ("repealed", "2023-03-30", None, "三政办〔2023〕12号")
    assert on["三政办〔2022〕19号"] == ("extended", None, "2025-12-31", "三政办〔2023〕10号")
    assert on["三政办〔2023〕9号"] == ("in-force", None, "2025-12-31", None)
    assert on["中华人民共和国行政复议法||2017-09-01"] == ("superseded", "2024-01-01", None, "中华人民共和国行政复议法")
    assert on["中华人民共和国行政复议法||2023-09-01"][0] == "in-force"
    before = states(memory, "2023-03-01")  # before any notice of the next issue
    assert before["三政办〔2022〕18号"][0] == before["三政办〔2022〕19号"][0] == before["三政办文〔2023〕2号"][0] == "in-force"
    assert before["三政办〔2023〕9号"] == ("not-yet-effective", "2023-04-01", None, None)
    assert states(memory, "2023-12")["中华人民共和国行政复议法||2023-09-01"][0] == "not-yet-effective"
    later = states(memory, "2026-01-01")
    assert later["三政办〔2022〕19号"] == ("expired", "2025-12-31", None, "三政办〔2023〕10号")
    assert later["三政办〔2023〕9号"] == ("expired", "2025-12-31", None, None)


def test_in_force_filter(memory):
    everywhere = {r["document_id"] for r in db.search(memory, "财政局", limit=0)}
    assert everywhere == {"三政〔2023〕2号", "三政办〔2022〕19号", "三政办文〔2023〕2号"}
    assert {r["document_id"] for r in db.search(memory, "财政局", in_force="2024-06-30", limit=0)} == {
        "三政〔2023〕2号", "三政办〔2022〕19号"}  # 三政办文〔2023〕2号 repealed; 19号 extended
    assert {r["document_id"] for r in db.search(memory, "财政局", in_force="2026", limit=0)} == {"三政〔2023〕2号"}
    with pytest.raises(GazetteError) as e:
        db.search(memory, "财政局", in_force="2024-13")
    assert e.value.code == "E047"


def test_status_command(memory):
    result = CliRunner().invoke(main, ["db", "status", str(memory), "--on", "2024-06-30", "--state", "repealed",
                                       "--state", "extended"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "三政办〔2022〕18号  repealed since 2023-04-01 by 三政办〔2023〕9号  "
        "三门峡市人民政府办公室关于印发三门峡市重特大疾病医疗保险和救助制度实施细则的通知",
        "三政办〔2022〕19号  extended to 2025-12-31 by 三政办〔2023〕10号  "
        "三门峡市人民政府办公室关于印发三门峡市培育和激发市场主体活力十项措施的通知",
        "三政办文〔2023〕2号  repealed since 2023-03-30 by 三政办〔2023〕12号  "
        "三门峡市人民政府办公室关于建立三门峡市化工园区认定管理工作联席会议制度的通知",
        "3 documents on 2024-06-30: 1 extended, 2 repealed"]
    data = json.loads(CliRunner().invoke(main, ["db", "status", str(memory), "--on", "2026-01-01", "--doc-number",
                                                "三政办[2022]19号", "--format", "json"]).stdout)
    assert data["documents"] == [{"key": "三政办〔2022〕19号", "label": "三政办〔2022〕19号",
                                  "title": "三门峡市人民政府办公室关于印发三门峡市培育和激发市场主体活力十项措施的通知",
                                  "state": "expired", "since": "2025-12-31", "until": None, "by": "三政办〔2023〕10号",
                                  "by_key": "三政办〔2023〕10号"}]


def test_numbers_are_stored_as_numbers_beside_their_exact_form(memory):
    conn = sqlite3.connect(memory)
    rows = conn.execute("SELECT typeof(value), value, value_exact, raw FROM thresholds WHERE raw IN ('92.2亿元', '3万元') "
                        "GROUP BY raw").fetchall()
    assert sorted(rows) == [("integer", 30000, "30000", "3万元"), ("integer", 9220000000, "9220000000", "92.2亿元")]
    # a plain numeric comparison, as any SQLite client (or Datasette's value__gte) does it
    (n,) = conn.execute("SELECT count(*) FROM thresholds WHERE unit = 'CNY' AND value >= 10000 AND value < 2000").fetchone()
    assert n == 0


@pytest.mark.parametrize("spec, expected", [
    ("CNY>=1万", ("CNY", ">=", Decimal(10000))),
    ("CNY>=10000", ("CNY", ">=", Decimal(10000))),
    ("元>1.5万元", ("CNY", ">", Decimal(15000))),
    ("CNY<=92.2亿", ("CNY", "<=", Decimal(9220000000))),
    ("CNY=3千", ("CNY", "=", Decimal(3000))),
    ("CNY>=1万亿", ("CNY", ">=", Decimal(10 ** 12))),
    ("ＣＮＹ＞＝１万", ("CNY", ">=", Decimal(10000))),
    ("CNY<0.5万", ("CNY", "<", Decimal(5000))),
    ("人>=5百", ("人", ">=", Decimal(500))),
])
def test_threshold_specs_with_chinese_multipliers(spec, expected):
    assert parse_threshold(spec) == expected


def test_a_threshold_in_wan_finds_what_the_number_finds(memory):
    assert db.search(memory, threshold="CNY>=1万", limit=0) == db.search(memory, threshold="CNY>=10000", limit=0)
    for bad in ("CNY>=1万万", "%>=5元"):
        with pytest.raises(GazetteError):
            parse_threshold(bad)


def test_text_output_shows_which_threshold_matched(memory):
    result = CliRunner().invoke(main, ["db", "search", str(memory), "--threshold", "CNY>=1万", "--doc-number",
                                       "三政办〔2022〕18号", "--limit", "0"])
    assert result.exit_code == 0, result.output
    blocks = result.stdout.split("\n\n")
    art10 = next(b for b in blocks if "reg/ch3/art10" in b)
    # 第十条: 3万元 and 1万元 (both 以内/以下: le); nothing else of the article matches
    assert "  matched: 3万元 = CNY 30000 (<=); 1万元 = CNY 10000 (<=)" in art10.splitlines()


def test_a_repeal_never_names_a_version_issued_later(tmp_path):
    # 反间谍法 (2014) repeals the 1993 《中华人民共和国国家安全法》; the database holds only the 2015 law of that
    # title, which it cannot mean: no link, and the 2015 law stays in force
    path = tmp_path / "c.db"
    db.build(path, sorted((CORPUS / "status").glob("*.md")), progress=False)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT relation, title FROM relations").fetchall() == [("repeals", "中华人民共和国国家安全法")]
    assert conn.execute("SELECT count(*) FROM links").fetchone() == (0,)
    assert {r["key"]: r["state"] for r in db.status(path, "2024-01-01")} == {
        "中华人民共和国反间谍法||2014-11-01": "in-force", "中华人民共和国国家安全法||2015-07-01": "in-force"}


def test_a_provision_printed_differently_in_another_copy_is_found_in_both(tmp_path):
    # the same issue twice, one copy with a name changed in 三政办文〔2023〕2号 sec1/para5 (line 601)
    other = tmp_path / "issue-copy.md"
    other.write_text(SEED.read_text(encoding="utf-8").replace("李清凌（市财政局副局长）", "王小明（市财政局副局长）"),
                     encoding="utf-8")
    path = tmp_path / "c.db"
    db.build(path, [SEED, other], progress=False)
    assert [(r["provision_id"], r["path"]) for r in db.search(path, "李清凌", limit=0)] == [
        ("sec1/para5", str(SEED.resolve()))]
    assert [(r["provision_id"], r["path"]) for r in db.search(path, "王小明", limit=0)] == [
        ("sec1/para5", str(other))]
    # every other provision is word for word the same in both copies: given once
    rows = db.search(path, "财政局", limit=0)
    assert len(rows) == 17 and sum(r["provision_id"] == "sec1/para5" for r in rows) == 2
    assert len(list(db.rows(path, table="sources", query="财政局"))) == 2
