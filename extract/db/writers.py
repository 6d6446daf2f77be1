"""Writing result rows as CSV or JSON Lines, for researchers' own analysis (pandas, R, a spreadsheet).

JSON Lines keep each row's shape exactly (values as lists of objects, numbers exact). CSV has one
column per field; the value lists of a provision row become: `units` the unit names joined by '；'
(and `sources`, the files a document was loaded from, too),
`thresholds`, `deadlines` and `citations` JSON arrays; booleans are true/false; missing values empty.
`excel=True` writes a UTF-8 byte-order mark so that spreadsheet programs read the Chinese right.
"""
from __future__ import annotations

import csv
import json
from typing import Iterable, TextIO

from ..model import jsonable
from .results import (DOCUMENT_FIELDS, KEY_FIELDS, PROVISION_FIELDS, SOURCE_FIELDS, VALUE_FIELDS)

LIST_FIELDS = ("units", "thresholds", "deadlines", "citations")


def fields_of(table: str, searched: bool = False) -> tuple:
    if table == "provisions":
        return PROVISION_FIELDS + LIST_FIELDS + ("sources",) + (("rank", "snippet") if searched else ())
    if table in VALUE_FIELDS:
        return KEY_FIELDS + VALUE_FIELDS[table]
    return {"documents": DOCUMENT_FIELDS, "sources": SOURCE_FIELDS}[table]


def csv_cell(name: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if name == "units" and isinstance(value, list):
        return "；".join(dict.fromkeys(u["name"] for u in value))
    if name == "sources" and isinstance(value, list):
        return "；".join(value)
    if isinstance(value, (list, dict)):
        return json.dumps(jsonable(value), ensure_ascii=False)
    return str(value)


def write_csv(rows: Iterable[dict], out: TextIO, fields: tuple) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    n = 0
    for row in rows:
        writer.writerow([csv_cell(f, row.get(f)) for f in fields])
        n += 1
    return n


def write_jsonl(rows: Iterable[dict], out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(jsonable(row), ensure_ascii=False) + "\n")
        n += 1
    return n
