"""Units named in running text and the role the sentence gives them (the prose half of `units`).

A unit is reported where a sentence makes it act, in these positions:
- the subject of a clause (`县级以上人民政府应当…`, `国家中医药局印发…`, `（市场监管总局负责）`, also after a
  leading date `3月底前国家卫生健康委完成…` and a relative clause `…设立的动物疫病预防控制机构，依法承担…`);
- after `由` (由X负责, 由X审批), `请`/`应请` (a request), `会同` and `应当与` (partners), `经X审核/批准` and
  `报X审批/批准` (the bodies a procedure passes through; `经X会同Y批准`: X leads), `设在` (the body housing an
  office), `受X领导` and `接受X的监督管理` (the body over the subject).
The role comes from the words after the subject (adverbials such as 依法, 在…领导下, 按照各自职责 skipped):
- `lead`: 牵头, 为牵头单位, 会同 Y (Y: `support`), and X of `由X…，Y配合`;
- `support`: 配合, 协助, 参与, 协同, the partner Y of `X应当与Y…` and `加强与Y的协调配合`, `按照各自职责做好`
  / `在各自职责范围内做好` (a list after the competent department), `按职责分工负责` after a lead;
- `competent` (the department a regulation puts in charge of a field): 主管…, 统一管理, 具体负责…,
  `是…主管部门/管理机构`, `对…实施监督管理`, and 负责 with a charge (本行政区域, 本辖区, 监督管理, 监督检查,
  管理工作, 组织、协调 …), the cue words in `data/unit_charge_cues.txt`;
- `responsible`: every other duty (X应当…, X负责 without a charge, 由X…, 请X…).
Names are read by `unit_names.split_names`.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..lexicon import vocab
from ..lexicon.numbering import CIRCLED, CN, match_label
from ..lexicon.spacing import WS
from . import unit_names as un
from .found import Found

SENTENCE_END = "。；;！？!?\n"
CLAUSE_END = "，,：:（(。；;！？!?\n"
LEVEL_CHARS = "省市县区乡镇旗州"
# a one-character suffix that is the start of a longer word: 社会, 部分, 委托 …
SPLIT_WORDS = {"社会", "部分", "部署", "部位", "委托", "委派", "院校", "办法", "办理", "办公", "局面", "局部", "站点",
               "署名", "行为", "行动", "行政", "会议", "处理", "处罚", "处置", "所有", "所得", "所在", "厅局", "组成"}
OPEN = "（(〔［[【"
CLOSE = "）)〕］]】"
# what may stand between a clause start and its subject
LEADING = re.compile(
    r"(?:[ \t\u3000]+|(?:同时|此外|另外|其中|并且|并|但|对此|为此|据此|今后|目前|届时|如果)[，,]?"
    r"|(?:(?:[0-9]{4}|[〇零○一二三四五六七八九]{4})年(?:[0-9]{1,2}月)?(?:底|末)?(?:前|以前|之前|起|以来|开始|内)?"
    r"|[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:底|末)?(?:前|以前|之前))[，,]?)*")
_OWNER_GAP = re.compile(r"(?:依法|依照[^，。；]{0,20}?规定)?")
RELATIVE = re.compile(r"(?:设立|所属|下属|设置|指定|确定|委托|组建|成立)的")
NOT_AFTER = ("的", "之", "建军", "工作人员", "人员", "负责人", "长", "员", "令", "名义", "职责", "预算", "文件", "网站",
             "系统", "平台", "所属", "下属", "设立的", "批准的", "印发的", "制定的", "规定的", "确定的", "发布的",
             "公布的", "出具的", "颁发的", "核发的", "认定的", "等", "会议", "组成人员", "成员",
             # a post its head holds (由国务院总理批准, 由公安部部长批准): not the body itself
             "总理", "部长", "厅长", "局长", "省长", "市长", "县长", "区长", "主席", "政治部主任")
# what never follows the agent named after 由, whatever its verb (由民航总局副局长…, 由主办者, 由赛事主办方,
# 由分支机构所在地监督管理部门)
_NOT_AFTER_AGENT = NOT_AFTER + ("者", "方", "队", "学", "所在", "住所地", "副", "主任", "书记", "领导", "同志", "负责同志")
# …居民委员会和个人应当予以配合: persons close a list of units (they are no unit; the units before them act)
_PERSONS_TOO = r"(?:和|及|以及)(?:个人|公民|其他组织)"
_PERSONS_AFTER = re.compile(_PERSONS_TOO + r"(?![\u4e00-\u9fff]{0,2}(?:委员会|部门|机构|单位))")
# 药品监督管理部门及其工作人员不得…: a body and its staff (the body is the unit)
_STAFF = r"及其(?:工作人员|人民警察|执法人员|(?:主要)?负责人)"
_STAFF_AFTER = re.compile(_STAFF)
ADVERBIAL = re.compile(
    r"(?:[，,](?:以及|及)[^，,。；]{2,30}?(?=[，,])"  # …等部门，以及关心下一代工作组织，按照各自职责
    r"|(?:依照|依据|按照|根据)本(?:条例|法|办法|规定|细则|决定)(?![的和及、规])"  # 依照本条例负责…
    r"|[ \t\u3000，,]+|[（(](?:以下)?(?:简称|统称|称)[^（()）]{1,20}[）)]|在[^，。；]{1,30}?(?:领导|指导|组织|协调|监督|统筹)下|在(?:其|各自)的?(?:管辖|职责)范围内"
    r"|按照?[^，。；]{0,40}?(?:职责分工|职责|分工|要求|规定(?:的?职责(?:分工)?)?|权限|程序|标准)(?!的)(?:[和及][^，。；]{0,20}?(?:职责|要求|规定|标准|程序)(?!的))?"
    r"|依照[^，。；]{0,40}?(?:规定|职责分工|职责|职权与程序|职权和程序|职权|权限|程序|计划|方案|标准)(?![的和及、])|依据[^，。；]{0,20}?(?:规定|职责)(?!的)(?:划分|分工)?|根据[^，。；]{0,30}?(?:需要|规定|要求|职责)(?!的)(?:分工)?"
    # a whole clause of the basis, set off by a comma: 依照职业病防治法律、法规、国家职业卫生标准和卫生要求，
    # 根据本级…划定结果， (ending in a noun of basis, so never a verb of the predicate: 根据实际设立…)
    r"|(?:依照|依据|按照|根据)[^，。；]{1,40}?(?:法律|法规|标准|要求|规定|职责|划分|分工|原则|结果|情况|实际|需要|程序"
    r"|政策|规划|计划|方案|部署|章程)(?=[，,])|(?:依照|按照)(?:其|各自的?)?章程"
    r"|(?:依托|结合|围绕)[^，。；]{1,40}?(?=[，,])"  # 依托政务服务中心、…等平台，会同相关部门…
    r"|各负其责|互通信息|密切配合(?=[，,])"  # 按照职责分工，各负其责，互通信息，密切配合，对…进行监督检查
    r"|" + _STAFF + "|" + _PERSONS_TOO + r"|在各自(?:的)?(?:职责|工作)范围内|在(?:全国|本行政区域|本辖区|辖区)(?:范围)?内|在职责范围内|依法|定期|具体|统一|共同|分别|主要|切实|认真|积极|应当|应|要|须|必须|将|也要|还要|可以|可|一般"
    r"|于[^，。；]{0,12}?前)*")
SUPPORT_STARTS = ("配合", "协助", "协同配合", "予以协助", "予以配合", "给予协助", "给予配合", "提供协助", "及时予以协助", "及时予以配合", "给予支持配合", "予以支持配合", "支持、配合", "支持和配合", "积极配合",
                  "紧密配合", "参与", "协同", "派人参与", "派员参与", "派人参加", "派员参加")
COMPETENT_STARTS = re.compile(r"(?:主管|统一管理|归口管理|统一负责|统一领导和管理"
                              r"|统一组织(?:和|、)实施(?=[^，。；]{0,30}?工作(?:[，。；]|$)))")  # 国家统计局统一组织和实施…核算工作
IS_CHARGE = re.compile(r"是[^，。；]{0,40}?(?:领导机关|主管部门|主管机关|主管单位|主管机构|管理机构|执行机构|实施机关|行政主管部门|办事机构|工作机构|议事协调机构|协调机构|专责机关|监督机关|监察机关|执法机关|监督管理部门)")
OVER = re.compile(r"对[^，。；]{1,60}?(?:实施|进行|组织开展)(?:统一的?|[\u4e00-\u9fff]{2}(?=监督检查|监督管理|管理))?(?:监督管理|管理|指导、协调和监督|监督和管理|监督|督导)"
                  r"|对[^，。；]{1,60}?实行[\u4e00-\u9fff]{0,6}?(?:管理|监管)")
AREA = re.compile(r"^(?:组织、管理|管理|承办|统筹推进|组织实施(?=本行政区域|本辖区)|组织(?!编制|制定|实施|开展)|统筹|指导(?:和|、)?监督|监督(?:和|、)?指导)[^，。；]{0,6}?(?:本行政区域|本辖区|辖区内|全国)")
TRIGGER = re.compile(r"(?=[由请会经报并])(?:(?<=[，,])并与|(?:(?<![自理缘])|(?<=管理))由(?![于此你他]|本(?![级市省区县州]))|(?<![申提])请(?!求|示)|会同|(?<!已)经过(?=[^，。；]{2,40}?的?(?:考核|审核|审查|批准|认定|核准))|(?<!已)经(?![过营费济常验历费办手纪])|报(?:送)?(?![告表名道刊纸]))")
OTHERS_SUPPORT = re.compile(r"[，,][^，,。；]{1,20}?(?:配合|协助)")
APPROVE = re.compile(r"(?:审核|审查|批准|同意|审定|审批|核准|许可)")
_APPROVED_BY = re.compile(r"的?(?:考核|审核|审查|批准|认定|核准)")  # 经过X的考核


@lru_cache(maxsize=None)
def _cues() -> re.Pattern:
    return re.compile(rf"^负责(?:[^。；]{{0,40}}?(?:{vocab.alternation('unit_charge_cues.txt')})"
                      rf"|本市|全市|本省|全省)")


def find_duties(text: str, covered: list[tuple[int, int]], place: str | None,
                aliases: dict | None = None, regulation: bool = False, after_competent: bool = False) -> list[Found]:
    """Units acting in the sentences of `text` (outside the `covered` list bodies), with their roles.
    `regulation`: the text is an article of a regulation, where `X负责…` gives X a standing field of work
    (competent) unless what follows is one task (负责编制…); in a notice X负责 is one task (responsible)."""
    ends = _name_ends(text)
    if not ends:
        return []
    out: list[Found] = []
    start = 0
    for m in _SENTENCE_SPLIT.finditer(text + "\n"):
        stop = m.start()
        if _ends_between(ends, start, stop):
            out += _sentence(text, start, stop, ends, covered, place, aliases, regulation, after_competent)
            if text[stop:stop + 1] == "。" and _TASKS_AFTER.match(text, stop + 1):
                out += _heading_body(text, start, stop, ends, covered, place, aliases)
        start = m.end()
    return out


_TASKS_AFTER = re.compile(r"[ \t\u3000]*(?:主要)?(?:负责|承担)")


def _heading_body(text, a, b, ends, covered, place, aliases) -> list[Found]:
    """`（二）监督组。负责对…进行监督`: a body named alone as a heading, its tasks in the next sentence."""
    s = _after_label(text, a, b)
    if any(x <= s < y for x, y in covered):
        return []
    subject = _subject(text, s, b, ends, place, aliases, free=True)
    if not subject or subject[1] != b:
        return []
    return [Found("UNIT", na, nb, text[na:nb], {"name": name, "role": "responsible", "inherited": False})
            for na, nb, name in subject[0]]


_SENTENCE_SPLIT = re.compile(r"[。；;！？!?\n]")


def _name_ends(text: str) -> list[int]:
    """Where a unit's name may end: after a unit suffix or a list's category (等人民团体), not inside a known body's name (省人大常委|会),
    not where a list goes on (、和及与或), and not where the suffix starts a word (社会, 部分) unless a
    known body's name ends there (司法部分别会同)."""
    ends, inside, body_ends = un.name_positions(text)
    if "和" in text or "、" in text:
        # 各级教育行政部门和学校应当…: a list may end with a party the text regulates; split_names drops it
        more = [m.end() for m in _party_after_list().finditer(text)]
        if more:
            ends = sorted(set(ends) | set(more))
    if "等" in text or "其他" in text or "其它" in text:
        # 工会、妇女联合会等人民团体, …以及其他社会团体: a list closed by a category word ends there
        closed = [m.end() for m in un.category_ends(text)]
        if closed:
            ends = sorted(set(ends) | set(closed))
    if not ends:
        return ends
    if "（" in text or "(" in text:  # 乡镇人民政府（街道办事处）: two bodies, the name ends after the bracket
        pairs = [m.end() for m in un.TIER_PAIR.finditer(text)]
        if pairs:
            ends = sorted(set(ends) | set(pairs))
    if "（" in text or "(" in text:  # 办公厅（室）, 驻外使（领）馆（经商处室）: an alternative suffix in brackets
        more = [m.end() for m in (_ALTERNATIVE_SUFFIX.match(text, e) for e in ends) if m]
        if more:
            ends = sorted(set(ends) | set(more))
    return [e for e in ends if e not in inside
            and (text[e:e + 1] not in "、和及与或" or text.startswith(("及时", "或者会同", "或会同"), e)
                 or _STAFF_AFTER.match(text, e) or _PERSONS_AFTER.match(text, e)
                 or text.startswith(_with_party(), e))  # X与当事人协商…: X acts
            # (由X或者会同有关部门责令…: X acts, alone or with others)
            and not text.startswith(_WORD_GOES_ON.get(text[e - 1], "\0"), e)  # 有关部|门, 委|员会
            and not text.startswith(_GENERIC_AFTER, e)  # 国务院|有关部门和海南省: the name goes on
            and (e in body_ends and text[e - 1:e + 1] not in _VERB_SPLITS or text[e - 1:e + 1] not in SPLIT_WORDS)]


