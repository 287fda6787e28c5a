"""The JSON report: the contract in DESIGN.md (tools and tests read it)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

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
    return "".join(pieces(result))


def pieces(result: Result, **_: object) -> Iterator[str]:
    """One source, finding or error per line: diffable and greppable, and written by the C encoder
    (an indented dump goes through the pure-Python one: seconds on a large archive). Each finding
    is turned into its dict and dumped as it is needed, so an archive's report is never held whole."""
    sources = [{"id": s.id, "path": s.path, "date": s.date} for s in sorted(result.sources, key=lambda s: s.id)]
    yield '{"version": 1,\n"sources": '
    yield from _items(sources)
    yield f',\n"claims": {len(result.claims)},\n"findings": '
    yield from _items(f.as_dict() for f in result.findings)
    yield ',\n"errors": '
    yield from _items(str(e) for e in result.errors)
    yield "}\n"


def _items(items: Iterable) -> Iterator[str]:
    """A JSON array, one item per line."""
    first = True
    for x in items:
        yield "[\n  " if first else ",\n  "
        yield json.dumps(x, ensure_ascii=False)
        first = False
    yield "[]" if first else "\n]"
