"""The whole check as plain functions: load, extract, resolve, apply rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .errors import CrossfactError
from .extract import extract
from .extract.packs import choose, vocabulary
from .kinds import KINDS
from .kinds.base import Context, Rule
from .model import SEVERITY_RANK, Claim, Finding, Source
from .resolve import resolve


@dataclass
class Result:
    sources: list[Source]
    claims: list[Claim]
    findings: list[Finding]
    errors: list[CrossfactError] = field(default_factory=list)


def extract_all(sources: list[Source], pack_names: list[str] | None = None) -> dict[str, list[Claim]]:
    packs = choose([s.text for s in sources], pack_names)
    return {s.id: extract(s, packs) for s in sources}


def run_rules(rules: Iterable[Rule], sources: list[Source], claims: list[Claim],
              registry: dict[str, str] | None = None) -> list[Finding]:
    ctx = Context({s.id: s for s in sources}, resolve(claims, registry, vocabulary()), claims)
    findings: dict[str, Finding] = {}
    for rule in rules:
        if rule.severity == "off":
            continue
        for f in KINDS[rule.kind].check(rule, claims, ctx):
            findings.setdefault(f.fingerprint, f)
    return sorted(findings.values(), key=Finding.sort_key)


def check(sources: list[Source], rules: list[Rule], reviewed: dict[str, list[Claim]] | None = None,
          registry: dict[str, str] | None = None, pack_names: list[str] | None = None) -> Result:
    extracted = extract_all(sources, pack_names)
    if reviewed:
        from .claimstore import merge

        extracted = {sid: merge(claims, reviewed.get(sid, [])) for sid, claims in extracted.items()}
    claims = [c for sid in sorted(extracted) for c in extracted[sid]]
    return Result(sources, claims, run_rules(rules, sources, claims, registry))


def worst(findings: list[Finding]) -> int:
    return max((SEVERITY_RANK[f.severity] for f in findings), default=-1)
