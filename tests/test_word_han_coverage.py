"""Every Han character of a Word, WPS or OFD file's own text is in a provision, the front matter or a
recorded removal: counted character by character against the text a tool other than our readers shows.

The reference for .doc/.wps is antiword's plain-text output (`antiword -m UTF-8.txt`); for .docx the
`w:t` texts of the package's document, header and footer parts (what python-docx shows, read here
with zipfile so that a package python-docx refuses is still measured), leaving out VML fallbacks that
repeat a text box; for .ofd the `TextCode` texts of every page. The count must match both ways: no
character lost, none made up (these files have no automatic numbering, whose labels would add some).
"""
import re
import shutil
import subprocess
import zipfile
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

import extract
from conftest import CORPUS

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
FILES = [
    "real/17_nanchang_customs_2023_recruitment_notice.doc",
    "real/19_shangrao_2019_police_fitness_test_notice.doc",
    "real/21_2022_civil_service_exam_outline.docx",
    "formats/test.doc", "formats/test.wps", "formats/test.docx", "formats/test.ofd",
    "formats/master_template.docx", "formats/master_template.ofd",
]


def reference_text(path) -> str:
    name = path.name
    if name.endswith((".doc", ".wps")):
        if not shutil.which("antiword"):
            pytest.skip("antiword is not installed")
        return subprocess.run(["antiword", "-m", "UTF-8.txt", str(path)], capture_output=True, check=True).stdout.decode("utf-8")
    with zipfile.ZipFile(path) as zf:
        if name.endswith(".docx"):
            parts = [n for n in zf.namelist() if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)]
            return "".join(_word_text(ET.fromstring(zf.read(n))) for n in parts)
        parts = [n for n in zf.namelist() if n.endswith("Content.xml")]
        return "".join(el.text or "" for n in parts for el in ET.fromstring(zf.read(n)).iter()
                       if el.tag.endswith("TextCode"))


def _word_text(el) -> str:
    if el.tag == MC_FALLBACK:
        return ""
    own = el.text or "" if el.tag == W + "t" else ""
    return own + "".join(_word_text(c) for c in el)


def read_text(x) -> str:
    """Front matter, provisions and removals: everything the extraction accounts for."""
    pieces = [x.issue.text] if x.issue else []
    pieces += [p.text for d in x.documents for p in d.provisions]
    pieces += [r.raw for r in x.text.removals]
    return "".join(pieces)


@pytest.mark.parametrize("name", FILES)
def test_every_han_character_is_accounted_for(name):
    path = CORPUS / name
    expected = Counter(HAN.findall(reference_text(path)))
    x = extract.parse(str(path), recognize=False)
    found = Counter(HAN.findall(read_text(x)))
    assert sum(expected.values()) > 20
    assert expected - found == Counter(), "lost"
    assert found - expected == Counter(), "made up"
