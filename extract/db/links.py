"""The end of a build: documents without copies removed, document fields refreshed, relations resolved.

A relation (relations table: what a copy says it repeals, extends or amends, found by
the relation recogniser, extract/recognize/relations.py, read from the extraction's `relations`) names its target by 文号 or by 《title》. It is resolved to a document of
the database by its 文号 first; else by the title, which may be the target's own title or the title of the
regulation it published (关于延长《X》有效期的通知 names X, published by 关于印发X的通知). A title can name
several versions of a law: the latest version dated on or before the notice is the one it means, and
none when all are later.
Relations whose target is not in the database are kept in `relations` and resolved at a later build,
since `links` is recomputed from all of them every time.
"""
from __future__ import annotations

import sqlite3

from ..lexicon.docnumber import normalize_doc_number
from .identity import squash_title


def finish(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM links")
    conn.execute("DELETE FROM documents WHERE pk NOT IN (SELECT document FROM copies)")
    conn.execute("DELETE FROM families WHERE pk NOT IN (SELECT family FROM documents)")
    conn.execute("DELETE FROM series WHERE pk NOT IN (SELECT series FROM sources WHERE series IS NOT NULL)")
    conn.execute("""
        UPDATE documents SET (title, doc_number, issuer, date, effective, expires) =
            (SELECT c.title, c.doc_number, c.issuer, c.date, c.effective, c.expires FROM copies c
             WHERE c.document = documents.pk ORDER BY c.pk LIMIT 1),
            copies = (SELECT count(*) FROM copies c WHERE c.document = documents.pk)""")
    conn.execute("UPDATE documents SET year = CASE WHEN substr(date, 1, 4) GLOB '[0-9][0-9][0-9][0-9]' "
                 "THEN CAST(substr(date, 1, 4) AS INTEGER) END")
    conn.executemany("INSERT INTO links (from_document, relation, to_document, by, expires, raw) "
                     "VALUES (?, ?, ?, ?, ?, ?)", resolve(conn))
    shadow(conn)


def shadow(conn: sqlite3.Connection) -> None:
    """Mark the provisions that repeat, word for word, a provision of the same id in an earlier copy of their
    document (the same issue from markdown and PDF): search gives each once. A provision that reads
    differently in another copy (a conversion error, a corrected reprint) stays searchable in both."""
    from .words import index_words

    conn.execute("UPDATE provisions SET shadowed = 0 WHERE shadowed = 1")
    first: dict[tuple, str] = {}
    marked = []
    for pk, document, pid, text in conn.execute(
            "SELECT p.pk, c.document, p.id, p.text FROM provisions p JOIN copies c ON c.pk = p.copy "
            "WHERE c.document IN (SELECT pk FROM documents WHERE copies > 1) ORDER BY c.document, c.pk, p.seq"):
        words = index_words(text)
        key = (document, pid)
        if key not in first:
            first[key] = words
        elif first[key] == words:
            marked.append((pk,))
    conn.executemany("UPDATE provisions SET shadowed = 1 WHERE pk = ?", marked)


def resolve(conn: sqlite3.Connection) -> list[tuple]:
    """(from document, relation, to document, by, expires, raw) for every relation with a target here."""
    docs = conn.execute("SELECT d.pk, d.doc_number, d.title, d.date, f.key FROM documents d "
                        "JOIN families f ON f.pk = d.family").fetchall()
    by_number: dict[str, list[int]] = {}
    by_title: dict[str, list[int]] = {}
    date_of: dict[int, str] = {}
    for pk, number, title, date, family in docs:
        date_of[pk] = date or ""
        if number:
            by_number.setdefault(normalize_doc_number(number), []).append(pk)
        for key in {squash_title(title), family}:
            if key:
                by_title.setdefault(key, []).append(pk)
    out: dict[tuple, tuple] = {}
    for source, relation, title, number, expires, raw in conn.execute(
            "SELECT c.document, r.relation, r.title, r.doc_number, r.expires, r.raw FROM relations r "
            "JOIN copies c ON c.pk = r.copy ORDER BY c.document, r.copy, r.seq"):
        target, by = None, None
        if number:
            found = [pk for pk in by_number.get(normalize_doc_number(number), []) if pk != source]
            if found:
                target, by = _pick(found, title, conn), "doc_number"
        if target is None and title:
            found = [pk for pk in by_title.get(squash_title(title), []) if pk != source]
            if found:
                target, by = _latest_before(found, date_of, date_of.get(source, "")), "title"
        if target is None:
            continue
        key = (source, relation, target)
        if key not in out or (by == "doc_number" and out[key][3] != "doc_number"):  # the 文号 is the surer link
            out[key] = (source, relation, target, by, expires or (out[key][4] if key in out else None), raw)
    return list(out.values())


def _pick(found: list[int], title: str | None, conn: sqlite3.Connection) -> int:
    """One 文号 on two documents (a reused number): the one whose title the citation gives."""
    if len(found) == 1 or not title:
        return found[0]
    want = squash_title(title)
    for pk in found:
        (t,) = conn.execute("SELECT title FROM documents WHERE pk = ?", (pk,)).fetchone()
        if squash_title(t) == want:
            return pk
    return found[0]


def _latest_before(found: list[int], date_of: dict[int, str], when: str) -> int | None:
    """The latest version dated on or before `when`; None when every version is later (a law of 2014 that
    repeals 《国家安全法》 means the 1993 text, not the 2015 one the database may hold)."""
    earlier = [pk for pk in found if not when or not date_of[pk] or date_of[pk] <= when]
    return max(earlier, key=lambda pk: (date_of[pk], pk)) if earlier else None
