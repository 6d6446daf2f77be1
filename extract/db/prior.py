"""What the database already knows of a new issue: its series' previous issue, and for each of its documents
the same document or its latest earlier version, as extraction JSON (for `gazette diff --against` and
`gazette check --against`).

- The previous issue is the latest issue of the same series (the issue title) numbered before the new
  one (year, then 第N号), other than the new file itself.
- A document's prior is the same document (its 文号, or title + issuer + date) from another source, else
  the latest version of its family (the same title, or the same regulation title for a 印发 notice)
  dated on or before it. Of a prior's copies, the one in the previous issue is taken, else the first
  loaded.
- A relation the new document states (it repeals, extends, amends X) is resolved like links.resolve.
"""
from __future__ import annotations

import json
import sqlite3

from ..lexicon.docnumber import normalize_doc_number
from .identity import dated, squash_title, conflict_key, document_key, family_key, same_title
from .results import number


def previous_issue(conn: sqlite3.Connection, issue: dict | None, sha256: str | None) -> dict | None:
    """The source row of the series' previous issue (dict), or None."""
    if not issue or not issue.get("title") or issue.get("year") is None:
        return None
    year, num = issue.get("year"), issue.get("number")
    row = conn.execute(
        "SELECT s.pk, s.path, s.sha256, s.issue_title, s.issue_year, s.issue_number, s.issue_total_number, "
        "s.issue_published FROM sources s JOIN series r ON r.pk = s.series WHERE r.title = ? AND s.sha256 != ? "
        "AND (s.issue_year < ? OR (s.issue_year = ? AND s.issue_number < ?)) "
        "ORDER BY s.issue_year DESC, s.issue_number DESC, s.pk LIMIT 1",
        (issue["title"].strip(), sha256 or "", year, year, num if num is not None else 10 ** 9)).fetchone()
    if not row:
        return None
    keys = ("pk", "path", "sha256", "title", "year", "number", "total_number", "published")
    return dict(zip(keys, row))


def _document_pk(conn: sqlite3.Connection, doc: dict) -> int | None:
    row = conn.execute("SELECT pk, title FROM documents WHERE key = ?", (document_key(doc),)).fetchone()
    if row and doc.get("doc_number") and not same_title(row[1], doc.get("title")):
        row = conn.execute("SELECT pk, title FROM documents WHERE key = ?", (conflict_key(doc),)).fetchone()
    return row[0] if row else None


def copy_of(conn: sqlite3.Connection, document: int, sha256: str | None, prefer_source: int | None) -> int | None:
    rows = conn.execute("SELECT c.pk, c.source FROM copies c JOIN sources s ON s.pk = c.source "
                        "WHERE c.document = ? AND s.sha256 != ? ORDER BY c.pk", (document, sha256 or "")).fetchall()
    for pk, source in rows:
        if source == prefer_source:
            return pk
    return rows[0][0] if rows else None


def prior(conn: sqlite3.Connection, doc: dict, sha256: str | None, prefer_source: int | None = None) -> tuple | None:
    """(copy pk, how) for a new document: 'same-document' or 'earlier-version'; None when it is new."""
    same = _document_pk(conn, doc)
    if same is not None:
        copy = copy_of(conn, same, sha256, prefer_source)
        if copy is not None:
            return copy, "same-document"
    date = dated(doc) or ""
    for (pk,) in conn.execute(
            "SELECT d.pk FROM documents d JOIN families f ON f.pk = d.family WHERE f.key = ? AND d.pk IS NOT ? "
            "AND (d.date IS NULL OR ? = '' OR d.date <= ?) ORDER BY d.date DESC, d.pk DESC",
            (family_key(doc), same, date, date)):
        copy = copy_of(conn, pk, sha256, prefer_source)
        if copy is not None:
            return copy, "earlier-version"
    return None


