"""Where `gazette db build` parses: in this process, in N local processes, or on a Dask cluster.

Only parsing moves: the client reads and hashes every file (a file already stored is never sent), sends
the bytes, and writes what comes back to the database itself, in input order, so the database is the
same whichever engine built it. Every engine offers `submit(fn, *args) -> future` with `.result()`; the
build keeps a bounded window of futures ahead of the one it is writing.

A Dask worker needs gazette-extract installed (the same version); the files need not be visible to it.
"""
from __future__ import annotations

import os

from ..errors import GazetteError

ENGINES = ("local", "dask")


class _Done:
    """A result computed when asked for (the one-process engine)."""

    def __init__(self, fn, args):
        self.fn, self.args = fn, args

    def result(self):
        return self.fn(*self.args)


class InProcess:
    window = 1
    name = "this process"

    def submit(self, fn, *args):
        return _Done(fn, args)

    def close(self):
        pass


class LocalProcesses:
    """A pool of N worker processes on this machine (spawned: no state shared with the parent)."""

    def __init__(self, workers: int):
        import concurrent.futures
        import multiprocessing

        self.pool = concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        self.window = workers * 4
        self.name = f"{workers} local processes"

    def submit(self, fn, *args):
        return self.pool.submit(fn, *args)

    def close(self):
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskCluster:
    """A Dask distributed cluster reached at `address` (tcp://host:8786)."""

    def __init__(self, address: str, timeout: float = 10.0):
        try:
            from distributed import Client
        except ImportError as e:
            raise GazetteError("E060", address=address, reason="the 'distributed' package is not installed "
                               "(pip install 'dask[distributed]')") from e
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as e:
            raise GazetteError("E060", address=address, reason=str(e) or type(e).__name__) from e
        workers = len(self.client.scheduler_info().get("workers", {})) or 1
        self.window = workers * 4
        self.name = f"dask {address} ({workers} workers)"

    def submit(self, fn, *args):
        return self.client.submit(fn, *args, pure=False)

    def close(self):
        self.client.close()


def engine_for(engine: str = "local", workers: int | None = 1, scheduler: str | None = None):
    if engine not in ENGINES:
        raise GazetteError("E047", option="--engine", value=engine, reason=f"is not one of {', '.join(ENGINES)}")
    if engine == "dask":
        if not scheduler:
            raise GazetteError("E047", option="--scheduler", value="", reason="--engine dask needs the "
                               "scheduler's address, e.g. tcp://10.0.0.5:8786")
        return DaskCluster(scheduler)
    if scheduler:
        raise GazetteError("E047", option="--scheduler", value=scheduler, reason="is only for --engine dask")
    workers = workers or os.cpu_count() or 1
    if workers < 1:
        raise GazetteError("E047", option="--workers", value=str(workers), reason="must be at least 1")
    return InProcess() if workers == 1 else LocalProcesses(workers)
