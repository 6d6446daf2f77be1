"""Result rows: provisions with their values, or one row per value, document or source, as plain dicts.

Provision rows carry the public key (sha256, document_id, provision_id), the document's fields and the
provision's, and its values in the extraction JSON's own shape (`units`, `thresholds`, `deadlines`,
`citations`), so a row reads like the provision in `gazette extract` output. Values are fetched in
chunks, so an export of a large database streams in bounded memory.
"""
from __future__ import annotations

import json
import re
import sqlite3
from typing import Iterator

from .query import (Filters, Match, citation_conditions, deadline_conditions, has_copies, matching, order_by,
                    snippet, threshold_conditions, unit_conditions)

TABLES = ("provisions", "units", "thresholds", "deadlines", "citations", "documents", "sources")

PROVISION_FIELDS = ("sha256", "path", "document_id", "doc_number", "title", "issuer", "date", "effective",
                    "expires", "provision_id", "parent", "level", "label", "heading", "page", "line", "text",
                    "cite", "document_key")
_PROVISION_SQL = ("s.sha256, s.path, d.id, d.doc_number, d.title, d.issuer, d.date, d.effective, d.expires, "
                  "p.id, p.parent, p.level, p.label, p.heading, p.page, p.line, p.text, p.cite, "
                  "(SELECT key FROM documents w WHERE w.pk = d.document)")
_N = len(PROVISION_FIELDS)

KEY_FIELDS = ("sha256", "path", "document_id", "doc_number", "provision_id", "level", "label")
_KEY_SQL = "s.sha256, s.path, d.id, d.doc_number, p.id, p.level, p.label"
VALUE_FIELDS = {
    "units": ("name", "raw", "span_start", "span_end", "role", "inherited"),
    "thresholds": ("value", "unit", "comparator", "min", "max", "per", "subject", "raw", "span_start", "span_end"),
    "deadlines": ("date", "kind", "duration", "recurrence", "raw", "span_start", "span_end"),
    "citations": ("title", "doc_number", "raw", "span_start", "span_end"),
}
DOCUMENT_FIELDS = ("document_key", "sha256", "path", "document_id", "title", "doc_number", "issuer", "date",
                   "effective", "expires", "family", "copies", "sources", "provisions")
SOURCE_FIELDS = ("sha256", "path", "format", "encoding", "loaded_from", "loaded_at", "issue_title", "issue_year",
                 "issue_number", "issue_total_number", "issue_published", "documents", "provisions")

CHUNK = 500
_EXACT = {("thresholds", "value"): "value_exact", ("thresholds", "min"): "min_exact", ("thresholds", "max"): "max_exact"}
_INTEGER = re.compile(r"^-?[0-9]+$")


def number(text: str | None):
    """A stored exact number back to the JSON form: an int when integral, else the decimal string."""
    if text is None:
        return None
    return int(text) if _INTEGER.match(text) else text


def _match(conn: sqlite3.Connection, query: str | None, filters: Filters, dedupe: bool | None = None) -> Match:
    return matching(query, filters, conn, dedupe=has_copies(conn) if dedupe is None else dedupe)


def provisions(conn: sqlite3.Connection, query: str | None, filters: Filters, *, limit: int | None = None,
               order: str | None = None, values: bool = True) -> Iterator[dict]:
    match = _match(conn, query, filters)
    rank = "m.rank" if match.ranked else "NULL"
    sql = f"SELECT {_PROVISION_SQL}, p.pk, {rank}, d.document {match.sql} ORDER BY {order_by(match, order)}"
    args = list(match.args)
    if limit:
        sql += " LIMIT ?"
        args.append(limit)
    cur = conn.execute(sql, args)
    while True:
        batch = cur.fetchmany(CHUNK)
        if not batch:
            return
        attached = _values(conn, [r[_N] for r in batch]) if values else {}
        paths = _sources(conn, {r[_N + 2] for r in batch})
        for r in batch:
            row = dict(zip(PROVISION_FIELDS, r[:_N]))
            row["sources"] = paths.get(r[_N + 2], [])
            if match.ranked:
                row["rank"] = r[_N + 1]
                row["snippet"] = snippet(row["text"], match.highlight)
            if values:
                row.update(attached.get(r[_N], _empty()))
            yield row


