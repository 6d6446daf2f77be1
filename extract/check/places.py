"""Place-name rule (GZ702): a county, city or district name that is not in the place lists but one edit
away from one that is (义市 where the region has 义马市).

Only where place names are expected: a table column or an attachment list most of whose entries are
known places, and 、-enumerations in the text with at least two known places. The lists are
extract/data/places/*.tsv plus the user's (`--places`).
"""
from __future__ import annotations

import re

from .registry import WARNING, rule
from .tables import table_rows

_SUFFIX = ("市", "县", "区", "旗")
_SPLIT = re.compile(r"[，,。；;：:！？\n（）()]")
_BEFORE_LIST = set("在和与及对至向从为、")


class _Matcher:
    def __init__(self, ctx, doc):
        self.ctx = ctx
        self.places = ctx.places
        self.variants = ctx.variants
        region = ctx.region(doc)
        while region is not None and region.level in ("zone", "former", "district", "county", "county-city"):
            region = self.places.by_name.get(region.parent or "")  # the city whose list applies
        self.region = region.name if region else None

    def simplified(self, s: str) -> str:
        return "".join(self.variants.get(ch, ch) for ch in s)

    def known_suffix(self, item: str) -> bool:
        s = self.simplified(re.sub(r"[ \t\u3000*]", "", item))
        return any(s[-n:] in self.places.by_name for n in range(2, min(len(s), 12) + 1))

    def near_miss(self, item: str, first: bool = False):
        """(candidate, suggestion) when the item is (or, for the first item of an enumeration, ends with)
        an unknown name one edit from a known place with the same last character."""
        s = re.sub(r"[ \t\u3000*]", "", item).removesuffix("等")
        if not s or s[-1] not in _SUFFIX or self.known_suffix(s):
            return None
        if first:  # the first item may carry the words before the list: 积极谋划在义市
            cands = [s[-n:] for n in range(3, min(len(s), 6) + 1)]
            if len(s) == 2 or (len(s) > 2 and s[-3] in _BEFORE_LIST):
                cands.insert(0, s[-2:])
        else:
            cands = [s] if 2 <= len(s) <= 6 else []
        for cand in cands:
            near = [(d, name) for d, name in self.places.index.near(self.simplified(cand))
                    if name[-1] == cand[-1] and self.places.by_name[name].level != "former"]
            if near:
                near.sort(key=lambda x: (x[0], self.places.by_name[x[1]].parent != self.region, x[1]))
                return cand, near[0][1]
        return None


def _message(cand, suggestion, m):
    where = f" of {m.region}" if m.region else ""
    return f"{cand} is not a place in the place lists{where}: did you mean {suggestion}?"


@rule("GZ702", "unknown-place", "text", WARNING, "a place name not in the region's list, one character off a known one",
      what="Where places are listed (a table column or list of counties and districts, an enumeration such as "
           "在义马市、渑池县、灵宝市), a name ending in 市, 县 or 区 is not in the place lists but one character "
           "away from one that is.",
      why="A dropped or wrong character in a place name (义市 for 义马市) is invisible to a proofreader who "
          "knows what it should say, and breaks every statistic keyed by place.",
      example="义市 14334 16500 (in a table of 三门峡市's counties)",
      instead="义马市 14334 16500 — or, for a place of your own region, add it to a place list (--places)")
def unknown_place(ctx):
    for doc in ctx.documents:
        m = _Matcher(ctx, doc)
        if not m.region or not ctx.places.children(m.region):
            continue  # the lists do not know this document's region: nothing to compare with
        # table columns and attachment lists
        for att in doc.provisions:
            if att.table:
                rows = table_rows(ctx, att)
                width = max((len(c) for c, _ in rows), default=0)
                for col in range(width):
                    cells = [(sp[col], c[col]) for c, sp in rows if col < len(c) and c[col].strip()]
                    known = sum(1 for _, x in cells if m.known_suffix(x))
                    if known < 2 or known * 2 < len(cells) - 1:
                        continue
                    for (a, b), x in cells:
                        hit = m.near_miss(x)
                        if hit:
                            yield ctx.finding("GZ702", _message(hit[0], hit[1], m), a, b, doc=doc, provision=att)
            items = att.items
            if items and sum(1 for x in items if m.known_suffix(x)) >= max(2, len(items) // 2):
                pos = att.start
                for x in items:
                    a = ctx.clean.find(x, pos, att.end)
                    if a < 0:
                        continue
                    pos = a + len(x)
                    hit = m.near_miss(x)
                    if hit:
                        yield ctx.finding("GZ702", _message(hit[0], hit[1], m), a, a + len(x), doc=doc, provision=att)
        # enumerations in the text
        for line in ctx.lines(doc):
            if "、" not in line.text:
                continue
            pos = 0
            for clause in _SPLIT.split(line.text):
                start = line.text.find(clause, pos)
                pos = start + len(clause)
                items = clause.split("、")
                if len(items) < 3 or sum(1 for x in items if m.known_suffix(x)) < 2:
                    continue
                off = start
                for n, x in enumerate(items):
                    hit = m.near_miss(x, first=n == 0)
                    if hit:
                        a = line.start + off + len(x.rstrip().removesuffix("等")) - len(hit[0])
                        yield ctx.finding("GZ702", _message(hit[0], hit[1], m), a, a + len(hit[0]), doc=doc,
                                          provision=line.provision)
                    off += len(x) + 1
