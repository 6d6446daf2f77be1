"""`gazette db`: build and query the clause database (thin: options in, API calls, output formatted).

Exit codes: 0 ok; 2 trouble (bad database path, not a gazette database, corrupt database, bad query or
filter, or, for build, any input that could not be loaded: each is reported in one line on stderr).
"""
from __future__ import annotations

import json
import os
import sys

import click

from ..cli import guarded
from ..errors import EXIT_OK, EXIT_TROUBLE
from ..output import check_target, is_stdout, one_line, writing
from .query import KINDS, LEVELS, ROLES

FILTER_NAMES = ("unit", "role", "written_units", "level", "doc_number", "issuer", "title", "issued_from",
                "issued_to", "deadline_from", "deadline_to", "deadline_kind", "threshold", "cites", "path", "in_force")


def filter_options(fn):
    """The provision filters shared by search and export (extract.db.query.Filters)."""
    options = [
        click.option("--unit", metavar="NAME", help="A unit's canonical name contains NAME (财政局 finds 市财政局)."),
        click.option("--role", type=click.Choice(ROLES), help="... with this role."),
        click.option("--written", "written_units", is_flag=True,
                     help="Only units written in the provision, not inherited through a scope rule."),
        click.option("--level", multiple=True, type=click.Choice(LEVELS), help="Provision level (repeatable)."),
        click.option("--doc-number", metavar="TEXT",
                     help="The document's 文号 contains TEXT (三政〔2023〕2号; [] () read as 〔〕)."),
        click.option("--issuer", metavar="TEXT", help="The issuer contains TEXT."),
        click.option("--title", metavar="TEXT", help="The document title contains TEXT."),
        click.option("--issued-from", metavar="DATE",
                     help="Document date on or after DATE (2023, 2023-06, 2023-06-30)."),
        click.option("--issued-to", metavar="DATE", help="Document date on or before DATE."),
        click.option("--from", "deadline_from", metavar="DATE", help="A deadline date on or after DATE."),
        click.option("--to", "deadline_to", metavar="DATE",
                     help="A deadline date on or before DATE (--to 2024: through 2024-12-31)."),
        click.option("--kind", "deadline_kind", type=click.Choice(KINDS), help="A deadline of this kind."),
        click.option("--threshold", metavar="SPEC",
                     help="A threshold: UNIT or UNIT OP NUMBER, e.g. 'CNY>=10000', 'CNY>=1万', '%<=50', day."),
        click.option("--cites", metavar="TEXT", help="A citation's title or 文号 contains TEXT."),
        click.option("--path", metavar="TEXT", help="The source file path contains TEXT."),
        click.option("--in-force", metavar="DATE",
                     help="Only documents in force (or extended) on DATE: not repealed, superseded, expired or "
                          "not yet effective (see `gazette db status`)."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _filters(kwargs: dict) -> dict:
    return {k: kwargs.pop(k) for k in FILTER_NAMES if k in kwargs}


@click.group("db", context_settings={"help_option_names": ["-h", "--help"]})
def db_cmd():
    """Build and query the clause database (SQLite): provisions searchable by words, units, values, documents.

    \b
    Exit codes: 0 ok, 2 trouble.
    Example:
      gazette db build clauses.db corpus/
      gazette db search clauses.db 财政局 --doc-number 三政〔2023〕2号
      gazette db export clauses.db --threshold 'CNY>=10000' -o big-amounts.csv
    """


@db_cmd.command("build")
@click.argument("database")
@click.argument("files", nargs=-1, required=True)
@click.option("--max-bytes", type=int, default=200 * 1024 * 1024, show_default=True, help="Refuse larger inputs.")
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Parse in this many local processes [default: one per core].")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: processes on this machine; dask: the workers of a Dask cluster (give --scheduler).")
@click.option("--scheduler", metavar="ADDRESS", help="The Dask scheduler, e.g. tcp://10.0.0.5:8786.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="The summary as a line of text or JSON.")
@guarded
def build_cmd(database, files, max_bytes, workers, engine, scheduler, fmt):
    """Load gazette files (markdown, text, PDF, HTML), directories of them, or extraction JSON into DATABASE.

    DATABASE is created when missing. The same file loaded again is not stored twice (sources are keyed by
    sha256); a file whose content changed replaces its old rows. A file that cannot be read is reported
    in one line on stderr and skipped; the exit code is then 2. A file in which no document is found
    (a README) is reported (W040) and not stored. Parsing runs in --workers processes, or on a Dask
    cluster; the database is written here, in input order, and is the same whichever way it was built.

    \b
    Example:
      gazette db build clauses.db corpus/sanmenxia-gazette-2023-02.md corpus/laws/
      gazette db build clauses.db issues/ --workers 2
      gazette db build clauses.db issues/ --engine dask --scheduler tcp://10.0.0.5:8786
      gazette extract issue.pdf > issue.json && gazette db build clauses.db issue.json
    """
    from ..ingest import Limits
    from .load import build

    def report(path, message):
        click.echo(f"gazette: {message}", err=True)

    if engine == "dask" and workers is not None:
        raise click.UsageError("--workers is for --engine local; a Dask cluster has the workers it has")
    summary = build(database, files, limits=Limits(max_bytes=max_bytes), on_error=report, on_warning=report,
                    workers=workers, engine=engine, scheduler=scheduler)
    if fmt == "json":
        click.echo(json.dumps(summary.to_json(), ensure_ascii=False))
    else:
        click.echo(summary.line())
    sys.exit(EXIT_TROUBLE if summary.failed else EXIT_OK)


@db_cmd.command("search", context_settings={"ignore_unknown_options": True})
@click.argument("database")
@click.argument("query", nargs=-1)
@filter_options
@click.option("--limit", type=int, default=20, show_default=True, help="At most this many provisions (0: all).")
@click.option("--order", type=click.Choice(["rank", "document"]),
              help="Best match first (default with words) or reading order.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True)
@click.option("-o", "--output", help="Write to this file instead of stdout.")
@guarded
def search_cmd(database, query, limit, order, fmt, output, **kwargs):
    """Find provisions containing every word of QUERY (anywhere: 财政局 finds 市财政局) and matching the filters.

    Words are separated by spaces; OR between words gives alternatives; -WORD excludes. Whitespace,
    case and full-width/half-width forms are ignored; a word does not match across punctuation, and
    punctuation inside a word matches any punctuation (三政(2023)2号 finds 三政〔2023〕2号). QUERY may be
    left out to search by filters alone.

    \b
    Example:
      gazette db search clauses.db 财政局 --doc-number 三政〔2023〕2号
      gazette db search clauses.db --unit 市财政局 --level item --format csv -o finance.csv
      gazette db search clauses.db 补贴 --threshold 'CNY>=10000' --from 2024 --to 2024
    """
    from . import search
    from .writers import fields_of, write_csv

    for word in query:  # -WORD excludes a word; an unknown --option is a mistake, not a word
        if word.startswith("--"):
            raise click.UsageError(f"no such option: {word}")
    words = " ".join(query) or None
    filters = _filters(kwargs)
    if limit < 0:
        from ..errors import GazetteError

        raise GazetteError("E047", option="--limit", value=limit, reason="is negative (0 gives all)")
    if limit >= 2**62:
        limit = 0  # more than any database holds: all
    check_target(output, [database])
    found = search(database, words, limit=(limit + 1) if limit else None, order=order, **filters)
    more = bool(limit) and len(found) > limit
    found = found[:limit] if limit else found
    with writing(output, [database], newline="") as stream:
        if fmt == "json":
            active = {k: (list(v) if isinstance(v, tuple) else v) for k, v in filters.items()
                      if v not in (None, (), False)}
            stream.write(json.dumps({"query": words, "filters": active, "count": len(found), "more": more,
                                     "results": found}, ensure_ascii=False, indent=1) + "\n")
        elif fmt == "csv":
            write_csv(found, stream, fields_of("provisions", searched=bool(words)))
        else:
            colour = is_stdout(output) and sys.stdout.isatty()
            for row in found:
                stream.write(_text_row(row, colour, filters.get("threshold")))
            tail = f"{len(found)} provision{'s' if len(found) != 1 else ''}"
            if more:
                tail += " (more: raise --limit, or --limit 0 for all)"
            stream.write(tail + "\n")


def _text_row(row: dict, colour: bool, threshold: str | None = None) -> str:
    from .query import threshold_matches

    document = one_line(row["doc_number"] or row["title"] or row["document_id"])
    label = one_line(" ".join(x for x in (row["label"], row["heading"]) if x) or row["level"])
    where = one_line(_display_path(row["path"]) + (f":{row['line']}" if row.get("line") else ""))
    text = one_line(row.get("snippet") or _flat(row["text"])[:100])
    if colour:
        text = text.replace("«", "\x1b[1;31m").replace("»", "\x1b[0m")
        head = click.style(f"{document}  {one_line(row['provision_id'])}", bold=True)
    else:
        head = f"{document}  {one_line(row['provision_id'])}"
    units = one_line("、".join(dict.fromkeys(u["name"] for u in row.get("units", []) if not u["inherited"])))
    lines = [f"{head}  {label}", f"  {where}", f"  {text}"]
    if threshold:
        matched = [t for t in row.get("thresholds", []) if threshold_matches(threshold, t)]
        if matched:
            lines.append("  matched: " + "; ".join(_threshold_text(t) for t in matched))
    if units:
        lines.append(f"  units: {units}")
    others = [p for p in row.get("sources", []) if p != row["path"]]
    if others:
        lines.append("  also in: " + ", ".join(one_line(_display_path(p)) for p in others))
    return "\n".join(lines) + "\n\n"


COMPARATORS = {"eq": "=", "le": "<=", "lt": "<", "ge": ">=", "gt": ">", "approx": "~"}


def _threshold_text(t: dict) -> str:
    """'3万元 = CNY 30000 (<=)': the value as printed, then as compared."""
    if t.get("comparator") == "range" or (t.get("value") is None and t.get("min") is not None):
        number = f"{t.get('min')}..{t.get('max')}"
    else:
        number = str(t.get("value"))
    comparator = COMPARATORS.get(t.get("comparator"), t.get("comparator"))
    return f"{t['raw']} = {t['unit']} {number}" + (f" ({comparator})" if comparator and t.get("comparator") != "range"
                                                    else "")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _display_path(path: str) -> str:
    if path and os.path.isabs(path):
        rel = os.path.relpath(path)
        if not rel.startswith(".."):
            return rel
    return path


@db_cmd.command("export")
@click.argument("database")
@click.option("-q", "--query", metavar="WORDS", help="Only provisions containing these words (as in search).")
@filter_options
@click.option("--table", type=click.Choice(["provisions", "units", "thresholds", "deadlines", "citations", "documents",
                                            "sources"]), default="provisions", show_default=True,
              help="One row per provision, per value of a kind, per document or per source.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("-o", "--output", help="Write to this file instead of stdout.")
@click.option("--excel", is_flag=True, help="CSV with a UTF-8 byte-order mark, for spreadsheet programs.")
@guarded
def export_cmd(database, query, table, fmt, output, excel, **kwargs):
    """Write matching rows of DATABASE as CSV or JSON Lines (every row; filters as in search).

    With a value table (--table thresholds, units, deadlines, citations) each row is one value with its
    provision's key; a filter on that kind of value (--threshold, --unit, --from/--to, --cites) also picks
    the values, so `--table thresholds --threshold 'CNY>=10000'` lists just those amounts.

    \b
    Example:
      gazette db export clauses.db -o provisions.csv
      gazette db export clauses.db --table thresholds --threshold 'CNY>=10000' --format jsonl
      gazette db export clauses.db -q 补贴 --unit 市财政局 --excel -o subsidies.csv
    """
    from . import export

    count = export(database, output, format=fmt, table=table, query=query, excel=excel, **_filters(kwargs))
    if output and output != "-":
        click.echo(f"{output}: {count} rows", err=True)


@db_cmd.command("status")
@click.argument("database")
@click.option("--on", "on", metavar="DATE", help="The date to judge on (2024, 2024-06, 2024-06-30) [default: today].")
@click.option("--state", "states", multiple=True,
              type=click.Choice(["in-force", "extended", "expired", "superseded", "repealed", "not-yet-effective"]),
              help="Only documents in this state (repeatable).")
@click.option("--doc-number", metavar="TEXT", help="Only documents whose 文号 contains TEXT.")
@click.option("--title", metavar="TEXT", help="Only documents whose title contains TEXT.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-o", "--output", help="Write to this file instead of stdout.")
@guarded
def status_cmd(database, on, states, doc_number, title, fmt, output):
    """Whether each document of DATABASE is in force on a date: in force, extended (to when), expired,
    superseded by a later version, repealed (by which document), or not yet effective.

    Judged from each document's effective and expiry dates and from the notices in the database that
    repeal, extend or amend it (found by their 文号 or title), as of --on DATE.

    \b
    Example:
      gazette db status clauses.db
      gazette db status clauses.db --on 2024-06-30 --state repealed --state expired
      gazette db search clauses.db 补贴 --in-force 2024-06-30
    """
    from . import status

    check_target(output, [database])
    found = status(database, on=on, states=states, doc_number=doc_number, title=title)
    with writing(output, [database]) as stream:
        if fmt == "json":
            stream.write(json.dumps({"on": found.on, "count": len(found.rows), "documents": found.rows},
                                    ensure_ascii=False, indent=1) + "\n")
        else:
            for row in found.rows:
                stream.write(one_line(_status_line(row)) + "\n")
            counts = {}
            for row in found.rows:
                counts[row["state"]] = counts.get(row["state"], 0) + 1
            stream.write(f"{len(found.rows)} document{'s' if len(found.rows) != 1 else ''} on {found.on}"
                         + (": " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) if counts else "") + "\n")


def _status_line(row: dict) -> str:
    state = row["state"]
    detail = []
    if row.get("since") and state != "in-force":
        detail.append(("since " if state != "not-yet-effective" else "from ") + row["since"])
    if row.get("until"):
        detail.append(("to " if state == "extended" else "until ") + row["until"])
    if row.get("by"):
        detail.append("by " + row["by"])
    title = row["title"] if row.get("title") and row["title"] != row["label"] else ""
    return "  ".join(x for x in (row["label"], state + (" " + " ".join(detail) if detail else ""), title) if x)


@db_cmd.command("stats")
@click.argument("database")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--check", is_flag=True, help="Also run SQLite's and the word index's integrity checks.")
@guarded
def stats_cmd(database, fmt, check):
    """What DATABASE holds: sources, documents, provisions and values; most frequent units and units of measure.

    \b
    Example:
      gazette db stats clauses.db
      gazette db stats clauses.db --check --format json
    """
    from . import stats

    s = stats(database, check=check)
    if fmt == "json":
        click.echo(json.dumps(s, ensure_ascii=False, indent=1))
        problem = s.get("check", "ok")
    else:
        click.echo(_stats_text(s))
        problem = s.get("check", "ok")
    if not problem.startswith("ok"):
        click.echo(f"gazette: {database}: integrity check failed: {problem}", err=True)
        sys.exit(EXIT_TROUBLE)


def _stats_text(s: dict) -> str:
    c = s["counts"]
    lines = [
        f"{s['database']}: {s['schema']}, words {s['words']}, {s['size_bytes'] / 1e6:.1f} MB",
        f"sources {c['sources']:,}  documents {c['documents']:,} ({c['copies']:,} copies; "
        f"{s['documents_with_copies']:,} from more than one source)  provisions {c['provisions']:,}",
        f"families {c['families']:,} ({s['families_with_versions']:,} with several versions)  "
        f"series {c['series']:,}  links {c['links']:,}"
        + (" (" + ", ".join(f"{k} {v:,}" for k, v in s["links"].items()) + ")" if s["links"] else ""),
        f"units {c['units']:,}  thresholds {c['thresholds']:,}  deadlines {c['deadlines']:,}  "
        f"citations {c['citations']:,}",
    ]
    dates = s["document_dates"]
    if dates["first"]:
        lines.append(f"document dates {dates['first']} … {dates['last']}")
    for title, key in (("levels", "levels"), ("threshold units", "threshold_units"),
                       ("deadline kinds", "deadline_kinds")):
        if s[key]:
            lines.append(f"{title}: " + ", ".join(f"{k} {v:,}" for k, v in s[key].items()))
    if s["top_units"]:
        lines.append("top units: " + ", ".join(f"{u['name']} {u['provisions']:,}" for u in s["top_units"]))
    if "check" in s:
        lines.append(f"check: {s['check']}")
    return "\n".join(lines)
