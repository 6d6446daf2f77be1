"""`gazette eval --heads`: the document heads (GB/T 9704 elements) against hand-written golden files.

Why: title, 文号, issuer, recipients and date are what every user keys on; they are judged by people
reading the sources (`golden/heads/`, format in `docs/golden.md` part A), never by the program's own
earlier output. Each golden document is paired with the predicted document at the same position; a
field is right when the predicted value equals the golden one exactly (lists in order), except
`body_starts`, which the predicted body's first paragraph must start with (white space ignored). A key a
golden file omits is not scored.

Files are grouped for the table by where they come from: `govcn` pages as full pages (metadata table and
body) or body only, each in the development split (pages with an evaluation file in `golden/eval/dev/`,
on which the reader is tuned) or the test split (the others); `real` and `formats` files.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = Path("golden") / "heads"
DEV_DIR = ROOT / "golden" / "eval" / "dev"
FIELDS = ("title", "doc_number", "issuer", "recipients", "date", "kind", "attachments", "note", "cc",
          "printed_by", "printed_date", "urgency", "secrecy", "copy_number", "signer", "signed_by",
          "regulation", "articles", "sections", "body_starts")
_WS = re.compile(r"\s+")


@dataclass
class FileResult:
    golden: str
    source: str
    group: str
    right: dict[str, int] = field(default_factory=dict)
    scored: dict[str, int] = field(default_factory=dict)
    misses: list[tuple[int, str, object, object]] = field(default_factory=list)
    skipped: str | None = None  # why the file was not scored


def group_of(golden_path: Path, golden: dict) -> str:
    src = golden.get("source", "")
    folder = src.split("/")[1] if src.count("/") >= 2 else "other"
    if folder != "govcn":
        return folder
    name = Path(src).stem
    form = "body" if name.endswith("-body") else "full"
    page = name[:-len("-body")] if form == "body" else name
    split = "dev" if (DEV_DIR / f"{page}.json").exists() else "test"
    return f"govcn {form} {split}"


def predicted(doc) -> dict:
    """The head fields of a predicted `Document`, from its JSON (fields it lacks count as absent)."""
    j = doc.to_json()
    out = {k: j.get(k) for k in ("title", "doc_number", "issuer", "date", "kind", "note", "printed_by",
                                  "printed_date", "urgency", "secrecy", "copy_number", "signer",
                                  "signed_by")}
    out["recipients"] = j.get("recipients") or []
    out["cc"] = j.get("cc") or []
    out["attachments"] = [a.get("title") for a in j.get("attachments") or []]
    reg = j.get("regulation")
    out["regulation"] = reg.get("title") if isinstance(reg, dict) else reg
    provs = j.get("provisions") or []
    out["articles"] = sum(1 for p in provs if p["level"] == "article")
    containers = {None} | {p["id"] for p in provs if p["level"] == "attachment" and p["id"] == "reg"}
    out["sections"] = sum(1 for p in provs if p["level"] == "section" and (p.get("label") or "").endswith("、")
                          and p["parent"] in containers)
    body = next((p for p in provs if p["level"] not in ("preamble",)), None)
    out["body_starts"] = _WS.sub("", body["text"]) if body else ""
    return out


def same(name: str, gold, pred) -> bool:
    """Is the predicted value of field `name` the golden one?"""
    if pred is None and name in ("recipients", "cc", "attachments"):
        pred = []
    if name == "body_starts":
        return bool(gold) and bool(pred) and pred.startswith(_WS.sub("", gold))
    return gold == pred


def source_of(golden: dict, use_origin: bool) -> Path | None:
    src = ROOT / golden["source"]
    if src.exists():
        return src
    origin = golden.get("origin") or ""
    if use_origin and origin.startswith("../"):
        # `../shared/…` is relative to the main checkout; a worktree may sit deeper: try each parent
        for base in ROOT.parents:
            if (base / origin[3:]).exists():
                return base / origin[3:]
    return None


def evaluate_file(path: Path, use_origin: bool = False, parse=None) -> FileResult:
    golden = json.loads(Path(path).read_text(encoding="utf-8"))
    result = FileResult(str(path), golden.get("source", "?"), group_of(Path(path), golden))
    src = source_of(golden, use_origin)
    if src is None:
        result.skipped = f"source {golden.get('source')} not in the tree"
        return result
    if parse is None:
        from . import parse as parse
    from .errors import GazetteError

    try:
        x = parse(str(src), recognize=False)
        error = None
    except GazetteError as e:
        x, error = None, e.code
    except Exception as e:  # noqa: BLE001 - a crash is a result to report, every field of the file wrong
        x, error = None, f"crash ({type(e).__name__}: {e})"
    if "expect_error" in golden:
        result.scored["error"] = 1
        result.right["error"] = int(error == golden["expect_error"])
        if error != golden["expect_error"]:
            result.misses.append((0, "error", golden["expect_error"], error))
        return result
    docs = x.documents if x is not None else []
    if error:
        result.misses.append((0, "error", None, error))
    for n, g in enumerate(golden.get("documents", [])):
        p = predicted(docs[n]) if n < len(docs) else {}
        for name in FIELDS:
            if name not in g:
                continue
            result.scored[name] = result.scored.get(name, 0) + 1
            got = p.get(name)
            if same(name, g[name], got):
                result.right[name] = result.right.get(name, 0) + 1
            else:
                shown = got[:len(_WS.sub("", g[name])) + 8] if name == "body_starts" and got else got
                result.misses.append((n, name, g[name], shown))
    return result


def golden_files(paths) -> list[Path]:
    paths = list(paths) or [ROOT / DEFAULT_DIR]
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.glob("*.json")) if p.is_dir() else [p])
    return out


def totals(results: list[FileResult]) -> dict[str, dict[str, tuple[int, int]]]:
    """group -> field -> (right, scored)."""
    out: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for r in results:
        if r.skipped:
            continue
        for name, n in r.scored.items():
            out[r.group][name][0] += r.right.get(name, 0)
            out[r.group][name][1] += n
    return {g: {f: tuple(v) for f, v in fs.items()} for g, fs in out.items()}


_GROUP_ORDER = ("govcn full dev", "govcn body dev", "govcn full test", "govcn body test", "formats", "real")


def render_table(results: list[FileResult]) -> str:
    tot = totals(results)
    groups = sorted(tot, key=lambda g: (_GROUP_ORDER.index(g) if g in _GROUP_ORDER else 99, g))
    names = [f for f in FIELDS + ("error",) if any(f in tot[g] for g in groups)]
    width = max([len(g) for g in groups] + [9]) + 2
    lines = [f"{'field':<13}" + "".join(f"{g:>{width}}" for g in groups)]
    for f in names:
        cells = []
        for g in groups:
            if f in tot[g]:
                right, n = tot[g][f]
                cells.append(f"{right}/{n} {100 * right / n:3.0f}%")
            else:
                cells.append("-")
        lines.append(f"{f:<13}" + "".join(f"{c:>{width}}" for c in cells))
    files = defaultdict(int)
    for r in results:
        if not r.skipped:
            files[r.group] += 1
    lines.append(f"{'files':<13}" + "".join(f"{files[g]:>{width}}" for g in groups))
    return "\n".join(lines)


def render_text(results: list[FileResult], show_misses: bool) -> str:
    lines = [render_table(results)]
    skipped = [r for r in results if r.skipped]
    if skipped:
        lines.append("")
        lines.append(f"not scored ({len(skipped)}): " + "; ".join(f"{Path(r.golden).name}: {r.skipped}" for r in skipped))
    if show_misses:
        lines.append("")
        for r in results:
            for n, name, gold, got in r.misses:
                lines.append(f"{Path(r.golden).name}[{n}] {name}: golden {gold!r}, got {got!r}")
    return "\n".join(lines)


def render_json(results: list[FileResult]) -> dict:
    return {"schema": "gazette-eval-heads/1",
            "files": [{"golden": r.golden, "source": r.source, "group": r.group, "skipped": r.skipped,
                       "fields": {f: {"right": r.right.get(f, 0), "scored": n} for f, n in r.scored.items()},
                       "misses": [{"document": n, "field": f, "golden": g, "got": p} for n, f, g, p in r.misses]}
                      for r in results],
            "total": {g: {f: {"right": a, "scored": b} for f, (a, b) in fs.items()}
                      for g, fs in totals(results).items()}}
