"""A Datasette plugin for clause databases: `datasette clauses.db` as the browsing path.

Registered through the `datasette` entry point (setup.cfg), so installing gazette-extract is enough.
For every database Datasette serves that is a gazette clause database (its `gazette_meta` says so):

- the search box of `provisions` finds Chinese words as `gazette db search` does (a word anywhere,
  财政局 inside 市财政局: extract/db/words.py turns it into the FTS5 phrase of its character bigrams),
  with the same syntax (spaces, OR, -WORD); Datasette's own FTS search cannot, since it would hand the
  word whole to an index of bigrams;
- facets by default: documents by issuer and year, units by name and role, thresholds by unit of
  measure (the value kind: CNY, %, day …) and comparator, deadlines by kind, provisions by level,
  links by relation;
- labels on foreign keys: a provision is shown by its citation (`三政〔2023〕2号 一、（一）`), a document
  or copy by its title, a source by its path;
- `gz_cmp(a, b)` is available in SQL, to compare the exact decimal strings (`value_exact` …) beside the
  numeric columns, which plain Datasette filters (`value__gte=10000`) already compare as numbers.

Other databases are left alone.
"""
from __future__ import annotations

import os
import sqlite3
import urllib.parse

from datasette import hookimpl

from .schema import SCHEMA_ID

TABLES = {
    "provisions": {"label_column": "cite", "facets": ["level"],
                   "description": "Search finds words anywhere (财政局 inside 市财政局); OR and -WORD work as in "
                                  "`gazette db search`."},
    "documents": {"label_column": "title", "facets": ["issuer", "year"],
                  "description": "One row per document (by 文号), whatever the number of its copies."},
    "copies": {"label_column": "title", "facets": ["issuer"]},
    "sources": {"label_column": "path", "facets": ["format", "issue_year"]},
    "families": {"label_column": "title"},
    "series": {"label_column": "title"},
    "units": {"facets": ["name", "role"]},
    "thresholds": {"facets": ["unit", "comparator"],
                   "description": "value, min, max are numbers; value_exact, min_exact, max_exact the exact "
                                  "decimals (3万元 = 30000)."},
    "deadlines": {"facets": ["kind"]},
    "citations": {"facets": ["doc_number"]},
    "relations": {"facets": ["relation"]},
    "links": {"facets": ["relation", "by"]},
}

_seen: dict[tuple, bool] = {}


def is_gazette_database(path: str | None) -> bool:
    """Whether the file at path is a clause database of this schema (cached by path and mtime)."""
    if not path or not os.path.exists(path):
        return False
    key = (path, os.path.getmtime(path))
    if key not in _seen:
        try:
            conn = sqlite3.connect("file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro", uri=True)
            try:
                row = conn.execute("SELECT value FROM gazette_meta WHERE key = 'schema'").fetchone()
            finally:
                conn.close()
            _seen[key] = bool(row) and row[0] == SCHEMA_ID
        except sqlite3.Error:
            _seen[key] = False
    return _seen[key]


def _gazette_names(datasette) -> list[str]:
    return [name for name, database in datasette.databases.items()
            if not database.is_memory and is_gazette_database(database.path)]


@hookimpl
def get_metadata(datasette, key, database, table):
    names = _gazette_names(datasette)
    if not names:
        return {}
    return {"databases": {name: {"tables": TABLES} for name in names}}


@hookimpl
def prepare_connection(conn, database, datasette):
    from .store import gz_cmp

    conn.create_function("gz_cmp", 2, gz_cmp, deterministic=True)


@hookimpl(trylast=True)
def filters_from_request(request, database, table, datasette):
    """`?_search=` on provisions: the word index of extract/db/words.py (runs last, so that this search
    box is the one shown)."""
    if table != "provisions" or database not in datasette.databases:
        return None
    if not is_gazette_database(datasette.databases[database].path):
        return None
    from datasette.filters import FilterArguments

    search = (request.args.get("_search") or "").strip()
    context = {"supports_search": True}
    if not search:
        return FilterArguments([], extra_context=context)
    from datasette.utils.asgi import BadRequest

    from ..errors import GazetteError
    from .words import parse_query

    try:
        expression, _ = parse_query(search)
    except GazetteError as e:
        raise BadRequest(str(e)) from e
    return FilterArguments(
        ["pk IN (SELECT rowid FROM provision_index WHERE provision_index MATCH :gazette_search)"],
        {"gazette_search": expression}, [f'search matches "{search}"'], context | {"search": search})
