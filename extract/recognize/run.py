"""Run the recognisers over every provision of an Extraction and set the documents' effective/expires dates.

`annotate(extraction)` is what the pipeline calls. After it, every provision has `units`, `thresholds`,
`deadlines` and `citations` in the contract's form (spans in the clean text: provision start + offset), and
every document its `effective` and `expires` (from the deadlines of kind effective/expires, 自发布之日起施行
resolving to the document's date). Units named by a scope rule (以下均含…，不再逐一列出) apply to the
provision that states the rule and to every later provision of the same document (but its closing), with
`inherited: true`; their span is where the rule names them.
`recognize(text, ...)` is the one entry point shared with the spaCy components (extract.nlp).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Callable

from ..values import Citation, Deadline, Relation, Threshold, Unit, from_found
from .citations import find_citations
from .dates import UNSET, find_deadlines
from .found import Found
from .quantities import find_thresholds
from ..lexicon.dates import DATE, parse_date
from ..lexicon.numbering import match_label
from .relations import find_relations
from .unit_names import has_suffix, is_generic, is_party, unit_like
from .table_units import TableColumns, find_table_units
from .units import find_units
from .workdays import day_rule

NO_SCOPE_LEVELS = ("closing",)  # a signature block carries no responsibilities
_PLACE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,4}?)(?:省|市|县|自治州|自治区|地区|盟)")


@dataclass(frozen=True)
class ValueKind:
    """One kind of value: the provision field it fills, its class, its recogniser, and the kinds whose
    findings win over it where they overlap (a date is not a threshold)."""

    field: str
    cls: type
    find: Callable[..., list[Found]]  # find(text, context, found so far by field)
    blocked_by: tuple[str, ...] = ()


VALUE_KINDS: tuple[ValueKind, ...] = (  # in the order they run
    ValueKind("citations", Citation, lambda text, ctx, found: find_citations(text)),
    ValueKind("deadlines", Deadline, lambda text, ctx, found: find_deadlines(
        text, doc_date=ctx["doc_date"], published=ctx["published"])),
    ValueKind("units", Unit, lambda text, ctx, found: find_units(text, place=ctx["place"],
                                                                 aliases=ctx.get("aliases"),
                                                                 regulation=ctx.get("regulation", False),
                                                                 after_competent=ctx.get("after_competent", False))),
    ValueKind("thresholds", Threshold, lambda text, ctx, found: find_thresholds(text),
              blocked_by=("citations", "deadlines")),
    ValueKind("relations", Relation, lambda text, ctx, found: find_relations(text, found["citations"])),
)
FIELDS = {kind.cls.LABEL: kind.field for kind in VALUE_KINDS}


def recognize(text: str, *, doc_date: str | None = None, place: str | None = None,
              aliases: dict | None = None, regulation: bool = False, published=UNSET,
              after_competent: bool = False) -> list[Found]:
    """All values in `text`, in order (see VALUE_KINDS for which win over which). `aliases` are the
    document's abbreviations of units (`abbreviations`); `regulation`: the text is a regulation's;
    `published`: the date 自发布之日起施行 resolves to (default `doc_date`; None: unknown; `published_date`);
    `after_competent`: an earlier provision named a competent unit."""
    context = {"doc_date": doc_date, "place": place, "aliases": aliases, "regulation": regulation,
               "published": published, "after_competent": after_competent}
    found: dict[str, list[Found]] = {}
    for kind in VALUE_KINDS:
        values = kind.find(text, context, found)  # (reads found, never changes it)
        if values and kind.blocked_by:  # most provisions have no value of a kind: nothing to block
            blockers = [b for name in kind.blocked_by for b in found[name]]
            if blockers:
                values = [v for v in values if not any(v.overlaps(b) for b in blockers)]
        found[kind.field] = values
    out = [f for values in found.values() for f in values]
    if len(out) > 1:
        out.sort(key=_ORDER)
    return out


_ORDER = attrgetter("start", "end", "label")


def place_of(document) -> str | None:
    """三门峡 for a document issued by 三门峡市人民政府 (names starting with it are complete)."""
    for s in (document.issuer, document.title):
        m = _PLACE.match(s or "")
        if m:
            return m.group("place")
    return None


_ABBREVIATION = re.compile(r"[（(]以下(?P<word>简称|统称|称)[“\"]?(?P<short>[^（()）”\"，。]{2,12})[”\"]?[）)]")
_LEVELS_BEFORE = re.compile(r"(?<![\u4e00-\u9fff])(?:[省市县区乡镇](?:[（(〔][^（()）〔〕]{1,6}[）)〕])?、)+$")
_BEFORE_NAME = re.compile(r".*(?:设立|建立|成立|组建|设置|决定|同意|共同|对|履行|保证|确保|(?<=[，。；])使用|(?<![自理缘])由|将|经|的|是|为了?(?:规范|加强|促进|保障|推进|完善|健全)|为|在|和|与|"
                          r"[，。；：、\s])")  # 为了规范深圳市人民代表大会常务委员会（以下简称市人大常委会）; not the 由 of 自由贸易试验区


_PUBLISHED_LINE = re.compile(r"(?:公布|发布|颁布|公告|令第)")
_AMENDING_DECISION = re.compile(r"决定》|决定〉")


def published_date(document) -> str | None:
    """The date 自公布（发布）之日起施行 resolves to: the document's date; for a law (no 成文日期, a version date
    from its history lines) the latest history entry that promulgates the whole text (a 公布/发布 line, or a
    revision issued by a 令 or 公告 of its own), not an amending 决定, which leaves the effective words as they
    were (docs/golden.md). A local regulation whose history gives only 通过 and 批准 dates does not print
    when it was published: unknown, None."""
    if document.date is not None or document.adopted is None:
        return document.dated
    head = next((p.text for p in document.provisions if p.level == "preamble"), "")
    found = list(DATE.finditer(head))
    promulgated = []
    for m, after in zip(found, found[1:] + [None]):
        words = head[m.end():after.start() if after is not None else len(head)]  # what the history says of it
        if _PUBLISHED_LINE.search(words) and not _AMENDING_DECISION.search(words):
            day = parse_date(m.group(0))
            if day:
                promulgated.append(day)
    return max(promulgated) if promulgated else None


def is_regulation(document) -> bool:
    """A regulation (条例, 办法, 规定 … in 第N条 articles), whose X负责…工作 gives X a standing field of work;
    a notice's X负责 is one task."""
    return any(p.level == "article" for p in document.provisions)