# a known body's name ending in 办 (市人民政府办) does not end before 理 or 法: 由市人民政府办理
_VERB_SPLITS = frozenset({"办理", "办法", "办公"})


_ALTERNATIVE_SUFFIX = re.compile(un.ALTERNATIVE_SUFFIX)
_GENERIC_AFTER = ("有关部门", "相关部门", "有关单位", "有关机关")
# a one-character suffix whose word goes on into a longer suffix: no name ends inside it
_WORD_GOES_ON = {"部": "门", "委": "员会"}


def _ends_between(ends: list[int], a: int, b: int) -> list[int]:
    i = bisect.bisect_left(ends, a + 2)
    j = bisect.bisect_right(ends, b)
    return ends[i:j]


def _clause_starts(text: str, a: int, b: int) -> list[int]:
    """Where the clauses of text[a:b] start: after its label, after ，：, and inside a bracket that opens a
    remark (工作（市场监管总局负责）), not one that belongs to a name (县（市、区）人民政府)."""
    out = [_after_label(text, a, b)]
    for m in _CLAUSE_MARK.finditer(text, a, b):
        i = m.start()
        if text[i] in OPEN:
            if i > 0 and text[i - 1] in LEVEL_CHARS:
                continue
            out.append(_after_label(text, i, b))
        else:
            out.append(_after_label(text, i + 1, b))
    if "以及" in text[a:b]:  # …高等院校的主管部门以及市财政、科学技术等部门应当…: the named part of a subject
        for m in _AND_ALSO.finditer(text, a, b):
            clause = text[max([a] + [o for o in out if o <= m.start()]):m.start()]
            if un.has_suffix(text[max(a, m.start() - 8):m.start()]) and not _PARTNERED.search(clause):
                out.append(m.end())  # (after a body's name, not in a list of partners: 会同X、Y以及Z)
    return sorted(set(out))


_AND_ALSO = re.compile(r"以及(?!其他|其它|有关|相关)")
_PARTNERED = re.compile(r"会同|协助|配合|与|商|报|经|由|请")


_CLAUSE_MARK = re.compile(f"[{re.escape(CLAUSE_END)}]")


LABEL_STARTS = set("第（(〔［[【一二三四五六七八九十0123456789①②③④⑤⑥⑦⑧⑨⑩")


# every character a numbering label and the spaces after it consist of: a label's reading depends only
# on the run of these at the start of a line and on the character after it (whether there is one, and
# whether it is one of 年月日%万元, which make `2.`/`2、` a number rather than a label)
_LABEL_RUN = re.compile(rf"[第{CN}0-9０-９编編章节節条條之（()）、．.{CIRCLED}{WS}]*")
_AFTER_NUMBER = frozenset("年月日%万元")
_ASCII_DIGIT = re.compile("[0-9]")


@lru_cache(maxsize=4096)
def _label_end(run: str) -> int:
    label = match_label(run)
    return label.end if label else 0


def _label_length(text: str, i: int, b: int) -> int:
    """match_label(text[i:b]).end (0 if none), remembered by the label run it depends on. A run with an
    ASCII digit may be a standard's clause number (1 范围, 3.1 术语), whose reading depends on the rest
    of the line: it is read afresh."""
    e = _LABEL_RUN.match(text, i, b).end()
    if _ASCII_DIGIT.search(text, i, e):
        label = match_label(text[i:b])
        return label.end if label else 0
    after = text[e:e + 1] if e < b else ""
    return _label_end(text[i:e] + (after if not after or after in _AFTER_NUMBER else "X"))


