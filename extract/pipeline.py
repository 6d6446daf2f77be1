"""ingest -> segment -> extract: one input to an Extraction."""
from __future__ import annotations

from .ingest import Limits, read
from .model import Extraction
from .segment.issue import segment


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
