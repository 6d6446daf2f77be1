"""Thresholds: money, percentages, 百分点, ratios, counts, durations and areas, with their comparators.

`find_thresholds(text)` matches on characters only (never on word tokens) and converts numerals only inside
a matched span, so running text such as 一般 or 一次性 is never read as a number. After it, every `Found`
has `data` = {value, unit, comparator, subject} (plus `min`/`max` for ranges and `per` for rates), values
exact (int or Decimal), and none of these is reported: dates and years, 文号, article numbers (第77次),
phone numbers, postcodes, URLs, page numbers, named programmes (五个一, 六稳六保), bare numbers.
Vocabulary (units, classifiers, comparators, subjects, programmes) lives in `extract/data/`.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ..lexicon import vocab
from ..lexicon.numerals import DIGITS, GROUPING, divide, parse_number, scale, to_ascii_digits
from ..lexicon.spacing import SP, WS, drop_spaces
from .dates import is_ban as _is_ban, looks_back as _looks_back
from .found import Found

CN = "零〇○一二两三四五六七八九十百千万亿壹贰貮叁參肆伍陆柒捌玖拾佰仟"
CN_START = "零〇○一二两三四五六七八九十壹贰貮叁參肆伍陆柒捌玖拾"
CN_DIGIT = "零〇○一二两三四五六七八九壹贰貮叁參肆伍陆柒捌玖"
_D = "[0-9０-９]"
# Arabic: digits grouped by commas of any width (1,000 / 1，000) or not, then decimals of any length.
ARABIC = (rf"(?<![0-9０-９.．A-Za-zＡ-Ｚａ-ｚ/])(?:{_D}{{1,3}}(?:[{GROUPING}]{_D}{{3}}(?!{_D}))+|{_D}+)"
          rf"(?:[.．]{_D}+)?")
# Chinese: the integer grammar of lexicon.numerals, then decimals after 点 (二十二点五万, 一点五亿).
CHINESE = rf"(?<![{CN}])(?<![{CN}]点)[{CN_START}][{CN}]*(?:点[{CN_DIGIT}]+[万亿]*)?"
NUM = rf"(?:{ARABIC}|{CHINESE})"
# the characters a NUM starts with, as a lookahead leading a pattern: the regex engine then rejects most
# positions of a text with one test instead of entering both alternatives and their lookbehinds
NUM_FIRST = rf"(?=[0-9０-９{CN_START}])"
# 半年, 半个月: a half as the number of a duration (not 上半年 or 每半年, a part of a year or a schedule)
HALF = r"(?<![每一多大上下前后])半(?=年(?!度)|个月)"
SCALES = {"万": 10**4, "亿": 10**8, "千": 1000, "百": 100, "万亿": 10**12}
CONNECTOR = r"[至到\-－—～~〜]"
CLAUSE_END = "，。；：！？,;!?\n（）()"
SENTENCE_END = "。；！？;!?\n"
ARABIC_ONLY = ("角", "分")  # 十分重要, 三角形: only 1角, 5分 are money
MONEY_NOT = "化旦月年宵素首件老帅论结构整体"  # 一元化, 二元结构, 元旦… are not money


@lru_cache(maxsize=None)
def _unit_table() -> dict[str, tuple[str, str, int]]:
    """Word as written -> (kind, contract unit, multiplier)."""
    table: dict[str, tuple[str, str, int]] = {}
    for word in vocab.words("classifiers.txt"):
        table[word] = ("count", word, 1)
    for word, unit in vocab.mapping("duration_units.tsv").items():
        table[word] = ("duration", unit, 1)
    for word, unit in vocab.mapping("area_units.tsv").items():
        table[word] = ("area", unit, 1)
    for word, factor in vocab.mapping("money_units.tsv").items():
        table[word] = ("money", "CNY", Decimal(factor))
    table["个百分点"] = ("pp", "pp", 1)
    table["百分点"] = ("pp", "pp", 1)
    return table


@lru_cache(maxsize=None)
def _patterns():
    words = sorted(_unit_table(), key=lambda w: (-len(w), w))
    unit_alt = "|".join(re.escape(w) for w in words)
    per_alt = vocab.alternation("per_units.txt")
    main = re.compile(
        rf"(?=[0-9０-９{CN_START}半])(?P<num>{NUM}|{HALF}){SP}(?:(?P<pct>[%％‰])|(?P<scale>万亿|[万亿](?!元))?{SP}(?P<unit>{unit_alt}))"
        rf"(?:{SP}[/／]{SP}(?P<per>{per_alt})(?:[·•・/／](?P<per2>{per_alt}))?)?"
    )
    pct_cn = re.compile(rf"(?P<base>百分之|千分之|万分之)(?P<num>{NUM}|百(?![分万亿千]))(?:点(?P<frac>[{CN}]+))?")
    term = rf"{_D}{{1,4}}(?:[.．]{_D}+)?"
    ratio = re.compile(rf"(?<![0-9０-９:：.．])(?P<parts>{term}(?:{SP}[:：]{SP}{term})+)(?![0-9０-９:：.．])")
    before = [(w, c) for w, c, where in vocab.rows("comparators.tsv") if where == "before"]
    adjacent = [(w, c) for w, c, where in vocab.rows("comparators.tsv") if where == "adjacent"]
    after = [(w, c) for w, c, where in vocab.rows("comparators.tsv") if where == "after"]

    def alt(pairs):
        return "|".join(re.escape(w) for w, _ in sorted(pairs, key=lambda p: -len(p[0])))

    before_re = re.compile(rf"(?:{alt(before)})(?!人民(?!币)|额度)")  # 不低于人民群众…, but 不低于人民币2000万元
    adjacent_re = re.compile(rf"(?:{alt(adjacent + before)}){SP}$")
    after_re = re.compile(rf"^{SP}(?:{alt(after)})(?!简称|各项|列|述|规定|情形|几种)")
    subject_re = re.compile(vocab.alternation("subjects.tsv"))
    programme_first = "".join(sorted({re.escape(w[0]) for w in vocab.words("named_programmes.txt")}))
    programme_re = re.compile(rf"(?=[{programme_first}])(?:{vocab.alternation('named_programmes.txt')})")
    per_before = re.compile(rf"((?:每(?:{per_alt}))+){SP}$")
    bare_before = re.compile(rf"(?P<num>{NUM}){SP}(?P<scale>万亿|[万亿千](?![元{CN}]))?{SP}(?P<conn>{CONNECTOR}){SP}$")
    # 5万元以上10万以下: the high end of a money range printed without 元 (it takes the low end's unit)
    bare_after = re.compile(rf"{SP}(?:及以上|以上){SP}(?P<num>{NUM}){SP}(?P<scale>万亿|[万亿千])?{SP}(?:以下|及以下)")
    comparators = {w: c for w, c, _ in vocab.rows("comparators.tsv")}
    return dict(main=main, pct_cn=pct_cn, ratio=ratio, before=before_re, adjacent=adjacent_re, after=after_re,
                subject=subject_re, programme=programme_re, per_before=per_before, bare_before=bare_before,
                bare_after=bare_after,
                comparators=comparators, per_re=re.compile(rf"每({per_alt})"))


@lru_cache(maxsize=4096)
def _number(s: str) -> int | Decimal | None:
    """The value of a matched numeral, remembered by spelling (二十, 十二 recur in every document; the
    values, int and Decimal, are immutable)."""
    s = drop_spaces(s)
    if s == "半":
        return Decimal("0.5")
    if s and s[0] in DIGITS and not s[0].isdigit() and len(s) > 1 and all(ch in DIGITS for ch in s):
        return None  # 二〇二三: a year spelt digit by digit, not a quantity
    value = parse_number(s)
    return value


def _clause_start(text: str, pos: int, ends: str = CLAUSE_END) -> int:
    i = pos - 1
    while i >= 0 and text[i] not in ends:
        i -= 1
    return i + 1


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """Inside “…” of at most 10 characters: a slogan or programme name (“五个一”), not a quantity."""
    left = text.rfind("“", max(0, start - 10), start + 1)
    if left < 0:
        return False
    right = text.find("”", end - 1, end + 10)
    return right >= 0 and right - left <= 11 and "”" not in text[left + 1:start]


_DAY = r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})"
# A time of day (晚8时40分, 20时35分, 上午7:30, 9:00-12:00) and the day of the month before one (19日晚8时):
# 分 there is minutes, not money, and 19日 a date, not a duration.
_HOUR = r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})"
_DAYPART = r"(?:上午|下午|中午|晚上|晚|早上|早晨|早|凌晨|傍晚|夜间)"
_CLOCK = re.compile(rf"(?:{_DAY}[ \t\u3000]*[日号][ \t\u3000]*)?(?:{_DAYPART}[ \t\u3000]*{_HOUR}[ \t\u3000]*[时点](?:[ \t\u3000]*{_HOUR}[ \t\u3000]*分)?"
                    rf"|{_HOUR}[ \t\u3000]*[时点][ \t\u3000]*{_HOUR}[ \t\u3000]*分"
                    rf"|{_DAYPART}[ \t\u3000]*[0-9０-９]{{1,2}}[:：][0-9０-９]{{2}})")
# 五分之一 = 20%, 四分之三 = 75% (only fractions with an exact percentage); 一半 and 半数 = 50% beside a
# comparator (一半以上, 半数以上, 超过半数); 过半数 (a majority) is more than 50%
_FRACTION = re.compile(r"(?<![百千万])(?P<den>十|[二三四五六七八九]|[2-9]|10)分之(?P<num>[一二三四五六七八九]|[1-9])(?![0-9十百])"
                       r"|(?P<majority>(?<![超经通])过半数)|(?P<half>一半|(?<![大多])半数)")


def _beside_comparator(text: str, start: int, end: int, pats) -> bool:
    """A comparator stands just before text[start:end] (不超过, 超过 …) or after it (以上, 以内 …)."""
    return (any(start - b.end() <= 4 for b in pats["before"].finditer(text, _clause_start(text, start), start))
            or bool(pats["adjacent"].search(text[max(0, start - 6):start]))
            or bool(pats["after"].match(text[end:end + 6])))


def _terminates(den: int) -> bool:
    """1/den has a finite decimal expansion (den = 2^a 5^b)."""
    for p in (2, 5):
        while den % p == 0:
            den //= p
    return den == 1


_DAY_LIST = re.compile(rf"月[ \t\u3000]*{_DAY}[ \t\u3000]*日(?:[ \t\u3000]*[、，,和及至到\-－—～~][ \t\u3000]*{_DAY}[ \t\u3000]*[日号])+")


_ARABIC_DIGITS = frozenset("0123456789０１２３４５６７８９")
_WITHIN = re.compile(rf"{SP}(?:之内|内)")
_TIME_LIMIT = re.compile(r"时限(?:为|是)?$")
# 六个月内两次发生…事故: a window in which events are counted (le), not the time limit of an act
_TIMES_IN = re.compile(rf"{SP}(?:(?:累计|连续|先后)?(?:[两二三四五六七八九十]|[0-9]+)次"
                       rf"|[^，,。；;]{{1,16}}?(?:(?:累计|连续|先后)(?:[两二三四五六七八九十]|[0-9]+)次|(?:[两二三四五六七八九十]|[0-9]+)次以上))")
# (五年内实施两次以上商标侵权行为, 一年内被投诉服务质量事件三次以上: the window the acts are counted in)
# 原决定期限的1/2 (a share of something named before it), not a date (2022/1/2) nor a ratio of counts
_SLASH_FRACTION = re.compile(r"(?<=的)(?P<num>[1-9])/(?P<den>[2-9]|10)(?![0-9/])")
_WINDOW_BEFORE = re.compile(rf"(?<!以)前[0-9{CN}]+个?(?:工作日|日|天|月|年)至$")
_OBLIGED_IN = re.compile(r"(?:应当|应|须|必须)(?:在|于)[^，。；]{0,6}$")
_KEPT = re.compile(r"(?:保存|留存|保管|保留)(?:期限)?(?:为)?$")
_MAY_HAVE_NUMBER = re.compile(rf"[0-9０-９{CN}%％半]")
# a provision's own label, whose numerals are never a threshold (only a gate: the whole text is read)
_LABEL = re.compile(r"[ \t\u3000]*(?:第[零〇一二三四五六七八九十百千]+条|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")


def find_thresholds(text: str) -> list[Found]:
    """Every threshold in `text`, in order, with spans relative to `text`."""
    label = _LABEL.match(text)
    if not _MAY_HAVE_NUMBER.search(text, label.end() if label else 0):
        return []  # no digit, numeral or 百分之 past the label (第十条, （三）): most provisions of a law
    pats = _patterns()
    items: list[dict] = []
    taken = [False] * (len(text) + 1)

    def claim(a: int, b: int) -> bool:
        if any(taken[a:b]):
            return False
        for k in range(a, b):
            taken[k] = True
        return True

    # Named programmes are never quantities: claim them first.
    for m in pats["programme"].finditer(text):
        claim(m.start(), m.end())

    # The bound a bracket excludes (一万元以上（不含一万元）) is no threshold of its own: the one before it is strict.
    for m in (_EXCLUDED_BOUND.finditer(text) if "不" in text else ()):
        claim(m.start(), m.end())

    # Days of a month listed after a date ('10月1日、2日、3日') are dates, not durations.
    for m in _DAY_LIST.finditer(text):
        claim(m.start(), m.end())

    for m in (_CLOCK.finditer(text) if "时" in text or "点" in text or ":" in text or "：" in text else ()):
        claim(m.start(), m.end())

    for m in (pats["ratio"].finditer(text) if ":" in text or "：" in text else ()):  # a ratio has a colon
        parts = [p.strip(WS) for p in re.split(r"[:：]", m.group("parts"))]
        parts = [to_ascii_digits(p) for p in parts]
        if len(parts) in (2, 3) and all(len(p) == 2 and p.isdigit() for p in parts[1:]) and \
                (parts[1].startswith("0") or len(parts) == 3):
            continue  # 8:00 and 8:30:00 are times
        tail = text[m.end():m.end() + 2]
        if re.match(rf"{SP}[-－—～~至到]", tail):
            continue
        if claim(m.start(), m.end()):
            items.append(dict(kind="ratio", start=m.start(), end=m.end(), value=":".join(parts), unit="ratio"))

    for m in (_FRACTION.finditer(text) if "分之" in text or "半" in text else ()):
        if m.group("majority"):
            if claim(m.start(), m.end()):
                items.append(dict(kind="percent", start=m.start(), end=m.end(), value=50, unit="%", comparator="gt"))
            continue
        if m.group("half"):
            value = 50
            if not _beside_comparator(text, m.start(), m.end(), pats):
                continue  # 一半 counts only with a comparator: 一半以上, 超过一半
        else:
            den, num = _number(m.group("den")), _number(m.group("num"))
            if not den or not num or num >= den or not _terminates(den):
                continue  # 三分之一 has no exact percentage: left out rather than rounded
            q = Decimal(num * 100) / Decimal(den)  # exact: den is 2^a 5^b and both are below 11
            value = int(q) if q == q.to_integral_value() else q.normalize()
        if claim(m.start(), m.end()):
            items.append(dict(kind="percent", start=m.start(), end=m.end(), value=value, unit="%"))

    for m in (_SLASH_FRACTION.finditer(text) if "/" in text else ()):
        den, num = int(m.group("den")), int(m.group("num"))  # 期限的1/2: a share written with a slash
        if num >= den or not _terminates(den):
            continue
        q = Decimal(num * 100) / Decimal(den)
        if claim(m.start(), m.end()):
            items.append(dict(kind="percent", start=m.start(), end=m.end(),
                              value=int(q) if q == q.to_integral_value() else q.normalize(), unit="%"))

    for m in pats["pct_cn"].finditer(text):
        value = 100 if m.group("num") == "百" else _number(m.group("num"))  # 百分之百
        if value is None:
            continue
        if m.group("frac"):
            digits = "".join(str(DIGITS.get(ch, "")) for ch in m.group("frac"))
            value = Decimal(f"{value}.{digits}")
        if m.group("base") == "千分之":
            value = divide(value, 10)
        elif m.group("base") == "万分之":
            value = divide(value, 100)
        if claim(m.start(), m.end()):
            items.append(dict(kind="percent", start=m.start(), end=m.end(), value=value, unit="%"))

    table = _unit_table()
    for m in pats["main"].finditer(text):
        num = m.group("num")
        is_cn = num[0] not in _ARABIC_DIGITS
        value = _number(num)
        if value is None or value == 0 and is_cn:
            continue
        ban = kept = False
        start, end = m.start(), m.end()
        before = start  # text[:before] is the text before the match less the spaces right before it
        while before > 0 and text[before - 1] in " \t\u3000":
            before -= 1
        if text.endswith("第", 0, before):
            continue  # an ordinal: 第77次, 第三条
        nxt = text[end:end + 1]
        if m.group("pct"):
            kind, unit, factor = "percent", "%", 1
            if m.group("pct") == "‰":
                value = divide(value, 10)  # 采购金额5‰: 0.5 %
        else:
            kind, unit, factor = table[m.group("unit")]
            if m.group("scale"):
                factor *= SCALES[m.group("scale")]
            if kind == "money" and (nxt and nxt in MONEY_NOT or is_cn and m.group("unit") in ARABIC_ONLY):
                continue
            if kind == "money" and m.group("unit") == "分" and not _a_cent(text, start, before):
                continue  # 记12分 (points): 分 is a cent after 元 or 角 (3元5角2分) or beside an amount's words
            if nxt and (nxt == "性" or kind == "count" and nxt in "级度"):
                continue  # 一次性, 二级
            if kind == "duration":
                if unit == "year" and (value >= 200 or nxt and nxt in "月度底末初中"):
                    continue  # a year (2022年), not a duration
                if unit == "day" and m.group("unit") == "日" and (text.endswith("月", 0, before) or nxt and nxt in "前起"):
                    continue  # a day of the month
                if text.endswith("每", 0, before):
                    continue  # 每5年联合检查一次: a schedule (a recurrence), not a bound
                look_back = _WITHIN.match(text, end) is not None and _looks_back(text, before, unit) \
                    and not _WINDOW_BEFORE.search(text, max(0, before - 12), before)
                if look_back:
                    ban = True  # 参加采购活动前3年内与供应商存在劳动关系: the window looked back on (le)
                elif text.endswith("前", 0, before) and not text.endswith("以前", 0, before) \
                        or _WINDOW_BEFORE.search(text, max(0, before - 12), before):
                    continue  # 有效期届满前90个工作日至30个工作日期间: a window before a date, a deadline
                if nxt == "前" or _TIME_LIMIT.search(text, max(0, before - 4), before):
                    continue  # 有效期届满6个月前 (a date before another), 技术审评时限为60日 (the time limit of an act)
                within = _WITHIN.match(text, end)
                at_least = text.endswith("至少", 0, before)  # 至少两年内的保修责任: a minimum length, ge
                if text.endswith("延长", 0, before):
                    continue  # 可以延长30个工作日: the extension of a time limit, not a bound
                counted = bool(within) and _TIMES_IN.match(text, within.end()) is not None
                if within and not at_least and not counted and not look_back and not _is_ban(text, start, within.end()):
                    continue  # 6个月内: the time limit of an action, a deadline (dates.py); 两个月以内 is le
                if text.startswith("以内", end) and _OBLIGED_IN.search(text, max(0, before - 8), before):
                    continue  # 应当在二十四小时以内，通知…: the time limit of an action
                ban = ban or bool(within) and not at_least
                kept = bool(_KEPT.search(text, max(0, before - 6), before))  # 记录应当保存二年: how long (eq;
                # a Chinese numeral needs no comparator here)
        if kind in ("count", "duration") and is_cn and not ban and not kept:
            if not _beside_comparator(text, start, end, pats):
                continue  # 一批, 十项措施, 三品: Chinese numerals count only with a comparator
        if _in_short_quote(text, start, end) and is_cn:
            continue
        if factor != 1:
            value = scale(value, factor)
        item = dict(kind=kind, start=start, end=end, value=value, unit=unit, scaled=bool(m.group("scale")))
        if ban:
            item["ban"] = True
        if m.group("per"):
            item["per"] = m.group("per") + ("/" + m.group("per2") if m.group("per2") else "")
        if claim(start, end):
            items.append(item)

    if "倍" in text:  # 价值50%以上1倍以下的罚款: a multiple as the upper end of a range of percentages
        for m in _TIMES_AFTER_PERCENT.finditer(text):
            if any(it["kind"] == "percent" and it["end"] == m.start() for it in items):
                times = _number(m.group("n"))
                multiple = [it for it in items if it["start"] == m.start() + 2 and it["unit"] == "倍"]
                if times and (multiple or claim(m.start() + 2, m.end())):
                    items = [it for it in items if it not in multiple]
                    items.append(dict(kind="percent", start=m.start() + 2, end=m.end(), value=times * 100, unit="%"))
    items = [it for it in items if not _in_formula(text, it["start"])
             and not (it["kind"] == "duration" and text[max(0, it["start"] - 3):it["start"]].rstrip(WS).endswith("提前"))]
    items.sort(key=lambda it: it["start"])
    items = _merge_ranges(text, items)
    return _merge_repeats(text, [f for f in (_finish(text, it, pats) for it in items) if f is not None])


_UP_TO_WHOLE = re.compile(rf"{SP}以上{SP}等值{SP}以下")
_EXCLUSIVE = re.compile(r"[（(]不含[）)]")
_EXCLUDED_BOUND = re.compile(r"[（(]不(?:含|包括)本数[）)]|[（(]不(?:含|包括)[^（）()，。；]{1,16}?[）)]")
_TIMES_AFTER_PERCENT = re.compile(r"以上(?P<n>[一二两三四五六七八九十]|[1-9]|10)倍(?=以下)")
_CENT_CONTEXT = re.compile(r"税额|金额|尾数|价款|票价|单价|角")


def _a_cent(text: str, start: int, before: int) -> bool:
    """N分 is money (a cent) right after 元 or 角, or in a sentence about an amount (税额尾数不满5分的不计,
    满5分的按1角计算); 记12分, 扣6分 are points."""
    if text[:before].endswith(("角", "元")):
        return True
    a = max(text.rfind(ch, 0, start) for ch in "。；;\n") + 1
    b = min([i for i in (text.find(ch, start) for ch in "。；;\n") if i >= 0] or [len(text)])
    return bool(_CENT_CONTEXT.search(text, a, b))


FORMULA_BEFORE = ("×", "✕", "*", "÷", "乘以", "除以")


def _in_formula(text: str, start: int) -> bool:
    """A factor of a computation rule (…/出院人数×100%, ×10000) is not a threshold; nor is the notice
    period of an action (提前30天公示: a relative deadline), filtered by the caller."""
    return text[max(0, start - 4):start].rstrip(WS).endswith(FORMULA_BEFORE)


def _merge_repeats(text: str, found: list[Found]) -> list[Found]:
    """满十年和十年以上 states one condition twice: keep one value spanning both."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and prev.data == f.data and re.fullmatch(rf"{SP}(?:和|及|或者|或){SP}",
                                                                    text[prev.end:f.start]):
            out[-1] = Found(prev.label, prev.start, f.end, text[prev.start:f.end], prev.data)
            continue
        out.append(f)
    return out


