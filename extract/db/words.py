"""Word search over Chinese text: provision texts as character bigrams for an FTS5 index.

A policy researcher looking for 财政局 must find it inside 市财政局 and 市税务局、财政局, so a search
word matches wherever its characters occur in a row: substring semantics, for any length of word.
jieba's words cannot promise that (经市财政局 becomes 经市|财政局, and 财政局 stays one word, so 财政
is not found inside it), nor can FTS5's own tokenizers (unicode61 sees one long token per run of han characters;
trigram finds nothing shorter than three characters). See docs/db.md for the measurements.

Folding (`runs`): NFKC (full-width ＡＢ１２ and （ ） become ASCII), case folded, whitespace dropped (so
`2023 年` is 2023年 and a word broken across lines is whole again), then cut into runs of letters and
digits at everything else (punctuation, brackets). `index_words` gives, for each run, its bigrams in order
and then its last character alone, one FTS5 token each, separated by spaces for the `ascii` tokenizer
(which splits only at ASCII spaces and punctuation and so keeps every bigram whole). A word of one run
of two or more characters is the phrase of its bigrams (consecutive tokens = consecutive characters); a
single character a prefix query. The lone last character of a run breaks the bigram chain at
punctuation, so 卫生健康 is not found in 卫生、健康; a word with punctuation (三政〔2023〕2号) is the phrase of
its runs with their lone last characters, and matches any punctuation between the same runs
(三政(2023)2号, 三政[2023]2号).
"""
from __future__ import annotations

import re
import unicodedata

from ..errors import GazetteError

# Bump when fold/index_words change: the index of an existing database must then be rebuilt, since rows
# are deleted from the (contentless) index by re-tokenising their text.
WORDS_ID = "bigram-nfkc/1"

_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[\W_]+")


def runs(text: str) -> list[str]:
    """Text as the index sees it: the runs of letters and digits after NFKC, case folding and dropping
    whitespace."""
    return [r for r in _NOT_WORD.split(_SPACE.sub("", unicodedata.normalize("NFKC", text).casefold())) if r]


def fold(text: str) -> str:
    """The letters and digits of text, folded as the index folds them, punctuation dropped."""
    return "".join(runs(text))


def index_words(text: str) -> str:
    """The FTS5 document for a provision text: for each run its bigrams in order, then its last character."""
    tokens: list[str] = []
    for run in runs(text):
        tokens.extend(run[i:i + 2] for i in range(len(run) - 1))
        tokens.append(run[-1])
    return " ".join(tokens)


def _phrase(word: str) -> str:
    """A query word as an FTS5 phrase: the first run may end a run of the text, middle runs are whole
    runs, the last may begin one (so it has no lone last character, or is a prefix when one character)."""
    parts = runs(word)
    tokens: list[str] = []
    for n, run in enumerate(parts):
        tokens.extend(run[i:i + 2] for i in range(len(run) - 1))
        if n < len(parts) - 1:
            tokens.append(run[-1])
    if len(parts[-1]) == 1:
        tokens.append(parts[-1])
        return '"' + " ".join(tokens) + '"*'
    return '"' + " ".join(tokens) + '"'


def parse_query(query: str) -> tuple[str, list[str]]:
    """A search string to (FTS5 expression, folded words to highlight).

    Words separated by spaces must all occur; `OR` between words starts an alternative; `-word`
    excludes provisions containing word. Raises E046 for a query with nothing to search.
    """
    groups: list[tuple[list[str], list[str]]] = [([], [])]
    for word in query.split():
        if word == "OR":
            groups.append(([], []))
            continue
        negative = word.startswith("-") and len(word) > 1
        if negative:
            word = word[1:]
        if not runs(word):
            raise GazetteError("E046", query=query, reason=f"{word!r} has no letters or digits to search for")
        groups[-1][1 if negative else 0].append(word)
    parts, highlight = [], []
    for positive, negative in groups:
        if not positive:
            what = "an OR with nothing on one side" if not negative else "only excluded words (-word)"
            raise GazetteError("E046", query=query, reason=f"{what}; give at least one word to find")
        # a word given twice adds nothing (and FTS5 takes time quadratic in repeats of one phrase)
        finds = list(dict.fromkeys(_phrase(w) for w in positive))
        excludes = list(dict.fromkeys(_phrase(w) for w in negative))
        expr = " AND ".join(finds)
        if excludes:  # one flat NOT: nesting one per word overflows FTS5's parser past ~100 words
            expr = f"({expr}) NOT " + (excludes[0] if len(excludes) == 1 else f"({' OR '.join(excludes)})")
        parts.append(f"({expr})")
        highlight.extend(fold(w) for w in positive)
    return " OR ".join(parts), list(dict.fromkeys(highlight))


def locate(text: str, words: list[str]) -> tuple[int, int] | None:
    """The span in `text` of an occurrence of one of the folded words (for snippets), or None: the first
    literal occurrence when there is one, else the first after folding the text character by character."""
    literal = [(at, at + len(w)) for w in words for at in (text.find(w),) if at >= 0]
    if literal:
        return min(literal)
    folded, origin = [], []
    for i, ch in enumerate(text):
        for f in fold(ch):
            folded.append(f)
            origin.append(i)
    s = "".join(folded)
    best = None
    for w in words:
        at = s.find(w)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, at + len(w))
    if best is None:
        return None
    return origin[best[0]], origin[best[1] - 1] + 1
