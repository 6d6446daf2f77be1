"""The places of China (extract/data/places/*.tsv, and users' files of the same format), read by one reader
for the recognisers (a province's short name in 河南、山东黄河河务局) and the checks (the gazetteer of places).

A row: name <TAB> level <TAB> parent <TAB> 文号 abbreviation <TAB> aliases (comma-separated); `-` or empty
for none.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..errors import GazetteError
from .vocab import DATA_DIR

PLACES_DIR = DATA_DIR / "places"
NOT_PLACES = ("doc_prefixes.tsv",)  # a file of the folder that lists 文号 prefixes, not places


@dataclass(frozen=True)
class Place:
    name: str
    level: str
    parent: str | None
    abbr: str | None
    aliases: tuple[str, ...] = ()


def rows(path: Path) -> Iterator[list[str]]:
    """The TAB-separated cells of a data file's lines (blank lines and # comments skipped); a file that
    cannot be read is a GazetteError (E008, E004), not a traceback."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise GazetteError("E008", path=str(path), reason=e.strerror or str(e)) from e
    except UnicodeDecodeError as e:
        raise GazetteError("E004", path=str(path)) from e
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield [c.strip() for c in line.split("\t")]


def data_files(paths, pattern: str) -> list[Path]:
    """The files of `paths` (folders: their files matching `pattern`, sorted); a missing path is E007."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out += sorted(p.glob(pattern))
        elif p.exists():
            out.append(p)
        else:
            raise GazetteError("E007", path=str(p))
    return out


def read_places(paths=(PLACES_DIR,)) -> Iterator[Place]:
    """Every place row of the place files under `paths`, in file order."""
    for f in data_files(paths, "*.tsv"):
        if f.name in NOT_PLACES:
            continue
        for cells in rows(f):
            cells += [""] * (5 - len(cells))
            name, level, parent, abbr, aliases = cells[:5]
            if name:
                yield Place(name, level or "place", None if parent in ("", "-") else parent,
                            None if abbr in ("", "-") else abbr,
                            tuple(a.strip() for a in aliases.split(",") if a.strip()))


@lru_cache(maxsize=None)
def province_short_names() -> tuple[str, ...]:
    """The short names of the provinces (河南, 内蒙古, 广西: the aliases of their rows), longest first."""
    out = {a for p in read_places() if p.level == "province" for a in p.aliases}
    return tuple(sorted(out, key=len, reverse=True))
