"""Parsing in worker processes or on a Dask cluster builds the same database as one process.

Every table is compared row by row (and the word index's own tables), except the two clock readings
(`sources.loaded_at`, `gazette_meta.created_at`).
"""
import json
import sqlite3

import pytest
from click.testing import CliRunner

from extract import db
from extract.cli import main

from conftest import CORPUS, SEED

INPUTS = [SEED, CORPUS / "diff", CORPUS / "laws", CORPUS / "README.md", CORPUS / "missing.md"]
CLOCKS = {("sources", "loaded_at"), ("gazette_meta", "value")}


def dump(path) -> dict:
    conn = sqlite3.connect(path)
    out = {}
    tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
              if t != "provision_index"]
    for table in tables:
        columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
        keep = [c for c in columns if (table, c) not in CLOCKS]
        rows = conn.execute(f"SELECT {', '.join(keep)} FROM {table}").fetchall() if keep else []
        if table == "gazette_meta":
            rows = conn.execute("SELECT key FROM gazette_meta ORDER BY key").fetchall()
        out[table] = rows
    conn.close()
    return out


@pytest.fixture(scope="module")
def one_process(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "one.db"
    summary = db.build(path, INPUTS, progress=False, workers=1)
    assert summary.engine == "this process"
    assert (summary.added, len(summary.failed), len(summary.skipped)) == (23, 1, 1)
    return dump(path)


def test_two_local_processes_build_the_same_database(one_process, tmp_path):
    summary = db.build(tmp_path / "two.db", INPUTS, progress=False, workers=2)
    assert summary.engine == "2 local processes"
    assert (summary.added, len(summary.failed), len(summary.skipped)) == (23, 1, 1)
    assert summary.failed[0][1].startswith("E007")
    assert dump(tmp_path / "two.db") == one_process


def test_a_dask_cluster_of_two_workers_builds_the_same_database(one_process, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        result = CliRunner().invoke(main, ["db", "build", str(tmp_path / "dask.db"), *map(str, INPUTS),
                                           "--engine", "dask", "--scheduler", cluster.scheduler_address,
                                           "--format", "json"])
    assert result.exit_code == 2  # the missing file
    summary = json.loads(result.stdout)
    assert summary["engine"] == f"dask {cluster.scheduler_address} (2 workers)"
    assert (summary["added"], len(summary["skipped"]), len(summary["failed"])) == (23, 1, 1)
    assert dump(tmp_path / "dask.db") == one_process


def test_engine_options_are_checked(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["db", "build", str(tmp_path / "c.db"), str(SEED), "--engine", "dask"])
    assert result.exit_code == 2 and "E047 --scheduler ''" in result.stderr
    result = runner.invoke(main, ["db", "build", str(tmp_path / "c.db"), str(SEED), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "is only for --engine dask" in result.stderr
    result = runner.invoke(main, ["db", "build", str(tmp_path / "c.db"), str(SEED), "--workers", "0"])
    assert result.exit_code == 2


def test_an_unreachable_scheduler_is_one_coded_line(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["db", "build", str(tmp_path / "c.db"), str(SEED), "--engine", "dask",
                                  "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "E060" in result.stderr and "Dask scheduler" in result.stderr and "Traceback" not in result.stderr
