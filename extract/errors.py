"""Coded errors, in one place, each a sentence saying what went wrong and what to do.

Exit codes (documented in the README and `gazette --help`):
  0  success (no differences / no findings)
  1  differences (diff), findings (check), invalid output (validate)
  2  unusable input, usage error, or internal trouble
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_TROUBLE = 2

MESSAGES = {
    "E001": "{path}: file is empty",
    "E002": "{path}: looks like a binary file, not text, PDF, HTML, Word or OFD",
    "E003": "{path}: is a directory; give a file",
    "E004": "{path}: cannot decode text (tried UTF-8, UTF-16, GB18030); convert it to UTF-8 first",
    "E005": "{path}: has a line of {length:,} characters (limit {limit:,}); this is not gazette text",
    "E006": "{path}: file is {size:,} bytes, over the limit of {limit:,} (raise it with --max-bytes)",
    "E007": "{path}: no such file",
    "E008": "{path}: cannot read: {reason}",
    "E010": "{path}: PDF is encrypted; give the password with --password",
    "E011": "{path}: PDF has no text layer (a scan?): run OCR first, e.g. ocrmypdf",
    "E012": "{path}: PDF is broken or truncated: {reason}",
    "E013": "{path}: document has {pages:,} pages, over the limit of {limit:,} (raise it with --max-pages)",
    "E014": "{path}: not valid extraction JSON: {reason}",
    "E015": "{path}: wrong password for the encrypted PDF",
    "E016": "{path}: PDF is protected by a security handler pdfium does not support; save an unprotected copy",
    "E017": "{path}: cannot read the HTML page: {reason}",
    "E018": "{path}: the process reading it stopped ({reason}); read this file alone to see why",
    "E019": "{path}: PDF {what} inflates to more than {limit:,} MB (a decompression bomb?); raise --max-inflate if it is real",
    "E031": "--match: {reason}",
    "E032": "cannot write {path}: {reason}",
    "E033": "only one of OLD and NEW can be '-' (stdin)",
    "E040": "{path}: no such database; create it with: gazette db build {path} FILE...",
    "E041": "{path}: not a gazette clause database ({reason}); give another path",
    "E042": "{path}: cannot read the database: {reason}; if it is corrupt, delete it and build it again",
    "E043": "{path}: database is {found}, this version needs {expected}; delete it and build it again",
    "E044": "{path}: not a database path: {reason}",
    "E045": "{path}: cannot write the database: {reason}",
    "E046": "bad search query {query!r}: {reason}",
    "E047": "{option} {value!r}: {reason}",
    "E048": "{path}: cannot store this extraction: {reason}",
    "E049": "{path}: the database is locked by another process; try again when it has finished",
    "E060": "{address}: cannot use the Dask scheduler: {reason}",
    "E030": "{path}: unusable golden file: {reason}",
    "E050": "{path}: is an image ({kind}), not a document with text: run OCR first, e.g. ocrmypdf (img2pdf makes a PDF of it)",
    "E051": "{path}: a Word binary file ({format}) needs a converter: install antiword (apt-get install antiword), or catdoc, or LibreOffice",
    "E052": "{path}: {kind} file is broken or truncated: {reason}",
    "E053": "{path}: {kind} is password-protected (encrypted); save an unprotected copy and give that",
    "E054": "{path}: refused as a possible zip bomb: {reason}",
    "E055": "{path}: a zip archive that is neither a Word .docx nor an OFD document ({what}); convert it to .docx, PDF or text",
    "E056": "{path}: an OLE compound file that is not a Word or WPS document ({what}); convert it to .docx, PDF or text",
    "E057": "{path}: {tool} could not convert this {format} file: {reason}",
    "E058": "{path}: OFD document has no text (scanned pages?): run OCR first, e.g. ocrmypdf on a PDF copy",
    "E020": "output does not validate against the schema: {reason}",
}


WARNINGS = {
    "W001": "page {page} has no text layer (a scanned page?): its content is missing; run OCR first, e.g. ocrmypdf",
    "W010": "the PDF library reported {count} problem(s) with this file (first: {first}); the text was read, "
            "but check it against the printed page",
    "W040": "{path}: no gazette document found (no 文号, issuer, date or numbered provisions): not stored",
}


def warning(code: str, **fields) -> dict:
    """A problem that does not stop the run: kept in the output's `warnings` and printed on stderr."""
    return {"code": code, "message": WARNINGS[code].format(**fields), **fields}


class GazetteError(Exception):
    """An error the user can act on: printed as one line on stderr, exit code 2."""

    def __init__(self, code: str, **fields):
        self.code = code
        self.fields = fields
        template = MESSAGES[code]
        super().__init__(f"{code} " + template.format(**fields))
        self.exit_code = EXIT_TROUBLE
