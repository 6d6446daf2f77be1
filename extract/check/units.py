"""Responsible-unit rule (GZ801): a unit name that is not in the known list but a character or two away
from a name that is (市财攻局 for 市财政局).

Works from the units the recognisers put on each provision (`provision.units`); when they did not run
there is nothing to check. Names are compared without the place in front (三门峡市财政局, 市财政局 and
财政局 are the same entry of extract/data/known_units.txt).
"""
from __future__ import annotations

import re

from .registry import WARNING, rule

_LEVEL = re.compile(r"^(?:国家|省级|市级|县级|乡级|区级|乡镇|设区的市|省|市|县|区|乡|镇)")
_GENERIC = ("部门", "机构", "单位", "有关部门", "各部门")


def name_forms(ctx, name: str) -> list[str]:
    """The name without the place or level in front, longest first: '三门峡市财政局' -> ['三门峡市财政局',
    '财政局']; '市市场监管局' -> ['市市场监管局', '市场监管局']; '乡镇人民政府' -> [..., '人民政府']."""
    s = name.strip().replace(" ", "")
    forms = [s]
    place = ctx.places.longest_prefix(s)
    if place and len(s) > len(place) + 1:
        forms.append(s[len(place):])
    for f in list(forms):
        while True:
            m = _LEVEL.match(f)
            if not m or len(f) - m.end() < 2:
                break
            f = f[m.end():]
            forms.append(f)
    return list(dict.fromkeys(forms))


def _a_typo(core: str, known: str) -> bool:
    """Near enough to be a slip, not another body: a wrong character (not one more or less: 工商行政管理总局
    is another body than 工商行政管理局), with the same first and last character (财政厅 / 财政局 are other
    levels, 国家药品监督管理局 / 食品药品监督管理局 other bodies)."""
    return len(core) == len(known) and core[0] == known[0] and core[-1] == known[-1]


def typo_of(ctx, name: str) -> str | None:
    """The known name `name` is probably a typo of, or None (known, generic, or nothing close)."""
    forms = name_forms(ctx, name)
    units = ctx.units
    if any(f in units.names for f in forms) or forms[0].endswith(_GENERIC) or any(c in forms[0] for c in "〔（("):
        return None
    for core in reversed(forms):
        if len(core) < 3:
            continue
        near = [(d, n) for d, n in units.index.near(core, 1) if _a_typo(core, n)]
        if not near:
            continue
        best = [n for d, n in near if d == near[0][0]]
        if len(best) != 1:
            return None  # two known names equally close: no guess
        return forms[0][:len(forms[0]) - len(core)] + best[0] if forms[0].endswith(core) else best[0]
    return None


@rule("GZ801", "unit-name-typo", "units", WARNING, "a responsible unit's name one character off a known one",
      what="A unit named in the text (责任单位, 牵头单位, …) is not in the list of known unit names "
           "(extract/data/known_units.txt plus --units files) but differs from one of them, and only one, in "
           "one character, keeping its first and last character.",
      why="A typo in a unit's name (市财攻局, 市场监官局) assigns a task to a body that does not exist; it is "
          "easy to read over.",
      example="（责任单位：市财攻局、市场监管局）",
      instead="（责任单位：市财政局、市场监管局） — or add a real unit's name to a --units file",
      needs="units")
def unit_name_typo(ctx):
    for doc in ctx.documents:
        for p in doc.provisions:
            for u in p.units or ():
                if u.inherited:
                    continue
                raw = u.raw or u.name
                name = u.name or raw
                known = typo_of(ctx, name)
                if known is None or (raw != name and typo_of(ctx, raw) is None):
                    continue
                known = typo_of(ctx, raw) or known  # suggest in the form printed
                span = u.span
                yield ctx.finding("GZ801", f"unit “{raw}” is not a known unit name: did you mean {known}?",
                                  span[0], span[1], doc=doc, provision=p)
