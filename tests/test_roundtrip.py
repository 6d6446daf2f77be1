"""The model and its JSON are one thing: model -> JSON -> model -> JSON is identical, on every corpus file."""
import json

import pytest

import extract
from conftest import corpus_files
from extract.model import Extraction
from extract.schema import errors as schema_errors
from extract.values import Deadline, Threshold, Unit


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_json_round_trip(path):
    x = extract.parse(str(path))
    first = x.to_json()
    assert schema_errors(first) == []  # the schema is closed: every field the model emits is declared
    back = Extraction.from_json(json.loads(json.dumps(first, ensure_ascii=False)))
    assert back.text.source == x.text.source and back.text.clean == x.text.clean
    assert back.to_json() == first


def test_values_are_typed_and_exact(seed):
    doc = seed.documents[4]
    values = [v for p in doc.provisions for v in p.thresholds]
    assert values and all(isinstance(v, Threshold) for v in values)
    assert all(isinstance(u, Unit) for p in doc.provisions for u in p.units)
    back = Threshold.from_json(values[0].to_json())
    assert back == values[0]
    d = Deadline.from_json({"date": None, "kind": "within", "duration": {"value": 6, "unit": "month"},
                            "raw": "6个月内", "span": [3, 8]})
    assert d.duration.value == 6 and d.to_json()["duration"] == {"value": 6, "unit": "month"}
    t = Threshold.from_json({"value": "18.53", "unit": "CNY", "comparator": "eq", "subject": None,
                             "raw": "18.53元", "span": [0, 6]})
    assert str(t.value) == "18.53" and t.to_json()["value"] == "18.53"


def test_the_schema_is_closed(seed):
    out = seed.to_json()
    assert schema_errors(out) == []
    for where in (out, out["source"], out["documents"][0], out["documents"][0]["provisions"][0],
                  next(u for d in out["documents"] for p in d["provisions"] for u in p["units"]),
                  next(t for d in out["documents"] for p in d["provisions"] for t in p["thresholds"])):
        where["surprise"] = 1
        assert schema_errors(out), "an undeclared field must fail validation"
        del where["surprise"]
    t = next(t for d in out["documents"] for p in d["provisions"] for t in p["thresholds"])
    t["value"] = 1.5  # floats are never exact
    assert schema_errors(out)