def _after_label(text: str, i: int, b: int) -> int:
    """Past the spaces, a numbering label (（三）, 第五条, 2.) and opening brackets at `i`."""
    while i < b and text[i] in " \t\u3000":
        i += 1
    if i < b and text[i] in LABEL_STARTS:
        i += _label_length(text, i, min(b, i + 12))
    while i < b and text[i] in " \t\u3000" + OPEN:
        i += 1
    return i


_LEVEL_BRACKET = re.compile(r"[（(][\u4e00-\u9fff、]{1,8}[）)]")  # 县（市、区）, 区县（自治县）: part of a name


def _clause_mark_in(text, a, b) -> bool:
    """A clause mark in text[a:b], brackets of levels inside a name (县（市、区）) aside."""
    part = text[a:b]
    if "（" in part or "(" in part:
        part = _LEVEL_BRACKET.sub("", part)
    return any(ch in CLAUSE_END for ch in part)


def _sentence(text, a, b, ends, covered, place, aliases, regulation=False, after_competent=False) -> list[Found]:
    found: list[tuple[Found, str]] = []  # (unit, how it was found)
    taken: set[tuple[int, int]] = set()

    def add(names, role, how):
        for na, nb, name in names:
            if (na, nb, name) in taken or any(x <= na < y for x, y in covered):
                continue
            same = [f for f, _ in found if f.start == na and f.end == nb] if found else ()
            if same:  # X以及应急管理、财政等部门: read with the list's level once, not again without it
                if any(f.data["name"].endswith(name) and f.data["name"] != name for f in same):
                    continue
                found[:] = [(f, h) for f, h in found if not (f.start == na and f.end == nb
                                                             and name.endswith(f.data["name"]) and f.data["name"] != name)]
            taken.add((na, nb, name))
            own = "responsible" if role == "competent" and _SELF_GOVERNING.search(name) else role
            found.append((Found("UNIT", na, nb, text[na:nb], {"name": name, "role": own, "inherited": False}),
                          how))

    # the ends a subject may have: a predicate follows (the same for every clause of the sentence)
    viable = [e for e in _ends_between(ends, a, b) if _may_end_subject(text, e, b)]
    has_lead = False
    request = "请" in text[a:b] or "建议" in text[a:b]  # a request (请X…) is read whatever follows the name
    last_viable = viable[-1] if viable else -1
    for c in (_clause_starts(text, a, b) if viable or request else ()):
        if not request and c + 2 > last_viable:
            break  # no name starting here or later can have a predicate after it
        if c >= b or not _ends_between(ends, c, min(b, c + 100)) or any(x <= c < y for x, y in covered):
            continue
        m = LEADING.match(text, c, b)
        s0 = m.end() if m else c
        joiner = "以及" if text.startswith("以及", s0) else "或者" if text.startswith("或者", s0) else ""
        if joiner and c > a and text[c - 1] in "，," and _comma_list_before(text, a, c, ends, place, aliases):
            s0 += 2  # …等部门，村民委员会、居民委员会，以及街道办事处应当…: the last part of a list of subjects
            # (乡、民族乡、镇人民政府，或者区县（自治县）人民政府及其有关部门，应当…: either of them)
        starts = [s0]
        zoned = -1  # the start after a zone's qualifier, if any
        rel = RELATIVE.search(text, s0, min(b, s0 + 40))
        if rel and _clause_mark_in(text, s0, rel.start()) and _DESIGNATED_BY.match(text[s0:rel.end()]):
            rel = None  # 区县（市）人民政府确定的…: read as a qualifier below
        if rel and not _clause_mark_in(text, s0, rel.start()):
            owner = _subject(text, s0, rel.start(), ends, place, aliases, free=True)
            bracketed = any(ch in CLAUSE_END for ch in text[s0:rel.start()])  # (县（市、区）人民政府设立的…)
            designated = text.startswith(("部门", "机构", "机关", "单位"), rel.end()) and rel.group(0) in ("指定的", "确定的")
            if owner and _OWNER_GAP.fullmatch(text, owner[1], rel.start()) and not designated:
                starts.insert(0, rel.end())  # 国务院民政部门依法设立的福利彩票发行机构…负责: the body set up acts
            elif not bracketed:
                starts.append(rel.end())  # (…政府指定的部门或者乡镇人民政府: the designated department first)
        elif not rel:
            qualified = _QUALIFIED.match(text, s0, b)  # 接到报案的公安机关应当…: a relative clause before the subject
            if qualified and (_ACTS.match(qualified.group(0)) or _DESIGNATED_BY.match(qualified.group(0))) \
                    and not _COMPOSED.search(qualified.group(0)):
                starts.append(qualified.end())
            elif qualified and _ZONE.search(qualified.group(0)):
                starts.append(qualified.end())  # 地震灾区的各级人民政府应当…: the zone is no part of the name
                zoned = qualified.end()  # (the names after it must have a level)
        for s in starts:
            if text.startswith(("请", "应请", "建议"), s) and not text.startswith(("请求", "请示"), s):  # 建议湖北省人民政府…: a reply's request
                s += 2 if text.startswith(("应请", "建议"), s) else 1
                subject = _subject(text, s, b, ends, place, aliases, free=True)
                if subject:
                    names, e = subject
                    role, extra = _role(text, e, b, has_lead, ends, regulation)
                    add(names, "responsible" if role == "competent" else role, "request")
                    if extra:
                        add(extra[0], extra[1], "partner")
                    break
                continue
            subject = _subject(text, s, b, viable, place, aliases)
            if not subject and s != s0:
                subject = _defined_term(text, s, b, several=bool(joiner))  # …确定的部门（以下称监督管理部门）负责…
            if subject and s != s0 and not rel and not all(_stands_alone(n) for _, _, n in subject[0]):
                subject = None  # 负有监督管理职责的部门: no body is named
            if subject and s == zoned and not all(un.level_of(n) for _, _, n in subject[0]):
                subject = None  # 流域的管理机构: a body of the zone, not one of a level the zone is in
            if not subject:
                continue
            names, e = subject
            term = _TERM_AFTER.match(text, e, b) if text[e:e + 1] in "（(" else None
            if term and un.has_suffix(term.group(1)) and any(un.DESIGNATED.search(n) for _, _, n in names) \
                    and not ((len(names) > 1 or joiner) and "统称" in text[e:term.start(1)]):
                # X或者省人民政府确定的部门（以下称燃气行政主管部门）负责…: the term the text defines for them
                # (but a 统称 of several bodies, 实施机关 of X，Y，以及Z指定的部门, leaves each named)
                names = [(term.start(1), term.end(1), term.group(1))]
            role, extra = _role(text, e, b, has_lead, ends, regulation)
            if role == "competent" and "由" in text[s:names[0][0]] and _BY_ONE_ACT.match(text, e, b):
                role = "responsible"  # 重大事故由事故发生地省级人民政府负责调查 (read past the locator): one act
            if role == "support" and regulation and not has_lead and un.level_of(names[0][2]) \
                    and not _ANY_OTHER.search(text, s, e) and _DOES_OWN_PART.match(text, e, b):
                role = "competent"  # 区、县电力行政管理部门按照各自职责，做好本行政区域内的…工作: its own field
            elif role == "support" and not has_lead and not _ANY_OTHER.search(text, s, e) \
                    and _OBLIGED_OWN_PART.match(text, e, b) \
                    and not ("关工作" in text[e:b] and _RELATED_WORK.match(text, e, b)):
                role = "responsible"  # 乡镇人民政府、街道办事处应当按照职责做好…工作: an obligation of its own
            if role in ("competent", "responsible") and after_competent and regulation and not has_lead \
                    and ("等" in text[s:e] and _SHARED_REMIT.match(text, e, b)
                         or _ANY_OTHER.search(text, s, e) and _OWN_DUTIES.match(text, e, b)):
                role = "support"  # …等相关行政部门在各自职责范围内依法履行监督管理职责, after the unit in charge
            has_lead = has_lead or role == "lead"
            before = _comma_list_before(text, a, c, ends, place, aliases) if s == s0 else []
            if joiner and before:
                names = _with_level_of(before[-1][2], names)
                spans = {(na, nb) for na, nb, _ in before}
                for i, (f, how) in enumerate(found):  # read before as subjects of 以及…: the role is the one the
                    if (f.start, f.end) in spans:  # list's predicate gives
                        found[i] = (Found(f.label, f.start, f.end, f.raw, dict(f.data, role=role)), how)
            add(before, role, "subject")
            add(names, role, "subject")
            if extra:
                add(extra[0], extra[1], "partner")
            break
    if regulation and "受" in text[a:b]:
        for m in _UNDER.finditer(text, a, b):  # 各专门委员会受全国人民代表大会领导: the body over it, a standing charge
            over = _subject(text, m.end(), b, ends, place, aliases, free=True)
            if over and _LED_BY.match(text, over[1], b):
                add(over[0], "competent", "受")
    if text.find("接受", a, b) >= 0:
        for m in _ACCEPTS.finditer(text, a, b):  # 商业银行依法接受国务院银行业监督管理机构的监督管理: the body over it
            over = _subject(text, m.end(), b, ends, place, aliases, free=True)
            oversight = _OVERSIGHT.match(text, over[1], b) if over else None
            if oversight:
                field = oversight.group(1) in ("监督管理", "管理", "监管", "领导")
                add([n for n in over[0] if not _UNNAMED.search(n[2])], "competent" if field else "responsible", "接受")
    if "设" in text[a:b] or "建立" in text[a:b] or "成立" in text[a:b] or "组建" in text[a:b]:
        for m in _SETS_UP.finditer(text, a, b):  # 国务院建立…部际联席会议，负责拟订…: the body set up acts
            made = _subject(text, m.end(), b, ends, place, aliases, free=True)
            if made and text[made[1]:made[1] + 1] in "，," and _DOES_AFTER_SETUP.match(text, made[1] + 1, b):
                role, _ = _role(text, made[1] + 1, b, has_lead, ends, regulation)
                add(made[0], role, "set up")
    for m in TRIGGER.finditer(text, a, b):
        k = m.end()
        word = "经" if m.group(0) == "经过" else m.group(0)  # 必须经过X的考核: X approves, as after 经
        if any(x <= m.start() < y for x, y in covered):
            continue
        if word == "会同" or word == "并与":  # read with the subject before it (_role); in a later clause (X应当建立…，并会同Y…)
            partners = _subject(text, k, b, ends, place, aliases, free=True)  # its partners still support
            if partners and any(how in ("subject", "经", "由") and f.end <= m.start() for f, how in found):  # (江苏省、浙江省、本市有关部门: no unit named)
                named = [n for n in partners[0] if not _UNNAMED.search(n[2])]
                if named and word == "会同" and text[max(a, m.start() - 2):m.start()] in ("，并", ",并"):
                    # X应当建立…，并会同Y建立…: X leads the work it shares with Y
                    for i, (f, how) in enumerate(found):
                        if how == "subject" and f.end <= m.start() and f.data["role"] == "responsible":
                            found[i] = (Found(f.label, f.start, f.end, f.raw, dict(f.data, role="lead")), how)
                add(named, "support", "partner")
            continue
        if word in ("由", "经") and _POST.search(text, k, min(b, k + 60)):
            post = _post_holder(text, k, b, ends, place, aliases)  # 由公安部部长批准授予: the post acts
            if post:
                add(post, "responsible", word)
                continue
        # after 由 the name is the agent whatever verb follows (由X拍照后处理, 由X征求…意见后确定): 由 marks it
        free = word.startswith("报") or word in ("经", "请", "由")
        cands = ends if word != "由" else [e for e in ends if not text.startswith(_NOT_AFTER_AGENT, e)
                                           or _LED_BY.match(text, e, b)]  # (由X领导。: 领导 is the verb)
        subject = _subject(text, k, b, cands if free else viable, place, aliases, free=free)
        if not subject and word == "由":
            qualified = _QUALIFIED.match(text, k, b)  # 由先收到投诉的市场监督管理部门处理: a relative clause
            if qualified and not _COMPOSED.search(qualified.group(0)):
                subject = _subject(text, qualified.end(), b, cands, place, aliases, free=True)
                if subject and not all(_stands_alone(n) for _, _, n in subject[0]):
                    subject = None  # 由负有监督管理职责的行政主管部门: no body is named
        if not subject:
            continue
        names, e = subject
        if word == "由" and _ELECTED_AFTER.match(text, e, b):
            continue  # 国家监察委员会由全国人民代表大会产生: the body that elects it does no duty here
        if (word.startswith("报") or word == "经") and text.startswith("会同", e):
            partners = _subject(text, e + 2, b, ends, place, aliases, free=True)
            if partners and (APPROVE.match(text, partners[1]) or _APPROVE_SOON.match(text, partners[1], b)):
                add(names, "lead", word)  # 经国务院交通主管部门会同市人民政府批准: the first leads the approval
                add([n for n in partners[0] if not _UNNAMED.search(n[2])], "support", "partner")
                continue
        if word.startswith("报") or word == "经":
            if not APPROVE.match(text, e) and not _APPROVE_SOON.match(text, e, b) \
                    and not (m.group(0) == "经过" and _APPROVED_BY.match(text, e, b)):
                continue
            add(names, "responsible", word)
            continue
        role, extra = _role(text, e, b, has_lead, ends, regulation)
        if word == "请":
            role = "responsible" if role == "competent" else role
        elif word == "由" and text[max(a, m.start() - 2):m.start()] == "统一":
            role = "competent"  # 社会团体统一由各级民政部门登记管理
        elif word == "由" and regulation and role == "responsible" and _CARRIES_OUT.match(text, e, b) \
                and _FIELD_BEFORE.fullmatch(text, _after_label(text, a, m.start()), m.start()):
            role = "competent"  # 对医疗机构…的监督管理，由卫生行政部门依照本法的规定实施: the field is its charge
        elif word == "由" and regulation and _DETAIL_WORK.search(text, a, m.start()) and _TAKES_ON.match(text, e, b):
            role = "competent"  # 具体工作由X承担: the standing work under the department in charge
        elif word == "由" and regulation and _LED_BY.match(text, e, b):
            role = "competent"  # 澳门驻军由中华人民共和国中央军事委员会领导: the body over it, a standing charge
        elif word == "由" and role == "competent" and _BY_ONE_ACT.match(text, e, b):
            role = "responsible"  # 违法接受的遗体由市卫生计生主管部门负责处理, 本条例由…执法机关负责实施: one act
        has_lead = has_lead or role == "lead"
        add(names, role, word)
        if extra:
            add(extra[0], extra[1], "partner")
    # 由X组织编制，有关部门和单位配合: X leads when others support it in the same sentence
    supports = [f.start for f, how in found if how == "subject" and f.data["role"] == "support"]
    supports += [m.start() for m in OTHERS_SUPPORT.finditer(text, a, b)]
    if supports:
        first_support = min(supports)
        for i, (f, how) in enumerate(found):
            if how == "由" and f.data["role"] == "responsible" and f.start < first_support:
                found[i] = (Found(f.label, f.start, f.end, f.raw, dict(f.data, role="lead")), how)
    return [f for f, _ in found]


