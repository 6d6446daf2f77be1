"""The seed issue typeset as a gazette PDF (tests/pdf_fixtures.py) and read back gives what the markdown
path gives: the same documents, 文号, dates and provision tree, plus the printed page of every provision."""
import json
import re
import subprocess
import sys

import pytest

import extract
from pdf_fixtures import (HEADER_EVEN, HEADER_ODD, cached, register_cid_font, register_wqy_font,
                          render_pages, render_seed, render_unit_font)


def norm(s):
    return re.sub(r"\s", "", s or "")


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    return cached(tmp_path_factory, "seed.pdf", render_seed)


@pytest.fixture(scope="module")
def parsed(seed_pdf):
    return extract.parse(str(seed_pdf[0]))


@pytest.fixture(scope="module")
def md():
    from conftest import SEED

    return extract.parse(str(SEED))


def same_structure(md, got):
    """Assert `got` (read from a PDF) has the markdown path's documents and provision tree."""
    assert len(got.documents) == len(md.documents) == 7
    for a, b in zip(md.documents, got.documents):
        assert (b.id, b.doc_number, b.title, b.date, b.issuer, b.recipients, b.signature) == \
            (a.id, a.doc_number, a.title, a.date, a.issuer, a.recipients, a.signature)
        assert b.attachments == a.attachments
        assert b.regulation == a.regulation
        assert [(p.id, p.parent, p.level, p.label, p.number, p.heading) for p in b.provisions] == \
            [(p.id, p.parent, p.level, p.label, p.number, p.heading) for p in a.provisions]
        for pa, pb in zip(a.provisions, b.provisions):
            assert norm(pb.text) == norm(pa.text), pa.id
            assert [[norm(c) for c in r] for r in pb.table] == \
                [[norm(c) for c in r] for r in pa.table]
            assert len(pb.items) == len(pa.items)


def test_seed_pdf_gives_the_markdown_documents_and_provision_tree(md, parsed):
    assert parsed.text.format == "pdf"
    same_structure(md, parsed)


def test_seed_pdf_front_matter(md, parsed):
    a, b = md.issue, parsed.issue
    assert (b.title, b.year, b.number, b.total_number, b.published, b.publisher) == \
        ("三门峡市人民政府公报", 2023, 2, 203, "2023-03-06", "三门峡市人民政府办公室")
    assert [(e.title, e.page, e.document_id, e.match) for e in b.toc] == \
        [(e.title, e.page, e.document_id, e.match) for e in a.toc]


def test_every_provision_has_its_printed_page(seed_pdf, parsed):
    labels = {str(n) for n in seed_pdf[1].labels if n is not None}
    for p in parsed.provisions():
        assert p.page in labels, p.id


def test_toc_page_numbers_agree_with_where_documents_start(parsed):
    by_id = {d.id: d for d in parsed.documents}
    assert [e.page for e in parsed.issue.toc] == [1, 10, 11, 14, 20, 24, 29]
    for e in parsed.issue.toc:
        assert by_id[e.document_id].provisions[0].page == str(e.page)


def test_page_map_holds_the_printed_labels(seed_pdf, parsed):
    assert [label for _, label in parsed.text.pages] == \
        [None if n is None else str(n) for n in seed_pdf[1].labels]
    offsets = [at for at, _ in parsed.text.pages]
    assert offsets == sorted(offsets)


def test_running_headers_and_page_numbers_are_recorded_removals(seed_pdf, parsed):
    numbered = [n for n in seed_pdf[1].labels if n is not None]
    kinds = [r.kind for r in parsed.text.removals]
    assert kinds.count("running_header") == len(numbered) == 30
    assert kinds.count("page_number") == len(numbered)
    headers = [r.raw.strip() for r in parsed.text.removals if r.kind == "running_header"]
    assert headers == [HEADER_ODD if n % 2 else HEADER_EVEN for n in numbered]
    numbers = [r.raw.strip() for r in parsed.text.removals if r.kind == "page_number"]
    assert numbers == [f"— {n} —" for n in numbered]
    lines = parsed.text.clean.split("\n")
    assert HEADER_ODD not in lines and HEADER_EVEN not in lines
    assert not [l for l in lines if re.fullmatch(r"— \d+ —", l)]


