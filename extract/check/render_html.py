"""The editor's report: one self-contained HTML page a gazette editor reads and passes on.

For each file: the findings grouped by severity (error, warning, info) and rule, each rule with its
explanation (What / Why) and its fix (Example → Use instead) from the registry, each finding linked to
its place; then the source text, line-numbered as `path:line:col` counts, with every finding marked
where it is (a zero-width finding, such as a page break that split a paragraph, as a pin). Stretches of
text far from any finding are folded (one click opens them), so the page leads with what is wrong.

Source text is escaped (html.escape); no scripts, no external resources.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from html import escape

from ..htmlpage import page
from .registry import SEVERITIES, Finding, Rule

CONTEXT = 3  # lines shown around each finding; longer runs without one are folded
SEVERITY_NAMES = {"error": "错误 error", "warning": "警告 warning", "info": "提示 info"}
CSS = """
body { margin: 1.5em auto; max-width: 72em; padding: 0 1em; color: #222; line-height: 1.6; }
h1 { font-size: 1.4em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 2px solid #999; }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
.totals span, .sev { display: inline-block; padding: 0 .45em; border-radius: .25em; margin-right: .4em; }
.error { --c: #c62828; --bg: #fde3e3; } .warning { --c: #b26a00; --bg: #fff0cc; } .info { --c: #1565c0; --bg: #e3efff; }
.totals span, .sev { color: #fff; background: var(--c); font-size: .85em; }
.rule { border-left: 4px solid var(--c); background: #fafafa; margin: .6em 0; padding: .4em .8em; }
.rule .head { font-weight: bold; } .rule .name { color: #555; font-weight: normal; }
.rule .what { margin: .2em 0; color: #444; }
.rule .fix { display: flex; flex-wrap: wrap; gap: .3em 1em; margin: .2em 0; }
.rule .fix span { white-space: pre-wrap; padding: 0 .4em; border-radius: .2em; }
.rule .wrong { background: #fdecec; } .rule .right { background: #e9f9ec; }
.rule details.why summary { color: #777; font-size: .85em; cursor: pointer; } .rule details.why p { margin: .2em 0; }
.rule ol { margin: .3em 0 .2em 1.2em; padding: 0; } .rule li { margin: .1em 0; }
.loc { font-family: monospace; }
.text { border: 1px solid #ddd; margin-top: 1em; }
.ln { display: flex; } .ln:target, .ln.hit { background: #fffdf3; }
.n { flex: 0 0 4.5em; text-align: right; padding-right: .8em; color: #999; user-select: none;
     font-family: monospace; border-right: 1px solid #eee; }
.t { flex: 1; white-space: pre-wrap; word-break: break-all; padding-left: .6em; min-height: 1.6em; }
mark.f { background: var(--bg); border-bottom: 2px solid var(--c); color: inherit; padding: 0 .05em; }
mark.pin { background: none; border: none; color: var(--c); font-weight: bold; }
a.code { font-size: .68em; font-weight: bold; color: #fff; background: var(--c); border-radius: .2em;
         padding: 0 .25em; margin: 0 .1em; text-decoration: none; vertical-align: .15em; white-space: nowrap; }
details.fold > summary { color: #777; font-size: .85em; padding: .15em .6em; cursor: pointer; background: #f6f6f6; }
.clean { color: #2e7d32; }
"""


@dataclass
class FileReport:
    """One checked file: its Text (source, offsets), what it is, and its findings."""

    path: str
    text: object  # extract.ingest.text.Text
    title: str | None
    findings: list[Finding]
    error: str | None = None  # the file could not be read


def source_span(f: Finding, text) -> tuple[int, int]:
    """Where the finding is in the source text (removals carry their own source span)."""
    if f.source_span is not None:
        return tuple(f.source_span)
    start = text.to_source(f.start)
    end = f.end if f.end is not None else f.start
    return (start, text.to_source(end - 1) + 1) if end > f.start else (start, start)


def _counts(findings: list[Finding]) -> dict[str, int]:
    return {s: n for s in SEVERITIES if (n := sum(1 for f in findings if f.severity == s))}


def _totals(findings: list[Finding]) -> str:
    counts = _counts(findings)
    if not counts:
        return '<p class="totals clean">no findings</p>'
    n = len(findings)
    return (f'<p class="totals">{n} finding{"s" if n != 1 else ""}: '
            + "".join(f'<span class="{s}">{c} {s}{"s" if c != 1 else ""}</span>' for s, c in counts.items())
            + "</p>")


def _where(f: Finding, fmt: str) -> str:
    if fmt == "pdf" and f.page is not None:
        return f"p{f.page} · {f.line}:{f.column}"
    return f"{f.line}:{f.column}"


def _rule_block(rule: Rule, hits: list[tuple[int, Finding]], fid: str, fmt: str) -> str:
    """A rule with its findings: what it looks for and the fix (wrong → right) in view, why behind a click."""
    e = escape
    items = "".join(f'<li><a class="loc" href="#{fid}-{k}">{e(_where(f, fmt))}</a> {e(f.message)}</li>'
                    for k, f in hits)
    return (f'<div class="rule {e(rule.severity)}" id="{fid}-{e(rule.code)}">'
            f'<div class="head"><span class="sev">{e(rule.code)}</span>{e(rule.summary)} '
            f'<span class="name">({e(rule.name)}, {len(hits)})</span></div>'
            f'<p class="what">{e(rule.what)}</p>'
            f'<div class="fix"><span class="wrong" title="Example">✗ {e(rule.example)}</span>'
            f'<span class="right" title="Use instead">✓ {e(rule.instead)}</span></div>'
            f"<ol>{items}</ol>"
            f'<details class="why"><summary>Why</summary><p>{e(rule.why)}</p></details></div>')


def _lines(source: str) -> list[tuple[int, int]]:
    """(start, end) of each line of the source, without its line feed."""
    lines, pos = [], 0
    for raw in source.split("\n"):
        lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    return lines


def _line_range(starts: list[int], s: int, t: int) -> range:
    """The (0-based) lines a source span [s, t) touches."""
    first = bisect.bisect_right(starts, s) - 1
    return range(first, bisect.bisect_right(starts, max(s, t - 1)) - 1 + 1)


def _marked_lines(source: str, lines, marks: list[tuple[int, int, int, Finding]], fid: str) -> list[str]:
    """Each source line as HTML, the findings marked: (start, end, k, finding) in source offsets."""
    by_line: dict[int, list] = defaultdict(list)
    starts = [a for a, _ in lines]
    for m in marks:
        for i in _line_range(starts, m[0], m[1]):
            by_line[i].append(m)
    return [_line_html(source, a, b, by_line.get(i, []), fid) for i, (a, b) in enumerate(lines)]


def _line_html(source: str, a: int, b: int, marks, fid: str) -> str:
    e = escape
    if not marks:
        return e(source[a:b])
    cuts = {a, b}
    for s, t, _, _ in marks:
        cuts.update(x for x in (s, t) if a <= x <= b)
    cuts = sorted(cuts)
    out = []

    def events_at(x: int) -> str:
        html = ""
        for s, t, k, f in marks:
            if s == x and s == t:  # a pin
                html += (f'<mark class="f pin {e(f.severity)}" id="{fid}-{k}" title="{e(f.code + " " + f.message)}">'
                         f'▾<a class="code" href="#{fid}-{e(f.code)}">{e(f.code)}</a></mark>')
            elif s == x:
                html += f'<span id="{fid}-{k}"></span>'
        return html

    for x, y in zip(cuts, cuts[1:] + [None]):
        out.append(events_at(x))
        if y is None:
            break
        piece = e(source[x:y])
        active = [m for m in marks if m[0] <= x and y <= m[1] and m[0] < m[1]]
        if active:
            worst = min(active, key=lambda m: SEVERITIES.index(m[3].severity))[3]
            title = " | ".join(f"{m[3].code} {m[3].message}" for m in active)
            out.append(f'<mark class="f {e(worst.severity)}" title="{e(title)}">{piece}</mark>')
        else:
            out.append(piece)
        for s, t, k, f in marks:  # the code after the end of the marked text
            if s < t and t == y:
                out.append(f'<a class="code {e(f.severity)}" href="#{fid}-{e(f.code)}">{e(f.code)}</a>')
    return "".join(out)


def _text_block(report: FileReport, fid: str, ks: list[tuple[int, Finding]]) -> list[str]:
    text = report.text
    marks = []
    for k, f in ks:
        s, t = source_span(f, text)
        if not text.source[s:t].strip():
            t = s  # white space only (the blank lines of a page break): a pin where it starts
        marks.append((s, t, k, f))
    spans = _lines(text.source)
    lines = _marked_lines(text.source, spans, marks, fid)
    starts = [a for a, _ in spans]
    hit_lines = {(f.line or 1) - 1 for _, f in ks}
    for s, t, _, _ in marks:
        hit_lines.update(_line_range(starts, s, t))
    keep = {i for h in hit_lines for i in range(h - CONTEXT, h + CONTEXT + 1)}
    out = ['<div class="text">']
    i = 0
    while i < len(lines):
        if i in keep or not ks:
            out.append(_ln(i, lines[i], fid, i in hit_lines))
            i += 1
            continue
        j = i
        while j < len(lines) and j not in keep:
            j += 1
        if j - i <= 6:  # a short run is not worth a click
            out.extend(_ln(x, lines[x], fid, False) for x in range(i, j))
        else:
            out.append(f'<details class="fold"><summary>lines {i + 1}–{j} (no findings)</summary>')
            out.extend(_ln(x, lines[x], fid, False) for x in range(i, j))
            out.append("</details>")
        i = j
    out.append("</div>")
    return out


def _ln(i: int, html: str, fid: str, hit: bool) -> str:
    return (f'<div class="ln{" hit" if hit else ""}" id="{fid}-L{i + 1}"><span class="n">{i + 1}</span>'
            f'<span class="t">{html}</span></div>')


def _file_section(report: FileReport, n: int, rules: dict[str, Rule], alone: bool = False) -> list[str]:
    """One file's findings and text; `alone` when it is the page's only file (the page heading names it)."""
    e = escape
    fid = f"f{n}"
    out = [f'<section class="file" id="{fid}">']
    if not alone:
        out.append(f"<h2>{e(report.title or report.path)}</h2>")
    out.append(f'<p class="loc">{e(report.path)}</p>')
    if report.error:
        return out + [f'<p class="error">cannot check this file: {e(report.error)}</p>', "</section>"]
    ks = list(enumerate(report.findings, 1))
    out.append(_totals(report.findings))
    fmt = report.text.format
    for sev in SEVERITIES:
        mine = [(k, f) for k, f in ks if f.severity == sev]
        if not mine:
            continue
        out.append(f'<h3 class="{sev}"><span class="sev">{len(mine)}</span>{SEVERITY_NAMES[sev]}</h3>')
        by_rule: dict[str, list] = defaultdict(list)
        for k, f in mine:
            by_rule[f.code].append((k, f))
        for code in sorted(by_rule):
            out.append(_rule_block(rules[code], by_rule[code], fid, fmt))
    out.append("<h3>Text</h3>")
    out.extend(_text_block(report, fid, ks))
    out.append("</section>")
    return out


def render(reports: list[FileReport], rules: dict[str, Rule]) -> str:
    """The whole report, one page for every checked file."""
    every = [f for r in reports for f in r.findings]
    title = (reports[0].title or reports[0].path) if len(reports) == 1 else f"{len(reports)} files"
    body = [f"<h1>gazette check: {escape(title)}</h1>"]
    if len(reports) > 1:
        body.append(_totals(every))
        body.append("<ol>" + "".join(
            f'<li><a href="#f{n}">{escape(r.title or r.path)}</a> '
            f"({len(r.findings) if not r.error else 'unreadable'})</li>" for n, r in enumerate(reports, 1))
            + "</ol>")
    for n, r in enumerate(reports, 1):
        body.extend(_file_section(r, n, rules, alone=len(reports) == 1))
    return page(f"gazette check: {title}", "\n".join(body), CSS)
