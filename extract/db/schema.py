"""The clause database's tables, as SQL: one place to read what is stored (docs/db.md explains it).

Keys: a source is its sha256 (the same bytes are stored once). A *document* is one official document
whatever file it came from, keyed by its 文号 (else issuer + title + date, see identity.py); each time it
is found in a source is a *copy* (source, id), and provisions belong to a copy. Documents that are
versions of one another (the same title re-issued under a new 文号, a law and its revision) share a
*family*; issues of one gazette share a *series*. `relations` are what a copy says of other documents
(it repeals, extends or amends them: the relation recogniser, extract/recognize/relations.py, read from the extraction's `relations`); `links` are those relations
resolved to documents of the database, recomputed at the end of every build.

Numbers are stored twice: as SQLite numbers (`value`, `min`, `max`: INTEGER, or REAL when not integral,
for sorting, facets and any client's filters) and exactly as decimal strings beside them (`value_exact`
…), which the API compares with the registered `gz_cmp` function, never as floats. Dates are ISO 8601
with the reduced precision the extraction allows (2025, 2023-12, 2023-12-31).
"""
from __future__ import annotations

SCHEMA_ID = "gazette-db/2"

TABLES = """
CREATE TABLE gazette_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE series (
    pk    INTEGER PRIMARY KEY,
    title TEXT NOT NULL UNIQUE          -- 三门峡市人民政府公报
);
CREATE TABLE sources (
    pk                 INTEGER PRIMARY KEY,
    path               TEXT NOT NULL,   -- the input as given, made absolute ('-' for stdin)
    sha256             TEXT NOT NULL UNIQUE,
    format             TEXT,
    encoding           TEXT,
    loaded_from        TEXT NOT NULL,   -- the file read: the input itself or extraction JSON
    loaded_at          TEXT NOT NULL,   -- UTC, ISO 8601
    series             INTEGER REFERENCES series (pk),
    issue_title        TEXT,
    issue_year         INTEGER,
    issue_number       INTEGER,
    issue_total_number INTEGER,
    issue_published    TEXT
);
CREATE INDEX sources_path ON sources (path);
CREATE INDEX sources_series ON sources (series, issue_year, issue_number);
CREATE TABLE families (
    pk    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE,         -- the folded title the versions share
    title TEXT
);
CREATE TABLE documents (
    pk         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,    -- 文号, else title + issuer + date (identity.py)
    family     INTEGER NOT NULL REFERENCES families (pk),
    title      TEXT,                    -- the fields of its first copy
    doc_number TEXT,
    issuer     TEXT,
    date       TEXT,
    year       INTEGER,
    effective  TEXT,
    expires    TEXT,
    copies     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX documents_doc_number ON documents (doc_number);
CREATE INDEX documents_family ON documents (family);
CREATE TABLE copies (
    pk         INTEGER PRIMARY KEY,
    source     INTEGER NOT NULL REFERENCES sources (pk) ON DELETE CASCADE,
    document   INTEGER NOT NULL REFERENCES documents (pk),
    seq        INTEGER NOT NULL,        -- order in the source
    id         TEXT NOT NULL,
    title      TEXT,
    doc_number TEXT,
    issuer     TEXT,
    date       TEXT,
    effective  TEXT,
    expires    TEXT,
    UNIQUE (source, id)
);
CREATE INDEX copies_document ON copies (document);
CREATE TABLE provisions (
    pk         INTEGER PRIMARY KEY,     -- also the rowid in provision_index
    copy       INTEGER NOT NULL REFERENCES copies (pk) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,        -- reading order in the document
    id         TEXT NOT NULL,
    cite       TEXT NOT NULL,           -- how a reader cites it: 三政〔2023〕2号 一、（一）
    parent     TEXT,
    level      TEXT NOT NULL,
    label      TEXT,
    number     INTEGER,
    heading    TEXT,
    text       TEXT NOT NULL,
    page       TEXT,
    line       INTEGER,
    span_start INTEGER,
    span_end   INTEGER,
    shadowed   INTEGER NOT NULL DEFAULT 0, -- 1: an earlier copy of its document has it, word for word
    UNIQUE (copy, id)
);
CREATE INDEX provisions_level ON provisions (level);
CREATE TABLE units (
    provision  INTEGER NOT NULL REFERENCES provisions (pk) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    name       TEXT NOT NULL,
    raw        TEXT NOT NULL,
    span_start INTEGER,
    span_end   INTEGER,
    role       TEXT,
    inherited  INTEGER NOT NULL
);
CREATE INDEX units_provision ON units (provision);
CREATE INDEX units_name ON units (name);
CREATE TABLE thresholds (
    provision   INTEGER NOT NULL REFERENCES provisions (pk) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    value       NUMERIC,                -- a number: 30000, 18.53 (approximate when not integral); NULL for a range or ratio
    value_exact TEXT,                   -- exact: '30000', '18.53', '1:1'
    unit        TEXT NOT NULL,
    comparator  TEXT NOT NULL,
    min         NUMERIC,
    min_exact   TEXT,
    max         NUMERIC,
    max_exact   TEXT,
    per         TEXT,
    subject     TEXT,
    raw         TEXT NOT NULL,
    span_start  INTEGER,
    span_end    INTEGER
);
CREATE INDEX thresholds_provision ON thresholds (provision);
CREATE INDEX thresholds_unit ON thresholds (unit, value);
CREATE TABLE deadlines (
    provision  INTEGER NOT NULL REFERENCES provisions (pk) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    date       TEXT,
    kind       TEXT NOT NULL,
    duration   TEXT,                    -- JSON object or NULL
    recurrence TEXT,
    raw        TEXT NOT NULL,
    span_start INTEGER,
    span_end   INTEGER
);
CREATE INDEX deadlines_provision ON deadlines (provision);
CREATE INDEX deadlines_date ON deadlines (date);
CREATE TABLE citations (
    provision  INTEGER NOT NULL REFERENCES provisions (pk) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    title      TEXT,
    doc_number TEXT,
    raw        TEXT NOT NULL,
    span_start INTEGER,
    span_end   INTEGER
);
CREATE INDEX citations_provision ON citations (provision);
CREATE INDEX citations_doc_number ON citations (doc_number);
CREATE TABLE relations (
    copy         INTEGER NOT NULL REFERENCES copies (pk) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    relation     TEXT NOT NULL,         -- repeals | extends | amends
    title        TEXT,                  -- the target as cited
    doc_number   TEXT,
    raw          TEXT NOT NULL,
    provision_id TEXT,
    span_start   INTEGER,
    span_end     INTEGER,
    expires      TEXT                   -- extends: the new end date
);
CREATE INDEX relations_copy ON relations (copy);
CREATE TABLE links (
    pk            INTEGER PRIMARY KEY,
    from_document INTEGER NOT NULL REFERENCES documents (pk),
    relation      TEXT NOT NULL,
    to_document   INTEGER NOT NULL REFERENCES documents (pk),
    by            TEXT NOT NULL,        -- doc_number | title
    expires       TEXT,
    raw           TEXT NOT NULL
);
CREATE INDEX links_to ON links (to_document);
CREATE INDEX links_from ON links (from_document);
-- Word index: character bigrams of each provision's text (extract/db/words.py); contentless, rowid =
-- provisions.pk. Rows are removed with the FTS5 'delete' command and the same words.
CREATE VIRTUAL TABLE provision_index USING fts5 (words, content='', tokenize='ascii');
CREATE VIEW provision_keys AS
    SELECT p.pk AS provision, s.sha256, s.path, c.id AS document_id, p.id AS provision_id, d.key AS document_key
    FROM provisions p JOIN copies c ON c.pk = p.copy JOIN sources s ON s.pk = c.source
    JOIN documents d ON d.pk = c.document;
"""

VALUE_TABLES = ("units", "thresholds", "deadlines", "citations")
