"""`crossfact rules test`: run each rule's own examples, as Semgrep and Vale let authors do.

An example is a small corpus written inline: reports separated by " | ". A
`flagged` example must make the rule report at least one finding, a
`not_flagged` one none.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import pipeline, sources
from .extract.packs import builtin_packs
from .kinds.base import Rule


def corpus(example: str) -> list[sources.Source]:
    return [sources.parse(text.strip() + "\n", f"example-{i}.txt", f"r{i}")
            for i, text in enumerate(example.split(" | "))]


def findings_for(rule: Rule, example: str, packs: list[str] = ()) -> int:
    """Every pack is on for an example: a rule's example must not depend on pack detection."""
    srcs = corpus(example)
    result = pipeline.check(srcs, [rule], pack_names=[p.name for p in builtin_packs()] + list(packs))
    return len(result.findings)


def run_examples(rules: list[Rule], packs: list[str] = ()) -> Iterator[tuple[Rule, bool, str]]:
    for rule in rules:
        for example in rule.examples.get("flagged", []):
            n = findings_for(rule, example, packs)
            yield rule, n > 0, f"flagged example gives {n} finding(s): {example[:70]!r}"
        for example in rule.examples.get("not_flagged", []):
            n = findings_for(rule, example, packs)
            yield rule, n == 0, f"not-flagged example gives {n} finding(s): {example[:70]!r}"
