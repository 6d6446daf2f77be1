"""ingest -> segment -> extract: one input to an Extraction."""
from __future__ import annotations

from .ingest import Limits, read
from .model import Extraction
from .segment.issue import segment, segment_lazily


def parse(source, *, path: str | None = None, limits: Limits = Limits(), password: str | None = None,
          recognize: bool = True, stages=None) -> Extraction:
    """`stages` (e.g. an extract.progress.Stages) is told each stage as it begins, for a progress bar:
    `stages.stage(name, total)`, then `stages.update()` after each provision recognised."""
    _stage(stages, "reading")
    text = read(source, path=path, limits=limits, password=password)
    _stage(stages, "segmenting")
    issue, documents = segment(text)
    extraction = Extraction(text=text, issue=issue, documents=documents)
    if recognize:
        from .recognize.run import annotate

        _stage(stages, "recognising values", sum(len(d.provisions) for d in documents))
        annotate(extraction, done=stages.update if stages is not None else None)
    return extraction


def _stage(stages, name: str, total: int | None = None) -> None:
    if stages is not None:
        stages.stage(name, total)


def parse_lazily(source, *, path: str | None = None, limits: Limits = Limits(), password: str | None = None,
                 stages=None):
    """`parse(recognize=False)`, but the documents are not in the extraction (its `documents` is empty):
    they come as the second value, an iterable that segments each document when it reaches it. For a
    writer that lets each document go once written (batch.write_extraction), so that a large issue's
    provisions are never all held at once (RELIABILITY.md, bounded memory)."""
    _stage(stages, "reading")
    text = read(source, path=path, limits=limits, password=password)
    _stage(stages, "segmenting")
    issue, documents = segment_lazily(text)
    return Extraction(text=text, issue=issue, documents=[]), documents
