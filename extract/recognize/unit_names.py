"""Which stretch of running text is a list of units, and the canonical name of each unit in it.

`split_names(text, a, b)` reads text[a:b] as a list of organs and returns `(start, end, name)` for each,
or None when the stretch is not such a list. The grammar, its words in `extract/data/`:
- a list is split at 、 和 及 以及 与 或 或者 outside brackets, never inside a level placeholder
  (`市、县（市、区）人民政府`, `省、自治区、直辖市`, `市和区`: words of `unit_levels.txt` joined, one unit) nor
  inside a name listed in `unit_one_body.txt` (`工业和信息化部`, `城市管理和综合执法`);
- a head shared by the list is distributed (`unit_shared_heads.txt`): `发展改革、商务等部门` -> 发展改革部门,
  商务部门; `同级财政、审计机关` -> 同级财政机关, 同级审计机关; after named places the whole rest is shared
  (`江苏省、浙江省人民政府` -> 江苏省人民政府, 浙江省人民政府); a category (`等人民团体`) is not a head;
- an unprefixed name takes the list's level (`市科技、财政等部门` -> 市科技部门, 市财政部门), unless a locator
  (当地, 所在地) gives it its own place (the locator itself is dropped) or it is an alternative after 或者
  (`由县级以上地方人民政府或者港口行政管理部门` -> 港口行政管理部门, as printed: docs/golden.md);
- generic references (`unit_generic.txt`: 有关部门, 其主管部门) and regulated parties (`unit_parties.txt`:
  用人单位, 医疗卫生机构) are not reported; a generic name under a level (`市、县（市、区）人民政府及有关部门`)
  names that level's departments and is.
Every name ends with a word of `unit_suffixes.txt`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from ..lexicon import vocab
from ..lexicon.places import province_short_names

OPEN = "（(〔［[【"
CLOSE = "）)〕］]】"
SEPARATORS = ("以及", "或者", "、", "和", "及", "与", "或")
LOCATORS = ("所在地的", "所在地", "当地", "所在")
CJK_NAME = re.compile(r"[\u4e00-\u9fff（）()〔〕、]+")
NOT_IN_NAME = ("或者", "及其", "以及", "为", "是", "按照", "依照", "依据", "设在", "设于", "位于", "应当", "设立",
               "成立", "负责", "根据", "对于", "通过", "加强", "建立", "开展", "做好", "由", "向",
               "将", "从", "定期", "简称", "会同", "请", "督促", "也要", "相应", "指定", "承担", "主要", "责任人", "选择", "优先", "可以", "责任单位", "牵头单位", "配合单位", "责任部门", "牵头部门", "报经", "报请", "提请", "撤销", "列入", "决定", "确定", "征求", "兼", "到", "持有", "必须", "约谈", "责令", "批转", "需要", "有计划地", "移交", "统一受理", "不得", "要求", "进行", "依托", "通知", "实行", "给予", "组建", "重新", "追究", "参加", "关于", "适用")
# the body word after a description of its field of work (负责中医药管理的|部门, …的|行政部门)
CHARGED_BODY = r"(?:行政主管|行政|主管)?(?:部门|机构|机关)"


# 应 of an obligation (文化等行政管理部门应支持科协), not of 应急管理
_SHOULD = r"应(?=支持|配合|协助|积极|及时|加强|建立|做好|组织|负责|按照|依法|予以|给予)"


def not_in_name_pattern(allowed) -> str:
    """The words of NOT_IN_NAME (less `allowed`) as one alternation; 由 not inside 自由, 理由, 缘由
    (国务院自由贸易试验区工作部际联席会议办公室 is one name)."""
    words = sorted(set(NOT_IN_NAME) - set(allowed) - {"由", "负责", "确定", "指定"}, key=len, reverse=True)
    # 报 of a procedure (单位主管部门报项目管理部门, 审批并报): not in 日报社, 举报中心, 公报, 年报
    return "|".join([re.escape(w) for w in words] + [r"(?<![自理缘])由|(?<=办理)由|(?<=管理)由", "未经", _SHOULD, r"(?<!所)有权(?![人益属])", r"(?<![日晚情举公快简画电年月季周旬])报(?![社刊业])"]
                    + [r"(?<!政府)(?:确定|指定)", r"(?:确定|指定)(?!的(?:部门|机构|机关))"]  # (政府确定的部门: DESIGNATED)
                    + [r"制定(?!机关|机构|单位|部门)"]  # (…等部门制定规划: a verb; 制定机关 is a name)
                    + [r"实施(?!机关|机构)"]  # (X实施监督: a verb; 戒严实施机关 is a name)
                    + [r"须经|应经|非经|人员经"]  # (逮捕须经人民检察院批准: the procedure, not a name)
                    + [r"组成(?!部门|人员)"]  # (有关部门组成征兵办公室: a verb; 国务院组成部门 is a name)
                    + [r"(?<!所)在|在(?!单位)"]
                    + [r"(?<!等)(?<!等依法)对"]  # (…等依法对检验检测机构负有…职责的部门: a description's 对)  # (其所在单位或者监察部门: 所在单位, a generic, holds no verb)
                    + ([] if "负责" in allowed else [rf"负责(?![\u4e00-\u9fff、]{{1,16}}?的{CHARGED_BODY})"]))


PRONOUN_STARTS = ("该", "其", "此", "每", "上述", "前款", "对", "由", "在", "经", "将", "向", "从", "以下", "报", "就", "现就",
                  "请", "会同", "按照", "未经", "非经", "凡", "除", "必须", "须经", "应经", "应当经")
# names whose first characters only look like a pronoun or preposition: 经济和信息化部门 (not 经…批准),
# 对外经济贸易委员会 (not 对…)
PRONOUN_LOOKALIKES = ("经济", "经信", "经贸", "对外", "就业")


def starts_like_pronoun(name: str, starts: tuple[str, ...] = PRONOUN_STARTS) -> bool:
    return name.startswith(starts) and not name.startswith(PRONOUN_LOOKALIKES)


SPACE = re.compile(r"[ \t\u3000\n]+")
# level phrases a name may start with, which the names after it in a list inherit
LEVEL_PHRASE = re.compile(
    r"^(?:沿海)?(?:(?:县级以上|设区的市级?以上|地级以上市|(?:省|市|县|区|乡)级(?:以上)?)(?:地方)?(?:各级)?(?:人民政府)?"
    r"|(?:本级|同级|上级|下级|上一级)(?:人民政府)?|(?:地方)?各级(?:人民政府)?|(?:[省市县区]|自治县|自治州)人民政府)(?=\S{2,})")


@dataclass
class Prefix:
    """The level prefix a list's names share, updated as the list is read."""

    level: str | None = None
    place: str | None = None  # 河北省 of 河北省委, for a later 省政府
    congress: str | None = None  # 市和区、县人民代表大会 of its 专门委员会, for a later 常务委员会工作机构


