"""`gazette db stats`: what a database holds, and optionally whether it is intact."""
from __future__ import annotations

import os
import sqlite3

from .schema import VALUE_TABLES
from .store import errors, open_read


def stats(path: str, check: bool = False) -> dict:
    conn = open_read(path)
    try:
        with errors(path):
            meta = dict(conn.execute("SELECT key, value FROM gazette_meta"))
            counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("sources", "documents", "copies", "families", "series", "provisions") + VALUE_TABLES
                      + ("relations", "links")}
            first, last = conn.execute("SELECT min(date), max(date) FROM documents").fetchone()
            out = {
                "database": path,
                "schema": meta.get("schema"),
                "words": meta.get("words"),
                "created_at": meta.get("created_at"),
                "size_bytes": os.path.getsize(path),
                "counts": counts,
                "document_dates": {"first": first, "last": last},
                "documents_with_copies": conn.execute(
                    "SELECT count(*) FROM documents WHERE copies > 1").fetchone()[0],
                "families_with_versions": conn.execute(
                    "SELECT count(*) FROM (SELECT family FROM documents GROUP BY family HAVING count(*) > 1)").fetchone()[0],
                "links": dict(conn.execute(
                    "SELECT relation, count(*) FROM links GROUP BY relation ORDER BY relation")),
                "series": [{"title": t, "issues": n, "first": f"{y0}-{n0}", "last": f"{y1}-{n1}"}
                           for t, n, y0, n0, y1, n1 in conn.execute(
                    "SELECT r.title, count(DISTINCT s.issue_year || '-' || s.issue_number), min(s.issue_year), "
                    "(SELECT min(issue_number) FROM sources x WHERE x.series = r.pk AND x.issue_year = "
                    "min(s.issue_year)), max(s.issue_year), (SELECT max(issue_number) FROM sources x WHERE "
                    "x.series = r.pk AND x.issue_year = max(s.issue_year)) "
                    "FROM series r JOIN sources s ON s.series = r.pk GROUP BY r.pk ORDER BY r.title")],
                "levels": dict(conn.execute(
                    "SELECT level, count(*) FROM provisions GROUP BY level ORDER BY count(*) DESC, level")),
                "top_units": [{"name": n, "provisions": c} for n, c in conn.execute(
                    "SELECT name, count(DISTINCT provision) c FROM units WHERE inherited = 0 "
                    "GROUP BY name ORDER BY c DESC, name LIMIT 10")],
                "threshold_units": dict(conn.execute(
                    "SELECT unit, count(*) FROM thresholds GROUP BY unit ORDER BY count(*) DESC, unit LIMIT 15")),
                "deadline_kinds": dict(conn.execute(
                    "SELECT kind, count(*) FROM deadlines GROUP BY kind ORDER BY count(*) DESC, kind")),
            }
            if check:
                out["check"] = integrity(conn, path)
    finally:
        conn.close()
    return out


def integrity(conn: sqlite3.Connection, path: str) -> str:
    """'ok', or the first problem SQLite's quick_check or FTS5's integrity-check reports."""
    result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        return result
    try:  # FTS5's check is an INSERT command, so it needs a writable connection
        rw = sqlite3.connect(path)
    except sqlite3.Error:
        return "ok (index not checked: database not writable)"
    try:
        rw.execute("INSERT INTO provision_index (provision_index) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as e:
        if "readonly" in str(e) or "read-only" in str(e):
            return "ok (index not checked: database not writable)"
        return f"word index: {e}"
    finally:
        rw.close()
    return "ok"
