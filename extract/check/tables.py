"""Table rules (GZ6xx): a 合计/总计 row or column that is not the sum of its parts.

Tables are the rows the segmenter read into an attachment's `table`. Numbers are added as
Decimal, exactly; percentages and cells that are not plain numbers are left out.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from ..lexicon.numerals import to_ascii_digits
from ..lexicon.spacing import SEP
from .registry import ERROR, rule

TOTAL = re.compile(rf"^(?:合{SEP}*计|总{SEP}*计|共{SEP}*计|总{SEP}*数)$")
SUBTOTAL = re.compile(rf"^小{SEP}*计$")
_NUMBER = re.compile(r"^[-−]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?$")
_EMPTY = {"", "-", "—", "－", "/", "——", "无"}
_NOT_ADDITIVE = re.compile(r"%|％|率|比例|占比|比重|平均|均值|单价|排名|序号|编号|年份|增幅|增速|同比|环比")


def number(cell: str) -> Decimal | None:
    s = (cell or "").strip().replace(" ", "")
    if not _NUMBER.match(s):
        return None
    s = to_ascii_digits(s).replace("−", "-").replace(",", "").replace("，", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _fmt(d: Decimal) -> str:
    return format(d.normalize(), "f") if d != d.to_integral_value() else str(int(d))


class Row(NamedTuple):
    cells: list[str]
    spans: list[tuple[int, int]]  # each cell's clean span, from the segmenter


def table_rows(ctx, att) -> list[Row]:
    """An attachment's table rows with the spans the segmenter recorded for each cell."""
    spans = att.cell_spans or [[(att.start, att.start)] * len(r) for r in att.table]
    return [Row(cells, list(sp)) for cells, sp in zip(att.table, spans)]


def _label(cells: list[str]) -> str:
    return re.sub(SEP, "", cells[0]) if cells else ""


def _header_rows(rows) -> int:
    """How many leading rows are headers: rows before the first one with a number in a later column."""
    for i, (cells, _) in enumerate(rows):
        if any(number(c) is not None for c in cells[1:]):
            return i
    return len(rows)


@rule("GZ601", "table-total-row", "tables", ERROR, "a 合计/总计 row is not the sum of the rows above it",
      what="In a table, a row labelled 合计, 总计 or 小计 gives, in some column, a number other than the "
           "sum of the rows above it (back to the previous total row).",
      why="A wrong total is either an arithmetic slip or a sign that a row was changed after the total "
          "was computed; readers quote totals.",
      example="湖滨区 36720 … 开发区 5070 | 合计 177953  (the rows add up to 177954)",
      instead="合计 177954")
def table_total_row(ctx):
    for doc in ctx.documents:
        for att in doc.provisions:
            rows = table_rows(ctx, att) if att.table else []
            if not rows:
                continue
            headers = _header_rows(rows)
            header_text = [" ".join(c[i] if i < len(c) else "" for c, _ in rows[:headers]) for i in
                           range(max(len(c) for c, _ in rows))]
            parts: list = []
            subtotals: list = []
            for cells, spans in rows[headers:]:
                label = _label(cells)
                is_total, is_sub = bool(TOTAL.match(label)), bool(SUBTOTAL.match(label))
                if not (is_total or is_sub):
                    parts.append(cells)
                    continue
                for col in range(1, len(cells)):
                    total = number(cells[col])
                    if total is None or _NOT_ADDITIVE.search(header_text[col] if col < len(header_text) else ""):
                        continue
                    values = [number(r[col]) if col < len(r) else None for r in parts]
                    raw = [r[col].strip() if col < len(r) else "" for r in parts]
                    if any(v is None and x not in _EMPTY for v, x in zip(values, raw)) or not parts:
                        continue
                    s = sum((v for v in values if v is not None), Decimal(0))
                    if s != total:
                        a, b = spans[col]
                        head = header_text[col].strip() if col < len(header_text) else ""
                        where = f" in column “{head}”" if head else f" in column {col + 1}"
                        yield ctx.finding("GZ601", f"{label} {cells[col].strip()}{where}, but the rows above add up "
                                                   f"to {_fmt(s)}", a, b, doc=doc,
                                          provision=att)
                if is_sub:
                    subtotals.extend(parts)
                    parts = []
                else:
                    parts = []


@rule("GZ602", "table-total-column", "tables", ERROR, "a 合计/总计 column is not the sum of the columns before it",
      what="In a table whose header has a 合计/总计 column, a row's total differs from the sum of the numeric "
           "columns between the row label and the total column, while the other rows do add up.",
      why="An arithmetic slip or a cell changed after the total was computed.",
      example="县(市、区) | 一季度 | 二季度 | 合计\n湖滨区 | 10 | 12 | 23",
      instead="湖滨区 | 10 | 12 | 22")
def table_total_column(ctx):
    for doc in ctx.documents:
        for att in doc.provisions:
            rows = table_rows(ctx, att) if att.table else []
            headers = _header_rows(rows)
            if not rows or headers == 0:
                continue
            width = max(len(c) for c, _ in rows)
            header_text = [" ".join(c[i] if i < len(c) else "" for c, _ in rows[:headers]) for i in range(width)]
            for tcol in range(2, width):
                if not re.search(rf"合{SEP}*计|总{SEP}*计", header_text[tcol]):
                    continue
                cols = [c for c in range(1, tcol) if not _NOT_ADDITIVE.search(header_text[c])]
                if len(cols) < 2:
                    continue
                checked, bad = 0, []
                for cells, spans in rows[headers:]:
                    total = number(cells[tcol]) if tcol < len(cells) else None
                    values = [number(cells[c]) if c < len(cells) else None for c in cols]
                    if total is None or any(v is None for v in values):
                        continue
                    checked += 1
                    s = sum(values, Decimal(0))
                    if s != total:
                        bad.append((spans, cells, s))
                if not bad or len(bad) * 2 > checked:
                    continue  # most rows do not add up: the column is not a plain sum of these columns
                for spans, cells, s in bad:
                    a, b = spans[tcol]
                    yield ctx.finding("GZ602", f"{_label(cells)}: {header_text[tcol].strip()} {cells[tcol].strip()}, "
                                               f"but its columns add up to {_fmt(s)}", a, b,
                                      doc=doc, provision=att)
