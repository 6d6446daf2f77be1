"""The clause database stays whole when a build is killed half-way and when two builds run at once
(issue 14's probe: 10 SIGKILLs mid-build and 7 concurrent builds left it intact; these keep it so)."""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import CORPUS

LAWS = sorted((CORPUS / "laws").glob("*.md"))


def gazette(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "extract", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kw)


def sources(db) -> set[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return {os.path.basename(r[0]) for r in conn.execute("SELECT path FROM sources")}
    except sqlite3.OperationalError:
        return set()  # the file exists but the build has not created its tables yet
    finally:
        conn.close()


def intact(db) -> None:
    proc = subprocess.run([sys.executable, "-m", "extract", "db", "stats", str(db), "--check"], capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"check: ok" in proc.stdout
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        # a source is stored whole or not at all: every source has its copies, every copy its provisions
        empty = conn.execute("SELECT count(*) FROM copies c WHERE NOT EXISTS "
                             "(SELECT 1 FROM provisions p WHERE p.copy = c.pk)").fetchone()[0]
        bare = conn.execute("SELECT count(*) FROM sources s WHERE NOT EXISTS "
                            "(SELECT 1 FROM copies c WHERE c.source = s.pk)").fetchone()[0]
        assert empty == 0 and bare == 0
    finally:
        conn.close()


@pytest.fixture()
def inputs(tmp_path):
    """The laws twelve times under other names: enough work for a build to commit (every 2 s) and then be
    killed in the middle."""
    folder = tmp_path / "in"
    folder.mkdir()
    out = []
    for n in range(12):
        for p in LAWS:
            q = folder / f"{n}-{p.name}"
            q.write_text(p.read_text(encoding="utf-8") + f"\n<!-- copy {n} -->\n", encoding="utf-8")
            out.append(q)
    return out


def test_killed_build_leaves_a_whole_database(tmp_path, inputs):
    db = tmp_path / "c.db"
    # commit often, so that the kill lands mid-build however fast the machine is
    proc = gazette("db", "build", db, *inputs, env={**os.environ, "GAZETTE_DB_COMMIT_EVERY": "0.05"})
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if db.exists() and sources(db):
            break  # something is committed: kill the build in the middle of the next batch
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    intact(db)
    stored = sources(db)
    assert stored <= {p.name for p in inputs}
    assert 0 < len(stored) < len(inputs), f"killed with {len(stored)} of {len(inputs)} stored: not mid-build"
    # the next build adds what the killed one did not store, and nothing twice
    again = subprocess.run([sys.executable, "-m", "extract", "db", "build", str(db), *map(str, inputs)],
                           capture_output=True)
    assert again.returncode == 0, again.stderr.decode()
    intact(db)
    assert sources(db) == {p.name for p in inputs}


def test_two_builds_at_once(tmp_path, inputs):
    db = tmp_path / "c.db"
    half = len(inputs) // 2
    a = gazette("db", "build", db, *inputs[:half])
    b = gazette("db", "build", db, *inputs[half:])
    out_a, out_b = a.communicate(timeout=240), b.communicate(timeout=240)
    for proc, (out, err) in ((a, out_a), (b, out_b)):
        assert proc.returncode in (0, 2), err.decode()
        if proc.returncode == 2:
            assert b"E049" in err, err.decode()  # waited for the other writer, then said so
    intact(db)
    expected = set()
    if a.returncode == 0:
        expected |= {p.name for p in inputs[:half]}
    if b.returncode == 0:
        expected |= {p.name for p in inputs[half:]}
    assert expected <= sources(db)
