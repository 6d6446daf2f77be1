"""The clause database: gazette extractions in SQLite, searchable by words, units, values and documents.

    from extract import db
    db.build("clauses.db", ["corpus/"])                  # -> BuildSummary
    db.search("clauses.db", "财政局", doc_number="三政〔2023〕2号")   # -> list of provision dicts
    db.search("clauses.db", unit="市财政局", threshold="CNY>=10000", deadline_from="2024", deadline_to="2024")
    db.export("clauses.db", "out.csv", table="thresholds", threshold="CNY>=10000")
    db.stats("clauses.db")                                 # -> dict of counts

Filter names are the fields of `extract.db.query.Filters`. The command line is `gazette db`
(extract/db/cli.py, imported only when used: `db_cmd` below). Schema and design: docs/db.md.
"""
from __future__ import annotations

import os
from typing import Iterator

from .load import BuildSummary, build
from .query import Filters
from .schema import SCHEMA_ID

__all__ = ["build", "search", "rows", "export", "stats", "status", "Filters", "BuildSummary", "SCHEMA_ID"]


def search(db_path, query: str | None = None, *, limit: int | None = 50, order: str | None = None,
           values: bool = True, **filters) -> list[dict]:
    """Provisions matching every word of query (substring match, see words.py) and every filter.

    Rows: sha256, path, document_id, doc_number, title, issuer, date, effective, expires, provision_id,
    parent, level, label, heading, page, line, text, units, thresholds, deadlines, citations, and with a
    query, rank and snippet. limit None or 0: all. order: 'rank' (default with a query) or 'document'."""
    return list(rows(db_path, query, limit=limit, order=order, values=values, **filters))


def rows(db_path, query: str | None = None, *, table: str = "provisions", limit: int | None = None,
         order: str | None = None, values: bool = True, **filters) -> Iterator[dict]:
    """Stream result rows of one table: provisions (as search), units, thresholds, deadlines, citations
    (one row per value), documents or sources (those with a matching provision)."""
    from . import results as r
    from .store import errors, open_read

    chosen = Filters(**filters)
    if table not in r.TABLES:
        from ..errors import GazetteError

        raise GazetteError("E047", option="--table", value=table, reason=f"is not one of {', '.join(r.TABLES)}")
    conn = open_read(str(db_path))
    try:
        with errors(str(db_path)):
            if table == "provisions":
                yield from r.provisions(conn, query, chosen, limit=limit, order=order, values=values)
            elif table in r.VALUE_FIELDS:
                yield from r.value_rows(conn, table, query, chosen, order=order)
            elif table == "documents":
                yield from r.document_rows(conn, query, chosen)
            else:
                yield from r.source_rows(conn, query, chosen)
    finally:
        conn.close()


def export(db_path, output=None, *, format: str = "csv", table: str = "provisions", query: str | None = None,
           excel: bool = False, order: str | None = None, **filters) -> int:
    """Write matching rows to output (a path, an open text file, or None for stdout); returns the count."""
    from ..errors import GazetteError

    if format not in ("csv", "jsonl"):
        raise GazetteError("E047", option="--format", value=format, reason="is not csv or jsonl")
    from ..output import check_target

    check_target(output if isinstance(output, (str, os.PathLike)) else None, [db_path])
    stream = rows(db_path, query, table=table, order=order, **filters)
    first = next(stream, None)  # open and check the database before creating the output file
    if first is not None:
        import itertools

        stream = itertools.chain([first], stream)
    if output is not None and not isinstance(output, (str, os.PathLike)):
        return _write(stream, output, format, table)  # an open text file
    from ..output import writing

    with writing(output, [db_path], encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        return _write(stream, fh, format, table)


def _write(stream, fh, format: str, table: str) -> int:
    from .writers import fields_of, write_csv, write_jsonl

    if format == "csv":
        return write_csv(stream, fh, fields_of(table))
    return write_jsonl(stream, fh)


def stats(db_path, check: bool = False) -> dict:
    """Counts and vocabularies of a database; check=True also runs SQLite's and FTS5's integrity checks."""
    from .counts import stats as _stats

    return _stats(str(db_path), check=check)


class StatusReport:
    """What `status` returns: the date judged on and one dict per document (status.Status.to_json())."""

    def __init__(self, on: str, rows: list[dict]):
        self.on, self.rows = on, rows

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)


def status(db_path, on: str | None = None, *, states=(), doc_number: str | None = None,
           title: str | None = None) -> StatusReport:
    """The status of every document on the date `on` (default: today): in-force, extended, expired,
    superseded, repealed or not-yet-effective, with since/until/by (extract/db/states.py)."""
    import datetime

    from ..errors import GazetteError
    from .query import _doc_number, check_date
    from .states import STATES, statuses
    from .store import errors, open_read

    on = on or datetime.date.today().isoformat()
    check_date(on, "--on")
    for s in states:
        if s not in STATES:
            raise GazetteError("E047", option="--state", value=s, reason=f"is not one of {', '.join(STATES)}")
    conn = open_read(str(db_path))
    try:
        with errors(str(db_path)):
            found = statuses(conn, on)
            order = {pk: n for n, (pk,) in enumerate(conn.execute(
                "SELECT pk FROM documents ORDER BY date IS NULL, date, doc_number, title, pk"))}
            fields = {pk: (n, t) for pk, n, t in conn.execute("SELECT pk, doc_number, title FROM documents")}
    finally:
        conn.close()
    rows = []
    for pk in sorted(found, key=order.get):
        s = found[pk]
        number, name = fields[pk]
        if states and s.state not in states:
            continue
        if doc_number and _doc_number(doc_number) not in (number or ""):
            continue
        if title and title.strip() not in (name or ""):
            continue
        rows.append(s.to_json())
    return StatusReport(on, rows)


def __getattr__(name):
    if name == "db_cmd":  # the click group, for `gazette db` (extract/cli.py LAZY_COMMANDS)
        from .cli import db_cmd

        return db_cmd
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