@lru_cache(maxsize=None)
def bodies() -> dict[str, frozenset[str]]:
    """The names of the bodies in the vocabularies by level (unit_bodies_central.tsv: the State Council's
    departments, directly affiliated bodies and national bureaus, other central organs and former
    ministries; unit_bodies_local.tsv: stems + the suffix of each level and short forms, 省公安厅, 市公安局;
    unit_bodies_dispatched.txt: 派出机构 and grassroots bodies): {"central", "local", "dispatched"}, and
    "outside": the local bodies that are not part of the government (工会, 人大常委会, 村民委员会)."""
    central = {r[0] for r in vocab.rows("unit_bodies_central.tsv")}
    central |= {r[2] for r in vocab.rows("unit_bodies_central.tsv") if len(r) > 2 and r[2]}
    local, outside = set(), set()
    for r in vocab.rows("unit_bodies_local.tsv"):
        stem, levels = r[0], r[1:3]
        forms = {stem + ("" if x == "-" else x) for x in levels}
        if len(r) > 3:
            forms |= {w.strip() for w in r[3].split(",") if w.strip()}
        local |= forms
        if len(r) > 4 and r[4] == "outside":
            outside |= forms
    dispatched = frozenset(vocab.words("unit_bodies_dispatched.txt"))
    outside |= {n for n in dispatched if n.endswith(("居民委员会", "村民委员会", "居委会", "村委会"))}
    return {"central": frozenset(central), "local": frozenset(local), "dispatched": dispatched,
            "outside": frozenset(outside)}


SEPARATOR_CHARS = ("和", "与", "及", "或")


@lru_cache(maxsize=None)
def _vocab():
    standard = vocab.words("unit_suffixes.txt")
    standard_re = re.compile(rf"(?:{'|'.join(re.escape(s) for s in standard)})$")
    named = bodies()
    every_body = named["central"] | named["local"] | named["dispatched"]
    # a body's name ends a name although it may not end with a usual suffix (国务院研究室, 市政协, 司法所)
    suffixes = tuple(sorted(set(standard) | {n for n in every_body if not standard_re.search(n)},
                            key=lambda w: (-len(w), w)))
    one_body = set(vocab.words("unit_one_body.txt")) | {n for n in every_body if any(c in n for c in SEPARATOR_CHARS)}
    heads = {r[0]: (len(r) > 1 and r[1] == "category") for r in vocab.rows("unit_shared_heads.txt")}
    token = "|".join(re.escape(w) for w in vocab.words("unit_levels.txt"))
    token = rf"(?:{token})(?:（[^（）]{{1,8}}）|〔[^〔〕]{{1,8}}〕|\([^()]{{1,8}}\))?"
    return dict(
        suffix_re=re.compile(rf"(?:{'|'.join(re.escape(s) for s in suffixes)})$"),
        suffix_ends=_automaton(suffixes),
        heads=heads, head_words=tuple(sorted(heads, key=len, reverse=True)),
        domains=_automaton(vocab.words("unit_domains.txt")),
        # (not the 区 ending a zone's or an organ's name: 上海警备区和区、县人民武装部, 开发区和县)
        placeholder=re.compile(rf"(?<![发范护景贸验能片社辖郊山库矿灾牧林垦新园城备])"
                               rf"(?:各|有关|相关|所在地|当地)?{token}(?:(?:[、和及]|或者|或)(?:沿海)?各?{token})+"),
        bracketed_token=re.compile(rf"(?:{token.split('(?:（')[0]})(?:（[^（）]{{1,8}}）|〔[^〔〕]{{1,8}}〕|\([^()]{{1,8}}\))"),
        one_body=re.compile("|".join(re.escape(w) for w in sorted(one_body, key=lambda w: (-len(w), w)))),
        body_spans=_automaton(sorted(n for n in every_body if len(n) >= 3)),
        suffixes_and_bodies=_tagged_automaton(suffixes, [n for n in every_body if len(n) >= 3]),
        central=named["central"],
        outside=named["outside"],
        category_after_list=re.compile(
            "等(?:有关|相关|其他|其它)?(?:" + "|".join(re.escape(h) for h, cat in heads.items() if cat and h != "单位")
            + ")|[和及](?:其他|其它)(?:有关|相关)?(?:"  # 工会、共青团等人民团体和其他社会团体 (not 和其他组织: any party)
            + "|".join(re.escape(h) for h, cat in heads.items() if cat and h not in ("单位", "组织")) + ")"),
        generic=set(vocab.words("unit_generic.txt")),
        parties=vocab.words("unit_parties.txt"),
        false_endings=vocab.words("unit_false_endings.txt"),
        not_starts=re.compile(vocab.alternation("unit_not_starts.txt")),
        not_in_name=re.compile(not_in_name_pattern(())),
        keep=vocab.words("unit_keep_starts.txt"),
        unprefixed=vocab.words("unit_unprefixed_starts.txt"),
        aliases=vocab.mapping("unit_aliases.tsv"),
        place=re.compile(r"^(?:本市|本省|本区|本县|[\u4e00-\u9fff]{2,8}?(?:省|自治区|自治州|市|县|区))"),
    )


def _automaton(words) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, len(w))
    auto.make_automaton()
    return auto


def _tagged_automaton(suffixes, body_names) -> ahocorasick.Automaton:
    """One automaton for both lists: value (length, is a suffix, is a body's name)."""
    suffix_set, body_set = set(suffixes), set(body_names)
    auto = ahocorasick.Automaton()
    for w in suffix_set | body_set:
        auto.add_word(w, (len(w), w in suffix_set, w in body_set))
    auto.make_automaton()
    return auto


def name_positions(text: str) -> tuple[list[int], set[int], set[int]]:
    """suffix_ends(text) and body_positions(text) in one pass."""
    ends: set[int] = set()
    inside: set[int] = set()
    body_ends: set[int] = set()
    for last, (length, is_suffix, is_body) in _vocab()["suffixes_and_bodies"].iter(text):
        if is_suffix:
            ends.add(last + 1)
        if is_body and not (text[last] == "办" and text[last + 1:last + 2] in ("理", "法")):
            body_ends.add(last + 1)  # (由市人民政府办理: not 市人民政府办, the body ends before 办)
            inside.update(range(last + 2 - length, last + 1))
    return sorted(ends), inside, body_ends


def suffix_ends(text: str) -> list[int]:
    """Every offset of `text` where a unit suffix ends (candidate ends of a name), overlapping ones
    included (委 ending 国资委 although 委会 also ends there): one Aho-Corasick pass."""
    return sorted({i + 1 for i, _ in _vocab()["suffix_ends"].iter(text)})


def body_positions(text: str) -> tuple[set[int], set[int]]:
    """Where the names of known bodies (bodies()) end in `text`, and the offsets strictly inside one: a
    name never ends inside a body's name (省人大常委|会…), and a body's name ends a name even where its
    last character starts a word (司法部|分别会同, 新华社|会同)."""
    inside: set[int] = set()
    ends: set[int] = set()
    for last, length in _vocab()["body_spans"].iter(text):
        ends.add(last + 1)
        inside.update(range(last + 2 - length, last + 1))
    return inside, ends


def category_ends(text: str):
    """`等人民团体`, `等有关社会组织`: the category words of unit_shared_heads.txt closing a list (the names
    before them are units, the category is not)."""
    return _vocab()["category_after_list"].finditer(text)


