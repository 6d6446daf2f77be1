"""Responsible units: 责任单位/牵头单位/配合单位 lists, `X牵头，Y配合`, `由X负责`, `X负责…`, and the competent
departments of regulations (`县级以上人民政府环境卫生行政主管部门负责…`).

`find_units(text, place=...)` matches on characters (never on word tokens: jieba glues 经市|财政局) and returns
`Found`s whose `data` = {name, role, inherited: False}. Names are canonical:
- an unprefixed name in a list takes the list's level prefix (`市税务局、财政局` -> 市税务局, 市财政局), unless it
  is already complete: it starts with the document's place (`三门峡海关`), or a start listed in
  `data/unit_keep_starts.txt` (`人行三门峡市中心支行`);
- aliases come from `data/unit_aliases.tsv` (`发改委` -> `发展改革委`);
- a county placeholder (`各县〔市、区〕政府`) is one unit, its brackets as printed;
- a suffix shared by a list is distributed (`城乡一体化示范区、经济开发区管委会` -> two 管委会).
Units named by a scope rule (`以下均含各县〔市、区〕政府…，不再逐一列出`) come back with `scope="later"`:
`run.annotate` adds them to the later provisions of the document with `inherited: true`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import vocab
from ..lexicon.brackets import clause_start
from ..lexicon.numbering import match_label
from ..lexicon.spacing import SP, WS
from .duties import find_duties
from .unit_names import Prefix, canonical as names_canonical, level_of, starts_like_pronoun
from .found import Found

OPEN = "（(〔［[【"
CLOSE = "）)〕］]】"
SPACE = WS
LEVELS = "市县区省"
CLAUSE_END = "，。；：！？,;:!?\n"
FOLD = str.maketrans({"（": "〔", "(": "〔", "［": "〔", "[": "〔", "）": "〕", ")": "〕", "］": "〕", "]": "〕"})
SCOPE = re.compile(rf"[，,]?{SP}以下(?:均|都|皆)?(?:含|包括)(?P<scope>.+?)[，,]{SP}不再(?:逐一|一一)?列出")
# 本市各级爱国卫生运动委员会, 本省各级人民政府: a local regulation naming its own region's bodies
LOCAL_STARTS = ("本市各级", "本省各级", "本县各级", "本区各级", "本自治区各级", "本市人民政府", "本省人民政府")
GENERIC_NOUNS = {"单位", "部门", "机关", "组织", "个人", "社会", "企业", "政府"}
PRONOUN_STARTS = ("该", "本", "其", "此", "每", "上述", "有关", "相关", "其他", "其它", "对", "由", "在", "经", "将")
NOT_IN_NAME = ("或者", "或", "及其", "以及", "的", "为", "是", "按照", "依照", "依据", "设在", "设于", "位于", "应当", "设立", "成立")


@lru_cache(maxsize=None)
def _vocab():
    suffixes = vocab.words("unit_suffixes.txt")
    labels = vocab.mapping("unit_labels.tsv")
    role_words = vocab.mapping("unit_role_words.tsv")
    label_re = re.compile(rf"(?P<label>{vocab.alternation('unit_labels.tsv')}){SP}[:：]")
    role_re = re.compile(rf"(?P<word>{vocab.alternation('unit_role_words.tsv')})")
    # the listed adverbials, and '在本级人民政府领导下，' (under whose leadership the unit acts)
    adverbs = re.compile(rf"(?:{vocab.alternation('unit_adverbials.txt')}"
                         rf"|在[^，。；、]{{1,16}}(?:统一)?(?:领导|指导|组织|协调)下[，,]?)+$")
    suffix_re = re.compile(rf"(?:{'|'.join(re.escape(s) for s in suffixes)})$")
    return dict(suffixes=suffixes, labels=labels, role_words=role_words, label_re=label_re, role_re=role_re,
                adverbs=adverbs, suffix_re=suffix_re)


def find_units(text: str, *, place: str | None = None, aliases: dict | None = None,
               regulation: bool = False, after_competent: bool = False) -> list[Found]:
    """Every unit named in `text` (spans relative to `text`); `place` is the document's place (三门峡),
    `aliases` the document's abbreviations of units (执委会 -> 示范区执行委员会); `regulation`: the text is
    from a regulation in articles (X负责…工作 names the competent department); `after_competent`: an earlier
    provision of the document named a competent unit (a list 在各自职责范围内履行…职责 then supports it)."""
    v = _vocab()
    out: list[Found] = []
    covered: list[tuple[int, int]] = []
    # every label ends in 单位, 部门 or 主体
    labels = list(v["label_re"].finditer(text)) if "单位" in text or "部门" in text or "主体" in text else []
    for i, m in enumerate(labels):
        body_start = m.end()
        opened = _opened_before(text, m.start())
        stop = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        body_end = _body_end(text, body_start, stop, opened)
        role = v["labels"][m.group("label")]
        out += parse_list(text, body_start, body_end, role, place)
        covered.append((m.start(), body_end))
    trailing = _trailing_parenthetical(text, place)
    if trailing and not any(a <= trailing[0] < b for a, b in covered):
        items = _items(text, trailing[0], trailing[1])
        if items and all(_looks_like_unit(text[a:b], place) for a, b in items):
            out += parse_list(text, trailing[0], trailing[1], "responsible", place)
            covered.append(trailing)
    out += [f for f in find_duties(text, covered, place, aliases, regulation, after_competent)
            if not _UNNAMED_BODIES.search(f.data["name"])]
    out.sort(key=lambda f: (f.start, f.end))
    return _same_units_once(text, out)


# 市相关部门, 国务院有关部门, 市、县（市、区）有关部门, 同级其他有关部门: bodies of a level the text does not name
# (docs/golden.md: 有关部门 is no unit, whatever level is printed or inherited before it); a 责任单位 list's
# entries are what the notice names and are kept
_UNNAMED_BODIES = re.compile(r"(?:有关|相关|其他|其它)(?:行政管理|行政主管|主管|行政)?(?:部门|单位|机构|机关|方面)$")


def _same_units_once(text: str, found: list[Found]) -> list[Found]:
    """Each unit is reported once per sentence and role (a list naming a department twice)."""
    out: list[Found] = []
    seen: set[tuple[str, str, str | None, int]] = set()
    for f in found:
        sentence = sum(text.count(ch, 0, f.start) for ch in "。；;\n")
        key = (f.data["name"], f.data["role"], f.scope, sentence)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


# -- lists --------------------------------------------------------------------------------------------
def _opened_before(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in SPACE:
        i -= 1
    return i >= 0 and text[i] in "（("


def _body_end(text: str, start: int, stop: int, opened: bool) -> int:
    """Where a list body ends: its closing bracket (when opened), or the end of the sentence or line."""
    depth = 0
    i = start
    while i < stop:
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            if depth == 0:
                return i
            depth -= 1
        elif ch in "。\n" and not opened and depth == 0:
            return i
        elif ch in "，,；;" and depth == 0 and _NEXT_KEY.match(text, i + 1):
            return i  # （负责部门：商务部，适用范围：福建自贸试验区）: another key ends the list
        elif ch == "\n" and text[i + 1:i + 2] == "\n" and depth == 0 and not _continues(text, i):
            return i
        i += 1
    return stop


_NEXT_KEY = re.compile(r"[ \t\u3000]*[\u4e00-\u9fff]{2,6}[:：]")


def _continues(text: str, i: int) -> bool:
    """A list broken by a page break (`市发展改革委、\\n\\n商务局`) goes on after the blank line."""
    j = i - 1
    while j >= 0 and text[j] in SPACE:
        j -= 1
    return j >= 0 and text[j] in "、，,"


def _split(text: str, a: int, b: int, seps: str) -> list[tuple[int, int]]:
    """Top-level pieces of text[a:b] between separators (brackets protect their contents)."""
    pieces = []
    depth = 0
    start = a
    for i in range(a, b):
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in seps:
            pieces.append((start, i))
            start = i + 1
    pieces.append((start, b))
    return pieces


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in SPACE + "\n":
        a += 1
    while b > a and text[b - 1] in SPACE + "\n":
        b -= 1
    return a, b


def _items(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The names of a list: split on 、，；, then on 和/及 where the left part is a complete name."""
    v = _vocab()
    out = []
    for pa, pb in _split(text, a, b, "、，,；;"):
        pa, pb = _trim(text, pa, pb)
        if pa >= pb:
            continue
        start = pa
        for m in re.finditer(r"和|及|以及", text[pa:pb]):
            left = text[start:pa + m.start()]
            if v["suffix_re"].search(left) and pa + m.end() < pb:
                out.append((start, pa + m.start()))
                start = pa + m.end()
        out.append((start, pb))
    return out


