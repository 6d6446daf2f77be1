"""`build`: store extractions in the clause database, once each.

A source is keyed by its sha256: loading the same bytes again stores nothing ("unchanged"). A source
whose path is already stored with other content replaces the old rows ("replaced"): a corrected file
loaded again leaves no stale provisions. A file that cannot be read or parsed is reported in one line and
skipped; the rest go on. A file in which no gazette document is found (a README, a page of prose) is
reported (W040) and not stored. Each source is stored inside a savepoint, so a failure leaves none of
its rows. Each document found is a copy of a document keyed by its 文号 (identity.py); at the end of a
build, documents left without copies are removed and the relations between documents resolved (links.py).

Parsing can run in worker processes or on a Dask cluster (engines.py); the database is always written
here, in input order, so every engine builds the same database.
"""
from __future__ import annotations

import collections
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
from .identity import (cite_names, dated, relations_of, conflict_key, document_key, document_label, family_key, family_title,
                       has_document, same_title)
from .inputs import Item, WorkerError, expand, parse_outcome, read_input
from .store import errors, now, open_write
from .words import index_words

COMMIT_EVERY = 2.0  # seconds between commits during a long build (GAZETTE_DB_COMMIT_EVERY overrides)


def _commit_every() -> float:
    try:
        return max(0.0, float(os.environ.get("GAZETTE_DB_COMMIT_EVERY", COMMIT_EVERY)))
    except ValueError:
        return COMMIT_EVERY
MIN_FILES_PER_WORKER = 8  # fewer inputs than this per local worker are parsed in this process


@dataclass
class BuildSummary:
    """What a build did; `failed` holds (input path, one-line message) pairs."""

    database: str
    inputs: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (path, W040 message): no document found, not stored
    documents: int = 0
    provisions: int = 0
    seconds: float = 0.0
    engine: str = ""  # where parsing ran: 'this process', '2 local processes', 'dask tcp://…'

    def to_json(self) -> dict:
        out = asdict(self)
        out["failed"] = [{"path": p, "message": m} for p, m in self.failed]
        out["skipped"] = [{"path": p, "message": m} for p, m in self.skipped]
        return out

    def line(self) -> str:
        rate = self.inputs / self.seconds if self.seconds > 0 else 0.0
        return (f"{self.database}: {self.inputs} inputs: {self.added} added, {self.replaced} replaced, "
                f"{self.unchanged} unchanged, "
                + (f"{len(self.skipped)} without a document, " if self.skipped else "")
                + f"{len(self.failed)} failed; stored {self.documents} documents, "
                f"{self.provisions} provisions ({self.seconds:.1f} s, {rate:.1f} inputs/s)")


def build(db_path: str, paths, *, limits=None, progress: bool | None = None,
          on_error: Callable[[str, str], None] | None = None, on_warning: Callable[[str, str], None] | None = None,
          workers: int | None = 1, engine: str = "local", scheduler: str | None = None) -> BuildSummary:
    """Load gazette files, directories of them, or extraction JSON into the database at db_path.

    workers: parse in this many local processes (None: one per core); engine='dask' with scheduler=ADDRESS
    parses on a Dask distributed cluster instead. The database is written here, in input order."""
    from .engines import engine_for
    from .links import finish

    files = expand(paths)
    summary = BuildSummary(database=str(db_path), inputs=len(files))
    started = time.perf_counter()
    conn = open_write(str(db_path))
    runner = None
    bar = None

    def report(hook, path: str, message: str) -> None:
        if hook:
            if bar is not None:
                bar.clear()
            hook(path, message)
            if bar is not None:
                bar.refresh()

    def fail(path: str, message: str) -> None:
        summary.failed.append((path, message))
        report(on_error, path, message)

    try:
        if engine == "local" and len(files) < MIN_FILES_PER_WORKER * (workers or os.cpu_count() or 1):
            workers = 1  # starting worker processes costs more than parsing a handful of files
        runner = engine_for(engine, workers, scheduler)
        summary.engine = runner.name
        bar = _progress(len(files), progress)
        with errors(str(db_path), writing=True):
            known = {sha for (sha,) in conn.execute("SELECT sha256 FROM sources")}
            conn.execute("BEGIN IMMEDIATE")
            last_commit = time.monotonic()
            commit_every = _commit_every()
            pending: collections.deque = collections.deque()

            def finish_one(path, items, error):
                if error is not None:
                    fail(path, error)
                else:
                    try:
                        for item in items:
                            _load_item(conn, item, summary, path, report_skip)
                    except (GazetteError, WorkerError) as e:
                        fail(path, str(e))
                    except sqlite3.DatabaseError:
                        raise
                    except Exception as e:  # noqa: BLE001 - one broken input must not stop a batch
                        if os.environ.get("GAZETTE_DEBUG"):
                            raise
                        fail(path, f"{path}: internal error: {type(e).__name__}: {e} "
                                   "(set GAZETTE_DEBUG=1 for a traceback)")
                if bar is not None:
                    bar.update(1)

            def report_skip(path, message):
                summary.skipped.append((path, message))
                report(on_warning, path, message)

            for path in files:
                try:
                    items = read_input(path, limits)
                    for item in items:
                        if item.job is not None and item.sha256 not in known:
                            item.future = runner.submit(parse_outcome, *item.job)
                    pending.append((path, items, None))
                except GazetteError as e:
                    pending.append((path, None, str(e)))
                while len(pending) > runner.window:
                    finish_one(*pending.popleft())
                    if time.monotonic() - last_commit > commit_every:
                        conn.execute("COMMIT")
                        conn.execute("BEGIN IMMEDIATE")
                        last_commit = time.monotonic()
            while pending:
                finish_one(*pending.popleft())
            finish(conn)
            conn.execute("COMMIT")
            conn.execute("PRAGMA optimize")
    finally:
        if bar is not None:
            bar.close()
        if runner is not None:
            runner.close()
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