def ends_with_body(name: str) -> bool:
    """`name` ends with the name of a known body (国家安全部, not a word ending in 全部)."""
    n = len(name)
    return any(last + 1 == n for last, _ in _vocab()["body_spans"].iter(name))


def keeps_own_name(name: str) -> bool:
    """A central body (人民银行, 国家统计局) or its branch named after a place (人民银行三门峡市中心支行)
    does not take the level of a list of local units (市财政局、人民银行: not 市人民银行)."""
    v = _vocab()
    if name in v["central"]:
        return True
    for n in range(min(len(name) - 2, 16), 1, -1):
        if name[:n] in v["central"]:
            return bool(v["place"].match(name[n:]))
    return False


@lru_cache(maxsize=65536)  # (a function of the name and the vocabularies alone; names recur)
def has_suffix(name: str) -> bool:
    if name.endswith(("）", ")")):  # 办公厅（室）: the suffix before an alternative one in brackets
        name = _ALTERNATIVE_SUFFIX.sub("", name)
    return bool(_vocab()["suffix_re"].search(name))


# 办公厅（室）, 工商行政管理部门（市场监管部门）: another suffix, or the body's other name, in brackets
ALTERNATIVE_SUFFIX = r"[（(](?!以下|简称|统称)(?:[\u4e00-\u9fff]{0,3}[室局委处厅办科所站馆部]|[\u4e00-\u9fff]{2,8}部门)[）)]"
_ALTERNATIVE_SUFFIX = re.compile(ALTERNATIVE_SUFFIX + "$")


def _protected(text: str, a: int, b: int) -> list[tuple[int, int]]:
    v = _vocab()
    out = []
    for m in v["placeholder"].finditer(text, a, b):
        s = m.start()
        if s == a or text[s - 1] in "、和及与或各级" or text[s - 1] in OPEN \
                or text.endswith(("或者", "以及", "其授权的", "其委托的"), a, s):
            out.append((s, m.end()))
    out += [(m.start(), m.end()) for m in v["one_body"].finditer(text, a, b)]
    if "职责的" in text[a:b]:
        out += [(m.start(), m.end()) for m in _CHARGED_RUN.finditer(text, a, b)]
    return out


_SEPARATOR = re.compile("|".join(re.escape(x) for x in SEPARATORS))
_BRACKET = re.compile(f"[{re.escape(OPEN + CLOSE)}]")


def pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The top-level items of text[a:b], split at the list separators (not inside brackets, a level
    placeholder or a name of unit_one_body.txt, and not at 及其他)."""
    seps = list(_SEPARATOR.finditer(text, a, b))
    if not seps:
        return [(a, b)]
    prot = _protected(text, a, b)
    if _BRACKET.search(text, a, b):
        depth, inside = 0, set()
        for i in range(a, b):
            ch = text[i]
            if ch in OPEN:
                depth += 1
            elif ch in CLOSE:
                depth = max(0, depth - 1)
            elif depth:
                inside.add(i)
        seps = [m for m in seps if m.start() not in inside]
    if prot:
        seps = [m for m in seps if not any(x <= m.start() < y for x, y in prot)]
    out, start = [], a
    for m in seps:
        out.append((start, m.start()))
        start = m.end()
    out.append((start, b))
    return out


def level_of(name: str) -> str | None:
    """The level prefix a name starts with, which later names of its list inherit: '市' for 市税务局,
    None for 市场监管局, '县级以上人民政府' for 县级以上人民政府林业主管部门, '市、县（市、区）' for
    市、县（市、区）人民政府 and '市、县（市、区）人民政府' for 市、县（市、区）人民政府林业主管部门."""
    v = _vocab()
    if not name:
        return None
    ph = v["placeholder"].match(name) or v["bracketed_token"].match(name)
    if ph:
        rest = name[ph.end():]
        if rest.startswith("人民政府") and len(rest) > len("人民政府") + 1:
            return ph.group(0) + "人民政府"
        return ph.group(0)
    m = LEVEL_PHRASE.match(name)
    if m:
        return m.group(0)
    if name.startswith("国务院") and name.endswith(("部门", "机构", "机关")) and len(name) > 5:
        return "国务院"  # 国务院民政部门、体育行政部门: 国务院体育行政部门
    if name.startswith(("本市", "本省")) and len(name) > 4 and not name[2:].startswith(("各级", "有关", "相关", "其他")):
        return name[:2]  # 本市发展改革、环保等行政管理部门: the city's own level (a level, not a named place)
    if name.startswith(("自治县", "自治州", "自治旗")) and len(name) > 4:
        return name[:3]  # 自治县城乡规划建设、国土房管等主管部门: the autonomous county's level, as 县 is
    if name[0] not in "市县区省" or len(name) < 3 or name.startswith(v["unprefixed"]):
        return None
    return name[0]


_LEVEL_GOVERNMENT = re.compile(r"([省市县区])(?:委|政府|人民政府)")
_PLACE_GOVERNMENT = re.compile(r"([\u4e00-\u9fff]{2,4}?[省市县区])(?:委|政府|人民政府)")
_BOTH_KINDS = {"部门单位": "部门", "部门和单位": "部门", "部门、单位": "部门", "单位部门": "部门"}
DESCRIBED_OTHERS = re.compile(r"(?:依法)?(?:对[^，。；]{1,20}?)?负有[^，。；]{1,24}?职责的(?:(?:其他|其它)(?:有关|相关)?|有关|相关)(?:行政)?(?:部门|机关|单位|机构)")
_TAIL_QUALIFIER = re.compile(r"^(?:政府)?(?:(?:其他|其它)(?:有关|相关)?|有关|相关)(?:职能)?")  # 等其他有关部门, 等政府有关职能部门: 部门
_QUALIFIED_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?:相关|有关)(?=(?:部门|单位|机构|机关)$)")


# a unit of a named county or district (牟平区人民政府, 长清区住房城乡建设局): complete as written, it does
# not take the list's level (市、牟平区人民政府 -> 市人民政府, 牟平区人民政府); not a zone or area word
# (开发区, 示范区, 保护区, 辖区, 城区, 新区 …), which belongs to the level before it
_NAMED_PLACE = re.compile(r"[\u4e00-\u9fff]{1,2}(?<![发范护景贸验能片社辖郊山库矿灾牧林垦新园城市老省县乡镇各本该全每两])"
                          r"[区县旗](?:人民政府|政府|党委|委员会|人大|[\u4e00-\u9fff]{2,12}?(?:局|委|办|部门|中心))")


def canonical(name: str, prefix: Prefix | None = None, place: str | None = None) -> str:
    """The canonical full name of a unit in a list, updating the list's current level `prefix`."""
    v = _vocab()
    prefix = prefix if prefix is not None else Prefix()
    if name.startswith(("有关", "相关")) and has_suffix(name[2:]) and not is_generic(name[2:]) \
            and len(name) > 5:  # 有关行业协会商会 -> 行业协会商会 (有关部门 stays generic)
        name = name[2:]
    short = _LEVEL_GOVERNMENT.fullmatch(name)
    if short and prefix.place and prefix.place.endswith(short.group(1)):
        return prefix.place[:-1] + name  # 河北省委和省政府: 河北省政府
    named = _PLACE_GOVERNMENT.match(name)
    if named:
        prefix.place = named.group(1)
    if prefix.congress and name.startswith(_CONGRESS_ORGANS):
        return prefix.congress + name  # 市和区、县人民代表大会专门委员会与常务委员会工作机构: the same congress's
    if "人民代表大会" in name:
        owner = name[:name.index("人民代表大会") + 6]
        if len(owner) > 6 or prefix.level:
            prefix.congress = owner if len(owner) > 6 else prefix.level + owner
    level = level_of(name)
    if level:
        prefix.level = level
        body = name[len(level):]
        return level + v["aliases"].get(body, body)
    if name.startswith(("各", "全")):
        prefix.level = None
        return name
    if name.startswith(v["keep"]) and name[:-2] not in BODY_AND_DOMAIN or (place and name.startswith(place)) \
            or keeps_own_name(name) or _NAMED_PLACE.match(name):  # (海关部门, a field: 国务院…、海关等部门)
        if prefix.level and len(prefix.level) > 1 and v["place"].match(name):
            prefix.level = None  # 各级人民政府、上海警备区、区县人民武装部: a named body ends a placeholder's run
        return v["aliases"].get(name, name)
    body = v["aliases"].get(name, name)
    if prefix.level and "属" in body and _HAS_OWNER.search(body):
        return body  # 县级以上地方人民政府水行政主管部门和黄河水利委员会所属管理机构: its owner is named
    if prefix.level and len(prefix.level) == 1 and v["place"].match(name):
        return body  # 区、高新区城市管理部门: a zone named in full is no district's
    if prefix.level and prefix.level.endswith(("政府", "本市", "本省")) and (body in v["outside"] or body.endswith(_SOCIETIES)):
        return body  # 县级以上人民政府…以及工会, 文物主管部门和博物馆行业组织: a government's level is not theirs
    if prefix.level and _TOWNSHIP_LEVEL.fullmatch(prefix.level):
        return body  # 乡（镇）人民政府、街道办事处以及开发区（园区）管理机构: a township has no departments of a list
    if prefix.level and body.startswith(("地方人民政府", "地方各级人民政府", "地方政府")):
        return body  # 国务院有关部门、地方人民政府: the local governments are no level of the State Council's
    if prefix.level and _OWN_LEVEL_BODY.fullmatch(body):
        return body  # 县级人民政府或者镇人民政府, 县、市、旗公安局或者城市公安分局: a body whose name holds its level
    return (prefix.level + body) if prefix.level else body


