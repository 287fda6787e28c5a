"""Which findings a run reports: those that involve files changed since a git ref, or named files.

Why filter findings rather than read fewer reports: a contradiction needs two sides.
A change to one report can contradict a report nobody touched, so every source is
still read and checked, and only the findings that involve none of the changed
files are left out. A finding involves a file when any side's evidence stands in
it or any side names a source read from it.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable

from .errors import CrossfactError
from .model import Finding, Source


def _git(args: list[str], cwd: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise CrossfactError(f"cannot run git: {exc.strerror}") from None
    if done.returncode != 0:
        raise CrossfactError(f"git {' '.join(args)}: {done.stderr.strip() or 'failed'}")
    return done.stdout


def changed_since(ref: str, cwd: str = ".") -> set[str]:
    """Absolute paths of files that differ from `ref` in the working tree, plus untracked ones."""
    root = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
    except CrossfactError:
        raise CrossfactError(f"--changed-since: {ref!r} is not a commit in {root}") from None
    names = _git(["diff", "--name-only", "--no-renames", ref, "--"], root).splitlines()
    names += _git(["ls-files", "--others", "--exclude-standard"], root).splitlines()
    return {key(os.path.join(root, n)) for n in names if n}


def key(path: str) -> str:
    """One spelling per file, whatever the working directory or symlinks in the path."""
    return os.path.normcase(os.path.realpath(path))


def involved(f: Finding, paths_of: dict[str, str]) -> set[str]:
    """The files a finding involves: every evidence span's file and every named source's file."""
    out = {key(e.path) for s in f.values for e in s.evidence if e.path}
    out |= {key(paths_of[sid]) for s in f.values for sid in s.sources if sid in paths_of}
    return out


def only(findings: Iterable[Finding], files: Iterable[str], sources: Iterable[Source]) -> list[Finding]:
    """The findings that involve at least one of `files`."""
    wanted = {key(p) for p in files}
    paths_of = {s.id: s.path for s in sources}
    return [f for f in findings if involved(f, paths_of) & wanted]

