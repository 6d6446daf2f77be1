"""`Found`: one value a recogniser found in a text, the single return type of every recogniser.

`start`/`end` are offsets into the text the recogniser was given; `to_json(offset)` shifts them into the
clean text (offset = the provision's start) and gives the contract's form: the `data` fields plus `raw` and
`span`. `label` is the spaCy span label (UNIT, THRESHOLD, DEADLINE, CITATION).
"""
from __future__ import annotations

from dataclasses import dataclass, field

LABELS = ("UNIT", "THRESHOLD", "DEADLINE", "CITATION")


@dataclass(frozen=True)
class Found:
    label: str
    start: int
    end: int
    raw: str
    data: dict = field(default_factory=dict)
    scope: str | None = None  # 'later': a unit that also applies to every later provision (以下均含…)

    def to_json(self, offset: int = 0) -> dict:
        return {**self.data, "raw": self.raw, "span": [self.start + offset, self.end + offset]}

    def overlaps(self, other: "Found") -> bool:
        return self.start < other.end and other.start < self.end
