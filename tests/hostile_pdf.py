"""Hand-built PDFs for the hardening tests: one page, Helvetica, any content stream, a ToUnicode map,
odd page boxes, compressed streams, and bytes after %%EOF. Written object by object with a correct
cross-reference table, so that each file is broken only in the one way a test wants."""
from __future__ import annotations

import zlib


def build(content: bytes = b"BT /F1 24 Tf 72 700 Td (Hello) Tj ET", *, tounicode: bytes | None = None,
          mediabox: bytes = b"[0 0 595 842]", compress: bool = False, pages: int = 1,
          extra_page_keys: bytes = b"", tail: bytes = b"") -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled below
    pages_id = add(b"")
    font_dict = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
    if tounicode is not None:
        cmap = add(_stream(tounicode, False))
        font_dict += b" /ToUnicode %d 0 R" % cmap
    font = add(font_dict + b" >>")
    stream = add(_stream(content, compress))
    kids = []
    for _ in range(pages):
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox %s /Resources << /Font << /F1 %d 0 R >> >> "
                        b"/Contents %d 0 R %s>>" % (pages_id, mediabox, font, stream, extra_page_keys)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out) + tail


def _stream(data: bytes, compress: bool) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def surrogate_cmap() -> bytes:
    """ToUnicode: 'A' maps to a lone high surrogate, 'B' to 条."""
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            b"1 begincodespacerange <00> <FF> endcodespacerange "
            b"2 beginbfchar <41> <D800> <42> <6761> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")


def bomb(inflated: int) -> bytes:
    """A page whose content stream inflates to `inflated` bytes of spaces (a few KB on disk per GB).

    Built fast: after a full flush the compressor forgets its history, so every further 1 MB chunk of
    spaces compresses to the same bytes; the stream is those bytes repeated, with the real checksum."""
    import struct

    chunk = b" " * (1 << 20)
    prefix = b"BT /F1 24 Tf 72 700 Td (Hello) Tj ET\n"
    z = zlib.compressobj(9)
    body = bytearray(z.compress(prefix) + z.flush(zlib.Z_FULL_FLUSH))
    one = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    assert z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH) == one
    n, rest = divmod(inflated, len(chunk))
    body += one * n
    tail = z.compress(chunk[:rest]) if rest else b""
    deflate_end = z.flush()  # the final block and the checksum of what z saw: replace the checksum
    adler = zlib.adler32(prefix)
    for _ in range(n):
        adler = zlib.adler32(chunk, adler)
    adler = zlib.adler32(chunk[:rest], adler)
    body += tail + deflate_end[:-4] + struct.pack(">I", adler)
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + bytes(body) + b"\nendstream"
    return _replace_object(build(), 4, stream)


def _replace_object(pdf: bytes, n: int, body: bytes) -> bytes:
    """Rebuild the file with object n replaced (offsets recomputed)."""
    import re

    objs = {int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj\n(.*?)\nendobj\n", pdf, re.S)}
    objs[n] = body
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k in sorted(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + objs[k] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)
