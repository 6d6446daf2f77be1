"""Limits that hold (issue 14): the mechanisms that keep work linear, checked for what they give (the
time and memory figures are measured in bench/reliability.py, never asserted here)."""
import extract
from extract.ingest.text import Text


def test_repeated_articles_get_one_id_scheme():
    """20,000 repeated 第一条 took 38-63 s (a loop over taken ids per article); one allocator now gives
    ids once, after the tree is final: art1, art1~2, art1~3, …"""
    n = 3000
    doc = extract.parse("关于某事项的规定\n\n" + "第一条 内容。\n\n" * n, recognize=False).documents[0]
    ids = [p.id for p in doc.provisions if p.level == "article"]
    assert ids == ["art1"] + [f"art1~{k}" for k in range(2, n + 1)]
    assert len({p.id for p in doc.provisions}) == len(doc.provisions)


def test_children_of_a_repeated_article_follow_its_id():
    doc = extract.parse("关于某事项的规定\n\n第一条 甲。\n\n（一）乙；\n\n第一条 丙。\n\n（一）丁；\n", recognize=False).documents[0]
    assert [(p.id, p.parent) for p in doc.provisions if p.level != "preamble"] == [
        ("art1", None), ("art1/item1", "art1"), ("art1~2", None), ("art1~2/item1", "art1~2")]


def test_two_attachments_with_one_number_share_the_scheme():
    text = ("关于印发某办法的通知\n\n各单位：\n\n现将办法印发给你们。\n\n三门峡市人民政府\n\n2023年1月1日\n\n"
            "附件1\n\n申请表\n\n附件1\n\n登记表\n")
    doc = extract.parse(text, recognize=False).documents[0]
    assert [p.id for p in doc.provisions if p.level == "attachment"] == ["att1", "att1~2"]
    assert [a.provision_id for a in doc.attachments] == ["att1", "att1~2"]


def test_no_provisional_id_leaks(seed):
    for doc in seed.documents:
        assert all("\x00" not in p.id and (p.parent is None or "\x00" not in p.parent) for p in doc.provisions)
        assert all("\x00" not in a.provision_id for a in doc.attachments)


def test_page_lookup_builds_its_index_once():
    """PDFs past 5,000 pages grew quadratically: Text.page() rebuilt its list of page starts per call."""
    t = Text(source="a\nb\nc\n")
    t.pages = [(0, "1"), (2, "2"), (4, "3")]
    assert [t.page(k) for k in range(6)] == ["1", "1", "2", "2", "3", "3"]
    index = t._page_starts
    t.page(5)
    assert t._page_starts is index
    t.pages = [(0, "i"), (3, "ii")]  # a reader that sets new pages gets a new index
    assert t.page(4) == "ii"


def test_blank_lines_are_one_removal():
    """10 MB of blank lines peaked at 3.2 GB (one dictionary entry per removed character)."""
    t = extract.parse("第一条 甲。\n" + "\n" * 200_000 + "第二条 乙。\n", recognize=False).text
    assert [(r.kind, r.end - r.start) for r in t.removals] == [("blank_lines", 199_999)]
    assert t.clean == "第一条 甲。\n\n第二条 乙。\n"
