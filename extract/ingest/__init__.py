"""Ingest: any supported input (path, '-', bytes or str) to one `Text`.

The input limits live here, format detection (from the bytes) in `detect.py`. Readers per format:
text/markdown (here), PDF (`pdf.py`), HTML (`html.py`), Word .docx (`docx.py`), Word and WPS binary
.doc/.wps (`word_binary.py`, through a converter), OFD (`ofd.py`).
"""
from __future__ import annotations

import hashlib
import re
import os
import sys
from dataclasses import dataclass

from ..errors import GazetteError
from .clean import clean_removals
from .decode import decode
from .detect import sniff_format
from .fold import fold_positions, fold_removals, fold_view, with_folds
from .text import Text


@dataclass(frozen=True)
class Limits:
    """Input limits against runaway inputs; every field can be set from the command line."""

    max_bytes: int = 200 * 1024 * 1024
    max_line: int = 1_000_000
    max_pages: int = 5000
    max_inflate: int = 256 * 1024 * 1024  # PDF: decompressed content of the whole file (one stream: an eighth)


def read_bytes(path: str, limits: Limits = Limits()) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            raise GazetteError("E006", path=path, size=len(data), limit=limits.max_bytes)
        return data
    if os.path.isdir(path):
        raise GazetteError("E003", path=path)
    if not os.path.exists(path):
        raise GazetteError("E007", path=path)
    try:
        size = os.path.getsize(path)
        if size > limits.max_bytes:
            raise GazetteError("E006", path=path, size=size, limit=limits.max_bytes)
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as e:
        raise GazetteError("E008", path=path, reason=e.strerror or str(e)) from e


def read(source, path: str | None = None, limits: Limits = Limits(), password: str | None = None) -> Text:
    """Path (or '-'), bytes or str to a cleaned Text."""
    if isinstance(source, str) and path is None and (source == "-" or ("\n" not in source and len(source) < 4096)):
        path = source
        data = read_bytes(source, limits)
    elif isinstance(source, str):
        data = source.encode("utf-8")
    else:
        data = bytes(source)
    path = path or "-"
    if not data or data.isspace():  # (strip() would copy a large input)
        raise GazetteError("E001", path=path)
    fmt = sniff_format(path, data)
    if fmt == "pdf":
        from .pdf import read_pdf

        return with_folds(read_pdf(data, path, limits=limits, password=password))
    if fmt == "html":
        from .html import read_html

        return with_folds(read_html(data, path, limits=limits))
    if fmt == "docx":
        from .docx import read_docx

        return with_folds(read_docx(data, path, limits=limits))
    if fmt in ("doc", "wps"):
        from .word_binary import read_word_binary

        return with_folds(read_word_binary(data, path, fmt, limits=limits))
    if fmt == "ofd":
        from .ofd import read_ofd

        return with_folds(read_ofd(data, path, limits=limits))
    sha256 = hashlib.sha256(data).hexdigest()
    decoded = decode(data, path)
    del data, source  # the input's bytes are not kept while its text is cleaned (50 MB on a 50 MB input)
    return _text_from_decoded(decoded, sha256, path, fmt, limits)


def text_from_bytes(data: bytes, path: str, fmt: str, limits: Limits = Limits()) -> Text:
    return _text_from_decoded(decode(data, path), hashlib.sha256(data).hexdigest(), path, fmt, limits)


def _text_from_decoded(decoded: tuple[str, str, str], sha256: str, path: str, fmt: str, limits: Limits) -> Text:
    text, encoding, newline = decoded
    longest = max((m.end() - m.start() for m in _FILLED.finditer(text)), default=0)
    if longest > limits.max_line:
        raise GazetteError("E005", path=path, length=longest, limit=limits.max_line)
    folds = fold_positions(text)
    removals = clean_removals(fold_view(text, folds), fmt, hidden=[at for at, rep, _ in folds if not rep])
    removals += fold_removals(text, removals, folds)
    result = Text(source=text, removals=removals, path=path, format=fmt, encoding=encoding, newline=newline,
                  sha256=sha256)
    if "\f" in text:
        result.pages = form_feed_pages(result)
    return result


_PAGE_LABEL = re.compile(r"\d{1,4}")
_FILLED = re.compile(r"[^\n]+")


def form_feed_pages(text: Text) -> list[tuple[int, str]]:
    """Pages of converter output that separates pages with form feeds: each page starts after a form
    feed and is labelled by the page number printed on it (a `page_number` removal), else counted."""
    starts = [0] + [m.end() for m in re.finditer("\f", text.source)]
    numbers = [(r.start, _PAGE_LABEL.search(r.raw).group(0)) for r in text.removals if r.kind == "page_number"]
    pages = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(text.source)
        label = next((lab for pos, lab in numbers if start <= pos < end), str(n + 1))
        pages.append((text.to_clean(start), label))
    return pages
