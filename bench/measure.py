"""One benchmark run over a written corpus: stages, throughput, memory, floor and score.

Stages are timed in this process with perf_counter: load (read and parse every report),
check (extract, resolve, rules; their split comes from the pipeline's own timings, summed
over workers), report (render JSON). Peak memory is the largest resident set of this
process and of its worker processes (getrusage), so it covers the whole run.
"""

from __future__ import annotations

import re
import resource
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter

import yaml

from crossfact import pipeline, sources
from crossfact.cache import Cache
from crossfact.evaluate import matches, texts
from crossfact.report.jsonreport import as_dict, render
from crossfact.rules import load_rules

FLOOR = re.compile(r"\b\d{1,2}:\d{2}\.\d{2}\b|\b[A-Z][a-z]+\b")


@dataclass
class Run:
    reports: int
    claims: int = 0
    findings: int = 0
    wall: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    report: dict = field(default_factory=dict)


def floor(root: Path) -> float:
    """The raw regex floor: every file read and one compiled pattern run over it."""
    t = perf_counter()
    hits = 0
    for p in sorted(root.rglob("*.md")):
        hits += len(FLOOR.findall(p.read_text("utf-8")))
    return perf_counter() - t


def check(root: Path, jobs: int, cache_dir: Path | None) -> Run:
    t0 = perf_counter()
    loaded = [s for s in sources.load([str(root)]) if not isinstance(s, Exception)]
    t1 = perf_counter()
    cache = Cache(cache_dir) if cache_dir else None
    result = pipeline.check(loaded, load_rules([]), group_by="story", jobs=jobs, cache=cache)
    t2 = perf_counter()
    text = render(result)
    t3 = perf_counter()
    if cache:
        cache.close()
    run = Run(len(loaded), len(result.claims), len(result.findings), t3 - t0)
    run.stages = {"load": t1 - t0, **{k: v for k, v in result.timings.items() if k != "total"},
                  "check": t2 - t1, "report": t3 - t2}
    run.report = {"text": text, "dict": as_dict(result)}
    return run


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def score(report: dict, key_path: Path) -> tuple[float, float, int, int]:
    """Recall and precision with evaluate.matches, blocked by story (the sSSSSS prefix of ids)."""
    key = yaml.safe_load(key_path.read_text("utf-8")) or {}
    by_story: dict[str, list[dict]] = {}
    for e in key.get("expected", []):
        by_story.setdefault(e["id"].split("-")[0], []).append(e)
    never: dict[str, list[dict]] = {}
    for p in key.get("must_not_flag", []):
        never.setdefault(str(p.get("story", "")), []).append(p)
    hit: set[str] = set()
    good = violations = 0
    findings = report["findings"]
    for f in findings:
        stories = sorted({s[:6] for v in f["values"] for s in v["sources"]})
        found = [e["id"] for st in stories for e in by_story.get(st, []) if matches(e, f)]
        hit.update(found)
        good += bool(found)
        vals = texts(f)[0]
        pairs = [p for st in stories for p in never.get(st, [])]
        violations += any(all(str(x).lower() in vals for x in p["values"]) for p in pairs)
    expected = len(key.get("expected", []))
    recall = len(hit) / expected if expected else 1.0
    precision = good / len(findings) if findings else 1.0
    return recall, precision, violations, len(findings)
