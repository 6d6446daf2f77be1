"""`gazette db` on the command line: exit codes, one-line errors with E04x codes, formats, stdin."""
import csv
import io
import json
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from extract.cli import main

from conftest import CORPUS, SEED

LAW = str(CORPUS / "laws" / "行政复议法(2023-09-01).md")


def gazette(*args, input=None):
    return CliRunner().invoke(main, ["db", *map(str, args)], input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "seed.db"
    result = gazette("build", path, SEED)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"{path}: 1 inputs: 1 added, 0 replaced, 0 unchanged, 0 failed; "
                                    "stored 7 documents, 199 provisions (")
    return path


def one_error(result, code):
    assert result.exit_code == 2
    assert result.stderr.startswith(f"gazette: {code} ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_every_subcommand_has_help_with_an_example():
    assert "db" in CliRunner().invoke(main, ["--help"]).stdout
    for sub in ("build", "search", "export", "stats"):
        result = gazette(sub, "--help")
        assert result.exit_code == 0 and "Example:" in result.stdout and "gazette db " + sub in result.stdout


def test_search_text_json_csv(seed_db):
    text = gazette("search", seed_db, "财政局", "--doc-number", "三政〔2023〕2号", "--limit", "3")
    assert text.exit_code == 0
    assert text.stdout.rstrip().endswith("3 provisions (more: raise --limit, or --limit 0 for all)")
    assert text.stdout.count("«财政局»") == 3 and "\x1b[" not in text.stdout
    data = json.loads(gazette("search", seed_db, "财政局", "--doc-number", "三政〔2023〕2号", "--limit", "0",
                              "--format", "json").stdout)
    assert data["count"] == 11 and data["more"] is False and data["filters"] == {"doc_number": "三政〔2023〕2号"}
    assert {r["provision_id"] for r in data["results"]} >= {"sec1/item1", "sec6/item22"}
    rows = list(csv.DictReader(io.StringIO(gazette("search", seed_db, "--unit", "市财政局", "--level", "item",
                                                   "--limit", "0", "--format", "csv").stdout)))
    assert len(rows) == 11 and "rank" not in rows[0] and rows[0]["provision_id"] == "sec1/item1"


def test_excluded_words_need_no_double_dash(seed_db):
    result = gazette("search", seed_db, "财政局", "-税务局", "--doc-number", "三政〔2023〕2号", "--format", "json")
    assert json.loads(result.stdout)["count"] == 8
    typo = gazette("search", seed_db, "财政局", "--limt", "3")
    assert typo.exit_code == 2 and "no such option: --limt" in typo.stderr


def test_export_to_a_file(seed_db, tmp_path):
    out = tmp_path / "thresholds.csv"
    result = gazette("export", seed_db, "--table", "thresholds", "--threshold", "CNY>=10000", "-o", out, "--excel")
    assert result.exit_code == 0 and result.stderr == f"{out}: 14 rows\n"
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 14 and rows[1]["value"] == "9220000000" and rows[1]["raw"] == "92.2亿元"
    lines = gazette("export", seed_db, "-q", "财政局", "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 16 and all(json.loads(line)["units"] is not None for line in lines)


def test_stats(seed_db):
    result = gazette("stats", seed_db, "--check")
    assert result.exit_code == 0
    assert "sources 1  documents 7 (7 copies; 0 from more than one source)  provisions 199" in result.stdout
    assert "families 7 (0 with several versions)  series 1  links 0" in result.stdout and "check: ok" in result.stdout
    data = json.loads(gazette("stats", seed_db, "--format", "json").stdout)
    assert data["counts"]["units"] == 319 and data["top_units"][0] == {"name": "市财政局", "provisions": 15}


def test_build_goes_on_after_a_bad_file_and_exits_2(tmp_path):
    path = tmp_path / "c.db"
    result = gazette("build", path, tmp_path / "missing.md", LAW)
    assert result.exit_code == 2
    assert result.stderr == f"gazette: E007 {tmp_path / 'missing.md'}: no such file\n"
    assert ": 2 inputs: 1 added, 0 replaced, 0 unchanged, 1 failed; stored 1 documents" in result.stdout
    summary = json.loads(gazette("build", path, LAW, "--format", "json").stdout)
    assert (summary["unchanged"], summary["added"], summary["failed"]) == (1, 0, [])


def test_build_reads_stdin_and_directories(tmp_path):
    path = tmp_path / "c.db"
    assert gazette("build", path, "-", input=SEED.read_bytes()).exit_code == 0
    laws = gazette("build", path, CORPUS / "laws")
    n = len(list((CORPUS / "laws").glob("*.md")))
    assert laws.exit_code == 0 and f": {n} inputs: {n} added," in laws.stdout
    data = json.loads(gazette("stats", path, "--format", "json").stdout)
    # the seed (7 documents) and one document per law
    assert data["counts"]["sources"] == n + 1 and data["counts"]["documents"] == 7 + n


@pytest.mark.parametrize("make, code", [
    (lambda d: d / "missing.db", "E040"),
    (lambda d: d, "E044"),
    (lambda d: SEED, "E041"),                    # a gazette file given where the database goes
    (lambda d: _other_sqlite(d / "other.db"), "E041"),
])
def test_unusable_database_paths(tmp_path, make, code):
    path = make(tmp_path)
    one_error(gazette("search", path, "财政局"), code)
    one_error(gazette("stats", path), code)
    one_error(gazette("export", path), code)


def test_build_refuses_files_that_are_not_its_databases(tmp_path):
    one_error(gazette("build", SEED, LAW), "E041")
    one_error(gazette("build", _other_sqlite(tmp_path / "other.db"), LAW), "E041")
    one_error(gazette("build", tmp_path / "no-such-dir" / "c.db", LAW), "E045")


def _other_sqlite(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    return path


def test_a_corrupt_database_is_one_line(seed_db, tmp_path):
    broken = tmp_path / "broken.db"
    data = bytearray(seed_db.read_bytes())
    for at in range(2 * 4096, len(data), 4096):  # scribble over the start of every page but the first two
        data[at:at + 64] = b"\xff" * 64
    broken.write_bytes(bytes(data))
    one_error(gazette("search", broken, "财政局"), "E042")
    one_error(gazette("stats", broken), "E042")
    one_error(gazette("build", broken, LAW), "E042")


@pytest.mark.parametrize("args, code", [
    (["--threshold", "CNY>>1"], "E047"),
    (["--from", "2024-13"], "E047"),
    (["，"], "E046"),
    (["-税务局"], "E046"),
])
def test_bad_queries_and_filters(seed_db, args, code):
    one_error(gazette("search", seed_db, *args), code)


def test_nothing_heavy_is_imported():
    code = ("import sys, extract.db as d, tempfile, os; p = os.path.join(tempfile.mkdtemp(), 'x.db'); "
            f"d.build(p, [{str(SEED)!r}], progress=False); d.search(p, '财政局'); "
            "print(sorted(m for m in ('jieba', 'spacy', 'click', 'tqdm') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
