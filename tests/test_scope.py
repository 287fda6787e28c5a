"""check --changed-since REF and --only FILE: every report is read, only findings touching those files shown."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from crossfact.cli import main

A = "date 2031-04-02\nLena Vosberg won the Harbour Classic in 3:51.20, beating Ida Rolf.\n"
B = "date 2031-04-02\nLena Vosberg won the Harbour Classic in 3:51.20. Ida Rolf was second.\n"
BAD = "date 2031-04-03\nLena Vosbreg won the Harbour Classic in 3:51.20. Vosbreg said little.\n"
OTHER = "date 2031-05-01\nTomas Berane won the Lakeside Marathon in Dunmere in 2:11:05.\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key, value in {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                       "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
                       "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}.items():
        monkeypatch.setenv(key, value)
    git(tmp_path, "init", "-q")
    (tmp_path / "sources").mkdir()
    third = A.replace("beating", "ahead of")
    for name, text in {"a.txt": A, "b.txt": B, "d.txt": third, "other.txt": OTHER}.items():
        (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "clean reports")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(["check", "sources", "--format", "json", *argv])
    out = capsys.readouterr().out
    return code, [f["sources"][0] for f in json.loads(out)["findings"]] if out else []


def test_changed_since_reports_findings_involving_changed_files(repo: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--changed-since", "HEAD") == (0, [])
    (repo / "sources" / "c.txt").write_text(BAD, encoding="utf-8")  # untracked counts as changed
    assert run(capsys, "--changed-since", "HEAD") == (1, ["c"])
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "a misspelling")
    assert run(capsys, "--changed-since", "HEAD") == (0, [])  # nothing changed since
    (repo / "sources" / "other.txt").write_text(OTHER + "Berane said it was cold.\n", encoding="utf-8")
    assert run(capsys, "--changed-since", "HEAD") == (0, [])  # a change unrelated to the finding
    assert run(capsys, "--changed-since", "HEAD~1") == (1, ["c"])
    (repo / "sources" / "a.txt").write_text(A + "Vosberg was third last year.\n", encoding="utf-8")
    # a.txt is on the other side of the finding: an edit there shows it (the whole corpus is read)
    assert run(capsys, "--changed-since", "HEAD") == (1, ["c"])


def test_a_change_that_contradicts_an_untouched_report_is_caught(repo: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "sources" / "b.txt").write_text(B.replace("3:51.20", "3:51.90"), encoding="utf-8")
    code, flagged = run(capsys, "--changed-since", "HEAD")
    assert code == 1 and flagged == ["b"]


def test_only_files(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "sources" / "c.txt").write_text(BAD, encoding="utf-8")
    assert run(capsys, "--only", "sources/other.txt") == (0, [])
    assert run(capsys, "--only", "sources/c.txt", "sources/other.txt") == (1, ["c"])
    assert run(capsys, "--only", str(repo / "sources" / "b.txt")) == (1, ["c"])


def test_bad_ref_or_no_repository_is_a_user_error(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "sources", "--changed-since", "no-such-ref"]) == 2
    assert "no-such-ref" in capsys.readouterr().err
    elsewhere = tmp_path_factory.mktemp("plain")
    (elsewhere / "r.txt").write_text(A, encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    assert main(["check", "r.txt", "--changed-since", "HEAD"]) == 2
