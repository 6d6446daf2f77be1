"""Which reader an input needs, decided from its bytes, not its name.

Order: container signatures at offset 0 (zip: .docx or .ofd; OLE: .doc or .wps; images: refused with
E050), then `%PDF` anywhere in the first KB (PDFs may carry junk before their header), then text:
HTML by its first tag or suffix, markdown by suffix or headings, else plain text. A .docx renamed
.pdf reads as a .docx; a photo renamed .pdf is E050, not a broken PDF. The suffix decides only
between names of one byte format (.wps or .doc; .md or .txt).
"""
from __future__ import annotations

import io
import zipfile

from ..errors import GazetteError
from .ole import OLE_MAGIC, word_format

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

_IMAGES = (  # (signature at offset 0, name)
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"\x00\x00\x00\x0cjP  ", "JPEG 2000"),
)

_OTHER_ZIPS = (  # (content type or member that identifies it, what it is)
    ("spreadsheetml", "an Excel workbook (.xlsx)"),
    ("presentationml", "a PowerPoint presentation (.pptx)"),
    ("application/vnd.oasis.opendocument.text", "an OpenDocument text (.odt)"),
    ("application/vnd.oasis.opendocument", "an OpenDocument file"),
    ("application/epub+zip", "an EPUB book"),
)


def image_kind(data: bytes) -> str | None:
    for magic, name in _IMAGES:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    if data[:2] == b"BM" and len(data) >= 26 and int.from_bytes(data[2:6], "little") == len(data):
        return "BMP"
    return None


def sniff_format(path: str, data: bytes) -> str:
    if data.startswith(ZIP_MAGIC):
        return zip_format(data, path)
    if data.startswith(OLE_MAGIC):
        return word_format(data, path)
    kind = image_kind(data)
    if kind:
        raise GazetteError("E050", path=path, kind=kind)
    if b"%PDF" in data[:1024]:
        return "pdf"
    head = data[:1024].lstrip()
    low = path.lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    if low.endswith((".html", ".htm")) or head[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    if low.endswith((".md", ".markdown")):
        return "markdown"
    if low.endswith(".txt"):
        return "text"
    # no telling name: markdown when it has markdown headings
    sample = data[:65536]
    return "markdown" if (b"\n# " in sample or b"\n## " in sample or sample.startswith(b"# ")) else "text"


def zip_format(data: bytes, path: str) -> str:
    """'docx' or 'ofd' from the archive's members; another kind of zip is E055, a broken one E052."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            types = _small_member(zf, "[Content_Types].xml") + _small_member(zf, "mimetype")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError, OSError,
            EOFError) as e:  # NotImplementedError: an unknown zip version or method (found by fuzzing)
        # no central directory: the local headers still name the first members
        kind = "Word (.docx)" if b"word/" in data[:65536] else "OFD" if b"OFD.xml" in data[:65536] else "zip"
        raise GazetteError("E052", path=path, kind=kind, reason=f"not a readable zip archive ({e})") from e
    lower = {n.lower() for n in names}
    if "ofd.xml" in lower:
        return "ofd"
    if "wordprocessingml" in types or any(n.startswith("word/") for n in lower):
        return "docx"
    for marker, what in _OTHER_ZIPS:
        if marker in types:
            raise GazetteError("E055", path=path, what=what)
    shown = ", ".join(names[:4]) + (", …" if len(names) > 4 else "")
    raise GazetteError("E055", path=path, what=f"it holds {shown}" if names else "it is empty")


def _small_member(zf: zipfile.ZipFile, name: str) -> str:
    """A small member's text, for telling kinds of archive apart ('' when absent, damaged or large)."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return ""
    if info.file_size > 256 * 1024:
        return ""
    try:
        return zf.read(info).decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - a damaged member here is reported by the reader, not the sniffer
        return ""