# the head of a body as a post that approves, appoints or decides (由国务院总理批准, 经省长批准, 由公安部政治部主任
# 批准): the post, named with its body, is the unit
_POST = re.compile(r"(?:政治部)?主任|副?总理|部长|厅(?:[（(]局[）)])?长|局长|省长|市长|县长|区长|州长|旗长|署长|主席|院长|"
                   r"检察长|委员长|司令员")
_POST_ACT = re.compile(r"(?:依法)?(?:批准|决定|任命|任免|授予|签署|签发|审批|提名|核准)")


def _post_holder(text, k, b, ends, place, aliases) -> list:
    for e in _ends_between(ends, k, min(b, k + 50)):
        post = _POST.match(text, e)
        if not post or not _POST_ACT.match(text, post.end(), b):
            continue
        names = un.split_names(text, k, e, place=place, aliases=aliases)
        if not names or names[-1][1] != e:
            continue
        *rest, (na, _, name) = names
        return rest + [(na, post.end(), name + post.group(0))]
    return []


def _with_level_of(first: str, names: list) -> list:
    """`市和区县（自治县）人民代表大会专门委员会，或者人民代表大会常务委员会办事机构`: the bodies after 或者 named
    without a level (a congress's, a government's) are of the level of the body before the comma."""
    level = un.level_of(first)
    if not level or level.endswith("人民政府"):
        return names
    return [(na, nb, level + n if n.startswith(("人民代表大会", "人民政府")) and not un.level_of(n) else n)
            for na, nb, n in names]


def _clause_start(text, a, pe) -> int:
    """Where the clause ending at `pe` starts: after the last clause mark before it, not counting an opening
    bracket closed before `pe` (市和区县（自治县）人民代表大会专门委员会，: the bracket is inside the name)."""
    e = pe
    while True:
        p = max(text.rfind(ch, a, e) for ch in CLAUSE_END)
        if p < a:
            return a
        if text[p] in "（(" and text.find("）" if text[p] == "（" else ")", p, pe) >= 0:
            e = p
            continue
        return p + 1