def abbreviations(document) -> dict[str, str]:
    """The units a document names by an abbreviation it defines: `共同设立示范区执行委员会（以下简称执委会）`
    gives {执委会: 示范区执行委员会}, so that 执委会 and 执委会办公室 later get the full name."""
    out: dict[str, str] = {}
    for p in document.provisions:
        if "简称" not in p.text and "以下称" not in p.text and "以下统称" not in p.text:
            continue
        for m in _ABBREVIATION.finditer(p.text):
            short = m.group("short")
            if m.group("word") == "统称":
                if has_suffix(short) and not unit_like(short) and not is_generic(short) and not is_party(short):
                    # X，Y，以及Z（以下统称实施机关）: this text's term for several bodies, a name though not shaped
                    # like one (实施 starts a predicate); a name shaped like one needs no entry (药品监管部门)
                    out.setdefault(short, short)
                continue
            head = p.text[max(0, m.start() - 40):m.start()]
            cut = _BEFORE_NAME.match(head)
            before = head[cut.end() - 1:cut.end()] if cut else ""
            if before and before in "、和与及的" and not (m.group("word") == "简称" and before in "、和与及"):
                continue  # 各省、…商务主管部门（以下称省级商务主管部门）, 省…人民政府确定的部门（以下称监督管理部门）:
                # a term for bodies a list or a clause describes, not the abbreviation of one name (but
                # 浦东新区人民政府、中国（上海）…管理委员会（以下简称临港新片区管委会）: 简称 shortens the last name)
            full = head[cut.end():] if cut else head
            levels = _LEVELS_BEFORE.search(head, 0, cut.end()) if cut and before == "、" else None
            if levels and full[:1] in "省市县区乡镇":
                full = levels.group(0) + full  # 市、县人民政府城乡规划主管部门（以下简称…）: one name of two levels
            label = match_label(full)
            if label:
                full = full[label.end:]
            if unit_like(full) and unit_like(short) and short != full:
                out.setdefault(short, full)
    return out


