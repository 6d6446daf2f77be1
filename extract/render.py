"""`gazette render FILE -o page.html`: the document as one self-contained HTML page with the recognised
values highlighted (in the manner of displaCy's span style), for a person to see what was found.

Each value is coloured by kind and tagged in Chinese (单位 · 数值 · 期限 · 引用); its normalised form is
its tooltip. An issue gets a list of its documents to jump between; a stand-alone document is headed by
its title. Every piece of source text is escaped (html.escape), so markup in the input is shown, never
run. No scripts, no external resources. Units that apply through a scope rule (inherited) are listed
under the provision rather than highlighted, since their text stands elsewhere.
"""
from __future__ import annotations

import html
from pathlib import Path

import click

from . import describe
from .describe import KIND_LABELS, get
from .htmlpage import page

FIELDS = ("units", "thresholds", "deadlines", "citations")
COLORS = {"units": "#7aecec", "thresholds": "#feca74", "deadlines": "#bfe1d9", "citations": "#d9b8fc"}
STYLE = """
body { line-height: 2.2; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
h1 { font-size: 1.35em; line-height: 1.5; } h2 { font-size: 1.15em; line-height: 1.5; margin-top: 2.2em;
     border-bottom: 1px solid #ccc; }
nav ol { line-height: 1.6; padding-left: 1.6em; } nav li { margin: .25em 0; }
nav .num { color: #555; margin-right: .5em; }
.prov { white-space: pre-wrap; border-left: 3px solid #eee; padding-left: .8em; margin: .3em 0; }
.pid { color: #999; font-size: .75em; }
.v { padding: .12em .1em; border-radius: .25em; }
.tag { font-size: .62em; font-weight: bold; color: #444; margin-left: .15em; padding: 0 .15em;
       border-radius: .2em; background: rgba(255,255,255,.55); white-space: nowrap; }
.inh { color: #777; font-size: .85em; }
.legend span { margin-right: 1em; padding: .1em .4em; border-radius: .25em; }
.meta { color: #555; font-size: .9em; line-height: 1.6; }
"""
META = (("doc_number", "文号"), ("issuer", "发文机关"), ("date", "成文日期"), ("adopted", "通过/修订"), ("effective", "施行"),
        ("expires", "有效期至"))


def _describe(field: str, v) -> str:
    """The value in words, for its tooltip: '数值：= 2,600 CNY；对象：起付标准'."""
    text = f"{KIND_LABELS[field]}：{describe.normalised(field, v)}"
    if field == "thresholds" and get(v, "subject"):
        text += f"；对象：{get(v, 'subject')}"
    return text


def provision_html(text: str, start: int, values: list[tuple[str, object]]) -> str:
    """The provision's text with its values marked; overlapping values share the overlapped characters.

    `values` are (field, value) pairs, field one of units, thresholds, deadlines, citations."""
    marks = []
    for field, v in values:
        span = get(v, "span")
        a, b = span[0] - start, span[1] - start
        if 0 <= a < b <= len(text):
            marks.append((a, b, field, v))
    cuts = sorted({0, len(text), *[m[0] for m in marks], *[m[1] for m in marks]})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b])
        active = [m for m in marks if m[0] <= a and b <= m[1]]
        if not active:
            out.append(piece)
            continue
        field = active[-1][2]
        title = " | ".join(_describe(m[2], m[3]) for m in active)
        tags = "".join(f'<span class="tag">{KIND_LABELS[m[2]]}</span>' for m in active if m[1] == b)
        out.append(f'<span class="v {field}" style="background:{COLORS[field]}" title="{html.escape(title)}">'
                   f"{piece}{tags}</span>")
    return "".join(out)


def _issue_meta(issue) -> str:
    """'2023年第2号（总第203号） · 出版 2023-03-06 · 三门峡市人民政府办公室'."""
    parts = [describe.issue_number(issue), issue.published and f"出版 {issue.published}", issue.publisher]
    return " · ".join(str(p) for p in parts if p)


def _heading(extraction) -> str:
    """The issue's title, else the (only) document's title, else the file's name."""
    if extraction.issue is not None and extraction.issue.title:
        return extraction.issue.title
    for d in extraction.documents:
        if d.title or d.doc_number:
            return d.title or d.doc_number
    return Path(extraction.text.path).name or extraction.text.path


def extraction_html(extraction) -> str:
    """The whole extraction as one HTML page."""
    e = html.escape
    heading = _heading(extraction)
    docs = extraction.documents
    parts = [f"<h1>{e(heading)}</h1>"]
    if extraction.issue is not None and _issue_meta(extraction.issue):
        parts.append(f'<p class="meta">{e(_issue_meta(extraction.issue))}</p>')
    parts.append('<p class="legend">')
    parts += [f'<span style="background:{COLORS[f]}">{KIND_LABELS[f]}</span>' for f in FIELDS]
    parts.append("</p>")
    several = len(docs) > 1
    if several:
        parts.append('<nav aria-label="documents"><ol>')
        for n, d in enumerate(docs, 1):
            num = f'<span class="num">{e(d.doc_number)}</span>' if d.doc_number else ""
            parts.append(f'<li><a href="#doc{n}">{num}{e(d.title or d.id)}</a></li>')
        parts.append("</ol></nav>")
    for n, d in enumerate(docs, 1):
        title = d.title or d.doc_number or d.id
        if several or title != heading:
            parts.append(f'<h2 id="doc{n}">{e(title)}</h2>')
        else:
            parts[0] = f'<h1 id="doc{n}">{e(heading)}</h1>'
        meta = [f"{label} {getattr(d, k)}" for k, label in META if getattr(d, k)]
        if meta:
            parts.append(f'<p class="meta">{e(" · ".join(meta))}</p>')
        for p in d.provisions:
            values = [(field, v) for field in FIELDS for v in getattr(p, field) if not get(v, "inherited")]
            body = provision_html(p.text, p.start, values)
            parts.append(f'<div class="prov" id="{e(d.id + ":" + p.id)}">'
                         f'<span class="pid">{e(p.id)}</span> {body}</div>')
            inherited = [get(u, "name") for u in p.units if get(u, "inherited")]
            if inherited:
                parts.append(f'<div class="inh">范围条款所含单位：{e("、".join(inherited))}</div>')
    return page(heading, "\n".join(parts), STYLE)


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
