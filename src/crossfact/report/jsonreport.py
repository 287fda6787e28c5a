"""The JSON report: the contract in DESIGN.md (tools and tests read it)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..pipeline import Result


def as_dict(result: Result) -> dict:
    return {
        "version": 1,
        "sources": [{"id": s.id, "path": s.path, "date": s.date} for s in sorted(result.sources, key=lambda s: s.id)],
        "claims": len(result.claims),
        "findings": [f.as_dict() for f in result.findings],
        "errors": [str(e) for e in result.errors],
    }


def render(result: Result, **_: object) -> str:
    """One source, finding or error per line: diffable and greppable, and written by the C encoder
    (an indented dump goes through the pure-Python one: seconds on a large archive). Each finding
    is turned into its dict and dumped alone, so a large archive never holds the whole tree."""
    sources = [{"id": s.id, "path": s.path, "date": s.date} for s in sorted(result.sources, key=lambda s: s.id)]
    out = ['{"version": 1,\n"sources": ']
    _items(out, sources)
    out.append(f',\n"claims": {len(result.claims)},\n"findings": ')
    _items(out, (f.as_dict() for f in result.findings))
    out.append(',\n"errors": ')
    _items(out, (str(e) for e in result.errors))
    out.append("}\n")
    return "".join(out)  # one join of small pieces: the report is never copied twice


def _items(out: list[str], items: Iterable) -> None:
    """A JSON array, one item per line, appended to `out` piece by piece."""
    start = len(out)
    for x in items:
        out.append(",\n  " if len(out) > start else "[\n  ")
        out.append(json.dumps(x, ensure_ascii=False))
    out.append("\n]" if len(out) > start else "[]")
