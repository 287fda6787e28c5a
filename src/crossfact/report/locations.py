"""Paths as CI tools want them: relative to the repository root, posix style.

Code scanning, annotations and test reports attach a finding to a file of the
checked-out repository, so a path must be relative to where the check runs (the
repository root in CI). A report outside that folder keeps its absolute path,
since a `../` path would point nowhere on the server that shows it.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from urllib.parse import quote


def repo_path(path: str, root: str | None = None) -> str:
    """`path` relative to `root` (default: the working directory) if inside it, else absolute."""
    base = os.path.abspath(root or os.getcwd())
    full = os.path.abspath(path)
    try:
        rel = os.path.relpath(full, base)
    except ValueError:  # another drive on Windows
        return PurePath(full).as_posix()
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return PurePath(full).as_posix()
    return PurePath(rel).as_posix()


def artifact_uri(path: str, root: str | None = None) -> tuple[str, bool]:
    """A URI for `path` and whether it is relative to the root (then uriBaseId %SRCROOT% applies)."""
    shown = repo_path(path, root)
    if os.path.isabs(shown) or PurePath(shown).is_absolute():
        return Path(shown).as_uri(), False
    return quote(shown, safe="/"), True
