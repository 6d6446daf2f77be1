"""One input to its JSON line, for `gazette extract` over many files, in one process or several.

A worker returns text and messages rather than raising, so that a batch goes on past a bad file and
its output stays in input order whatever the number of processes.
"""
from __future__ import annotations

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
    text: str | None  # the JSON, or None when the input failed (or when it was written to `out` already)
    warnings: tuple[str, ...] = ()
    error: str | None = None  # a one-line GazetteError message
    written: bool = False  # the JSON went to the stream given to extract_one


def extract_one(path: str, options: Options, stages=None, out=None) -> Outcome:
    """`stages` (extract.progress.Stages) hears of each stage, for a progress bar on long inputs;
    `out`: a text stream the JSON is written to, document by document (see write_extraction), instead
    of being returned as text."""
    import io

    from .pipeline import parse_lazily
    from .progress import quiet
    from .schema import prepare

    stages = stages or quiet()
    buffer = io.StringIO() if out is None else None
    try:
        # the schema checks are compiled first, while little is in memory: compiling takes 25 MB for a
        # moment, which would otherwise come on top of a large input's model
        prepare("gazette-extract/1", STREAMED)
        # documents are segmented and their values recognised one by one as the JSON is written, and each
        # is let go once written: an issue's provisions and their values are not all held at once
        result, documents = parse_lazily(path, limits=options.limits, password=options.password, stages=stages)
        warnings = tuple(f"{w['code']} {path}: {w['message']}" for w in result.text.warnings)
        write_extraction(result, out if out is not None else buffer, options.indent, recognize=options.recognize,
                         stages=stages, release=True, documents=documents)
    except GazetteError as e:
        return Outcome(path, None, error=str(e))
    settle_heap()
    if buffer is None:
        return Outcome(path, None, warnings, written=True)
    return Outcome(path, buffer.getvalue(), warnings)


_settled = False


def settle_heap() -> None:
    """Once per process, after the first input: the vocabularies, automata and caches the first input
    loaded live as long as the process, so they are moved out of the cyclic collector's way
    (gc.freeze). A batch allocates millions of short-lived objects, and each full collection would walk
    them all again (4 % of a batch's time on 400 lawrefbook files; bench/extract_bench.py does the same)."""
    global _settled
    if not _settled:
        import gc

        gc.freeze()
        _settled = True


# The lists written item by item, as paths from the top of the extraction JSON (see write_extraction).
STREAMED = (("documents",), ("documents", "provisions"), ("removals",))


def write_extraction(extraction, fh, indent: int | None = None, *, recognize: bool = False, stages=None,
                     release: bool = False, documents=None) -> None:
    """`json.dumps(extraction.to_json(), ensure_ascii=False, indent=indent)` written to `fh`, each document
    (its fields, then each provision) and each removal made, checked against the schema (E020) and encoded
    on its own: a 50 MB input's JSON is never one dictionary nor one string in memory. Same bytes as
    json.dumps. A schema failure (a bug) raises E020 before the failing part is written, after the parts
    before it.

    `recognize`: the extraction was parsed without values; each document's are recognised just before it
    is written (what pipeline.parse would have done, document by document). `release`: each document's
    provisions are dropped once it is written (the extraction is not used afterwards). `documents`: the
    documents to write in place of `extraction.documents` (pipeline.parse_lazily's, made as the iteration
    reaches them). `stages` hears of "recognising values" (counting the characters of the documents'
    provisions as each is recognised) and "writing JSON" (extract.progress)."""
    from .jsonout import Streamed, write_streamed
    from .progress import quiet
    from .schema import first_error, first_error_of_item

    stages = stages or quiet()
    if recognize:
        from .recognize.run import annotate_document

        text = extraction.text
        page_of = text.page if getattr(text, "pages", None) else None
        to_write = extraction.documents if documents is None else documents
        total = getattr(to_write, "length", None)  # segment.issue.Documents: known before they are made
        if total is None and isinstance(to_write, (list, tuple)):
            total = sum(d.end - d.start for d in to_write)
        stages.stage("recognising values", total)
    else:
        stages.stage("writing JSON")

    schema_id = "gazette-extract/1"

    def fail(problem):
        if problem:
            raise GazetteError("E020", reason=problem)

    def item_check(path, where):
        return lambda item, n: fail(first_error_of_item(item.head if isinstance(item, Streamed) else item,
                                                        schema_id, path, f"{where}[{n}]"))

    def written():
        for n, d in enumerate(extraction.documents if documents is None else documents):
            if recognize:
                annotate_document(d, page_of, _by_characters(d, stages.update))
            yield Streamed(d.json_head(), d.json_streams(),
                           {"provisions": item_check(("documents", "provisions"), f"documents[{n}].provisions")})
            if release:  # written (the writer asks for the next document only then)
                d.provisions = []
        if recognize:
            stages.stage("writing JSON")  # what is left: the removals

    streams = extraction.json_streams()
    streams["documents"] = written()
    top = Streamed(extraction.json_head(), streams,
                   {None: lambda head: fail(first_error(head)),
                    "documents": item_check(("documents",), "documents"),
                    "removals": item_check(("removals",), "removals")})
    write_streamed(fh, top, indent)


