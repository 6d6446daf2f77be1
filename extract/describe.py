"""Values as a person reads them: the normalised form of a unit, threshold, deadline or citation in one
short line (`≤ 30,000 CNY`, `until 2024-12-31`, `within 6 month`), shared by `gazette show` and
`gazette render` so both say the same thing.

Numbers stay exact: a Decimal is written out digit by digit (never through float), integers with
thousands separators. Values are read by attribute or by key, so the plain dicts of the JSON and the
typed value objects both work.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

KIND_LABELS = {"units": "单位", "thresholds": "数值", "deadlines": "期限", "citations": "引用"}
COMPARATORS = {"eq": "=", "le": "≤", "lt": "<", "ge": "≥", "gt": ">", "approx": "≈"}
ROLES = {"responsible": "责任", "lead": "牵头", "support": "配合", "competent": "主管"}


def issue_number(issue) -> str:
    """'2023年第2号（总第203号）', or as much of it as the issue prints."""
    number = ""
    if issue.number is not None:
        number = (f"{issue.year}年" if issue.year else "") + f"第{issue.number}号"
    if issue.total_number is not None:
        number += f"（总第{issue.total_number}号）"
    return number


def get(v, name: str, default=None):
    """A value's field, whether the value is a dict (JSON) or an object with attributes."""
    if isinstance(v, dict):
        return v.get(name, default)
    return getattr(v, name, default)


def number(value) -> str:
    """An exact number for reading: 13900000000 -> '13,900,000,000', Decimal('18.53') -> '18.53'."""
    if value is None:
        return "?"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, Decimal)) or (isinstance(value, str) and value[:1].isdigit()):
        try:
            d = Decimal(value) if not isinstance(value, Decimal) else value
        except InvalidOperation:
            return str(value)
        if d == d.to_integral_value():
            return f"{int(d):,}"
        whole, _, frac = format(d.normalize(), "f").partition(".")
        return f"{int(whole):,}.{frac}" if whole.lstrip("-").isdigit() else format(d, "f")
    return str(value)


def threshold(t) -> str:
    """'= 2,600 CNY', '≤ 30,000 CNY per 人/年', '50–100 %', '= 1:1 ratio'."""
    unit = get(t, "unit") or ""
    if get(t, "comparator") == "range":
        core = f"{number(get(t, 'min'))}–{number(get(t, 'max'))} {unit}"
    else:
        core = f"{COMPARATORS.get(get(t, 'comparator'), get(t, 'comparator') or '')} {number(get(t, 'value'))} {unit}"
    if get(t, "per"):
        core += f" per {get(t, 'per')}"
    return core.strip()


def deadline(d) -> str:
    """'until 2024-12-31', 'effective 2022-05-01', 'within 6 month', 'recurring monthly day 30'."""
    kind = get(d, "kind") or ""
    if get(d, "date"):
        return f"{kind} {get(d, 'date')}"
    duration = get(d, "duration")
    if duration:
        return f"{kind} {number(get(duration, 'value'))} {get(duration, 'unit')}"
    if kind == "recurring":
        parts = [get(d, "recurrence")]
        if get(d, "month"):
            parts.append(f"month {get(d, 'month')}")
        if get(d, "day"):
            parts.append(f"day {get(d, 'day')}")
        return "recurring " + " ".join(str(p) for p in parts if p)
    return kind


def citation(c) -> str:
    """'《title》 豫政办〔2022〕63号', or whichever of the two is known."""
    title = get(c, "title")
    return " ".join(x for x in ((title and f"《{title}》"), get(c, "doc_number")) if x)


RELATIONS = {"repeals": "废止", "extends": "延长", "amends": "修改"}


def relation(r) -> str:
    """'repeals 《title》 三政办〔2022〕18号': what a provision does to a document it cites."""
    return f"{get(r, 'relation')} {citation(r)}".strip()


def unit(u) -> str:
    """'市财政局 (责任)'; inherited units say so."""
    role = get(u, "role")
    text = get(u, "name") or get(u, "raw") or ""
    if role:
        text += f" ({ROLES.get(role, role)})"
    if get(u, "inherited"):
        text += " (inherited)"
    return text


def normalised(field: str, v) -> str:
    """The normalised form of a value of `field` (units, thresholds, deadlines, citations, relations)."""
    return {"units": unit, "thresholds": threshold, "deadlines": deadline, "citations": citation,
            "relations": relation}[field](v)
