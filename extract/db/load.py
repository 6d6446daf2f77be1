"""`build`: store extractions in the clause database, once each.

A source is keyed by its sha256: loading the same bytes again stores nothing ("unchanged"). A source
whose path is already stored with other content replaces the old rows ("replaced"): a corrected file
loaded again leaves no stale provisions. A file that cannot be read or parsed is reported in one line and
skipped; the rest go on. Each source is stored inside a savepoint, so a failure leaves none of its rows.
"""
from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Callable

from ..errors import GazetteError
from ..model import jsonable
from .inputs import Item, expand, read_input
from .store import errors, now, open_write
from .words import index_words

COMMIT_EVERY = 2.0  # seconds between commits during a long build


@dataclass
class BuildSummary:
    """What a build did; `failed` holds (input path, one-line message) pairs."""

    database: str
    inputs: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: list = field(default_factory=list)
    documents: int = 0
    provisions: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict:
        out = asdict(self)
        out["failed"] = [{"path": p, "message": m} for p, m in self.failed]
        return out

    def line(self) -> str:
        rate = self.inputs / self.seconds if self.seconds > 0 else 0.0
        return (f"{self.database}: {self.inputs} inputs: {self.added} added, {self.replaced} replaced, "
                f"{self.unchanged} unchanged, {len(self.failed)} failed; stored {self.documents} documents, "
                f"{self.provisions} provisions ({self.seconds:.1f} s, {rate:.1f} inputs/s)")


def build(db_path: str, paths, *, limits=None, progress: bool | None = None,
          on_error: Callable[[str, str], None] | None = None) -> BuildSummary:
    """Load gazette files, directories of them, or extraction JSON into the database at db_path."""
    files = expand(paths)
    summary = BuildSummary(database=str(db_path), inputs=len(files))
    started = time.perf_counter()
    conn = open_write(str(db_path))
    bar = _progress(len(files), progress)

    def fail(path: str, message: str) -> None:
        summary.failed.append((path, message))
        if on_error:
            if bar is not None:
                bar.clear()
            on_error(path, message)
            if bar is not None:
                bar.refresh()

    try:
        with errors(str(db_path), writing=True):
            conn.execute("BEGIN IMMEDIATE")
            last_commit = time.monotonic()
            for path in files:
                try:
                    items = read_input(path, limits)
                    for item in items:
                        _load_item(conn, item, summary)
                except GazetteError as e:
                    fail(path, str(e))
                except sqlite3.DatabaseError:
                    raise
                except Exception as e:  # noqa: BLE001 - one broken input must not stop a batch
                    if os.environ.get("GAZETTE_DEBUG"):
                        raise
                    fail(path, f"{path}: internal error: {type(e).__name__}: {e} (set GAZETTE_DEBUG=1 for a traceback)")
                if bar is not None:
                    bar.update(1)
                if time.monotonic() - last_commit > COMMIT_EVERY:
                    conn.execute("COMMIT")
                    conn.execute("BEGIN IMMEDIATE")
                    last_commit = time.monotonic()
            conn.execute("COMMIT")
            conn.execute("PRAGMA optimize")
    finally:
        if bar is not None:
            bar.close()
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _progress(total: int, enabled: bool | None):
    """A tqdm bar on stderr for more than one input, on a terminal (GAZETTE_PROGRESS=1 forces it, =0 silences it)."""
    if enabled is None:
        setting = os.environ.get("GAZETTE_PROGRESS", "")
        enabled = setting == "1" or (setting != "0" and total > 1 and sys.stderr.isatty())
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", desc="loading", file=sys.stderr, leave=False, mininterval=0.25)


def _load_item(conn: sqlite3.Connection, item: Item, summary: BuildSummary) -> None:
    if conn.execute("SELECT 1 FROM sources WHERE sha256 = ?", (item.sha256,)).fetchone():
        summary.unchanged += 1
        return
    data = item.extraction()
    conn.execute("SAVEPOINT item")
    try:
        old = []
        if item.path != "-":
            old = [pk for (pk,) in conn.execute("SELECT pk FROM sources WHERE path = ?", (item.path,))]
        for pk in old:
            remove_source(conn, pk)
        documents, provisions = store(conn, item, data)
    except sqlite3.IntegrityError as e:
        conn.execute("ROLLBACK TO item")
        conn.execute("RELEASE item")
        raise GazetteError("E048", path=item.loaded_from, reason=_integrity_reason(e)) from e
    except BaseException:
        conn.execute("ROLLBACK TO item")
        conn.execute("RELEASE item")
        raise
    conn.execute("RELEASE item")
    if old:
        summary.replaced += 1
    else:
        summary.added += 1
    summary.documents += documents
    summary.provisions += provisions


