"""Error and warning codes are unique and each is listed in the README (one place to look them up)."""
import ast
import re

from conftest import ROOT


def test_codes_are_unique_and_documented():
    tree = ast.parse((ROOT / "extract" / "errors.py").read_text(encoding="utf-8"))
    keys = [k.value for node in ast.walk(tree) if isinstance(node, ast.Dict)
            for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)
            and re.fullmatch(r"[EW]0\d\d", k.value)]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    assert not duplicates, f"a code given two meanings: {duplicates}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = sorted(k for k in set(keys) if k not in readme)
    assert not missing, f"codes the README does not list: {missing}"
