"""Whether a document is in force on a date: the first question a legal database answers.

From the documents' own dates (effective, expires) and the links between them (links.py), on a date D:

1. `not-yet-effective`: it takes effect after D (or was issued after D);
2. `repealed`: a document in force by D repeals it (废止, 停止执行 … naming it by 文号 or title);
3. `superseded`: a later version of the same family (the same title, from the same issuer) has taken
   effect by D: the 2017 text of a law once the 2023 revision applies;
4. `expired`: it expired before D, counting the extensions issued by D;
5. `extended`: an extension issued by D moved its end date (to `until`), and D is not past it;
6. `in-force`: none of these.

Reduced-precision dates cover their period: effective 2023 is in force from 2023-01-01, expires 2024
lasts until 2024-12-31. "By D" means the other document's effective date (else its date) is on or
before D. `in_force(conn, D)` gives the documents in force or extended on D, for `--in-force`.
"""
from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass

from .identity import squash_title
from .query import period_end_key, period_start

STATES = ("in-force", "extended", "expired", "superseded", "repealed", "not-yet-effective")


@dataclass
class Status:
    document: int  # documents.pk
    key: str
    label: str  # 文号 or title
    title: str | None
    state: str
    since: str | None = None  # when the state began (the repeal's, supersession's or expiry's date)
    until: str | None = None  # extended: the new end date; in-force: the document's own expiry
    by: str | None = None  # the label of the repealing / superseding / extending document
    by_key: str | None = None

    def to_json(self) -> dict:
        out = asdict(self)
        out.pop("document")
        return out


def _starts(d: dict) -> str | None:
    when = d["effective"] or d["date"]
    return period_start(when) if when else None


def _in_effect_by(d: dict, on: str) -> bool:
    start = _starts(d)
    return start is None or start <= on


def statuses(conn: sqlite3.Connection, on: str) -> dict[int, Status]:
    """The status of every document of the database on the date `on` (ISO, any precision)."""
    on = period_start(on)
    docs: dict[int, dict] = {}
    for pk, key, title, number, issuer, date, effective, expires, family in conn.execute(
            "SELECT pk, key, title, doc_number, issuer, date, effective, expires, family FROM documents"):
        docs[pk] = {"pk": pk, "key": key, "title": title, "label": number or title or key, "issuer": issuer,
                    "date": date, "effective": effective, "expires": expires, "family": family}
    incoming: dict[int, list[tuple]] = {}
    for source, relation, target, expires in conn.execute(
            "SELECT from_document, relation, to_document, expires FROM links"):
        incoming.setdefault(target, []).append((relation, docs[source], expires))
    families: dict[int, list[dict]] = {}
    for d in docs.values():
        families.setdefault(d["family"], []).append(d)
    out = {}
    for pk, d in docs.items():
        out[pk] = _status(d, on, incoming.get(pk, []), families[d["family"]])
    return out


def _status(d: dict, on: str, incoming: list[tuple], family: list[dict]) -> Status:
    def make(state, since=None, until=None, by=None):
        return Status(d["pk"], d["key"], d["label"], d["title"], state, since, until,
                      by["label"] if by else None, by["key"] if by else None)

    start = _starts(d)
    if start is not None and start > on or (d["date"] and period_start(d["date"]) > on):
        return make("not-yet-effective", since=d["effective"] or d["date"])
    repeals = sorted((o for r, o, _ in incoming if r == "repeals" and _in_effect_by(o, on)),
                     key=lambda o: _starts(o) or "")
    if repeals:
        return make("repealed", since=repeals[0]["effective"] or repeals[0]["date"], by=repeals[0])
    later = sorted((o for o in family if o is not d and (o["date"] or "") > (d["date"] or "")
                    and squash_title(o["issuer"]) == squash_title(d["issuer"]) and _in_effect_by(o, on)),
                   key=lambda o: (o["date"] or "", o["pk"]))
    if later:
        return make("superseded", since=later[0]["effective"] or later[0]["date"], by=later[0])
    extensions = sorted(((e, o) for r, o, e in incoming if r == "extends" and e and _in_effect_by(o, on)),
                        key=lambda x: x[0])
    expires = d["expires"]
    if extensions and (expires is None or period_end_key(extensions[-1][0]) > period_end_key(expires)):
        until, by = extensions[-1]
        if period_end_key(until) < on:
            return make("expired", since=until, by=by)
        return make("extended", until=until, by=by)
    if expires and period_end_key(expires) < on:
        return make("expired", since=expires)
    return make("in-force", until=expires)


def in_force(conn: sqlite3.Connection, on: str) -> set[int]:
    """The documents in force (or extended) on `on`."""
    return {pk for pk, s in statuses(conn, on).items() if s.state in ("in-force", "extended")}
