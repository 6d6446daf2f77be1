"""The rules page (docs/rules.md), written from the registry so that the page, `--explain` and the code
say the same thing. Regenerate with `python -m extract.check.rulesdoc > docs/rules.md`; a test fails
when the page and the registry disagree or a rule lacks a section.
"""
from __future__ import annotations

from .registry import DOC_SECTIONS, load_rules

FAMILIES = [("numbering", "Numbering"), ("toc", "Table of contents"), ("doc-number", "文号 (document numbers)"),
            ("dates", "Dates"), ("counts", "Counts"), ("tables", "Tables"), ("text", "Text"),
            ("units", "Responsible units"), ("history", "Against prior issues (`--against DB`)")]


def rules_markdown() -> str:
    rules = load_rules()
    out = ["# `gazette check` rules", "",
           "Every rule has a stable code. Select rules with `--select` and silence them with `--ignore`, by code",
           "or prefix (`--ignore GZ72` silences GZ721-GZ724); `gazette check --explain CODE` prints a rule's",
           "entry. Severities: **error** (certainly wrong), **warning** (very likely wrong), **info** (worth",
           "a look). Place names come from `extract/data/places/` (add your region with `--places`), unit names",
           "from `extract/data/known_units.txt` (add yours with `--units`).", "",
           "This page is generated from the rules themselves: `python -m extract.check.rulesdoc > docs/rules.md`.",
           "", "| code | name | severity | summary |", "|---|---|---|---|"]
    for r in rules.values():
        out.append(f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity} | {r.summary} |")
    for family, title in FAMILIES:
        members = [r for r in rules.values() if r.family == family]
        if not members:
            continue
        out += ["", f"## {title}"]
        for r in members:
            out += ["", f"### {r.code}", "", f"**{r.name}** ({r.severity}): {r.summary}."]
            if r.needs == "database":
                out += ["", "Runs only with `--against DB`, a clause database built by `gazette db build` from the "
                            "issues and documents already published; without it it finds nothing."]
            elif r.needs:
                out += ["", f"Works from the recognised `{r.needs}` of each provision; without them it finds nothing."]
            for section, text in zip(DOC_SECTIONS, (r.what, r.why, r.example, r.instead)):
                out += ["", f"#### {section}", ""]
                if section in ("Example", "Use instead"):
                    out += ["```", text, "```"]
                else:
                    out.append(text)
            out += ["", f"Silence: `--ignore {r.code}`."]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(rules_markdown(), end="")
