"""What `gazette db build` reads: files and directories of gazettes, or the JSON `gazette extract` printed.

Each input gives one or more `Item`s, one per source. A gazette file is hashed before it is parsed, so
a file already in the database costs a read and a hash, not a parse. Extraction JSON (one object, or
JSON Lines of several, as `gazette extract` prints for several files) is validated against the schema
and stored as it is; its numbers are read as Decimals.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import GazetteError

GAZETTE_SUFFIXES = (".md", ".markdown", ".txt", ".pdf", ".html", ".htm", ".docx", ".doc", ".wps", ".ofd")
JSON_SUFFIXES = (".json", ".jsonl")


def expand(paths) -> list[str]:
    """Paths with directories replaced by the gazette and JSON files below them (sorted, hidden skipped)."""
    out: list[str] = []
    for path in paths:
        path = str(path)
        if path != "-" and os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(root, f) for f in files
                             if not f.startswith(".") and f.lower().endswith(GAZETTE_SUFFIXES + JSON_SUFFIXES))
            out.extend(sorted(found))
        else:
            out.append(path)
    return out


@dataclass
class Item:
    """One source to store: its identity, and its extraction JSON (given, or parsed from `job`)."""

    path: str
    sha256: str
    loaded_from: str
    job: tuple | None = field(default=None, repr=False)  # (bytes, path, limits) for `parse_job`
    _data: dict | None = field(default=None, repr=False)
    future: object = field(default=None, repr=False)  # the job submitted to an engine (engines.py)

    def extraction(self) -> dict:
        if self._data is None:
            outcome = self.future.result() if self.future is not None else parse_outcome(*self.job)
            self.future = None
            self.parsed(outcome_data(outcome))
        return self._data

    def parsed(self, data: dict) -> None:
        self._data, self.job = data, None


def parse_job(data: bytes, path: str, limits) -> dict:
    """Parse a gazette file's bytes to its extraction JSON (in this process, a worker process or a Dask
    worker: the arguments and the result pickle)."""
    from ..pipeline import parse

    return parse(data, path=path, limits=limits).to_json()


def parse_outcome(data: bytes, path: str, limits) -> tuple[str, object]:
    """parse_job as ('ok', extraction) or ('error', one-line message): what a worker sends back (an
    exception would have to pickle, and a GazetteError's message is all the client needs)."""
    try:
        return "ok", parse_job(data, path, limits)
    except GazetteError as e:
        return "error", str(e)
    except Exception as e:  # noqa: BLE001 - one broken input must not stop a batch
        if os.environ.get("GAZETTE_DEBUG"):
            raise
        return "error", f"{path}: internal error: {type(e).__name__}: {e} (set GAZETTE_DEBUG=1 for a traceback)"


class WorkerError(Exception):
    """A message from parse_outcome, raised again on the client."""


def outcome_data(outcome: tuple[str, object]) -> dict:
    status, value = outcome
    if status == "error":
        raise WorkerError(value)
    return value


def read_input(path: str, limits=None) -> list[Item]:
    """The sources in one input path ('-' reads stdin); raises GazetteError (E00x, E014) for bad input."""
    from ..ingest import Limits, read_bytes

    limits = limits or Limits()
    data = read_bytes(path, limits)
    if not data.strip():
        raise GazetteError("E001", path=path)
    if path.lower().endswith(JSON_SUFFIXES):
        return _json_items(path, data)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        try:
            return _json_items(path, data)
        except GazetteError:
            pass  # text that happens to start with a brace: parse it as a gazette
    sha = hashlib.sha256(data).hexdigest()
    source_path = path if path == "-" else os.path.abspath(path)
    return [Item(source_path, sha, path, job=(data, path, limits))]


def _json_items(path: str, data: bytes) -> list[Item]:
    from ..jsonin import loads

    try:
        text = data.decode("utf-8-sig").strip()
    except UnicodeDecodeError as e:
        raise GazetteError("E014", path=path, reason="not UTF-8") from e
    try:
        objects = [loads(text, parse_float=Decimal)]
    except json.JSONDecodeError:
        objects = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    objects.append(loads(line, parse_float=Decimal))
                except json.JSONDecodeError as e:
                    raise GazetteError("E014", path=path, reason=f"line {n}: {e}") from e
    from ..schema import first_error

    items = []
    for n, obj in enumerate(objects, 1):
        where = f"object {n}: " if len(objects) > 1 else ""
        if not isinstance(obj, dict) or obj.get("schema") != "gazette-extract/1":
            found = obj.get("schema") if isinstance(obj, dict) else type(obj).__name__
            raise GazetteError("E014", path=path, reason=f"{where}schema is {found!r}, expected 'gazette-extract/1'")
        problem = first_error(obj)
        if problem:
            raise GazetteError("E014", path=path, reason=where + problem)
        source = obj["source"]
        items.append(Item(source.get("path") or path, source["sha256"], path, _data=obj))
    return items
