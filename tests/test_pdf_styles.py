"""The seed issue printed by renderers the reader was not tuned on (tests/pdf_seed_styles.py): in each of
the three page styles the PDF gives what the markdown gives, document by document: the same units,
thresholds, deadlines and citations, the table of contents linked to all seven documents, no provision
change for `gazette diff`, and no more `gazette check` findings."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter

import pytest

import extract
from conftest import SEED
from pdf_fixtures import cached
from pdf_seed_styles import STYLES, render_style


@pytest.fixture(scope="module")
def md():
    return extract.parse(str(SEED))


@pytest.fixture(scope="module", params=STYLES)
def styled(request, tmp_path_factory):
    """(style, path, what the renderer did, the extraction)."""
    style = request.param
    path, rendered = cached(tmp_path_factory, f"seed-{style}.pdf", lambda p: render_style(p, style))
    return style, path, rendered, extract.parse(str(path))


def values(doc) -> Counter:
    """Every value of a document, as the contract names it, counted."""
    out: Counter = Counter()
    for p in doc.provisions:
        out.update(("unit", u.name, u.role) for u in p.units)
        out.update(("threshold", str(t.value), t.unit, t.comparator, str(t.min), str(t.max))
                   for t in p.thresholds)
        out.update(("deadline", d.date, d.kind) for d in p.deadlines)
        out.update(("citation", c.title, c.doc_number) for c in p.citations)
    return out


def test_the_renderings_are_what_they_claim(styled):
    style, path, rendered, x = styled
    labels = [n for n in rendered.labels if n is not None]
    assert rendered.labels[:2] == [None, None] and labels == list(range(1, len(labels) + 1))
    assert x.text.format == "pdf" and len(x.text.pages) == len(rendered.labels)
    if style == "wrapped":  # numbers broken at line ends, paragraphs broken by pages
        assert rendered.number_breaks >= 5 and rendered.page_splits >= 10
        assert "到13\n9亿元" in x.text.source


def test_each_document_has_the_markdown_values(md, styled):
    style, _, _, x = styled
    assert [d.id for d in x.documents] == [d.id for d in md.documents]
    for a, b in zip(md.documents, x.documents):
        want, got = values(a), values(b)
        assert got == want, (style, a.id, sorted((want - got).elements())[:5], sorted((got - want).elements())[:5])
    total = sum(sum(values(d).values()) for d in x.documents)
    assert total == sum(sum(values(d).values()) for d in md.documents) and total > 350


def test_numbers_broken_at_line_ends_read_whole(styled):
    style, _, _, x = styled
    clean = x.text.clean
    for number in ("139亿元", "92.2亿元", "2000 元 / 人", "70%"):
        assert number in clean, (style, number)
    thresholds = {(str(t.value), t.unit) for p in x.provisions() for t in p.thresholds}
    assert ("13900000000", "CNY") in thresholds and ("900000000", "CNY") not in thresholds


def test_line_breaks_inside_paragraphs_are_recorded_removals(styled):
    style, _, _, x = styled
    t = x.text
    breaks = [r for r in t.removals if r.kind == "layout" and r.raw == "\n"]
    assert len(breaks) > 350
    for r in breaks:  # the text on both sides of a removed break is one paragraph: no blank line
        assert t.clean[r.at - 1] != "\n" and t.clean[r.at:r.at + 1] != "\n"


def test_toc_links_every_document(md, styled):
    style, _, _, x = styled
    assert [(e.title, e.page, e.document_id) for e in x.issue.toc] == \
        [(e.title, e.page, e.document_id) for e in md.issue.toc]
    assert sum(1 for e in x.issue.toc if e.document_id) == 7
    by_id = {d.id: d for d in x.documents}
    for e in x.issue.toc:
        assert by_id[e.document_id].provisions[0].page == str(e.page)


def test_diff_against_the_markdown_finds_no_provision_change(md, styled):
    from extract.diff import diff

    style, _, _, x = styled
    result = diff(md, x)
    assert [(c.kind, c.level, c.old_id) for c in result.changes] == []


def test_check_reports_no_more_than_the_markdown(md, styled):
    from extract.check import check

    style, _, _, x = styled
    found = check(x)
    assert len(found) <= len(check(md))
    # page furniture is the reader's business, not residue in the text
    assert not [f for f in found if f.code in ("GZ711", "GZ714")]
    assert Counter(f.code for f in found) == Counter(
        {"GZ724": 10, "GZ104": 7, "GZ722": 2, "GZ301": 1, "GZ703": 1, "GZ403": 1, "GZ702": 1, "GZ701": 1})


def test_running_headers_and_page_numbers_are_removals(styled):
    style, _, rendered, x = styled
    numbered = [n for n in rendered.labels if n is not None]
    removals = x.text.removals
    numbers = [re.sub(r"\s", "", r.raw) for r in removals if r.kind == "page_number"]
    shape = {"a4": "—{}—", "wrapped": "第{}页", "columns": "·{}·"}[style]
    assert numbers == [shape.format(n) for n in numbered]
    headers = [r.raw.strip() for r in removals if r.kind == "running_header"]
    assert len(headers) == len(numbered)
    assert set(headers) <= {"三门峡市人民政府公报", "2023年第2号"}
    assert [label for _, label in x.text.pages] == [None if n is None else str(n) for n in rendered.labels]


def test_cli_diff_of_the_markdown_and_a_rendering(tmp_path_factory):
    path, _ = cached(tmp_path_factory, "seed-wrapped.pdf", lambda p: render_style(p, "wrapped"))
    proc = subprocess.run([sys.executable, "-m", "extract", "diff", "--format", "json", str(SEED), str(path)],
                          capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["changes"] == []
