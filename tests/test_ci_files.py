"""The GitLab code quality output and the GitHub Action, checked as their consumers read them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from crossfact.cli import main

ROOT = Path(__file__).resolve().parents[1]
REPORTS = {
    "a.txt": "date 2031-04-02\nLena Vosberg won the Harbour Classic in 3:51.20, beating Ida Rolf.\n",
    "b.txt": "date 2031-04-02\nLena Vosberg won the Harbour Classic in 3:51.20. Ida Rolf was second.\n",
    "c.txt": "date 2031-04-03\nLena Vosbreg won the Harbour Classic in 3:51.20. Vosbreg said little.\n",
}


def test_codequality_is_gitlabs_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    for name, text in REPORTS.items():
        (tmp_path / "reports" / name).write_text(text, encoding="utf-8")
    assert main(["check", "reports", "--format", "json", "--format", "codequality", "--output", "r.json",
                 "--output", "cq.json"]) == 1
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    issues = json.loads((tmp_path / "cq.json").read_text("utf-8"))
    assert isinstance(issues, list) and len(issues) == len(report["findings"]) == 1
    issue, finding = issues[0], report["findings"][0]
    assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
    assert issue["check_name"] == finding["rule"] and issue["fingerprint"] == finding["fingerprint"]
    assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
    assert issue["location"]["path"] == "reports/c.txt" and issue["location"]["lines"]["begin"] == 2


def test_action_runs_check_uploads_sarif_and_annotates() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    run = "\n".join(s.get("run", "") for s in steps)
    assert "crossfact check" in run and "--format github" in run and "--format sarif --output" in run
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif@") for s in steps)
    assert all(s.get("shell") == "bash" for s in steps if "run" in s)  # composite steps need a shell
    assert set(action["inputs"]) >= {"paths", "args", "sarif", "upload-sarif"}
