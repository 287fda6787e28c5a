"""Shared by the hostile-input tests: a small project, and a CLI run that returns code, findings and stderr.

Every catalogue test adds one bad input to this project and checks three things: the exit
code, the one-line message (file and line:column where there is one), and that the good
reports' findings are exactly what they are without the bad input.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crossfact.cli import main

ROOT = Path(__file__).resolve().parents[1]


def check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict], str]:
    """Exit code, the JSON report's findings (without fingerprints' volatile parts) and stderr."""
    code = main(["check", *argv, "--format", "json"])
    out = capsys.readouterr()
    found = json.loads(out.out)["findings"] if out.out.strip() else []
    return code, found, out.err


def summary(findings: list[dict]) -> list[tuple]:
    """What a finding says, not where: rule, flagged sources and the values."""
    return sorted((f["rule"], tuple(f["sources"]), tuple(sorted(v["value"] for v in f["values"])))
                  for f in findings)


GOOD = [("name-spelling", ("c",), ("Lena Vosberg", "Lena Vosbreg"))]


def run_cli(args: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess:
    """crossfact in a child process, killed after `timeout` seconds (a hang fails, not blocks, the suite)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "crossfact.cli", *args], cwd=cwd, env=env, timeout=timeout,
                          capture_output=True, text=True)
