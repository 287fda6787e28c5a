"""The pre-commit hook for real: the `pre-commit` tool installs it in a new git repository, then
a commit whose report contradicts the others is refused, and the fixed commit goes through.

The hook comes from this checkout's .pre-commit-hooks.yaml (found from this file), with two
changes so the test runs offline: `repo: local` and `language: system`, with the entry
pointing at the crossfact installed beside this Python. A `language: python` hook makes
pre-commit build a fresh virtualenv and pip-install crossfact and its dependencies into
it, which needs the package index; everything else (id, files, pass_filenames, the
arguments after `crossfact`) is the published definition.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytest.importorskip("pre_commit")

CHECKOUT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
A = "date 2031-04-02\nLena Vosberg won the Harbour Classic in 3:51.20, beating Ida Rolf.\n"
B = "date 2031-04-02\nLena Vosberg won the Harbour Classic in 3:51.20. Ida Rolf was second.\n"
D = "date 2031-04-02\nLena Vosberg won the Harbour Classic in 3:51.20 ahead of Ida Rolf.\n"
WRONG = "date 2031-04-03\nLena Vosberg won the Harbour Classic in 3:51.90 on a cold evening.\n"
OTHER = "date 2031-05-01\nTomas Berane won the Lakeside Marathon in Dunmere in 2:11:05.\n"
RIGHT = "date 2031-04-03\nLena Vosberg won the Harbour Classic in 3:51.20 on a cold evening.\n"


def hook_config() -> dict:
    """The published hook, made local and offline (see the module docstring)."""
    hooks = yaml.safe_load((CHECKOUT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hook = dict(next(h for h in hooks if h["id"] == "crossfact"))
    program, *rest = hook["entry"].split()
    assert program == "crossfact"
    crossfact = shutil.which("crossfact", path=str(BIN)) or shutil.which("crossfact")
    assert crossfact, "crossfact is not installed beside this Python"
    hook.update(entry=" ".join([crossfact, *rest]), language="system")
    return {"repos": [{"repo": "local", "hooks": [hook]}]}


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "desk", "GIT_AUTHOR_EMAIL": "desk@example.invalid",
           "GIT_COMMITTER_NAME": "desk", "GIT_COMMITTER_EMAIL": "desk@example.invalid", "NO_COLOR": "1",
           "PATH": os.pathsep.join([str(BIN), os.environ.get("PATH", "")])}
    work = tmp_path / "newsroom"
    (work / "sources").mkdir(parents=True)
    for name, text in {"a.txt": A, "b.txt": B, "d.txt": D}.items():
        (work / "sources" / name).write_text(text, encoding="utf-8")
    (work / "crossfact.yaml").write_text("sources: [sources]\nfail-on: warning\n", encoding="utf-8")
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(hook_config()), encoding="utf-8")
    run(work, env, "git", "init", "-q")
    run(work, env, str(BIN / "pre-commit"), "install")
    run(work, env, "git", "add", ".")
    run(work, env, "git", "commit", "-q", "-m", "three reports that agree")
    return work, env


def run(cwd: Path, env: dict[str, str], *argv: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    if ok:
        assert done.returncode == 0, f"{argv}: {done.stdout}\n{done.stderr}"
    return done


def test_precommit_refuses_a_contradiction_and_accepts_the_fix(repo: tuple[Path, dict[str, str]]) -> None:
    work, env = repo
    report = work / "sources" / "c.txt"
    report.write_text(WRONG, encoding="utf-8")
    run(work, env, "git", "add", "sources/c.txt")
    refused = run(work, env, "git", "commit", "-m", "a report with the wrong time", ok=False)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "result-time" in output and "3:51.90" in output and "sources/c.txt" in output
    assert run(work, env, "git", "rev-list", "--count", "HEAD").stdout.strip() == "1"

    report.write_text(RIGHT, encoding="utf-8")
    run(work, env, "git", "add", "sources/c.txt")
    accepted = run(work, env, "git", "commit", "-m", "the right time", ok=False)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert run(work, env, "git", "rev-list", "--count", "HEAD").stdout.strip() == "2"


def test_a_commit_that_touches_no_finding_goes_through(repo: tuple[Path, dict[str, str]]) -> None:
    """Only findings involving staged files block: a known problem elsewhere does not stop other work."""
    work, env = repo
    (work / "sources" / "c.txt").write_text(WRONG, encoding="utf-8")
    run(work, env, "git", "add", "sources/c.txt")
    run(work, env, "git", "commit", "-q", "--no-verify", "-m", "committed past the hook")
    (work / "sources" / "e.txt").write_text(OTHER, encoding="utf-8")
    run(work, env, "git", "add", "sources/e.txt")
    accepted = run(work, env, "git", "commit", "-m", "another event", ok=False)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_the_hook_definition_is_what_pre_commit_expects() -> None:
    hooks = yaml.safe_load((CHECKOUT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hook = next(h for h in hooks if h["id"] == "crossfact")
    assert hook["language"] == "python" and hook["pass_filenames"] is True
    assert hook["entry"].split()[:3] == ["crossfact", "check", "--only"]
    from pre_commit.clientlib import MANIFEST_HOOK_DICT, cfgv

    for h in hooks:
        cfgv.validate(h, MANIFEST_HOOK_DICT)
