"""Date rules (GZ4xx): impossible dates, documents dated after the issue, effect before signing, expiry
before effect.

The effective and expiry dates come from the recognised deadlines (kind `effective` / `expires`: 本办法自…
起施行, 有效期至…) and the document's own `effective` / `expires`; the rules never search the text for them.
"""
from __future__ import annotations

import calendar
import re
from datetime import date

from ..lexicon.dates import DATE, DAY, MONTH
from ..lexicon.numerals import parse_int
from ..lexicon.spacing import SEP
from .registry import ERROR, WARNING, rule

_DATE = DATE.pattern
_MONTH_DAY = re.compile(rf"(?<![0-9０-９年〇零○一二三四五六七八九十])(?P<m>{MONTH}){SEP}*月{SEP}*(?P<d>{DAY}){SEP}*日")


def _ymd(m) -> tuple[int | None, int | None, int | None]:
    return parse_int(m.group("y")), parse_int(m.group("m")), parse_int(m.group("d"))


def impossible(y, mo, d) -> str | None:
    """Why y-mo-d is not a calendar date, or None."""
    if mo is None or d is None:
        return None
    if not 1 <= mo <= 12:
        return f"there is no month {mo}"
    last = calendar.monthrange(y if y else 2000, mo)[1]  # without a year, allow 29 February
    if not 1 <= d <= last:
        return f"{mo}月 has {last} days" + (f" in {y}" if y and mo == 2 else "")
    return None


@rule("GZ401", "date-impossible", "dates", ERROR, "a date that does not exist",
      what="A date in the text names a month over 12 or a day past the end of its month "
           "(2022年2月30日, 2023年4月31日, 2022年13月1日; 2月29日 in a year that is not a leap year).",
      why="An impossible date is always a typo, and a date that carries legal effect (施行, 截至) must be exact.",
      example="本办法自2022年2月30日起施行。",
      instead="本办法自2022年3月1日起施行。 (or whichever date was meant)")
def date_impossible(ctx):
    for doc, line in ctx.all_lines():
        taken = []
        for m in DATE.finditer(line.text):
            y, mo, d = _ymd(m)
            taken.append((m.start(), m.end()))
            why = impossible(y, mo, d)
            if why:
                yield ctx.finding("GZ401", f"{m.group(0)} is not a date: {why}", line.start + m.start(),
                                  line.start + m.end(), doc=doc, provision=line.provision)
        for m in _MONTH_DAY.finditer(line.text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            why = impossible(None, parse_int(m.group("m")), parse_int(m.group("d")))
            if why:
                yield ctx.finding("GZ401", f"{m.group(0)} is not a date: {why}", line.start + m.start(),
                                  line.start + m.end(), doc=doc, provision=line.provision)


def _closing(doc):
    return next((p for p in doc.provisions if p.level == "closing"), None)


@rule("GZ402", "date-after-publication", "dates", ERROR, "a document is dated after the issue was published",
      what="The date under a document's signature is later than the issue's publication date (出版日期).",
      why="A gazette prints documents already issued; a later date is a typo in the document's date or in "
          "the issue's publication date.",
      example="出版日期:2023年3月6日 … 三门峡市人民政府 2023年3月16日",
      instead="出版日期:2023年3月6日 … 三门峡市人民政府 2023年2月16日")
def date_after_publication(ctx):
    if ctx.issue is None or not ctx.issue.published or len(ctx.issue.published) < 10:
        return
    for doc in ctx.documents:
        closing = _closing(doc)
        if doc.date and len(doc.date) >= 10 and closing and doc.date > ctx.issue.published:
            yield ctx.finding("GZ402", f"document dated {doc.date}, after the issue's publication date "
                                       f"{ctx.issue.published}", closing.start, closing.end, doc=doc, provision=closing)


def _iso(y, mo, d) -> str | None:
    try:
        return date(y, mo, d).isoformat()
    except (TypeError, ValueError):
        return None


def stated_dates(ctx, doc):
    """{'effective': (iso, start, end), 'expires': (...)} for the document itself, where stated: the
    recognisers' effective/expires deadlines (本办法自…起施行, 有效期至…), else the document's own fields."""
    out = {}
    for p in doc.provisions:
        for dl in p.deadlines:
            kind = dl.kind
            if kind in ("effective", "expires") and kind not in out and dl.date and len(dl.date) >= 10:
                m = DATE.search(dl.raw)  # point at the date itself inside 本办法自…起施行
                a = dl.span[0] + (m.start() if m else 0)
                out[kind] = (dl.date, a, a + len(m.group(0)) if m else dl.span[1])
    for kind in ("effective", "expires"):
        value = getattr(doc, kind, None)
        if kind not in out and value and len(value) >= 10:
            out[kind] = (value, None, None)
    return out


@rule("GZ403", "date-effective-before-signing", "dates", WARNING,
      "a document takes effect before the date it was signed",
      what="A signed document says it takes effect (本办法自…起施行 / 实施) on a date before the date under "
           "its signature.",
      why="Rules do not apply retroactively (《立法法》第一百零四条); an effective date before signing is "
          "usually a typo or a date left over from a draft. Retroactive measures exist, so check with "
          "the drafter.",
      example="本实施细则自2022年5月1日起实施。 … 三门峡市人民政府办公室 2022年6月6日",
      instead="本实施细则自2022年7月1日起实施。 (a date on or after signing)")
def date_effective_before_signing(ctx):
    for doc in ctx.documents:
        if not doc.date or len(doc.date) < 10 or _closing(doc) is None:
            continue
        found = stated_dates(ctx, doc).get("effective")
        if found and found[0] < doc.date:
            iso, a, b = found
            a = a if a is not None else doc.start
            yield ctx.finding("GZ403", f"takes effect on {iso}, before the document was signed on {doc.date}",
                              a, b if b is not None else a, doc=doc)


@rule("GZ404", "date-expires-before-effect", "dates", ERROR, "a document expires before it takes effect",
      what="The expiry a document states (有效期至…) is before the date it takes effect, or before the date "
           "it was signed.",
      why="Such a document never applies; one of the dates is a typo.",
      example="本措施自2022年7月1日起施行，有效期至2021年12月31日。",
      instead="本措施自2022年7月1日起施行，有效期至2024年12月31日。")
def date_expires_before_effect(ctx):
    for doc in ctx.documents:
        dates = stated_dates(ctx, doc)
        expires = dates.get("expires")
        if not expires:
            continue
        start = dates.get("effective")
        iso, a, b = expires
        a = a if a is not None else doc.start
        if start and expires[0] < start[0]:
            yield ctx.finding("GZ404", f"expires on {iso}, before it takes effect on {start[0]}", a, b, doc=doc)
        elif doc.date and len(doc.date) >= 10 and _closing(doc) and iso < doc.date:
            yield ctx.finding("GZ404", f"expires on {iso}, before the document was signed on {doc.date}", a, b, doc=doc)
