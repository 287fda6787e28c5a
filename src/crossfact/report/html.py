"""One self-contained HTML page for an editor: summary, findings, sources, names, filters.

Reports are untrusted text: every piece of it goes through ``html.escape`` (quotes
too, for attributes) and nothing from a report ever becomes markup, an id or a URL.
As a second wall, a Content-Security-Policy meta tag allows no network at all and
only the page's own script (by its hash), so even a tag that escaped escaping could
not run. The page needs no assets: styles and the filter script are inline.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from html import escape

from ..model import SEVERITIES, Evidence, Finding, Side, Source
from ..pipeline import Result

STYLE = """body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72em;padding:1em;color:#222}
h1{font-size:1.4em}.summary span{margin-right:1.2em}.finding{border-left:5px solid #888;margin:.8em 0;
padding:.3em .8em;background:#fafafa}.finding[hidden]{display:none}.error{border-color:#c0392b}
.warning{border-color:#d68910}.info{border-color:#2e86c1}.sev{font-weight:bold;text-transform:uppercase}
.side{margin:.3em 0 .3em 1em}.val{font-weight:bold}mark{background:#ffe08a}mark.diff{background:#f5b7b1}
.src pre{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:.5em}.ln{color:#999;
display:inline-block;width:4em;user-select:none}.flag{background:#f9c9c3}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}#filters{position:sticky;top:0;
background:#eef;padding:.4em}"""
SCRIPT = """(function(){function apply(){var sev={};document.querySelectorAll('#filters input').forEach(
function(b){sev[b.value]=b.checked});var rule=document.getElementById('rule').value,shown=0;
document.querySelectorAll('.finding').forEach(function(f){var on=sev[f.dataset.severity]&&(rule===''||
f.dataset.rule===rule);f.hidden=!on;if(on)shown++});document.getElementById('shown').textContent=shown}
document.querySelectorAll('#filters input,#filters select').forEach(function(e){e.addEventListener('change',
apply)});apply()})();"""


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def _marked(text: str, other: str | None, value: str) -> str:
    """The sentence escaped, with the words that differ from `other` (difflib) and the value marked."""
    tokens = re.split(r"(\s+)", text)
    changed = [False] * len(tokens)
    if other is not None:
        theirs = re.split(r"(\s+)", other)
        sm = SequenceMatcher(None, tokens, theirs, autojunk=False)
        if sm.ratio() >= 0.6:  # only near-identical sentences: else every word would differ
            for op, i1, i2, _, _ in sm.get_opcodes():
                for i in range(i1, i2):
                    changed[i] = op != "equal" and not tokens[i].isspace()
    pairs = zip(tokens, changed, strict=True)
    out = "".join(f'<mark class="diff">{escape(t)}</mark>' if c else escape(t) for t, c in pairs)
    if value and not any(changed):
        out = out.replace(escape(value), f'<mark>{escape(value)}</mark>', 1)
    return out


def _spot(e: Evidence, index: dict[str, int]) -> str:
    where = escape(f"{e.path}:{e.line}:{e.column}")
    return f'<a href="#s{index[e.source]}-L{e.line}">{where}</a>' if e.source in index else where


def _side(side: Side, other: Side | None, index: dict[str, int]) -> str:
    theirs = other.evidence[0].text if other is not None and other.evidence else None
    rows = "".join(f"<li>{_spot(e, index)}: {_marked(e.text, theirs if k == 0 else None, side.value)}</li>"
                   for k, e in enumerate(side.evidence[:5]))
    more = f"<li>… and {len(side.evidence) - 5} more</li>" if len(side.evidence) > 5 else ""
    who = escape(", ".join(side.sources) or "computed")
    return f'<div class="side"><span class="val">{escape(side.value)}</span> ({who})<ul>{rows}{more}</ul></div>'


def _finding(f: Finding, n: int, index: dict[str, int]) -> str:
    sides = []
    for i, s in enumerate(f.values):
        other = f.values[1 - i] if len(f.values) == 2 else None
        sides.append(_side(s, other, index))
    tip = f"<p>suggestion: <b>{escape(f.suggestion)}</b></p>" if f.suggestion else ""
    return (f'<section class="finding {escape(f.severity)}" id="f{n}" data-severity="{escape(f.severity)}" '
            f'data-rule="{escape(f.rule, quote=True)}"><p><span class="sev">{escape(f.severity)}</span> '
            f'[{escape(f.rule)}] {escape(f.message)}</p>{"".join(sides)}{tip}</section>')


def _source(src: Source, i: int, findings: list[Finding]) -> str:
    """The report whole, by line, with the flagged spans of every finding highlighted."""
    spans: list[tuple[int, int]] = []
    for f in findings:
        for s in f.values:
            if src.id in f.flagged and src.id in s.sources:
                for e in s.evidence:
                    if e.source == src.id:
                        last = len(src.line_starts)
                        spans.append((src.line_starts[min(e.line, last) - 1] + e.column - 1,
                                      src.line_starts[min(e.end_line, last) - 1] + e.end_column - 1))
    flagged = bytearray(len(src.text) + 1)
    for a, b in spans:
        flagged[max(a, 0):max(b, a + 1)] = b"\x01" * (max(b, a + 1) - max(a, 0))
    lines = []
    for n, start in enumerate(src.line_starts, 1):
        end = src.line_starts[n] if n < len(src.line_starts) else len(src.text)
        text = src.text[start:end].rstrip("\r\n")
        if not text.strip():
            continue
        parts = [(k, "".join(ch for _, ch in grp)) for k, grp in _runs(text, flagged, start)]
        body = "".join(f'<span class="flag">{escape(t)}</span>' if k else escape(t) for k, t in parts)
        lines.append(f'<div id="s{i}-L{n}"><span class="ln">{n}</span>{body}</div>')
    return (f'<section class="src" id="s{i}"><h3>{escape(src.id)} <small>{escape(src.path)}'
            f'{" · " + escape(src.date) if src.date else ""}</small></h3><pre>{"".join(lines)}</pre></section>')


def _runs(text: str, flagged: bytearray, start: int):
    from itertools import groupby

    return groupby(((flagged[start + j] if start + j < len(flagged) else 0, ch) for j, ch in enumerate(text)),
                   key=lambda p: p[0])


def _names(result: Result) -> str:
    variants: dict[str, Counter] = defaultdict(Counter)
    where: dict[str, set[str]] = defaultdict(set)
    for c in result.claims:
        if c.predicate == "name" and c.status != "rejected" and c.subject:
            variants[c.subject][c.text] += 1
            where[c.subject].add(c.source)
    rows = [f"<tr><td>{escape(name)}</td><td>{len(where[name])}</td><td>"
            + ", ".join(f"{escape(v)} ({n})" for v, n in counts.most_common()) + "</td></tr>"
            for name, counts in sorted(variants.items(), key=lambda kv: (-len(where[kv[0]]), kv[0]))
            if sum(counts.values()) > 1]
    return ("<table><tr><th>name</th><th>sources</th><th>written as (mentions)</th></tr>"
            + "".join(rows) + "</table>")


def render(result: Result, **_: object) -> str:
    index = {s.id: i for i, s in enumerate(result.sources)}
    counts = Counter(f.severity for f in result.findings)
    boxes = "".join(f'<label><input type="checkbox" value="{s}" checked> {s} ({counts[s]})</label> '
                    for s in reversed(SEVERITIES))
    rules = "".join(f'<option value="{escape(r, quote=True)}">{escape(r)}</option>'
                    for r in sorted({f.rule for f in result.findings}))
    summary = (f'<p class="summary"><span>{len(result.sources)} sources</span><span>{len(result.claims)} claims'
               f'</span>' + "".join(f"<span>{counts[s]} {s}</span>" for s in reversed(SEVERITIES))
               + (f"<span>{len(result.errors)} input errors</span>" if result.errors else "") + "</p>")
    errors = "".join(f"<li>{escape(str(e))}</li>" for e in result.errors)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{_csp()}">'
            f"<title>crossfact report</title><style>{STYLE}</style></head><body><h1>crossfact report</h1>"
            f"{summary}{'<ul>' + errors + '</ul>' if errors else ''}"
            f'<div id="filters">{boxes}<select id="rule"><option value="">all rules</option>{rules}</select> '
            f'<span id="shown">{len(result.findings)}</span> shown</div><h2>Findings</h2>'
            + "".join(_finding(f, n, index) for n, f in enumerate(result.findings))
            + "<h2>Names</h2>" + _names(result) + "<h2>Sources</h2>"
            + "".join(_source(s, index[s.id], result.findings) for s in result.sources if s.text.strip())
            + f"<script>{SCRIPT}</script></body></html>\n")
