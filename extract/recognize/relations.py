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
        relation = _relation(text[a:b])
        if relation is None:
            continue
        for c in inside:
            out.append(Found("RELATION", c.start, c.end, c.raw, {"relation": relation, **c.data}))
    return out
