"""Data flows one way: lexicon → ingest → segment → recognize → consumers. The imports say so.

The test reads every module of the package (without importing it) and checks that each layer imports only
the layers below it, and that the lexicon imports nothing of ours.
"""
import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "extract"

# what each layer may import (besides itself); anything not listed here is a consumer or a front end
ALLOWED = {
    "lexicon": set(),
    "errors": set(),
    "values": set(),
    "head_model": set(),  # the head elements, like the values, are part of the model
    "model": {"lexicon", "ingest", "values", "head_model"},
    "ingest": {"lexicon", "errors"},
    "segment": {"lexicon", "errors", "model", "values", "head_model"},
    "recognize": {"lexicon", "errors", "model", "values", "head_model"},
    "pipeline": {"lexicon", "errors", "model", "values", "head_model", "ingest", "segment", "recognize"},
}
CORE = set(ALLOWED)


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def import_graph() -> dict[str, dict[str, set[str]]]:
    """layer -> imported layer -> the modules that import it."""
    graph: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        module = ".".join(rel.parts)
        package = module[: -len(".__init__")] if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        if module.endswith(".__init__"):
            module = package
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:  # from . import x, y
                    targets = [f"{target}.{a.name}" for a in node.names]
                else:
                    targets = [target]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("extract"):
                targets = [node.module]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("extract")]
            for target in targets:
                src, dst = _layer(module), _layer(target)
                if src != dst:
                    graph[src][dst].add(module)
    return graph


def test_core_layers_import_only_what_is_below_them():
    graph = import_graph()
    wrong = {f"{src} -> {dst} (in {', '.join(sorted(mods))})"
             for src, deps in graph.items() if src in ALLOWED
             for dst, mods in deps.items() if dst not in ALLOWED[src]}
    assert not wrong, sorted(wrong)


def test_no_core_layer_imports_a_consumer():
    graph = import_graph()
    assert all(dst in CORE or dst == "extract" for src in CORE for dst in graph.get(src, {}) if src != "pipeline")


def test_no_import_circle_between_layers():
    graph = import_graph()

    def reaches(a, b, seen=()):
        return any(d == b or (d not in seen and reaches(d, b, seen + (d,))) for d in graph.get(a, {}))

    circles = sorted(f"{a} <-> {b}" for a in graph for b in graph[a] if a < b and reaches(b, a))
    assert not circles, circles