def _comma_list_before(text, a, c, ends, place, aliases) -> list:
    """`市和区、县人民代表大会常务委员会，乡、镇人民代表大会主席团应当…`, `国务院，中央军事委员会，…可以…`: clauses
    that are nothing but lists of units, set off by commas before the subject of the next clause, share its
    predicate."""
    out: list = []
    while c - 1 > a and text[c - 1] in "，,":
        pe = c - 1
        pc = _after_label(text, _clause_start(text, a, pe), pe)
        if pe - pc < 2 or pe not in ends or text.startswith("或者", pe - 2):
            break
        names = un.split_names(text, pc, pe, place=place, aliases=aliases)
        if not names or names[-1][1] != pe or names[0][0] - pc > 1:
            break
        out = names + out
        c = pc
    return out


_NOT_NAME = re.compile(un.not_in_name_pattern({"或者", "以及", "及其"})
                       + r"|(?<!人民政府)(?<!设区)(?<!有条件)(?<!直属)(?<!其授权)(?<!其委托)(?<!直辖市)(?<!设区的市)(?<!常务委员会)的(?!" + un.CHARGED_BODY + r"|人民政府|人民代表大会)|[，,。；;：:]")


@lru_cache(maxsize=None)
def _predicate_re() -> re.Pattern:
    # 应 (should), not the 应 of 应急管理部门 or 应用: 国务院应急管理部门正职 names no act of 国务院
    special = {"应": r"应(?![急用届聘征收])", "支持": r"支持(?!的)", "审理": r"(?:(?<=法院)|(?<=法庭)|(?<=仲裁庭)|(?<=委员会))审理(?!的)", "颁布": r"颁布(?!的)", "交付": r"交付(?![^，。；]{0,4}的)",
               "需要": r"需要(?=[^，。；]{1,30}的[，,])", "适用": r"适用(?!于)(?=[^，。；的]{1,12}[，,])"}  # (获得有关部门支持的企业: no act)
    words = "|".join(special.get(w) or re.escape(w) for w in vocab.words("unit_predicate_starts.txt"))
    note = r"(?:[（(](?:以下)?(?:简称|统称|称)[^（()）]{1,20}[）)])?"
    # 由公安机关处1万元以上3万元以下罚款: 处 before an amount or a penalty is a predicate
    fine = r"处(?=[0-9０-９一二两三四五六七八九十百千万以警罚])"
    # 监督组：负责…: a body and its tasks after a colon
    tasks = r"[：:](?:主要)?(?:负责|承担)"
    # 药品监督管理部门及其工作人员不得披露…/应当保密: the body and its staff under a duty (not …及其工作人员行使职权，
    # 侵犯…的 or …在…中，违反本条例规定的: their liability, no duty)
    staff = rf"(?:{_STAFF}(?=(?:(?!的[，,])[^。；]){{0,40}}?(?:不得|应当|必须))|{_PERSONS_TOO})?"
    # 公安机关、人民法院提讯人犯时，必须…: the occasion of the duty, then its modal
    when = r"[^，。；的]{1,24}?时[，,]?(?:应当|必须|应(?![急用])|须)"
    return re.compile(rf"[ \t\u3000]*{note}[ \t\u3000]*(?:[，,][ \t\u3000]*)?{staff}(?:{words}|{fine}|{tasks}|{when})")


def _may_end_subject(text, e, b) -> bool:
    """A name ending at `e` (one of _name_ends) can be the subject of a clause: a predicate follows
    before the sentence end `b`."""
    if text.startswith("的", e) and _DUTIES_ARE.match(text, e, b):
        return True  # 广播电视主管部门的职责是：
    elected = _ELECTED.match(text, e, b) if text.startswith(("由", "经"), e) else None
    if elected:  # 国家监察委员会由全国人民代表大会产生，负责…
        return _predicate_re().match(text, elected.end(), b) is not None
    if _closed_by_etc(text, e, b):
        return True  # 区人民政府、经济技术开发区管委会、重点站区管委会等应当…: a list closed by 等
    if text[e:e + 1] not in _predicate_first():
        return False  # no predicate, space, note or comma starts here
    return (not text.startswith(NOT_AFTER, e) or text.startswith(("负责人体", "负责人用"), e)) \
        and _predicate_re().match(text, e, b) is not None  # (市红十字会负责人体器官捐献…: 负责, not 负责人)


def _closed_by_etc(text, e, b) -> bool:
    """`等` closes a list of names at `e` and a predicate follows it (…管委会等应当…)."""
    return text.startswith("等", e) and _ETC_ACT.match(text, e + 1, b) is not None


_ETC_ACT = re.compile(r"(?:应当|应(?![急用])|要|须|必须|负责|按照|依照|依法|根据|在各自|共同|分别|做好|承担)")


@lru_cache(maxsize=None)
def _party_after_list() -> re.Pattern:
    """A party word (学校, 企业 …: unit_parties.txt) right after a list joiner, where a list of units may end."""
    words = "|".join(re.escape(w) for w in sorted(vocab.words("unit_parties.txt"), key=len, reverse=True))
    return re.compile(rf"(?<=[和、])(?:{words})(?=[ \t\u3000]*(?:应当|应|负责|按照|依照|依法|要|须))")


@lru_cache(maxsize=None)
def _with_party() -> tuple:
    """与当事人, 与特许经营者 …: the predicate starts where a unit deals with a party (a name ends before them,
    while 与 alone goes on with a list: 市教育局与市财政局)."""
    return tuple(w for w in vocab.words("unit_predicate_starts.txt") if w.startswith("与") and len(w) > 1)


@lru_cache(maxsize=None)
def _predicate_first() -> frozenset:
    """The characters a match of _predicate_re can start with."""
    return frozenset({w[0] for w in vocab.words("unit_predicate_starts.txt")} | set(" \t\u3000（(，,处：:"))


def _subject(text, s, b, ends, place, aliases, free=False):
    """The longest list of units starting at `s` (before the sentence end `b`) that a predicate follows
    (`free`: whatever follows, for partners and approvers found after 会同/与/报/经), and where it ends.
    `ends`: the candidate ends of names; unless `free`, only those a predicate follows (_may_end_subject)."""
    limit = min(b, s + 160)
    if not _ends_between(ends, s, limit):
        return None
    located = _LOCATED.match(text, s, limit) if text.find("地", s, s + 30) >= 0 else None
    if located and not located.group(0).startswith(un.LOCATORS):
        # 由其住所地县级市场监督管理部门处理, 由运出地的设区的市级人民政府公安机关审批: the place the act
        # is tied to is no part of the body's name when the body has a level or a name of its own
        inner = _subject(text, located.end(), b, ends, place, aliases, free)
        if inner and all(_stands_alone(n) for _, _, n in inner[0]):
            joined = _LEVEL_JOINED.match(located.group(0))
            if joined and all(un.level_of(n) for _, _, n in inner[0]):
                # 市及保护区所在地县（区）人民政府: the level before the locator is part of the list of levels
                return [(s, nb, joined.group(0) + n) for _, nb, n in inner[0]], inner[1]
            return inner
    basin = _BASIN.match(text, s, limit) if text.find("流域", s, s + 8) >= 0 else None
    if basin:  # 由黄河流域有关省、自治区人民政府水行政主管部门规定: the basin locates the provinces
        inner = _subject(text, basin.end(), b, ends, place, aliases, free)
        if inner and all(un.level_of(n) for _, _, n in inner[0]):
            return inner
    former = _FORMER.match(text, s, limit) if text.startswith("原", s) else None
    if former:  # 原发证的药品监督管理部门: the body that did the earlier act, one name
        inner = _subject(text, former.end(), b, ends, place, aliases, free)
        if inner and len(inner[0]) == 1 and _stands_alone(inner[0][0][2]):
            return [(s, inner[0][0][1], former.group(0) + inner[0][0][2])], inner[1]
        # 由原发证部门撤销相应的…: the 的 is a later one, the name is read as it stands
    loc = next((w for w in un.LOCATORS if text.startswith(w, s)), "") if text[s:s + 1] in "所当" else ""
    term = max((len(k) for k in aliases if text.startswith(k, s)), default=0) if aliases else 0
    # a name never runs past a verb, a 的 or a clause mark (but the text's own term may hold one: 实施机关)
    begin = s + max(len(loc), term)
    charged = _CHARGED_SPAN.search(text, begin, limit) if "负责" in text[begin:limit] else None
    if charged and not _NOT_NAME.search(text, begin, charged.start()):
        begin = charged.end()  # 县级以上地方人民政府负责受理营利性治沙申请的行政主管部门: the description is the name's
    stop = _NOT_NAME.search(text, begin, limit)
    if stop is not None and "负有" in text[begin:limit]:
        described = _AND_DESCRIBED.search(text, begin, limit)  # X和负有…职责的有关部门应当…: X is named
        if described and described.start() <= stop.start() and (free or _may_end_subject(text, described.end(), b)):
            names = un.split_names(text, s, described.end(), place=place, aliases=aliases)
            if names:
                return names, described.end()
    if stop is not None:
        limit = stop.start()
    # text[s:limit] holds no clause mark (_NOT_NAME stops at one), so no candidate end is past one
    for e in reversed(_ends_between(ends, s, limit)):
        names = un.split_names(text, s, e, place=place, aliases=aliases)
        if names is None:
            continue
        if not names:
            return None
        more = _LIST_GOES_ON.match(text, e, b)  # 民政、公安等部门，以及关心下一代工作组织，按照各自职责…
        if more:
            rest = un.split_names(text, more.end(1), more.end(2), place=place, aliases=aliases)
            if rest and more.end(2) in ends:
                return names + rest, more.end(2)
        if not free and _closed_by_etc(text, e, b):
            return names, e + 1
        return names, e
    return None


