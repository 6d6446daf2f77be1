"""The places of China (extract/data/places/*.tsv, and users' files of the same format): what one row says,
read the same way by the recognisers (a province's short name in 河南、山东黄河河务局) and the checks (the
gazetteer of places, extract/check/gazetteers.py, which reads users' files and reports their errors).

A row: name <TAB> level <TAB> parent <TAB> 文号 abbreviation <TAB> aliases (comma-separated); `-` or empty
for none.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import vocab

PLACES_DIR = vocab.DATA_DIR / "places"
NOT_PLACES = ("doc_prefixes.tsv",)  # a file of the folder that lists 文号 prefixes, not places


@dataclass(frozen=True)
class Place:
    name: str
    level: str
    parent: str | None
    abbr: str | None
    aliases: tuple[str, ...] = ()


def place_of_row(cells) -> Place | None:
    """The place a row of a place file describes (None for a row without a name)."""
    cells = list(cells) + [""] * (5 - len(cells))
    name, level, parent, abbr, aliases = (c.strip() for c in cells[:5])
    if not name:
        return None
    return Place(name, level or "place", None if parent in ("", "-") else parent,
                 None if abbr in ("", "-") else abbr, tuple(a.strip() for a in aliases.split(",") if a.strip()))


@lru_cache(maxsize=None)
def province_short_names() -> tuple[str, ...]:
    """The short names of the provinces (河南, 内蒙古, 广西: the aliases of their rows in the bundled place
    files), longest first."""
    out = set()
    for f in sorted(PLACES_DIR.glob("*.tsv")):
        if f.name in NOT_PLACES:
            continue
        for cells in vocab.rows("places/" + f.name):
            place = place_of_row(cells)
            if place and place.level == "province":
                out.update(place.aliases)
    return tuple(sorted(out, key=len, reverse=True))
