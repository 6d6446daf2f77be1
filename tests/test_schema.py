"""The fast validator on the hot path and the reference validator (jsonschema, Draft 2020-12) agree."""
import copy
import json

import pytest

from extract.schema import errors, first_error


@pytest.fixture(scope="module")
def seed_json(seed):
    return json.loads(json.dumps(seed.to_json(), ensure_ascii=False))


def test_seed_output_is_valid(seed_json):
    assert errors(seed_json) == []
    assert first_error(seed_json) is None


@pytest.mark.parametrize("mutate", [
    lambda j: j["documents"][0]["provisions"][0].__setitem__("level", "bogus"),
    lambda j: j["documents"][0].__setitem__("date", "2023/01/10"),
    lambda j: j["source"].__setitem__("format", "epub"),
    lambda j: j["documents"][1]["provisions"][2].pop("span"),
    lambda j: j.__setitem__("schema", "gazette-extract/9"),
    lambda j: j["documents"][0]["provisions"][3]["thresholds"].append(
        {"value": 1, "unit": "CNY", "comparator": "range", "raw": "1", "span": [0, 1], "subject": None}),
])
def test_both_validators_reject(seed_json, mutate):
    bad = copy.deepcopy(seed_json)
    mutate(bad)
    assert errors(bad) != []
    assert first_error(bad) is not None


@pytest.mark.parametrize("mutate", [
    lambda j: j["documents"][0]["provisions"][0].__setitem__("level", "bogus"),
    lambda j: j["documents"][1]["provisions"][2].pop("span"),
    lambda j: j["documents"][1]["provisions"][2]["span"].append(7),
    lambda j: j["documents"][0]["provisions"][3]["thresholds"].append(
        {"value": 1, "unit": "CNY", "comparator": "range", "raw": "1", "span": [0, 1], "subject": None}),
    lambda j: j["documents"][0]["head"][1].__setitem__("raw", 5),
])
def test_the_fast_validator_says_what_fastjsonschema_says(seed_json, mutate):
    """_fast rewrites fastjsonschema's generated code (names built by f-strings, not .format(**locals())):
    it must reject what the unmodified code rejects, with the same message naming the same path."""
    import fastjsonschema

    from extract.schema import SCHEMA_DIR, _fast

    schema = json.loads((SCHEMA_DIR / "gazette-extract.schema.json").read_text(encoding="utf-8"))
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    plain = fastjsonschema.compile(schema)
    bad = copy.deepcopy(seed_json)
    mutate(bad)
    with pytest.raises(fastjsonschema.JsonSchemaException) as expected:
        plain(bad)
    with pytest.raises(fastjsonschema.JsonSchemaException) as got:
        _fast("gazette-extract/1")(bad)
    assert "[" in expected.value.message  # the message names an array item: the rewritten part
    assert got.value.message == expected.value.message
    assert _fast("gazette-extract/1").__code__.co_filename == "<fastjsonschema>"  # the rewritten code ran


@pytest.mark.parametrize("mutate", [
    lambda j: j["documents"][0]["provisions"][0].__setitem__("level", "bogus"),
    lambda j: j["documents"][0].__setitem__("date", "2023/01/10"),
    lambda j: j["source"].__setitem__("format", "epub"),
    lambda j: j["documents"][1]["provisions"][2].pop("span"),
    lambda j: j["documents"][1]["provisions"][2]["span"].append(7),
    lambda j: j.__setitem__("schema", "gazette-extract/9"),
    lambda j: j["documents"][0]["provisions"][3]["thresholds"].append(
        {"value": 1, "unit": "CNY", "comparator": "range", "raw": "1", "span": [0, 1], "subject": None}),
    lambda j: j["documents"][0]["head"][1].__setitem__("raw", 5),
    lambda j: j["removals"][0].__setitem__("kind", "bogus"),
])
def test_the_streamed_checks_say_what_the_whole_check_says(seed_json, mutate):
    """extract checks its output part by part as it writes it (batch.write_extraction): the part that
    fails gives the message the check of the whole output gives, path included."""
    from extract.schema import first_error_of_item

    bad = copy.deepcopy(seed_json)
    mutate(bad)
    whole = first_error(bad)
    head = {**bad, "documents": [], "removals": []}
    parts = [first_error(head)]
    for n, d in enumerate(bad["documents"]):
        parts.append(first_error_of_item({**d, "provisions": []}, "gazette-extract/1", ("documents",), f"documents[{n}]"))
        parts += [first_error_of_item(p, "gazette-extract/1", ("documents", "provisions"), f"documents[{n}].provisions[{k}]")
                  for k, p in enumerate(d["provisions"])]
    parts += [first_error_of_item(r, "gazette-extract/1", ("removals",), f"removals[{k}]")
              for k, r in enumerate(bad["removals"])]
    assert whole is not None and [p for p in parts if p] == [whole]