_FORMER = re.compile(r"原(?!则|因|来|有|先)[^，,。；;：:、的]{1,8}的")
_AND_DESCRIBED = re.compile(r"(?:和|及|以及|与|、)" + un.DESCRIBED_OTHERS.pattern)
# a relative clause before the agent of 由: 由先收到投诉的…, 由共同的上一级…, 由作出决定的…
_QUALIFIED = re.compile(r"[^，,。；;：:、的]{1,12}的")
_COMPOSED = re.compile(r"组成|构成")
# a zone or area a level's bodies are those of: 地震灾区的, 乌溪江流域的, 水土流失防治区的 (not 设区的)
_ZONE = re.compile(r"(?:流域|灾区|地区|防治区|保护区|沿线|周边|毗邻)的$")
# a relative clause before a subject says what the body did or holds (接到报案的, 作出决定的, 具有…权限的), not
# whose it is (国有企业的工会委员会, 市公路管理机构的派出机构) nor a level (设区的)
_ACTS = re.compile(r"接到|收到|受理|执行|作出|负有|具有|承担|发现|批准|核发|颁发|管辖|查处|办理|登记|实施|组织|开展|进行|审查|调查|申请")  # 由外部成员组成的独立机构: 由 of what a body consists of
# 区县（市）人民政府确定的城市绿化行政主管部门: the government's choice, the body then named by its field
_DESIGNATED_BY = re.compile(r"[^，。；的]{1,10}?政府(?:确定|指定)的$")
# a place an act is tied to: 其住所地, 被举报行为发生地的, 实际经营地或者住所地, 企业所在地
_PLACE_WORD = r"(?:所在|住所|安置|举办|经营|发生|执行|案发|核发|签发|处理|查获|受理|运出|运入|移出|移入|接受|接收|户籍|居住|登记|注册|营业|出发|到达)地"
_LOCATED = re.compile(rf"(?:其)?[\u4e00-\u9fff]{{0,10}}?(?:{_PLACE_WORD}|所在(?=的))"
                      rf"(?:(?:或者|或|、|和)[\u4e00-\u9fff]{{0,10}}?{_PLACE_WORD})*的?")
_BASIN = re.compile(r"[\u4e00-\u9fff]{1,6}?流域(?:内的?)?(?:有关|相关)?(?=[省市县区自])")
_LEVEL_JOINED = re.compile(r"^(?:省|市|县|区|自治州|自治县)(?:及|和|、)")
_BARE = ("人民政府", "政府", "监督管理部门", "主管部门", "行政主管部门", "有关部门")


def _stands_alone(name: str) -> bool:
    """A body named after a place word needs no locator: it has a level or a name of its own (not a bare
    人民政府 or 监督管理部门, which the locator qualifies: 分支机构所在地监督管理部门)."""
    return name not in _BARE and not name.startswith(("其", "该"))


_CHARGED_SPAN = re.compile(rf"负责[^，。；的]{{1,16}}?的{un.CHARGED_BODY}")
_LIST_GOES_ON = re.compile(r"[，,](以及|及|和)([^，,。；;：:]{2,30}?)(?=[，,])")


# a generic noun a relative clause qualifies, named by the term the text defines for it
_DEFINED = re.compile(r"(?:部门|机构|机关|单位)[（(](?:以下)?(?:简称|统称|称)([\u4e00-\u9fff]{2,20}?)[）)]")


def _defined_term(text, s, b, several=False):
    """`省、自治区、直辖市人民政府确定的部门（以下称监督管理部门）负责…`: the department is the term defined
    for it (监督管理部门), named where the definition prints it, when a predicate follows. (`several`: the
    department ends a list, whose 统称 names them all: each is named as printed, not by the term.)"""
    m = _DEFINED.match(text, s, b)
    if not m or not un.has_suffix(m.group(1)) or _predicate_re().match(text, m.end(), b) is None:
        return None
    if several and "统称" in m.group(0):
        return None
    return [(m.start(1), m.end(1), m.group(1))], m.end()


_TERM_AFTER = re.compile(r"[（(](?:以下)?(?:简称|统称|称)([\u4e00-\u9fff]{2,20}?)[）)]")
_ELECTED_AFTER = re.compile(r"(?:选举)?产生")
# what stands between a subject and its predicate: its origin (由全国人民代表大会产生，), or the inquiry it
# makes first (人民检察院经审查，…应当作出起诉决定; 监察机关经调查，…依法予以没收)
_ELECTED = re.compile(r"由[^，。；]{1,24}?(?:选举)?产生[，,]"
                      r"|经(?:审查|调查|核查|核实|复查|复核|审核|检查|研究)(?:后)?[，,](?=[^。；]*?(?:应当|依法|予以))")
_UNNAMED = re.compile(r"(?:有关|相关|其他|其它)(?:部门|单位|机构|方面)$")
_APPROVE_SOON = re.compile(r"[^，。；]{0,4}?(?:审核|审查|批准|审批|核准)")
_WITH = re.compile(r"加强与")
_AS_LEAD = re.compile(r"(?:作为|为|是)[^，。；]{1,20}?牵头(?:部门|单位|机关)")
_AFTER_LEAD = re.compile(r"(?:按照|根据|依照|配合|协助)牵头(?:部门|单位|机关)")
_DUTY_WORDS = re.compile(r"职责|工作范围")
_SHARE_WORDS = re.compile(r"职责|分工")
_OWN_REMIT = re.compile(r"负责[^，。；]{0,6}?(?:本|各自)?职责范围内")


