"""`gazette eval`: precision, recall and F1 of the recognised values against hand-written golden files.

Why: the recognisers (units, thresholds, deadlines, document dates) are judged by people reading the
sources, not by the program's own earlier output. Each golden file in `golden/values/` is written by hand
from one source in `corpus/` and says what a careful reader finds there.

Golden file (JSON, one per source)::

    {"source": "corpus/…",                 path from the repository root
     "_comment": "…" or ["…", …],          the decisions taken for ambiguous cases
     "scope": {"threshold_units": [...],   which threshold units the file covers (others are not scored;
                                           default CNY, %, pp, ratio)
               "units": "annotated passages" | "all"},
     "units":       [{"document", "raw", "names": [...], "role"}],
     "scope_units": [{"document", "raw", "names": [...], "role"}],
     "thresholds":  [{"document", "raw", "value", "unit", "comparator", "min"?, "max"?, "per"?, "subject"?}],
     "deadlines":   [{"document", "raw", "date", "kind"}],
     "documents":   [{"document", "doc_number"?, "date"?, "effective", "expires"}]}

`document` is the id the program gives the document (the 文号 where printed, `doc1` for a stand-alone
file); `raw` is the exact source text, so a reader can find it (tests check that it occurs). The id only
says which document a value belongs to: a golden id the program does not give (the head reader took the
metadata's short 文号 `国令第707号` for the printed `中华人民共和国国务院令第707号`) is paired with the
program's document by 文号, then by the numbers in the 文号, then by order; the document fields
themselves (`doc_number`, `date`, `effective`, `expires`, field `documents`) are scored exactly, one item
per field the golden file states (null included).

Conventions the golden files share (their `_comment` records the decisions particular to each source):
- Units: canonical names (an unprefixed name inherits its list's prefix: 市税务局、财政局 -> 市财政局);
  named bodies sharing one head are split (城乡一体化示范区、经济开发区管委会 -> one 管委会 each);
  placeholders for the levels of government (各县〔市、区〕政府, 县级以上人民政府X部门,
  市、县（市、区）人民政府X部门) are one unit. Bracket styles ((), （）, 〔〕), a leading 同级 and a 的
  after 人民政府 or a body that owns the unit are not told apart when names are compared. Roles:
  `responsible` for 责任单位 lists, `competent` for the department a regulation puts in charge (X负责…工作,
  X是…主管部门, X对…实施统一的监督管理). With scope "annotated passages" (the default) only predicted
  units inside a golden `raw` passage are scored: a golden file annotates chosen passages completely rather
  than every department named anywhere.
- Scope rules (以下均含…，不再逐一列出) go in `scope_units`: their names are compared as a set with the
  predicted units marked `inherited` plus any predicted unit inside the scope rule's own text.
- Thresholds: value exact in the unit's base (3万元 -> 30000 CNY, 1角 -> 0.1, 3.8个百分点 -> 3.8 pp,
  百分之九十 -> 90 %, 1:1 -> "1:1" ratio); for `range` the value is null and min/max bound it.
  Comparators from the wording (不超过/最高/以内/以下/上限/限额 le, 不低于/以上/至少/满 ge, 超过 gt,
  低于/不足/不满 lt, X以上Y以下 and X至Y range, 左右/约 approx, else eq). Law files also cover durations
  that are the bounded quantity (病假在两个月以内 le 2 month, 至少保存三年 ge 3 year); the time limit of
  an action (五个工作日内回复) is a relative deadline and a schedule (每五年一次) a recurrence, not
  thresholds; a ban's length (三年内不得再次申请) is le, a term of office (每届任期五年) eq. Multipliers
  (2倍以下), ages (周岁) and counts are left out.
- Deadlines: only dated ones (ISO `2025`, `2023-12`, `2023-12-31`); relative periods (6个月内) and
  dates recurring every year (每年11月22日) are left out. 自发布之日起施行 resolves to the document date.
  History lines of a law (通过, 公布, 修正) are not deadlines; a history line `YYYY年M月D日 施行` is one.

Matching is position-free multiset matching per document: units by (document, name, role) over
non-inherited units; thresholds by (document, value, unit, comparator, min, max); deadlines by
(document, date, kind); effective by (document, effective|expires, date). Positions are used only to
decide which predicted units a golden file covers.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import click

from .jsonin import loads
from .recognize.run import abbreviations
from .recognize.unit_names import expand_abbreviations

FIELDS = ("units", "scope_units", "thresholds", "deadlines", "effective", "documents")
DOCUMENT_FIELDS = ("doc_number", "date", "effective", "expires")
DEFAULT_THRESHOLD_UNITS = ("CNY", "%", "pp", "ratio")
COMPARATORS = {"eq", "le", "lt", "ge", "gt", "range", "approx"}
DEADLINE_KINDS = {"until", "by", "from", "effective", "expires", "on", "recurring", "within"}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLDEN_DIR = Path("golden") / "values"


class GoldenError(Exception):
    """A golden file that cannot be used: printed as one line (E030), exit code 2."""

    def __init__(self, path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


# -- values ---------------------------------------------------------------------------------------

def norm_value(value):
    """One comparable form for a value: Decimal-like numbers as a plain string, ratios as 'a:b'."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, str):
        text = value.strip().replace("：", ":").replace(" ", "")
        if ":" in text:
            return ":".join(norm_value(part) for part in text.split(":"))
        value = text
    elif isinstance(value, float):
        value = repr(value)
    try:
        number = Decimal(str(value))
    except InvalidOperation as e:
        raise ValueError(f"not a number: {value!r}") from e
    if not number.is_finite():
        raise ValueError(f"not a number: {value!r}")
    from .lexicon.numerals import decimal_context

    number = number.normalize(decimal_context(number))
    return format(number, "f") if number != number.to_integral_value() else str(int(number))


