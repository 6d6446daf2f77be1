"""extract.batch.settle_heap: after the first input of a process, what it loaded is frozen out of the
cyclic collector's way, once (a batch's later inputs do not freeze again)."""
import subprocess
import sys

SCRIPT = r"""
import gc
from extract.batch import Options, extract_one
from extract.pipeline import Limits
assert gc.get_freeze_count() == 0
first = extract_one("corpus/sanmenxia-gazette-2023-02.md", Options(limits=Limits()))
frozen = gc.get_freeze_count()
second = extract_one("corpus/sanmenxia-gazette-2023-02.md", Options(limits=Limits()))
print(first.error, frozen > 0, gc.get_freeze_count() == frozen, first.text == second.text)
"""


def test_the_heap_is_settled_once_after_the_first_input():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["None", "True", "True", "True"], out.stderr[-2000:]