def _role(text, e, b, has_lead, ends, regulation):
    """The role the words after a subject (text[e:b]) give it, and partners named there
    (`会同Y`, `应当与Y`): (role, (names, role) or None)."""
    elected = _ELECTED.match(text, e, b)
    if elected:  # 国家监察委员会由全国人民代表大会产生，负责全国监察工作: what it does comes after its origin
        e = elected.end()
    adv = ADVERBIAL.match(text, e, b)
    p = adv.end() if adv else e
    skipped = text[e:p]
    rest = text[p:b]
    if rest.startswith(("牵头", "为牵头单位", "是牵头单位", "作为牵头单位")) or "牵头" in rest[:26] and _AS_LEAD.match(rest):
        return "lead", None  # (作为本项工作的牵头单位, 作为相应阶段的并联审批牵头部门)
    if rest.startswith("的") and _DUTIES_ARE.match(rest):
        return ("competent" if regulation else "responsible"), None  # 主席团的主要职责是：(a list of its duties)
    if rest.startswith("会同"):
        partners = _subject(text, p + 2, b, ends, None, None, free=True)
        return "lead", ((partners[0], "support") if partners else None)
    if rest.startswith("与") and ("应" in skipped or "要" in skipped):
        partners = _subject(text, p + 1, b, ends, None, None, free=True)
        return "responsible", ((partners[0], "support") if partners else None)
    with_ = _WITH.search(rest, 0, 40)
    if with_:
        partners = _subject(text, p + with_.end(), b, ends, None, None, free=True)
        if partners:
            return "responsible", (partners[0], "support")
    if rest.startswith("委托"):  # 行政执法委员会委托有关…知识产权管理部门协助处理: the body entrusted helps
        partners = _subject(text, p + 2, b, ends, None, None, free=True)
        if partners:  # (委托Y办理: Y does it, 委托Y负责…的部分工作: its field)
            own = _role(text, partners[1], b, has_lead, ends, regulation)[0]
            return "responsible", (partners[0], "support" if text.startswith(("协助", "配合"), partners[1])
                                   else own if own in ("competent", "responsible") else "responsible")
    if rest.startswith(SUPPORT_STARTS) or "牵头" in rest[:6] and _AFTER_LEAD.match(rest) \
            or "提供" in rest[:30] and _PROVIDES_AND_HELPS.match(rest) \
            or "支援" in rest and _GIVES_SUPPORT.match(rest):
        return "support", None  # (…等相关部门，应当按照牵头部门确定的流程提供材料: they follow the lead)
    if rest.startswith("组织") and not rest.startswith(_ORGANISES_ACT):
        # 县级以上人民政府应当组织水行政主管部门、水文机构及有关部门建立…: the bodies it organises do the work
        partners = _subject(text, p + 2, b, ends, None, None, free=True)
        if partners:
            basis = _BASIS_CLAUSE.match(text, partners[1], b)  # …等有关部门，根据…需要，划定…
            after = basis.end() if basis else partners[1] + (text[partners[1]:partners[1] + 1] in "，,")
            if _ACT_AFTER.match(text, after, b):  # (组织气象、水行政…等部门，建立…机制)
                return "responsible", (partners[0], "support")
    if rest.startswith("做好") and _DUTY_WORDS.search(skipped) \
            or rest.startswith("支持") and _DUTY_WORDS.search(skipped) and "各自" in skipped:
        return "support", None  # 工会、共青团…等群团组织按照各自职责支持学前教育相关工作: they help others' work
    if rest.startswith("履行") and "配合" in rest[:20]:
        return "support", None
    if rest.startswith("负责") and has_lead and _SHARE_WORDS.search(skipped):
        return "support", None
    if rest.startswith("设在"):
        housing = _subject(text, p + 2, b, ends, None, None, free=True)
        return "responsible", ((housing[0], "responsible") if housing else None)
    if rest.startswith("负责") and _OWN_REMIT.match(rest):
        return "support", None  # 有关行政管理部门负责管理本职责范围内的…工作
    if regulation and rest.startswith("管辖"):
        return "competent", None  # 道路交通事故由…交通管理部门管辖: a standing charge
    plain = text[e:b].lstrip(" \t\u3000，,")
    term = _TERM_AFTER.match(plain) if plain[:1] in "（(" else None
    if term:  # X(以下简称Y)统一管理…
        plain = plain[term.end():].lstrip(" \t\u3000，,")
    if COMPETENT_STARTS.match(rest) or COMPETENT_STARTS.match(plain) or IS_CHARGE.match(rest) \
            or (OVER.match(rest) or AREA.match(rest)) and not _OBLIGED.search(skipped):
        return "competent", None  # (X应当定期对…进行监督检查: an obligation)
    if regulation and not has_lead and (_DUTY_WORDS.search(skipped) or _BY_LAW.search(skipped)) \
            and not _OBLIGED.search(skipped) and "可" not in skipped \
            and _STANDING_VERB.match(rest):
        return "competent", None  # 国务院发展改革、财政等部门按照职责分工，指导推动…工作: a standing field each
    if regulation and not has_lead and not _OBLIGED.search(text, e, b) and _DUTIES_AFTER_CLAUSE.match(rest):
        return "competent", None  # 劳动保障行政部门实施劳动保障监察，履行下列职责： (not 应当加强…，履行下列职责)
    if regulation and not has_lead and _MANAGED_BY.match(rest) and not _OBLIGED.search(skipped):
        return "competent", None  # 地方级自然保护区，由…行政主管部门管理, 由毗邻的…人民政府共同管理: a standing charge
    if regulation and not has_lead and _LEADS_FIELD.match(rest) and not _OBLIGED.search(skipped):
        return "competent", None  # 各级人民政府领导本行政区域内的国防教育工作 (not X应当加强对…工作的领导: an obligation)
    if regulation and not has_lead and _OBLIGED.search(skipped) and _SUPERVISES_FIELD.match(rest):
        return "competent", None  # X应当对…的活动进行监督管理: a standing field (not 应当加强对…的监督管理)
    exercises = _EXERCISES.search(text, p, b) if regulation and not has_lead and "行使" in rest else None
    if exercises and not _OBLIGED.search(text, e, exercises.start()) and not text.startswith(("的", "时"), exercises.end()) \
            and not _ENTRUSTED_OR_LISTED.search(text, e, exercises.end()):
        return "competent", None  # 全国人民代表大会及其常务委员会行使国家立法权, 国务院…行使…对外关系职权: its powers
    if regulation and not has_lead and _AREA_WORK.match(rest) and not _OBLIGED.search(skipped):
        return "competent", None  # 国务院教育督导机构承担全国的教育督导实施工作, X依法查处本行政区域内…: its field
    if regulation and not has_lead and _POWER_OVER.match(rest):
        return "competent", None  # X有权对本行政区域内…进行监督检查, X对…负总责, 海关依法进行监管: a standing charge
    one_task = rest.startswith("负责") and _ONE_TASK.match(rest) and not _FIELD_OBJECT.match(rest)
    if regulation and rest.startswith("负责") and ("具体" in skipped or _cues().match(rest)) and not one_task:
        return "competent", None
    if regulation and "具体" in skipped and rest.startswith("承担") and _FIELD_OBJECT.match("负责" + rest[2:]):
        return "competent", None  # 食品药品安全委员会具体承担研究部署、统筹指导…安全工作
    if regulation and not has_lead and _OWN_FIELD.search(skipped) and not _OBLIGED.search(skipped) \
            and not rest.startswith(("负责", "做好")):
        return "competent", None  # X和Y，在各自的职责范围内，依法查处…: a standing field each
    if regulation and not has_lead and (rest.startswith("负责") and not one_task
                                        and not rest.startswith(("负责）", "负责)"))  # （X负责）: a task's
                                        or _FIELD_DUTY.match(rest) and not (_OBLIGED.search(skipped)
                                                                            and _OBLIGED_DUTY.match(rest))
                                        or _SUPERVISES.match(rest) and not _OBLIGED.search(skipped)):
        return "competent", None  # a regulation's 公安、民政等部门按照各自职责，负责…保护工作
    if "牵头" in rest and _LATER_LEAD.match(rest) or "会同" in rest and _LATER_WITH.match(rest):
        return "lead", None  # X应当坚持陆海统筹，牵头建立健全…: it leads the work it goes on to name
    return "responsible", None


# X接到报告后，应当及时会同有关部门…, X应当根据应急预案，迅速会同…: X leads (有关部门 is no unit)
# the powers of an organ (对外关系职权, 国家立法权, 监督职权): a standing charge, not one act
_EXERCISES = re.compile(r"行使[^，。；]{0,24}?(?:职权|立法权|监督权|管辖权)")
_ENTRUSTED_OR_LISTED = re.compile(r"授权|委托|前款|上述|下列|本条")  # (行使前款规定的职权: the acts just listed)
_LATER_WITH = re.compile(r"[^。；]{0,30}?应当?(?:[^。；]{0,16}?[，,](?:及时|迅速|立即|主动)|(?:及时|迅速|立即|主动)?)会同")
_LATER_LEAD = re.compile(r"[^，。；]{1,30}?[，,](?:并|负责|统筹)?牵头(?!单位|部门)")


# 负责 + one act (a task, not a field of work), and 履行…管理职责 (a field) in a regulation
_ONE_TASK = re.compile(r"负责(?:并?确保|指定|召集|组织[^，。；]{0,8}?召开|编制|制定|起草|审批|审核|审查|受理|办理|发放|核发|签发|公布|发布|提名|提出|确定|认定|"
                       r"组织编制|组织制定|组织实施(?!本)|解释|拟制|拟定|组织拟定|建立|修建|组织修建|组织建设|"
                       r"制发|遴选|组织审计|推荐|抽调|建设(?!和管理|、管理|与管理|工程|项目)"
                       r"|(?:定期)?对[^，。；]{1,30}?进行(?:普查|调查|评估)(?:[、和]?(?:评估|登记|考核))?(?=[，。；]|$))")
# 负责组织实施…促进工作: the object is a field of work, not one act
_FIELD_OBJECT = re.compile(r"负责[^，。；]{0,40}?(?:工作|的监督管理)(?:[，。；]|$)")
# 监督管理本行政区域的…工作, 监督检查…, 对…进行审计监督, 对…行使监督: a regulation's supervising department
_SUPERVISES = re.compile(r"(?:监督管理|监督检查|监督、检查|组织、协调和监督)"
                         r"|对[^，。；]{1,40}?(?:进行|实施|行使)[^，。；]{0,12}?(?:监督|监察|组织、协调|审计检查|稽查)")