def _merge_ranges(text: str, items: list[dict]) -> list[dict]:
    """X以上Y以下, X至Y, X-Y (also a bare X: 5至10万元, 5-10%) become one `range` item."""
    pats = _patterns()
    out: list[dict] = []
    for it in items:
        prev = out[-1] if out else None
        high = it["value"]
        if prev is not None and prev["kind"] == it["kind"] == "duration" and prev["unit"] == "month" \
                and it["unit"] == "year" and "min" not in it and high is not None:
            high = high * 12  # 6个月以上1年以下: 6 to 12 months (only if the two make a range)
            same_unit = True
        else:
            same_unit = prev is not None and prev["unit"] == it["unit"]
        if prev is not None and prev["kind"] == it["kind"] and same_unit and "min" not in prev:
            between = text[prev["end"]:it["start"]]
            after = pats["after"].match(text[it["end"]:it["end"] + 6])
            upper = after and pats["comparators"][after.group(0).strip(" \t\u3000")] in ("le", "lt")
            if (re.fullmatch(rf"{SP}(?:及以上|以上){SP}", between) and upper) or \
                    re.fullmatch(rf"{SP}{CONNECTOR}{SP}", between) or \
                    re.fullmatch(rf"{SP}(?:及以上|以上){SP}(?:未达到|未达|不足|不到|低于){SP}", between):
                # 百分之五十以上未达到百分之百: from 50 up to (not including) 100
                end = it["end"] + (after.end() if upper else 0)
                out[-1] = dict(prev, kind=it["kind"], end=end, min=prev["value"], max=high, value=None,
                               range=True)
                continue
        whole = _UP_TO_WHOLE.match(text, it["end"]) if it["unit"] == "%" and "min" not in it else None
        if whole:  # 处逃汇金额30%以上等值以下的罚款: from 30 % up to the whole amount
            out.append(dict(it, end=whole.end(), min=it["value"], max=100, value=None, range=True))
            continue
        if it["kind"] == "money" and "min" not in it and text.startswith(("以上", "及以上"), it["end"]):
            bare_high = pats["bare_after"].match(text, it["end"])
            high = _number(bare_high.group("num")) if bare_high else None
            if high is not None:
                high = scale(high, SCALES[bare_high.group("scale")]) if bare_high.group("scale") else high
                if it["value"] is not None and high > it["value"]:
                    out.append(dict(it, end=bare_high.end(), min=it["value"], max=high, value=None, range=True))
                    continue
        if it["kind"] not in ("ratio",):
            bare = pats["bare_before"].search(text[max(0, it["start"] - 24):it["start"]])
            if bare:
                low = _number(bare.group("num"))
                if low is not None and not text[:it["start"] - len(bare.group(0))].rstrip().endswith("第"):
                    low = _shared_scale(low, bare.group("scale"), it, text[it["start"]:it["end"]])
                    start = it["start"] - len(bare.group(0))
                    if not (out and out[-1]["end"] > start):
                        after = pats["after"].match(text[it["end"]:it["end"] + 6])
                        end = it["end"] + (after.end() if after else 0)
                        out.append(dict(it, start=start, end=end, min=low, max=it["value"], value=None, range=True))
                        continue
        out.append(it)
    return out


