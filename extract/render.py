"""`gazette render FILE -o page.html`: the document as one self-contained HTML page with the recognised
values highlighted (in the manner of displaCy's span style), for a person to see what was found.

Every piece of source text is escaped (html.escape), so markup in the input is shown, never run. No
scripts, no external resources. Units that apply through a scope rule (inherited) are listed under the
provision rather than highlighted, since their text stands elsewhere.
"""
from __future__ import annotations

import html
import sys

import click

COLORS = {"UNIT": "#7aecec", "THRESHOLD": "#feca74", "DEADLINE": "#bfe1d9", "CITATION": "#c887fb"}
FIELDS = (("units", "UNIT"), ("thresholds", "THRESHOLD"), ("deadlines", "DEADLINE"), ("citations", "CITATION"))
STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; line-height: 2.4; margin: 2em auto;
       max-width: 60em; padding: 0 1em; }
h1 { font-size: 1.3em; line-height: 1.5; } h2 { font-size: 1.1em; }
.prov { white-space: pre-wrap; border-left: 3px solid #eee; padding-left: .8em; margin: .3em 0; }
.pid { color: #999; font-size: .75em; font-family: monospace; }
.v { padding: .15em .1em; border-radius: .25em; }
.lbl { font-size: .6em; font-weight: bold; vertical-align: super; margin-left: .2em; color: #444; }
.inh { color: #777; font-size: .85em; }
.legend span { margin-right: 1em; padding: .1em .4em; border-radius: .25em; }
.meta { color: #555; font-size: .9em; }
"""


def _describe(label: str, v: dict) -> str:
    """A one-line description of a value, for the tooltip."""
    if label == "UNIT":
        return f"{v['name']} ({v['role']})"
    if label == "THRESHOLD":
        if v["comparator"] == "range":
            core = f"{v['min']}..{v['max']} {v['unit']}"
        else:
            core = f"{v['comparator']} {v['value']} {v['unit']}"
        extra = "".join(f"; {k} {v[k]}" for k in ("per", "subject") if v.get(k))
        return core + extra
    if label == "DEADLINE":
        return f"{v['kind']} {v['date'] or ''}".strip() + (f" ({v['duration']})" if v.get("duration") else "")
    return " ".join(x for x in (v.get("title") and f"《{v['title']}》", v.get("doc_number")) if x)


def provision_html(text: str, start: int, values: list[tuple[str, dict]]) -> str:
    """The provision's text with its values marked; overlapping values share the overlapped characters."""
    marks = []
    for label, v in values:
        a, b = v["span"][0] - start, v["span"][1] - start
        if 0 <= a < b <= len(text):
            marks.append((a, b, label, v))
    cuts = sorted({0, len(text), *[m[0] for m in marks], *[m[1] for m in marks]})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b])
        active = [m for m in marks if m[0] <= a and b <= m[1]]
        if not active:
            out.append(piece)
            continue
        label = active[-1][2]
        title = " | ".join(f"{m[2]}: {_describe(m[2], m[3])}" for m in active)
        tags = "".join(f'<span class="lbl">{m[2]}</span>' for m in active if m[1] == b)
        out.append(f'<span class="v" style="background:{COLORS[label]}" title="{html.escape(title)}">'
                   f"{piece}{tags}</span>")
    return "".join(out)


def extraction_html(extraction) -> str:
    """The whole extraction as one HTML page."""
    title = extraction.issue.title if extraction.issue and extraction.issue.title else extraction.text.path
    parts = ["<!DOCTYPE html>", '<html lang="zh"><head><meta charset="utf-8">',
             f"<title>{html.escape(str(title))}</title><style>{STYLE}</style></head><body>",
             f"<h1>{html.escape(str(title))}</h1>", '<p class="legend">']
    parts += [f'<span style="background:{c}">{html.escape(k)}</span>' for k, c in COLORS.items()]
    parts.append("</p>")
    for d in extraction.documents:
        parts.append(f'<h2 id="{html.escape(d.id)}">{html.escape(d.title or d.id)}</h2>')
        meta = [f"{k}: {getattr(d, k)}" for k in ("doc_number", "date", "effective", "expires") if getattr(d, k)]
        if meta:
            parts.append(f'<p class="meta">{html.escape(" · ".join(meta))}</p>')
        for p in d.provisions:
            values = [(label, v) for field, label in FIELDS for v in getattr(p, field)
                      if not v.get("inherited")]
            body = provision_html(p.text, p.start, values)
            parts.append(f'<div class="prov" id="{html.escape(d.id + ":" + p.id)}">'
                         f'<span class="pid">{html.escape(p.id)}</span> {body}</div>')
            inherited = [u["name"] for u in p.units if u.get("inherited")]
            if inherited:
                parts.append(f'<div class="inh">inherited units: {html.escape("、".join(inherited))}</div>')
    parts.append("</body></html>")
    return "\n".join(parts)


@click.command("render")
@click.argument("file")
@click.option("-o", "--output", help="Write the HTML to this file instead of stdout.")
def render_cmd(file, output):
    """Draw FILE ('-' for stdin) as an HTML page with the recognised values highlighted.

    \b
    Example:
      gazette render corpus/sanmenxia-gazette-2023-02.md -o page.html
    """
    from .cli import guarded

    @guarded
    def run():
        import extract
        from .output import check_target, writing

        check_target(output, [file])
        page = extraction_html(extract.parse(file))
        with writing(output, [file]) as fh:
            fh.write(page)

    run()
