"""White space as official documents print it, and joining text printed over several lines.

`WS` is every character that counts as a space between words or as an indent: ASCII space and tab, the
ideographic space U+3000, no-break, EN, EM and the other typographic spaces. Ingest folds the rarer ones
(see `extract/ingest/fold.py`), but recognisers and segmenters accept all of them, so that a text that
was not folded (a string given to the API) reads the same.
"""
from __future__ import annotations

import re

WS = " \t\u3000\u2002\u2003\u00a0\u2000\u2001\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
SEP = f"[{WS}]"  # one white-space character
SP = f"{SEP}*"  # optional white space
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters: never content
CJK = "\u4e00-\u9fff"

_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{CJK}“”《》、，（）]){SEP}+(?=[{CJK}“”《》、，（）])")
_ANY_WS = re.compile(rf"[{WS}{INVISIBLE}]")
_LINE_BREAK = re.compile(r"\s*\n\s*")
_ONE_SEP = re.compile(SEP)


def squash(s: str) -> str:
    """Join a title printed over several lines or spaced out ('总 则' -> '总则')."""
    s = s.strip()
    if "\n" in s:  # (asked of every line of a text: most have no line break and no space to drop)
        s = _LINE_BREAK.sub("", s)
    if _ONE_SEP.search(s) is None:
        return s
    return _SPACE_BETWEEN_CJK.sub("", s).strip()


def drop_spaces(s: str) -> str:
    """`三商务〔2022〕24 号` -> `三商务〔2022〕24号`: every white-space and zero-width character removed."""
    return _ANY_WS.sub("", s)
