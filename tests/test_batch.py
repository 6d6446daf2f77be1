"""`gazette extract --jobs N`: a worker that dies costs only the file it held (E018); the rest go on, in
input order (issue 14: the parent hung at 244 of 500 outputs)."""
import subprocess
import sys

from extract.batch import Options, _Pool
from extract.ingest import Limits

from batch_workers import dying

TEXT = "关于某事项的通知\n\n第一条 本办法自2024年1月1日起施行。\n"


def test_dead_workers_are_reported_and_the_batch_goes_on(tmp_path):
    names = ["a.md", "abort.md", "b.md", "kill.md", "c.md", "exit.md", "d.md", "e.md"]
    paths = []
    for name in names:
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
        paths.append(str(tmp_path / name))
    outcomes = list(_Pool(Options(Limits()), 2, work=dying).run(paths))
    assert [o.path for o in outcomes] == paths
    good = [o for o in outcomes if o.error is None]
    assert [o.path for o in good] == [p for p in paths if not any(k in p for k in ("abort", "kill", "exit"))]
    errors = {o.path.rsplit("/", 1)[1]: o.error for o in outcomes if o.error}
    assert errors == {
        "abort.md": f"E018 {tmp_path}/abort.md: the process reading it stopped (killed by SIGABRT); "
                    "read this file alone to see why",
        "kill.md": f"E018 {tmp_path}/kill.md: the process reading it stopped (killed by SIGKILL (out of memory?)); "
                   "read this file alone to see why",
        "exit.md": f"E018 {tmp_path}/exit.md: the process reading it stopped (exited with status 3); "
                   "read this file alone to see why",
    }
    assert all(o.text.startswith('{"schema": "gazette-extract/1"') for o in good)


def test_jobs_command_line_with_a_worker_killed_from_outside(tmp_path):
    """The command itself: a worker killed while the batch runs does not hang the parent."""
    import os
    import signal
    import time

    paths = []
    for n in range(6):
        p = tmp_path / f"f{n}.md"
        p.write_text(TEXT * 200, encoding="utf-8")
        paths.append(str(p))
    proc = subprocess.Popen([sys.executable, "-m", "extract", "extract", "--jobs", "2", *paths],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # kill the first worker we find
    killed = False
    deadline = time.time() + 60
    while not killed and time.time() < deadline and proc.poll() is None:
        kids = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        for kid in kids:
            cmd = open(f"/proc/{kid}/cmdline", "rb").read()
            if b"multiprocessing" in cmd and b"resource_tracker" not in cmd:
                os.kill(int(kid), signal.SIGKILL)
                killed = True
                break
        time.sleep(0.05)
    out, err = proc.communicate(timeout=120)
    lines = out.decode().splitlines()
    if killed:
        assert proc.returncode in (0, 2)
        assert len(lines) + err.decode().count("E018") == 6
    else:
        assert proc.returncode == 0 and len(lines) == 6


def test_streamed_json_is_json_dumps(seed):
    """extract writes its JSON document by document (a 50 MB input's JSON is never one dictionary nor one
    string): the same bytes as json.dumps of to_json(), compact and indented."""
    import io
    import json

    from extract.batch import write_extraction

    data = seed.to_json()
    for indent in (None, 0, 1, 2):
        out = io.StringIO()
        write_extraction(seed, out, indent)
        assert out.getvalue() == json.dumps(data, ensure_ascii=False, indent=indent), indent


def test_streamed_json_of_empty_and_nested_lists():
    import io
    import json

    from extract.jsonout import Streamed, write_streamed

    head = {"a": {"b": [1, {"c": []}]}, "docs": [], "empty": {}, "more": [], "z": None}
    inner = {"k": 1, "parts": [], "after": {"q": [None]}}
    parts = [{"p": "第一条\n"}, {}, [[]]]
    items = {"docs": [{"x": [1, 2], "y": "第一条\n"}, [], 3, {**inner, "parts": parts}, {**inner}], "more": []}
    for indent in (None, 0, 1, 3):
        streams = {"docs": iter(items["docs"][:3] + [Streamed(inner, {"parts": iter(parts)}),
                                                   Streamed(inner, {"parts": iter([])})]),
                   "more": iter([])}
        out = io.StringIO()
        write_streamed(out, Streamed(head, streams), indent)
        assert out.getvalue() == json.dumps({**head, **items}, ensure_ascii=False, indent=indent), indent
    out = io.StringIO()
    write_streamed(out, Streamed({}, {}), 1)
    assert out.getvalue() == "{}"


def test_a_schema_failure_in_a_streamed_document_is_e020_naming_its_place():
    import io

    import pytest

    import extract
    from extract.batch import write_extraction
    from extract.errors import GazetteError

    from conftest import SEED

    seed = extract.parse(str(SEED))  # its own copy: the session's seed is shared
    seed.documents[1].title = 5  # not a string: a bug the check must catch before the document is written
    out = io.StringIO()
    with pytest.raises(GazetteError) as e:
        write_extraction(seed, out)
    assert e.value.code == "E020" and "data.documents[1].title" in str(e.value)
    assert '"title": 5' not in out.getvalue()
    seed.documents[1].title = None
    seed.documents[2].provisions[3].level = 7
    out = io.StringIO()
    with pytest.raises(GazetteError) as e:
        write_extraction(seed, out)
    assert "data.documents[2].provisions[3].level" in str(e.value)
    assert '"level": 7' not in out.getvalue()


def test_values_recognised_document_by_document_as_written_are_the_same(seed):
    """extract recognises each document's values just before writing it and drops it once written (so
    that an issue's provisions and values are not all held at once): the same bytes as parse's JSON."""
    import io
    import json

    import extract
    from extract.batch import write_extraction

    from conftest import SEED

    bare = extract.parse(str(SEED), recognize=False)
    out = io.StringIO()
    write_extraction(bare, out, recognize=True, release=True)
    assert out.getvalue() == json.dumps(seed.to_json(), ensure_ascii=False)
    assert all(d.provisions == [] for d in bare.documents)  # let go once written
