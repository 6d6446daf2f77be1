"""Work functions for the --jobs pool tests: module level, so that spawned workers can import them."""
import os
import signal

from extract.batch import extract_one


def dying(path, options):
    """A worker that dies on some files the way a C library or the kernel ends a process."""
    name = os.path.basename(path)
    if name.startswith("abort"):
        os.abort()
    if name.startswith("kill"):
        os.kill(os.getpid(), signal.SIGKILL)
    if name.startswith("exit"):
        os._exit(3)
    return extract_one(path, options)
