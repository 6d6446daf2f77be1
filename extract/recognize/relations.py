"""Relations to other documents: a sentence that cites a document (by 文号 or 《title》) and says 废止,
延长…有效期 or 修改 makes a `Relation` (repeals / extends / amends) to each document it cites.

`find_relations(text, citations)` works sentence by sentence (。；！？ and line breaks end one) over the
citations already found in `text`; the relation words are data (`extract/data/relation_words.tsv`). The
span of a relation is its citation's; `raw` is the citation as printed. Consumers (diff links, the
database's document status) read these values and never search the text again.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import vocab
from ..values import RELATION_RANK as RANK
from .found import Found

_SENTENCE_END = re.compile(r"[。；;！？!?\n]")


@lru_cache(maxsize=None)
def _words() -> tuple[re.Pattern, dict[str, str]]:
    table = vocab.mapping("relation_words.tsv")
    alternatives = ["(?P<w%d>%s)" % (k, re.escape(w).replace("…", "[^。；]{0,40}?"))
                    for k, w in enumerate(table)]
    return re.compile("|".join(alternatives)), list(table.values())


def _relation(sentence: str) -> str | None:
    pattern, relations = _words()
    found = [relations[int(m.lastgroup[1:])] for m in pattern.finditer(sentence)]
    # 延长有效期 contains no 修改, but 修改 may stand beside 废止: the strongest relation wins
    return min(found, key=RANK.__getitem__) if found else None


# the cited document amended this one, not the reverse: 根据《关于修改…的决定》修正, and a law's history line
# …会议《关于修改本市部分地方性法规的决定》第二次修正
# …会议《关于修改本市部分地方性法规的决定》第二次修正, …会议关于修改《X》的决定第一次修正; and 第二次修订的《X》,
# X as someone revised it (修订后的《X》 in a notice that prints it is this notice's revision of X: amends)
_AMENDED_BY = re.compile(r"(?:根据|依据|依照|按照)[^\x00]{0,20}?\x00[^\x00]{0,20}?(?:修正|修订|修改)"
                         r"|\x00(?:的决定)?(?:第[一二三四五六七八九十]+次)?(?:修正|修订|修改)(?:[^\x00]{0,4})$"
                         r"|第[一二三四五六七八九十]+次(?:修正|修订|修改)的\x00")


def _outside(text: str, a: int, b: int, citations: list[Found]) -> str:
    """The sentence text[a:b] with each citation replaced by one NUL: relation words inside a cited title
    (《关于修改〈X〉的决定》) are the cited document's words, not this sentence's."""
    out, pos = [], a
    for c in citations:
        out.append(text[pos:c.start])
        out.append("\x00")
        pos = c.end
    out.append(text[pos:b])
    return "".join(out)


def find_relations(text: str, citations: list[Found]) -> list[Found]:
    if not citations:
        return []
    out: list[Found] = []
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    k = 0
    for a, b in zip(bounds, bounds[1:]):
        inside = []
        while k < len(citations) and citations[k].start < b:
            if citations[k].start >= a:
                inside.append(citations[k])
            k += 1
        if not inside:
            continue
        sentence = _outside(text, a, b, inside)
        if _AMENDED_BY.search(sentence):
            continue  # 根据《关于修改…的决定》修正: the cited document amended this one, not the reverse
        relation = _relation(sentence)
        if relation is None:
            continue
        for c in inside:
            out.append(Found("RELATION", c.start, c.end, c.raw, {"relation": relation, **c.data}))
    return out
