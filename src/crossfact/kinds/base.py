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


class _Verdicts(dict):
    """Which predicates a rule's globs select, filled in as predicates are met: a story has a few
    dozen predicates and thousands of claims, so each is matched once, not once per claim."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        super().__init__()
        self.match = re.compile("|".join(f"(?:{translate(p)})" for p in patterns)).match

    def __missing__(self, predicate: str) -> bool:
        verdict = self.match(predicate) is not None
        if len(self) < 4096:  # reviewers' claims files may invent predicates: memory stays bounded
            self[predicate] = verdict
        return verdict


@lru_cache(maxsize=256)
def _selector(patterns: tuple[str, ...]) -> _Verdicts:
    return _Verdicts(patterns)


def selected(rule: Rule, claims: Iterable[Claim]) -> list[Claim]:
    """The claims a rule looks at: its predicate globs, reviewers' rejections left out."""
    chosen = _selector(rule.select)
    return [c for c in claims if chosen[c.predicate] and c.status != "rejected"]


def side(value: str, claims: Iterable[Claim], normalized: str | None = None,
         extra: Iterable[Evidence] = ()) -> Side:
    claims = list(claims)
    evidence = sorted({c.evidence for c in claims} | set(extra), key=lambda e: (e.source, e.line, e.column))
    sources = tuple(sorted({e.source for e in evidence}))
    return Side(value, sources, tuple(evidence), normalized)


NUMERIC = ("seconds", "alt_seconds", "minutes", "minute", "value")


def _well_formed(c: Claim, sources: dict[str, Source]) -> bool:
    """A claim the rules can read: its source is checked, and its numbers are numbers (a reviewer's
    hand-made claim may carry text where the extractor writes a number)."""
    v = c.value
    if c.source not in sources or not isinstance(v, dict):
        return False
    for key in NUMERIC:
        if key in v and v[key] is not None and (isinstance(v[key], bool) or not isinstance(v[key], (int, float))):
            return False
    if v.get("type") == "year" and not str(v.get("text", "")).isdigit():
        return False
    if c.predicate == "relative":
        days = v.get("days")
        return isinstance(days, (list, tuple)) and len(days) == 2 and all(
            isinstance(d, (int, float)) and not isinstance(d, bool) for d in days)
    if c.predicate == "result.margin" and not isinstance(v.get("seconds"), (int, float)):
        return False
    return True


def usable(claims: list[Claim], ctx: Context) -> list[Claim]:
    """The claims every kind reads, computed once per check (see `_well_formed`)."""
    if "usable" not in ctx.memo:
        ctx.memo["usable"] = [c for c in claims if _well_formed(c, ctx.sources)]
    return ctx.memo["usable"]


def sentences_of(ctx: Context, source_id: str) -> tuple:
    """A source's sentences, split once per check however many rules read them."""
    key = ("sentences", source_id)
    if key not in ctx.memo:
        from ..text import sentences

        ctx.memo[key] = sentences(ctx.sources[source_id].text)
    return ctx.memo[key]
