"""Word 97-2003 (.doc) and WPS Office (.wps) files to a `Text`, through a converter that is installed.

Converters, in the order tried:
1. antiword (`antiword -x db`: DocBook XML): fast, and keeps paragraphs and table cells apart;
2. LibreOffice (`soffice --headless --convert-to docx`), read by the .docx reader: slower, best at
   what antiword misses (Word 6/95 files, numbering, text boxes);
3. catdoc (`catdoc -w -d utf-8`): plain text, a line per paragraph, table cells separated by tabs.
A converter that fails, or reads far less text than the file's own count of its characters (the
FIB's ccpText), gives way to the next; none installed is E051, all failed E057.
`GAZETTE_WORD_CONVERTER=antiword|soffice|catdoc` picks one. The rendering follows `blocks.py`, so the
source is the text the converter gave, laid out as the other readers lay theirs out.

The document's code page (SummaryInformation, 936 for GBK) is reported as `encoding`; the text itself
is Unicode in the file (Word 97 and later) and the converters decode it.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET

from ..errors import GazetteError
from .blocks import BlockWriter, cell_text
from .ole import text_length
from .text import Text

TIMEOUT = 180  # seconds a converter may take
CONVERTERS = ("antiword", "soffice", "catdoc")
_CODEPAGES = {936: "cp936", 950: "cp950", 54936: "gb18030", 65001: "utf-8", 1200: "utf-16-le", 1252: "cp1252"}


class ConversionFailed(Exception):
    pass


def installed() -> list[str]:
    """The converters found on PATH, in the order they are tried (or the one GAZETTE_WORD_CONVERTER names)."""
    chosen = os.environ.get("GAZETTE_WORD_CONVERTER")
    names = (chosen,) if chosen else CONVERTERS
    out = []
    for name in names:
        exe = shutil.which(name) or (shutil.which("libreoffice") if name == "soffice" else None)
        if exe:
            out.append(name)
    return out


def read_word_binary(data: bytes, path: str = "-", fmt: str = "doc", limits=None) -> Text:
    from . import Limits

    limits = limits or Limits()
    tools = installed()
    if not tools:
        raise GazetteError("E051", path=path, format=f".{fmt}")
    expected = text_length(data)
    encoding = _codepage(data)
    failures: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="gazette-word-") as tmp:
        src = os.path.join(tmp, f"input.{fmt}")
        with open(src, "wb") as fh:
            fh.write(data)
        for tool in tools:
            try:
                out = _CONVERT[tool](src, tmp, path, limits)
            except ConversionFailed as e:
                failures.append((tool, str(e)))
                continue
            got = len(out.out.source)
            if expected and got < 0.25 * expected:
                failures.append((tool, f"it read {got:,} characters of the {expected:,} the document counts"))
                continue
            source, removals, _pages = out.finish()
            if not source.strip():
                raise GazetteError("E001", path=path)
            longest = max(len(line) for line in source.split("\n"))
            if longest > limits.max_line:
                raise GazetteError("E005", path=path, length=longest, limit=limits.max_line)
            return Text(source=source, removals=removals, path=path, format=fmt, encoding=encoding,
                        newline="lf", sha256=hashlib.sha256(data).hexdigest())
    tool, reason = failures[0]
    raise GazetteError("E057", path=path, tool=tool, format=f".{fmt}", reason=reason)


def _codepage(data: bytes) -> str:
    """The code page the file's SummaryInformation names (936 = GBK), as a codec name."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            codepage = ole.get_metadata().codepage
    except Exception:  # noqa: BLE001 - metadata is optional; the converter reports real damage
        return "utf-16-le"
    if not isinstance(codepage, int):
        return "utf-16-le"
    return _CODEPAGES.get(codepage, f"cp{codepage}")


def _run(cmd: list[str], tool: str) -> bytes:
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        raise ConversionFailed(f"no result after {TIMEOUT} s") from e
    except OSError as e:
        raise ConversionFailed(e.strerror or str(e)) from e
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ConversionFailed((message[-1] if message else f"exit status {proc.returncode}")[:200])
    return proc.stdout


# -- antiword: DocBook ----------------------------------------------------------------------------------
def _antiword(src: str, tmp: str, path: str, limits) -> BlockWriter:
    xml = _run(["antiword", "-x", "db", src], "antiword")
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as e:
        raise ConversionFailed(f"its DocBook output is not XML ({e})") from e
    out = BlockWriter()
    for child in root:
        if child.tag not in ("bookinfo", "title"):
            _docbook(child, out)
    return out


def _para_text(el) -> str:
    """A DocBook element's text without its nested tables and footnotes, framing newlines taken off."""
    parts = [el.text or ""]
    for c in el:
        if c.tag not in ("informaltable", "table", "footnote"):
            parts.append(_para_text(c) if c.tag not in ("para",) else "\n" + _para_text(c))
        parts.append(c.tail or "")
    text = "".join(parts)
    if text.startswith("\n"):
        text = text[1:]
    return re.sub(r"\n[ ]*$", "", text)


def _embedded(el):
    """Tables and footnotes inside a paragraph, outermost only."""
    for c in el:
        if c.tag in ("informaltable", "table", "footnote"):
            yield c
        else:
            yield from _embedded(c)


def _docbook(el, out: BlockWriter) -> None:
    tag = el.tag
    if tag in ("informaltable", "table"):
        rows = [[cell_text("".join(entry.itertext()).split("\n")) for entry in row.iter("entry")]
                for row in el.iter("row")]
        if rows and all(len(r) <= 1 for r in rows):
            for r in rows:
                out.paragraph(r[0] if r else "")
        else:
            out.table(rows)
        return
    if tag in ("para", "title", "simpara", "literallayout", "programlisting"):
        out.paragraph(_para_text(el))
        for c in _embedded(el):
            if c.tag == "footnote":
                for p in c:
                    _docbook(p, out)
            else:
                _docbook(c, out)
        return
    for c in el:
        _docbook(c, out)


# -- LibreOffice: to .docx ------------------------------------------------------------------------------
def _soffice(src: str, tmp: str, path: str, limits) -> BlockWriter:
    from .docx import read_blocks

    exe = shutil.which("soffice") or shutil.which("libreoffice")
    profile = os.path.join(tmp, "profile")
    _run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "docx",
          "--outdir", tmp, src], "soffice")
    target = os.path.join(tmp, "input.docx")
    if not os.path.exists(target):
        raise ConversionFailed("it wrote no .docx")
    with open(target, "rb") as fh:
        return read_blocks(fh.read(), path, limits)


# -- catdoc: plain text ---------------------------------------------------------------------------------
def _catdoc(src: str, tmp: str, path: str, limits) -> BlockWriter:
    raw = _run(["catdoc", "-w", "-d", "utf-8", src], "catdoc")
    text = raw.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    out = BlockWriter()
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" in line.strip():
            rows.append(line.strip().split("\t"))
            continue
        if rows:
            out.table(rows)
            rows = []
        out.paragraph(line.replace("\f", ""))
    if rows:
        out.table(rows)
    return out


_CONVERT = {"antiword": _antiword, "soffice": _soffice, "catdoc": _catdoc}