def _shared_scale(low, own: str | None, high: dict, high_raw: str):
    """The low end of a range written without its unit takes the high end's: 5至10万元 is 50000 to
    100000, 十五至二十二点五万元 150000 to 225000; with a scale of its own it keeps it (1万至5万元), and
    a low end that the shared scale would put above the high end is in the base unit (5000至1万元)."""
    if own:
        return scale(low, SCALES[own])
    if not (high.get("scaled") or high["kind"] == "money"):
        return low
    mult = _scale_of(high_raw)
    if mult == 1 or high["value"] is None:
        return low
    scaled = scale(low, mult)
    return scaled if scaled <= high["value"] else low


def _scale_of(raw: str) -> int:
    if "万亿" in raw:
        return 10**12
    if "亿" in raw:
        return 10**8
    if "万" in raw:
        return 10**4
    if "千" in raw:
        return 1000
    return 1


def _finish(text: str, it: dict, pats) -> Found:
    start, end = it["start"], it["end"]
    data = {"value": it["value"], "unit": it["unit"]}
    if it.get("range"):
        comparator = "range"
        data["min"], data["max"] = it["min"], it["max"]
    elif it.get("comparator"):
        comparator = it["comparator"]  # 过半数
    elif it.get("ban"):
        comparator = "le"  # 三年内不得再次申请: a ban lasts at most that long
        end = _WITHIN.match(text, end).end()
    else:
        comparator = "eq"
        exclusive = _EXCLUSIVE.match(text, end)  # 二百元（不含）以上: strictly more than 200
        after = pats["after"].match(text[exclusive.end() if exclusive else end:end + 10])
        adjacent = pats["adjacent"].search(text[max(0, start - 6):start])
        cstart = _clause_start(text, start)
        befores = list(pats["before"].finditer(text, cstart, start))
        if after:
            comparator = pats["comparators"][after.group(0).strip(" \t\u3000")]
            if comparator == "ge" and adjacent and ("仍" in after.group(0) or "后" in after.group(0)) \
                    and pats["comparators"][adjacent.group(0).strip(" \t\u3000")] == "gt":
                comparator = "gt"  # 超过3个月仍未缴纳: more than three months (仍未 says it lasted, 超过 how long)
            if exclusive:
                comparator = {"ge": "gt", "le": "lt"}.get(comparator, comparator)
                end = exclusive.end()
            end += after.end()
            excluded = _EXCLUDED_BOUND.match(text, end)  # 一万元以上（不含一万元）: strictly more (docs/golden.md)
            if excluded and not exclusive:
                comparator = {"ge": "gt", "le": "lt"}.get(comparator, comparator)
                end = excluded.end()
        elif adjacent:
            comparator = pats["comparators"][adjacent.group(0).strip(" \t\u3000")]
            word_start = start - len(adjacent.group(0))
            earlier = [b for b in befores if b.end() <= word_start and word_start - b.end() <= 4]
            if comparator == "eq" and earlier:
                comparator = pats["comparators"][earlier[-1].group(0)]  # 最低保修期限为五年: ge
        elif befores and _carries(text, befores[-1].end(), start):
            comparator = pats["comparators"][befores[-1].group(0)]
        if adjacent:
            start -= len(adjacent.group(0))
        if comparator == "approx" and it["kind"] == "duration" and adjacent and adjacent.group(0).strip() == "近":
            comparator = "le"  # 近二年…发生过事故, 近3年无违法记录: the window looked back on (test10, test11)
    if comparator == "eq":
        implied = _implied(text, it["start"], pats)
        comparator = implied or comparator
    data["comparator"] = comparator
    if it["kind"] == "money":
        per = it.get("per")
        if per is None:
            pb = pats["per_before"].search(text[max(0, start - 12):start])
            if pb:
                per = "/".join(re.findall(r"每(.+?)(?=每|$)", pb.group(1).strip()))
            else:
                cstart = _clause_start(text, start)
                found = pats["per_re"].findall(text, cstart, start)
                per = found[-1] if found else None
        if per is not None:
            data["per"] = per
    data["subject"] = _subject(text, it["start"], end, pats)
    return Found("THRESHOLD", start, end, text[start:end], data)