def _sources(conn: sqlite3.Connection, documents: set[int]) -> dict[int, list[str]]:
    """The source paths of each document's copies, first loaded first."""
    out: dict[int, list[str]] = {}
    if not documents:
        return out
    marks = ", ".join("?" * len(documents))
    for document, path in conn.execute(f"SELECT c.document, s.path FROM copies c JOIN sources s ON s.pk = c.source "
                                       f"WHERE c.document IN ({marks}) ORDER BY c.document, c.pk", list(documents)):
        if path not in out.setdefault(document, []):
            out[document].append(path)
    return out


def _empty() -> dict:
    return {"units": [], "thresholds": [], "deadlines": [], "citations": []}


def _values(conn: sqlite3.Connection, pks: list[int]) -> dict[int, dict]:
    """The values of these provisions, by provision pk, in the extraction JSON's shape."""
    out: dict[int, dict] = {pk: _empty() for pk in pks}
    marks = ", ".join("?" * len(pks))
    for pk, name, raw, a, b, role, inherited in conn.execute(
            f"SELECT provision, name, raw, span_start, span_end, role, inherited FROM units "
            f"WHERE provision IN ({marks}) ORDER BY provision, seq", pks):
        out[pk]["units"].append({"name": name, "raw": raw, "span": [a, b], "role": role, "inherited": bool(inherited)})
    for pk, value, unit, comparator, lo, hi, per, subject, raw, a, b in conn.execute(
            f"SELECT provision, value_exact, unit, comparator, min_exact, max_exact, per, subject, raw, span_start, span_end "
            f"FROM thresholds WHERE provision IN ({marks}) ORDER BY provision, seq", pks):
        t = {"value": number(value), "unit": unit, "comparator": comparator}
        if lo is not None or hi is not None:
            t.update(min=number(lo), max=number(hi))
        if per is not None:
            t["per"] = per
        t.update(raw=raw, span=[a, b], subject=subject)
        out[pk]["thresholds"].append(t)
    for pk, date, kind, duration, recurrence, raw, a, b in conn.execute(
            f"SELECT provision, date, kind, duration, recurrence, raw, span_start, span_end FROM deadlines "
            f"WHERE provision IN ({marks}) ORDER BY provision, seq", pks):
        d = {"date": date, "kind": kind, "raw": raw, "span": [a, b]}
        if duration is not None:
            d["duration"] = json.loads(duration)
        if recurrence is not None:
            d["recurrence"] = recurrence
        out[pk]["deadlines"].append(d)
    for pk, title, doc_number, raw, a, b in conn.execute(
            f"SELECT provision, title, doc_number, raw, span_start, span_end FROM citations "
            f"WHERE provision IN ({marks}) ORDER BY provision, seq", pks):
        out[pk]["citations"].append({"title": title, "doc_number": doc_number, "raw": raw, "span": [a, b]})
    return out


