"""The HTML report: one self-contained page, old | new side by side (the 新旧对照 view).

Every aligned pair of every document is a row; changed rows are marked by kind, changed words are
<del>/<ins> (a changed number marked whole: <del>100</del><ins>120</ins>), value changes are listed
under their row. The page leads with the changes: unchanged rows are hidden until the reader asks for
them (one button), and a run of provisions that only changed number is one row
(`第十二条–第三十一条 renumbered +1`) whose members open on a click. No external resources; a few lines
of inline script count the changes by kind into the header and do the showing and hiding. Every piece
of source text goes through `html.escape`.
"""
from __future__ import annotations

from html import escape

from ..htmlpage import page
from .engine import Names
from .model import Change, DiffResult, DocumentDiff, describe_link
from .text import body
from .view import RenumberRun, group_renumbered, matched_by, whole_numbers

CSS = """
body{margin:1.5em;color:#222}
h1{font-size:1.4em} h2{font-size:1.15em;margin-top:2em;border-bottom:2px solid #999}
table.pairs{border-collapse:collapse;width:100%;table-layout:fixed}
table.pairs th{background:#eee;text-align:left;padding:.3em .5em}
table.pairs td{vertical-align:top;padding:.35em .5em;border-top:1px solid #ddd;white-space:pre-wrap;
  overflow-wrap:anywhere}
tr.same td{color:#777} tr.hidden{display:none}
tr.run td{background:#eef4ff;font-weight:bold} tr.run button{font-weight:normal;margin-left:1em}
tr.change td{background:#fffbe6} tr.added td.new{background:#e9f9ec} tr.removed td.old{background:#fdecec}
tr.whole.added td.new{background:#f2fbf4} tr.whole.removed td.old{background:#fdf3f3}
tr.renumbered td{background:#eef4ff} tr.moved td{background:#f3ecff}
.label{font-weight:bold;margin-right:.4em}
.kind{float:right;font-size:.8em;color:#555;border:1px solid #aaa;border-radius:3px;padding:0 .3em}
del{background:#f8c9c9;text-decoration:line-through} ins{background:#bff0c8;text-decoration:none}
tr.values td{background:#fff;border-top:none;padding-top:0} ul.values{margin:.2em 0 .6em 1.2em;color:#7a4d00}
.meta{color:#555} .links li{color:#7a4d00}
table.pairs td.empty{background:#f7f7f7}
"""

SCRIPT = """
(function(){
  var rows=document.querySelectorAll('tr.change'), n={};
  for(var i=0;i<rows.length;i++){var k=rows[i].getAttribute('data-kind');n[k]=(n[k]||0)+1;}
  var parts=[];for(var k in n){parts.push(n[k]+' '+k);}
  document.getElementById('counts').textContent='changes in this report: '+(parts.join(', ')||'none');
  var b=document.getElementById('toggle'), shown=false;
  b.onclick=function(){shown=!shown;
    var s=document.querySelectorAll('tr.same, tr.member');
    for(var i=0;i<s.length;i++){s[i].classList.toggle('hidden',!shown);}
    b.textContent=(shown?'hide':'show')+' unchanged provisions';};
  var x=document.querySelectorAll('tr.run button');
  for(var i=0;i<x.length;i++){x[i].onclick=function(){var r=this.getAttribute('data-run');
    var m=document.querySelectorAll('tr[data-member="'+r+'"]');
    for(var j=0;j<m.length;j++){m[j].classList.toggle('hidden');}};}
})();
"""


def render(result: DiffResult) -> str:
    e = escape
    title = f"gazette diff: {result.old.get('path')} → {result.new.get('path')}"
    parts = [
        "<h1>gazette diff</h1>",
        '<table class="sides">',
        f'<tr><th>old</th><td class="meta">{e(_side(result.old))}</td></tr>',
        f'<tr><th>new</th><td class="meta">{e(_side(result.new))}</td></tr>',
        "</table>",
        f'<p id="summary">{e(_summary(result))}</p>',
        '<p id="counts"></p>',
        '<button id="toggle" type="button">show unchanged provisions</button>',
    ]
    if result.links:
        parts.append('<ul class="links">')
        for lk in result.links:
            parts.append(f"<li>{e(lk['from']['document_id'])} ({e(lk['from']['side'])}) {e(lk['relation'])} "
                         f"{e(lk['to']['document_id'])} ({e(lk['to']['side'])})</li>")
        parts.append("</ul>")
    for n, dd in enumerate(result.documents, 1):
        parts.extend(_document(dd, n))
    return page(title, "\n".join(parts), CSS, SCRIPT)


def _side(meta: dict) -> str:
    return f"{meta.get('path')}" + (f" ({meta['title']})" if meta.get("title") else "")


def _summary(result: DiffResult) -> str:
    if result.same:
        return "no differences"
    counts = result.counts()
    prov = ", ".join(f"{v} {k}" for k, v in counts["provisions"].items() if v) or "none"
    docs = ", ".join(f"{v} {k}" for k, v in counts["documents"].items() if v)
    return f"provisions: {prov}" + (f"; documents: {docs}" if docs else "")


