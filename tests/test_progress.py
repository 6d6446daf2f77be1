"""Progress on long runs goes to stderr on a terminal only: GAZETTE_PROGRESS=1 forces it (here, where
stderr is a pipe), =0 and a pipe without the setting keep stderr free of it."""
import os
import subprocess
import sys

from conftest import CORPUS, SEED


def gazette(*args, progress=None):
    env = {k: v for k, v in os.environ.items() if k != "GAZETTE_PROGRESS"}
    if progress is not None:
        env["GAZETTE_PROGRESS"] = progress
    return subprocess.run([sys.executable, "-m", "extract", *args], capture_output=True, text=True, env=env)


def test_one_big_input_shows_its_stages_when_forced():
    proc = gazette("extract", str(SEED), progress="1")
    assert proc.returncode == 0
    for stage in ("reading", "segmenting", "recognising values", "writing JSON"):
        assert f"{SEED}: {stage}" in proc.stderr
    # counts the characters of its documents (23,010 less the 814 of the front matter), provision by
    # provision: the documents are segmented one at a time, so their provisions are not counted first
    assert "recognising values:    0%|          | 0/22196" in proc.stderr
    assert proc.stdout.startswith('{"schema": "gazette-extract/1"')  # stdout untouched


def test_many_files_count_files():
    law = CORPUS / "laws" / "河南省义务植树条例(2018-09-30).md"
    proc = gazette("extract", str(SEED), str(law), progress="1")
    assert proc.returncode == 0 and "extracting:   0%|          | 0/2" in proc.stderr
    assert len(proc.stdout.splitlines()) == 2
    proc = gazette("check", str(SEED), str(law), progress="1")
    assert "checking:   0%|          | 0/2" in proc.stderr


def test_silent_when_piped_or_switched_off():
    for setting in (None, "0"):
        proc = gazette("extract", str(SEED), progress=setting)
        assert proc.returncode == 0 and proc.stderr == ""
        proc = gazette("show", str(SEED), progress=setting)
        assert proc.returncode == 0 and proc.stderr == ""
