"""What every kind shares: the check context, selection, and building sides of a finding."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from fnmatch import translate
from functools import lru_cache
from typing import Any

from ..model import Claim, Evidence, Side, Source
from ..resolve import Resolution


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    description: str
    severity: str
    select: tuple[str, ...]
    options: dict[str, Any]
    examples: dict[str, list[str]] = field(default_factory=dict)
    origin: str = ""


@dataclass
class Context:
    sources: dict[str, Source]
    resolution: Resolution
    claims: list[Claim]
    memo: dict = field(default_factory=dict)  # work a kind does once per check (place containment)


@lru_cache(maxsize=256)
def _selector(patterns: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{translate(p)})" for p in patterns))


def selected(rule: Rule, claims: Iterable[Claim]) -> list[Claim]:
    """The claims a rule looks at: its predicate globs, reviewers' rejections left out."""
    match = _selector(rule.select).match
    return [c for c in claims if c.status != "rejected" and match(c.predicate)]


def side(value: str, claims: Iterable[Claim], normalized: str | None = None,
         extra: Iterable[Evidence] = ()) -> Side:
    claims = list(claims)
    evidence = sorted({c.evidence for c in claims} | set(extra), key=lambda e: (e.source, e.line, e.column))
    sources = tuple(sorted({e.source for e in evidence}))
    return Side(value, sources, tuple(evidence), normalized)
