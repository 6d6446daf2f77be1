"""Gazettes printed in two columns (issue 7): read as a person reads them, with the same result as the
markdown path; single-column reading unchanged."""
import pytest

import extract
from pdf_fixtures import (MIXED_PARAGRAPH, MIXED_TABLE, MIXED_TITLE, cached, render_mixed_page,
                          render_seed)
from test_pdf import same_structure


@pytest.fixture(scope="module")
def two_columns(tmp_path_factory):
    return cached(tmp_path_factory, "seed-2col.pdf", lambda p: render_seed(p, columns=2))


@pytest.fixture(scope="module")
def parsed2(two_columns):
    return extract.parse(str(two_columns[0]), recognize=False)


@pytest.fixture(scope="module")
def md():
    from conftest import SEED

    return extract.parse(str(SEED), recognize=False)


def test_two_column_seed_gives_the_markdown_documents_and_provision_tree(md, parsed2):
    same_structure(md, parsed2)


def test_two_column_front_matter_and_pages(md, parsed2, two_columns):
    assert [(e.title, e.page, e.document_id) for e in parsed2.issue.toc] == \
        [(e.title, e.page, e.document_id) for e in md.issue.toc]
    by_id = {d.id: d for d in parsed2.documents}
    for e in parsed2.issue.toc:
        assert by_id[e.document_id].provisions[0].page == str(e.page)
    labels = [None if n is None else str(n) for n in two_columns[1].labels]
    assert [label for _, label in parsed2.text.pages] == labels
    assert all(p.page in labels for p in parsed2.provisions())


def test_paragraphs_run_on_from_column_to_column_and_page_to_page(parsed2, two_columns):
    t = parsed2.text
    column = [r for r in t.removals if r.kind == "layout" and r.raw == "\n\n"]
    page = [r for r in t.removals if r.kind == "page_break" and r.raw == "\n\n"]
    assert len(column) + len(page) == two_columns[1].split_paragraphs == 19
    assert len(column) == 11
    for r in column:  # the foot of the left column and the head of the right one, on the same page
        assert t.page(r.at - 1) == t.page(r.at)
        assert t.clean[r.at - 1] != "\n" and t.clean[r.at] != "\n"


def test_headers_over_both_columns_and_numbers_in_the_outer_corner(parsed2, two_columns):
    numbered = [n for n in two_columns[1].labels if n is not None]
    removals = parsed2.text.removals
    assert [r.raw.strip() for r in removals if r.kind == "page_number"] == [f"— {n} —" for n in numbered]
    assert sum(1 for r in removals if r.kind == "running_header") == len(numbered)


def test_full_width_table_in_a_two_column_page(md, parsed2, tmp_path_factory):
    assert parsed2.documents[4].provision("att1").table == md.documents[4].provision("att1").table
    path, _ = cached(tmp_path_factory, "seed-2col-unruled.pdf",
                     lambda p: render_seed(p, columns=2, ruled_tables=False))
    unruled = extract.parse(str(path), recognize=False)
    assert unruled.documents[4].provision("att1").table == md.documents[4].provision("att1").table


def test_every_body_page_has_its_gutter_and_the_cover_none(two_columns):
    from extract.ingest.pdf import open_pdf, read_pages
    from extract.ingest.pdf_columns import find_gutter, fits_gutter
    from extract.ingest.pdf_furniture import find_furniture
    from extract.ingest.pdf_layout import place_tables

    data = two_columns[0].read_bytes()
    doc = open_pdf(data, "x")
    pages, tables, _, _ = read_pages(doc, data, "x", None)
    doc.close()
    find_furniture(pages)
    items = []
    for page, page_tables in zip(pages, tables):
        body = [r for k, r in enumerate(page.rows) if k not in page.furniture]
        items.append(place_tables(body, page_tables))
    gutters = [find_gutter(it, page.width) for it, page in zip(items, pages)]
    assert gutters[:2] == [None, None]  # the cover and contents, in one column
    assert all(287.6 < g < 307.6 for g in gutters[2:] if g is not None)  # inside the 20 pt gutter
    assert sum(1 for g in gutters if g is not None) == 16
    for it, g in zip(items[2:], gutters[2:]):
        if it:  # the others are short pages (a document's last): the gutter of the rest fits them
            assert g is not None or fits_gutter(it, 297)


def test_single_column_reading_is_unchanged(tmp_path_factory, monkeypatch):
    """No page of the one-column rendering has a gutter, so its Text is exactly what the reader gives
    with column detection switched off."""
    from extract.ingest import pdf

    path, _ = cached(tmp_path_factory, "seed.pdf", render_seed)
    data = path.read_bytes()
    with_columns = pdf.read_pdf(data, "seed.pdf")
    monkeypatch.setattr(pdf, "find_gutter", lambda items, width: None)
    without = pdf.read_pdf(data, "seed.pdf")
    assert with_columns.source == without.source
    assert with_columns.removals == without.removals
    assert with_columns.pages == without.pages


def test_mixed_page_full_width_title_over_two_columns(tmp_path):
    path = tmp_path / "mixed.pdf"
    in_left = render_mixed_page(path)
    assert in_left >= 1  # the paragraph does start in the left column
    x = extract.parse(str(path), recognize=False)
    t = x.text
    assert t.clean == (
        "".join(MIXED_TITLE) + "\n\n某政办〔2024〕7号\n\n各县（区）人民政府，市政府各部门：\n\n"
        "《某某市城市生活垃圾分类管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。\n\n一、总体要求\n\n"
        + MIXED_PARAGRAPH + "\n\n二、分类标准\n\n" + "\n".join("\t".join(r) for r in MIXED_TABLE)
        + "\n\n某某市人民政府办公室\n\n2024年3月1日\n")
    assert [r.kind for r in t.removals if r.raw == "\n\n"] == ["layout"]  # left column foot to right head
    assert [(r.kind, r.raw) for r in t.removals if r.kind != "layout"][:1] == [("running_header", "某某市人民政府公报\n\n")]
    assert t.pages == [(0, "7")]
    d = x.documents[0]
    assert (d.title, d.doc_number, d.date, d.signature) == (
        "".join(MIXED_TITLE), "某政办〔2024〕7号", "2024-03-01", "某某市人民政府办公室")
    assert [p.id for p in d.provisions] == ["preamble", "para1", "sec1", "sec2", "closing"]
