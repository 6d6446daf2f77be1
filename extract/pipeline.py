"""ingest -> segment -> extract: one input to an Extraction."""
from __future__ import annotations

from .ingest import Limits, read
from .model import Extraction
from .segment.issue import segment


def parse(source, *, path: str | None = None, limits: Limits = Limits(), password: str | None = None,
          recognize: bool = True) -> Extraction:
    text = read(source, path=path, limits=limits, password=password)
    issue, documents = segment(text)
    extraction = Extraction(text=text, issue=issue, documents=documents)
    if recognize:
        from .recognize.run import annotate

        annotate(extraction)
    return extraction
