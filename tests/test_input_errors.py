"""Bad input ends with one line on stderr and exit code 2, never a traceback."""
import os
import subprocess
import sys


from conftest import SEED


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "extract", *args], input=stdin, capture_output=True)


def assert_one_line_error(proc, code):
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("gazette: " + code), err


def test_empty_file(tmp_path):
    f = tmp_path / "empty.md"
    f.write_bytes(b"")
    assert_one_line_error(run("extract", str(f)), "E001")


def test_whitespace_only_file(tmp_path):
    f = tmp_path / "blank.txt"
    f.write_bytes(b"\n \r\n\t\n")
    assert_one_line_error(run("extract", str(f)), "E001")


def test_binary_file(tmp_path):
    f = tmp_path / "data.bin"
    f.write_bytes(b"\x00\x01\x02\x03" + bytes(range(256)) * 40)
    assert_one_line_error(run("extract", str(f)), "E002")


def test_directory(tmp_path):
    assert_one_line_error(run("extract", str(tmp_path)), "E003")


def test_missing_file(tmp_path):
    assert_one_line_error(run("extract", str(tmp_path / "nope.md")), "E007")


def test_fifty_megabyte_single_line(tmp_path):
    f = tmp_path / "one-line.txt"
    with open(f, "wb") as fh:
        fh.write(("第一条 " + "很长的一行" * 10).encode("utf-8") * (50 * 1024 * 1024 // 60))
    assert os.path.getsize(f) > 49 * 1024 * 1024
    assert_one_line_error(run("extract", str(f)), "E005")


def test_size_limit_is_configurable(tmp_path):
    assert_one_line_error(run("extract", "--max-bytes", "1000", str(SEED)), "E006")


def test_stdin_is_read():
    proc = run("extract", "-", stdin=SEED.read_bytes())
    assert proc.returncode == 0, proc.stderr
    assert b'"doc_number": "\\u4e09' in proc.stdout or "三政〔2023〕2号".encode() in proc.stdout


def test_empty_stdin():
    assert_one_line_error(run("extract", "-", stdin=b""), "E001")


def test_latin1_text_is_unknown_encoding(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes(("Règlement général: café, naïve, Straße. " * 40).encode("cp1252"))
    assert_one_line_error(run("extract", str(f)), "E004")


def test_jobs_give_the_same_lines_in_input_order(tmp_path):
    from conftest import CORPUS

    files = [str(p) for p in sorted((CORPUS / "laws").glob("*.md"))[:6]]
    files.insert(3, str(tmp_path / "missing.md"))
    one = run("extract", "--jsonl", *files)
    two = run("extract", "--jsonl", "--jobs", "2", *files)
    assert one.returncode == two.returncode == 2  # a bad file: the others still come out
    assert one.stdout == two.stdout
    paths = [line.split(b'"path": "', 1)[1].split(b'"', 1)[0].decode() for line in two.stdout.splitlines()]
    assert paths == files[:3] + files[4:]
    assert two.stderr.decode().count("E007") == 1
