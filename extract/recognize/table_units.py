"""Units listed in a table column headed 责任单位, 负责部门, 牵头单位, 指导部门 … (`unit_labels.tsv`,
`unit_column_headers.tsv`).

Tables reach the recognisers as tab-separated rows (the HTML, Word and PDF readers write them so) or
as markdown rows (`| 序号 | 任务 | 牵头单位 |`). A
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


def _cells(line: str, start: int) -> list[tuple[int, int]] | None:
    """The cells of a table row starting at offset `start`: tab-separated, or a markdown row `| a | b |`
    (its edge pipes left out); None for a line that is not a row, or a markdown rule `|---|---|`."""
    if "\t" in line:
        seps = [i for i, ch in enumerate(line) if ch == "\t"]
        bounds = [-1, *seps, len(line)]
    else:
        bare = line.strip(" \u3000")
        if not bare.startswith(("|", "｜")) or len(bare) < 3 or _RULE.fullmatch(bare):
            return None
        seps = [i for i, ch in enumerate(line) if ch in "|｜"]
        bounds = seps if line.rstrip(" \u3000").endswith(("|", "｜")) else [*seps, len(line)]
        if len(bounds) < 3:
            return None
    return [(start + a + 1, start + b) for a, b in zip(bounds, bounds[1:])]


_RULE = re.compile(r"[|｜][\s:：\-|｜]+")


def find_table_units(text: str, columns: TableColumns, place: str | None = None) -> list[Found]:
    """Units in the unit columns of the table rows of `text`; `columns` is updated by header rows found
    here and carries over to the next provision."""
    if "\t" not in text and "|" not in text and "｜" not in text:
        return []
    out: list[Found] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        cells = _cells(line, start)
        if cells is None:
            continue
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
