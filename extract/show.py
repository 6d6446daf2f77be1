"""`gazette show FILE`: the first screen a person reads, not the JSON a program reads.

The issue (title, 第N号, 总第N号, date), then each document: 文号, title, issuer, date, whether it is
in force, how many provisions of each level, the units it names, and its thresholds, deadlines and
citations in one compact table, each as printed beside its normalised value and the provision it is in.

`summarize()` builds the view as data; `plain()` writes it for a pipe or a file (aligned columns, no
colour), `styled()` for a terminal (rich). `gazette extract` gives the same content as JSON.
"""
from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import click

from . import describe
from .describe import KIND_LABELS, get

TABLE_FIELDS = ("thresholds", "deadlines")
# the order a reader meets the levels in; preamble and closing are counted in the total only
LEVEL_ORDER = ("part", "chapter", "section", "article", "paragraph", "item", "subitem", "point", "attachment")
RELATION_LABEL = "关系"  # a provision that repeals, extends or amends a cited document
DEFAULT_ROWS = 10
DEFAULT_UNITS = 8


@dataclass(frozen=True)
class Row:
    kind: str  # 数值 | 期限 | 引用
    printed: str  # the source text, exactly as printed
    value: str  # the normalised value
    where: str  # the provision, as a reader cites it


@dataclass
class DocumentView:
    index: int
    id: str
    title: str | None
    doc_number: str | None
    issuer: str | None
    date: str | None
    status: str
    provisions: int
    levels: list[tuple[str, int]]
    units: list[tuple[str, int]]  # name, how many provisions name it
    inherited: list[str]
    rows: list[Row] = field(default_factory=list)  # thresholds and deadlines, in reading order
    citations: list[Row] = field(default_factory=list)  # and the relations to cited documents
    counts: dict[str, int] = field(default_factory=dict)  # per value field


@dataclass
class Summary:
    path: str
    format: str
    issue: str | None  # one line: title, number, total number, date, publisher
    documents: list[DocumentView]
    warnings: list[str]

    @property
    def totals(self) -> dict[str, int]:
        out = Counter()
        for d in self.documents:
            out.update(d.counts)
        return {f: out.get(f, 0) for f in KIND_LABELS}


def status(document, today: dt.date) -> str:
    """In force, expired or not yet in force, from the document's effective and expires dates.

    Dates of reduced precision compare by their own precision: expires 2024-12 is still in force on
    2024-12-20."""
    now = today.isoformat()
    eff, exp = document.effective, document.expires
    if exp and now[:len(exp)] > exp:
        state = f"expired (effective {eff}, expired {exp})" if eff else f"expired {exp}"
    elif eff and now[:len(eff)] < eff:
        state = f"not yet in force (effective {eff}" + (f", expires {exp})" if exp else ")")
    elif eff:
        state = f"in force (effective {eff}" + (f", expires {exp})" if exp else ")")
    elif exp:
        state = f"in force until {exp} (no effective date stated)"
    else:
        state = "no effective date stated"
    return state


def issue_line(issue) -> str | None:
    if issue is None:
        return None
    parts = [issue.title or "(untitled issue)"]
    number = describe.issue_number(issue)
    if number:
        parts.append(number)
    if issue.published:
        parts.append(str(issue.published))
    if issue.publisher:
        parts.append(issue.publisher)
    return "  ".join(parts)


