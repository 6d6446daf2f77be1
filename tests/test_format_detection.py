"""The format comes from the bytes, not the name; bad containers end with one coded line, exit 2."""
import io
import json
import shutil
import struct
import subprocess
import sys
import zipfile

import pytest

from conftest import CORPUS
from docx_fixtures import build
from test_input_errors import assert_one_line_error

FORMATS = CORPUS / "formats"


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "extract", *args], capture_output=True, env=env)


def source_format(path) -> str:
    proc = run("extract", "--no-values", str(path))
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)["source"]["format"]


@pytest.mark.parametrize("name,fmt", [
    ("test.docx", "docx"), ("test.ofd", "ofd"), ("test.pdf", "pdf"), ("test_official.txt", "text"),
])
def test_renamed_files_read_by_their_bytes(tmp_path, name, fmt):
    renamed = tmp_path / ("renamed.pdf" if fmt != "pdf" else "renamed.docx")
    shutil.copy(FORMATS / name, renamed)
    assert source_format(renamed) == fmt


@pytest.mark.skipif(not shutil.which("antiword"), reason="antiword is not installed")
def test_doc_and_wps_read_by_their_bytes(tmp_path):
    assert source_format(FORMATS / "test.doc") == "doc"
    assert source_format(FORMATS / "test.wps") == "wps"
    # the same Word binary bytes under another name: a WPS file says so in its streams
    shutil.copy(FORMATS / "test.wps", tmp_path / "renamed.pdf")
    shutil.copy(FORMATS / "test.doc", tmp_path / "renamed2.pdf")
    assert source_format(tmp_path / "renamed.pdf") == "wps"
    assert source_format(tmp_path / "renamed2.pdf") == "doc"


def test_pdf_header_after_junk_is_a_pdf(tmp_path):
    f = tmp_path / "junk-first"
    f.write_bytes(b"\r\n" * 100 + (FORMATS / "test.pdf").read_bytes())
    assert source_format(f) == "pdf"


IMAGES = {
    "JPEG": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "PNG": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "GIF": b"GIF89a\x01\x00\x01\x00",
    "TIFF": b"II*\x00\x08\x00\x00\x00",
}


@pytest.mark.parametrize("kind", sorted(IMAGES))
@pytest.mark.parametrize("name", ["scan.img", "scan.pdf"])
def test_images_are_refused_with_ocr_advice(tmp_path, kind, name):
    f = tmp_path / name
    f.write_bytes(IMAGES[kind] + bytes(range(256)) * 20)
    proc = run("extract", str(f))
    assert_one_line_error(proc, "E050")
    err = proc.stderr.decode()
    assert f"image ({kind})" in err and "OCR" in err and "PDF is broken" not in err


