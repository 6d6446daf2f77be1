"""Finding provisions: words (extract/db/words.py) and filters on units, levels, documents and values.

Filters are a frozen dataclass: a misspelt filter name is an error, never silently ignored. Every
filter narrows the result (AND). Text filters on names (unit, issuer, title, doc_number, cites, path)
match anywhere inside the stored value, as word search does. Date filters compare ISO dates of any
precision by the period they cover: `--from 2024 --to 2024` finds 2024-12-31, 2024-06 and 2024.
A threshold filter is `UNIT`, or `UNIT OP NUMBER` with OP one of >= > <= < =; numbers compare exactly
(Decimal) and a range threshold (min–max) matches when part of it satisfies the bound.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields
from datetime import date as _date
from decimal import Decimal, InvalidOperation

from ..errors import GazetteError
from .words import locate, parse_query

LEVELS = ("part", "chapter", "section", "article", "paragraph", "item", "subitem", "point", "attachment",
          "preamble", "closing")
ROLES = ("responsible", "lead", "support", "competent")
KINDS = ("until", "by", "from", "effective", "expires", "on", "recurring", "within")


@dataclass(frozen=True)
class Filters:
    """Conditions on provisions, all optional; see the module docstring for their meaning."""

    unit: str | None = None             # a unit name (canonical, e.g. 市财政局) contains this
    role: str | None = None             # ... with this role
    written_units: bool = False         # ... written in the provision, not inherited through a scope rule
    level: tuple = ()                   # provision level(s)
    doc_number: str | None = None       # the document's 文号 contains this (brackets folded to 〔〕)
    issuer: str | None = None
    title: str | None = None            # the document title contains this
    issued_from: str | None = None      # document date within [issued_from, issued_to]
    issued_to: str | None = None
    deadline_from: str | None = None    # a deadline date within [deadline_from, deadline_to]
    deadline_to: str | None = None
    deadline_kind: str | None = None
    threshold: str | None = None        # 'CNY>=10000', '%<=50', 'day'
    cites: str | None = None            # a citation's title or 文号 contains this
    path: str | None = None             # the source path contains this
    in_force: str | None = None         # the document is in force (or extended) on this date (states.py)

    def __post_init__(self):
        if isinstance(self.level, str):
            object.__setattr__(self, "level", (self.level,))
        for level in self.level:
            if level not in LEVELS:
                raise GazetteError("E047", option="--level", value=level, reason=f"is not one of {', '.join(LEVELS)}")
        if self.role is not None and self.role not in ROLES:
            raise GazetteError("E047", option="--role", value=self.role, reason=f"is not one of {', '.join(ROLES)}")
        if self.deadline_kind is not None and self.deadline_kind not in KINDS:
            raise GazetteError("E047", option="--kind", value=self.deadline_kind,
                               reason=f"is not one of {', '.join(KINDS)}")
        for name, option in (("issued_from", "--issued-from"), ("issued_to", "--issued-to"),
                             ("deadline_from", "--from"), ("deadline_to", "--to"), ("in_force", "--in-force")):
            check_date(getattr(self, name), option)
        if self.threshold is not None:
            parse_threshold(self.threshold)

    def active(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, (), False)}


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_date(value: str | None, option: str) -> None:
    if value is None:
        return
    m = _DATE.match(value)
    try:
        if not m:
            raise ValueError
        _date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        raise GazetteError("E047", option=option, value=value,
                           reason="is not a date (2024, 2024-06 or 2024-06-30)") from None


def period_start(value: str) -> str:
    """The first day of a reduced-precision ISO date's period (2024 -> 2024-01-01)."""
    return value + "-01-01"[len(value) - 4:] if len(value) < 10 else value


def period_end_key(value: str) -> str:
    """A key sorting after every date of the period (2024 -> 2024-99-99), for string comparison."""
    return value + "-99-99"[len(value) - 4:] if len(value) < 10 else value


# SQL: the end key of a stored reduced-precision date (same rule as period_end_key)
def _end_key_sql(column: str) -> str:
    return f"({column} || substr('-99-99', length({column}) - 3))"


_THRESHOLD = re.compile(r"^\s*(?P<unit>[^<>=≤≥\s]+)\s*"
                        r"(?:(?P<op>>=|<=|==|=|>|<|≥|≤)\s*(?P<num>[-+]?[0-9][0-9,]*(?:\.[0-9]+)?)\s*"
                        r"(?P<mult>万亿|[十百千万亿])?\s*(?P<yuan>元)?)?\s*$")
_OPS = {">=": ">=", "≥": ">=", "<=": "<=", "≤": "<=", "=": "=", "==": "=", ">": ">", "<": "<"}
MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000, "万亿": 10 ** 12}


