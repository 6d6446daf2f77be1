"""The word lists the rules look things up in: places, 文号 prefixes, unit names, variant characters.

Read from data files (extract/data/places/*.tsv, extract/data/known_units.txt, check/variants.tsv) on
first use, never at import; users add their own places and units with files of the same format.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import GazetteError
from ..lexicon.places import PLACES_DIR, Place, place_of_row
from .fuzzy import NearIndex

DATA = Path(__file__).resolve().parent.parent / "data"
UNITS_FILE = DATA / "known_units.txt"
VARIANTS_FILE = Path(__file__).resolve().parent / "variants.tsv"
PLACE_SUFFIXES = ("市", "县", "区", "省", "旗", "州", "盟")


@dataclass
class Places:
    by_name: dict[str, Place] = field(default_factory=dict)  # names and aliases
    by_abbr: dict[str, list[Place]] = field(default_factory=dict)
    doc_kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 政办 -> (人民政府办公室, ...)

    def children(self, parent: str) -> list[Place]:
        return [p for n, p in self.by_name.items() if p.parent == parent and n == p.name]

    @property
    def index(self) -> NearIndex:
        if not hasattr(self, "_index"):
            self._index = NearIndex(self.by_name, k=1)
        return self._index

    def longest_prefix(self, s: str) -> str | None:
        """The longest known place name (or alias) that `s` starts with."""
        for n in range(min(len(s), 12), 1, -1):
            if s[:n] in self.by_name:
                return s[:n]
        return None


def _rows(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise GazetteError("E008", path=str(path), reason=e.strerror or str(e)) from e
    except UnicodeDecodeError as e:
        raise GazetteError("E004", path=str(path)) from e
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield [c.strip() for c in line.split("\t")]


def _files(paths, pattern: str) -> list[Path]:
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


def extra_place_paths() -> tuple[str, ...]:
    env = os.environ.get("GAZETTE_PLACES", "")
    return tuple(p for p in env.split(os.pathsep) if p)


@lru_cache(maxsize=8)
def load_places(extra: tuple[str, ...] = ()) -> Places:
    places = Places()
    files = [f for f in _files([PLACES_DIR, *extra], "*.tsv") if f.name != "doc_prefixes.tsv"]
    for f in files:
        for cells in _rows(f):
            place = place_of_row(cells)
            if place is None:
                continue
            places.by_name.setdefault(place.name, place)
            for a in place.aliases:
                places.by_name.setdefault(a, place)
            if place.abbr:
                places.by_abbr.setdefault(place.abbr, []).append(place)
    prefix_files = [PLACES_DIR / "doc_prefixes.tsv"] + [
        f for f in _files(extra, "doc_prefixes.tsv") if f.name == "doc_prefixes.tsv"]
    for f in prefix_files:
        if f.exists():
            for cells in _rows(f):
                if len(cells) >= 2:
                    places.doc_kinds[cells[0]] = tuple(x.strip() for x in cells[1].split(",") if x.strip())
    return places


@dataclass
class Units:
    names: set[str]
    index: NearIndex


@lru_cache(maxsize=8)
def load_units(extra: tuple[str, ...] = ()) -> Units:
    names: set[str] = set()
    for f in _files([UNITS_FILE, *extra], "*.txt"):
        for cells in _rows(f):
            if cells[0]:
                names.add(cells[0])
    return Units(names, NearIndex(names, k=1))


@lru_cache(maxsize=1)
def load_variants() -> dict[str, str]:
    """Traditional or variant character -> the simplified one."""
    return {cells[0]: cells[1] for cells in _rows(VARIANTS_FILE) if len(cells) >= 2 and len(cells[0]) == 1}