def _by_characters(d, update):
    """annotate_document's `done`, called after each provision in turn: progress by the provision's
    characters (an issue's provisions are not counted before its documents are segmented)."""
    provisions = iter(d.provisions)

    def done() -> None:
        p = next(provisions, None)
        if p is not None:
            update(p.end - p.start)

    return done


def extract_many(paths: list[str], options: Options, jobs: int = 1, out=None):
    """Outcomes in input order; `jobs` > 1 spreads the files over that many processes.

    Each worker process reads one file at a time, so a worker that dies (killed, aborted by the C
    library of a PDF reader, out of memory) costs exactly the file it held: that file's outcome is an
    E018 error, a new worker takes its place and the batch goes on. On a terminal, one file shows its
    stages (reading, segmenting, recognising, writing) and several files a count of files done
    (extract.progress). `out`: for one file, the stream its JSON is written to as it is made (the
    outcome says `written`); several files' outcomes carry their JSON as text, one line each."""
    from . import progress

    if len(paths) == 1:
        with progress.Stages(paths[0] if paths[0] != "-" else "stdin") as stages:
            outcome = extract_one(paths[0], options, stages, out=out)
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
    yield from _Pool(options, min(jobs, len(paths))).run(paths)


def _serve(conn, options: Options, work=extract_one) -> None:
    """A worker: (index, path) in, (index, Outcome) out, until None or the parent goes away."""
    try:
        while True:
            job = conn.recv()
            if job is None:
                return
            index, path = job
            try:
                outcome = work(path, options)
            except Exception as e:  # noqa: BLE001 - a bug must not cost the batch: report it as the file's
                outcome = Outcome(path, None, error=f"{path}: internal error: {type(e).__name__}: {e}")
            conn.send((index, outcome))
    except (EOFError, OSError, KeyboardInterrupt):
        return


class _Pool:
    def __init__(self, options: Options, size: int, work=extract_one):
        import multiprocessing

        self.work = work  # a module-level function (path, options) -> Outcome
        self.ctx = multiprocessing.get_context("spawn")
        self.options = options
        self.size = size

    def _start(self):
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_serve, args=(child, self.options, self.work), daemon=True)
        proc.start()
        child.close()
        return [proc, parent, None]  # process, connection, (index, path) it holds

    def run(self, paths: list[str]):
        from multiprocessing.connection import wait

        todo = list(enumerate(paths))[::-1]
        done: dict[int, Outcome] = {}
        following = 0
        workers = [self._start() for _ in range(self.size)]
        try:
            for w in workers:
                self._give(w, todo)
            while following < len(paths):
                busy = [w for w in workers if w[2] is not None]
                ready = wait([w[1] for w in busy] + [w[0].sentinel for w in busy])
                for w in busy:
                    if w[1] in ready or w[0].sentinel in ready:
                        result = self._collect(w)
                        if result is None:  # the worker died holding this file
                            index, path = w[2]
                            result = (index, Outcome(path, None, error=str(GazetteError(
                                "E018", path=path, reason=_death(w[0])))))
                            w[1].close()
                            w[0].join()
                            w[:] = self._start()
                        done[result[0]] = result[1]
                        w[2] = None
                        self._give(w, todo)
                while following in done:
                    yield done.pop(following)
                    following += 1
        finally:
            for w in workers:
                try:
                    w[1].send(None)
                except (OSError, ValueError):
                    pass
            for w in workers:
                w[0].join(timeout=5)
                if w[0].is_alive():
                    w[0].kill()
                    w[0].join()

    def _give(self, w, todo) -> None:
        if not todo:
            return
        w[2] = todo.pop()
        try:
            w[1].send(w[2])
        except OSError:  # died while idle: a new worker takes the file
            w[1].close()
            w[0].join()
            w[:3] = self._start()[:2] + [w[2]]
            w[1].send(w[2])

    @staticmethod
    def _collect(w):
        """(index, Outcome) from the worker, or None when it died."""
        try:
            if w[1].poll():
                return w[1].recv()
        except (EOFError, OSError):
            return None
        return None


def _death(proc) -> str:
    proc.join(timeout=5)
    code = proc.exitcode
    if code is not None and code < 0:
        import signal

        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"killed by {name}" + (" (out of memory?)" if name == "SIGKILL" else "")
    return f"exited with status {code}"
