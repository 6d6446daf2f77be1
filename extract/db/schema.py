"""The clause database's tables, as SQL: one place to read what is stored (docs/db.md explains it).

Keys: a source is its sha256 (the same bytes are stored once); a document is (source, id); a provision
(document, id). Value rows point at their provision's `pk`; the view `provision_keys` gives each
provision's public key (sha256, document id, provision id). Threshold numbers are exact decimal strings
(compared with the `gz_cmp` function the API registers, never as floats). Dates are ISO 8601 with the
reduced precision the extraction allows (2025, 2023-12, 2023-12-31).
"""
from __future__ import annotations

SCHEMA_ID = "gazette-db/1"

TABLES = """
CREATE TABLE gazette_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE sources (
    pk                 INTEGER PRIMARY KEY,
    path               TEXT NOT NULL,   -- the input as given, made absolute ('-' for stdin)
    sha256             TEXT NOT NULL UNIQUE,
    format             TEXT,
    encoding           TEXT,
    loaded_from        TEXT NOT NULL,   -- the file read: the input itself or extraction JSON
    loaded_at          TEXT NOT NULL,   -- UTC, ISO 8601
    issue_title        TEXT,
    issue_year         INTEGER,
    issue_number       INTEGER,
    issue_total_number INTEGER,
    issue_published    TEXT
);
CREATE INDEX sources_path ON sources (path);
CREATE TABLE documents (
    pk         INTEGER PRIMARY KEY,
    source     INTEGER NOT NULL REFERENCES sources (pk) ON DELETE CASCADE,
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
CREATE INDEX documents_doc_number ON documents (doc_number);
CREATE TABLE provisions (
    pk         INTEGER PRIMARY KEY,     -- also the rowid in provision_index
    document   INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,        -- reading order in the document
    id         TEXT NOT NULL,
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
    UNIQUE (document, id)
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
    provision  INTEGER NOT NULL REFERENCES provisions (pk) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    value      TEXT,                    -- exact: '30000', '18.53', '1:1'; NULL for a range
    unit       TEXT NOT NULL,
    comparator TEXT NOT NULL,
    min        TEXT,
    max        TEXT,
    per        TEXT,
    subject    TEXT,
    raw        TEXT NOT NULL,
    span_start INTEGER,
    span_end   INTEGER
);
CREATE INDEX thresholds_provision ON thresholds (provision);
CREATE INDEX thresholds_unit ON thresholds (unit);
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
-- Word index: character bigrams of each provision's text (extract/db/words.py); contentless, rowid =
-- provisions.pk. Rows are removed with the FTS5 'delete' command and the same words.
CREATE VIRTUAL TABLE provision_index USING fts5 (words, content='', tokenize='ascii');
CREATE VIEW provision_keys AS
    SELECT p.pk AS provision, s.sha256, s.path, d.id AS document_id, p.id AS provision_id
    FROM provisions p JOIN documents d ON d.pk = p.document JOIN sources s ON s.pk = d.source;
"""

VALUE_TABLES = ("units", "thresholds", "deadlines", "citations")