def value_rows(conn: sqlite3.Connection, table: str, query: str | None, filters: Filters,
               order: str | None = None) -> Iterator[dict]:
    """One row per value of matching provisions; a filter on this kind of value also selects the values."""
    match = _match(conn, query, filters)
    own, own_args = _own_conditions(table, filters)
    columns = ", ".join(f"v.{_EXACT.get((table, c), c)}" for c in VALUE_FIELDS[table])
    sql = f"SELECT {_KEY_SQL}, {columns} FROM {table} v JOIN ({_provision_pks(match)}) x ON x.pk = v.provision " \
          "JOIN provisions p ON p.pk = v.provision JOIN copies d ON d.pk = p.copy " \
          "JOIN sources s ON s.pk = d.source"
    if own:
        sql += " WHERE " + " AND ".join(f"({c})" for c in own)
    sql += " ORDER BY " + ("x.rank, " if match.ranked and (order or "rank") == "rank" else "") + \
        "s.path, s.pk, d.seq, p.seq, v.seq"
    fields = KEY_FIELDS + VALUE_FIELDS[table]
    for r in conn.execute(sql, list(match.args) + own_args):
        row = dict(zip(fields, r))
        if table == "thresholds":
            for k in ("value", "min", "max"):
                row[k] = number(row[k])
        elif table == "units":
            row["inherited"] = bool(row["inherited"])
        elif table == "deadlines" and row["duration"] is not None:
            row["duration"] = json.loads(row["duration"])
        yield row


def _provision_pks(match: Match) -> str:
    return f"SELECT p.pk AS pk, {'m.rank' if match.ranked else 'NULL'} AS rank {match.sql}"


def _own_conditions(table: str, f: Filters) -> tuple[list[str], list]:
    if table == "units" and (f.unit is not None or f.role is not None or f.written_units):
        return unit_conditions(f, "v")
    if table == "thresholds" and f.threshold is not None:
        return threshold_conditions(f.threshold, "v")
    if table == "deadlines" and (f.deadline_from or f.deadline_to or f.deadline_kind):
        return deadline_conditions(f, "v")
    if table == "citations" and f.cites is not None:
        return citation_conditions(f, "v")
    return [], []


def document_rows(conn: sqlite3.Connection, query: str | None, filters: Filters) -> Iterator[dict]:
    """Documents with at least one matching provision (all documents when nothing is asked), each once
    whatever the number of its copies; sha256, path and document_id are its first copy's."""
    match = _match(conn, query, filters)
    narrowed = bool(match.args) or bool(filters.active())
    sql = ("SELECT w.key, s.sha256, s.path, c.id, w.title, w.doc_number, w.issuer, w.date, w.effective, w.expires, "
           "f.title, w.copies, w.pk, (SELECT count(*) FROM provisions q WHERE q.copy = c.pk) "
           "FROM documents w JOIN families f ON f.pk = w.family "
           "JOIN copies c ON c.pk = (SELECT min(pk) FROM copies x WHERE x.document = w.pk) "
           "JOIN sources s ON s.pk = c.source")
    if narrowed:
        sql += f" WHERE w.pk IN (SELECT d.document {match.sql})"
    cur = conn.execute(sql + " ORDER BY s.path, s.pk, c.seq", match.args if narrowed else [])
    while True:
        batch = cur.fetchmany(CHUNK)
        if not batch:
            return
        paths = _sources(conn, {r[12] for r in batch})
        for r in batch:
            row = dict(zip(DOCUMENT_FIELDS, r[:12] + (None, r[13])))
            row["sources"] = paths.get(r[12], [])
            yield row


def source_rows(conn: sqlite3.Connection, query: str | None, filters: Filters) -> Iterator[dict]:
    """Sources with at least one matching provision (all sources when nothing is asked)."""
    match = _match(conn, query, filters, dedupe=False)  # every source that has a match
    narrowed = bool(match.args) or bool(filters.active())
    sql = ("SELECT s.sha256, s.path, s.format, s.encoding, s.loaded_from, s.loaded_at, s.issue_title, s.issue_year, "
           "s.issue_number, s.issue_total_number, s.issue_published, "
           "(SELECT count(*) FROM copies e WHERE e.source = s.pk), "
           "(SELECT count(*) FROM provisions q JOIN copies e ON e.pk = q.copy WHERE e.source = s.pk) "
           "FROM sources s")
    if narrowed:
        sql += f" WHERE s.pk IN (SELECT d.source {match.sql})"
    for r in conn.execute(sql + " ORDER BY s.path, s.pk", match.args if narrowed else []):
        yield dict(zip(SOURCE_FIELDS, r))
