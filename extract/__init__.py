"""gazette-extract: Chinese government gazette issues and official documents as validated, structured data.

Public API:
    parse(path_or_text) -> Extraction      ingest, segment and extract one input
    Extraction.to_json() -> dict           the contract's JSON (schema gazette-extract/1)
"""
from __future__ import annotations

__version__ = "0.1.0"


def parse(source, *, path: str | None = None, **options):
    """Parse a file path, bytes or str into an `Extraction` (see extract.pipeline)."""
    from .pipeline import parse as _parse

    return _parse(source, path=path, **options)
