"""Deadlines: dated limits (至/截至 → until, …前 → by, 到2025年 → by), starts (自…起 → from, 自…起施行 →
effective), 有效期至 → expires, recurring limits (每月30日前) and relative ones (6个月内 → within).

`find_deadlines(text, doc_date=...)` returns `Found`s whose `data` = {date, kind} (plus `duration` for
`within`, `recurrence` and `day`/`month` for `recurring`). Dates are ISO 8601 with the precision written
(`2025`, `2023-06`, `2024-12-31`); 年底/年末 is 12-31, 6月底 the month's last day; a date without a year takes
the year of `doc_date` (the document's own date); 自发布之日起施行 is the document's date. A date with no
deadline wording around it (a signature date, a law's history line, 2022年 in running text) is not a deadline.
Spaces inside dates (`2023 年 4 月 30 日`) are tolerated; `raw` is the exact source text.
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

from ..lexicon import vocab
from ..lexicon.numerals import parse_int, to_ascii_digits
from ..lexicon.spacing import SP, WS
from .found import Found

CN_DIGIT = "〇零○一二三四五六七八九"
YEAR = rf"(?<![0-9０-９])(?:[12][0-9]{{3}}|[{CN_DIGIT}]{{4}})(?![0-9])"
MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
DAY = r"(?:3[01]|[12][0-9]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
CN = "零〇○一二两三四五六七八九十百千"
AMOUNT = rf"(?:[0-9０-９]+|[一二两三四五六七八九十][{CN}]*)"
DURATION_UNITS = {"个月": "month", "个工作日": "workday", "工作日": "workday", "个小时": "hour", "小时": "hour",
                  "年": "year", "日": "day", "天": "day", "周": "week", "个星期": "week", "星期": "week"}


# 活动前3年内 (looked back on), but not 届满前30日内 (a time limit before a date)
_LOOKS_BACK = re.compile(r"(?<!届满)(?<!期满)(?<!到期)(?<!截止)(?<!结束)(?<!开始)(?<!举行)(?<!召开)(?<!之)(?<!以)前$")


def looks_back(text: str, start: int, unit: str) -> bool:
    """The years or months before text[start:] (参加采购活动前3年内…) are a window looked back on: a bound
    (quantities.py), not the time limit of an act (届满前30日内, 会议召开前5日内)."""
    return unit in ("year", "month") and _LOOKS_BACK.search(text, max(0, start - 8), start) is not None


@lru_cache(maxsize=None)
def _patterns():
    verbs = vocab.alternation("effective_verbs.txt")
    date = re.compile(
        rf"(?P<y>{YEAR}){SP}年{SP}"
        rf"(?:(?<![0-9０-９])(?P<m>{MONTH}){SP}月{SP}(?:(?P<d>{DAY}){SP}[日号]|(?P<mend>底|末))?)?"
        rf"(?P<yend>(?:年{SP})?(?:底|末))?"
        rf"|(?<![0-9０-９年])(?P<m2>{MONTH}){SP}月{SP}(?:(?P<d2>{DAY}){SP}[日号]|(?P<mend2>底|末))"
    )
    year_end_alone = re.compile(rf"(?<![0-9０-９年])(?:年底|年末)(?={SP}(?:前|之前|以前))")
    relative_effective = re.compile(
        rf"(?:(?:自|从){SP}(?:本\w{{0,6}}?)?)?(?:发布|公布|印发|颁布|签发|下发|发文|发出|通过|批准)之日(?:起)?{SP}(?P<verb>{verbs})")
    within = re.compile(
        rf"(?<![0-9０-９第{CN}])(?P<n>{AMOUNT}){SP}(?P<u>{'|'.join(sorted(DURATION_UNITS, key=len, reverse=True))})"
        rf"{SP}(?:之内|内)(?!容|部|外|地|涵|心|在|阁|政|需|销|河|侧|蒙)"
        rf"(?!{SP}(?:累计|连续|先后)?(?:[两二三四五六七八九十]|[0-9]+)次)"
        rf"(?![^，,。；;]{{1,16}}?(?:(?:累计|连续|先后)(?:[两二三四五六七八九十]|[0-9]+)次|(?:[两二三四五六七八九十]|[0-9]+)次以上))")  # 六个月内两次发生…: a window (a threshold)
    recurring = re.compile(
        rf"每{SP}(?:(?P<year>年){SP}(?P<m>{MONTH}){SP}月|(?P<month>月)){SP}(?P<d>{DAY}){SP}[日号]"
        rf"(?P<by>{SP}(?:前|之前|以前))?")
    dash = r"[―—–－\-~～〜]+"
    period = re.compile(
        rf"(?P<y>{YEAR}){SP}年{SP}(?P<m1>{MONTH}){SP}月?{SP}{dash}{SP}(?:(?P<y2>{YEAR}){SP}年{SP})?(?P<m2>{MONTH}){SP}月"
        rf"(?!{SP}[0-9０-９一二三四五六七八九十]+{SP}[日号])")
    part_of_year = re.compile(
        rf"(?:(?P<y>{YEAR}){SP}年{SP})?(?:(?:第{SP})?(?P<q>[一二三四1-4]){SP}季度{SP}(?:末|底)|(?P<half>上半年|下半年)(?:末|底)?)"
        rf"(?={SP}(?:前|之前|以前|完成|实现|达到|建成|基本|全面))")
    return dict(date=date, year_end_alone=year_end_alone, period=period, part_of_year=part_of_year, relative_effective=relative_effective, within=within,
                recurring=recurring, effective_after=re.compile(rf"^(?:度)?{SP}(?:零时|零点|0时)?{SP}(?:起{SP})?(?:{verbs})"),  # (自2018年1月1日施行: no 起; 自1985年度起施行)
                from_after=re.compile(rf"^{SP}(?:起|开始)"),
                by_after=re.compile(rf"^{SP}(?:之前|以前|前)"),
                range_end=re.compile(rf"[日号]{SP}{dash}$"),
                until_before=re.compile(r"(?:截至|截止到|截止至|截止|直至|止于|延长至|延至|至|到期日为)$"),
                expires_before=re.compile(r"有效期(?:限)?(?:为|自)?\S{0,20}?(?:至|到)$"),
                from_before=re.compile(r"(?:自|从|由)$"),
                range_to=re.compile(rf"{SP}(?:至|{dash}){SP}(?:{YEAR}{SP}年{SP})?{MONTH}{SP}月{SP}{DAY}{SP}[日号]"),
                by_before=re.compile(r"(?:到|于|在|力争到|力争在|争取到|争取在|要在|须在|应在|前)$"))


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _g(m: re.Match, name: str) -> str | None:
    """A part of a DATE match, from whichever alternative matched (with a year, or month-day only)."""
    return m.group(name) or (m.group(name + "2") if name + "2" in m.re.groupindex else None)


def _iso(m: re.Match, doc_year: int | None) -> str | None:
    """The date a DATE match means, at the precision written; None when it is not a real date."""
    y = parse_int(m.group("y")) if m.group("y") else None
    mo = parse_int(_g(m, "m")) if _g(m, "m") else None
    d = parse_int(_g(m, "d")) if _g(m, "d") else None
    if y is None and mo is None:
        return None
    if y is None:
        if doc_year is None:
            return None
        y = doc_year
    if not 1000 <= y <= 2999:
        return None
    if mo is None:
        if m.group("yend"):
            return f"{y:04d}-12-31"
        return f"{y:04d}"
    if not 1 <= mo <= 12:
        return None
    if _g(m, "mend"):
        return f"{y:04d}-{mo:02d}-{_last_day(y, mo):02d}"
    if d is None:
        return f"{y:04d}-{mo:02d}"
    if not 1 <= d <= _last_day(y, mo):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _clause_start(text: str, pos: int) -> int:
    i = pos - 1
    while i >= 0 and text[i] not in "，。；！？,;!?\n":
        i -= 1
    return i + 1


_MAY_HAVE_DATE = re.compile(r"[年月日号天周时季]|之日")


_BAN_AFTER = re.compile(r"[，,]?(?:除[^，,。；;]{1,20}?外[，,]?)?(?:不得|不予|不再|禁止|停止|暂停)")  # (半年内，除…外，不得再…)
_BAN_BEFORE = re.compile(r"(?:禁止|不得|取消)[^，,。；;]{0,4}?在?$")  # (取消其三年内申报…的资格)


# 5年内，其法定代表人或者主要负责人不得担任…: the persons banned named first, then what they may not be or do
_BAN_OF_PERSONS = re.compile(r"[，,]?[^，,。；;]{1,20}?(?:不得|禁止)(?:再次?)?(?:担任|从事|申请|参加|参与|进入|经营|举办|成为|报考)")


def is_ban(text: str, start: int, end: int) -> bool:
    """三年内不得再次申请, 禁止其在五年内承担…: text[start:end] (N年内) is how long a ban lasts, a bound on
    its length, not the time limit of an action (30日内作出决定)."""
    return bool(_BAN_AFTER.match(text, end)) or bool(_BAN_BEFORE.search(text, max(0, start - 10), start)) \
        or bool(_BAN_OF_PERSONS.match(text, end))


# a history line that publishes and puts in force at once: 1982年12月10日 全国人民代表大会公告公布施行
# 2006年1月1日起实施的《…条例》同时废止: the date a repealed text came into force
_REPEALED_TEXT_DATE = re.compile(rf"{SP}(?:起)?{SP}(?:施行|实施|执行)的{SP}《")
_ANNOUNCED_IN_FORCE = re.compile(r"[ \t\u3000]*[^，。；\n]{0,30}?(?:公布|发布|公告)(?:并)?(?:施行|实施)(?=[ \t\u3000]*(?:\n|$))")
_OTHER_ACT = re.compile(r"[自从](?!本)[^，。；本]{2,15}$")
# the kinds of documents a law on law-making governs (规章制定程序条例, 立法法): their taking effect is not its own
_OTHER_DOCUMENTS = re.compile(r"规章|地方性法规|规范性文件|行政法规|自治条例|单行条例")
UNSET = object()  # `published` not given: 自发布之日起施行 resolves to `doc_date`


def find_deadlines(text: str, *, doc_date: str | None = None, published=UNSET) -> list[Found]:
    """Every deadline in `text`, in order, with spans relative to `text`. `published`: the date 自发布之日起施行
    resolves to, when it is not `doc_date` (a law whose history prints no 公布/发布 date: None, unknown)."""
    if published is UNSET:
        published = doc_date
    if not _MAY_HAVE_DATE.search(text):
        return []  # no 年 月 日 天 周 时 anywhere: nothing to find (most provisions)
    pats = _patterns()
    doc_year = int(doc_date[:4]) if doc_date else None
    out: list[Found] = []

    def add(start: int, end: int, data: dict) -> None:
        if any(f.start < end and start < f.end for f in out):
            return
        out.append(Found("DEADLINE", start, end, text[start:end], data))

    # each pattern needs a word of its own: look for it before scanning (most provisions have none)
    for m in (pats["relative_effective"].finditer(text) if "之日" in text else ()):
        head = text[_clause_start(text, m.start()):m.start()]
        if m.group("verb") == "生效" and "本" not in head and _OTHER_ACT.search(head):
            continue  # 任免…从市人大常委会通过之日起生效: another body's act takes effect, not the document
            # (本条例自省人民代表大会常务委员会批准之日起施行 is the document's)
        sentence = text[text.rfind("。", 0, m.start()) + 1:m.start()]
        if "本" not in sentence and _OTHER_DOCUMENTS.search(sentence):
            continue  # 规章应当自公布之日起30日后施行；…可以自公布之日起施行: the documents it governs, not itself
        by_vote = "通过之日" in m.group(0) or "批准之日" in m.group(0)  # 自批准之日起施行: the version's date
        add(m.start(), m.end(), {"date": doc_date if by_vote else published, "kind": "effective"})

    for m in (RELATIVE_FROM.finditer(text) if "之日起" in text else ()):  # 自本通知印发之日起，…停止执行: from the document's date
        if doc_date:
            add(m.start(), m.end(), {"date": doc_date, "kind": "from"})

    has_year, has_month = "年" in text, "月" in text
    for m in (pats["period"].finditer(text) if has_year and has_month else ()):  # 1997年4月―1998年2月, 1997年4―6月: a dated period
        y = parse_int(m.group("y"))
        y2 = parse_int(m.group("y2")) if m.group("y2") else y
        m1, m2 = parse_int(m.group("m1")), parse_int(m.group("m2"))
        if not (y and y2 and m1 and m2 and 1 <= m1 <= 12 and 1 <= m2 <= 12):
            continue
        if any(f.start < m.end() and m.start() < f.end for f in out):
            continue
        cut = m.end("m1") + (1 if text[m.end("m1"):m.end("m1") + 1] == "月" else 0)
        out.append(Found("DEADLINE", m.start(), cut, text[m.start():cut], {"date": f"{y:04d}-{m1:02d}", "kind": "from"}))
        second = m.start("y2") if m.group("y2") else m.start("m2")
        out.append(Found("DEADLINE", second, m.end(), text[second:m.end()], {"date": f"{y2:04d}-{m2:02d}", "kind": "until"}))

    for m in (pats["part_of_year"].finditer(text) if "季度" in text or "半年" in text else ()):  # 第一季度末, 上半年: the end of that part of the year
        y = parse_int(m.group("y")) if m.group("y") else doc_year
        if y is None or not (m.group("y") or _yearly_context(text, m.start()) is False):
            continue
        if m.group("q"):
            month = {"一": 3, "二": 6, "三": 9, "四": 12}.get(m.group("q")) or int(m.group("q")) * 3
        else:
            month = 6 if m.group("half") == "上半年" else 12
        after = pats["by_after"].match(text[m.end():m.end() + 6])
        add(m.start(), m.end() + (after.end() if after else 0),
            {"date": f"{y:04d}-{month:02d}-{_last_day(y, month):02d}", "kind": "by"})

    for m in (pats["recurring"].finditer(text) if "每" in text else ()):
        if m.group("year"):
            mo, d = parse_int(m.group("m")), parse_int(m.group("d"))
            data = {"date": None, "kind": "recurring", "recurrence": "yearly", "month": mo, "day": d}
        else:
            data = {"date": None, "kind": "recurring", "recurrence": "monthly", "day": parse_int(m.group("d"))}
        add(m.start(), m.end(), data)

    for m in (pats["within"].finditer(text) if "内" in text else ()):
        n = parse_int(to_ascii_digits(m.group("n")))
        unit = DURATION_UNITS[m.group("u")]
        if not n or unit == "year" and n >= 200:
            continue
        if m.group("u") == "日" and text[:m.start()].rstrip(WS).endswith("月"):
            continue
        if is_ban(text, m.start(), m.end()):
            continue  # 三年内不得再次申请: how long a ban lasts, a threshold (quantities.py), not a time limit
        if looks_back(text, m.start(), unit):
            continue  # 参加采购活动前3年内与供应商存在劳动关系: a window looked back on (a threshold), not a time limit
        add(m.start(), m.end(), {"date": None, "kind": "within", "duration": {"value": n, "unit": unit}})

    for m in (pats["year_end_alone"].finditer(text) if "年底" in text or "年末" in text else ()):
        if doc_year is None:
            continue
        after = pats["by_after"].match(text[m.end():m.end() + 6])
        add(m.start(), m.end() + after.end(), {"date": f"{doc_year:04d}-12-31", "kind": "by"})

    for m in (pats["date"].finditer(text) if has_year or has_month else ()):
        if m.group("y") and not m.group("m") and not m.group("yend") and text[m.end():m.end() + 1] == "度" \
                and not (pats["effective_after"].match(text[m.end():m.end() + 12])
                         and pats["from_before"].search(text[_clause_start(text, m.start()):m.start()].rstrip(WS))):
            continue  # 2022年度 (but 本条例自1985年度起施行: the year it took effect)
        if not m.group("y") and _yearly_context(text, m.start()):
            continue  # 每年2月底前…，3月底前…: a date every year, not a deadline
        iso = _iso(m, doc_year)
        if iso is None and (m.group("y") or doc_year is not None):
            continue  # not a real date (13月, 2月30日)
        kind, start, end = _cue(text, m, pats)
        if kind is None:
            shared = _shared_by(text, m, pats)
            if shared is None:
                continue
            kind, start, end = shared
        add(start, end, {"date": iso, "kind": kind})

    out.sort(key=lambda f: f.start)
    return out


RELATIVE_FROM = re.compile(r"(?:自|从)本[\u4e00-\u9fff]{0,6}?(?:印发|发布|公布|下发)之日起(?![^，。；]{0,6}(?:施行|实施|执行|生效|试行))")
_DATE_LIST_ITEM = re.compile(rf"{SP}[、，,和及]{SP}(?:[0-9０-９]{{4}}{SP}年{SP})?(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]){SP}月"
                             rf"{SP}(?:(?:3[01]|[12][0-9]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]){SP}[日号]|底|末)")


def _yearly_context(text: str, pos: int) -> bool:
    """A yearless date in a sentence that began with 每年/每月 (每年2月底前…，3月底前…) recurs."""
    start = max(text.rfind(ch, 0, pos) for ch in "。；\n") + 1
    return bool(re.search(r"每(?:年|月|季度)", text[start:pos]))


def _shared_by(text: str, m: re.Match, pats) -> tuple[str, int, int] | None:
    """3月31日、6月30日、9月30日前: the 前 after the last date of a list gives each date its kind."""
    i = m.end()
    last = None
    while True:
        nxt = _DATE_LIST_ITEM.match(text, i)
        if not nxt:
            break
        i = last = nxt.end()
    if last is None:
        return None
    by = pats["by_after"].match(text[last:last + 6])
    if not by:
        return None
    return "by", m.start(), m.end() - (len(text[m.start():m.end()]) - len(text[m.start():m.end()].rstrip(WS)))


def _cue(text: str, m: re.Match, pats) -> tuple[str | None, int, int]:
    """The deadline kind the wording around a date gives it, and the span including that wording."""
    start, end = m.start(), m.end()
    raw_end = len(text[start:end].rstrip(WS))
    end = start + raw_end
    cstart = _clause_start(text, start)
    before = text[cstart:start].rstrip(WS)
    lead = len(text[cstart:start]) - len(before)  # spaces between the cue and the date
    rest = text[end:end + 12]
    eff = pats["effective_after"].match(rest)
    if eff and pats["from_before"].search(before):
        return "effective", start - lead - 1, end + eff.end()
    bare = re.match(rf"{SP}(?:{vocab.alternation('effective_verbs.txt')})", rest)
    if bare and not before:
        return "effective", start, end + bare.end()  # a law's history line: 2002年12月1日 施行
    announced = _ANNOUNCED_IN_FORCE.match(text, end) if not before else None
    if announced:
        return "effective", start, announced.end()  # 1982年12月10日 全国人民代表大会公告公布施行
    if not m.group("y") and re.search(rf"1{SP}月{SP}1{SP}日{SP}(?:至|到|—|-){SP}$", text[max(0, start - 10):start]) \
            and _g(m, "m") == "12" and _g(m, "d") == "31":
        return None, start, end  # 1月1日至12月31日: a calendar year, not a date
    if re.match(rf"{SP}(?:达到|实现|建成)", rest) and (not before or re.search(r"(?:至|到)$", before)):
        word = re.search(r"(?:至|到)$", before)
        return "by", start - lead - (len(word.group(0)) if word else 0), end  # 1998年达到2000人的规模
    if _REPEALED_TEXT_DATE.match(rest):
        return None, start, end  # 2006年1月1日起实施的《…条例》同时废止: the date of the text it repeals
    if not before and re.match(rf"{SP}(?:起|开始|以来)", rest) and m.group("y"):
        fa = re.match(rf"{SP}(?:起|开始|以来)", rest)
        return "from", start, end + fa.end()  # 2020年起，每年…; 1999年以来
    by = pats["by_after"].match(rest)
    if by:
        bb = pats["by_before"].search(before)
        s = start - lead - len(bb.group(0)) if bb and bb.group(0) != "前" else start
        return "by", s, end + by.end()
    exp = pats["expires_before"].search(before)
    if exp:
        whole = re.search(r"有效期(?:限)?(?:为)?(?:至|到)$", before)
        return "expires", (cstart + whole.start()) if whole else start - lead - 1, end
    dashed = pats["range_end"].search(text, max(0, start - lead - 8), start - lead)
    if dashed and _g(m, "m"):
        return "until", start, end  # 2021年3月1日—2021年3月15日: the end of a dated range
    if pats["until_before"].search(before):
        word = pats["until_before"].search(before).group(0)
        return "until", start - lead - len(word), end
    period = re.search(r"从[^，。；]{0,8}?到$", before)
    if period:  # 从现在到2009年: the end of a stated period
        return "until", start - lead - 1, end
    frm = pats["from_before"].search(before)
    if frm:
        fa = pats["from_after"].match(rest)
        if fa:
            return "from", start - lead - 1, end + fa.end()
        if re.match(rf"{SP}(?:至|到)", rest):
            return "from", start - lead - 1, end  # 自X至Y: a period
        return None, start, end
    if m.group("y") and _g(m, "d") and pats["range_to"].match(text, end):
        return "from", start, end  # 2023年5月22日至5月26日: a dated range starts here; its end, read as an until,
        # has a month (so both ends are reported, or neither: 10月24日至26日 is one event's dates)
    if m.group("yend") or _g(m, "mend"):
        return "by", start, end  # 2022 年年末目标: a year's or month's end is a deadline
    if re.search(r"(?:到|力争到|争取到)$", before):
        word = re.search(r"(?:到|力争到|争取到)$", before).group(0)
        return "by", start - lead - len(word), end
    return None, start, end