def parse_list(text: str, a: int, b: int, role: str, place: str | None) -> list[Found]:
    """A 责任单位-style list body text[a:b] into units; a scope rule inside it gives `scope='later'` units."""
    out: list[Found] = []
    body = text[a:b]
    scope = SCOPE.search(body)
    spans = [(a, b)]
    if scope:
        spans = [(a, a + scope.start()), (a + scope.end(), b)]
        out += _names(text, _items(text, a + scope.start("scope"), a + scope.end("scope")), role, place,
                      Prefix(), scope="later")
    prefix = Prefix()
    for sa, sb in spans:
        for seg_a, seg_b in _split(text, sa, sb, "，,；;"):
            seg_a, seg_b = _trim(text, seg_a, seg_b)
            if seg_a >= seg_b:
                continue
            seg_role = role
            tail = re.search(rf"(?:{vocab.alternation('unit_role_words.tsv')})$", text[seg_a:seg_b])
            if tail:
                seg_role = _vocab()["role_words"][tail.group(0)]
                seg_b -= len(tail.group(0))
            out += _names(text, _items(text, seg_a, seg_b), seg_role, place, prefix)
    return out


def _names(text: str, items: list[tuple[int, int]], role: str, place: str | None, prefix: Prefix,
           scope: str | None = None) -> list[Found]:
    v = _vocab()
    names = []
    for a, b in items:
        raw = text[a:b]
        name = re.sub(r"[ \t\u3000\n]+", "", raw)
        name = re.sub(r"等$", "", name)
        closed = _CLOSED_BY_CATEGORY.search(name)
        if closed and closed.start() >= 2:  # 人民银行等部门 -> 人民银行; 税务等部门 -> 税务部门
            left = name[:closed.start()]
            name = left if v["suffix_re"].search(left) else left + closed.group("head")
        if len(name) < 2:
            continue
        names.append([a, b, name])
    # a suffix shared by the list: 城乡一体化示范区、经济开发区、现代服务业开发区管委会
    for i, item in enumerate(names):
        if v["suffix_re"].search(item[2]) or item[2][-1] not in LEVELS:
            continue
        for later in names[i + 1:]:
            m = re.search(rf"[{LEVELS}](?P<tail>[^{LEVELS}]+)$", later[2])
            if m and v["suffix_re"].search(later[2]):
                item[2] += m.group("tail")
                break
    out = []
    for a, b, name in names:
        out.append(Found("UNIT", a, b, text[a:b], {"name": canonical(name, prefix, place), "role": role,
                                                   "inherited": False}, scope=scope))
    return out