_BRACKETS = str.maketrans({"(": "〔", "（": "〔", "[": "〔", ")": "〕", "）": "〕", "]": "〕"})


_LEADING_QUALIFIER = re.compile(r"^(?:同级|有关|相关)(?=\S{4})")
_GOVERNMENT_OF = re.compile(r"(人民政府|政府|机构|机关|部门|委员会)的(?=\S)|(?<=[省市县区乡镇旗州])的(?=人民政府$|人民代表大会)")
# a clause tied to an act before a whole unit name: 组织专项监督检查的|市场监督管理部门, 原发证的|药品监督管理部门;
# not 负责药品监督管理的部门 (部门 alone is no unit) nor a clause naming a government (its level is the name's)
_QUALIFYING_CLAUSE = re.compile(r"^(?:(?!政府)[^、，。；的])+的(?=\S{2,}(?:部门|机关|机构)$)")


def norm_name(name) -> str:
    """A unit name for comparison: no spaces, one bracket style, and two ways of printing one unit told
    apart by no reader: a leading 同级 (同级财政部门, the level of the government just named) or 有关/相关
    (相关行业工程建设主管部门, the department of the trade concerned: test11 keeps the word, the program not), a 的
    after the government or body that owns it (县级以上人民政府的X部门, 市公路管理机构的派出机构) or before the government of
    levels (乡、民族乡、镇的人民政府, 乡、民族乡、镇的人民代表大会及其主席团), and a clause tied to an
    act before a whole unit name (组织专项监督检查的市场监督管理部门: test8, test10, test11 keep it; docs/golden.md)."""
    name = "".join(str(name or "").split()).translate(_BRACKETS)
    name = _GOVERNMENT_OF.sub(r"\1", _LEADING_QUALIFIER.sub("", name))
    return _QUALIFYING_CLAUSE.sub("", name)


def threshold_key(document, t: dict) -> tuple:
    """The matching key of a threshold in its JSON form (a golden entry, or a predicted value's to_json())."""
    comparator = t.get("comparator")
    unit, value, low, high = t.get("unit"), t.get("value"), t.get("min"), t.get("max")
    if unit == "year":  # 半年 is 0.5 year or 6 month as a reader writes it: one quantity, compared in months
        unit, value, low, high = "month", *(_months(v) for v in (value, low, high))
    value = None if comparator == "range" else norm_value(value)
    return (document, value, unit, comparator, norm_value(low), norm_value(high))


def _months(years):
    """A number of years in months (exact), for comparing durations; what is not a number is left as it is."""
    if years is None or isinstance(years, bool):
        return years
    try:
        return Decimal(str(years)) * 12
    except ArithmeticError:
        return years


