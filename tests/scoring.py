"""A small answer-key matcher with the same rules as ../shared/tools/score.py.

A finding matches an expected entry when every expected value (or one of its
alternatives, when the value is itself a list) occurs, case-insensitively, as a
substring of the finding's value strings, or, for entries of kind temporal or
arithmetic and for findings with two or more values, of its evidence sentences;
and every expected source prefix is among the sources the finding names. A
must_not_flag pair is violated when both strings are among a finding's values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEP = " \u241f "


def finding_texts(f: dict[str, Any]) -> tuple[str, str]:
    """(value strings, evidence sentences) of a JSON finding, lower-cased."""
    vals, ev = [], []
    for v in f.get("values") or []:
        if isinstance(v, dict):
            vals.append(str(v.get("value", "")))
            ev.extend(str(e.get("text", "")) for e in v.get("evidence") or [] if isinstance(e, dict))
        else:
            vals.append(str(v))
    ev.extend(str(e.get("text", "")) for e in f.get("evidence") or [] if isinstance(e, dict))
    return SEP.join(vals).lower(), SEP.join(ev).lower()


def finding_sources(f: dict[str, Any]) -> set[str]:
    out = {str(s) for s in f.get("sources") or []}
    for v in f.get("values") or []:
        if isinstance(v, dict):
            out.update(str(s) for s in v.get("sources") or [])
            out.update(_evidence_sources(v.get("evidence")))
    out.update(_evidence_sources(f.get("evidence")))
    return out


def _evidence_sources(evidence: Any) -> set[str]:
    return {str(e["source"]) for e in evidence or [] if isinstance(e, dict) and e.get("source")}


def _evidence_allowed(entry: dict[str, Any], f: dict[str, Any]) -> bool:
    kind = str(entry.get("kind", ""))
    if kind == "spelling":
        return False
    return kind in ("temporal", "arithmetic") or len(f.get("values") or []) >= 2


def matches(entry: dict[str, Any], f: dict[str, Any]) -> bool:
    vals, ev = finding_texts(f)
    wanted = [[str(a).lower() for a in (x if isinstance(x, list) else [x])] for x in entry.get("values", [])]
    ok = all(any(a in vals for a in alts) for alts in wanted)
    if not ok and _evidence_allowed(entry, f):
        ok = all(any(a in vals or a in ev for a in alts) for alts in wanted)
    if not ok:
        return False
    srcs = finding_sources(f)
    for prefix in entry.get("sources", []):
        p = str(prefix)
        if not any(s == p or s.startswith(p) or s.split("/")[-1].startswith(p) for s in srcs):
            return False
    return True


def violates(pair: dict[str, Any], f: dict[str, Any]) -> bool:
    vals, _ = finding_texts(f)
    return all(str(x).lower() in vals for x in pair["values"])


@dataclass
class Score:
    findings: int
    expected: int
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    good: int = 0
    other: list[dict[str, Any]] = field(default_factory=list)
    violations: list[tuple[str, list[Any]]] = field(default_factory=list)

    def summary(self) -> str:
        prec = self.good / self.findings if self.findings else 0.0
        return (f"recall {len(self.found)}/{self.expected} precision {self.good}/{self.findings} "
                f"({prec:.2f}) fp {len(self.other)} mnf {len(self.violations)}")


def score(report: dict[str, Any], key: dict[str, Any]) -> Score:
    """Score a JSON report (crossfact's `as_dict`) against an answer key (EXPECTED.yaml)."""
    findings = report.get("findings", [])
    expected = key.get("expected") or []
    acceptable = key.get("acceptable") or []
    mnf = key.get("must_not_flag") or []
    out = Score(findings=len(findings), expected=len(expected))
    hit: set[str] = set()
    for f in findings:
        ids = [e["id"] for e in expected if matches(e, f)]
        hit.update(ids)
        for pair in mnf:
            if violates(pair, f):
                out.violations.append((f.get("rule", "?"), pair["values"]))
        if ids or any(matches(a, f) for a in acceptable):
            out.good += 1
        else:
            out.other.append(f)
    out.found = [e["id"] for e in expected if e["id"] in hit]
    out.missed = [e["id"] for e in expected if e["id"] not in hit]
    return out