_CLOSED_BY_CATEGORY = re.compile(r"等(?:有关|相关|其他)?(?P<head>部门|单位|机构|机关)$")


def canonical(name: str, prefix: Prefix | None = None, place: str | None = None) -> str:
    """The canonical full name of a unit in a list, updating the list's current level `prefix`
    (one rule for lists and for the subjects of duties: `unit_names.canonical`)."""
    return names_canonical(name, prefix, place)


def _level(name: str) -> str | None:
    """'市' for 市税务局, None for 市场监管局, '县级以上人民政府' for 县级以上人民政府林业主管部门."""
    return level_of(name)


def _looks_like_unit(name: str, place: str | None) -> bool:
    v = _vocab()
    name = re.sub(r"[ \t\u3000\n]+", "", name).translate(FOLD)
    if not 2 <= len(name) <= 40 or not re.fullmatch(r"[\u4e00-\u9fff〔〕、]+", name):
        return False
    if (starts_like_pronoun(name, PRONOUN_STARTS) and not name.startswith(LOCAL_STARTS)) or any(w in name for w in NOT_IN_NAME):
        return False
    if re.split(r"[、，,]", name)[-1] in GENERIC_NOUNS:
        return False  # '政府管理、单位负责、个人守法' is a principle, not a unit
    return bool(v["suffix_re"].search(name))