def _document(dd: DocumentDiff, n: int) -> list[str]:
    e = escape
    head = dd.changes[0] if dd.changes and dd.changes[0].level == "document" else None
    kind = head.kind if head else "same"
    name = (dd.new or dd.old).title or (dd.new or dd.old).id
    out = [f'<section class="document {e(kind)}" id="doc{n}" data-kind="{e(kind)}">',
           f"<h2>{e(name)} <span class=\"kind\">{e(kind)}</span></h2>"]
    ids = f"{dd.old.id if dd.old else '—'} → {dd.new.id if dd.new else '—'}"
    how = matched_by(dd.matched_by) if dd.old and dd.new else ("only in old" if dd.old else "only in new")
    out.append(f'<p class="meta">{e(ids)} · {e(how)}</p>')
    if head:
        items = [f"{m['field']}: {m['old']} → {m['new']}" for m in head.extra.get("metadata", [])]
        items += [v["summary"] for v in head.values]
        items += [describe_link(lk) for lk in head.extra.get("links", [])]
        if items:
            out.append('<ul class="values">' + "".join(f"<li>{e(x)}</li>" for x in items) + "</ul>")
    rows, count = _rows(dd, n)
    changed = sum(1 for c in dd.changes if c.level != "document")
    # changed pairs open; documents on one side only, or unchanged, folded
    out.append(f"<details{' open' if kind == 'modified' else ''}><summary>{count} provisions"
               + (f", {changed} changed" if dd.alignment is not None else "") + "</summary>")
    out.append('<table class="pairs"><colgroup><col style="width:50%"><col style="width:50%"></colgroup>')
    out.append("<thead><tr><th>旧 old</th><th>新 new</th></tr></thead><tbody>")
    out.extend(rows)
    out.append("</tbody></table></details></section>")
    return out


def _rows(dd: DocumentDiff, n: int) -> tuple[list[str], int]:
    """The document's rows and how many provisions they show."""
    if dd.alignment is None:  # a document on one side only: all its provisions added or removed
        doc = dd.new or dd.old
        kind = "added" if dd.new else "removed"
        names = Names(doc)
        rows = []
        for p in doc.provisions:
            cell = (names.path(p), body(p.text, p.label))
            left, right = ((None, None), cell) if dd.new else (cell, (None, None))
            rows.append(_row(kind, left, right, None, cls=f"whole {kind}"))
        return rows, len(rows)
    changes = {(c.old_id, c.new_id): c for c in dd.changes if c.level != "document"}
    runs: dict[tuple, tuple[str, RenumberRun]] = {}
    for k, item in enumerate(group_renumbered(dd.changes), 1):
        if isinstance(item, RenumberRun):
            for c in item.changes:
                runs[(c.old_id, c.new_id)] = (f"d{n}r{k}", item)
    out = []
    a, b = dd.alignment.old, dd.alignment.new
    na, nb = Names(a), Names(b)
    for pair in dd.alignment.pairs:
        o = a.provisions[pair.old] if pair.old is not None else None
        nw = b.provisions[pair.new] if pair.new is not None else None
        c = changes.get((o.id if o else None, nw.id if nw else None))
        left = (na.path(o), body(o.text, o.label)) if o else (None, None)
        right = (nb.path(nw), body(nw.text, nw.label)) if nw else (None, None)
        member = runs.get((c.old_id, c.new_id)) if c else None
        if member and member[1].first is c:
            out.append(_run_row(*member))
        out.append(_row(c.kind if c else "same", left, right, c, run=member[0] if member else None))
    return out, len(dd.alignment.pairs)


def _run_row(run_id: str, run: RenumberRun) -> str:
    e = escape
    return (f'<tr class="run" data-kind="run" data-run="{e(run_id)}"><td colspan="2">'
            f'<span class="kind">renumbered {e(run.shift_text)}</span>{e(run.summary())}'
            f'<button type="button" data-run="{e(run_id)}">show the {len(run.changes)} provisions</button>'
            "</td></tr>")


def _row(kind: str, left, right, c: Change | None, cls: str | None = None, run: str | None = None) -> str:
    e = escape
    cls = cls or ("same hidden" if kind == "same" else f"change {kind}")
    if run:
        cls += " member hidden"
    attrs = f' class="{e(cls)}" data-kind="{e(kind)}"' + (f' data-member="{e(run)}"' if run else "")
    if c is not None:
        attrs += f' data-old-id="{e(c.old_id or "")}" data-new-id="{e(c.new_id or "")}"'
    if c is not None and c.text_changed:
        segments = whole_numbers(c.diff)
        old_html = _marked(segments, "old")
        new_html = _marked(segments, "new")
    else:
        old_html = e(left[1] or "")
        new_html = e(right[1] or "")
    badge = f'<span class="kind">{e(kind)}</span>' if kind != "same" else ""
    if c is not None and c.relation:
        badge = f'<span class="kind">{e(kind)} · {e(c.relation)}</span>'
    cells = []
    for side, (label, _), html in (("old", left, old_html), ("new", right, new_html)):
        if label is None:
            cells.append(f'<td class="{side} empty"></td>')
        else:
            lab = f'<span class="label">{e(label)}</span>'
            cells.append(f'<td class="{side}">{badge if side == "new" or right[0] is None else ""}{lab}{html}</td>')
    row = f"<tr{attrs}>{''.join(cells)}</tr>"
    if c is not None and c.values:
        items = "".join(f"<li>{e(v['summary'])}</li>" for v in c.values)
        row += f'<tr class="values" data-kind="values"><td colspan="2"><ul class="values">{items}</ul></td></tr>'
    return row


def _marked(segments: list[dict], side: str) -> str:
    skip, tag = ("insert", "del") if side == "old" else ("delete", "ins")
    out = []
    for s in segments:
        if s["op"] == skip:
            continue
        text = escape(s.get("old", s["text"]) if side == "old" else s["text"])
        out.append(text if s["op"] == "equal" else f"<{tag}>{text}</{tag}>")
    return "".join(out)