# -- scores ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    """One value to match: its key, and for people, the text and where it was found."""

    key: tuple
    raw: str = ""
    where: str = ""
    printed: tuple | None = None  # a unit named by an abbreviation its document defines: the key as printed
    context: str = field(default="", compare=False, repr=False)  # a predicted value's provision text (display)


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    correct: int = 0
    missed: list = field(default_factory=list)  # golden Items not found
    spurious: list = field(default_factory=list)  # predicted Items not in the golden file

    @property
    def precision(self) -> float:
        if self.predicted:
            return self.correct / self.predicted
        return 1.0 if self.gold == 0 else 0.0

    @property
    def recall(self) -> float:
        if self.gold:
            return self.correct / self.gold
        return 1.0 if self.predicted == 0 else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.gold + other.gold, self.predicted + other.predicted, self.correct + other.correct,
                     self.missed + other.missed, self.spurious + other.spurious)

    def to_json(self, misses: bool = False) -> dict:
        out = {"gold": self.gold, "predicted": self.predicted, "correct": self.correct,
               "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}
        if misses:
            out["missed"] = [_item_json(i) for i in self.missed]
            out["spurious"] = [_item_json(i) for i in self.spurious]
        return out


def _item_json(item: Item) -> dict:
    return {"key": list(item.key), "raw": item.raw, "where": item.where}


def match(gold: list[Item], predicted: list[Item]) -> Score:
    """Multiset matching on keys: each golden item is matched by at most one predicted item."""
    score = Score(gold=len(gold), predicted=len(predicted))
    by_key_gold: dict[tuple, list[Item]] = defaultdict(list)
    by_key_pred: dict[tuple, list[Item]] = defaultdict(list)
    for item in gold:
        by_key_gold[item.key].append(item)
    for item in predicted:
        by_key_pred[item.key].append(item)
    for key in list(by_key_gold) + [k for k in by_key_pred if k not in by_key_gold]:
        g, p = by_key_gold.get(key, []), by_key_pred.get(key, [])
        score.correct += min(len(g), len(p))
        g_left, p_left = _pair_for_display(g, p)
        score.missed.extend(g_left)
        score.spurious.extend(p_left)
    return score


def _pair_for_display(gold: list[Item], pred: list[Item]) -> tuple[list[Item], list[Item]]:
    """Which items of one key stay unmatched; pairs a golden item with a value found in its passage first
    (a unit's raw is its name, contained in every passage naming it), then items whose raw texts contain
    each other."""
    gold, pred = list(gold), list(pred)
    for g in list(gold):
        for p in pred:
            if p.context and g.raw and g.raw in p.context:
                gold.remove(g)
                pred.remove(p)
                break
    for g in list(gold):
        for p in pred:
            if p.raw and g.raw and (p.raw in g.raw or g.raw in p.raw):
                gold.remove(g)
                pred.remove(p)
                break
    n = min(len(gold), len(pred))
    return gold[n:], pred[n:]


def match_sets(gold: list[Item], predicted: list[Item]) -> Score:
    """Set matching (for scope units, which repeat on every provision they apply to)."""
    return match(list({i.key: i for i in gold}.values()), list({i.key: i for i in predicted}.values()))


# -- golden files ---------------------------------------------------------------------------------

def load_golden(path: str | Path) -> dict:
    """Read and check a golden file; GoldenError says what is wrong with it."""
    path = Path(path)
    try:
        data = loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise GoldenError(path, "no such file") from e
    except IsADirectoryError as e:
        raise GoldenError(path, "is a directory; give a golden file or a directory of them") from e
    except (OSError, UnicodeDecodeError) as e:
        raise GoldenError(path, f"cannot read: {e}") from e
    except json.JSONDecodeError as e:
        raise GoldenError(path, f"not JSON: {e}") from e
    if not isinstance(data, dict):
        raise GoldenError(path, "not a JSON object")
    problems = golden_problems(data)
    if problems:
        raise GoldenError(path, problems[0] + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
    return data


def golden_problems(data: dict) -> list[str]:
    """Every way a golden file's content breaks the format (empty list when usable)."""
    out: list[str] = []

    def need(entry, key, kind, where):
        if key not in entry:
            out.append(f"{where}: missing {key!r}")
            return False
        if not isinstance(entry[key], kind):
            out.append(f"{where}: {key!r} has the wrong type")
            return False
        return True

    if not isinstance(data.get("source"), str) or not data.get("source"):
        out.append("'source' must name the source file")
    scope = data.get("scope", {})
    if not isinstance(scope, dict):
        out.append("'scope' must be an object")
        scope = {}
    if scope.get("units", "annotated passages") not in ("annotated passages", "all"):
        out.append("scope.units must be 'annotated passages' or 'all'")
    for section in ("units", "scope_units", "thresholds", "deadlines", "documents"):
        if not isinstance(data.get(section, []), list):
            out.append(f"{section!r} must be a list")
    for section in ("units", "scope_units"):
        for n, e in enumerate(data.get(section, []) or [], 1):
            where = f"{section}[{n}]"
            if not isinstance(e, dict):
                out.append(f"{where}: not an object")
                continue
            need(e, "document", str, where)
            need(e, "raw", str, where)
            need(e, "role", str, where)
            if need(e, "names", list, where) and not all(isinstance(x, str) and x for x in e["names"]):
                out.append(f"{where}: names must be non-empty strings")
    for n, e in enumerate(data.get("thresholds", []) or [], 1):
        where = f"thresholds[{n}]"
        if not isinstance(e, dict):
            out.append(f"{where}: not an object")
            continue
        need(e, "document", str, where)
        need(e, "raw", str, where)
        need(e, "unit", str, where)
        if e.get("comparator") not in COMPARATORS:
            out.append(f"{where}: comparator must be one of {sorted(COMPARATORS)}")
        try:
            if e.get("comparator") == "range":
                if norm_value(e.get("min")) is None or norm_value(e.get("max")) is None:
                    out.append(f"{where}: a range needs min and max")
            elif norm_value(e.get("value")) is None:
                out.append(f"{where}: missing value")
            norm_value(e.get("value"))
        except ValueError as err:
            out.append(f"{where}: {err}")
    for n, e in enumerate(data.get("deadlines", []) or [], 1):
        where = f"deadlines[{n}]"
        if not isinstance(e, dict):
            out.append(f"{where}: not an object")
            continue
        need(e, "document", str, where)
        need(e, "raw", str, where)
        if not (isinstance(e.get("date"), str) and ISO_DATE.match(e["date"])):
            out.append(f"{where}: date must be ISO (2025, 2023-12 or 2023-12-31)")
        if e.get("kind") not in DEADLINE_KINDS:
            out.append(f"{where}: kind must be one of {sorted(DEADLINE_KINDS)}")
    for n, e in enumerate(data.get("documents", []) or [], 1):
        where = f"documents[{n}]"
        if not isinstance(e, dict):
            out.append(f"{where}: not an object")
            continue
        need(e, "document", str, where)
        for key in ("effective", "expires", "date"):
            v = e.get(key)
            if v is not None and not (isinstance(v, str) and ISO_DATE.match(v)):
                out.append(f"{where}: {key} must be null or an ISO date")
        if e.get("doc_number") is not None and not isinstance(e["doc_number"], str):
            out.append(f"{where}: doc_number must be null or a string")
    return out


def source_path(golden_path: str | Path, golden: dict) -> Path:
    """The golden's source: relative to the repository holding golden/values/, else to the cwd."""
    src = Path(golden["source"])
    if src.is_absolute():
        return src
    repo = Path(golden_path).resolve().parent.parent.parent
    for candidate in (repo / src, Path.cwd() / src, ROOT / src):
        if candidate.exists():
            return candidate
    raise GoldenError(golden_path, f"source {golden['source']} not found")


def gold_items(golden: dict) -> dict[str, list[Item]]:
    items: dict[str, list[Item]] = {f: [] for f in FIELDS}
    for section in ("units", "scope_units"):
        for e in golden.get(section, []):
            for name in e["names"]:
                items[section].append(Item((e["document"], norm_name(name), e["role"]), e["raw"]))
    for t in golden.get("thresholds", []):
        items["thresholds"].append(Item(threshold_key(t["document"], t), t["raw"]))
    for d in golden.get("deadlines", []):
        items["deadlines"].append(Item((d["document"], d["date"], d["kind"]), d["raw"]))
    for doc in golden.get("documents", []):
        for which in ("effective", "expires"):
            if doc.get(which):
                items["effective"].append(Item((doc["document"], which, doc[which])))
        for which in DOCUMENT_FIELDS:
            if which in doc:
                items["documents"].append(Item((doc["document"], which, doc[which])))
    return items


# -- predictions ----------------------------------------------------------------------------------

def _as_read(text) -> str:
    """The source as a reader sees it, at the same offsets: radicals and compatibility forms that the
    ingest folds (⾃ -> 自, macOS web prints) read as their characters, since golden raws are written so."""
    chars = list(text.source)
    for r in text.removals:
        if r.kind == "fold" and r.why in ("radical", "compat") and len(r.raw) == len(r.replacement) == r.end - r.start:
            chars[r.start:r.end] = r.replacement
    return "".join(chars)


def _regions(source: str, raws) -> list[tuple[int, int]]:
    out = []
    for raw in set(raws):
        start = source.find(raw)
        while start >= 0:
            out.append((start, start + len(raw)))
            start = source.find(raw, start + 1)
    return out


def _inside(span, regions) -> bool:
    return any(span[0] < end and start < span[1] for start, end in regions)


def _golden_ids(golden: dict) -> list[str]:
    """The golden file's document ids in order: its `documents` list, then ids only values use."""
    ids = [d["document"] for d in golden.get("documents", [])]
    for section in ("units", "scope_units", "thresholds", "deadlines"):
        for e in golden.get(section, []):
            if e["document"] not in ids:
                ids.append(e["document"])
    return ids


def _number_digits(doc_number) -> tuple[str, ...]:
    """The numbers of a 文号 (国令第707号 and 中华人民共和国国务院令第707号 both give ('707',))."""
    return tuple(re.findall(r"[0-9]+", str(doc_number or "")))


def align_documents(extraction, golden: dict) -> dict[str, str]:
    """Program document id -> golden document id: same id, else same 文号, else same numbers in the
    文号, else the remaining documents in order (doc1, doc2 … are ids by position)."""
    gold_ids = _golden_ids(golden)
    gold_numbers = {d["document"]: d.get("doc_number") for d in golden.get("documents", [])}
    docs = list(extraction.documents)
    out: dict[str, str] = {}
    left_gold = [g for g in gold_ids if g not in {d.id for d in docs}]
    for d in docs:
        if d.id in gold_ids:
            out[d.id] = d.id
    left_docs = [d for d in docs if d.id not in out]
    for same in (lambda d, g: norm_name(d.doc_number) == norm_name(gold_numbers.get(g) or g),
                 lambda d, g: bool(_number_digits(d.doc_number or d.id))
                 and _number_digits(d.doc_number or d.id) == _number_digits(gold_numbers.get(g) or g)):
        for g in list(left_gold):
            match_ = next((d for d in left_docs if same(d, g)), None)
            if match_ is not None:
                out[match_.id] = g
                left_gold.remove(g)
                left_docs.remove(match_)
    for d, g in zip(left_docs, left_gold):
        out[d.id] = g
    return out


def predicted_items(extraction, golden: dict) -> tuple[dict[str, list[Item]], Counter]:
    """The extraction's values that the golden file covers, and counts of those it does not."""
    text = extraction.text
    aligned = align_documents(extraction, golden)
    scope = golden.get("scope", {})
    threshold_units = set(scope.get("threshold_units", DEFAULT_THRESHOLD_UNITS))
    all_units = scope.get("units", "annotated passages") == "all"
    read = _as_read(text)
    unit_regions = _regions(read, (e["raw"] for e in golden.get("units", [])))
    scope_regions = _regions(read, (e["raw"] for e in golden.get("scope_units", [])))

    def source_span(span):
        if not span or len(span) != 2 or span[1] <= span[0]:
            return None
        return text.to_source(span[0]), text.to_source(span[1] - 1) + 1

    items: dict[str, list[Item]] = {f: [] for f in FIELDS}
    ignored: Counter = Counter()
    stated = {d["document"]: d for d in golden.get("documents", [])}
    for doc in extraction.documents:
        doc_id = aligned.get(doc.id, doc.id)
        abbreviated = abbreviations(doc) if any(u.raw != u.name for p in doc.provisions for u in p.units) else {}
        for p in doc.provisions:
            where = f"{doc.id} {p.id}" + (f" line {p.line}" if p.line else "")
            for u in p.units:
                key = (doc_id, norm_name(u.name), u.role)
                printed = norm_name(u.raw)
                item = Item(key, u.raw, where, (doc_id, printed, u.role)
                            if abbreviated and printed != key[1]
                            and _expanded(printed, abbreviated) == _expanded(key[1], abbreviated) else None,
                            context=p.text)
                span = source_span(u.span)
                if u.inherited:
                    items["scope_units"].append(item)
                elif span is not None and _inside(span, scope_regions):
                    items["scope_units"].append(item)
                elif all_units or span is None or _inside(span, unit_regions):
                    items["units"].append(item)
                else:
                    ignored["units outside annotated passages"] += 1
            for t in p.thresholds:
                if t.unit not in threshold_units:
                    ignored[f"thresholds in other units ({t.unit})"] += 1
                    continue
                try:
                    key = threshold_key(doc_id, t.to_json())
                except ValueError:
                    key = (doc_id, repr(t.value), t.unit, t.comparator, None, None)
                items["thresholds"].append(Item(key, t.raw, where))
            for d in p.deadlines:
                date = d.date
                if not (isinstance(date, str) and ISO_DATE.match(date)):
                    ignored["deadlines without a date"] += 1
                    continue
                items["deadlines"].append(Item((doc_id, date, d.kind), d.raw, where))
        for which in ("effective", "expires"):
            value = getattr(doc, which, None)
            if value:
                items["effective"].append(Item((doc_id, which, value), "", doc.id))
        if doc_id in stated:
            for which in DOCUMENT_FIELDS:
                if which in stated[doc_id]:
                    items["documents"].append(Item((doc_id, which, getattr(doc, which, None)), "", doc.id))
        elif stated:
            ignored["documents the golden file does not list"] += 1
    return items, ignored


# -- evaluation -----------------------------------------------------------------------------------

@dataclass
class FileResult:
    golden: str
    source: str
    scores: dict[str, Score]
    ignored: Counter

    @property
    def overall(self) -> Score:
        total = Score()
        for s in self.scores.values():
            total = total + s
        return total


def _expanded(name: str, aliases: dict) -> str:
    return norm_name(expand_abbreviations(name, aliases))


def as_printed(gold: list[Item], pred: list[Item]) -> list[Item]:
    """A document that defines an abbreviation (（以下简称市人大常委会）) names one body two ways: a golden
    file may give the name as printed, the program the full name. A predicted unit printed as the
    abbreviation counts under its printed name where the golden file has that name and not the full one."""
    if not any(i.printed for i in pred):
        return pred
    need = Counter(i.key for i in gold)
    for i in pred:
        if not i.printed:
            need[i.key] -= 1
    out = []
    for i in pred:
        if i.printed and need[i.key] <= 0 and need[i.printed] > 0:
            i = Item(i.printed, i.raw, i.where)
        need[i.key] -= 1
        out.append(i)
    return out


def evaluate_extraction(golden: dict, extraction, golden_path: str = "-") -> FileResult:
    """Score one extraction against one (loaded) golden file."""
    gold = gold_items(golden)
    pred, ignored = predicted_items(extraction, golden)
    pred["units"] = as_printed(gold["units"], pred["units"])
    scores = {}
    for f in FIELDS:
        scores[f] = match_sets(gold[f], pred[f]) if f == "scope_units" else match(gold[f], pred[f])
    return FileResult(str(golden_path), golden["source"], scores, ignored)


def evaluate_file(path: str | Path) -> FileResult:
    """Load a golden file, parse its source with the full pipeline, score the result."""
    from .pipeline import parse

    golden = load_golden(path)
    extraction = parse(str(source_path(path, golden)))
    return evaluate_extraction(golden, extraction, str(path))


def golden_files(paths) -> list[Path]:
    if not paths:
        base = DEFAULT_GOLDEN_DIR if DEFAULT_GOLDEN_DIR.is_dir() else ROOT / DEFAULT_GOLDEN_DIR
        paths = [base]
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(p.glob("*.json")))
        else:
            out.append(p)
    if not out:
        raise GoldenError(", ".join(map(str, paths)), "no golden files (*.json) there")
    return out


def total_scores(results: list[FileResult]) -> dict[str, Score]:
    total = {f: Score() for f in FIELDS}
    for r in results:
        for f in FIELDS:
            total[f] = total[f] + r.scores[f]
    return total


# -- per-file floors ------------------------------------------------------------------------------

def file_figures(results: list[FileResult]) -> dict[str, dict[str, float]]:
    """Each golden file's F1 per field that has golden or predicted values (3 decimals), by file name."""
    out: dict[str, dict[str, float]] = {}
    for r in results:
        out[Path(r.golden).name] = {f: round(s.f1, 3) for f, s in r.scores.items() if s.gold or s.predicted}
    return out


def below_floors(results: list[FileResult], floors: dict[str, dict[str, float]]) -> list[str]:
    """One line per file and field whose F1 fell below its recorded figure (a pooled total hides these)."""
    now = file_figures(results)
    out = []
    for name, fields in sorted(floors.items()):
        if name not in now:
            continue
        for f, floor in sorted(fields.items()):
            f1 = now[name].get(f, 1.0)
            if f1 < floor - 0.0005:
                out.append(f"{name}: {f} F1 {f1:.3f} below its recorded {floor:.3f}")
    return out


def worst_files(results: list[FileResult], n: int = 5) -> list[str]:
    """The n files with the lowest F1 on units, thresholds or deadlines, each with its weak fields."""
    scored = []
    for r in results:
        weak = {f: r.scores[f].f1 for f in ("units", "thresholds", "deadlines", "documents")
                if (r.scores[f].gold or r.scores[f].predicted) and r.scores[f].f1 < 1.0}
        if weak:
            scored.append((min(weak.values()), Path(r.golden).name, weak))
    scored.sort()
    return [f"  {lowest:.3f}  {name}  " + ", ".join(f"{f} {v:.3f}" for f, v in weak.items())
            for lowest, name, weak in scored[:n]]


# -- output ---------------------------------------------------------------------------------------

def _table(scores: dict[str, Score], overall: Score) -> list[str]:
    lines = [f"  {'field':<12} {'gold':>5} {'found':>6} {'right':>6} {'precision':>10} {'recall':>7} {'F1':>6}"]
    for name, s in list(scores.items()) + [("overall", overall)]:
        lines.append(f"  {name:<12} {s.gold:>5} {s.predicted:>6} {s.correct:>6} "
                     f"{s.precision:>10.3f} {s.recall:>7.3f} {s.f1:>6.3f}")
    return lines


def _key_text(field_name: str, key: tuple) -> str:
    if field_name in ("units", "scope_units"):
        return f"{key[1]} ({key[2]})"
    if field_name == "thresholds":
        _, value, unit, comparator, lo, hi = key
        shown = f"{lo}..{hi}" if comparator == "range" else str(value)
        return f"{comparator} {shown} {unit}"
    return " ".join(str(k) for k in key[1:])


def _raw(item: Item) -> str:
    return f"  raw: {item.raw!r}" if item.raw else ""


def render_text(results: list[FileResult], show_misses: bool) -> str:
    lines: list[str] = []
    for r in results:
        lines.append(f"{r.golden} ({r.source})")
        lines.extend(_table(r.scores, r.overall))
        if r.ignored:
            lines.append("  not scored: " + ", ".join(f"{n} {what}" for what, n in sorted(r.ignored.items())))
        if show_misses:
            for f in FIELDS:
                s = r.scores[f]
                for item in s.missed:
                    lines.append(f"  - missed   {f:<11} {item.key[0]}  {_key_text(f, item.key)}{_raw(item)}")
                for item in s.spurious:
                    lines.append(f"  + spurious {f:<11} {item.where or item.key[0]}  {_key_text(f, item.key)}"
                                 f"{_raw(item)}")
        lines.append("")
    total = total_scores(results)
    overall = Score()
    for s in total.values():
        overall = overall + s
    worst = worst_files(results)
    if len(results) > 1 and worst:
        lines.append("WORST FILES (lowest F1 of units, thresholds, deadlines, documents)")
        lines.extend(worst)
        lines.append("")
    lines.append(f"TOTAL ({len(results)} golden file{'s' if len(results) != 1 else ''})")
    lines.extend(_table(total, overall))
    return "\n".join(lines)


def render_json(results: list[FileResult], show_misses: bool) -> dict:
    total = total_scores(results)
    overall = Score()
    for s in total.values():
        overall = overall + s
    return {
        "schema": "gazette-eval/1",
        "files": [{"golden": r.golden, "source": r.source,
                   "fields": {f: s.to_json(show_misses) for f, s in r.scores.items()},
                   "overall": r.overall.to_json(), "not_scored": dict(r.ignored)} for r in results],
        "total": {"fields": {f: s.to_json() for f, s in total.items()}, "overall": overall.to_json()},
    }


@click.command("eval")
@click.argument("golden", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output for people or for scripts.")
@click.option("--show-misses", is_flag=True, help="List missed and spurious values with their raw text.")
@click.option("--floors", "floors_path", type=click.Path(dir_okay=False),
              help="A JSON of recorded per-file F1 figures: exit 1 if a file's field falls below its figure.")
@click.option("--save-floors", "save_path", type=click.Path(dir_okay=False),
              help="Write this run's per-file F1 figures to a JSON (for --floors).")
@click.option("--heads", is_flag=True,
              help="Score document heads (title, 文号, issuer, recipients, date, …) against golden/heads/.")
@click.option("--origin", is_flag=True,
              help="With --heads: read a source missing from corpus/ from its origin under ../shared/.")
def eval_cmd(golden, fmt, show_misses, floors_path, save_path, heads, origin):
    """Score the recognised values against hand-written golden files (default: golden/values/).

    Prints precision, recall and F1 per field (units, scope_units, thresholds, deadlines, effective,
    documents: doc_number, date, effective and expires of each document) and overall, per golden file,
    the worst files, and in total. Exit 0; 1 if --floors finds a file below its recorded figure; 2 if a
    golden file is unusable. With --heads, the share of documents whose head field (title, 文号, issuer,
    recipients, date, 附件, 抄送, 印发 …) is right, per field and group of files (govcn full pages and
    body-only pages, dev and test split; real; formats).

    \b
    Example:
      gazette eval
      gazette eval golden/values/sanmenxia-gazette-2023-02.json --show-misses
      gazette eval golden/eval/dev --floors tests/eval_dev_floors.json
      gazette eval --heads --show-misses
    """
    from .cli import guarded

    @guarded
    def run():
        from .errors import GazetteError

        if heads:
            from . import evaluate_heads as eh

            results = []
            for p in eh.golden_files(golden):
                try:
                    results.append(eh.evaluate_file(p, use_origin=origin))
                except OSError as e:
                    raise GazetteError("E030", path=str(p), reason=e.strerror or str(e)) from e
                except KeyError as e:
                    raise GazetteError("E030", path=str(p), reason=f"missing key {e}") from e
                except ValueError as e:
                    raise GazetteError("E030", path=str(p), reason=str(e)) from e
            if fmt == "json":
                click.echo(json.dumps(eh.render_json(results), ensure_ascii=False, indent=1))
            else:
                click.echo(eh.render_text(results, show_misses))
            sys.exit(0)
        try:
            results = [evaluate_file(path) for path in golden_files(golden)]
        except GoldenError as e:
            raise GazetteError("E030", path=e.path, reason=e.reason) from e
        if fmt == "json":
            click.echo(json.dumps(render_json(results, show_misses), ensure_ascii=False, indent=1))
        else:
            click.echo(render_text(results, show_misses))
        if save_path:
            Path(save_path).write_text(json.dumps(file_figures(results), ensure_ascii=False, indent=1,
                                                  sort_keys=True) + "\n", encoding="utf-8")
        if floors_path:
            try:
                floors = json.loads(Path(floors_path).read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                click.echo(f"gazette: cannot read floors {floors_path}: {e}", err=True)
                sys.exit(2)
            drops = below_floors(results, floors)
            for line in drops:
                click.echo(f"gazette: {line}", err=True)
            sys.exit(1 if drops else 0)
        sys.exit(0)

    run()
