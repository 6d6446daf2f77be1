"""The seed issue against golden/sanmenxia-gazette-2023-02.structure.json (hand-written)."""
from collections import Counter

import pytest

from conftest import load_golden

GOLDEN = load_golden("sanmenxia-gazette-2023-02.structure.json")


def test_issue_front_matter(seed):
    issue = seed.issue
    g = GOLDEN["issue"]
    assert (issue.title, issue.year, issue.number, issue.total_number, issue.published, issue.publisher) == (
        g["title"], g["year"], g["number"], g["total_number"], g["published"], g["publisher"])


def test_toc_entries_linked(seed):
    got = [{k: getattr(e, k) for k in ("title", "page", "section", "document_id")} for e in seed.issue.toc]
    assert got == GOLDEN["issue"]["toc"]
    assert all(e.match == "exact" for e in seed.issue.toc)


def test_seven_documents_in_order(seed):
    assert [d.doc_number for d in seed.documents] == [g["doc_number"] for g in GOLDEN["documents"]]


@pytest.mark.parametrize("n", range(7))
def test_document(seed, n):
    g = GOLDEN["documents"][n]
    d = seed.documents[n]
    assert d.id == g["doc_number"]
    assert d.title == g["title"]
    assert d.issuer == g["issuer"]
    assert d.date == g["date"]
    if "recipients" in g:
        assert d.recipients == g["recipients"]
    assert (d.regulation.to_json() if d.regulation else None) == g["regulation"]
    counts = Counter(p.level for p in d.provisions)
    for level, expected in g["counts"].items():
        assert counts.get(level, 0) == expected, level
    assert [{k: getattr(a, k) for k in ("label", "title", "provision_id")} for a in d.attachments] == \
        [{k: a[k] for k in ("label", "title", "provision_id")} for a in g["attachments"]]
    for a in g["attachments"]:
        if "list_length" in a:
            assert len(d.provision(a["provision_id"]).items) == a["list_length"]
    if "chapters" in g:
        assert [p.heading for p in d.provisions if p.level == "chapter"] == g["chapters"]
    for pid, fields in g.get("provisions", {}).items():
        p = d.provision(pid)
        assert p is not None, pid
        for k, v in fields.items():
            assert getattr(p, k) == v, (pid, k)
    if "table" in g:
        assert d.provision(g["table"]["provision_id"]).table == g["table"]["rows"]


def test_articles_numbered_without_gaps(seed):
    for d in seed.documents:
        arts = [p.number for p in d.provisions if p.level == "article"]
        assert arts == list(range(1, len(arts) + 1))


def test_provision_ids_unique_and_parents_exist(seed):
    for d in seed.documents:
        ids = [p.id for p in d.provisions]
        assert len(ids) == len(set(ids))
        for p in d.provisions:
            assert p.parent is None or p.parent in ids
            if p.parent:
                assert p.id.startswith(p.parent + "/")


def test_ids_stable_across_parses(seed):
    import extract
    from conftest import SEED

    again = extract.parse(SEED.read_bytes(), path="again.md")
    assert [[p.id for p in d.provisions] for d in again.documents] == \
        [[p.id for p in d.provisions] for d in seed.documents]


def test_provision_lines_point_at_source(seed):
    d = seed.documents[3]
    art7 = d.provision("reg/ch3/art7")
    src_line = seed.text.source.split("\n")[art7.line - 1]
    assert src_line.startswith("**第七条 参保资助。**")


@pytest.mark.parametrize("n", range(7))
def test_whole_provision_tree(seed, n):
    """Every node's children, in order, as read off the source's numbering (golden 'children')."""
    g = GOLDEN["documents"][n]
    d = seed.documents[n]
    got: dict[str, list[str]] = {}
    for p in d.provisions:
        got.setdefault(p.parent or "", []).append(p.id)
    assert got == g["children"]
