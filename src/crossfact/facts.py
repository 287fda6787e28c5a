"""facts.yaml: the desk's verified claims and canonical names, which outrank any number of sources.

A facts file holds ``claims:`` in the claims/ format (status confirmed) and ``names:``,
an entity registry (canonical name -> aliases). Its claims take part in the check as
one more source, id ``facts``; afterwards every finding with a side that the facts
hold is turned round: the sources on the other sides are flagged and the fact is the
suggestion, however many sources disagree with it. Each fact keeps its provenance
(the source, file and span it was promoted from), so a reader can still trace it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from . import claimstore
from .errors import CrossfactError
from .model import Claim, Evidence, Finding, Source

FACTS_ID = "facts"
HEADER = "# crossfact facts: verified claims (status confirmed) and canonical names; they outrank the sources.\n"


@dataclass
class Facts:
    path: str
    claims: list[Claim] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # a registry, as checkrun.load_registry builds

    def source(self) -> Source:
        """An empty source that stands for the facts in reports (its claims come from the file)."""
        return Source(id=FACTS_ID, path=self.path, text="", meta=(("title", "verified facts"),), line_starts=(0,))


def _read(path: Path) -> tuple[dict[str, Any], yaml.Node | None]:
    from .rules import compose

    try:
        data, node = compose(path.read_text("utf-8"), str(path))
    except OSError as exc:
        raise CrossfactError(f"cannot read facts: {exc.strerror}", path=str(path)) from None
    if data is None:
        return {}, node
    if not isinstance(data, dict) or not isinstance(data.get("claims") or [], list):
        raise CrossfactError("a facts file is a mapping with 'claims' (a list) and 'names'", path=str(path))
    return data, node


def load(path: Path) -> Facts:
    """The facts in `path`; each claim's evidence points at its entry in the facts file."""
    from .checkrun import registry_from
    from .rules import locate

    data, node = _read(path)
    facts = Facts(str(path), names=registry_from(data.get("names") or {}, str(path)))
    for i, raw in enumerate(data.get("claims") or []):
        claim = claimstore.from_dict(raw, FACTS_ID, str(path))
        if claim.status == "rejected":
            continue
        line, col = locate(node, ["claims", i]) or (1, 1)
        e = claim.evidence
        evidence = Evidence(FACTS_ID, str(path), line, col, line, col + 1, e.text)
        # manual: kept whole when merged as reviewed claims of an empty source (never "orphaned")
        facts.claims.append(replace(claim, evidence=evidence, status="manual"))
    return facts


def outrank(findings: list[Finding]) -> list[Finding]:
    """A side the facts hold wins: flag the sources on the other sides, suggest the fact."""
    out = []
    for f in findings:
        held = [s for s in f.values if FACTS_ID in s.sources]
        if not held or len(held) == len(f.values):
            out.append(f)
            continue
        others = sorted({sid for s in f.values if s not in held for sid in s.sources} - {FACTS_ID})
        fact = held[0].value
        out.append(replace(f, flagged=tuple(others), suggestion=fact,
                           message=f"{f.message} — the verified facts say {fact!r}"))
    return out


def add(facts_path: Path, claims_dir: Path, source_id: str, claim_id: str) -> Claim:
    """Promote claim `claim_id` of claims/<source_id>.yaml into facts.yaml, keeping its provenance."""
    target = claims_dir / f"{source_id}.yaml"
    if not target.exists():
        raise CrossfactError(f"no claims for source {source_id!r}", path=str(target))
    found = [c for c in claimstore.read(target) if c.id == claim_id]
    if not found:
        raise CrossfactError(f"no claim {claim_id!r} in the claims of {source_id}", path=str(target))
    claim = found[0]
    data, _ = _read(facts_path) if facts_path.exists() else ({}, None)
    items = list(data.get("claims") or [])
    if any(isinstance(d, dict) and d.get("id") == claim.id for d in items):
        raise CrossfactError(f"claim {claim.id} is already a fact", path=str(facts_path))
    entry = claimstore.to_dict(replace(claim, status="confirmed"))
    e = claim.evidence
    entry["provenance"] = {"source": claim.source, "claims_file": e.path, "line": e.line, "column": e.column,
                           "end_line": e.end_line, "end_column": e.end_column}
    out = {"names": data.get("names") or {}, "claims": [*items, entry]}
    body = yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=100)
    claimstore.write_atomic(facts_path, HEADER + body)
    return claim
