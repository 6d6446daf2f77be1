"""Bytes to str: the one place where encodings are detected.

After this: the text has no BOM, CRLF and lone CR are LF, and `encoding` names what was found
(`utf-8`, `utf-8-sig`, `utf-16-le`, `utf-16-be`, `gb18030`). Undecodable or binary input raises
GazetteError with a code, never a UnicodeDecodeError.
"""
from __future__ import annotations

import codecs
import re

from ..errors import GazetteError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _plausible(text: str) -> bool:
    """Decoded text is plausible when it has few control characters."""
    if not text:
        return True
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) <= max(2, len(sample) // 200)


def decode(data: bytes, path: str = "-") -> tuple[str, str, str]:
    """Return (text, encoding, newline) where newline is 'lf', 'crlf', 'cr' or 'mixed'."""
    if not data.strip():
        raise GazetteError("E001", path=path)
    encoding = None
    text = None
    if data.startswith(codecs.BOM_UTF8):
        encoding, text = "utf-8-sig", data[3:].decode("utf-8", errors="strict") if _try(data[3:], "utf-8") else None
    elif data.startswith(codecs.BOM_UTF16_LE):
        encoding, text = "utf-16-le", _decode_or_none(data[2:], "utf-16-le")
    elif data.startswith(codecs.BOM_UTF16_BE):
        encoding, text = "utf-16-be", _decode_or_none(data[2:], "utf-16-be")
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
    if not text.strip():
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
    if utf8 is not None and b"\x00" not in data[:65536] and _plausible(utf8):
        return "utf-8", utf8
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
    if not candidates:
        if b"\x00" in data[:65536]:
            raise GazetteError("E002", path=path)
        raise GazetteError("E004", path=path)
    candidates = [c if c[1] != "gb18030" or _common_hanzi(c[2]) else (0.0, c[1], c[2]) for c in candidates]
    score, enc, decoded = max(candidates)
    if score < 0.85:
        if b"\x00" in data[:65536] or score < 0.5:
            raise GazetteError("E002", path=path)
        raise GazetteError("E004", path=path)
    return enc, decoded


def _common_hanzi(text: str) -> bool:
    """Real Chinese text draws nearly all its characters from GB2312 level 1 (the 3,755 common ones);
    bytes of another encoding read as GB18030 scatter over rare characters."""
    hanzi = [ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff"]
    if len(hanzi) < 20:
        return True
    common = 0
    for ch in hanzi:
        try:
            b = ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        if 0xB0 <= b[0] <= 0xD7:
            common += 1
    return common / len(hanzi) >= 0.6


def _try(data: bytes, enc: str) -> bool:
    return _decode_or_none(data, enc) is not None


def _decode_or_none(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc, errors="strict")
    except (UnicodeDecodeError, LookupError):
        return None
