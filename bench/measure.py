"""One benchmark run over a written corpus: stages, throughput, memory, floor and score.

A check is timed end to end as a user runs it: `crossfact check DIR --format json
--output FILE --cache DIR --jobs N --timings` in its own process, so interpreter start,
imports, worker start-up, the cache and writing the report all count. The stages (load,
extract, resolve, rules, report; extract/resolve/rules summed over the workers) come
from `--timings`. Peak memory is each check's largest resident set, its workers
included (os.wait4 on the check process).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter

import yaml

from crossfact.evaluate import matches, texts

FLOOR = re.compile(r"\b\d{1,2}:\d{2}\.\d{2}\b|\b[A-Z][a-z]+\b")
STAGE = re.compile(r"(\w+) ([\d.]+)s")


@dataclass
class Run:
    """One check's figures. The bench keeps nothing big while checks run: a forked child's peak
    resident set counts what its parent held until exec, so a bench holding a parsed report
    would add its own size to the next check's figure."""

    wall: float = 0.0
    peak_mb: float = 0.0  # the largest resident set of this check's processes (it or a worker)
    stages: dict[str, float] = field(default_factory=dict)


def floor(root: Path) -> float:
    """The raw regex floor: every file read and one compiled pattern run over it."""
    t = perf_counter()
    hits = 0
    for p in sorted(root.rglob("*.md")):
        hits += len(FLOOR.findall(p.read_text("utf-8")))
    return perf_counter() - t


def check(root: Path, jobs: int, cache_dir: Path, out: Path) -> Run:
    """One `crossfact check` process over root, its JSON report written to out. It runs in the
    corpus's parent folder, as a job in a repository of stories would: started here, it would also
    read this repository's own rules/ and claims/ (the samples'), which the corpus has no use for."""
    cmd = [sys.executable, "-m", "crossfact", "check", str(root), "--format", "json", "--output", str(out),
           "--cache", str(cache_dir), "--jobs", str(jobs), "--timings"]
    with tempfile.TemporaryFile("w+") as err:
        t0 = perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, text=True, cwd=root.parent)
        _, status, usage = os.wait4(proc.pid, 0)  # this check's own figures, its workers included
        wall = perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"crossfact check failed ({proc.returncode}): {stderr}")
    timing = next((line for line in stderr.splitlines() if "timings:" in line), None)
    if timing is None:  # exit code 1 is also what a crash gives: no timings line means no check
        raise SystemExit(f"crossfact check did not finish: {stderr}")
    run = Run(wall=wall, peak_mb=usage.ru_maxrss / 1024)
    run.stages = {k: float(v) for k, v in STAGE.findall(timing.split("(")[0])}
    if "replayed" in timing:
        run.stages = {"replayed": wall}
    return run


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
