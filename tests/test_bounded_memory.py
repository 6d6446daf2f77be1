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
