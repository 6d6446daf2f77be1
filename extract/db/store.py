"""Opening a clause database: create it, or check that a file really is one; SQLite errors as E04x.

A query never creates or changes anything (read-only connection); only `build` writes. Every
SQLite error a user can meet (missing file, a file that is not SQLite, a corrupt page, another process
holding the lock, a read-only directory) becomes one coded line, never a traceback.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import urllib.parse
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..errors import GazetteError
from .schema import SCHEMA_ID, TABLES
from .words import WORDS_ID

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT = 10.0  # seconds to wait for another writer before E049


def check_path(path: str) -> None:
    """E044 for paths that cannot be a database file, E042 for files that are not SQLite."""
    if path in ("", "-"):
        raise GazetteError("E044", path=path or "''", reason="give a file name (a database cannot be stdin)")
    if os.path.isdir(path):
        raise GazetteError("E044", path=path, reason="is a directory; give a file name such as clauses.db")
    if os.path.exists(path):
        try:
            with open(path, "rb") as fh:
                head = fh.read(len(SQLITE_HEADER))
        except OSError as e:
            raise GazetteError("E042", path=path, reason=e.strerror or str(e)) from e
        if head and head != SQLITE_HEADER:
            raise GazetteError("E041", path=path, reason="not an SQLite file")


def open_read(path: str) -> sqlite3.Connection:
    """A read-only connection to an existing gazette database."""
    check_path(path)
    if not os.path.exists(path):
        raise GazetteError("E040", path=path)
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro"
    with errors(path):
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)
        _prepare(conn)
        check_meta(conn, path)
    return conn


def open_write(path: str) -> sqlite3.Connection:
    """A connection for `build`: the database is created when missing (or an empty file)."""
    check_path(path)
    with errors(path, writing=True):
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.OperationalError as e:
            raise GazetteError("E045", path=path, reason=str(e)) from e
        _prepare(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        # the write lock first, then the look: two builds creating one database at once must not both
        # find it empty (the second saw 'table gazette_meta already exists')
        conn.execute("BEGIN IMMEDIATE")
        fresh = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        if not fresh:
            conn.execute("COMMIT")
        if fresh:
            for statement in _statements(TABLES):
                conn.execute(statement)
            from .. import __version__

            conn.executemany("INSERT INTO gazette_meta (key, value) VALUES (?, ?)", [
                ("schema", SCHEMA_ID), ("words", WORDS_ID), ("created_at", now()),
                ("created_by", f"gazette-extract {__version__}")])
            conn.execute("COMMIT")
        else:
            check_meta(conn, path)
    return conn


def _statements(script: str):
    """The statements of a script (complete per sqlite3.complete_statement), for execution inside BEGIN."""
    buf = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""


def check_meta(conn: sqlite3.Connection, path: str) -> dict:
    try:
        meta = dict(conn.execute("SELECT key, value FROM gazette_meta"))
    except sqlite3.OperationalError as e:
        if "no such table" in str(e):
            raise GazetteError("E041", path=path, reason="an SQLite file without a gazette_meta table") from e
        raise
    if meta.get("schema") != SCHEMA_ID:
        raise GazetteError("E043", path=path, found=meta.get("schema"), expected=SCHEMA_ID)
    if meta.get("words") != WORDS_ID:
        raise GazetteError("E043", path=path, found=f"indexed with {meta.get('words')}",
                           expected=f"words indexed with {WORDS_ID}")
    missing = missing_structure(conn)
    if missing:
        raise GazetteError("E043", path=path, found=f"{SCHEMA_ID} without {missing}", expected=f"all of {SCHEMA_ID}")
    return meta


@lru_cache(maxsize=1)
def _expected_structure() -> dict[str, tuple[str, ...]]:
    """Every table of the schema and its columns, as SQLite itself reads TABLES (an in-memory copy)."""
    mem = sqlite3.connect(":memory:")
    try:
        for statement in _statements(TABLES):
            mem.execute(statement)
        return _structure(mem)
    finally:
        mem.close()


def _structure(conn: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {n: tuple(r[1] for r in conn.execute(f"PRAGMA table_info({_quote(n)})")) for n in names}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def missing_structure(conn: sqlite3.Connection) -> str | None:
    """'table thresholds' or 'column provisions.heading' when the database lacks part of the schema
    (a table dropped or altered by hand), else None."""
    found = _structure(conn)
    for table, columns in _expected_structure().items():
        if table not in found:
            return f"table {table}"
        for column in columns:
            if column not in found[table]:
                return f"column {table}.{column}"
    return None


def _prepare(conn: sqlite3.Connection) -> None:
    conn.create_function("gz_cmp", 2, gz_cmp, deterministic=True)


@lru_cache(maxsize=4096)
def _decimal(text) -> Decimal | None:
    if text is None:
        return None
    try:
        value = Decimal(str(text))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def gz_cmp(a, b) -> int | None:
    """SQL function: -1, 0 or 1 comparing two exact decimal strings; NULL when either is not a number."""
    x, y = _decimal(a), _decimal(b)
    if x is None or y is None:
        return None
    return (x > y) - (x < y)


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


_CORRUPT = ("malformed", "not a database", "file is encrypted", "database corrupt", "fts5: corrupt")
_CANNOT_WRITE = ("readonly", "read-only", "disk i/o", "full", "unable to open", "no such file",
                 "cannot open", "permission")


@contextlib.contextmanager
def errors(path: str, writing: bool = False):
    """Turn the SQLite errors a user can cause into E042/E045/E049; anything else is a bug and propagates."""
    try:
        yield
    except sqlite3.DatabaseError as e:
        message = str(e)
        low = message.lower()
        if "locked" in low or "busy" in low:
            raise GazetteError("E049", path=path) from e
        if any(k in low for k in _CORRUPT):
            raise GazetteError("E042", path=path, reason=message) from e
        if any(k in low for k in _CANNOT_WRITE):
            raise GazetteError("E045" if writing else "E042", path=path, reason=message) from e
        if "no such table" in low or "no such column" in low or "has no column" in low:
            raise GazetteError("E043", path=path, found=f"{SCHEMA_ID} altered ({message})",
                               expected=f"all of {SCHEMA_ID}") from e
        raise
