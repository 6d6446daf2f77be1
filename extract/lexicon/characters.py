"""Characters as a reader sees them: the code points that print like another character and mean it.

`fold_char(ch)` gives (replacement, class) for a character ingest folds, else None:
- `radical`: Kangxi Radicals (U+2F00–U+2FD5, by NFKC) and CJK Radicals Supplement (U+2E80–U+2EF3, by
  `extract/data/radical_equivalents.tsv`, since NFKC maps only two of them): ⼈ → 人, ⺠ → 民;
- `compat`: CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) → their unified ideograph;
- `width`: full-width digits and Latin letters → ASCII (１２ → 12; full-width punctuation such as （）：
  is the standard Chinese form and is left alone);
- `space`: no-break, EN and the other typographic spaces → ' ', EM SPACE → the ideographic space U+3000
  (both one character wide, as printed);
- `invisible`: zero-width characters (U+200B–U+200D, U+2060, U+FEFF inside the text) → nothing;
- `break`: line breaks that are not LF (U+000B, Word's manual line break; U+2028, U+2029) → LF.
Every fold maps one character to at most one, so offsets of a folded view equal the source's.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from . import vocab
from .spacing import INVISIBLE

_SPACES = {"\u00a0": " ", "\u2000": " ", "\u2001": "\u3000", "\u2002": " ", "\u2003": "\u3000",
           "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ",
           "\u200a": " ", "\u202f": " ", "\u205f": " "}


@lru_cache(maxsize=None)
def _supplement() -> dict[str, str]:
    return vocab.mapping("radical_equivalents.tsv")


_BREAKS = {"\x0b", "\u2028", "\u2029"}


def fold_char(ch: str) -> tuple[str, str] | None:
    cp = ord(ch)
    if ch in _BREAKS:
        return "\n", "break"
    if cp < 0xA0:
        return None
    if ch in _SPACES:
        return _SPACES[ch], "space"
    if ch in INVISIBLE:
        return "", "invisible"
    if 0x2F00 <= cp <= 0x2FD5:
        return unicodedata.normalize("NFKC", ch), "radical"
    if 0x2E80 <= cp <= 0x2EF3:
        rep = _supplement().get(ch)
        return (rep, "radical") if rep else None
    if 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F:
        rep = unicodedata.normalize("NFC", ch)
        return (rep, "compat") if rep != ch and len(rep) == 1 else None
    if 0xFF10 <= cp <= 0xFF19 or 0xFF21 <= cp <= 0xFF3A or 0xFF41 <= cp <= 0xFF5A:
        return chr(cp - 0xFEE0), "width"
    return None


# a regex character class of everything fold_char may fold (cheap to scan for: such characters are rare)
FOLDABLE = ("[\x0b\u2028\u2029\u00a0\u2000-\u200d\u202f\u205f\u2060\ufeff\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufaff"
            "\U0002f800-\U0002fa1f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