def test_truncated_docx(tmp_path):
    data = (FORMATS / "test.docx").read_bytes()
    f = tmp_path / "cut.docx"
    f.write_bytes(data[: len(data) // 2])
    proc = run("extract", str(f))
    assert_one_line_error(proc, "E052")
    assert "Word (.docx)" in proc.stderr.decode()


def test_docx_without_its_document_part(tmp_path):
    f = tmp_path / "hollow.docx"
    f.write_bytes(build(drop=("word/document.xml",)))
    proc = run("extract", str(f))
    assert_one_line_error(proc, "E052")
    assert "document.xml" in proc.stderr.decode()


def test_docx_with_damaged_xml(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(build())) as src, zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            out.writestr(info.filename, data[:200] if info.filename == "word/document.xml" else data)
    f = tmp_path / "damaged.docx"
    f.write_bytes(buf.getvalue())
    assert_one_line_error(run("extract", str(f)), "E052")


def test_zip_of_something_else(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes/readme.txt", "hello")
    f = tmp_path / "archive.docx"
    f.write_bytes(buf.getvalue())
    proc = run("extract", str(f))
    assert_one_line_error(proc, "E055")
    assert "notes/readme.txt" in proc.stderr.decode()


def test_excel_workbook_zip(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", '<Types><Override PartName="/xl/workbook.xml" ContentType='
                    '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        zf.writestr("xl/workbook.xml", "<workbook/>")
    f = tmp_path / "table.xlsx"
    f.write_bytes(buf.getvalue())
    proc = run("extract", str(f))
    assert_one_line_error(proc, "E055")
    assert "Excel" in proc.stderr.decode()


def test_zip_bomb(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(build())) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, src.read(info))
        out.writestr("word/media/padding.xml", b"\x00" * (40 * 1024 * 1024))  # packs about 1000 times
    f = tmp_path / "bomb.docx"
    f.write_bytes(buf.getvalue())
    assert f.stat().st_size < 200 * 1024
    proc = run("extract", str(f))
    assert_one_line_error(proc, "E054")
    assert "times its packed size" in proc.stderr.decode()


def test_unpacked_size_is_limited_by_max_bytes():
    path = CORPUS / "real" / "21_2022_civil_service_exam_outline.docx"  # 27 KB that unpack to 276 KB
    proc = run("extract", "--max-bytes", "100000", str(path))
    assert_one_line_error(proc, "E054")
    assert "--max-bytes" in proc.stderr.decode()


def test_encrypted_docx(tmp_path):
    msoffcrypto = pytest.importorskip("msoffcrypto", reason="msoffcrypto-tool (test extra) makes the fixture")
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with open(FORMATS / "test.docx", "rb") as fh:
        OOXMLFile(fh).encrypt("secret", out)
    f = tmp_path / "locked.docx"
    f.write_bytes(out.getvalue())
    proc = run("extract", str(f))
    assert_one_line_error(proc, "E053")
    assert "password" in proc.stderr.decode()
    assert msoffcrypto


def _patched_ole(tmp_path, name, patch):
    import olefile

    f = tmp_path / name
    shutil.copy(FORMATS / "test.doc", f)
    patch(f, olefile)
    return f


def test_encrypted_doc(tmp_path):
    def set_encrypted(f, olefile):
        with olefile.OleFileIO(str(f), write_mode=True) as ole:
            fib = bytearray(ole.openstream("WordDocument").read())
            flags = struct.unpack_from("<H", fib, 0x0A)[0] | 0x0100  # FIB fEncrypted
            struct.pack_into("<H", fib, 0x0A, flags)
            ole.write_stream("WordDocument", bytes(fib))

    proc = run("extract", str(_patched_ole(tmp_path, "locked.doc", set_encrypted)))
    assert_one_line_error(proc, "E053")
    assert "Word document is password-protected" in proc.stderr.decode()


def test_ole_file_that_is_not_word(tmp_path):
    def rename_stream(f, olefile):
        # the directory entry 'WordDocument' renamed 'Workbook' (name and its length in bytes): an
        # OLE file laid out like an Excel 97 workbook
        data = bytearray(f.read_bytes())
        old = "WordDocument".encode("utf-16-le")
        at = data.index(old)
        data[at:at + 64] = "Workbook".encode("utf-16-le").ljust(64, b"\x00")
        struct.pack_into("<H", data, at + 64, len("Workbook") * 2 + 2)
        f.write_bytes(bytes(data))

    proc = run("extract", str(_patched_ole(tmp_path, "sheet.doc", rename_stream)))
    assert_one_line_error(proc, "E056")
    assert "Excel workbook" in proc.stderr.decode()


def test_broken_ole_file(tmp_path):
    f = tmp_path / "cut.doc"
    f.write_bytes((FORMATS / "test.doc").read_bytes()[:700])
    assert_one_line_error(run("extract", str(f)), "E052")


def test_zip_with_password_protected_members(tmp_path):
    # zipfile cannot write encrypted members: set the 'encrypted' flag of every entry, as a
    # password-protected archive has it (local headers and central directory)
    data = bytearray(build())
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(sig)
        while at != -1:
            data[at + offset] |= 0x01
            at = data.find(sig, at + 4)
    f = tmp_path / "locked.docx"
    f.write_bytes(bytes(data))
    proc = run("extract", str(f))
    assert_one_line_error(proc, "E053")
