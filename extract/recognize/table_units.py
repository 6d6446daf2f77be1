"""Units listed in a table column headed 责任单位, 负责部门, 牵头单位, 指导部门 … (`unit_labels.tsv`,
`unit_column_headers.tsv`).

Tables reach the recognisers as tab-separated rows (the HTML, Word and PDF readers write them so). A
header row names the column; the rows after it that have the same number of cells carry, in that column,
a list of units with the header's role. A table often runs over several provisions (a section heading
row such as `二、科技成果转化激励方面` starts a new one), so the header is kept by the caller from one
provision to the next (`TableColumns`), within one document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import vocab
from .found import Found
from .units import parse_list


@lru_cache(maxsize=None)
def _headers() -> dict[str, str]:
    return {**vocab.mapping("unit_labels.tsv"), **vocab.mapping("unit_column_headers.tsv")}


_SPACE = re.compile(r"[ \t\u3000\u00a0]+")


@dataclass
class TableColumns:
    """The unit columns of the table being read: cell count of its rows, and column -> role."""

    width: int = 0
    roles: dict[int, str] = field(default_factory=dict)


def find_table_units(text: str, columns: TableColumns, place: str | None = None) -> list[Found]:
    """Units in the unit columns of the table rows of `text`; `columns` is updated by header rows found
    here and carries over to the next provision."""
    if "\t" not in text:
        return []
    out: list[Found] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if "\t" not in line:
            continue
        cells, offset = [], start
        for cell in line.split("\t"):
            cells.append((offset, offset + len(cell)))
            offset += len(cell) + 1
        names = [_SPACE.sub("", text[a:b]) for a, b in cells]
        roles = {k: _headers()[n] for k, n in enumerate(names) if n in _headers()}
        if roles:
            columns.width, columns.roles = len(cells), roles
            continue
        if len(cells) != columns.width:
            continue
        for k, role in columns.roles.items():
            a, b = cells[k]
            if text[a:b].strip():
                out += parse_list(text, a, b, role, place)
    return out
