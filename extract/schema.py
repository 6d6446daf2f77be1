"""Validation of outputs against `schemas/` (JSON Schema Draft 2020-12), before anything leaves the program."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
SCHEMAS = {
    "gazette-extract/1": "gazette-extract.schema.json",
    "gazette-diff/1": "gazette-diff.schema.json",
    "gazette-check/1": "gazette-check.schema.json",
}


@lru_cache(maxsize=None)
def validator(schema_id: str = "gazette-extract/1"):
    import jsonschema

    with open(SCHEMA_DIR / SCHEMAS[schema_id], encoding="utf-8") as fh:
        schema = json.load(fh)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(instance: dict) -> list[str]:
    """Readable validation errors, empty when valid: `$.documents[1].title: missing (rule: required)`.

    Each names the JSON path of the failing value and the schema rule (keyword) that failed. Where a value
    may take one of several forms (`issue` is null or an object), the error is the one inside the form the
    value has, not "is not valid under any of the given schemas"; no message repeats a large value."""
    schema_id = instance.get("schema") if isinstance(instance, dict) else None
    if schema_id not in SCHEMAS:
        return [f"$.schema: unknown schema id {schema_id!r} (expected one of {', '.join(SCHEMAS)}) (rule: const)"]
    found = [leaf for e in validator(schema_id).iter_errors(instance) for leaf in _leaves(e)]
    found.sort(key=lambda e: [(0, p) if isinstance(p, int) else (1, p) for p in e.absolute_path])
    out = []
    for e in found:
        text = f"{json_path(e.absolute_path)}: {_message(e)} (rule: {e.validator})"
        if text not in out:
            out.append(text)
    return out


def json_path(parts) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "an integer",
          float: "a number", type(None): "null"}


def _leaves(e):
    """The errors that say what is wrong: inside a oneOf/anyOf, those of the branch the value fits best."""
    if e.validator not in ("oneOf", "anyOf") or not e.context:
        return [e]
    branches: dict[int, list] = {}
    for sub in e.context:
        branches.setdefault(sub.schema_path[0], []).append(sub)
    # a branch that rejects the value's type outright is not the one meant
    fitting = [errs for errs in branches.values()
               if not any(x.validator == "type" and not x.relative_path for x in errs)]
    if len(fitting) == 1:
        return [leaf for sub in fitting[0] for leaf in _leaves(sub)]
    return [e]


def _short(value, limit: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, (dict, list)) else None
    if text is None:
        return f"{_TYPES[type(value)]} of {len(value)} item{'s' if len(value) != 1 else ''}"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _form(branch: dict) -> str:
    """A oneOf/anyOf branch in a word: its type, or the name of the definition it refers to."""
    if "type" in branch:
        t = branch["type"]
        return " or ".join(t) if isinstance(t, list) else t
    if "$ref" in branch:
        return branch["$ref"].rsplit("/", 1)[-1]
    return "another form"


def _message(e) -> str:
    v, value = e.validator, e.instance
    if v == "required":
        missing = [k for k in e.validator_value if isinstance(value, dict) and k not in value]
        return f"missing {', '.join(repr(k) for k in missing) or e.message}"
    if v == "type":
        expected = e.validator_value if isinstance(e.validator_value, list) else [e.validator_value]
        shown = "" if isinstance(value, (dict, list)) else f" ({_short(value)})"
        return f"is {_TYPES.get(type(value), type(value).__name__)}{shown}, expected {' or '.join(expected)}"
    if v == "enum":
        return f"{_short(value)} is not one of {', '.join(map(str, e.validator_value))}"
    if v == "const":
        return f"{_short(value)} is not {e.validator_value!r}"
    if v in ("oneOf", "anyOf"):
        forms = [_form(b) for b in e.validator_value]
        return f"{_short(value)} is none of: {', '.join(f for f in forms if f)}"
    if v == "additionalProperties":
        return e.message
    message = e.message
    r = repr(value)
    if len(r) > 40 and r in message:
        message = message.replace(r, _short(value))
    return message if len(message) <= 200 else message[:199] + "…"


@lru_cache(maxsize=None)
def _fast(schema_id: str):
    """A compiled validator (fastjsonschema) for the hot path: about 15x faster than jsonschema on
    large outputs. Our schemas use nothing beyond draft-07 except the `$defs` name, which resolves as a
    plain JSON pointer, so they compile as draft-07; `errors()` (jsonschema, Draft 2020-12) stays the
    reference and the test suite checks that both agree."""
    import fastjsonschema

    with open(SCHEMA_DIR / SCHEMAS[schema_id], encoding="utf-8") as fh:
        schema = json.load(fh)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return _with_fstrings(fastjsonschema.compile_to_code(schema)) or fastjsonschema.compile(schema)


# fastjsonschema names the value it validates with `"…[{data__provisions_x}]".format(**locals())`, also
# on the way to every provision and span when nothing is wrong: a dict of all the function's locals per
# array item, a fifth of the time validation takes. The same string as an f-string costs nothing of that.
_FORMAT_LOCALS = re.compile(r'"((?:[^"\\{}]|\\.|\{[A-Za-z_][A-Za-z0-9_]*\})*)"\.format\(\*\*locals\(\)\)')


def _with_fstrings(code: str):
    """The root validator of fastjsonschema's generated `code`, its `.format(**locals())` names written
    as f-strings (the same text); None when the code is not in the form expected (then the caller
    compiles the schema as it is)."""
    fast = _FORMAT_LOCALS.sub(r'f"\1"', code)
    root = re.search(r"^def (validate\w*)\(", fast, re.M)
    if ".format(**locals())" in fast or root is None:
        return None
    namespace: dict = {}
    try:
        exec(compile(fast, "<fastjsonschema>", "exec"), namespace)  # noqa: S102 - code generated from our schema
    except SyntaxError:
        return None
    return namespace[root.group(1)]


def first_error(instance: dict) -> str | None:
    """None when valid, else one message; fast enough to run on every output."""
    import fastjsonschema

    schema_id = instance.get("schema") if isinstance(instance, dict) else None
    if schema_id not in SCHEMAS:
        return f"$.schema: unknown schema id {schema_id!r}"
    try:
        _fast(schema_id)(instance)
    except fastjsonschema.JsonSchemaException as e:
        return e.message
    return None


@lru_cache(maxsize=None)
def _fast_item(schema_id: str, path: tuple[str, ...]):
    """A compiled validator of one item of a list: ("documents",) an extraction's document,
    ("documents", "provisions") a document's provision."""
    import fastjsonschema

    with open(SCHEMA_DIR / SCHEMAS[schema_id], encoding="utf-8") as fh:
        schema = json.load(fh)
    node = schema
    for key in path:
        while "$ref" in node:  # a local reference ('#/$defs/document')
            target = schema
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            node = target
        node = node["properties"][key]["items"]
    item = {"$schema": "http://json-schema.org/draft-07/schema#", "$defs": schema.get("$defs", {}), "allOf": [node]}
    return _with_fstrings(fastjsonschema.compile_to_code(item)) or fastjsonschema.compile(item)


def first_error_of_item(item, schema_id: str, path: tuple[str, ...], where: str) -> str | None:
    """first_error() for one item of the list at `path`, checked on its own (written streaming: the rest
    of the output is checked with that list empty). `where` is the item's place in the whole output
    (documents[3].provisions[5]); the message names it: data.documents[3].provisions[5].text …"""
    import fastjsonschema

    try:
        _fast_item(schema_id, tuple(path))(item)
    except fastjsonschema.JsonSchemaException as e:
        message = e.message
        return f"data.{where}{message[4:]}" if message.startswith("data") else message
    return None


def prepare(schema_id: str, items=()) -> None:
    """Compile the checks of first_error() and of first_error_of_item() for each path of `items` now
    (each is compiled once per process)."""
    _fast(schema_id)
    for path in items:
        _fast_item(schema_id, tuple(path))