def _strip_end(text: str) -> str:
    while True:
        t = text.rstrip().rstrip(" \t\u3000。；;")
        if t == text:
            return t
        text = t


def _trailing_parenthetical(text: str, place: str | None) -> tuple[int, int] | None:
    """`(市发展改革委,各县〔市、区〕政府)` closing a task: a bare list of units in brackets at the end."""
    if not _strip_end(text).endswith(("）", ")")):
        return None  # the pattern below needs a closing bracket, then only these marks and white space
    m = re.search(r"[（(](?P<body>[^（()）]*(?:[（(〔][^（()）〕]*[）)〕][^（()）]*)*)[）)][ \t\u3000。；;]*\s*$", text)
    if not m:
        return None
    a, b = m.start("body"), m.end("body")
    items = _items(text, a, b)
    if not items or not any(_level(text[x:y].strip()) or text[x:y].strip().startswith("各") for x, y in items):
        return None
    return a, b


# -- prose --------------------------------------------------------------------------------------------
def _prose(text: str, covered: list[tuple[int, int]], place: str | None) -> list[Found]:
    """`X负责…`, `由X负责`, `X牵头，Y配合` outside lists."""
    v = _vocab()
    out: list[Found] = []
    for m in v["role_re"].finditer(text):
        k = m.start()
        word = m.group("word")
        if any(a <= k < b for a, b in covered):
            continue
        if word == "负责" and text[m.end():m.end() + 1] in ("人", "的", "任", "同"):
            continue
        if word in ("配合", "协助", "参与") and text[k - 2:k] in ("做好", "积极", "予以", "主动"):
            continue
        a, b = _subject_before(text, k)
        names = _names_in(text, a, b, place) if a is not None else []
        if a is None and word == "负责":  # …，在各自职责范围内负责: the name opens the sentence
            names = _sentence_subject(text, k, place)
        role = v["role_words"][word]
        if not names:
            continue
        for na, nb, name in names:
            if any(f.start == na and f.end == nb and f.data["name"] == name for f in out):
                continue
            r = "competent" if word == "负责" else role  # the department a regulation puts in charge
            out.append(Found("UNIT", na, nb, text[na:nb], {"name": name, "role": r, "inherited": False}))
    for m in _COMPETENT.finditer(text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        for na, nb, name in _sentence_subject(text, m.start(), place):
            if not any(f.start == na and f.end == nb and f.data["name"] == name for f in out):
                out.append(Found("UNIT", na, nb, text[na:nb], {"name": name, "role": "competent",
                                                               "inherited": False}))
    return out


def _subject_before(text: str, k: int) -> tuple[int | None, int]:
    """The span of the names standing before keyword position `k`, within its clause."""
    v = _vocab()
    b = k
    adv = v["adverbs"].search(text[max(0, b - 30):b])
    if adv:
        b -= len(adv.group(0))
    # 医疗保障行政部门（以下简称医保部门）负责: skip the abbreviation note
    note = re.search(r"[（(](?:以下)?简称[^（()）]{1,20}[）)]$", text[max(0, b - 30):b])
    if note:
        b -= len(note.group(0))
    a = clause_start(text, b, CLAUSE_END, OPEN, CLOSE)
    clause = text[a:b]
    label = match_label(clause)
    if label:
        a += label.end
    you = text.rfind("由", a, b)
    if you >= 0:
        a = you + 1
    while a < b and text[a] in SPACE:
        a += 1
    if b - a < 2:
        return None, b
    return a, b


_LEADS_ON = re.compile(r"(?:依照|依据|按照|根据|设在|在|应当|对|是|负责|，|,)")
# X对…实施统一的监督管理, X是…的主管部门: the competent department of a regulation
_COMPETENT = re.compile(r"(?:实施|进行)(?:统一的?)?监督管理|是[^，。；\n]{0,40}?主管部门")


def _sentence_subject(text: str, k: int, place: str | None) -> list[tuple[int, int, str]]:
    """国务院有关部门依照本法…规定，在各自职责范围内负责…: the name that opens the sentence."""
    s0 = k - 1
    while s0 >= 0 and text[s0] not in "。；;！？!?\n":
        s0 -= 1
    s0 += 1
    label = match_label(text[s0:k])
    if label:
        s0 += label.end
    head = text[s0:min(k, s0 + 40)]
    best: list[tuple[int, int, str]] = []
    ends = [m.start() for m in _LEADS_ON.finditer(head)] + ([len(head)] if s0 + len(head) == k else [])
    for end in ends:
        if end < 2:
            continue
        found = _names_in(text, s0, s0 + end, place)
        if found:
            best = found
            break
    return best


def _names_in(text: str, a: int, b: int, place: str | None) -> list[tuple[int, int, str]]:
    """text[a:b] as a list of unit names, or as one name (市、县（市、区）人民政府…主管部门); [] if neither."""
    items = _items(text, a, b)
    merged: list[tuple[int, int]] = []
    for x, y in items:  # 市、县（市、区）农业部门: a bare level character belongs to the name after it
        if merged and text[merged[-1][0]:merged[-1][1]].strip() in tuple(LEVELS):
            merged[-1] = (merged[-1][0], y)
        else:
            merged.append((x, y))
    items = merged
    if items and all(_looks_like_unit(text[x:y], place) for x, y in items):
        prefix = Prefix()
        return [(x, y, canonical(re.sub(r"[ \t\u3000\n]+", "", text[x:y]), prefix, place)) for x, y in items]
    whole = re.sub(r"[ \t\u3000\n]+", "", text[a:b])
    if (_looks_like_unit(whole.translate(FOLD).replace("、", ""), place) and not whole.startswith("、")
            and whole.split("、")[-1] not in GENERIC_NOUNS):
        shared = _SHARED_HEAD.fullmatch(whole)
        if shared:  # 县级以上人民政府公安、交通运输部门: one department per domain
            return [(a, b, shared.group("level") + item + shared.group("head"))
                    for item in shared.group("list").split("、")]
        return [(a, b, whole)]
    return []


# A level placeholder, domains sharing one head: 市、县（市、区）林业、城市绿化行政管理部门
_SHARED_HEAD = re.compile(
    r"(?P<level>(?:县级以上|设区的市级以上|省级|市级|县级)(?:地方)?(?:各级)?人民政府"
    r"|(?:[市县区省]、)*[市县区省](?![级以])(?:（[^）]*）|〔[^〕]*〕|\([^)]*\))?(?:人民政府|政府)?)"
    r"(?P<list>[^、，（）()〔〕]{2,10}?(?:、[^、，（）()〔〕]{2,10}?)+)"
    r"(?P<head>行政主管部门|行政管理部门|主管部门|管理部门|行政部门|部门)")
