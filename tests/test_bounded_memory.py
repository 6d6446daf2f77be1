"""Segmentation holds little beyond the text (issue 14/16): lines are made a block at a time, and an issue's
documents can be segmented one at a time as they are written. Same results as the whole-list reading."""
import random

from conftest import SEED

from extract.ingest import read
from extract.segment.lines import Line, LineSeq


class _Tiny(LineSeq):
    BLOCK, SHIFT, KEEP = 4, 2, 3  # blocks of 4 lines, 3 kept: most reads make a block again


def _listed(text) -> list[Line]:
    """The lines as a list, made the simple way (what LineSeq must give)."""
    seq = LineSeq(text)
    return [seq[k] for k in range(len(seq))]


def test_lines_made_by_blocks_are_the_lines_of_the_text():
    text = read(str(SEED))
    whole = _listed(text)
    assert [l.text for l in whole] == text.clean.split("\n")
    assert [l.start for l in whole[:3]] == [0, len(whole[0].text) + 1, len(whole[0].text) + len(whole[1].text) + 2]
    assert any(l.heading for l in whole) and any(l.bold_end is not None for l in whole)  # markdown hints kept
    tiny = _Tiny(text)
    assert len(tiny) == len(whole) and list(tiny) == whole
    rng = random.Random(7)
    for k in [rng.randrange(len(whole)) for _ in range(500)] + [0, len(whole) - 1, -1, -len(whole)]:
        assert tiny[k] == whole[k]
    assert tiny[5:17] == whole[5:17] and tiny[len(whole) - 2:len(whole) + 9] == whole[-2:]
    assert len(tiny._blocks) <= 3
    for bad in (len(whole), -len(whole) - 1):
        try:
            tiny[bad]
        except IndexError:
            continue
        raise AssertionError(bad)


def test_documents_segmented_one_at_a_time_are_the_documents(seed, monkeypatch):
    """gazette extract segments an issue's documents one by one as it writes them; their ids and the table
    of contents, settled from the heads before any document is made, are the ones the whole reading gives."""
    import io
    import json

    from extract.batch import write_extraction
    from extract.pipeline import parse_lazily
    from extract.segment import issue

    made = []
    real = issue.segment_document
    monkeypatch.setattr(issue, "segment_document", lambda *a, **k: made.append(a[0]) or real(*a, **k))
    bare, documents = parse_lazily(str(SEED))
    assert made == [] and bare.documents == [] and len(documents) == len(seed.documents) == 7
    assert bare.issue.to_json() == seed.issue.to_json()  # its toc's document ids among them
    assert [e.document_id for e in bare.issue.toc][:2] == ["三政〔2023〕2号", "三政〔2023〕3号"]
    out = io.StringIO()
    seen = []
    write_extraction(bare, out, recognize=True, release=True,
                     documents=(seen.append(len(made)) or d for d in documents))
    assert seen == [1, 2, 3, 4, 5, 6, 7]  # each document made only when the writer reaches it
    assert out.getvalue() == json.dumps(seed.to_json(), ensure_ascii=False)


def test_a_stand_alone_document_is_named_by_its_doc_number():
    from extract.pipeline import parse, parse_lazily

    text = "关于某事项的通知\n某政〔2024〕7号\n\n各单位：\n\n第一条 内容。\n"
    whole = parse(text, recognize=False)
    issue, documents = parse_lazily(text)
    assert whole.issue is None and issue.issue is None
    assert [d.id for d in whole.documents] == [d.id for d in documents] == ["某政〔2024〕7号"]


def test_a_large_text_read_by_blocks_gives_the_same_extraction(seed, monkeypatch):
    """Beyond LineSeq.BLOCK * KEEP lines, segmentation reads lines by blocks (heads pass) and each document
    from a list holding only its neighbours' lines: blocks of 4 lines, 3 kept, make the seed issue and a
    stand-alone law such a text; the extraction is the one a list of every line gives."""
    import extract
    from extract.segment import lines as lines_module

    from conftest import CORPUS

    law = CORPUS / "laws" / "河南省义务植树条例(2018-09-30).md"
    whole = extract.parse(str(law))
    made = []
    real = lines_module.LineSeq._make
    monkeypatch.setattr(lines_module.LineSeq, "_make", lambda self, b: made.append(b) or real(self, b))
    for name, value in (("BLOCK", 4), ("SHIFT", 2), ("KEEP", 3)):
        monkeypatch.setattr(lines_module.LineSeq, name, value)
    assert extract.parse(str(SEED)).to_json() == seed.to_json()
    assert len(made) > len(seed.text.clean.split("\n")) // 4  # read by blocks indeed
    assert extract.parse(str(law)).to_json() == whole.to_json()
