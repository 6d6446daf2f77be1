"""One input to its JSON line, for `gazette extract` over many files, in one process or several.

A worker returns text and messages rather than raising, so that a batch goes on past a bad file and
its output stays in input order whatever the number of processes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from .errors import GazetteError


@dataclass(frozen=True)
class Options:
    limits: object
    password: str | None = None
    recognize: bool = True
    indent: int | None = None


@dataclass(frozen=True)
class Outcome:
    path: str
    text: str | None  # the JSON, or None when the input failed
    warnings: tuple[str, ...] = ()
    error: str | None = None  # a one-line GazetteError message


def extract_one(path: str, options: Options, stages=None) -> Outcome:
    """`stages` (extract.progress.Stages) hears of each stage, for a progress bar on long inputs."""
    from .pipeline import parse
    from .progress import quiet
    from .schema import first_error

    stages = stages or quiet()
    try:
        result = parse(path, limits=options.limits, password=options.password, recognize=options.recognize,
                       stages=stages)
        stages.stage("writing JSON")
        data = result.to_json()
        problem = first_error(data)
        if problem:
            raise GazetteError("E020", reason=problem)
    except GazetteError as e:
        return Outcome(path, None, error=str(e))
    warnings = tuple(f"{w['code']} {path}: {w['message']}" for w in result.text.warnings)
    return Outcome(path, json.dumps(data, ensure_ascii=False, indent=options.indent), warnings)


def extract_many(paths: list[str], options: Options, jobs: int = 1):
    """Outcomes in input order; `jobs` > 1 spreads the files over that many processes.

    On a terminal, one file shows its stages (reading, segmenting, recognising, writing) and several
    files a count of files done (extract.progress)."""
    from . import progress

    if len(paths) == 1:
        with progress.Stages(paths[0] if paths[0] != "-" else "stdin") as stages:
            outcome = extract_one(paths[0], options, stages)
        yield outcome
        return
    with progress.counter(len(paths), "extracting", unit="file") as bar:
        for outcome in _outcomes(paths, options, jobs):
            bar.update(1)
            yield outcome


def _outcomes(paths: list[str], options: Options, jobs: int):
    if jobs <= 1 or len(paths) < 2 or "-" in paths:
        for path in paths:
            yield extract_one(path, options)
        return
    import functools
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        yield from pool.imap(functools.partial(extract_one, options=options), paths, chunksize=4)
