"""The PDF libraries' own complaints, caught and counted instead of printed.

pdfminer (under pdfplumber) logs a warning for every odd font it meets: a Chrome-printed PDF with 69
Type 3 fonts gives 69 lines of `Could not get FontBBox from font descriptor ...` on stderr before any
output. Those lines say nothing a user can act on one by one. `LibraryLog` collects the log records of
the PDF libraries (and Python warnings raised inside them) while a file is read; `read_pdf` turns them
into one `W010` warning with the count and the first message.
"""
from __future__ import annotations

import logging
import warnings
from collections import Counter

LOGGERS = ("pdfminer", "pdfplumber", "pypdfium2")


class _Collect(logging.Handler):
    def __init__(self, sink: "LibraryLog"):
        super().__init__(logging.DEBUG)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            try:
                self.sink.add(record.getMessage())
            except Exception:  # noqa: BLE001 - a message that cannot be formatted still counts
                self.sink.add(str(record.msg))


class LibraryLog:
    """Context manager: while active, the PDF libraries' warnings are counted here, not printed."""

    def __init__(self):
        self.messages: Counter = Counter()
        self.first: str | None = None
        self._saved: list[tuple[logging.Logger, bool, int]] = []
        self._handler = _Collect(self)
        self._warnings = None

    def add(self, message: str) -> None:
        message = " ".join(message.split())
        if self.first is None:
            self.first = message
        self.messages[message] += 1

    @property
    def count(self) -> int:
        return sum(self.messages.values())

    def __enter__(self) -> "LibraryLog":
        for name in LOGGERS:
            log = logging.getLogger(name)
            self._saved.append((log, log.propagate, log.level))
            log.addHandler(self._handler)
            log.propagate = False
            if log.level == logging.NOTSET or log.level > logging.WARNING:
                log.setLevel(logging.WARNING)
        self._warnings = warnings.catch_warnings(record=True)
        self._caught = self._warnings.__enter__()
        warnings.simplefilter("always")
        return self

    def __exit__(self, *exc) -> None:
        self._warnings.__exit__(*exc)
        for w in self._caught:
            if any(f"{name}" in (w.filename or "") for name in LOGGERS):
                self.add(f"{w.category.__name__}: {w.message}")
            else:  # not the libraries' own: let it through as it was
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno, source=w.source)
        for log, propagate, level in self._saved:
            log.removeHandler(self._handler)
            log.propagate = propagate
            log.setLevel(level)
        self._saved = []