def _integrity_reason(e: sqlite3.IntegrityError) -> str:
    message = str(e)
    if "documents.source, documents.id" in message:
        return "two documents share one id"
    if "provisions.document, provisions.id" in message:
        return "two provisions of one document share one id"
    return message


def remove_source(conn: sqlite3.Connection, source_pk: int) -> None:
    """Delete a source, its documents, provisions, values and index entries."""
    rows = conn.execute("SELECT p.pk, p.text FROM provisions p JOIN documents d ON d.pk = p.document "
                        "WHERE d.source = ?", (source_pk,)).fetchall()
    conn.executemany("INSERT INTO provision_index (provision_index, rowid, words) VALUES ('delete', ?, ?)",
                     [(pk, w) for pk, w in ((pk, index_words(text)) for pk, text in rows) if w])
    conn.execute("DELETE FROM sources WHERE pk = ?", (source_pk,))


def store(conn: sqlite3.Connection, item: Item, data: dict) -> tuple[int, int]:
    """Insert one extraction's rows; returns (documents, provisions) stored."""
    source = data.get("source") or {}
    issue = data.get("issue") or {}
    cur = conn.execute(
        "INSERT INTO sources (path, sha256, format, encoding, loaded_from, loaded_at, issue_title, issue_year, "
        "issue_number, issue_total_number, issue_published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (item.path, item.sha256, source.get("format"), source.get("encoding"), item.loaded_from, now(),
         issue.get("title"), issue.get("year"), issue.get("number"), issue.get("total_number"),
         issue.get("published")))
    source_pk = cur.lastrowid
    next_pk = (conn.execute("SELECT max(pk) FROM provisions").fetchone()[0] or 0) + 1
    provisions, units, thresholds, deadlines, citations, words = [], [], [], [], [], []
    documents = data.get("documents") or []
    for dseq, doc in enumerate(documents):
        cur = conn.execute(
            "INSERT INTO documents (source, seq, id, title, doc_number, issuer, date, effective, expires) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (source_pk, dseq, doc["id"], doc.get("title"), doc.get("doc_number"), doc.get("issuer"),
             doc.get("date"), doc.get("effective"), doc.get("expires")))
        doc_pk = cur.lastrowid
        for pseq, p in enumerate(doc.get("provisions") or []):
            pk = next_pk
            next_pk += 1
            span = p.get("span") or [None, None]
            provisions.append((pk, doc_pk, pseq, p["id"], p.get("parent"), p["level"], p.get("label"),
                               p.get("number"), p.get("heading"), p.get("text") or "", p.get("page"),
                               p.get("line"), span[0], span[1]))
            w = index_words(p.get("text") or "")
            if w:
                words.append((pk, w))
            for n, u in enumerate(p.get("units") or []):
                units.append((pk, n, u["name"], u["raw"], *_span(u), u.get("role"), int(bool(u.get("inherited")))))
            for n, t in enumerate(p.get("thresholds") or []):
                thresholds.append((pk, n, exact(t.get("value")), t["unit"], t["comparator"], exact(t.get("min")),
                                   exact(t.get("max")), t.get("per"), t.get("subject"), t["raw"], *_span(t)))
            for n, d in enumerate(p.get("deadlines") or []):
                duration = d.get("duration")
                deadlines.append((pk, n, d.get("date"), d["kind"],
                                  None if duration is None else json.dumps(jsonable(duration), ensure_ascii=False),
                                  d.get("recurrence"), d["raw"], *_span(d)))
            for n, c in enumerate(p.get("citations") or []):
                citations.append((pk, n, c.get("title"), c.get("doc_number"), c["raw"], *_span(c)))
    conn.executemany("INSERT INTO provisions (pk, document, seq, id, parent, level, label, number, heading, text, "
                     "page, line, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", provisions)
    conn.executemany("INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?)", units)
    conn.executemany("INSERT INTO thresholds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", thresholds)
    conn.executemany("INSERT INTO deadlines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", deadlines)
    conn.executemany("INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?)", citations)
    conn.executemany("INSERT INTO provision_index (rowid, words) VALUES (?, ?)", words)
    return len(documents), len(provisions)


def _span(value: dict) -> tuple:
    span = value.get("span") or [None, None]
    return span[0], span[1]


def exact(value) -> str | None:
    """A number as its exact decimal string (30000, 18.53), a ratio as printed ('1:1'); never a float."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        j = jsonable(value)
        return str(j)
    return str(value)
