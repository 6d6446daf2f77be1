"""Provision text as the diff sees it: the label taken off, white space folded.

`body(p)` is what a reader is shown (original characters, one line per paragraph, no blank lines).
`key(s)` is what is compared: NFKC (full- and half-width brackets, digits and punctuation fold
together) with every white space character removed, so re-flowed or re-spaced text compares equal.
"""
from __future__ import annotations

import re
import unicodedata

_BLANK_LINES = re.compile(r"[ \t\u3000\u00a0\u2002\u2003]*\n[\s]*")
_WS = re.compile(r"\s+")


def strip_label(text: str, label: str | None) -> str:
    """The text without its leading numbering label (`第三条`, `（一）`) and the space after it."""
    t = text.strip()
    if label:
        at = t.find(label, 0, len(label) + 4)
        if at >= 0 and not t[:at].strip(" \t\u3000#*>-"):
            t = t[at + len(label):]
    return t.strip()


def body(text: str, label: str | None = None) -> str:
    """Display text: label off, each paragraph on one line, no blank lines, ends trimmed."""
    t = strip_label(text, label)
    return _BLANK_LINES.sub("\n", t).strip()


def key(s: str | None) -> str:
    """Comparison key: NFKC-folded, all white space removed."""
    if not s:
        return ""
    return _WS.sub("", unicodedata.normalize("NFKC", s))


def squash_title(s: str | None) -> str:
    """A title for matching: key() without quotes, book-title marks and brackets."""
    return re.sub(r"[\"'“”‘’《》〈〉<>()（）〔〕\[\]【】、，,。:：]", "", key(s))
