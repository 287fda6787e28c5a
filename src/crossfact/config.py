"""crossfact.yaml (or [tool.crossfact] in pyproject.toml): one repository's settings.

Why a file: the CI job, the pre-commit hook and an editor at a terminal must check the
same reports with the same rules and thresholds; a flag on the command line overrides it
for one run. It is found by walking up from the working directory and the walk stops at
the repository root (the folder holding .git), so a subfolder finds its repository's
config and a config in some unrelated parent folder is never picked up. Paths in it are
relative to its own folder, so the result does not depend on where crossfact is run.
"""

from __future__ import annotations

import glob
import json
import os
import re
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from .errors import CrossfactError
from .tomlconfig import SECTION, toml_locate, toml_section

if TYPE_CHECKING:  # the rule kinds are only needed once rules are loaded, not for --version or a replay
    from .kinds.base import Rule

NAMES = ("crossfact.yaml", "crossfact.yml")
UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 1_000_000, "mb": 1_000_000}


def schema() -> dict[str, Any]:
    return json.loads((resources.files("crossfact") / "defaults" / "config.schema.json").read_text("utf-8"))


@dataclass(frozen=True)
class Config:
    """The validated settings, plus what is needed to point at a line in the file."""

    path: str
    data: dict[str, Any]
    text: str
    node: Any = None  # the YAML node tree; None for pyproject.toml
    problems: list = field(default_factory=list)  # entries skipped with a located error (a source outside)

    @property
    def root(self) -> Path:
        return Path(self.path).resolve().parent

    def error(self, message: str, where: list[Any]) -> CrossfactError:
        from .rules import locate

        pos = locate(self.node, where) if self.node is not None else toml_locate(self.text, where)
        line, column = pos if pos else (None, None)
        lines = self.text.splitlines()
        snippet = lines[line - 1] if line and line <= len(lines) else None
        return CrossfactError(message, path=self.path, line=line, column=column, snippet=snippet)

    def rel(self, value: str) -> str:
        """A config path as the reports and messages show it: relative to the working directory."""
        from .report.locations import repo_path

        return repo_path(str(self.root / os.path.expanduser(value)))

    def files(self) -> list[str]:
        """The reports `sources` names, less `exclude`; a folder contributes its reports."""
        from .sources import discover

        found: set[str] = set()
        for i, pattern in enumerate(self.data.get("sources") or []):
            target = self.root / pattern
            if not Path(os.path.abspath(target)).is_relative_to(self.root):
                # a config copied from elsewhere must not read files outside its project
                self.problems.append(self.error(f"{pattern!r} is outside the project ({self.root}); skipped",
                                                ["sources", i]))
                continue
            if glob.has_magic(pattern):
                found.update(p for p in glob.glob(str(target), recursive=True) if os.path.isfile(p))
            elif target.exists():
                found.update(str(p) for p in discover([str(target)]))
            else:
                raise self.error("no such file or folder", ["sources", i])
        keep = [p for p in found if not self.excluded(p)]
        return sorted(self.rel(p) for p in keep)

    def excluded(self, path: str) -> bool:
        patterns = [p.rstrip("/") for p in self.data.get("exclude") or []]
        try:
            rel = PurePosixPath(Path(os.path.abspath(path)).relative_to(self.root).as_posix())
        except ValueError:
            rel = PurePosixPath(Path(path).as_posix())
        candidates = [rel.as_posix()] + [p.as_posix() for p in rel.parents if p.as_posix() != "."]
        return any(fnmatchcase(c, p) for c in candidates for p in patterns)

    def max_bytes(self) -> int | None:
        raw = self.data.get("max-report-size")
        if raw is None or isinstance(raw, int):
            return raw
        m = re.fullmatch(r"(\d+) ?([a-zA-Z]*)", raw)
        assert m, "the schema allows only these forms"
        return int(m.group(1)) * UNITS[m.group(2).lower()]

    def adjust(self, rules: list[Rule]) -> list[Rule]:
        """Severity overrides and disabled rules; a rule id no rule has is a located error."""
        known = {r.id for r in rules}
        levels: dict[str, str] = {}
        for key, where in [(k, ["severity", k]) for k in self.data.get("severity") or {}] + \
                [(k, ["disable", i]) for i, k in enumerate(self.data.get("disable") or [])]:
            if key not in known:
                raise self.error(f"unknown rule {key!r} (known: {', '.join(sorted(known))})", where)
            levels[key] = "off" if where[0] == "disable" else self.data["severity"][key]
        out = [replace(r, severity=levels.get(r.id, r.severity)) for r in rules]
        return [r for r in out if r.severity != "off"]


def find(start: Path | None = None) -> Path | None:
    """The nearest config at or above `start`, stopping at the repository root."""
    folder = (start or Path.cwd()).resolve()
    for here in [folder, *folder.parents]:
        for name in NAMES:
            if (here / name).is_file():
                return here / name
        project = here / "pyproject.toml"
        if project.is_file() and SECTION.search(project.read_text("utf-8", errors="replace")):
            return project
        if (here / ".git").exists():
            return None
    return None


def load(path: Path) -> Config:
    """Read and validate one config file; every problem is a CrossfactError at file:line:column."""
    import jsonschema

    from .rules import compose, read_text

    shown = str(path)
    text = read_text(path, "config")
    if path.suffix == ".toml":
        data, node = toml_section(text, shown), None
    else:
        data, node = compose(text, shown)
    config = Config(shown, {} if data is None else data, text, node)
    if not isinstance(config.data, dict):
        raise config.error("a config file is a mapping of settings", [])
    errors = sorted(jsonschema.Draft202012Validator(schema()).iter_errors(config.data),
                    key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        e = errors[0]
        where = list(e.absolute_path)
        if e.validator == "additionalProperties" and isinstance(e.instance, dict):  # point at the stray key
            where += sorted(set(e.instance) - set(e.schema.get("properties", {})))[:1]
        raise config.error(f"{e.message} (at {'/'.join(map(str, where)) or 'top level'})", where)
    return config

