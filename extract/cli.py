"""The `gazette` command line: thin; parses options, calls the API, formats output.

Exit codes: 0 ok; 1 differences / findings / invalid; 2 unusable input, usage error or trouble.
Errors are one line on stderr, never a traceback (set GAZETTE_DEBUG=1 to see one).
"""
from __future__ import annotations

import functools
import json
import os
import sys

import click

from .errors import EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, GazetteError


def _fail(message: str) -> None:
    click.echo(f"gazette: {message}", err=True)


def guarded(fn):
    """Turn every error into one line on stderr and exit code 2."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except GazetteError as e:
            _fail(str(e))
            sys.exit(EXIT_TROUBLE)
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except KeyboardInterrupt:
            _fail("interrupted")
            sys.exit(EXIT_TROUBLE)
        except BrokenPipeError:
            sys.exit(EXIT_OK)
        except Exception as e:  # noqa: BLE001 - the promise is: no tracebacks
            if os.environ.get("GAZETTE_DEBUG"):
                raise
            _fail(f"internal error: {type(e).__name__}: {e} (set GAZETTE_DEBUG=1 for a traceback)")
            sys.exit(EXIT_TROUBLE)

    return wrapper


def _dump(obj, indent: int | None) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent)


# Subcommands that live in their own modules, imported only when run (start-up stays small):
# name -> "module:attribute" of a click command.
LAZY_COMMANDS = {
    "show": "extract.show:show_cmd",
    "diff": "extract.diff.cli:diff_cmd",
    "check": "extract.check.cli:check_cmd",
    "render": "extract.render:render_cmd",
    "eval": "extract.evaluate:eval_cmd",
    "db": "extract.db:db_cmd",
}


class LazyGroup(click.Group):
    """A click group whose listed subcommands are imported on first use."""

    def list_commands(self, ctx):
        names = set(super().list_commands(ctx))
        for name, target in LAZY_COMMANDS.items():
            if _importable(target):
                names.add(name)
        return sorted(names)

    def get_command(self, ctx, name):
        cmd = super().get_command(ctx, name)
        if cmd is not None or name not in LAZY_COMMANDS:
            return cmd
        module, attr = LAZY_COMMANDS[name].split(":")
        import importlib

        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as e:
            if e.name and module.startswith(e.name):
                return None  # not built yet
            raise
        return getattr(mod, attr)


def _importable(target: str) -> bool:
    import importlib.util

    module = target.split(":")[0]
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gazette-extract")
def main():
    """Chinese government gazettes (政府公报) and official documents as validated, structured data.

    \b
    Exit codes: 0 ok, 1 differences/findings/invalid, 2 unusable input or usage.
    Example:  gazette show corpus/sanmenxia-gazette-2023-02.md      (a summary to read)
              gazette extract corpus/sanmenxia-gazette-2023-02.md > issue.json
    """


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("-o", "--output", help="Write to this file instead of stdout.")
@click.option("--jsonl", is_flag=True, help="One JSON object per line (implied for several files).")
@click.option("--indent", type=int, default=None,
              help="JSON indent for a single document (default: 1 on a terminal, compact when piped or -o).")
@click.option("--no-values", is_flag=True, help="Segment only: skip recognising units, thresholds, deadlines.")
@click.option("--max-bytes", type=int, default=200 * 1024 * 1024, show_default=True, help="Refuse larger inputs.")
@click.option("--max-line", type=int, default=1_000_000, show_default=True, help="Refuse inputs with longer lines.")
@click.option("--max-pages", type=int, default=5000, show_default=True, help="Refuse PDFs with more pages.")
@click.option("--max-inflate", type=click.IntRange(1), default=256, show_default=True, metavar="MB",
              help="Refuse PDFs whose compressed content inflates to more (one stream: an eighth of it).")
@click.option("--password", help="Password of an encrypted PDF.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Parse several files in this many processes (output keeps the input order).")
@click.option("--dump-stage", type=click.Choice(["clean", "removals", "lines", "heads"]),
              help="Print an intermediate stage instead of the JSON (for debugging; heads: each document's "
                   "GB/T 9704 elements, one a line, with the line they are printed on).")
@guarded
def extract(files, output, jsonl, indent, no_values, max_bytes, max_line, max_pages, max_inflate, password, jobs,
            dump_stage):
    """Parse gazette issues or documents (markdown, text, PDF, HTML, .docx, .doc, .wps, .ofd; '-' for stdin) into JSON.

    \b
    Example:
      gazette extract corpus/sanmenxia-gazette-2023-02.md -o issue.json
      cat notice.txt | gazette extract - --jsonl
      gazette extract issues/*.pdf --jobs 2 -o issues.jsonl
    """
    from .batch import Options, extract_many
    from .ingest import Limits

    limits = Limits(max_bytes=max_bytes, max_line=max_line, max_pages=max_pages, max_inflate=max_inflate << 20)
    lines_mode = jsonl or len(files) > 1
    if dump_stage:
        return _dump_stages(files, limits, password, no_values, dump_stage, output)
    from .output import check_target, is_stdout, writing

    check_target(output, files)
    if indent is None and is_stdout(output) and sys.stdout.isatty():
        indent = 1  # for a person reading; compact (and five times faster to write) for programs
    options = Options(limits, password, not no_values, None if lines_mode else indent)
    status = EXIT_OK
    with writing(output, files) as out:
        for outcome in extract_many(list(files), options, jobs=jobs, out=out):
            for w in outcome.warnings:
                _fail(w)
            if outcome.error:
                if len(files) == 1:
                    _fail(outcome.error)
                    sys.exit(EXIT_TROUBLE)
                _fail(outcome.error)
                status = EXIT_TROUBLE
                continue
            if outcome.written:
                out.write("\n")
            else:
                click.echo(outcome.text, file=out)
    sys.exit(status)


def _dump_stages(files, limits, password, no_values, stage, output) -> None:
    from .output import writing
    from .pipeline import parse

    with writing(output, files) as out:
        for path in files:
            result = parse(path, limits=limits, password=password, recognize=not no_values)
            click.echo(_stage(result, stage), file=out)


def _stage(result, stage: str) -> str:
    t = result.text
    if stage == "clean":
        return t.clean
    if stage == "removals":
        return "\n".join(_dump(r.to_json(t), None) for r in t.removals)
    if stage == "heads":
        out = []
        for d in result.documents:
            for e in d.head:
                line, col = t.line_col(e.span[0])
                values = " ".join(f"{k}={v}" for k, v in e.values().items() if v not in (None, [], ()))
                out.append(f"{d.id}\t{line}:{col}\t{e.element}\t{values}\t{e.raw!r}")
        return "\n".join(out)
    from .segment.lines import text_to_lines

    return "\n".join(f"{l.index + 1:5d} h{l.heading} {l.text}" for l in text_to_lines(t))


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--max-errors", type=click.IntRange(0), default=5, show_default=True,
              help="Problems listed per document before the rest are counted (0: list them all).")
@guarded
def validate(files, max_errors):
    """Validate extraction (or diff/check) JSON against schemas/. Exit 0 valid, 1 invalid, 2 unusable.

    Each problem names the JSON path of the failing value and the schema rule that failed:
    `issue.json: invalid: $.documents[1].title: missing 'title' (rule: required)`.

    \b
    Example:
      gazette extract issue.md | gazette validate -
    """
    from .jsonin import loads
    from .schema import errors

    status = EXIT_OK
    for path in files:
        try:
            raw = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        except OSError as e:
            raise GazetteError("E008", path=path, reason=e.strerror or str(e)) from e
        except UnicodeDecodeError as e:
            raise GazetteError("E014", path=path, reason="not UTF-8") from e
        docs = []
        try:
            stripped = raw.strip()
            if not stripped:
                raise GazetteError("E001", path=path)
            try:
                docs = [loads(stripped)]
            except json.JSONDecodeError:
                docs = [loads(line) for line in stripped.splitlines() if line.strip()]
        except json.JSONDecodeError as e:
            raise GazetteError("E014", path=path, reason=str(e)) from e
        for n, doc in enumerate(docs, 1):
            problems = errors(doc)
            where = path if len(docs) == 1 else f"{path}:{n}"
            if problems:
                status = EXIT_FINDINGS
                shown = problems if not max_errors else problems[:max_errors]
                for p in shown:
                    click.echo(f"{where}: invalid: {p}")
                if len(shown) < len(problems):
                    more = len(problems) - len(shown)
                    click.echo(f"{where}: invalid: … and {more} more problem{'s' if more != 1 else ''} "
                               f"({len(problems)} in all; --max-errors 0 lists them)")
            else:
                click.echo(f"{where}: valid")
    sys.exit(status)


if __name__ == "__main__":
    main()
