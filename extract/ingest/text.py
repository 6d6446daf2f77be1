"""`Text`: the one normalised string every later stage works on, with its way back to the source.

A Text holds the decoded source (`source`, newlines folded to LF), the list of `Removal`s that cleaning
took out of it (and the folds, removals with a `replacement`: a Kangxi radical ⼈ read as 人), and the
resulting `clean` string. Offsets into `clean` are what provision and value
spans mean; `to_source`, `line_col` and `page` map them back. Invariant: putting every removal's raw
text back at its `start` in `clean` (via `restore`) gives `source` exactly.
"""
from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field


_NEWLINE = re.compile("\n")


@dataclass(frozen=True)
class Removal:
    """A piece of the source that is not content (a running header, page number, markup...), or a fold:
    source characters that `clean` spells another way (`replacement`, kind `fold`)."""

    kind: str  # running_header | page_number | page_break | duplicate_char | markup | markdown | blank_lines | fold | …
    start: int  # offset in `source`
    end: int
    raw: str
    at: int = 0  # offset in `clean` where it used to be (for a fold: where its replacement starts)
    replacement: str = ""  # what `clean` has instead of `raw` (folds only)
    why: str | None = None  # a fold's class: radical, compat, width, space, invisible

    def to_json(self, text: "Text") -> dict:
        line, col = text.source_line_col(self.start)
        out = {"kind": self.kind, "raw": self.raw, "span": [self.start, self.end], "at": self.at,
               "line": line, "column": col}
        if self.replacement or self.why:
            out["replacement"] = self.replacement
            out["class"] = self.why
        page = text.page(self.at) if text.pages else None
        if page is not None:
            out["page"] = page
        return out


@dataclass
class Text:
    source: str
    removals: list[Removal] = field(default_factory=list)
    path: str = "-"
    format: str = "text"
    encoding: str = "utf-8"
    newline: str = "lf"
    sha256: str = ""
    # Pages: sorted list of (clean offset where a page starts, printed page label).
    pages: list[tuple[int, str]] = field(default_factory=list)
    # Problems that did not stop reading ({"code", "message", ...}), e.g. a scanned page in a text PDF.
    warnings: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._build()

    def _build(self) -> None:
        self.removals.sort(key=lambda r: r.start)
        pieces: list[str] = []
        pos = 0
        clean_len = 0
        fixed: list[Removal] = []
        # _src_at[i], _clean_at[i]: after the i-th removal, clean offset _clean_at[i] is source _src_at[i]
        self._clean_at: list[int] = [0]
        self._src_at: list[int] = [0]
        for r in self.removals:
            if r.start < pos:
                raise ValueError(f"overlapping removals at {r.start}: {r.kind}")
            pieces.append(self.source[pos:r.start])
            clean_len += r.start - pos
            fixed.append(Removal(r.kind, r.start, r.end, self.source[r.start:r.end], clean_len, r.replacement, r.why))
            pieces.append(r.replacement)
            clean_len += len(r.replacement)
            pos = r.end
            self._clean_at.append(clean_len)
            self._src_at.append(r.end)
        pieces.append(self.source[pos:])
        self.removals = fixed
        self.clean = "".join(pieces)
        # 4 bytes per line (10 MB of blank lines: 40 MB, not a list of ten million ints at 36 bytes each)
        self._line_starts = array("i" if len(self.source) < 2**31 else "q", [0])
        self._line_starts.extend(m.end() for m in _NEWLINE.finditer(self.source))

    # -- offset maps -------------------------------------------------------------------------
    def to_source(self, offset: int) -> int:
        """Source offset of the clean character at `offset`."""
        i = bisect.bisect_right(self._clean_at, offset) - 1
        return self._src_at[i] + (offset - self._clean_at[i])

    def to_clean(self, src_offset: int) -> int:
        """Clean offset of a source offset (a removed character maps to where it was removed)."""
        i = bisect.bisect_right(self._src_at, src_offset) - 1
        return min(self._clean_at[i] + max(0, src_offset - self._src_at[i]),
                   self._clean_at[i + 1] if i + 1 < len(self._clean_at) else len(self.clean))

    def source_line_col(self, src_offset: int) -> tuple[int, int]:
        """1-based line and column in the (newline-normalised) source."""
        line = bisect.bisect_right(self._line_starts, src_offset) - 1
        return line + 1, src_offset - self._line_starts[line] + 1

    def line_col(self, offset: int) -> tuple[int, int]:
        return self.source_line_col(self.to_source(offset))

    def page(self, offset: int) -> str | None:
        if not self.pages:
            return None
        starts = self.__dict__.get("_page_starts")
        if starts is None or self.__dict__.get("_page_key") is not self.pages or len(starts) != len(self.pages):
            # built once per page list (readers assign `pages` after construction), not on every call
            starts = [p[0] for p in self.pages]
            self._page_starts, self._page_key = starts, self.pages
        i = bisect.bisect_right(starts, offset) - 1
        return self.pages[max(i, 0)][1]

    def restore(self, pieces: list[tuple[int, str]] | None = None) -> str:
        """Rebuild the source from clean text (or from (clean_offset, text) pieces) plus removals."""
        clean = self.clean if pieces is None else "".join(t for _, t in sorted(pieces, key=lambda p: p[0]))
        out: list[str] = []
        pos = 0
        for r in self.removals:
            out.append(clean[pos:r.at])
            out.append(r.raw)
            pos = r.at + len(r.replacement)
        out.append(clean[pos:])
        return "".join(out)

    def folds(self, start: int = 0, end: int | None = None) -> list[Removal]:
        """The folds whose replacement lies in clean[start:end] (a 文号 printed with full-width digits)."""
        end = len(self.clean) if end is None else end
        return [r for r in self.removals if r.kind == "fold" and start <= r.at < end]

    def printed(self, start: int, end: int) -> str:
        """clean[start:end] as the source printed it: folds undone (removals inside are not put back)."""
        out = list(self.clean[start:end])
        for r in reversed(self.folds(start, end)):
            k = r.at - start
            out[k:k + len(r.replacement)] = [r.raw]
        return "".join(out)