def annotate(extraction, done=None) -> None:
    """Recognise the values of every document; `done()` is called after each provision (for progress)."""
    text = extraction.text
    page_of = text.page if getattr(text, "pages", None) else None
    for document in extraction.documents:
        annotate_document(document, page_of, done)


def annotate_document(document, page_of=None, done=None) -> None:
    """`page_of(offset)`: the printed page of a clean-text offset, for paged inputs; `done()` is called
    after each provision."""
    place = place_of(document)
    aliases = abbreviations(document) or None
    regulation = is_regulation(document)
    published = published_date(document)
    scope_units: list[tuple[Found, int]] = []  # (unit, offset of the provision that named it)
    effective: list[str | None] = []
    history_effective: list[str | None] = []  # a law's history line `2007年9月1日 施行`: an earlier version's
    expires: list[str | None] = []

    def typed(f: Found, offset: int):
        span = (f.start + offset, f.end + offset)
        return from_found(f.label, f.data, f.raw, span, page_of(span[0]) if page_of else None)

    # the document's title names what it is about (融资担保公司监督管理条例), not a unit acting
    titles = [h.span for h in (document.head or ()) if h.element == "title" and h.span]
    columns = TableColumns()  # a table's unit columns, from its header row on (it may span provisions)
    competent_seen = False  # a provision before named a competent unit
    for p in document.provisions:
        text = p.text  # (sliced from the clean text when read: once)
        found = recognize(text, doc_date=document.dated, place=place, aliases=aliases,
                          regulation=regulation, published=published, after_competent=competent_seen)
        competent_seen = competent_seen or any(f.label == "UNIT" and f.data["role"] == "competent" for f in found)
        in_cells = find_table_units(text, columns, place)
        if in_cells:
            units = [f for f in found if f.label == "UNIT"]
            found = sorted(found + [c for c in in_cells if not any(c.overlaps(u) for u in units)], key=_ORDER)
        if not found and not (scope_units and p.level not in NO_SCOPE_LEVELS):
            for field in FIELDS.values():  # most provisions: nothing to type (None: empty, no list kept)
                setattr(p, field, None)
            if done is not None:
                done()
            continue
        values: dict[str, list] = {field: [] for field in FIELDS.values()}
        for f in found:
            if f.label in ("CITATION", "RELATION") and p.level == "preamble" and f.data["title"] is None \
                    and f.data["doc_number"] == document.doc_number:
                continue  # the document's own 文号 under its title
            if f.label == "UNIT" and p.level == "preamble" and \
                    any(a <= f.start + p.start < b for a, b in titles):
                continue
            if f.scope == "later":
                scope_units.append((f, p.start))  # applies from this provision on, as inherited
                continue
            values[FIELDS[f.label]].append(typed(f, p.start))
            if f.label == "DEADLINE" and f.data["kind"] == "effective":
                (history_effective if p.level == "preamble" else effective).append(f.data["date"])
            elif f.label == "DEADLINE" and f.data["kind"] == "expires" and f.data["date"]:
                expires.append(f.data["date"])
        if scope_units and p.level not in NO_SCOPE_LEVELS:
            own = values["units"]
            names = {u.name for u in own}
            for unit, offset in scope_units:
                if unit.data["name"] not in names:
                    own.append(replace(typed(unit, offset), inherited=True))
                    names.add(unit.data["name"])
        for field, typed_values in values.items():
            setattr(p, field, typed_values or None)
        if done is not None:
            done()
    _working_days(document)
    # the text's own words (本条例自…起施行) over its history's 施行 line, which may be an earlier version's
    dated = [d for d in effective if d] or [d for d in history_effective if d]
    document.effective = dated[0] if dated else None
    document.expires = expires[0] if expires else None


def _working_days(document) -> None:
    """Day thresholds of a document that defines its days as working days (本规定所称的“十日”是指工作日)
    are working days (workdays.day_rule)."""
    days = [(p, i, t) for p in document.provisions for i, t in enumerate(p.thresholds or ()) if t.unit == "day"]
    if not days:
        return
    rule = day_rule(p.text for p in document.provisions)
    if rule is None:
        return
    for p, i, t in days:
        ends = [t.min, t.max] if t.comparator == "range" else [t.value]
        if all(v is not None and rule(v) for v in ends):
            p.thresholds[i] = replace(t, unit="workday")