_LAST_YEAR = re.compile(r"上一?(?:个)?(?:年度|年|季度|月)")


def _carries(text: str, a: int, b: int) -> bool:
    """A comparator word reaches a value unless another value stands between them other than in a list:
    分别不得超过…2.5%、5%、10% (all le) but 低于三十元的按三十元发给 (the second is eq)."""
    between = _LAST_YEAR.sub(lambda m: "　" * len(m.group(0)), text[a:b])  # (上一年度居民人均收入的2.5%)
    pats = _patterns()
    last = None
    for m in pats["main"].finditer(between):
        last = m
    if last is None:
        return True
    return bool(re.fullmatch(rf"{SP}[、,，和及或]{SP}", between[last.end():]))


def _implied(text: str, start: int, pats) -> str | None:
    """The comparator a subject implies when the value follows it directly: 支付限额为1500元 -> le."""
    a = _clause_start(text, start)
    found = list(pats["subject"].finditer(text, a, start))
    if not found or not re.fullmatch(rf"{SP}(?:为|是|[:：])?{SP}", text[found[-1].end():start]):
        return None
    return vocab.mapping("subjects.tsv").get(found[-1].group(0)) or None


def _subject(text: str, start: int, end: int, pats) -> str | None:
    """The nearest subject term before the value in its clause, else one right after it (…元以下罚款)."""
    a = _clause_start(text, start)
    found = list(pats["subject"].finditer(text, a, start))
    if found:
        return found[-1].group(0)
    m = pats["subject"].match(text, end, min(len(text), end + 12))
    return m.group(0) if m else None
