"""Progress bars for long runs, on a terminal only.

A bar goes to stderr when stderr is a terminal and the run lasts longer than `delay` seconds; piped or
redirected output never gets one. GAZETTE_PROGRESS=1 forces bars (even when piped, and at once),
GAZETTE_PROGRESS=0 silences them. tqdm is imported only when a bar is shown.
"""
from __future__ import annotations

import os
import sys

DELAY = 1.0  # seconds before a bar appears: quick runs stay silent


def enabled() -> bool:
    setting = os.environ.get("GAZETTE_PROGRESS", "")
    if setting in ("0", "1"):
        return setting == "1"
    return sys.stderr.isatty()


class _Silent:
    """What `counter()` gives when no bar is shown: the same calls, doing nothing."""

    def update(self, n: int = 1) -> None:
        pass

    def set_description(self, desc: str) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def counter(total: int | None, desc: str, unit: str = "it", delay: float = DELAY):
    """A bar to `update()` by hand (use as a context manager), or a silent stand-in."""
    if not enabled():
        return _Silent()
    from tqdm import tqdm

    if os.environ.get("GAZETTE_PROGRESS") == "1":
        delay = 0
    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, leave=False, delay=delay,
                mininterval=0.25, dynamic_ncols=True)


def bar(items, desc: str, unit: str = "it", least: int = 1, delay: float = DELAY):
    """`items`, iterated with a bar when there are at least `least` of them and bars are enabled."""
    items = list(items)
    if len(items) < least or not enabled():
        yield from items
        return
    with counter(len(items), desc, unit, delay) as b:
        for item in items:
            yield item
            b.update(1)


class Stages:
    """The stages of one long run (reading, segmenting, recognising …) on one line of stderr.

    Nothing is shown for a run shorter than `delay`; after that a bar names the stage, counts what the
    stage counts (provisions recognised) and keeps its clock moving even while a stage reports nothing
    (a background thread refreshes it). Use as a context manager; silent when bars are disabled."""

    def __init__(self, desc: str, delay: float = DELAY, interval: float = 0.5):
        self.desc = desc
        self.on = enabled()
        self.delay = 0 if os.environ.get("GAZETTE_PROGRESS") == "1" else delay
        self.interval = interval
        self.name, self.total, self.done = "starting", None, 0
        self._bar = None
        self._thread = None
        self._stop = None

    def __enter__(self):
        if self.on:
            import threading

            self._lock = threading.Lock()
            self._stop = threading.Event()
            if self.delay <= 0:
                self._show()
            self._thread = threading.Thread(target=self._tick, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._stop is not None:
            self._stop.set()
            self._thread.join()
            with self._lock:
                if self._bar is not None:
                    self._bar.close()
                    self._bar = None

    def _show(self) -> None:
        from tqdm import tqdm

        with self._lock:
            self._bar = tqdm(total=self.total, desc=self._label(), unit="", file=sys.stderr, leave=False,
                             dynamic_ncols=True, mininterval=0.1,
                             bar_format="{desc} {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}]"
                             if self.total else "{desc} [{elapsed}]")
            self._bar.update(self.done)

    def _tick(self) -> None:
        if self._bar is None:
            if self._stop.wait(self.delay):
                return
            self._show()
        while not self._stop.wait(self.interval):
            with self._lock:
                self._bar.refresh()

    def _label(self) -> str:
        return f"{self.desc}: {self.name}"

    def stage(self, name: str, total: int | None = None) -> None:
        """A new stage begins; `total` is how many steps it will report, if it counts."""
        self.name, self.total, self.done = name, total, 0
        if not self.on:
            return
        with self._lock:
            if self._bar is not None:
                self._bar.reset(total=total)
                self._bar.bar_format = ("{desc} {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}]"
                                        if total else "{desc} [{elapsed}]")
                self._bar.set_description(self._label(), refresh=True)

    def update(self, n: int = 1) -> None:
        self.done += n
        if self.on and self._bar is not None:
            with self._lock:
                self._bar.update(n)


def quiet() -> Stages:
    """A Stages that never shows anything."""
    s = Stages("", delay=0)
    s.on = False
    return s
