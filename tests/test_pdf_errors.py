"""Bad PDFs end with one line on stderr and exit code 2; a 2,000-page PDF is read, with a progress bar."""
import subprocess
import sys

import pytest

from pdf_fixtures import render_pages, render_scan

PAGES = [["第一条　为了规范管理，制定本办法。"], ["第二条　本办法自发布之日起施行。"]]


def run(*args):
    return subprocess.run([sys.executable, "-m", "extract", "extract", "--no-values", *args], capture_output=True)


def assert_one_line_error(proc, code):
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("gazette: " + code), err
    return err


@pytest.fixture
def encrypted(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = tmp_path / "locked.pdf"
    render_pages(path, PAGES, encrypt=StandardEncryption("secret", ownerPassword="owner"))
    return path


def test_encrypted_pdf_asks_for_the_password(encrypted):
    err = assert_one_line_error(run(str(encrypted)), "E010")
    assert "--password" in err


def test_encrypted_pdf_with_its_password(encrypted):
    proc = run("--password", "secret", str(encrypted))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "本办法自发布之日起施行" in proc.stdout.decode()


def test_encrypted_pdf_with_a_wrong_password(encrypted):
    assert_one_line_error(run("--password", "guess", str(encrypted)), "E015")


def test_scanned_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    render_scan(path)
    err = assert_one_line_error(run(str(path)), "E011")
    assert "run OCR first, e.g. ocrmypdf" in err


def test_truncated_pdf(tmp_path):
    good = tmp_path / "good.pdf"
    render_pages(good, PAGES)
    data = good.read_bytes()
    bad = tmp_path / "truncated.pdf"
    bad.write_bytes(data[: len(data) // 2])
    err = assert_one_line_error(run(str(bad)), "E012")
    assert "truncated" in err


def test_corrupt_pdf(tmp_path):
    bad = tmp_path / "corrupt.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    assert_one_line_error(run(str(bad)), "E012")


def test_page_count_limit(tmp_path):
    path = tmp_path / "ten.pdf"
    render_pages(path, PAGES * 5)
    err = assert_one_line_error(run("--max-pages", "4", str(path)), "E013")
    assert "10 pages" in err and "--max-pages" in err
    assert run("--max-pages", "10", str(path)).returncode == 0


def test_page_count_limit_in_the_api(tmp_path):
    from extract.errors import GazetteError
    from extract.ingest import Limits
    from extract.ingest.pdf import read_pdf

    path = tmp_path / "ten.pdf"
    render_pages(path, PAGES * 5)
    with pytest.raises(GazetteError) as e:
        read_pdf(path.read_bytes(), str(path), limits=Limits(max_pages=9))
    assert e.value.code == "E013"


@pytest.fixture(scope="module")
def two_thousand_pages(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.pdf"
    render_pages(path, [[f"第{n}页：本页只有几个字。"] for n in range(1, 2001)], header="测试公报")
    return path


def test_two_thousand_page_pdf_is_read(two_thousand_pages):
    from extract.ingest.pdf import read_pdf

    text = read_pdf(two_thousand_pages.read_bytes(), "big.pdf")
    assert len(text.pages) == 2000
    assert [label for _, label in text.pages] == [str(n) for n in range(1, 2001)]
    assert text.clean.count("本页只有几个字") == 2000
    assert text.page(text.clean.index("第1234页")) == "1234"
    assert sum(1 for r in text.removals if r.kind == "running_header") == 2000


def test_progress_bar_only_when_slow(tmp_path, monkeypatch, capsys):
    from extract.ingest import pdf

    path = tmp_path / "ten.pdf"
    render_pages(path, PAGES * 5)
    data = path.read_bytes()
    monkeypatch.setenv("GAZETTE_PROGRESS", "1")
    monkeypatch.setattr(pdf, "PROGRESS_DELAY", 3600.0)
    pdf.read_pdf(data, "ten.pdf")  # done before the delay: no bar
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(pdf, "PROGRESS_DELAY", 0.0)
    pdf.read_pdf(data, "ten.pdf")
    err = capsys.readouterr().err
    assert "reading PDF" in err and "/10 " in err
    monkeypatch.setenv("GAZETTE_PROGRESS", "0")
    pdf.read_pdf(data, "ten.pdf")
    assert capsys.readouterr().err == ""


def test_scanned_page_inside_a_text_pdf_is_a_warning(tmp_path):
    """A text PDF with one scanned page reads, and says which page lost its content (W001)."""
    import json
    import subprocess
    import sys

    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from pdf_fixtures import register_cid_font

    font = register_cid_font()
    img = Image.new("L", (300, 400), 255)
    ImageDraw.Draw(img).line((30, 40, 270, 40), fill=0, width=3)
    path = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    for page in range(3):
        if page == 1:
            c.drawImage(ImageReader(img), 50, 100, width=495, height=660)
        else:
            c.setFont(font, 12)
            c.drawString(72, 760, f"第{'一三'[page // 2]}条 本办法自公布之日起施行。")
        c.showPage()
    c.save()
    proc = subprocess.run([sys.executable, "-m", "extract", "extract", str(path)], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert [(w["code"], w["page"]) for w in out["warnings"]] == [("W001", "2")]
    err = proc.stderr.decode()
    assert err.startswith("gazette: W001 ") and "page 2 has no text layer" in err and err.count("\n") == 1
