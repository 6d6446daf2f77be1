"""A short coverage-guided fuzz run (atheris) of the readers and the whole parse, and the crashes fuzzing
found, each a regression test. The longer run is documented in fuzz/fuzz_readers.py and RELIABILITY.md."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "fuzz" / "fuzz_readers.py"


def test_short_fuzz_run(tmp_path):
    pytest.importorskip("atheris", reason="atheris is not installed (pip install atheris)")
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "fuzz" / "seeds", corpus)
    proc = subprocess.run([sys.executable, str(TARGET), "-runs=2000", "-seed=14", "-rss_limit_mb=4096",
                           "-timeout=60", str(corpus)], capture_output=True, timeout=240, cwd=tmp_path)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, err[-3000:]
    assert "Done 2000 runs" in err


def test_fuzz_check_on_the_seeds():
    """The property check itself, in process, on every seed (so that a broken seed fails loudly)."""
    pytest.importorskip("atheris")
    sys.path.insert(0, str(ROOT / "fuzz"))
    try:
        import fuzz_readers
    finally:
        sys.path.pop(0)
    for seed in sorted((ROOT / "fuzz" / "seeds").iterdir()):
        fuzz_readers.check(seed.read_bytes())


CRASHES = ROOT / "tests" / "fuzz_crashes"


def test_zip_of_an_unknown_version_is_e052():
    """Found by the fuzzer: a .docx whose zip header names version 19.8 raised NotImplementedError from
    zipfile (an internal error); it is a broken archive, E052."""
    from extract.errors import GazetteError
    from extract.pipeline import parse

    data = (CRASHES / "zip-version-19.8.bin").read_bytes()[1:]  # the first byte chose the .docx reader
    with pytest.raises(GazetteError) as e:
        parse(data, path="fuzz.docx")
    assert e.value.code == "E052"
    assert str(e.value) == ("E052 fuzz.docx: Word (.docx) file is broken or truncated: not a readable zip "
                            "archive (zip file version 19.8)")
