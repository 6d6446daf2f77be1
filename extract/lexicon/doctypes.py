"""Document types (文种) and the title shapes built from them, from `extract/data/document_types.txt`.

One list, used three ways (its second column says which words take part): a citation `《…》` ends in any
type; a line ending in a `title` type can be a document's title; `关于…的X` with a `notice` type is a
notice's title; `本X` with a `self` type names the document itself (本办法自…起施行).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import vocab


@lru_cache(maxsize=None)
def types(role: str | None = None) -> tuple[str, ...]:
    """The type words (longest first), all of them or those with `role` in their second column."""
    rows = vocab.rows("document_types.txt")
    chosen = {r[0] for r in rows if role is None or (len(r) > 1 and role in r[1].split(","))}
    return tuple(sorted(chosen, key=lambda w: (-len(w), w)))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=None)
def title_words() -> re.Pattern:
    """A line that ends like a document title: `关于…的` or a title type word."""
    return re.compile(rf"(关于.{{2,}}的|{_alt(types('title'))})$")


@lru_cache(maxsize=None)
def notice_title() -> re.Pattern:
    """`关于…的通知` and the other notice types."""
    return re.compile(rf"关于.{{2,}}的(?:{_alt(types('notice'))})$")


@lru_cache(maxsize=None)
def self_reference() -> str:
    """A regex for `本办法`, `本实施细则` …: the document naming itself."""
    return rf"本(?:[\u4e00-\u9fff]{{0,10}}?)(?:{_alt(types('self'))})"


@lru_cache(maxsize=None)
def citation_types() -> re.Pattern:
    """A cited title `《…》` ends in one of these."""
    return re.compile(rf"(?:{vocab.alternation('document_types.txt')})$")
