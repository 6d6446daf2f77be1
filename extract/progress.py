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
