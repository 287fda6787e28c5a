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
    return json.dumps(as_dict(result), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
