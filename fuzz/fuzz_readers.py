"""Coverage-guided fuzzing (atheris, libFuzzer) of the readers and the whole parse.

Each input's first byte picks the reader (text, markdown, HTML, PDF, .docx, .ofd, .doc) and the rest is the file. A GazetteError
is a correct answer (bad input, coded error); anything else raised is a crash, and so is a broken promise:
the Text must restore its source exactly, every provision span must slice its text, ids must be unique.

Short run (the suite runs this with a few hundred inputs, tests/test_fuzz.py):
    python fuzz/fuzz_readers.py -runs=300 fuzz/seeds
Longer run (minutes; crashes are written as crash-<sha1> files in the current directory):
    python fuzz/fuzz_readers.py -max_total_time=1800 -rss_limit_mb=4096 -timeout=60 fuzz/seeds
Each crash becomes a regression test in tests/test_fuzz.py (the input inline, the exact expected result).
"""
from __future__ import annotations

import os
import sys

import atheris

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

with atheris.instrument_imports(include=["extract"]):
    # every module the parse reaches, imported here so that atheris instruments it (lazy imports later
    # would not be)
    import extract.ingest.html  # noqa: F401
    import extract.ingest.pdf  # noqa: F401
    import extract.ingest.pdf_chars  # noqa: F401
    import extract.ingest.pdf_plumber  # noqa: F401
    import extract.ingest.pdf_ruling  # noqa: F401
    import extract.ingest.docx  # noqa: F401
    import extract.ingest.ofd  # noqa: F401
    import extract.ingest.zipped  # noqa: F401
    import extract.ingest.ole  # noqa: F401
    import extract.recognize.run  # noqa: F401
    import extract.segment.issue  # noqa: F401
    from extract.errors import GazetteError
    from extract.ingest import Limits
    from extract.pipeline import parse

FORMATS = ("txt", "md", "html", "pdf", "docx", "ofd", "doc")
LIMITS = Limits(max_bytes=1 << 20, max_line=100_000, max_pages=50, max_inflate=16 << 20)


def check(data: bytes) -> None:
    """One input: raises only on a crash or a broken promise."""
    if not data:
        return
    ext = FORMATS[data[0] % len(FORMATS)]
    body = data[1:]
    try:
        result = parse(body, path=f"fuzz.{ext}", limits=LIMITS, recognize=True)
    except GazetteError:
        return
    text = result.text
    assert text.restore() == text.source, "lossless: restore() != source"
    for doc in result.documents:
        ids = [p.id for p in doc.provisions]
        assert len(ids) == len(set(ids)), f"duplicate ids in {doc.id}"
        for p in doc.provisions:
            assert text.clean[p.start:p.end] == p.text, f"span of {p.id} does not slice its text"
            for kind in ("units", "thresholds", "deadlines", "citations", "relations"):
                for v in getattr(p, kind):
                    a, b = v.span
                    assert text.clean[a:b] == v.raw, f"{kind} span does not slice its raw"
    result.to_json()


def main() -> None:
    atheris.Setup(sys.argv, lambda data: check(bytes(data)))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