# social bodies (not a government's departments): a government's level in a list is not theirs
_SOCIETIES = ("行业组织", "行业协会", "协会", "学会", "商会", "基金会", "联合会")
# the organs of a people's congress, named after it in a list without the congress's name
_CONGRESS_ORGANS = ("常务委员会", "专门委员会", "主席团")
_TOWNSHIP_LEVEL = re.compile(r"乡镇|乡、镇|乡[（(〔]镇[）)〕]|乡|镇")
# a township's government, a city district's police or street office: the name says its level
_OWN_LEVEL_BODY = re.compile(r"(?:乡|镇|民族乡|苏木)(?:人民政府|政府)|城市(?:公安分局|街道办事处)")
_HAS_OWNER = re.compile(r"(?:委员会|局|厅|部|署|办公室|中心)(?:所属|下属|直属)的?.")
# a body owned by the one named before it whose own name says no more than its kind: 黄河水利委员会及其所属管理机构
_BARE_OWNED = ("管理机构", "机构", "派出机构", "工作机构", "执法机构", "单位", "事业单位")


_BARE_KINDS = ("部门", "机构", "单位", "机关", "组织")
_GENERIC_LEAD = re.compile(r"^(?:其他|其它|其|各有关|各|本|该)")


@lru_cache(maxsize=65536)  # (a function of the name and the vocabularies alone; names recur)
def is_generic(name: str) -> bool:
    v = _vocab()
    bare = _GENERIC_LEAD.sub("", name)
    return name in v["generic"] or bare in v["generic"] or name.startswith("其") or ("其" in name and bool(_OTHERS.search(name)))


# 国务院其他有关部门, 省其他有关部门: the rest of the bodies of a level, none named
_OTHERS = re.compile(r"(?:其他|其它)(?:有关|相关)?(?:部门|单位|机构|机关|行政机关|主管部门)$")


PARTY_UNITS_KEPT = ("挂靠单位", "主管单位", "业务主管单位")


@lru_cache(maxsize=65536)  # (a function of the name and the vocabularies alone; names recur)
def is_party(name: str) -> bool:
    """A party the text regulates (用人单位, 电梯维护保养单位, 医疗卫生机构), not an organ it charges: the
    endings in unit_parties.txt, and any other …单位 in running text but a body's 挂靠单位/主管单位."""
    if name.endswith("单位") and not name.endswith(PARTY_UNITS_KEPT):
        return name not in _vocab()["central"]  # (中央军事委员会直属单位: a body of the vocabulary)
    return name.endswith(_vocab()["parties"])


def _balanced(name: str) -> bool:
    depth = 0
    for ch in name:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


_VERB_INSIDE = re.compile(r"规定|适用于|(?:要|应|须|将|并)(?:积极|认真|切实|主动)?(?:配合|协助|组织|会同|负责|参与)"
                          r"|(?:组织|配合|协助|会同|督促|指导)(?:有关|相关|各|其他)")
# 领导首都国际机场管理委员会 (but 领导小组), 监督有关部门: a verb and its object (plain verbs that never open a
# name, 建议, 指导, are in unit_not_starts.txt)
_VERB_BEFORE = re.compile(r"领导(?!小组)|(?:监督|协调|组织)(?:有关|相关|各|其他)")
# 村民委员会协助乡…, 镇人民政府指导、支持…: a body's name, then a verb of helping or guiding (the next
# item of the list is its object), not one name
_VERB_AFTER_BODY = re.compile(r"人同(?![级意])|(?:委员会|政府|部门|机关|机构|会议|(?<![内全外])部|局|厅|办|处|会|团|组织|单位)(?:协助|配合|指导|监督(?!管理|检查)|支持|帮助|会同|督促|拟订|召集|主持|责成|委托|授权|批准|审批|审核|报请|交付|召开|办理|受(?!理)|同(?![级意])|商(?![务会业品标贸户场检])|组织(?!部|人事|工作|委员会|[、和与及])|指派|转送|移送|移交|核发给|送交|送(?![达审])|妨害|妨碍|吊销|撤销|注销|没收|暂扣|收回)(?!委员会|小组|中心|办公室|组)")
_OWNED = re.compile(r"其(?:所属|下属|直属)的?")
ALLOWED_DE = ("直属的", "人民政府的", "常务委员会的", "设区的市的", "设区的市", "有条件的县", "其授权的", "其委托的", "直辖市的")


