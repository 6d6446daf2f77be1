"""Bytes to str: the one place where encodings are detected.

After this: the text has no BOM, CRLF and lone CR are LF, and `encoding` names what was found
(`utf-8`, `utf-8-sig`, `utf-16-le`, `utf-16-be`, `gb18030`, `big5`). Undecodable or binary input raises
GazetteError with a code, never a UnicodeDecodeError.
"""
from __future__ import annotations

import codecs
import re

from ..errors import GazetteError

# Control characters that text does not hold (\x0b, Word's manual line break, and \x0c, a form feed
# between pages, are text: ingest folds the first to a line break and reads the second as a page break).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
NUL_SHARE_UTF16 = 0.1  # UTF-8 that decodes is UTF-8 unless a tenth of its bytes are NUL (UTF-16 of ASCII)


def _plausible(text: str) -> bool:
    """Decoded text is plausible when it has few control characters."""
    if not text:
        return True
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) <= max(2, len(sample) // 200)


def decode(data: bytes, path: str = "-") -> tuple[str, str, str]:
    """Return (text, encoding, newline) where newline is 'lf', 'crlf', 'cr' or 'mixed'."""
    if not data or data.isspace():  # (strip() would copy a large input)
        raise GazetteError("E001", path=path)
    encoding = None
    text = None
    if data.startswith(codecs.BOM_UTF8):
        encoding, text = "utf-8-sig", _decode_or_none(memoryview(data)[3:], "utf-8")
    elif data.startswith(codecs.BOM_UTF16_LE):
        encoding, text = "utf-16-le", _decode_or_none(memoryview(data)[2:], "utf-16-le")
    elif data.startswith(codecs.BOM_UTF16_BE):
        encoding, text = "utf-16-be", _decode_or_none(memoryview(data)[2:], "utf-16-be")
    else:
        encoding, text = _best_guess(data, path)
    if text is None:
        raise GazetteError("E004", path=path)
    if not _plausible(text):
        raise GazetteError("E002", path=path)
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    newline = "lf"
    if crlf and not cr and crlf == text.count("\n"):
        newline = "crlf"
    elif cr and not crlf and "\n" not in text:
        newline = "cr"
    elif crlf or cr:
        newline = "mixed"
    if crlf or cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():
        raise GazetteError("E001", path=path)
    return text, encoding, newline


def _score(text: str) -> float:
    """Share of characters that ordinary Chinese or ASCII text is made of."""
    sample = text[:20000]
    if not sample:
        return 0.0
    good = sum(
        1
        for ch in sample
        if ("\u4e00" <= ch <= "\u9fff") or (" " <= ch <= "~") or ch in "\n\t"
        or ("\u3000" <= ch <= "\u303f") or ("\uff00" <= ch <= "\uffef") or ("\u2000" <= ch <= "\u206f")
    )
    return good / len(sample)


def _best_guess(data: bytes, path: str) -> tuple[str, str]:
    """No BOM: UTF-8 if it decodes, else the best scoring of UTF-16 (either order) and GB18030."""
    utf8 = _decode_or_none(data, "utf-8")
    head = data[:65536]
    if utf8 is not None and head.count(b"\x00") < NUL_SHARE_UTF16 * len(head) and _plausible(utf8):
        return "utf-8", utf8  # a stray NUL in ASCII text is a character of it, not a sign of UTF-16
    candidates = []
    if len(data) % 2 == 0:
        for enc in ("utf-16-le", "utf-16-be"):
            decoded = _decode_or_none(data, enc)
            if decoded is not None:
                candidates.append((_score(decoded), enc, decoded))
    if b"\x00" not in data[:65536]:
        decoded = _decode_or_none(data, "gb18030")
        if decoded is not None:
            candidates.append((_score(decoded) + 0.01, "gb18030", decoded))
        decoded = _decode_or_none(data, "big5")
        if decoded is not None:
            candidates.append((_score(decoded), "big5", decoded))
    if not candidates:
        if b"\x00" in data[:65536]:
            raise GazetteError("E002", path=path)
        raise GazetteError("E004", path=path)
    candidates = [c if c[1] not in _COMMON or _common_hanzi(c[2], c[1]) else (0.0, c[1], c[2]) for c in candidates]
    score, enc, decoded = max(candidates)
    if score < 0.85:
        if b"\x00" in data[:65536] or score < 0.5:
            raise GazetteError("E002", path=path)
        raise GazetteError("E004", path=path)
    return enc, decoded


# Where an encoding keeps its common characters: GB2312 level 1 (the 3,755 common hanzi, lead bytes
# B0-D7), Big5's frequently used characters (5,401, lead bytes A4-C6).
_COMMON = {"gb18030": ("gb2312", 0xB0, 0xD7), "big5": ("big5", 0xA4, 0xC6)}


def _common_hanzi(text: str, encoding: str = "gb18030") -> bool:
    """Real Chinese text draws nearly all its characters from the common set of its encoding; bytes of
    another encoding read as this one scatter over rare characters."""
    hanzi = [ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff"]
    if len(hanzi) < 20:
        return True
    table, low, high = _COMMON[encoding]
    common = 0
    for ch in hanzi:
        try:
            b = ch.encode(table)
        except UnicodeEncodeError:
            continue
        if low <= b[0] <= high:
            common += 1
    return common / len(hanzi) >= 0.6


_CHUNK = 1 << 20


def _decode_or_none(data: bytes, enc: str) -> str | None:
    """`data.decode(enc)`, or None. A large input is decoded a megabyte at a time: CPython's decoder
    allocates two bytes per input byte for Chinese UTF-8 before it trims (100 MB for 50 MB of bytes);
    the pieces and their join take two bytes per character."""
    try:
        if len(data) <= 4 * _CHUNK:
            return str(data, enc, "strict")
        decoder = codecs.getincrementaldecoder(enc)(errors="strict")
        view = memoryview(data)
        pieces = [decoder.decode(view[k:k + _CHUNK]) for k in range(0, len(data), _CHUNK)]
        pieces.append(decoder.decode(b"", final=True))
        return "".join(pieces)
    except (UnicodeDecodeError, LookupError):
        return None