# 对…的监督管理，由X…实施/负责: a field of supervision put in X's charge (not 由X责令改正: one act)
_FIELD_BEFORE = re.compile(r"对[^，。；]{1,40}?的(?:监督管理|监督检查|管理|监督)(?:工作)?[，,]")
_CARRIES_OUT = re.compile(r"(?:依照|依据|按照|根据)?[^，。；]{0,16}?(?:实施|负责)(?:[，。；]|$)")
_OBLIGED = re.compile(r"应(?!急)|(?<![需重主必])要(?!求|点|素)|须")  # (not the 要 of 卫生要求, 根据需要)
# …应当及时向税务机关提供…信息，协助税务机关加强…: the unit serves another's work (契税法 第十四条)
_PROVIDES_AND_HELPS = re.compile(r"(?:及时|定期|主动)?向[^，。；]{1,20}?提供[^。；]{0,60}?[，,](?:并)?(?:协助|配合)")
# 在核事故应急中实施有效的支援, 给予支援: the unit helps others' work
_GIVES_SUPPORT = re.compile(r"[^，。；]{0,16}?(?:实施|给予|提供|予以)[^，。；]{0,4}?支援(?:[，。；]|$)")
# 领导/统筹领导本行政区域内的…工作 (the field it leads; 领导首都国际机场管理委员会做好…: a body led to a task)
# (国家监察委员会领导地方各级监察委员会的工作: a body over bodies, not a field)
_LEADS_FIELD = re.compile(r"(?:统筹|组织)?领导(?!小组|干部)(?![^，。；]{0,20}?(?:委员会|部门|机关|政府|机构)的工作)"
                          r"(?:(?!做好)(?:[省市县区]、(?=[县区市乡镇])|[^，。；、])){0,40}?(?:工作|事业)(?:[，。；]|$)")
# X实施劳动保障监察，履行下列职责：: the list of a body's standing duties after a clause of what it does
_DUTIES_AFTER_CLAUSE = re.compile(r"[^，。；]{1,30}?[，,]履行(?:下列|以下)[^，。；]{0,6}?职责")
# 接受X的监督管理, 接受同级财政、审计机关的监督、检查: X oversees the subject (a field it is in charge of when it
# supervises or manages; one check it makes when it inspects)
_ACCEPTS = re.compile(r"接受(?!社会|群众|公众|公民|舆论|服务|教育|培训|委托|申请|投诉|举报|咨询|捐赠|移交|安置)")
_OVERSIGHT = re.compile(r"的(?:有关)?[^，。；的]{0,10}?(监督管理|管理|监管|领导|监督|检查|审计)(?:[、和][^，。；]{0,6})?(?=[，。；]|$)")
# 承担全国/本行政区域的…工作, 查处本行政区域内…: a field of work of its own
_AREA_WORK = re.compile(r"承担(?:全国|本行政区域|本辖区)[^，。；]{0,20}?工作(?:[，。；]|$)|查处本(?:行政区域|辖区)"
                        r"|对下列事项(?:实施|进行)[^，。；]{0,8}?(?:监督|督导|监察|检查|管理)")  # (教育督导机构对下列事项实施教育督导：)
# the passive 受X领导 (not 受理, 受托, 受益, 受到 …): X is the body over the subject
_UNDER = re.compile(r"(?<![接承遭蒙])受(?!理|托|委托|益|损|害|到|让|案|聘)")
# 由X管理 / X共同管理 ending the clause: a field put in X's charge
_MANAGED_BY = re.compile(r"(?:共同|统一|分级|集中)?管理(?=[，。；]|$)")
# 具体工作由X承担/负责: the words before 由, and what follows the name
_DETAIL_WORK = re.compile(r"具体(?:工作|事务)$")
_TAKES_ON = re.compile(r"(?:具体)?(?:承担|负责)(?=[，。；]|$)")
_LED_BY = re.compile(r"(?:统一)?领导(?:和管理|和指挥)?(?=[，。；]|$)")
# 由X负责 + one act (处理, 受理, 查处, 实施 ending the clause): the body does the act, not a field (docs/golden.md)
_BY_ONE_ACT = re.compile(r"负责(?:调查处理|处理|受理|查处|汇集|实施(?=[，。；]|$)|调查(?=[，。；]|$)|统计(?=[，。；]|$))")
# 应当（依法）对…进行/实施监督管理: the field the obliged body supervises (a standing charge)
_SUPERVISES_FIELD = re.compile(r"对(?!其)[^，。；]{1,60}?(?:进行|实施)(?:统一|[^，。；有]{1,6}?和)?(?:监督管理|审计监督)(?:[，。；]|$)")
_BY_LAW = re.compile(r"依照[^，。；]{0,40}?规定")
_STANDING_VERB = re.compile(r"(?:指导|监督|管理|统筹|协调)(?!下|使用)")
_SETS_UP = re.compile(r"(?:设立|建立|成立|组建|设置)(?:由[^，。；]{1,20}?组成的)?")
_DOES_AFTER_SETUP = re.compile(r"(?:具体)?(?:负责|承担)")
_BASIS_CLAUSE = re.compile(r"[，,](?:根据|按照|依照|依据|结合)[^，。；]{1,40}[，,]")
_ORGANISES_ACT = ("组织开展", "组织召开", "组织实施", "组织编制", "组织制定", "组织协调", "组织领导", "组织建设", "组织修建")
_ACT_AFTER = re.compile(r"(?:共同|联合|分别)?(?:建立|编制|制定|开展|实施|进行|做好|研究|拟定|拟订|起草|组建|划定|调查|处理|评估|审查)")
_POWER_OVER = re.compile(r"有权(?:依照[^，。；]{0,40}?规定[，,]?)?(?:随时|依法|定期)?对[^，。；]{1,40}?(?:进行|实施)?[^，。；]{0,4}?(?:监督检查|监督|检查|管理)"
                         r"|对[^，。；]{1,40}?(?:工作|事务)负(?:总)?责|对[^，。；]{1,30}?负总责"
                         r"|对本(?:行政区域|辖区)[^，。；]{1,40}?负责(?=[，。；]|$)|(?:进行|实施)[^，。；]{0,10}?监管(?![^，。；]{0,4}?(?:措施|制度|机制|体系))")
# X按照各自职责，做好… (no 配合, no 共同): a list of domains after the competent unit (发展改革、财政等部门) supports
# it; a unit named in full with its level (区、县电力行政管理部门) does its own part
_ANY_OTHER = re.compile(r"等|有关|相关|其他|其它")
_DOES_OWN_PART = re.compile(r"[^，。；]{0,20}?职责[^，。；]{0,6}?[，,]?(?:依法)?做好")  # X应当对…进行监督检查: an obligation (responsible), not the field's charge
_OWN_FIELD = re.compile(r"在各自的?职责范围内")
# …应当按照各自职责做好相关工作: their part in the field of the unit in charge (support)
# a list's share in a field another unit is in charge of: 在各自职责范围内依法履行…职责, 按照…职责分工，各负其责，
# 密切配合，共同做好… (not 在各自职责范围内负责…工作: a field of its own)
_SHARED_REMIT = re.compile(r"[，, \t\u3000]*(?:(?:在各自的?职责范围内|按照[^，。；]{0,30}?(?:职责|分工))[，, \t\u3000]*"
                           r"(?:依法)?(?:履行[^，。；]{0,12}?职责|各负其责)|(?:应当)?(?:依法)?履行各自的?职责)")
_OWN_DUTIES = re.compile(r"[，, \t\u3000]*(?:应当)?(?:依法)?履行各自的?职责(?:[，。；]|$)")  # …以及其他行政部门应当依法履行各自职责
_RELATED_WORK = re.compile(r"[^，。；]{0,30}?做好(?:相关|有关)(?:的)?工作(?:[，。；]|$)")
_OBLIGED_OWN_PART = re.compile(r"[^，。；]{0,4}?应当?[^，。；]{0,20}?职责[^，。；]{0,6}?[，,]?(?:依法)?做好")
# 村民委员会, 居民委员会, 村（居）民委员会, 村民小组: self-governing bodies are charged with duties (responsible),
# never put in charge of a field as a government's department is (competent)
_SELF_GOVERNING = re.compile(r"(?:村|居|村（居）|村〔居〕|村\(居\)|居（村）)民(?:委员会|小组)$")
# X的职责是：, X的主要职责是：, X的职责如下：: the article lists the body's standing duties
_DUTIES_ARE = re.compile(r"的(?:主要)?(?:职责|职能|工作|职权)(?:是|为|如下|包括)[：:]")
# 乡（镇）人民政府应当履行政府管理职责: an obligation to do its part, not a field it is put in charge of
_OBLIGED_DUTY = re.compile(r"履行[^，。；]{0,20}?(?:管理|监督)[^，。；]{0,6}?职责")
_FIELD_DUTY = re.compile(r"履行[^，。；]{0,20}?(?:管理|监督|监管)[^，。；]{0,6}?(?:职责|责任)|(?:履行|承担)(?:下列|以下)[^，。；]{0,6}?职责"
                         r"|承担[^，。；]{0,12}?(?:协调|管理|监督|监管)[^，。；]{0,4}?职责"  # 承担综合协调具体职责
                         r"|(?:处理|承担|负责)(?:下列|以下)(?:事项|工作)[：:]"
                         r"|(?:负责|承担)[^，。；]{0,20}?的日常工作"  # 承担推进工作委员会的日常工作: the office of a body
                         r"|承担[^，。；]{0,20}?具体(?:工作|事务|技术工作)(?=[，。；]|$)")  # 经办机构按照规定职责承担…具体事务