def _load_item(conn: sqlite3.Connection, item: Item, summary: BuildSummary, path: str, skip) -> None:
    if conn.execute("SELECT 1 FROM sources WHERE sha256 = ?", (item.sha256,)).fetchone():
        item.future = None
        summary.unchanged += 1
        return
    data = item.extraction()
    if not has_document(data):
        from ..errors import warning

        skip(path, "W040 " + warning("W040", path=item.loaded_from)["message"])
        return
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
    if "copies.source, copies.id" in message:
        return "two documents share one id"
    if "provisions.copy, provisions.id" in message:
        return "two provisions of one document share one id"
    return message


def remove_source(conn: sqlite3.Connection, source_pk: int) -> None:
    """Delete a source, its copies, provisions, values and index entries (documents left without a copy
    are removed by links.finish at the end of the build)."""
    rows = conn.execute("SELECT p.pk, p.text FROM provisions p JOIN copies c ON c.pk = p.copy "
                        "WHERE c.source = ?", (source_pk,)).fetchall()
    conn.executemany("INSERT INTO provision_index (provision_index, rowid, words) VALUES ('delete', ?, ?)",
                     [(pk, w) for pk, w in ((pk, index_words(text)) for pk, text in rows) if w])
    conn.execute("DELETE FROM sources WHERE pk = ?", (source_pk,))


def _series(conn: sqlite3.Connection, issue: dict) -> int | None:
    title = (issue.get("title") or "").strip()
    if not title:
        return None
    row = conn.execute("SELECT pk FROM series WHERE title = ?", (title,)).fetchone()
    if row:
        return row[0]
    return conn.execute("INSERT INTO series (title) VALUES (?)", (title,)).lastrowid


def _document(conn: sqlite3.Connection, doc: dict) -> int:
    """The pk of the document this copy is (created when new)."""
    key = document_key(doc)
    row = conn.execute("SELECT pk, title FROM documents WHERE key = ?", (key,)).fetchone()
    if row and doc.get("doc_number") and not same_title(row[1], doc.get("title")):
        key = conflict_key(doc)  # a 文号 already used by another document: keep them apart
        row = conn.execute("SELECT pk, title FROM documents WHERE key = ?", (key,)).fetchone()
    if row:
        return row[0]
    fkey = family_key(doc)
    family = conn.execute("SELECT pk FROM families WHERE key = ?", (fkey,)).fetchone()
    family = family[0] if family else conn.execute("INSERT INTO families (key, title) VALUES (?, ?)",
                                                   (fkey, family_title(doc))).lastrowid
    date = dated(doc)
    return conn.execute(
        "INSERT INTO documents (key, family, title, doc_number, issuer, date, year, effective, expires) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (key, family, doc.get("title"), doc.get("doc_number"), doc.get("issuer"), date,
         int(date[:4]) if date and date[:4].isdigit() else None, doc.get("effective"), doc.get("expires"))).lastrowid


