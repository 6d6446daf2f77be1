"""Two inputs to a DiffResult: match documents, align each pair's provisions, type every change.

A provision pair becomes a change when its text (label aside, white space and width folded) differs,
its number differs, it moved, or its values differ. Its kind is the strongest of these: `moved`, then
`modified`, then `renumbered`; the flags keep the rest (`text_changed`, `renumbered`, `moved`).
Renumbering is only reported where numbers mean something: a 款 changes number only under an article,
and unnumbered paragraphs of a notice never do.
"""
from __future__ import annotations

from ..lexicon.numerals import cn_number
from ..model import Document, Provision
from . import text as T
from .align import Alignment, Settings, align, is_container
from .documents import find_links, match_documents
from .load import Side
from .model import Change, DiffResult, DocumentDiff
from .pins import Pins
from .values import diff_document_values, diff_values
from .words import word_diff

SPECIAL_NAMES = {"preamble": "文首", "toc": "目录", "closing": "落款"}


def compare(old: Side, new: Side, pins: Pins | None = None, settings: Settings = Settings(),
            values: bool = True) -> DiffResult:
    """The diff of two loaded inputs (see extract.diff.load)."""
    pins = pins or Pins()
    pins.check(old.documents, new.documents)
    links = find_links(old.documents, new.documents)
    doc_pairs = match_documents(old.documents, new.documents, pins.documents)
    result = DiffResult(old=old.meta, new=new.meta, links=links)
    for dp in doc_pairs:
        a = old.documents[dp.old] if dp.old is not None else None
        b = new.documents[dp.new] if dp.new is not None else None
        if a is not None and b is not None:
            dd = diff_pair(a, b, dp.matched_by, pins.for_pair(a, b), settings, values)
        else:
            dd = DocumentDiff(a, b, dp.matched_by)
            dd.changes.append(_document_change("removed" if b is None else "added", a, b, dp.matched_by))
        mine = [lk for lk in links if (lk["from"]["side"] == "old" and a is not None and lk["from"]["index"] == dp.old)
                or (lk["from"]["side"] == "new" and b is not None and lk["from"]["index"] == dp.new)]
        if dd.changes and mine:
            dd.changes[0].extra["links"] = [
                {"relation": lk["relation"], "to": lk["to"]["document_id"], "to_side": lk["to"]["side"]}
                | ({"expires": lk["expires"]} if "expires" in lk else {}) for lk in mine]
        result.documents.append(dd)
    return result


def diff_pair(a: Document, b: Document, matched_by: str = "only", pins=(), settings: Settings = Settings(),
              values: bool = True) -> DocumentDiff:
    """The changes between two versions of one document."""
    al = align(a, b, pins, settings)
    dd = DocumentDiff(a, b, matched_by, al)
    names = (Names(a), Names(b))
    changes = [c for c in (_provision_change(al, p, values, names) for p in al.pairs) if c is not None]
    meta = _metadata(a, b)
    doc_values = diff_document_values(a, b) if values else []
    if changes or meta or doc_values:
        head = _document_change("modified", a, b, matched_by)
        head.values = doc_values
        head.extra["metadata"] = meta
        head.text_changed = any(m["field"] == "title" for m in meta)
        if head.text_changed:
            head.diff = word_diff(head.old_text or "", head.new_text or "")
        kinds: dict[str, int] = {}
        for c in changes:
            kinds[c.kind] = kinds.get(c.kind, 0) + 1
        head.extra["counts"] = kinds
        dd.changes = [head] + changes
    return dd


def _document_change(kind: str, a: Document | None, b: Document | None, matched_by: str) -> Change:
    def label(d: Document | None) -> str | None:
        return (d.doc_number or d.title) if d else None

    return Change(kind=kind, level="document", old_id=a.id if a else None, new_id=b.id if b else None,
                  old_label=label(a), new_label=label(b), old_document=a.id if a else None,
                  new_document=b.id if b else None, old_text=a.title if a else None,
                  new_text=b.title if b else None, extra={"matched_by": matched_by})


