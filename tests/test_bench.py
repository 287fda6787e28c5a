"""The benchmark writes its own corpus and runs end to end (it is timed by `python -m bench`, not here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_bench_writes_a_fresh_corpus_and_scores_it(tmp_path: Path) -> None:
    # a fresh --dir: the corpus is written by a child process (it once got a str for a Path and failed,
    # which only a run without a corpus left from before would show)
    out = subprocess.run([sys.executable, "-m", "bench", "--sizes", "20", "--per-story", "5", "--jobs", "1",
                          "--dir", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "regex floor" in out.stdout and "recall 1.000" in out.stdout, out.stdout
