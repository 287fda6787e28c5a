"""`python -m bench`: write synthetic corpora and print crossfact's figures at each size.

    python -m bench                         # 1k and 10k reports, --jobs 2
    python -m bench --sizes 1000,10000,100000 --per-story 10 --jobs 2 --dir /tmp/cf-bench

Each size runs in a fresh process (so peak memory is that size's own): the regex floor,
a cold check (empty cache), a warm check (the same cache, nothing changed), a check with
one report edited (the other stories come from the cache), then the score against the
planted answers. Every check is a `crossfact check` process, timed end to end. It
prints; it asserts nothing.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path


def one(size: int, per_story: int, jobs: int, root: Path) -> dict:
    """Everything measured for one size, as a dict (run inside its own process). Every check runs
    before any report is parsed, so this process stays small while they run (see measure.Run)."""
    from . import measure

    folder = root / f"corpus-{size}-{per_story}"
    if not (folder / "EXPECTED.yaml").exists():
        shutil.rmtree(folder, ignore_errors=True)
        code = (f"from pathlib import Path; from bench import corpus; "
                f"corpus.write(Path({str(folder)!r}), {max(1, size // per_story)}, {per_story})")
        subprocess.run([sys.executable, "-c", code], check=True)
    measure.floor(folder)  # once to warm the page cache, as the check runs find it
    floor = measure.floor(folder)
    cache_dir = root / f"cache-{size}"
    shutil.rmtree(cache_dir, ignore_errors=True)
    out = {run: root / f"report-{size}-{run}.json" for run in ("cold", "warm", "one")}
    cold = measure.check(folder, jobs, cache_dir, out["cold"])
    shutil.copyfile(out["cold"], out["warm"])
    warm = measure.check(folder, jobs, cache_dir, out["cold"])  # the same command again
    out["cold"], out["warm"] = out["warm"], out["cold"]
    edited = sorted(folder.glob("*/*.md"))[size // 2]
    original = edited.read_bytes()
    edited.write_bytes(original + b"\nThe crowd stayed long after the last race.\n")
    try:
        one_changed = measure.check(folder, jobs, cache_dir, out["one"])
    finally:
        edited.write_bytes(original)
    same = filecmp.cmp(out["cold"], out["warm"], shallow=False)
    report = json.loads(out["cold"].read_text("utf-8"))
    recall, precision, violations, findings = measure.score(report, folder / "EXPECTED.yaml")
    return {"size": len(report["sources"]), "claims": report["claims"], "findings": findings, "floor": floor,
            "cold": cold.wall, "warm": warm.wall, "one_changed": one_changed.wall, "cold_stages": cold.stages,
            "warm_stages": warm.stages, "one_changed_stages": one_changed.stages,
            "peak_mb": max(cold.peak_mb, warm.peak_mb, one_changed.peak_mb),
            "peak_mb_runs": [cold.peak_mb, warm.peak_mb, one_changed.peak_mb],
            "recall": recall, "precision": precision,
            "must_not_flag": violations, "warm_same_report": same, "jobs": jobs}


def show(r: dict) -> str:
    n = r["size"]
    stages = "  ".join(f"{k} {v:.2f}s" for k, v in r["cold_stages"].items())
    wstages = "  ".join(f"{k} {v:.2f}s" for k, v in r["warm_stages"].items())
    ostages = "  ".join(f"{k} {v:.2f}s" for k, v in r["one_changed_stages"].items())
    return "\n".join([
        f"== {n} reports, {r['claims']} claims, {r['findings']} findings (--jobs {r['jobs']})",
        f"  cold  {r['cold']:.2f}s  {n / r['cold']:.0f} reports/s  {r['claims'] / r['cold']:.0f} claims/s",
        f"  warm  {r['warm']:.2f}s  {n / r['warm']:.0f} reports/s  {r['claims'] / r['warm']:.0f} claims/s  "
        f"cold/warm {r['cold'] / r['warm']:.1f}x  same report: {r['warm_same_report']}",
        f"  one report changed  {r['one_changed']:.2f}s  {n / r['one_changed']:.0f} reports/s",
        f"  stages cold: {stages}",
        f"  stages warm: {wstages}",
        f"  stages one changed: {ostages}",
        f"  regex floor {r['floor']:.2f}s; crossfact cold = {r['cold'] / r['floor']:.1f}x the floor",
        f"  peak memory {r['peak_mb']:.0f} MB (largest crossfact process: a check or one of its workers); "
        "cold / warm / one changed: " + " / ".join(f"{m:.0f} MB" for m in r["peak_mb_runs"]),
        f"  recall {r['recall']:.3f}  precision {r['precision']:.3f}  must-not-flag violated {r['must_not_flag']}",
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated report counts")
    ap.add_argument("--per-story", type=int, default=10, help="reports per story (R)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--dir", default="/tmp/crossfact-bench", help="where corpora and caches are written")
    ap.add_argument("--json", default=None, help="also write the figures to this JSON file")
    ap.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    root = Path(args.dir).resolve()  # the checks run in the corpus folder's parent (measure.check)
    root.mkdir(parents=True, exist_ok=True)
    if args.one is not None:
        print(json.dumps(one(args.one, args.per_story, args.jobs, root)))
        return 0
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, "-m", "bench", "--one", str(size), "--per-story", str(args.per_story),
               "--jobs", str(args.jobs), "--dir", str(root)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=os.environ.copy()).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        print(show(results[-1]), flush=True)
    if len(results) > 1:
        for a, b in zip(results, results[1:], strict=False):
            print(f"growth {a['size']} -> {b['size']}: {b['size'] / a['size']:.0f}x reports, "
                  f"{b['cold'] / a['cold']:.1f}x cold time")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
