"""Zip containers (.docx, .ofd) opened with guards against broken archives and zip bombs.

After `open_zip`: the archive's central directory was read, no member claims to unpack more than
`MAX_RATIO` times its packed size (beyond a small allowance), and the members together unpack to no
more than the input limit (`--max-bytes`). Reading a member never returns more than it declared, so
the guard holds for what is actually read. A broken archive raises E052, a bomb E054, an archive
with password-protected members E053.
"""
from __future__ import annotations

import io
import zipfile
import zlib

from ..errors import GazetteError

MAX_RATIO = 200  # text XML packs 5-30x; a zip bomb packs thousands of times
SMALL = 1024 * 1024  # members this small are never a threat, whatever their ratio


def open_zip(data: bytes, path: str, kind: str, max_unpacked: int) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError, OSError,
            EOFError) as e:  # NotImplementedError: an unknown zip version or method (found by fuzzing)
        raise GazetteError("E052", path=path, kind=kind, reason=f"not a readable zip archive ({e})") from e
    if any(info.flag_bits & 0x1 for info in infos):
        raise GazetteError("E053", path=path, kind=f"the {kind} zip archive")
    total = 0
    for info in infos:
        total += info.file_size
        packed = max(info.compress_size, 1)
        if info.file_size > SMALL and info.file_size / packed > MAX_RATIO:
            raise GazetteError("E054", path=path, reason=(
                f"{info.filename} unpacks to {info.file_size:,} bytes, {info.file_size / packed:,.0f} times its "
                f"packed size (limit {MAX_RATIO} times)"))
    if total > max_unpacked:
        raise GazetteError("E054", path=path, reason=(
            f"its members unpack to {total:,} bytes, over the limit of {max_unpacked:,} (raise it with --max-bytes)"))
    return zf


def read_member(zf: zipfile.ZipFile, name: str, path: str, kind: str) -> bytes:
    """A member's bytes; a damaged member (bad CRC, truncated data, unknown method) is E052."""
    try:
        return zf.read(name)
    except KeyError as e:
        raise GazetteError("E052", path=path, kind=kind, reason=f"{name} is missing") from e
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, OSError, EOFError) as e:
        raise GazetteError("E052", path=path, kind=kind, reason=f"cannot unpack {name} ({e})") from e
