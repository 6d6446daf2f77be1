import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLDEN = ROOT / "golden"
SEED = CORPUS / "sanmenxia-gazette-2023-02.md"

# Golden files are written by hand. Nothing in the suite writes them; this flag must stay off.
REGENERATE_GOLDEN = False


# Inputs no reader can get text from, and the coded error each gives. Checked by looking at the file:
# the 2023 measures were printed by "Microsoft: Print To PDF" as outlines, with no font and no text
# (`pdffonts` lists none, `pdftotext` gives nothing but form feeds).
UNREADABLE = {"real/04_cac_genai_interim_measures_imageonly.pdf": "E011"}


def corpus_files(unreadable: bool = False):
    """Every input in corpus/ (README.md files aside); those in UNREADABLE only when asked for."""
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "README.md"
                  and (p.relative_to(CORPUS).as_posix() in UNREADABLE) == unreadable)


def load_golden(name: str):
    path = GOLDEN / name
    if not path.exists():
        pytest.fail(f"missing golden file {path}: golden files are written by hand, never generated")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed():
    import extract

    return extract.parse(str(SEED))
