"""`gazette diff OLD NEW`: thin; loads both inputs, compares, prints text, JSON or HTML.

Exit codes like diff(1): 0 no differences, 1 differences, 2 trouble.
"""
from __future__ import annotations

import json
import os
import sys

import click

from ..cli import guarded
from ..errors import EXIT_FINDINGS, EXIT_OK, GazetteError
from ..output import check_target, is_stdout, writing


@click.command("diff")
@click.argument("old")
@click.argument("new", required=False)
@click.option("--against", "database", metavar="DB",
              help="Compare one file (NEW) with what the clause database holds: each document with its stored "
                   "prior version, the issue with the previous issue of its series (gazette diff NEW --against DB).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True,
              help="text: unified, for terminals; json: the gazette-diff/1 contract; html: side-by-side report.")
@click.option("-o", "--output", help="Write to this file instead of stdout.")
@click.option("--match", "matches", multiple=True, metavar="OLD_ID=NEW_ID|FILE",
              help="Pin a pair the alignment got wrong (repeatable; '-' for no partner; DOC#PROV for a "
                   "provision of one document), or a JSON file of pins to replay.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text view (auto: only on a terminal).")
@click.option("--alignment", "with_alignment", is_flag=True,
              help="JSON: also list every aligned pair, unchanged ones included.")
@click.option("--no-values", is_flag=True, help="Skip value-level changes (thresholds, deadlines, units, citations).")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=0.3, show_default=True,
              help="Least text similarity for two provisions to be aligned.")
@click.option("--indent", type=int, default=1, show_default=True, help="JSON indent.")
@guarded
def diff_cmd(old, new, database, fmt, output, matches, color, with_alignment, no_values, threshold, indent):
    """Compare two issues, two documents, or two versions of a policy (files or extraction JSON).

    \b
    Exit codes: 0 no differences, 1 differences, 2 trouble.
    Examples:
      gazette diff old.md new.md
      gazette diff old.json new.json --format json -o changes.json
      gazette diff 2019.txt 2025.txt --format html -o report.html --match ch2/art5=ch2/art7
      gazette diff issue-2023-03.md --against clauses.db
    """
    from .align import Settings
    from .engine import compare
    from .load import load
    from .pins import PinError, parse_pins

    against = None
    check_target(output, [x for x in (old, new, database) if x is not None])
    if database is not None:
        if new is not None:
            raise click.UsageError("with --against give one file, NEW: gazette diff NEW --against DB")
        if matches:
            raise click.UsageError("--match is for two files; --against pairs documents by the database")
        from .against import diff_against

        against = diff_against(old, database, recognize=not no_values, settings=Settings(threshold=threshold),
                               values=not no_values)
        result = against.result
    else:
        if new is None:
            raise click.UsageError("give OLD and NEW (or NEW --against DB)")
        if old == "-" and new == "-":
            raise GazetteError("E033")
        try:
            pins = parse_pins(matches)
        except PinError as e:
            raise GazetteError("E031", reason=str(e).removeprefix("--match ")) from e
        a = load(old, recognize=not no_values)
        b = load(new, recognize=not no_values)
        try:
            result = compare(a, b, pins, Settings(threshold=threshold), values=not no_values)
        except PinError as e:
            raise GazetteError("E031", reason=str(e).removeprefix("--match ")) from e

    if fmt == "json":
        from ..schema import errors

        data = result.to_json(alignment=with_alignment)
        if against is not None:
            data["against"] = against.info
        problems = errors(json.loads(json.dumps(data)))
        if problems:
            raise GazetteError("E020", reason="; ".join(problems[:3]))
        rendered = json.dumps(data, ensure_ascii=False, indent=indent) + "\n"
    elif fmt == "html":
        from .render_html import render

        rendered = render(result)
    else:
        from .render_text import render

        use_color = color == "always" or (color == "auto" and not output and sys.stdout.isatty()
                                          and not os.environ.get("NO_COLOR"))
        rendered = render(result, color=use_color)
        if against is not None:
            rendered = _against_text(against.info) + rendered
    if is_stdout(output):
        click.echo(rendered, nl=False, color=color == "always" or None)
    else:
        with writing(output, [x for x in (old, new, database) if x is not None]) as fh:
            fh.write(rendered)
    sys.exit(EXIT_OK if result.same else EXIT_FINDINGS)


def _against_text(info: dict) -> str:
    """The head of the text view with --against: which previous issue, which stored document each is compared to."""
    previous = info.get("previous_issue")
    lines = [f"against {info['database']}: previous issue "
             + (f"{previous['title']} {previous['year']}年第{previous['number']}号 ({previous['path']})"
                if previous else "none in the database")]
    for m in info["matched"]:
        if m["old"] is None:
            lines.append(f"  {m['new_label']}: new (no earlier version stored)")
        else:
            how = "the same document" if m["how"] == "same-document" else "its earlier version"
            lines.append(f"  {m['new_label']}: {how} {m['old_label']} ({m['path']})")
    for a in info["acted_on"]:
        lines.append(f"  {a['from']} {a['relation']} {a['to']} ({a['path']})")
    return "\n".join(lines) + "\n"
