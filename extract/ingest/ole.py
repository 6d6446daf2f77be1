"""OLE compound files (.doc, .wps, .xls, encrypted Office files): what is inside, read with olefile.

Word 97-2003 (.doc) and WPS Office (.wps) documents are the same binary format: a `WordDocument`
stream and a table stream. `word_format` tells them apart from other OLE files (Excel, PowerPoint,
Outlook messages) and from password-protected files, each with a coded error.
"""
from __future__ import annotations

import io
import struct

from ..errors import GazetteError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
F_ENCRYPTED = 0x0100  # FIB base, flags word at offset 0x0A: fEncrypted

_OTHER = (  # (stream that identifies it, what it is)
    ("Workbook", "an Excel workbook (.xls)"),
    ("Book", "an Excel workbook (.xls)"),
    ("PowerPoint Document", "a PowerPoint presentation (.ppt)"),
    ("VisioDocument", "a Visio drawing"),
    ("__properties_version1.0", "an Outlook message (.msg)"),
)


def streams(data: bytes, path: str) -> list[str]:
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return ["/".join(entry) for entry in ole.listdir(streams=True, storages=False)]
    except (OSError, ValueError, struct.error, IndexError, TypeError) as e:  # olefile's errors on damaged files
        raise GazetteError("E052", path=path, kind="OLE compound (.doc/.wps)", reason=str(e) or type(e).__name__) from e


def word_format(data: bytes, path: str) -> str:
    """'doc' or 'wps' for a Word binary document, else a coded error saying what the file is."""
    names = streams(data, path)
    top = {n.split("/")[0] for n in names}
    if "EncryptionInfo" in top and "EncryptedPackage" in top:
        raise GazetteError("E053", path=path, kind="the Office file (an encrypted .docx, .xlsx or .pptx)")
    if "WordDocument" in top:
        if _fib_encrypted(data, path):
            raise GazetteError("E053", path=path, kind="the Word document")
        low = path.lower()
        if low.endswith(".wps"):
            return "wps"
        if low.endswith((".doc", ".dot")):
            return "doc"
        return "wps" if "WpsCustomData" in top else "doc"
    for stream, what in _OTHER:
        if stream in top:
            raise GazetteError("E056", path=path, what=what)
    shown = ", ".join(sorted(top)[:6]) or "no streams"
    raise GazetteError("E056", path=path, what=f"streams: {shown}")


def text_length(data: bytes) -> int | None:
    """Characters in the document's main text as its FIB counts them (ccpText, paragraph marks
    included), or None when the file does not say."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            fib = ole.openstream("WordDocument").read(0x50)
    except Exception:  # noqa: BLE001 - a count is optional; the converter reports real damage
        return None
    if len(fib) < 0x50:
        return None
    n = struct.unpack_from("<i", fib, 0x4C)[0]
    return n if n > 0 else None


def _fib_encrypted(data: bytes, path: str) -> bool:
    import olefile

    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        fib = ole.openstream("WordDocument").read(12)
    if len(fib) < 12:
        raise GazetteError("E052", path=path, kind="Word (.doc)", reason="its WordDocument stream is too short")
    flags = struct.unpack_from("<H", fib, 0x0A)[0]
    return bool(flags & F_ENCRYPTED)
