"""Where a command's `-o FILE` goes: the one way every command writes its result to a file.

Promises (each tested in tests/test_output.py):
  - the target is never opened before the command's inputs are read: output goes to a temporary file
    in the target's directory, renamed over the target only when the command has written everything,
    so an error half-way leaves the old target as it was;
  - the target is refused (E032) when it is one of the inputs (`gazette extract a.md -o a.md`,
    `gazette db export c.db -o c.db`), a directory, in a missing directory, or not writable;
  - a target that is not a regular file (/dev/null, a named pipe) is written in place, never replaced;
  - a symbolic link is followed: the file it points to is replaced, the link stays.

API: `check_target(path, inputs)` refuses a bad target before any work starts (call it first, so that a
long run does not fail at its end); `writing(path, inputs)` is a context manager giving a text stream
(stdout when `path` is None or '-'); `one_line(s)` makes a field safe to print on one line of a
terminal report (a file name with a newline in it cannot fake report lines).
"""
from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
from typing import Iterable, Iterator, TextIO

from .errors import GazetteError


_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def one_line(s: str) -> str:
    """`s` with line breaks, escape sequences and other control characters shown as backslash-x-NN."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", s)


def is_stdout(path: str | os.PathLike | None) -> bool:
    return path is None or str(path) in ("", "-")


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_target(path: str | os.PathLike | None, inputs: Iterable[str | os.PathLike] = ()) -> None:
    """Raise E032 when `path` cannot or must not be written; nothing is created or opened."""
    if is_stdout(path):
        return
    path = str(path)
    for source in inputs:
        if source is not None and str(source) != "-" and os.path.exists(str(source)) and _same_file(path, str(source)):
            raise GazetteError("E032", path=path, reason="it is one of the inputs; give another output file")
    real = os.path.realpath(path)
    if os.path.isdir(real):
        raise GazetteError("E032", path=path, reason="is a directory; give a file name")
    if os.path.exists(real) and not stat.S_ISREG(os.stat(real).st_mode):
        return  # /dev/null, a named pipe: written in place
    folder = os.path.dirname(real) or "."
    if not os.path.isdir(folder):
        if os.path.exists(folder):
            raise GazetteError("E032", path=path, reason=f"{os.path.dirname(path) or '.'} is not a directory")
        raise GazetteError("E032", path=path, reason=f"no such directory {os.path.dirname(path) or '.'}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise GazetteError("E032", path=path, reason=f"the directory {os.path.dirname(path) or '.'} is not writable")
    if os.path.exists(real) and not os.access(real, os.W_OK):
        raise GazetteError("E032", path=path, reason="the file is not writable")


@contextlib.contextmanager
def writing(path: str | os.PathLike | None, inputs: Iterable[str | os.PathLike] = (), *,
            encoding: str = "utf-8", newline: str | None = None) -> Iterator[TextIO]:
    """A text stream for the command's output: stdout, or a temporary file renamed over `path` when the
    block ends without an exception (SystemExit with a code other than 0 included: the work failed).

    A command that reports failures of some inputs but still writes the others' results ends its block
    normally and exits afterwards."""
    inputs = list(inputs)
    if is_stdout(path):
        yield sys.stdout
        return
    check_target(path, inputs)
    path = str(path)
    real = os.path.realpath(path)
    if os.path.exists(real) and not stat.S_ISREG(os.stat(real).st_mode):
        try:
            fh = open(real, "w", encoding=encoding, newline=newline)
        except OSError as e:
            raise GazetteError("E032", path=path, reason=e.strerror or str(e)) from e
        with fh:
            yield fh
        return
    folder = os.path.dirname(real) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(real)}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise GazetteError("E032", path=path, reason=e.strerror or str(e)) from e
    ok = False
    try:
        with open(fd, "w", encoding=encoding, newline=newline) as fh:
            try:
                yield fh
            except SystemExit as e:
                ok = e.code in (None, 0)
                raise
            ok = True
    finally:
        if ok:
            try:
                _finish(tmp, real)
            except OSError as e:
                _remove(tmp)
                raise GazetteError("E032", path=path, reason=e.strerror or str(e)) from e
        else:
            _remove(tmp)


def _remove(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _finish(tmp: str, real: str) -> None:
    """Give the temporary file the target's permissions (a new file: 0666 less the umask) and rename it."""
    if os.path.exists(real):
        mode = stat.S_IMODE(os.stat(real).st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)
    os.replace(tmp, real)
