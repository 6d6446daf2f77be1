"""`-o`: one helper (extract/output.py) for every command. The target is written only after the inputs
are read, through a temporary file renamed over it; an input, a directory, a missing directory or an
unwritable path is refused with E032; an error half-way leaves the old target as it was (issue 14)."""
import os
import shutil

import pytest
from click.testing import CliRunner

from conftest import SEED
from extract.cli import main
from extract.errors import GazetteError
from extract.output import check_target, writing

SMALL = "关于印发某办法的通知\n\n第一条 为了规范管理，制定本办法。\n\n第二条 本办法自2024年1月1日起施行。\n"


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture()
def work(tmp_path):
    src = tmp_path / "self.md"
    src.write_text(SMALL, encoding="utf-8")
    return tmp_path, src


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    folder = tmp_path_factory.mktemp("db")
    db = folder / "c.db"
    assert invoke("db", "build", db, SEED).exit_code == 0
    return db


def commands(src, db):
    """Every command that takes -o, with its inputs."""
    return {
        "extract": ["extract", src],
        "check": ["check", "--format", "json", src],
        "render": ["render", src],
        "diff": ["diff", src, SEED],
        "db export": ["db", "export", db],
        "db search": ["db", "search", db, "财政"],
        "db status": ["db", "status", db],
        "show": ["show", src],
        "check html": ["check", "--format", "html", src],
    }


NAMES = ["extract", "check", "render", "diff", "db export", "db search", "db status", "show", "check html"]


@pytest.mark.parametrize("name", NAMES)
def test_output_onto_an_input_is_refused_and_the_input_kept(work, database, name):
    tmp, src = work
    db = tmp / "c.db"
    shutil.copy(database, db)
    args = commands(src, db)[name]
    target = db if name.startswith("db") else src
    before = target.read_bytes()
    r = invoke(*args, "-o", target)
    assert r.exit_code == 2
    assert f"E032 cannot write {target}: it is one of the inputs" in r.output
    assert target.read_bytes() == before


def test_db_export_onto_its_database_keeps_it(work, database):
    """gazette db export c.db -o c.db replaced a 24 MB database with CSV."""
    tmp, _ = work
    db = tmp / "c.db"
    shutil.copy(database, db)
    assert invoke("db", "export", db, "-o", db).exit_code == 2
    assert invoke("db", "stats", db).exit_code == 0
    assert db.read_bytes()[:16] == b"SQLite format 3\x00"


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("case", ["missing directory", "directory", "parent is a file"])
def test_unwritable_targets_give_e032(work, database, name, case):
    tmp, src = work
    target = {"missing directory": tmp / "nope" / "out.txt", "directory": tmp,
              "parent is a file": src / "out.txt"}[case]
    r = invoke(*commands(src, database)[name], "-o", target)
    assert r.exit_code == 2, r.output
    assert r.output.startswith(f"gazette: E032 cannot write {target}: "), r.output
    assert "internal error" not in r.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_read_only_directory_gives_e032(work):
    tmp, src = work
    ro = tmp / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    r = invoke("extract", src, "-o", ro / "out.json")
    assert r.exit_code == 2 and "E032" in r.output


@pytest.mark.parametrize("name", NAMES)
def test_output_is_written_whole(work, database, name):
    tmp, src = work
    out = tmp / "out.txt"
    r = invoke(*commands(src, database)[name], "-o", out)
    assert r.exit_code in (0, 1), r.output
    assert out.stat().st_size > 0
    assert [p.name for p in tmp.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failed_run_leaves_the_old_target(work):
    tmp, _ = work
    out = tmp / "out.json"
    out.write_text("old", encoding="utf-8")
    r = invoke("extract", tmp / "missing.md", "-o", out)
    assert r.exit_code == 2 and "E007" in r.output
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp.iterdir()) == ["out.json", "self.md"]


def test_special_files_are_written_in_place(work):
    _, src = work
    r = invoke("extract", src, "-o", os.devnull)
    assert r.exit_code == 0
    assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)


def test_symbolic_link_target_replaces_the_file_it_points_to(work):
    tmp, src = work
    real = tmp / "real.json"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp / "link.json"
    link.symlink_to(real)
    assert invoke("extract", src, "-o", link).exit_code == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith('{"schema": "gazette-extract/1"')
    assert oct(real.stat().st_mode & 0o777) == oct(0o640)


def test_symbolic_link_to_an_input_is_refused(work):
    tmp, src = work
    link = tmp / "link.md"
    link.symlink_to(src)
    r = invoke("extract", src, "-o", link)
    assert r.exit_code == 2 and "it is one of the inputs" in r.output
    assert src.read_text(encoding="utf-8") == SMALL


def test_api_writing_commits_only_on_success(tmp_path):
    target = tmp_path / "t.txt"
    with writing(target) as fh:
        fh.write("one")
    assert target.read_text() == "one"
    with pytest.raises(RuntimeError):
        with writing(target) as fh:
            fh.write("two")
            assert target.read_text() == "one"  # not touched while writing
            raise RuntimeError
    assert target.read_text() == "one"
    assert list(tmp_path.iterdir()) == [target]


def test_api_check_target_creates_nothing(tmp_path):
    check_target(tmp_path / "new.txt")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(GazetteError) as e:
        check_target(tmp_path)
    assert e.value.code == "E032"