# 县级以上地方人民政府负责中医药管理的部门, 负有安全生产监督管理职责的部门: a department the text names by its
# field of work (the statute leaves its name to each government); the description is part of the name
# (负有监督管理职责的部门 names no field: no unit)
CHARGED_WITH = re.compile(rf"(?:(?:负责|监督(?!管理)|(?:(?<=政府)|(?<=国务院)|(?<=^[省市县区]))(?:主管|管理)(?!部门|机关|单位|机构))[\u4e00-\u9fff、]{{1,16}}?"
                          rf"|^(?:主管|管理)[\u4e00-\u9fff、]{{0,14}}?(?:工作|事务|企业|业务)"  # 管理专利工作的部门
                          rf"|(?:^|(?<=政府)|(?<=[省市县区级）)]))负有(?!(?:相关|有关)?(?:监督管理|监管|管理|监督)职责)[\u4e00-\u9fff、]{{1,20}}?职责)的(?={CHARGED_BODY}(?:或者(?:部门|机构|机关))?$)")

# 区、县（市）人民政府确定的部门负责…: the department a government designates (the statute leaves the choice
# to it) is named by that government; the government's part must be a name of its own
DESIGNATED = re.compile(r"(?<=政府)(?:确定|指定)的(?:部门|机构|机关)$")


_UNDER_BODY = tuple("受" + w for w in ("全国", "国务院", "中央", "中华人民共和国", "省", "市", "县", "区", "乡", "镇",
                                      "上级", "本级", "同级", "各级", "地方"))
_EITHER_KIND = ("部门或者机构", "机关或者机构")


@lru_cache(maxsize=65536)  # (a function of the name and the vocabularies alone; names recur)
def name_shaped(name: str) -> bool:
    """Characters a name can have: organ words only, no verb, pronoun or 的 (but 设区的市)."""
    if "定的" in name:
        designated = DESIGNATED.search(name)
        if designated:
            return name_shaped(name[:designated.start()])
    if "负责" in name or ("主管" in name or "管理" in name or "监督" in name) and "的" in name:  # 上海市人民政府主管外国投资工作的部门
        charged = CHARGED_WITH.search(name)
        if charged:
            rest = name[:charged.start()] + "部门"  # (…的部门或者机构: one body, whichever it is)
            return charged.start() == 0 or name_shaped(rest)
    if name.endswith(_EITHER_KIND) and len(name) > 8:
        return name_shaped(name[:-4])  # 市和区地震工作管理部门或者机构: one body, whichever it is
    if not 2 <= len(name) <= 40 or not CJK_NAME.fullmatch(name) or name[0] in "（(〔）)〕、":
        return False
    if not _balanced(name):
        return False  # 村）民委员会: the end of 居（村）民委员会
    plain = name
    for w in ALLOWED_DE:
        plain = plain.replace(w, "")
    v = _vocab()
    if "的人民" in plain:  # 乡、民族乡、镇的人民政府, 市、自治州的人民政府, 乡、民族乡、镇的人民代表大会: of those levels
        at = plain.find("的人民")
        if plain.startswith(("人民政府", "人民代表大会"), at + 1) and v["placeholder"].fullmatch(plain, 0, at):
            plain = plain[:at] + plain[at + 1:]
    if "的" in plain:
        return False
    ph = v["placeholder"].match(name)  # 市或者区、县文物行政部门: 或者 joins the levels, not two clauses
    if starts_like_pronoun(name) or v["not_in_name"].search(name, ph.end() if ph else 0):
        return False
    if name.endswith(v["false_endings"]) and not ends_with_body(name) and not name.endswith("人民代表大会") \
            and not _longer_suffix(name, v):
        return False  # 举办, 格局, 全部; but 国家安全部, 强制隔离戒毒场所 (a suffix longer than the word 场所)
    if name.endswith("政府委"):
        return False  # 由县级人民政府委任: a verb (委任, 委托) after the government, no 委 of a body
    if name.endswith("政府") and not _government_of(name[:-2].removesuffix("人民").removesuffix("的")):
        return False  # 实行政府管理: a verb before 政府, not a place or level
    if name.endswith("级财政") and len(name) > 4:
        return False  # 同级财政 and 市级财政 are units, 所需奖补资金市级财政 is a clause
    if _VERB_INSIDE.search(name, 2) or _VERB_BEFORE.match(name) or _VERB_AFTER_BODY.search(name):
        return False  # 国务院组织有关部门, 各级地震部门要积极配合有关部门: a body, a verb, its object
    if "其" in name[1:] and _PRONOUN_INSIDE.search(name, 1):
        return False  # 由市总工会确认其社团法人资格: a verb and its object's pronoun, no 其社
    if name.find("国务院", 1) > 0 and not name.startswith("中华人民共和国国务院"):
        return False  # 发展国务院教育行政部门: 国务院 only opens a name
    if name.startswith(_UNDER_BODY):
        return False  # 受全国人民代表大会常务委员会领导: the passive's agent, read after 受 (duties._UNDER)
    verb = v["not_starts"].match(name)
    if verb is None:
        return True
    rest = name[verb.end():]  # 组织部门 is a department; 支持工会, 鼓励机关 are clauses
    return verb.group(0) in NAME_VERBS and rest in v["heads"] and rest not in v["outside"]


def _longer_suffix(name: str, v: dict) -> bool:
    """A unit suffix ending `name` is longer than the false ending it holds (戒毒场所 holds 场所)."""
    false = max((len(w) for w in v["false_endings"] if name.endswith(w)), default=0)
    m = v["suffix_re"].search(name)
    return bool(m) and len(name) - m.start() > false


_PRONOUN_INSIDE = re.compile(r"(?<!及)(?<!或)(?<!受)(?<!或者)其(?![他它])")


NAME_VERBS = ("组织",)  # verbs of unit_not_starts.txt that also name a department (组织部门)


GOVERNMENT_OF = ("", "中央", "地方", "各级", "地方各级", "本级", "同级", "上级", "下级", "基层", "有关", "相关", "所在地", "当地")


def _government_of(before: str) -> bool:
    """Whose 政府 a name is: a place, a level or a placeholder (江苏省, 县级以上, 市、县（市、区）)."""
    return (before in GOVERNMENT_OF or before.startswith("各") or before[-1:] in "省市县区乡镇旗州）)〕"
            or before.endswith(("以上", "自治区", "自治州", "国务院", "地方", "各级", "级")))


def unit_like(name: str) -> bool:
    """A canonical name that can be a unit: shaped like a name and ending with a unit suffix."""
    return name_shaped(name) and has_suffix(name)


def _clean(raw: str) -> str:
    return SPACE.sub("", raw)


def split_names(text: str, a: int, b: int, *, place: str | None = None, prefix: Prefix | None = None,
                aliases: dict | None = None) -> list[tuple[int, int, str]] | None:
    """text[a:b] as a list of units: (start, end, canonical name) each; None if it is not one.
    Generic references and regulated parties in the list are left out (the list may then be empty).
    The reading depends on text[a:b] alone (and on a 其他 after a final 及), so it is remembered: the
    same names recur in every article of a law."""
    if prefix is not None:
        return _split_names(text, a, b, place, prefix, aliases)
    piece = text[a:b]
    tail = text[b:b + 2] if piece.endswith(("及", "及其")) else ""
    names = _split_piece(piece + tail, len(piece), place, tuple(aliases.items()) if aliases else None)
    return None if names is None else [(a + x, a + y, name) for x, y, name in names]