def parse_threshold(spec: str) -> tuple[str, str | None, Decimal | None]:
    """'CNY>=10000' -> ('CNY', '>=', Decimal('10000')); 'CNY>=1万' and '元>=1.5万元' as written in the
    text (万 10^4, 亿 10^8, 千, 百, 十); full-width forms fold (ＣＮＹ＞＝１万); 'day' -> ('day', None, None)."""
    m = _THRESHOLD.match(unicodedata.normalize("NFKC", spec or ""))
    if not m:
        raise GazetteError("E047", option="--threshold", value=spec,
                           reason="give UNIT or UNIT OP NUMBER, e.g. 'CNY>=10000', 'CNY>=1万', '%<=50', 'day'")
    unit = m["unit"]
    if unit.upper() == "CNY" or unit == "元":
        unit = "CNY"
    if m["op"] is None:
        return unit, None, None
    if m["yuan"] and unit != "CNY":
        raise GazetteError("E047", option="--threshold", value=spec, reason=f"元 is an amount, not {unit}")
    try:
        number = Decimal(m["num"].replace(",", ""))
    except InvalidOperation:
        raise GazetteError("E047", option="--threshold", value=spec, reason="the number is not a number") from None
    if m["mult"]:
        number = number * MULTIPLIERS[m["mult"]]
    return unit, _OPS[m["op"]], Decimal(int(number)) if number == number.to_integral_value() else number


def _exact(value) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def threshold_matches(spec: str, t: dict) -> bool:
    """Whether one threshold (a row's value, in the extraction's shape) satisfies the filter: the same
    rule as the SQL of threshold_conditions, for showing which value of a provision matched."""
    unit, op, number = parse_threshold(spec)
    if t.get("unit") != unit:
        return False
    if op is None:
        return True
    value, lo, hi = _exact(t.get("value")), _exact(t.get("min")), _exact(t.get("max"))
    high = hi if hi is not None else value
    low = lo if lo is not None else value
    if op == ">=":
        return high is not None and high >= number
    if op == ">":
        return high is not None and high > number
    if op == "<=":
        return low is not None and low <= number
    if op == "<":
        return low is not None and low < number
    return value == number or (lo is not None and hi is not None and lo <= number <= hi)


def _doc_number(value: str) -> str:
    return re.sub(r"\s+", "", value).translate(str.maketrans("[［【(（", "〔〔〔〔〔")).translate(
        str.maketrans("]］】)）", "〕〕〕〕〕"))


