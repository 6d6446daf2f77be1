"""Nothing is lost: provisions + front matter + recorded removals give back every input in corpus/."""
import pytest

import extract
from conftest import CORPUS, UNREADABLE, corpus_files
from extract.errors import GazetteError


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_lossless(path):
    x = extract.parse(str(path))
    t = x.text
    pieces = [(x.issue.start, x.issue.text)] if x.issue else []
    for d in x.documents:
        pieces += [(p.start, p.text) for p in d.provisions]
    # the pieces tile the clean text exactly: no gap, no overlap
    pos = 0
    for start, text in sorted(pieces, key=lambda p: p[0]):
        assert start == pos
        pos += len(text)
    assert pos == len(t.clean)
    assert t.restore(pieces) == t.source
    # and the source is the file, newlines folded (a PDF's or web page's source is the text its
    # reader extracted; those readers' own tests check what they keep and remove)
    if t.format not in ("markdown", "text"):
        return
    raw = path.read_bytes().decode(t.encoding).lstrip("\ufeff")
    assert t.source == raw.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_spans_and_texts_agree(path):
    x = extract.parse(str(path))
    for p in x.provisions():
        assert x.text.clean[p.start:p.end] == p.text


@pytest.mark.parametrize("path", corpus_files(unreadable=True), ids=lambda p: p.name)
def test_unreadable_input_gives_its_coded_error(path):
    with pytest.raises(GazetteError) as e:
        extract.parse(str(path))
    assert e.value.code == UNREADABLE[path.relative_to(CORPUS).as_posix()]