def test_paragraphs_broken_across_pages_are_joined(seed_pdf, parsed):
    t = parsed.text
    inside = [r for r in t.removals if r.kind == "page_break" and r.raw == "\n\n"]
    assert len(inside) == seed_pdf[1].split_paragraphs == 9
    for r in inside:
        assert t.clean[r.at - 1] != "\n" and t.clean[r.at] != "\n"
        # the break lies between the two pages' labels
        assert t.page(r.at - 1) != t.page(r.at)


def test_wrapped_lines_are_joined_and_the_title_is_one_line(parsed):
    t = parsed.text
    assert "三门峡市人民政府关于三门峡市进一步释放消费潜力促进消费持续恢复的实施意见" in t.clean.split("\n")
    assert "三门峡市人民政府\n关于三门峡市进一步释放消费潜力\n促进消费持续恢复的实施意见" in t.source
    layout = [r for r in t.removals if r.kind == "layout"]
    assert layout and all(r.raw == "\n" for r in layout)


def test_pdf_text_is_lossless(parsed):
    t = parsed.text
    pieces = [(parsed.issue.start, parsed.issue.text)]
    for d in parsed.documents:
        pieces += [(p.start, p.text) for p in d.provisions]
    assert t.restore(pieces) == t.source
    assert "".join(text for _, text in sorted(pieces)) == t.clean


def test_ruled_table_rows_and_cells(md, parsed):
    table = parsed.documents[4].provision("att1").table
    assert table[0] == ["县(市、区)", "截至 2022 年 5 月 30 日 实有(户)", "2022 年年末目标 实有(户)"]
    assert table[-1] == ["合计", "177954", "200900"]
    assert table == md.documents[4].provision("att1").table


def test_text_layer_matches_pdfplumber(seed_pdf):
    """The fast path (pypdfium2 characters, pdfplumber's grouping) reads every page as pdfplumber does."""
    import pdfplumber
    import pypdfium2 as pdfium

    from extract.ingest.pdf_chars import page_chars
    from extract.ingest.pdf_lines import chars_to_rows, plain_text

    doc = pdfium.PdfDocument(str(seed_pdf[0]))
    with pdfplumber.open(str(seed_pdf[0])) as pl:
        for i in range(len(doc)):
            ours = plain_text(chars_to_rows(page_chars(doc[i])))
            theirs = pl.pages[i].extract_text()
            # pdfminer loses U+00B7 (·) in the Adobe-GB1 CMap that STSong-Light uses; pdfium keeps it
            assert ours == theirs or ("·" in ours and ours.replace("·", "") == theirs), i
    doc.close()


def test_unruled_table_is_read_as_rows_and_cells(md, tmp_path_factory):
    path, _ = cached(tmp_path_factory, "seed-unruled.pdf", lambda p: render_seed(p, ruled_tables=False))
    got = extract.parse(str(path), recognize=False)
    assert got.documents[4].provision("att1").table == md.documents[4].provision("att1").table
    same_structure(md, got)


ORPHAN = [["第一条　本办法自发布之日起施行，有效期至2025年12月31", "日", "第二条　其他。"]]


def test_one_character_line_is_not_lost(tmp_path):
    """pdfium drops a text object without width: one character in a font that is neither embedded nor
    built in (STSong-Light: the reader gives pdfium no system fonts). The reader sees it and has pdfium
    read it after all (`recover_lost`). Nothing is lost."""
    path = tmp_path / "orphan.pdf"
    render_pages(path, ORPHAN)
    got = extract.parse(str(path), recognize=False)
    assert "有效期至2025年12月31\n日" in got.text.source
    assert [p.label for p in got.documents[0].provisions if p.label] == ["第一条", "第二条"]


