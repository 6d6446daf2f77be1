"""A PDF's compressed streams, measured before any reader inflates them: a cap on decompressed content.

pdfium and pdfminer inflate a page's content stream whole, in memory: a 3 KB file whose content
stream inflates to 256 MB cost 28 s and 3.6 GB, one inflating to 8 GiB was killed by the memory limit.
`check_inflation(data, limits)` finds every FlateDecode stream in the file's bytes (stream dictionaries
are never compressed, so a scan of the bytes finds them all), inflates each in chunks without keeping
the output, and refuses the file (E019) when one stream inflates past `max_stream_inflated` or all of
them (images left out: they are never decoded) past `max_inflated`. Cost: one pass of zlib over the
file's compressed content, stopped at the cap.
"""
from __future__ import annotations

import re
import zlib

from ..errors import GazetteError

_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_CHUNK = 1 << 20


def check_inflation(data: bytes, path: str, max_stream: int, max_total: int) -> None:
    total = 0
    for m in _STREAM.finditer(data):
        head_from = max(0, m.start() - 4096)
        head = data[data.rfind(b"obj", head_from, m.start()) + 3 if data.rfind(b"obj", head_from, m.start()) >= 0
                    else head_from:m.start()]
        if b"FlateDecode" not in head or not head.rstrip().endswith(b">>"):
            continue
        if b"endstream" in head:
            continue  # the keyword of an earlier stream's end, not a new stream
        image = re.search(rb"/Subtype\s*/Image", head) is not None
        end = data.find(b"endstream", m.end())
        size = _inflated_size(data, m.end(), end if end >= 0 else len(data), max_stream)
        if size > max_stream:
            raise GazetteError("E019", path=path, what="one stream", limit=max_stream // (1 << 20))
        if not image:
            total += size
            if total > max_total:
                raise GazetteError("E019", path=path, what="its content", limit=max_total // (1 << 20))


def _inflated_size(data: bytes, start: int, end: int, cap: int) -> int:
    """How many bytes data[start:end] inflates to, counting no further than cap + 1."""
    z = zlib.decompressobj()
    size = 0
    pos = start
    pending = b""
    try:
        while size <= cap:
            if pending:
                out = z.decompress(pending, _CHUNK)
            elif pos < end:
                piece = data[pos:min(end, pos + _CHUNK)]
                pos += len(piece)
                out = z.decompress(piece, _CHUNK)
            else:
                break
            size += len(out)
            pending = z.unconsumed_tail
            if z.eof:
                break
    except zlib.error:
        return size  # not zlib (or encrypted): the reader will say what it makes of it
    return size
