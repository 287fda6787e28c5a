"""`crossfact eval`: score findings against an answer key (the EXPECTED.yaml format).

The matching is the one `../shared/tools/score.py` uses, so the figures agree: a
finding matches an expected entry when every expected value (or one of its
alternatives) occurs, case-insensitively, among the finding's values (or, for
temporal and arithmetic entries and side-by-side findings, its evidence
sentences) and every expected source prefix is among the finding's sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .pipeline import Result
from .report.jsonreport import as_dict


@dataclass
class Score:
    expected: int
    findings: int
    hits: dict[str, int] = field(default_factory=dict)
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    violations: list[tuple[dict, list]] = field(default_factory=list)
    good: int = 0

    @property
    def perfect(self) -> bool:
        return not self.misses and not self.false_alarms and not self.violations


def texts(f: dict) -> tuple[str, str]:
    vals = " \u241f ".join(str(v.get("value", "")) for v in f.get("values", [])).lower()
    ev = " \u241f ".join(str(e.get("text", "")) for v in f.get("values", []) for e in v.get("evidence", []))
    return vals, ev.lower()


def sources_of(f: dict) -> set[str]:
    out = set(f.get("sources") or [])
    for v in f.get("values", []):
        out.update(v.get("sources") or [])
        out.update(e.get("source", "") for e in v.get("evidence") or [])
    return out


def matches(entry: dict, f: dict) -> bool:
    vals, ev = texts(f)
    want = [[str(a).lower() for a in (x if isinstance(x, list) else [x])] for x in entry.get("values", [])]
    ok = all(any(a in vals for a in w) for w in want)
    loose = entry.get("kind") != "spelling" and (
        entry.get("kind") in ("temporal", "arithmetic") or len(f.get("values", [])) >= 2)
    if not ok and loose:
        ok = all(any(a in vals or a in ev for a in w) for w in want)
    srcs = sources_of(f)
    return ok and all(any(s.startswith(str(p)) for s in srcs) for p in entry.get("sources", []))


def evaluate(result: Result, key_path: Path) -> Score:
    from .rules import read_text
    from .safeyaml import load

    key = load(read_text(key_path, "answer key"), str(key_path), "answer key") or {}
    findings = as_dict(result)["findings"]
    expected = key.get("expected", [])
    score = Score(len(expected), len(findings))
    for f in findings:
        hit = [e["id"] for e in expected if matches(e, f)]
        for i in hit:
            score.hits[i] = score.hits.get(i, 0) + 1
        bad = [p for p in key.get("must_not_flag", []) if all(str(x).lower() in texts(f)[0] for x in p["values"])]
        if bad:
            score.violations.append((f, bad))
        if hit or any(matches(a, f) for a in key.get("acceptable", [])):
            score.good += 1
        else:
            score.false_alarms.append(f)
    score.misses = [e for e in expected if e["id"] not in score.hits]
    return score


def render(score: Score) -> str:
    lines = []
    for e in score.misses:
        lines.append(f"MISS  {e['id']}: {e.get('values')} in {e.get('sources')}")
    for f in score.false_alarms:
        ev = [f"{e['path']}:{e['line']}:{e['column']}" for v in f["values"] for e in v["evidence"][:1]]
        lines.append(f"FALSE {f['rule']}: {texts(f)[0][:120]} at {', '.join(ev)}")
    for f, pairs in score.violations:
        lines.append(f"MUST-NOT-FLAG {f['rule']}: {[p['values'] for p in pairs]}")
    precision = score.good / score.findings if score.findings else 0.0
    recall = len(score.hits) / score.expected if score.expected else 1.0
    lines.append(f"recall {len(score.hits)}/{score.expected} ({recall:.2f}) precision {score.good}/{score.findings} "
                 f"({precision:.2f}) false alarms {len(score.false_alarms)} must-not-flag {len(score.violations)}")
    return "\n".join(lines) + "\n"
