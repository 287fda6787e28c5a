"""The JSON report: the contract in DESIGN.md (tools and tests read it)."""

from __future__ import annotations

import json

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
    (an indented dump goes through the pure-Python one: seconds on a large archive)."""
    data = as_dict(result)

    def lines(items: list) -> str:
        if not items:
            return "[]"
        return "[\n  " + ",\n  ".join(json.dumps(x, ensure_ascii=False) for x in items) + "\n]"

    return ('{"version": 1,\n"sources": ' + lines(data["sources"]) + ',\n"claims": ' + str(data["claims"])
            + ',\n"findings": ' + lines(data["findings"]) + ',\n"errors": ' + lines(data["errors"]) + "}\n")
