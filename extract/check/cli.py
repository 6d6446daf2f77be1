"""`gazette check FILE…`: parses options, runs the rules, prints one line per finding (or JSON).

Exit codes: 0 no findings, 1 findings, 2 unusable input or usage.
"""
from __future__ import annotations

import json
import sys

import click

from ..cli import _dump, _fail, guarded
from ..output import check_target, one_line, writing
from ..errors import EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, GazetteError
from . import SCHEMA_ID


def _codes(values) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def location(f, fmt: str) -> str:
    """`path:line:col`, or `path:pN` for PDFs (the printed page)."""
    if fmt == "pdf" and f.page is not None:
        return f"{one_line(f.path)}:p{f.page}"
    return f"{one_line(f.path)}:{f.line}:{f.column}"


def _report(path: str, extraction, findings, error: str | None = None):
    from .render_html import FileReport

    if extraction is None:
        return FileReport(path, None, None, [], error)
    title = extraction.issue.title if extraction.issue and extraction.issue.title else None
    if title is None and len(extraction.documents) == 1:
        title = extraction.documents[0].title
    return FileReport(path, extraction.text, title, findings)


@click.command("check")
@click.argument("files", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True,
              help="One line per finding, one JSON document (schema gazette-check/1), or an HTML report "
                   "(the text with each finding marked, grouped by severity and rule, each rule explained).")
@click.option("--select", multiple=True, metavar="CODES",
              help="Run only these rules: codes or prefixes, comma-separated (GZ1, GZ701).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules: codes or prefixes, comma-separated.")
@click.option("--explain", metavar="CODE", help="Describe a rule, with a wrong and a right example, and exit.")
@click.option("--list-rules", is_flag=True, help="List every rule's code, severity and summary, and exit.")
@click.option("--places", multiple=True, metavar="PATH",
              help="Extra place list (a .tsv file or a directory of them), e.g. your own region.")
@click.option("--units", multiple=True, metavar="PATH", help="Extra known unit names (a .txt file, one a line).")
@click.option("--against", metavar="DB",
              help="A clause database (gazette db build) of the issues already published: adds the cross-issue "
                   "rules GZ9xx (series numbers, reused 文号, citing repealed or expired documents, late extensions).")
@click.option("-o", "--output", help="Write to this file instead of stdout.")
@guarded
def check_cmd(files, fmt, select, ignore, explain, list_rules, places, units, against, output):
    """Check gazette issues or documents for the errors editors look for before printing.

    \b
    Prints `path:line:col: CODE message` per finding (the source file's line and column; `path:pN`,
    the page, for PDFs). Exit codes: 0 no findings, 1 findings, 2 unusable input or usage.
    Example:
      gazette check corpus/sanmenxia-gazette-2023-02.md
      gazette check --select GZ1,GZ3 --ignore GZ104 issue.md
      gazette check --format json issue.md | gazette validate -
      gazette check --format html issue.md -o report.html
      gazette check --explain GZ702
      gazette check issue-2023-03.md --against clauses.db
    """
    from .registry import load_rules
    from .runner import run, selected_codes
    from .context import CheckOptions

    rules = load_rules()
    if explain:
        code = explain.strip().upper()
        if code not in rules:
            raise click.BadParameter(f"no rule {explain} (see --list-rules)", param_hint="--explain")
        click.echo(rules[code].explain())
        return
    if list_rules:
        for r in rules.values():
            click.echo(f"{r.code}  {r.severity:<7}  {r.name:<32} {r.summary}")
        return
    if not files:
        raise click.UsageError("give at least one FILE (or '-' for stdin)")
    try:
        selected_codes(_codes(select), _codes(ignore))
    except ValueError as e:
        raise click.BadParameter(f"{e} matches no rule code (see --list-rules)", param_hint="--select/--ignore")
    if against:
        from ..db.store import open_read

        open_read(against).close()  # E040-E043 now, not after parsing
    options = CheckOptions(places=tuple(places), units=tuple(units), against=against)

    from ..pipeline import parse

    from ..progress import Stages, bar, quiet

    inputs = list(files) + ([against] if against else [])
    check_target(output, inputs)
    findings, trouble, problems, reports = [], False, [], []
    with writing(output, inputs) as out:
        for path in bar(files, desc="checking", unit="file", least=2):
            try:
                with (Stages(path) if len(files) == 1 else quiet()) as stages:
                    extraction = parse(path, stages=stages)
            except GazetteError as e:
                _fail(str(e))
                problems.append({"path": path, "error": str(e)})
                reports.append(_report(path, None, [], str(e)))
                trouble = True
                continue
            got = run(extraction, _codes(select), _codes(ignore), options)
            findings += got
            if fmt == "html":
                reports.append(_report(path, extraction, got))
            if fmt == "text":
                for f in got:
                    click.echo(f"{location(f, extraction.text.format)}: {f.code} {f.message}", file=out)
        if fmt == "json":
            data = {"schema": SCHEMA_ID, "findings": [f.to_json() for f in findings]}
            if problems:
                data["errors"] = problems
            from ..schema import errors

            bad = errors(json.loads(json.dumps(data)))
            if bad:
                raise GazetteError("E020", reason="; ".join(bad[:3]))
            click.echo(_dump(data, 1), file=out)
        if fmt == "html":
            from .render_html import render

            click.echo(render(reports, rules), file=out, nl=False)
    if findings:
        counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
        click.echo(f"{len(findings)} finding{'s' if len(findings) != 1 else ''} ("
                   + ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n) + ")", err=True)
    sys.exit(EXIT_TROUBLE if trouble else EXIT_FINDINGS if findings else EXIT_OK)
