"""The development half of the evaluation set (golden/eval/dev/): no file may fall below its recorded F1.

A pooled total hides a regression on one file (a better regulation can pay for a worse notice), so every
file's F1 per field is recorded in `eval_dev_floors.json` and checked here. Raise a figure when a change
improves it (`gazette eval golden/eval/dev --save-floors tests/eval_dev_floors.json`); never lower one
without saying in the commit why the file got worse. The test half (golden/eval/test/) has no floors: it was scored once, see docs/evaluation.md.
"""
import json

import pytest

from conftest import ROOT
from extract.evaluate import below_floors, evaluate_file, file_figures, golden_files

DEV = ROOT / "golden" / "eval" / "dev"
FLOORS = ROOT / "tests" / "eval_dev_floors.json"


@pytest.fixture(scope="module")
def results():
    return [evaluate_file(p) for p in golden_files([DEV])]


def test_every_dev_file_has_a_recorded_figure(results):
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert sorted(file_figures(results)) == sorted(floors)


def test_no_dev_file_falls_below_its_recorded_f1(results):
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert below_floors(results, floors) == []
