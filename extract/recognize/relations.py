"""Relations between documents: a notice that repeals, extends or amends another document it cites.

`find_relations(document)` reads the model, not the text around it: the citations the citation
recogniser found in each provision (`《title》（文号）`, bare 文号) and the deadlines beside them. A relation
holds when its verb governs the citation inside one sentence (split at 。；！？ and line breaks): the
sentence is reduced to a skeleton in which every citation is one placeholder character, and the
patterns below read that skeleton, so `决定废止《X》（三政办文〔2023〕2号）`, `《X》（三政办〔2022〕18号）同时废止`,
`《A》、《B》同时废止`, `关于延长《X》有效期的通知` and `《X》有效期延长至2025年12月31日` all name their target,
while `根据《X》……予以撤销` (a basis, then a verb about something else) and `申请延长有效期` (no citation)
do not. A law's `《旧条例》同时废止` is a repeal like a notice's.

Each relation: {"relation": "repeals|extends|amends", "title", "doc_number" (of the target, as cited),
"raw" (the citation as printed), "provision" (id), "span" (of the citation), and for extends
"expires" (the new end date: a deadline of the same sentence, else the notice's own expires)}.
The document's own 文号 (printed under its title) is never a target.

This is the one place that decides what a relation is: the clause database (links, status) and
`gazette diff --against` use it. `extract.diff.documents.find_links` still has its own document-wide
regexes (to be moved onto this function).
"""
from __future__ import annotations

import re

MARK = "\ue000"  # a citation, in a sentence's skeleton
_LIST = rf"{MARK}(?:[、，,和及与或]{{1,2}}{MARK})*"  # 《A》、《B》和《C》

PATTERNS = (
    ("repeals", re.compile(rf"(?:废止|撤销|停止执行|不再执行|宣布失效){_LIST}")),
    ("repeals", re.compile(rf"{_LIST}[^{MARK}，,。；]{{0,12}}?(?:废止|失效|停止执行|不再执行|予以撤销)")),
    ("extends", re.compile(rf"延长{_LIST}[^{MARK}，,。；]{{0,8}}(?:有效期|期限|执行期|实施期)")),
    ("extends", re.compile(rf"{_LIST}[^{MARK}，,。；]{{0,10}}(?:有效期|执行期限?|实施期限?)(?:延长|延续|顺延)")),
    ("extends", re.compile(rf"{_LIST}[^{MARK}，,。；]{{0,10}}(?:继续执行|延期执行|延续实施|继续实施)")),
    ("amends", re.compile(rf"修改{_LIST}")),
    ("amends", re.compile(rf"对{_LIST}[^{MARK}，,。；]{{0,10}}(?:作|作出|进行)(?:如下|以下|部分)?(?:修改|修订|修正)")),
    ("amends", re.compile(rf"{_LIST}[^{MARK}，,。；]{{0,8}}(?:修改为|修订为)")),
)
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_EXPIRY_KINDS = ("expires", "until", "by")


def _get(obj, name, default=None):
    return obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)


def find_relations(document) -> list[dict]:
    """The repeals / extends / amends relations a document states (a model Document or its JSON)."""
    own = _get(document, "doc_number")
    out: list[dict] = []
    seen: set[tuple] = set()
    for p in _get(document, "provisions") or ():
        citations = _get(p, "citations") or []
        if not citations:
            continue
        text = _get(p, "text") or ""
        start = _start(p)
        for s_from, s_to in _sentences(text):
            inside = [c for c in citations if c.get("span") and s_from <= c["span"][0] - start < s_to
                      and c["span"][1] - start <= s_to + 1]
            inside = [c for c in inside if not (own and c.get("doc_number") == own and not c.get("title"))]
            if not inside:
                continue
            skeleton, marks = _skeleton(text, s_from, s_to, start, inside)
            for relation, pattern in PATTERNS:
                for m in pattern.finditer(skeleton):
                    for k in (i for i, at in enumerate(marks) if m.start() <= at < m.end()):
                        c = inside[k]
                        key = (relation, c.get("doc_number"), c.get("title"))
                        if key in seen:
                            continue
                        seen.add(key)
                        r = {"relation": relation, "title": c.get("title"), "doc_number": c.get("doc_number"),
                             "raw": c.get("raw"), "provision": _get(p, "id"), "span": list(c["span"])}
                        if relation == "extends":
                            r["expires"] = _expiry(p, start, s_from, s_to) or _get(document, "expires")
                        out.append(r)
    return _merge_same_target(out)


def _start(p) -> int:
    span = _get(p, "span")
    if span:
        return span[0]
    return _get(p, "start", 0) or 0


def _sentences(text: str):
    at = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > at:
            yield at, m.start()
        at = m.end()
    if at < len(text):
        yield at, len(text)


def _skeleton(text: str, s_from: int, s_to: int, start: int, citations: list[dict]) -> tuple[str, list[int]]:
    """The sentence with each citation as one MARK; the MARKs' positions, in the citations' order."""
    parts, marks, at = [], [], s_from
    for c in sorted(citations, key=lambda c: c["span"][0]):
        a, b = c["span"][0] - start, min(c["span"][1] - start, s_to)
        if a < at:
            continue
        parts.append(re.sub(r"\s+", "", text[at:a]))
        marks.append((sum(len(x) for x in parts), c))
        parts.append(MARK)
        at = b
    parts.append(re.sub(r"\s+", "", text[at:s_to]))
    order = {id(c): pos for pos, c in marks}
    return "".join(parts), [order.get(id(c), -1) for c in citations]


def _expiry(p, start: int, s_from: int, s_to: int) -> str | None:
    for d in _get(p, "deadlines") or []:
        span = d.get("span")
        if d.get("date") and d.get("kind") in _EXPIRY_KINDS and span and s_from <= span[0] - start < s_to:
            return d["date"]
    return None


def _merge_same_target(relations: list[dict]) -> list[dict]:
    """A title-only citation and a titled one with its 文号 for the same target (the notice's title and its
    body) are one relation: keep the one with the 文号 and the title of the other when it has none."""
    out: list[dict] = []
    for r in relations:
        twin = next((o for o in out if o["relation"] == r["relation"] and o["title"] and o["title"] == r["title"]),
                    None)
        if twin is None:
            out.append(r)
        elif r["doc_number"] and not twin["doc_number"]:
            out[out.index(twin)] = r | ({"expires": r.get("expires") or twin.get("expires")}
                                        if r["relation"] == "extends" else {})
    return out