@lru_cache(maxsize=16384)
def _split_piece(text: str, b: int, place: str | None, aliases: tuple | None):
    names = _split_names(text, 0, b, place, None, dict(aliases) if aliases else None)
    return None if names is None else tuple(names)


def _split_names(text: str, a: int, b: int, place: str | None, prefix: Prefix | None,
                 aliases: dict | None) -> list[tuple[int, int, str]] | None:
    v = _vocab()
    items = []
    for pa, pb in pieces(text, a, b):
        while pa < pb and text[pa] in " \t\u3000\n":
            pa += 1
        while pb > pa and text[pb - 1] in " \t\u3000\n":
            pb -= 1
        raw = _clean(text[pa:pb])
        if not raw:
            return None
        pair = TIER_PAIR.fullmatch(raw) if raw[-1] in CLOSE else None
        if pair:
            for part in ("one", "other"):
                items.append({"a": pa, "b": pb, "raw": pair.group(part), "head": None, "located": ""})
            continue
        note = _TRAILING_NOTE.fullmatch(raw) if raw[-1] in CLOSE else None
        if note and has_suffix(note.group(1)) and not has_suffix(raw):
            raw = note.group(1)  # 村民委员会（村民小组）: the body, a note after its name
        located = ""
        for loc in LOCATORS:
            if raw.startswith(loc) and len(raw) > len(loc) + 1:
                raw, located = raw[len(loc):], loc.removesuffix("的")
                break
        head = None
        if "等" in raw:
            left, _, tail = raw.rpartition("等")
            described = _DESCRIBED_AT.search(raw) if "职责的" in raw else None
            if described and _CHARGED_TAIL.fullmatch(raw, described.end()):
                left, tail = raw[:described.start()], raw[described.end():]  # (…负有资质许可、行政处罚等…职责的部门)
            tail = _QUALIFIED_HEAD.sub("", _TAIL_QUALIFIER.sub("", tail))  # 等并联审批相关部门: 部门
            tail = _BOTH_KINDS.get(tail, tail)  # 等部门单位, 等部门和单位: 部门
            charged = _CHARGED_TAIL.fullmatch(tail)
            if charged:  # 住房城乡建设、城市管理等负有扬尘污染防治监督管理职责的部门: the list's 部门
                tail = charged.group(1)
            if tail and tail not in v["heads"] and not has_suffix(tail):
                return None
            raw, head = left, (tail or None)
        if not raw:
            return None
        if not located and items and items[0]["located"] and not has_suffix(raw) and not level_of(raw):
            located = items[0]["located"]  # 当地公安、交通运输等有关部门: 当地 is the whole list's level
        items.append({"a": pa, "b": pb, "raw": raw, "head": head, "located": located})
    if not items:
        return None
    items = _distributed_levels(text, items)
    _state_council_shares(text, items)
    _alternative_suffixes(items)
    _share_head(items)
    prefix = prefix if prefix is not None else Prefix()
    out = []
    for i, it in enumerate(items):
        raw = it["raw"]
        if i and DESCRIBED_OTHERS.fullmatch(raw):
            continue  # X和负有安全生产监督管理职责的有关部门: bodies described, not named (X is)
        if aliases:
            if aliases.get(raw) == raw:  # a term the text defines for several bodies (以下统称实施机关)
                out.append((it["a"], it["b"], raw))
                continue
            raw = _alias(raw, aliases)
        own = raw[1:]
        if raw.startswith(("其授权的", "其委托的")) and out:  # X或者其授权的Y: Y as printed (其委托的其他机关: none)
            if has_suffix(raw[4:]) and not is_generic(raw[4:]) and not raw[4:].startswith(("其他", "其它", "有关")):
                out.append((it["a"], it["b"], canonical(raw[4:], Prefix(), place)))
            continue
        if raw.startswith("其") and out and has_suffix(own) and not is_generic(own) \
                and not own.startswith(("有关", "相关", "所属", "下属", "直属", "他", "它", "授权", "委托")):
            owner = out[-1][2]
            out.append((it["a"], it["b"], owner + own))  # 市人民代表大会及其常务委员会: its standing committee
            if owner.endswith("政府"):
                prefix.level = owner  # 省级人民政府及其水行政主管部门和环境保护主管部门: the government's both
            continue
        if raw.startswith("该") and len(own) > 4 and has_suffix(own) and not is_generic(own) and own[0] != "级" \
                and own not in ("行政主管部门", "监督管理部门", "行政管理部门", "人民政府") \
                and not own.startswith(("有关", "相关", "所属", "下属", "直属")):
            raw = own  # 该自然保护区行政主管部门: the department named before, by its field
        owned = _OWNED.match(raw)
        if owned and out and raw[owned.end():] in _BARE_OWNED:
            out.append((it["a"], it["b"], out[-1][2] + raw[1:owned.end()].removesuffix("的") + raw[owned.end():]))
            continue
        if owned and out and has_suffix(raw[owned.end():]) and not is_generic(raw[owned.end():]):
            # 青岛海事局及其所属海事管理机构, 省水行政主管部门及其直属的水文机构: the body it has, at its level
            out.append((it["a"], it["b"], canonical(raw[owned.end():], prefix, place)))
            continue
        if it["located"]:
            name = canonical(raw, Prefix(), place)
            own_body = (raw in _known() and not is_generic(raw)) or ends_with_body(raw) or keeps_own_name(raw)
            if not level_of(raw) and not own_body and not raw.startswith(_TOWNSHIP_LEVELS):
                name = it["located"] + name  # 当地人民政府, 当地专利行政部门: the locator is its level
                # (当地乡镇人民政府: the township is the level)
        elif is_generic(raw):
            if raw.startswith(("其", "上级", "本级", "同级", "各")) or not prefix.level or level_of(raw) \
                    or raw in _BARE_KINDS or prefix.level in ("各级", "地方各级"):  # (…其他有关部门、机构; 各级有关部门)
                if not unit_like(raw) and not has_suffix(raw) and not _names_category(raw):
                    return None
                continue
            name = prefix.level + raw
        elif i and "或" in text[items[i - 1]["b"]:it["a"]] and it["a"] > items[i - 1]["b"] \
                and not raw.startswith(_ORGANS_OF_BODY) and not level_of(raw):
            name = canonical(raw, Prefix(), place)  # X或者Y: the alternative as printed, not at X's level
            if name in _BARE_ALTERNATIVES:
                continue  # 由市、区人民政府或者相关行政主管部门: no body named
        else:
            name = canonical(raw, prefix, place)
        if not name_shaped(name) or _generic_after_unit(name):
            return None
        if is_party(name) or is_generic(name):
            continue
        if not has_suffix(name) and name.endswith(_KIND_WORDS):
            continue  # 村党组织、村民委员会: an organisation named by its kind, not a unit's name
        if not has_suffix(name):
            return None
        out.append((it["a"], it["b"], name))
    return out