def store(conn: sqlite3.Connection, item: Item, data: dict) -> tuple[int, int]:
    """Insert one extraction's rows; returns (documents, provisions) stored."""
    source = data.get("source") or {}
    issue = data.get("issue") or {}
    cur = conn.execute(
        "INSERT INTO sources (path, sha256, format, encoding, loaded_from, loaded_at, series, issue_title, "
        "issue_year, issue_number, issue_total_number, issue_published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (item.path, item.sha256, source.get("format"), source.get("encoding"), item.loaded_from, now(),
         _series(conn, issue), issue.get("title"), issue.get("year"), issue.get("number"),
         issue.get("total_number"), issue.get("published")))
    source_pk = cur.lastrowid
    next_pk = (conn.execute("SELECT max(pk) FROM provisions").fetchone()[0] or 0) + 1
    provisions, units, thresholds, deadlines, citations, words, relations = [], [], [], [], [], [], []
    documents = data.get("documents") or []
    for dseq, doc in enumerate(documents):
        cur = conn.execute(
            "INSERT INTO copies (source, document, seq, id, title, doc_number, issuer, date, effective, expires) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (source_pk, _document(conn, doc), dseq, doc["id"], doc.get("title"), doc.get("doc_number"),
             doc.get("issuer"), dated(doc), doc.get("effective"), doc.get("expires")))
        copy_pk = cur.lastrowid
        label = document_label(doc)
        found = doc.get("provisions") or []
        for pseq, (p, cite) in enumerate(zip(found, cite_names(found))):
            pk = next_pk
            next_pk += 1
            span = p.get("span") or [None, None]
            provisions.append((pk, copy_pk, pseq, p["id"], f"{label} {cite}", p.get("parent"), p["level"],
                               p.get("label"), p.get("number"), p.get("heading"), p.get("text") or "", p.get("page"),
                               p.get("line"), span[0], span[1]))
            w = index_words(p.get("text") or "")
            if w:
                words.append((pk, w))
            for n, u in enumerate(p.get("units") or []):
                units.append((pk, n, u["name"], u["raw"], *_span(u), u.get("role"), int(bool(u.get("inherited")))))
            for n, t in enumerate(p.get("thresholds") or []):
                value, lo, hi = exact(t.get("value")), exact(t.get("min")), exact(t.get("max"))
                thresholds.append((pk, n, as_number(value), value, t["unit"], t["comparator"], as_number(lo), lo,
                                   as_number(hi), hi, t.get("per"), t.get("subject"), t["raw"], *_span(t)))
            for n, d in enumerate(p.get("deadlines") or []):
                duration = d.get("duration")
                deadlines.append((pk, n, d.get("date"), d["kind"],
                                  None if duration is None else json.dumps(jsonable(duration), ensure_ascii=False),
                                  d.get("recurrence"), d["raw"], *_span(d)))
            for n, c in enumerate(p.get("citations") or []):
                citations.append((pk, n, c.get("title"), c.get("doc_number"), c["raw"], *_span(c)))
        for n, r in enumerate(relations_of(doc)):
            relations.append((copy_pk, n, r["relation"], r.get("title"), r.get("doc_number"), r.get("raw") or "",
                              r.get("provision"), *(r.get("span") or (None, None)), r.get("expires")))
    conn.executemany("INSERT INTO provisions (pk, copy, seq, id, cite, parent, level, label, number, heading, text, "
                     "page, line, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     provisions)
    conn.executemany("INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?)", units)
    conn.executemany("INSERT INTO thresholds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", thresholds)
    conn.executemany("INSERT INTO deadlines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", deadlines)
    conn.executemany("INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?)", citations)
    conn.executemany("INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", relations)
    conn.executemany("INSERT INTO provision_index (rowid, words) VALUES (?, ?)", words)
    return len(documents), len(provisions)


def as_number(text: str | None):
    """An exact decimal string as an SQLite number: int when integral, else float (the exact string is
    stored beside it); None for ratios and missing values."""
    if text is None:
        return None
    try:
        d = Decimal(text)
    except ArithmeticError:
        return None
    if not d.is_finite():
        return None
    return int(d) if d == d.to_integral_value() else float(d)


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