def test_dropped_object_is_read_by_pdfium(tmp_path):
    import pypdfium2 as pdfium

    from extract.ingest.pdf_chars import recover_lost, scan_page, use_embedded_fonts_only

    path = tmp_path / "orphan.pdf"
    render_pages(path, ORPHAN)
    use_embedded_fonts_only()
    doc = pdfium.PdfDocument(str(path))
    page = doc[0]
    scan = scan_page(page)
    assert len(scan.lost_objects) == 1
    got = recover_lost(page, scan.lost_objects)
    assert [c.text for c in got] == ["日"]
    assert (round(got[0].x0, 1), round(got[0].base, 1), got[0].fs) == (round(scan.lost[0][0], 1), round(scan.lost[0][1], 1), 11.0)
    page.close()
    doc.close()


def test_characters_pdfium_drops_come_from_pdfplumber(tmp_path, monkeypatch):
    """On a page pdfium cannot read in full and cannot recover (here pdfium is made to lose the orphan
    日 and not to find the object), the characters pdfplumber finds and pdfium lacks are added; none is
    doubled."""
    from extract.ingest import pdf_chars

    path = tmp_path / "orphan.pdf"
    render_pages(path, ORPHAN)
    real_scan, real_chars = pdf_chars.scan_page, pdf_chars.page_chars
    whole_page = ((0.0, 0.0, 600.0, 850.0),)
    monkeypatch.setattr(pdf_chars, "scan_page", lambda page: real_scan(page)._replace(lost_text=True, lost=whole_page,
                                                                                             lost_objects=()))
    monkeypatch.setattr(pdf_chars, "page_chars", lambda page: [c for c in real_chars(page) if c.text != "日"])
    got = extract.parse(str(path), recognize=False)
    assert "有效期至2025年12月31\n日" in got.text.source
    assert got.text.source.count("有效期至2025年12月31") == 1
    assert [p.label for p in got.documents[0].provisions if p.label] == ["第一条", "第二条"]


def test_the_seed_is_read_without_pdfminer(seed_pdf, tmp_path_factory, monkeypatch):
    """pdfium reads every character of both renderings (the one it drops as well) and the paths of their
    ruled tables: pdfplumber parses no page."""
    from extract.ingest import pdf_plumber
    from extract.ingest.pdf import read_pdf

    two, _ = cached(tmp_path_factory, "seed-2col.pdf", lambda p: render_seed(p, columns=2))

    def refuse(self, index):
        raise AssertionError(f"pdfplumber parsed page {index + 1}")

    monkeypatch.setattr(pdf_plumber.Plumber, "_page", refuse)
    for path in (seed_pdf[0], two):
        assert "附件" in read_pdf(path.read_bytes(), str(path)).clean


def test_add_missing_keeps_what_each_reader_drops():
    from extract.ingest.pdf_chars import Char, add_missing

    ours = [Char("·", 10.0, 20.0, 0.0, 10.0, 8.0, 10.0), Char("1", 20.0, 25.0, 0.0, 10.0, 8.0, 10.0)]
    theirs = [Char("1", 20.4, 25.1, 0.5, 10.2, 8.3, 10.0), Char("关", 30.0, 40.0, 0.0, 10.0, 8.0, 10.0),
              Char("1", 10.0, 15.0, 0.0, 10.0, 8.0, 10.0)]  # placed where pdfium has the dot: not added
    lost = ((30.0, 0.0, 30.0, 10.0),)  # pdfium dropped the object that holds 关
    assert [c.text for c in add_missing(ours, theirs, lost)] == ["·", "1", "关"]


@pytest.mark.parametrize("mediabox,extra", [
    (b"[0 0 595 842]", b""), (b"[100 100 695 942]", b""),  # an offset media box
    (b"[0 0 595 842]", b"/CropBox [50 50 500 800] "),  # pdfium lays the page out in the crop box
    (b"[0 0 595 842]", b"/CropBox [-50 -50 700 900] "),  # clipped to the media box
    (b"[100 100 695 942]", b"/CropBox [50 150 600 1000] ")])