def summarize(extraction, today: dt.date | None = None) -> Summary:
    """The view of one Extraction; `today` decides what is in force (default: the clock, read now)."""
    from .diff.engine import Names

    today = today or dt.date.today()
    docs = []
    for n, d in enumerate(extraction.documents, 1):
        names = Names(d)
        levels = Counter(p.level for p in d.provisions)
        unit_names: Counter = Counter()
        inherited: list[str] = []
        rows: list[Row] = []
        cites: list[Row] = []
        counts = Counter()
        for p in d.provisions:
            for u in p.units:
                if get(u, "inherited"):
                    if get(u, "name") not in inherited:
                        inherited.append(get(u, "name"))
                    continue
                unit_names[get(u, "name")] += 1
                counts["units"] += 1
            for f in TABLE_FIELDS:
                for v in getattr(p, f):
                    counts[f] += 1
                    rows.append(Row(KIND_LABELS[f], _one_line(get(v, "raw") or ""),
                                    describe.normalised(f, v), names.path(p)))
            # what a provision does to a document it cites (废止, 延长, 修改) goes on that citation's line
            relations = {tuple(get(r, "span")): r for r in getattr(p, "relations", ())}
            for c in p.citations:
                counts["citations"] += 1
                text = describe.citation(c)
                r = relations.pop(tuple(get(c, "span")), None)
                if r is not None:
                    text += f" · {get(r, 'relation')}"
                cites.append(Row(KIND_LABELS["citations"], _one_line(get(c, "raw") or ""), text, names.path(p)))
            for r in relations.values():
                cites.append(Row(RELATION_LABEL, _one_line(get(r, "raw") or ""), describe.relation(r),
                                 names.path(p)))
        docs.append(DocumentView(
            index=n, id=d.id, title=d.title, doc_number=d.doc_number, issuer=d.issuer, date=d.dated,
            status=status(d, today), provisions=len(d.provisions),
            levels=[(lv, levels[lv]) for lv in LEVEL_ORDER if levels.get(lv)],
            units=unit_names.most_common(), inherited=inherited, rows=rows, citations=cites,
            counts={f: counts.get(f, 0) for f in KIND_LABELS}))
    t = extraction.text
    warnings = [f"{w['code']} {w['message']}" for w in t.warnings]
    return Summary(t.path, t.format, issue_line(extraction.issue), docs, warnings)


def _one_line(s: str) -> str:
    return " ".join(s.split())


# -- plain text -------------------------------------------------------------------------------------