@lru_cache(maxsize=None)
def _known() -> frozenset:
    """Names of bodies of their own (海关, 税务局, a bare suffix word), which 当地 only locates."""
    named = bodies()
    return named["central"] | named["local"] | named["dispatched"] | set(vocab.words("unit_suffixes.txt"))


def _names_category(raw: str) -> bool:
    """其他社会团体, 其他群团组织: the rest of a list of bodies of one kind (工会、共青团等人民团体和其他社会团体)."""
    v = _vocab()
    return raw.startswith(("其他", "其它")) and any(raw.endswith(h) and v["heads"][h] for h in v["heads"])


def _generic_after_unit(name: str) -> bool:
    """税务局商有关部门: a generic name glued to a unit by a verb, not one name (市政府有关部门 is one)."""
    v = _vocab()
    for g in ("有关部门", "相关部门", "有关单位", "有关机关"):
        if name.endswith(g) and len(name) > len(g):
            before = name[:-len(g)]
            if before.endswith(("人民政府", "政府", "国务院")) or level_of(before + "X") == before:
                return False
            return bool(v["suffix_re"].search(before[:-1])) and not v["suffix_re"].search(before)
    return False


def expand_abbreviations(name: str, aliases: dict) -> str:
    """`name` with the document's abbreviations expanded until none is left (常委会任免工作机构 ->
    市人大常委会选举联络人事任免工作机构 -> 深圳市人民代表大会常务委员会选举联络人事任免工作机构)."""
    for _ in range(3):
        longer = _alias(name, aliases)
        if longer == name:
            break
        name = longer
    return name


def _alias(raw: str, aliases: dict) -> str:
    """执委会 -> 示范区执行委员会, 联席会议办公室 -> 国务院…联席会议办公室 (the document's 以下简称)."""
    for short in sorted(aliases, key=len, reverse=True):
        if raw == short or (raw.startswith(short) and has_suffix(raw[len(short):])):
            return aliases[short] + raw[len(short):]
    return raw


_LEVEL_WORDS = ("省", "市", "县", "区", "乡", "镇")
_TOWNSHIP_LEVELS = ("乡镇", "乡（镇）", "乡(镇)", "乡〔镇〕", "乡、镇", "乡、民族乡、镇", "街道")
LEVEL_SUFFIXES = ("厅", "局", "委", "办")  # the suffix of one department differs by level: 省公安厅, 市公安局


_TRAILING_NOTE = re.compile(r"(.+?)[（(][^（）()]{3,12}[）)]")
# 乡镇人民政府（街道办事处）, 街道办事处（镇人民政府）: the township tier printed with its urban (or rural)
# alternative in brackets names both bodies (a renamed department, 工商行政管理部门（市场监管部门）, is one)
_TOWNSHIP = r"(?:乡镇|乡、镇|乡〔镇〕|乡（镇）|乡|镇)人民政府|街道办事处"
TIER_PAIR = re.compile(rf"(?P<one>{_TOWNSHIP})[（(](?P<other>{_TOWNSHIP})[）)]")


_NOT_A_NAMED_PLACE = ("相关", "有关", "各", "所在", "本", "其", "该", "上级", "下级", "同级", "地级", "设区")


def _distributed_levels(text: str, items: list[dict]) -> list[dict]:
    """`市和浦东新区发展改革、财政等部门`: a level word joined by 和 to a named place, then bare domains:
    each domain at both (市发展改革部门, 浦东新区发展改革部门, 市财政部门, 浦东新区财政部门), as a named
    place takes no list prefix and the level word alone names no unit. A placeholder of levels
    (市和区、县人民政府) is one unit and is not touched."""
    if len(items) < 3 or items[0]["raw"] not in _LEVEL_WORDS or items[0]["head"] is not None:
        return items
    if text[items[0]["b"]:items[1]["a"]].strip() not in ("和", "及"):
        return items
    second = items[1]["raw"]
    m = _vocab()["place"].match(second)
    if not m or second.startswith(_NOT_A_NAMED_PLACE) or len(m.group(0)) < 3:
        return items
    place = m.group(0)
    if second[m.end():].startswith(("人民政府", "政府")):
        place = second[:m.end()] + ("人民政府" if second[m.end():].startswith("人民政府") else "政府")
    first_domain = second[len(place):]
    end = next((i for i, it in enumerate(items) if i >= 1 and it["head"] is not None), None)
    if end is None:
        return items
    domains = [dict(items[1], raw=first_domain)] + items[2:end + 1]
    if len(first_domain) < 2 or any(has_suffix(d["raw"]) or level_of(d["raw"]) or is_generic(d["raw"])
                                    for d in domains):
        return items
    return [dict(d, raw=level + d["raw"]) for level in (items[0]["raw"], place) for d in domains] + items[end + 1:]


def _state_council_shares(text: str, items: list[dict]) -> None:
    """`国务院和县级以上地方人民政府劳动保障行政部门`, `国务院和省人民政府文物行政部门`: the department of a level
    named after 国务院和 is the State Council's too (国务院劳动保障行政部门); a government (国务院和地方各级人民政府)
    or a generic body (国务院和省人民政府有关部门) is not shared."""
    if len(items) != 2 or items[0]["raw"] != "国务院" or items[0]["head"] or items[1]["head"]:
        return
    if text[items[0]["b"]:items[1]["a"]].strip() not in ("和", "及"):
        return
    second = items[1]["raw"]
    level = level_of(second)
    if not level or not level.endswith("政府"):
        return
    department = second[len(level):]
    if len(department) > 2 and department.endswith(("部门", "机构", "机关")) and not is_generic(department) \
            and not department.startswith(("及", "和", "的有关", "有关", "相关", "其他", "其它")):
        items[0]["raw"] = "国务院" + department.removeprefix("的")


def _alternative_suffixes(items: list[dict]) -> None:
    """`公安厅、局` (a province's 厅 or a municipality's 局): a bare level suffix after a department's name
    is that department with the other suffix, 公安局."""
    for before, it in zip(items, items[1:]):
        prev = before["raw"]
        sibling = next((k for k in _SIBLING_ORGANS if prev.endswith(k)), None)
        if it["raw"] in _SIBLING_ORGANS and sibling and len(prev) > len(sibling) + 2 and it["head"] is None:
            it["raw"] = prev[:-len(sibling)] + it["raw"]  # 常务委员会办事机构、工作机构: the committee's both
            continue
        if it["raw"] in LEVEL_SUFFIXES and len(prev) > 2 and prev.endswith(LEVEL_SUFFIXES) and it["head"] is None:
            it["raw"] = prev[:-1] + it["raw"]


# a bare kind after 或者 (或者相关行政主管部门) names no body
_BARE_ALTERNATIVES = frozenset({"行政主管部门", "主管部门", "行政部门", "行政管理部门", "监督管理部门", "部门", "机构", "机关"})
# organs named after their body without it (市人民代表大会或者常务委员会): they keep the body's level
_ORGANS_OF_BODY = ("常务委员会", "常委会", "专门委员会", "主任会议", "办事机构", "工作机构", "派出机构")
# the organs a committee or a government has, named after the first one without their owner
_SIBLING_ORGANS = ("办事机构", "工作机构", "代表工作机构", "派出机构")