def test_both_readers_place_a_character_alike(mediabox, extra):
    """`add_missing` matches pdfium's dropped objects with pdfminer's characters by place: both readers
    must use the same page box (03 was 34 pt off: pypdfium2's get_cropbox() answered US Letter)."""
    import hostile_pdf as H
    import pypdfium2 as pdfium

    from extract.ingest.pdf_chars import page_chars
    from extract.ingest.pdf_plumber import Plumber

    data = H.build(b"BT /F1 24 Tf 72 700 Td (Hello) Tj ET", mediabox=mediabox, extra_page_keys=extra)
    doc = pdfium.PdfDocument(data)
    plumber = Plumber(data)
    try:
        ours = [(c.text, round(c.x0, 2), round(c.base, 2)) for c in page_chars(doc[0])]
        theirs = [(c.text, round(c.x0, 2), round(c.base, 2)) for c in plumber.chars(0)]
    finally:
        plumber.close()
        doc.close()
    assert len(ours) == 5 and ours == theirs


def test_add_missing_keeps_a_space_pdfium_read_a_space():
    """pdfium read U+3000 in a dropped object it could not box; pdfminer's character in that box is a
    glyph (placed there from another line): the space is kept, the glyph is not."""
    from extract.ingest.pdf_chars import Char, add_missing

    ours = [Char("条", 126.0, 144.0, 752.0, 774.0, 771.0, 1.0), Char("两", 162.7, 180.8, 752.0, 774.0, 771.0, 1.0)]
    lost = ((144.3, 771.0, 144.3, 771.0), (200.0, 771.0, 200.0, 771.0))
    read = [Char("\u3000", 144.3, 162.4, 754.7, 773.7, 771.0, 1.0), Char("X", 200.0, 210.0, 754.7, 773.7, 771.0, 1.0)]
    theirs = [Char("的", 144.0, 162.1, 760.5, 779.7, 777.0, 19.2), Char("Y", 200.0, 210.0, 754.7, 773.7, 771.0, 19.2)]
    # Y: pdfium read a glyph there too, and pdfminer's reading of a glyph stands
    assert [c.text for c in add_missing(ours, theirs, lost, read)] == ["条", "两", "\u3000", "Y"]
    assert [c.text for c in add_missing(ours, theirs, lost)] == ["条", "两", "的", "Y"]


def test_font_at_size_one_scaled_by_the_matrix(tmp_path):
    """pdfium reports size 1 for "1 Tf" scaled to 11 pt; the reader sizes such characters by their box."""
    path = tmp_path / "unit.pdf"
    render_unit_font(path, ["第一条　为了规范管理，制定本办法。", "第二条　本办法自发布之日起施行。", "第三条　本办法由市人民政府解释。"])
    got = extract.parse(str(path), recognize=False)
    assert got.text.clean == "第一条 为了规范管理，制定本办法。\n\n第二条 本办法自发布之日起施行。\n\n" \
        "第三条 本办法由市人民政府解释。\n"
    assert [p.id for p in got.documents[0].provisions] == ["preamble", "art1", "art2", "art3"]


def test_embedded_truetype_font(md, tmp_path_factory):
    font = register_wqy_font()
    if font is None:
        pytest.skip("fonts-wqy-microhei is not installed")
    path, _ = cached(tmp_path_factory, "seed-wqy.pdf", lambda p: render_seed(p, font=font))
    same_structure(md, extract.parse(str(path), recognize=False))


def test_cli_reads_a_pdf(seed_pdf):
    proc = subprocess.run([sys.executable, "-m", "extract", "extract", "--no-values", str(seed_pdf[0])],
                          capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert data["source"]["format"] == "pdf"
    assert [d["id"] for d in data["documents"]][:2] == ["三政〔2023〕2号", "三政〔2023〕3号"]
    assert {p["page"] for d in data["documents"] for p in d["provisions"]} >= {"1", "10", "29"}
    assert {r["kind"] for r in data["removals"]} == {"running_header", "page_number", "page_break", "layout",
                                                     "blank_lines"}


def test_cid_font_is_registered_once():
    assert register_cid_font() == register_cid_font() == "STSong-Light"
