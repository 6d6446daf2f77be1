"""Which document a copy is, which family of versions it belongs to, and whether a file holds one at all.

A document is keyed by its 文号 (normalised: 三政办[2022]18号 and 三政办〔2022〕18号 are one); without
one, by its title, issuer and date, so that the 2017 and the 2023 text of a law are two documents (of
one family) while the same law from a markdown file and a PDF is one. A 文号 printed on a document with
another title (a typing error, or a reused number) does not merge the two: the second gets a key of
its own, and `gazette check --against` reports it (GZ902).

A family is the folded title its versions share: the regulation's own title for a 印发 notice (关于印发X
的通知 re-issued under a new 文号 prints the same X), else the document's title.
"""
from __future__ import annotations

import difflib
import re
import unicodedata

from ..lexicon.docnumber import normalize_doc_number
from ..lexicon.numerals import cn_number

_NOT_TITLE = re.compile(r"[\s\"'“”‘’《》〈〉<>()（）〔〕\[\]【】、，,。:：]")


def squash_title(s: str | None) -> str:
    """A title for matching: NFKC, without white space, quotes, book-title marks, brackets and commas (the
    rule of extract.diff.text.squash_title, restated so that the database does not depend on the diff)."""
    return _NOT_TITLE.sub("", unicodedata.normalize("NFKC", s)) if s else ""


SAME_TITLE = 0.6  # least similarity of folded titles for one 文号 to be one document
NUMBERED_LEVELS = {"part", "chapter", "section", "article", "item", "subitem", "point", "attachment"}
CONTAINERS = {"attachment", "part", "chapter"}
SPECIAL_NAMES = {"preamble": "文首", "toc": "目录", "closing": "落款"}


def doc_number_key(doc_number: str | None) -> str | None:
    return normalize_doc_number(doc_number) if doc_number else None


def dated(doc: dict) -> str | None:
    """The date the database keys and orders a document by: its 成文日期, or for a law the date of its
    version (`adopted`, from the history lines), so that two versions of a law are two documents."""
    return doc.get("date") or doc.get("adopted")


def document_key(doc: dict) -> str:
    number = doc_number_key(doc.get("doc_number"))
    if number:
        return number
    return "|".join((squash_title(doc.get("title")), squash_title(doc.get("issuer")), dated(doc) or ""))


def conflict_key(doc: dict) -> str:
    """The key of a copy whose 文号 is already another document's."""
    return f"{doc_number_key(doc.get('doc_number'))}|{squash_title(doc.get('title'))}"


def same_title(a: str | None, b: str | None) -> bool:
    x, y = squash_title(a), squash_title(b)
    if not x or not y:
        return True  # nothing to tell them apart
    return x == y or difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() >= SAME_TITLE


def family_key(doc: dict) -> str:
    regulation = doc.get("regulation") or {}
    title = regulation.get("title") if isinstance(regulation, dict) else None
    return squash_title(title or doc.get("title")) or document_key(doc)


def family_title(doc: dict) -> str | None:
    regulation = doc.get("regulation") or {}
    return (regulation.get("title") if isinstance(regulation, dict) else None) or doc.get("title")


def has_document(data: dict) -> bool:
    """Whether an extraction holds a gazette document: an issue, or a document with a 文号, an issuer, a date
    or numbered provisions. A README or a page of prose has none of these and is not stored."""
    if data.get("issue"):
        return True
    for doc in data.get("documents") or []:
        if doc.get("doc_number") or doc.get("issuer") or dated(doc) or doc.get("signature"):
            return True
        if any(p.get("level") in NUMBERED_LEVELS for p in doc.get("provisions") or []):
            return True
    return False


def document_label(doc: dict) -> str:
    return doc.get("doc_number") or doc.get("title") or doc.get("id") or ""


def cite_names(provisions: list[dict]) -> list[str]:
    """How a reader cites each provision: 第九条（一）, 一、（三）, 第二条第二款; 文首 and 落款 for the ends."""
    by_id = {p["id"]: p for p in provisions}
    memo: dict[str, str] = {}

    def own(p: dict) -> str:
        if p.get("label"):
            return p["label"]
        if p.get("level") == "paragraph" and p.get("number"):
            up = by_id.get(p.get("parent"))
            return f"第{cn_number(p['number'])}{'款' if up is not None and up.get('level') == 'article' else '段'}"
        return p.get("heading") or p["id"]

    def name(p: dict) -> str:
        if p["id"] in memo:
            return memo[p["id"]]
        if p["id"] in SPECIAL_NAMES:
            out = SPECIAL_NAMES[p["id"]]
        else:
            up = by_id.get(p.get("parent")) if p.get("parent") else None
            head = name(up) if up is not None and not _container(up) else ""
            out = head + own(p)
        memo[p["id"]] = out
        return out

    return [name(p) for p in provisions]


def _container(p: dict) -> bool:
    if p.get("level") in CONTAINERS:
        return True
    return p.get("level") == "section" and bool(p.get("label")) and p["label"].endswith("节")


EXPIRY_KINDS = ("expires", "until", "by")


def relations_of(doc: dict) -> list[dict]:
    """The relations the relation recogniser put on a document's provisions (repeals / extends / amends a
    cited document), each with its provision's id and, for an extension, the new end date: the first
    expiry-like deadline of the same provision after the citation, else the document's own expiry."""
    out = []
    for p in doc.get("provisions") or []:
        for r in p.get("relations") or []:
            item = {"relation": r["relation"], "title": r.get("title"), "doc_number": r.get("doc_number"),
                    "raw": r.get("raw") or "", "provision": p.get("id"), "span": list(r.get("span") or (None, None))}
            if r["relation"] == "extends":
                after = (r.get("span") or [0, 0])[1] or 0
                dates = [d["date"] for d in p.get("deadlines") or []
                         if d.get("date") and d.get("kind") in EXPIRY_KINDS and (d.get("span") or [0])[0] >= after]
                item["expires"] = dates[0] if dates else doc.get("expires")
            out.append(item)
    return out