def where(filters: Filters, conn=None) -> tuple[list[str], list]:
    """SQL conditions on the aliases p (provisions), d (copies of documents), s (sources), and their parameters."""
    sql, args = [], []
    f = filters
    if f.unit is not None or f.role is not None or f.written_units:
        cond, uargs = unit_conditions(f, "u")
        sql.append(f"p.pk IN (SELECT u.provision FROM units u WHERE {' AND '.join(cond)})")
        args.extend(uargs)
    if f.level:
        sql.append(f"p.level IN ({', '.join('?' * len(f.level))})")
        args.extend(f.level)
    for column, value in (("d.doc_number", _doc_number(f.doc_number) if f.doc_number else None),
                          ("d.issuer", f.issuer), ("d.title", f.title), ("s.path", f.path)):
        if value is not None:
            sql.append(f"instr({column}, ?) > 0")
            args.append(value.strip())
    if f.issued_from:
        sql.append(f"d.date IS NOT NULL AND {_end_key_sql('d.date')} >= ?")
        args.append(period_start(f.issued_from))
    if f.issued_to:
        sql.append("d.date IS NOT NULL AND d.date <= ?")
        args.append(period_end_key(f.issued_to))
    if f.deadline_from or f.deadline_to or f.deadline_kind:
        cond, dargs = deadline_conditions(f, "k")
        sql.append(f"p.pk IN (SELECT k.provision FROM deadlines k WHERE {' AND '.join(cond)})")
        args.extend(dargs)
    if f.threshold is not None:
        cond, targs = threshold_conditions(f.threshold, "t")
        sql.append(f"p.pk IN (SELECT t.provision FROM thresholds t WHERE {' AND '.join(cond)})")
        args.extend(targs)
    if f.cites is not None:
        cond, cargs = citation_conditions(f, "c")
        sql.append(f"p.pk IN (SELECT c.provision FROM citations c WHERE {' AND '.join(cond)})")
        args.extend(cargs)
    if f.in_force is not None:
        import json

        from .states import in_force

        sql.append("d.document IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(sorted(in_force(conn, f.in_force))))
    return sql, args


def unit_conditions(f: Filters, alias: str) -> tuple[list[str], list]:
    cond, args = [], []
    if f.unit is not None:
        cond.append(f"instr({alias}.name, ?) > 0")
        args.append(f.unit.strip())
    if f.role is not None:
        cond.append(f"{alias}.role = ?")
        args.append(f.role)
    if f.written_units:
        cond.append(f"{alias}.inherited = 0")
    return cond, args


def citation_conditions(f: Filters, alias: str) -> tuple[list[str], list]:
    return ([f"(instr({alias}.title, ?) > 0 OR instr({alias}.doc_number, ?) > 0)"],
            [f.cites.strip(), _doc_number(f.cites)])


def deadline_conditions(f: Filters, alias: str) -> tuple[list[str], list]:
    cond, args = [], []
    if f.deadline_from:
        cond.append(f"{alias}.date IS NOT NULL AND {_end_key_sql(alias + '.date')} >= ?")
        args.append(period_start(f.deadline_from))
    if f.deadline_to:
        cond.append(f"{alias}.date IS NOT NULL AND {alias}.date <= ?")
        args.append(period_end_key(f.deadline_to))
    if f.deadline_kind:
        cond.append(f"{alias}.kind = ?")
        args.append(f.deadline_kind)
    return cond, args


def threshold_conditions(spec: str, alias: str) -> tuple[list[str], list]:
    unit, op, number = parse_threshold(spec)
    t = alias
    cond, args = [f"{t}.unit = ?"], [unit]
    if op is None:
        return cond, args
    n = str(number)
    high, low = f"coalesce({t}.max_exact, {t}.value_exact)", f"coalesce({t}.min_exact, {t}.value_exact)"
    if op in (">=", ">"):
        cond.append(f"gz_cmp({high}, ?) {op} 0")
        args.append(n)
    elif op in ("<=", "<"):
        cond.append(f"gz_cmp({low}, ?) {op} 0")
        args.append(n)
    else:
        cond.append(f"(gz_cmp({t}.value_exact, ?) = 0 OR (gz_cmp({t}.min_exact, ?) <= 0 AND gz_cmp({t}.max_exact, ?) >= 0))")
        args.extend([n, n, n])
    return cond, args


@dataclass(frozen=True)
class Match:
    """The FROM ... WHERE part selecting matching provisions (aliases p, d, s; m.rank with a query)."""

    sql: str
    args: list
    highlight: list
    ranked: bool


def matching(query: str | None, filters: Filters, conn=None, dedupe: bool = False) -> Match:
    """With dedupe, a provision printed the same in several copies of one document (the same 文号 from a
    markdown file and a PDF) is given once, from the first copy loaded (`provisions.shadowed`, set by
    links.finish: the later copies' provisions whose indexed words equal the first's)."""
    conds, args = where(filters, conn)
    if dedupe:
        conds.append("p.shadowed = 0")
    highlight: list[str] = []
    join = ""
    if query and query.strip():
        expression, highlight = parse_query(query)
        join = ("JOIN (SELECT rowid AS pk, rank FROM provision_index WHERE provision_index MATCH ?) m "
                "ON m.pk = p.pk ")
        args = [expression] + args
    sql = (f"FROM provisions p {join}JOIN copies d ON d.pk = p.copy JOIN sources s ON s.pk = d.source"
           + (" WHERE " + " AND ".join(f"({c})" for c in conds) if conds else ""))
    return Match(sql, args, highlight, bool(join))


def has_copies(conn) -> bool:
    """Whether some document of the database was loaded from more than one source."""
    return conn.execute("SELECT 1 FROM documents WHERE copies > 1 LIMIT 1").fetchone() is not None


def order_by(match: Match, order: str | None) -> str:
    """'rank' (best match first, the default with a query) or 'document' (source path, reading order)."""
    order = order or ("rank" if match.ranked else "document")
    if order not in ("rank", "document"):
        raise GazetteError("E047", option="--order", value=order, reason="is not rank or document")
    reading = "s.path, s.pk, d.seq, p.seq"
    return f"m.rank, {reading}" if order == "rank" and match.ranked else reading


def snippet(text: str, words: list[str], width: int = 80) -> str:
    """A one-line excerpt of text around the first word found (the start of the text when none)."""
    span = locate(text, words) if words else None
    flat = lambda s: re.sub(r"\s+", " ", s)  # noqa: E731
    if span is None:
        return flat(text[:width]).strip()
    start = max(0, span[0] - width // 3)
    end = min(len(text), max(span[1], start + width))
    before, hit, after = flat(text[start:span[0]]), flat(text[span[0]:span[1]]), flat(text[span[1]:end])
    return (("…" if start > 0 else "") + before.lstrip() + "«" + hit + "»" + after.rstrip()
            + ("…" if end < len(text) else ""))