def _share_head(items: list[dict]) -> None:
    """Distribute a head shared by a run of items over those printed without one: the run ends at an
    item with `等` + head, or at the first item that has a suffix of its own (its head is derived)."""
    v = _vocab()
    pending: list[dict] = []
    domain_bodies: list[dict] = []  # 海关 inside the run: it takes the run's 部门 (BODY_AND_DOMAIN)
    for it in items:
        head = it["head"]
        if head is not None:
            category = v["heads"].get(head, False)
            for other in pending + [it]:
                if not category and not has_suffix(other["raw"]):
                    other["raw"] += _joined_head(other["raw"], head)
            _field_of(domain_bodies + ([it] if it["raw"] in BODY_AND_DOMAIN else []), None if category else head)
            pending, domain_bodies = [], []
        elif is_generic(it["raw"]) and not _own_domain(it["raw"]) or is_party(it["raw"]) and has_suffix(it["raw"]):
            other = _OTHER_OF_KIND.match(it["raw"]) if pending and it is items[-1] else None
            if other and not is_party(it["raw"]) and name_shaped(it["raw"][other.end():]) \
                    and not any(is_party(bare["raw"]) or not name_shaped(bare["raw"]) for bare in pending):
                # 林业草原或者其他有关行政主管部门, 通信、导航和其他飞行保障部门: the list's own kind, named once
                rest = it["raw"][other.end():]
                derived = _derived_head(pending, "有关" + rest) if other.group(0).endswith(("有关", "相关")) \
                    else _derived_head(pending, rest)
                if derived and not derived.endswith(("部门", "机关", "机构")):
                    derived = None  # (提案人和其他专门委员会的成员: no fields of one kind)
                for bare in pending if derived else ():  # (教育行政和其他有关行政管理部门: 教育行政管理部门)
                    bare["raw"] += derived[2:] if derived.startswith("行政") and bare["raw"].endswith("行政") else derived
            pending, domain_bodies = [], []  # (a bare party word takes the shared head: 企业、行业、区域工会 -> 企业工会)
        elif not has_suffix(it["raw"]) or it["raw"].endswith("财政"):  # 同级财政、审计机关
            pending.append(it)
        else:
            if pending and name_shaped(it["raw"]):  # (法律、法规、规章规定市场监督管理部门: no list of domains)
                derived = _derived_head(pending, it["raw"])
                if derived:
                    for other in pending:  # 金融监管、通信管理部门: 金融监管部门, not 金融监管管理部门
                        if is_party(other["raw"]) and derived not in v["outside"]:
                            continue  # 学校和社区指导机构: the school stays a party; 企业、行业工会: 企业工会
                        if v["placeholder"].fullmatch(other["raw"]) and not derived.endswith("政府"):
                            continue  # 省、市、县和乡镇、街道、社区、村（居）民委员会: levels, not a 委员会 of each
                        if other["raw"].endswith(_KIND_WORDS):
                            continue  # 村党组织、村民委员会: an organisation named by its kind takes no 委员会
                        tail = derived[2:] if derived.startswith("管理") and other["raw"].endswith(("监管", "管理")) \
                            and len(derived) > 2 else derived
                        other["raw"] += tail
                    _field_of(domain_bodies, derived)
                elif it["raw"] in _known():
                    if it["raw"] in BODY_AND_DOMAIN:
                        domain_bodies.append(it)
                    continue  # 财政、海关、税务部门: a body named in full inside the run; the head comes later
            pending, domain_bodies = [], []


_OTHER_OF_KIND = re.compile(r"其他(?:有关|相关)?|其它(?:有关|相关)?")


def _field_of(bodies: list[dict], head: str | None) -> None:
    """海关 in a run of fields sharing 部门 (移民管理、海关、海警等部门; 财政、海关、税务部门) is 海关部门."""
    if head == "部门":
        for it in bodies:
            it["raw"] += head


# the head of a list described by the duty its bodies hold: 等(依法)负有…职责的部门, 等依法承担…职责的部门
_CHARGED_TAIL = re.compile(r"(?:依法)?(?:对[^，。；、]{1,20}?)?(?:负有|承担|具有)[^，。；]{1,30}?职责的(部门|机关|机构)")
_DESCRIBED_AT = re.compile(r"等(?=(?:依法)?(?:对|负有|承担|具有))")
# the same description as a span a list is never split inside (…负有资质许可、行政监管职责的部门)
_CHARGED_RUN = re.compile(r"(?<=等)(?:依法)?(?:对[^，。；、]{1,20}?)?(?:负有|承担|具有)[^，。；]{1,30}?职责的(?:部门|机关|机构)")
_KIND_WORDS = ("组织", "团体", "单位")
# a body's name that is also the field of a department (移民管理、海关、海警等部门 -> 海关部门, as dev, test6, test7
# and test10 read it; 海关 alone, outside such a list, stays 海关)
BODY_AND_DOMAIN = frozenset({"海关"})


def _own_domain(raw: str) -> bool:
    """其发展改革 in 县级以上人民政府及其发展改革、财政部门: a bare domain of the body named before (it takes
    the list's head), not a generic word."""
    own = raw[1:]
    return raw.startswith("其") and len(own) >= 2 and not has_suffix(own) and not is_generic(own) \
        and not own.startswith(("他", "它", "有关", "相关", "所属", "下属", "直属", "授权", "委托", "中"))


def _joined_head(domain: str, head: str) -> str:
    """The head a domain takes from its list: 应急管理、自然资源等行政管理部门 -> 应急管理部门 (not 应急管理行政管理部门),
    自然资源行政管理部门."""
    if domain.endswith(("管理", "监管")):
        for lead in ("行政管理", "管理"):
            if head.startswith(lead) and len(head) > len(lead) + 1:
                return head[len(lead):]
    return head


def _derived_head(headless: list[dict], last: str) -> str | None:
    """The head of `last` that the headless items before it share: after named places the whole rest
    (江苏省、浙江省人民政府), else the longest head word (发展改革、财政部门 -> 部门)."""
    v = _vocab()
    if all(v["place"].fullmatch(it["raw"]) or it["raw"] in _LEVEL_WORDS for it in headless):
        m = v["place"].match(last)
        if m and m.end() < len(last):
            return last[m.end():]
    short = province_short_names()
    if all(it["raw"] in short for it in headless):  # 河南、山东黄河河务局: the provinces' bodies of one name
        lead = next((n for n in short if last.startswith(n)), None)
        if lead and len(last) - len(lead) >= 3:
            return last[len(lead):]
    for h in v["head_words"]:
        if not v["heads"][h] and last.endswith(h) and len(last) - len(h) >= 2 \
                and not _cuts_domain(last, len(last) - len(h)):
            return h
    return None


def _cuts_domain(name: str, cut: int) -> bool:
    """Whether splitting `name` at `cut` falls inside a domain of unit_domains.txt (司法行政|部门 is the
    split of 司法行政部门, not 司法|行政部门)."""
    return any(end - n + 1 < cut <= end for end, n in _vocab()["domains"].iter(name))
