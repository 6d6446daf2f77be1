"""Database queries stay parameterised (issue 14): SQL and FTS5 syntax in search words and filter values
are searched for as text, or refused with E046/E047, and the database is left as it was."""
import hashlib

import pytest
from click.testing import CliRunner

from conftest import SEED
from extract.cli import main


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "c.db"
    assert CliRunner().invoke(main, ["db", "build", str(path), str(SEED)]).exit_code == 0
    return path


def run(*args):
    r = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert "internal error" not in r.output and "Traceback" not in r.output, r.output
    return r


HOSTILE = ["'; DROP TABLE provisions; --", "NEAR(", "NEAR(财政 补贴)", '"', '"财政', "*", "财政*", "财政 AND", "^财政",
           "财政:", "provisions MATCH", "' OR 1=1 --", "%", "_", "\\", "财政) OR (1", "{财政}", "col:财政"]


@pytest.mark.parametrize("words", HOSTILE)
def test_hostile_search_words(db, words):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    r = run("db", "search", db, *words.split())
    assert r.exit_code in (0, 2), r.output
    if r.exit_code == 2:
        assert r.output.startswith("gazette: E046 "), r.output
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert run("db", "stats", db, "--check").exit_code == 0


def test_drop_table_is_searched_as_words(db):
    r = run("db", "search", db, "'; DROP TABLE provisions; --")
    assert r.output.startswith("gazette: E046 bad search query \"'; DROP TABLE provisions; --\": "
                               "\"';\" has no letters or digits"), r.output
    r = run("db", "search", db, "DROP TABLE provisions;")
    assert r.exit_code == 0 and r.output == "0 provisions\n"
    assert run("db", "stats", db, "--check").exit_code == 0


@pytest.mark.parametrize("option,value", [("--unit", "市财政局' OR '1'='1"), ("--doc-number", "'; DROP TABLE documents; --"),
                                          ("--level", "article' OR 1=1 --"), ("--threshold", "CNY>=1; DROP TABLE x"),
                                          ("--from", "2023' OR '1'='1")])
def test_hostile_filter_values(db, option, value):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    r = run("db", "search", db, option, value)
    assert r.exit_code in (0, 2)
    if r.exit_code == 0:
        assert r.output.rstrip().endswith("0 provisions")
    else:
        assert r.output.startswith(("gazette: E047 ", "Usage:", "Error:")), r.output
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