def _metadata(a: Document, b: Document) -> list[dict]:
    out = []
    for field in ("title", "doc_number", "date", "adopted", "issuer"):
        x, y = getattr(a, field), getattr(b, field)
        if T.key(x) != T.key(y):
            out.append({"field": field, "old": x, "new": y})
    return out


def _provision_change(al: Alignment, pair, values: bool, names: tuple[Names, Names]) -> Change | None:
    a, b = al.old, al.new
    o = a.provisions[pair.old] if pair.old is not None else None
    n = b.provisions[pair.new] if pair.new is not None else None
    old_text = T.body(o.text, o.label) if o else None
    new_text = T.body(n.text, n.label) if n else None
    change = Change(
        kind="", level=(n or o).level,
        old_id=o.id if o else None, new_id=n.id if n else None,
        old_label=o.label if o else None, new_label=n.label if n else None,
        old_document=a.id if o else None, new_document=b.id if n else None,
        old_path=names[0].path(o) if o else None, new_path=names[1].path(n) if n else None,
        old_text=old_text, new_text=new_text,
        similarity=pair.score if o and n else None,
    )
    if o is None or n is None:
        change.kind = "added" if o is None else "removed"
        change.diff = [{"op": "insert" if o is None else "delete", "text": new_text or old_text or ""}]
        return change
    change.text_changed = T.key(old_text) != T.key(new_text)
    change.renumbered = renumbered(names[0], o, names[1], n)
    change.moved = pair.moved
    change.relation = pair.relation if pair.relation in ("split", "merge", "pinned") else None
    change.values = diff_values(o, n) if values else []
    if not (change.text_changed or change.renumbered or change.moved or change.values or
            pair.relation in ("split", "merge")):
        return None
    if change.moved:
        change.kind = "moved"
    elif change.text_changed or pair.relation in ("split", "merge"):
        change.kind = "modified"
    elif change.renumbered:
        change.kind = "renumbered"
    else:
        change.kind = "modified"  # same text, different values (a date resolved from the document's date)
    change.diff = word_diff(old_text or "", new_text or "") if change.text_changed else \
        [{"op": "equal", "text": new_text or ""}]
    return change


def renumbered(old: Names, o: Provision, new: Names, n: Provision) -> bool:
    """Whether the number a reader cites the provision by changed (第五条 → 第七条, 第二款 → 第三款)."""
    if o.number is None or n.number is None:
        return False
    if o.level == "paragraph":
        po, pn = old.parent(o), new.parent(n)
        if not (po is not None and pn is not None and po.level == pn.level == "article"):
            return False
    return (o.number, o.sub_number) != (n.number, n.sub_number)


class Names:
    """How a reader cites each provision of one document: '第三条（一）', '第二条第二款', '一、（三）'."""

    def __init__(self, d: Document):
        self.by_id = {p.id: p for p in d.provisions}

    def parent(self, p: Provision) -> Provision | None:
        return self.by_id.get(p.parent) if p.parent else None

    def path(self, p: Provision) -> str:
        if p.id in SPECIAL_NAMES:
            return SPECIAL_NAMES[p.id]
        chain = [p]
        while (up := self.parent(chain[-1])) is not None:
            chain.append(up)
        kept = [x for x in reversed(chain) if not is_container(x)] or [p]
        names: list[str] = []
        for x in kept:
            if x.label:
                names.append(x.label)
            elif x.level == "paragraph" and x.number:
                up = self.parent(x)
                names.append(f"第{cn_number(x.number)}{'款' if up is not None and up.level == 'article' else '段'}")
            else:
                names.append(x.heading or x.id)
        return "".join(names)


def path_name(d: Document, p: Provision) -> str:
    """One provision's readable path (builds the index each call: use Names for many)."""
    return Names(d).path(p)
