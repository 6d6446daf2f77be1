"""The elements of an official document's head and tail (GB/T 9704-2012), as typed values with provenance.

Why typed: a user (or `gazette check`) asks `doc.head_element("doc_number").span` and gets where the 文号
is printed; a consumer never re-parses the text to find it. Every element is a frozen dataclass with its
value(s), `raw` (the text as in the clean string, one line or several), `span` (clean offsets) and `page`
(the printed page label where the text has pages). `to_json()` / `element_from_json()` give and read
the contract's form: `{"element": "doc_number", "value": "国办发〔2018〕123号", "raw", "span", "page"}`.

The elements, in the order GB/T 9704 prints them (the reader also accepts the orders web pages use):
版头 copy_number 份号, secrecy 密级和保密期限, urgency 紧急程度, issuer_mark 发文机关标志, doc_number 发文字号,
signer 签发人; 主体 title 标题, recipients 主送机关, attachment_note 附件说明, signature 发文机关署名 (organs
or a person), date 成文日期, note 附注; 版记 cc 抄送机关, printed 印发机关和印发日期, copies 共印份数.
A bulletin's issuer and date printed under its title are a `signature` and a `date` too (their span
says where they stand).
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar


@dataclass(frozen=True, kw_only=True)
class Element:
    raw: str
    span: tuple[int, int]
    page: str | None = None
    element: ClassVar[str] = ""

    def values(self) -> dict[str, Any]:
        skip = {"raw", "span", "page"}
        out = {}
        for f in fields(self):
            if f.name in skip:
                continue
            v = getattr(self, f.name)
            out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    def to_json(self) -> dict:
        return {"element": self.element, **self.values(), "raw": self.raw, "span": list(self.span),
                "page": self.page}

    @classmethod
    def from_json(cls, data: dict) -> "Element":
        """The element `to_json()` gave (of the class its `element` names, whichever class is asked)."""
        return element_from_json(data)


@dataclass(frozen=True, kw_only=True)
class CopyNumber(Element):
    """份号: `001012`."""
    value: str
    element: ClassVar[str] = "copy_number"


@dataclass(frozen=True, kw_only=True)
class Secrecy(Element):
    """密级和保密期限: `机密★5年` -> level 机密, term 5年."""
    level: str
    term: str | None = None
    element: ClassVar[str] = "secrecy"


@dataclass(frozen=True, kw_only=True)
class Urgency(Element):
    """紧急程度: 特急, 加急."""
    level: str
    element: ClassVar[str] = "urgency"


@dataclass(frozen=True, kw_only=True)
class IssuerMark(Element):
    """发文机关标志: `三门峡市人民政府文件` (mark 文件), `中华人民共和国国务院令` (mark 令)."""
    organs: tuple[str, ...]
    mark: str
    element: ClassVar[str] = "issuer_mark"


@dataclass(frozen=True, kw_only=True)
class DocNumber(Element):
    """发文字号, normalised: `国办发〔2018〕123号`, a decree's `中华人民共和国国务院令第707号`."""
    value: str
    element: ClassVar[str] = "doc_number"


@dataclass(frozen=True, kw_only=True)
class Signer(Element):
    """签发人: the names after `签发人：`."""
    names: tuple[str, ...]
    element: ClassVar[str] = "signer"


@dataclass(frozen=True, kw_only=True)
class Title(Element):
    """标题, joined when printed over several lines (`lines`); `kind` the 文种 it ends in."""
    value: str
    lines: int = 1
    kind: str | None = None
    element: ClassVar[str] = "title"


@dataclass(frozen=True, kw_only=True)
class Recipients(Element):
    """主送机关, split at top-level ，/；."""
    names: tuple[str, ...]
    element: ClassVar[str] = "recipients"


@dataclass(frozen=True, kw_only=True)
class AttachmentNote(Element):
    """附件说明 after the body: `附件：1. … 2. …`, the titles without their labels."""
    titles: tuple[str, ...]
    element: ClassVar[str] = "attachment_note"


@dataclass(frozen=True, kw_only=True)
class Signature(Element):
    """发文机关署名: one or several organs, or a person (`role` 总理, `person` 李克强)."""
    organs: tuple[str, ...] = ()
    person: str | None = None
    role: str | None = None
    element: ClassVar[str] = "signature"


@dataclass(frozen=True, kw_only=True)
class DocDate(Element):
    """成文日期, ISO (reduced precision when the day is not printed: `2022-12`)."""
    value: str
    element: ClassVar[str] = "date"


@dataclass(frozen=True, kw_only=True)
class Note(Element):
    """附注: `（此件公开发布）`."""
    value: str
    element: ClassVar[str] = "note"


@dataclass(frozen=True, kw_only=True)
class CarbonCopy(Element):
    """抄送机关, split at top-level ，/；, the final 。 dropped."""
    names: tuple[str, ...]
    element: ClassVar[str] = "cc"


@dataclass(frozen=True, kw_only=True)
class Printed(Element):
    """印发机关和印发日期: `国务院办公厅 2024年1月15日印发`."""
    organ: str | None
    date: str | None
    element: ClassVar[str] = "printed"


@dataclass(frozen=True, kw_only=True)
class Copies(Element):
    """共印份数: `（共印120份）`."""
    count: int
    element: ClassVar[str] = "copies"


ELEMENTS: dict[str, type[Element]] = {cls.element: cls for cls in (
    CopyNumber, Secrecy, Urgency, IssuerMark, DocNumber, Signer, Title, Recipients, AttachmentNote,
    Signature, DocDate, Note, CarbonCopy, Printed, Copies)}


def element_from_json(data: dict) -> Element:
    """The inverse of `Element.to_json()`."""
    cls = ELEMENTS[data["element"]]
    kwargs: dict[str, Any] = {"raw": data["raw"], "span": tuple(data["span"]), "page": data.get("page")}
    for f in fields(cls):
        if f.name in kwargs or f.name not in data:
            continue
        v = data[f.name]
        kwargs[f.name] = tuple(v) if isinstance(v, list) else v
    return cls(**kwargs)