def relation_target(conn: sqlite3.Connection, relation: dict, date: str | None, exclude: int | None = None) -> int | None:
    """The document a relation of a new document names (by 文号, else by title: the latest version by its date)."""
    if relation.get("doc_number"):
        want = normalize_doc_number(relation["doc_number"])
        rows = [(pk, t) for pk, n, t in conn.execute("SELECT pk, doc_number, title FROM documents WHERE doc_number "
                                                      "IS NOT NULL") if normalize_doc_number(n) == want and pk != exclude]
        if rows:
            for pk, t in rows:
                if squash_title(t) == squash_title(relation.get("title")):
                    return pk
            return rows[0][0]
    title = squash_title(relation.get("title"))
    if not title:
        return None
    found = [(d or "", pk) for pk, d, t, f in conn.execute(
        "SELECT d.pk, d.date, d.title, f.key FROM documents d JOIN families f ON f.pk = d.family")
        if pk != exclude and (squash_title(t) == title or f == title)]
    earlier = [x for x in found if not date or not x[0] or x[0] <= date]
    return max(earlier)[1] if earlier else None  # a version issued later is not the one it names


def document_info(conn: sqlite3.Connection, pk: int) -> dict:
    keys = ("pk", "key", "title", "doc_number", "issuer", "date", "effective", "expires")
    return dict(zip(keys, conn.execute(f"SELECT {', '.join(keys)} FROM documents WHERE pk = ?", (pk,)).fetchone()))


def copy_json(conn: sqlite3.Connection, copy: int) -> dict:
    """A stored copy back as extraction JSON (a document with its provisions and their values), plus
    `_source` (path, sha256) and `_document` (the document's key)."""
    row = conn.execute("SELECT c.id, c.title, c.doc_number, c.issuer, c.date, c.effective, c.expires, s.path, s.sha256, "
                       "d.key FROM copies c JOIN sources s ON s.pk = c.source JOIN documents d ON d.pk = c.document "
                       "WHERE c.pk = ?", (copy,)).fetchone()
    doc = dict(zip(("id", "title", "doc_number", "issuer", "date", "effective", "expires"), row[:7]))
    doc["_source"] = {"path": row[7], "sha256": row[8]}
    doc["_document"] = row[9]
    provisions = []
    by_pk = {}
    for pk, pid, parent, level, label, num, heading, text, page, line, a, b in conn.execute(
            "SELECT pk, id, parent, level, label, number, heading, text, page, line, span_start, span_end "
            "FROM provisions WHERE copy = ? ORDER BY seq", (copy,)):
        p = {"id": pid, "parent": parent, "level": level, "label": label, "number": num, "heading": heading,
             "text": text, "page": page, "line": line, "span": [a, b], "units": [], "thresholds": [], "deadlines": [],
             "citations": []}
        provisions.append(p)
        by_pk[pk] = p
    marks = "SELECT pk FROM provisions WHERE copy = ?"
    for pk, name, raw, a, b, role, inherited in conn.execute(
            f"SELECT provision, name, raw, span_start, span_end, role, inherited FROM units WHERE provision IN "
            f"({marks}) ORDER BY provision, seq", (copy,)):
        by_pk[pk]["units"].append({"name": name, "raw": raw, "span": [a, b], "role": role, "inherited": bool(inherited)})
    for pk, value, unit, comparator, lo, hi, per, subject, raw, a, b in conn.execute(
            f"SELECT provision, value_exact, unit, comparator, min_exact, max_exact, per, subject, raw, span_start, "
            f"span_end FROM thresholds WHERE provision IN ({marks}) ORDER BY provision, seq", (copy,)):
        t = {"value": number(value), "unit": unit, "comparator": comparator, "raw": raw, "span": [a, b],
             "subject": subject}
        if lo is not None or hi is not None:
            t.update(min=number(lo), max=number(hi))
        if per is not None:
            t["per"] = per
        by_pk[pk]["thresholds"].append(t)
    for pk, date, kind, duration, recurrence, raw, a, b in conn.execute(
            f"SELECT provision, date, kind, duration, recurrence, raw, span_start, span_end FROM deadlines "
            f"WHERE provision IN ({marks}) ORDER BY provision, seq", (copy,)):
        d = {"date": date, "kind": kind, "raw": raw, "span": [a, b]}
        if duration is not None:
            d["duration"] = json.loads(duration)
        if recurrence is not None:
            d["recurrence"] = recurrence
        by_pk[pk]["deadlines"].append(d)
    for pk, title, doc_number, raw, a, b in conn.execute(
            f"SELECT provision, title, doc_number, raw, span_start, span_end FROM citations WHERE provision IN "
            f"({marks}) ORDER BY provision, seq", (copy,)):
        by_pk[pk]["citations"].append({"title": title, "doc_number": doc_number, "raw": raw, "span": [a, b]})
    doc["provisions"] = provisions
    return doc
