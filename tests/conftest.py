import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLDEN = ROOT / "golden"
SEED = CORPUS / "sanmenxia-gazette-2023-02.md"

# Golden files are written by hand. Nothing in the suite writes them; this flag must stay off.
REGENERATE_GOLDEN = False


def corpus_files():
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "README.md")


def load_golden(name: str):
    path = GOLDEN / name
    if not path.exists():
        pytest.fail(f"missing golden file {path}: golden files are written by hand, never generated")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed():
    import extract

    return extract.parse(str(SEED))