def width(s: str) -> int:
    """Terminal cells: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, n: int) -> str:
    return s + " " * max(0, n - width(s))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def headline(s: Summary) -> str:
    totals = s.totals
    provisions = sum(d.provisions for d in s.documents)
    return " · ".join([s.path if s.path != "-" else "(stdin)", s.format, _plural(len(s.documents), "document"), _plural(provisions, "provision")]
                      + [f"{totals[f]} {KIND_LABELS[f]}" for f in KIND_LABELS])


def _levels(d: DocumentView) -> str:
    inner = " · ".join(f"{n} {lv}" for lv, n in d.levels)
    return f"{_plural(d.provisions, 'provision')}" + (f": {inner}" if inner else "")


def _units(d: DocumentView, limit: int | None) -> list[str]:
    """The units line (most often named first) and, when a scope rule applies some, the inherited line."""
    out = []
    if d.units:
        shown = d.units if limit is None else d.units[:limit]
        text = " · ".join(f"{name} ×{n}" if n > 1 else name for name, n in shown)
        if len(shown) < len(d.units):
            text += f" · … {len(d.units) - len(shown)} more"
        out.append(f"{KIND_LABELS['units']} {text}")
    if d.inherited:
        out.append(f"{KIND_LABELS['units']} inherited by later provisions: " + "、".join(d.inherited))
    return out


def _doc_head(d: DocumentView) -> str:
    return " ".join(x for x in (f"{d.index}.", d.doc_number, d.title or d.id) if x)


def _doc_meta(d: DocumentView) -> str:
    return " · ".join(x for x in (d.issuer, d.date, d.status) if x)


def _more(rows: list[Row], shown: list[Row]) -> str:
    left = Counter(r.kind for r in rows[len(shown):])
    return (" · ".join(f"{n} more {k}" for k, n in left.items())
            + " (gazette show --all; JSON: gazette extract)")


def plain(s: Summary, rows: int | None = DEFAULT_ROWS, units: int | None = DEFAULT_UNITS) -> str:
    """The summary for a pipe or a file: no colour, columns aligned by terminal cells."""
    out = []
    if s.issue:
        out.append(s.issue)
    out.append(headline(s))
    out += [f"warning: {w}" for w in s.warnings]
    for d in s.documents:
        out += ["", _doc_head(d), "   " + _doc_meta(d), "   " + _levels(d)]
        out += [f"   {line}" for line in _units(d, units)]
        shown = d.rows if rows is None else d.rows[:rows]
        if shown:
            w1 = max(width(r.printed) for r in shown)
            w2 = max(width(r.value) for r in shown)
            out += [f"   {r.kind} {_pad(r.printed, w1)}  {_pad(r.value, w2)}  {r.where}".rstrip() for r in shown]
        if len(shown) < len(d.rows):
            out.append(f"   … {_more(d.rows, shown)}")
        cites = d.citations if rows is None else d.citations[:rows]
        out += [f"   {r.kind} {r.value}  {r.where}" for r in cites]
        if len(cites) < len(d.citations):
            out.append(f"   … {_more(d.citations, cites)}")
    return "\n".join(out) + "\n"


# -- terminal (rich) -----------------------------------------------------------------------------

STYLES = {"数值": "yellow", "期限": "green", "引用": "magenta", RELATION_LABEL: "red"}


def styled(s: Summary, console, rows: int | None = DEFAULT_ROWS, units: int | None = DEFAULT_UNITS) -> None:
    """The summary on a terminal: the same content as `plain`, with colour and tables (rich)."""
    from rich.markup import escape
    from rich.padding import Padding
    from rich.table import Table
    from rich import box

    if s.issue:
        console.print(f"[bold]{escape(s.issue)}[/bold]")
    console.print(f"[dim]{escape(headline(s))}[/dim]")
    for w in s.warnings:
        console.print(f"[red]warning:[/red] {escape(w)}")
    for d in s.documents:
        console.print()
        console.print(f"[bold cyan]{d.index}.[/bold cyan] [bold]{escape(d.doc_number or '')}[/bold]  "
                      f"{escape(d.title or d.id)}")
        console.print(f"   {escape(_doc_meta(d))}", style="dim" if "expired" in d.status else None)
        console.print(f"   {escape(_levels(d))}")
        for line in _units(d, units):
            kind, _, rest = line.partition(" ")
            console.print(f"   [cyan]{kind}[/cyan] {escape(rest)}")
        shown = d.rows if rows is None else d.rows[:rows]
        if shown:
            table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1))
            for name in ("", "as printed", "value", "where"):
                table.add_column(name, overflow="fold")
            for r in shown:
                table.add_row(f"[{STYLES.get(r.kind, 'white')}]{r.kind}[/]", escape(r.printed), escape(r.value),
                              f"[dim]{escape(r.where)}[/dim]")
            console.print(Padding(table, (0, 0, 0, 3)))
        if len(shown) < len(d.rows):
            console.print(f"   [dim]… {escape(_more(d.rows, shown))}[/dim]")
        cites = d.citations if rows is None else d.citations[:rows]
        for r in cites:
            console.print(f"   [{STYLES[r.kind]}]{r.kind}[/] {escape(r.value)}  [dim]{escape(r.where)}[/dim]")
        if len(cites) < len(d.citations):
            console.print(f"   [dim]… {escape(_more(d.citations, cites))}[/dim]")


@click.command("show")
@click.argument("file")
@click.option("--all", "show_all", is_flag=True, help="Every value and unit, not the first few of each document.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour and tables (auto: only on a terminal).")
@click.option("-o", "--output", help="Write to this file instead of stdout (plain text).")
@click.option("--password", help="Password of an encrypted PDF.")
def show_cmd(file, show_all, color, output, password):
    """Summarise FILE ('-' for stdin): the issue, its documents, their provisions and values.

    \b
    The view for a person; `gazette extract FILE` gives the same content as JSON.
    Example:
      gazette show corpus/sanmenxia-gazette-2023-02.md
      gazette show notice.pdf --all | less
    """
    import os

    from .cli import guarded
    from .output import check_target, writing

    @guarded
    def run():
        from .pipeline import parse
        from .progress import Stages

        check_target(output, [file])
        with Stages(file if file != "-" else "stdin") as stages:
            summary = summarize(parse(file, password=password, stages=stages))
        rows, units = (None, None) if show_all else (DEFAULT_ROWS, DEFAULT_UNITS)
        use_style = color == "always" or (color == "auto" and not output and sys.stdout.isatty()
                                          and not os.environ.get("NO_COLOR"))
        if use_style:
            from rich.console import Console

            styled(summary, Console(force_terminal=True, highlight=False, soft_wrap=False), rows, units)
            return
        with writing(output, [file]) as out:
            out.write(plain(summary, rows, units))

    run()
