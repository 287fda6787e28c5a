"""A baseline: findings a desk has seen and accepted, so CI fails only on new ones.

The file lists `Finding.fingerprint`s, which come from the rule and the evidence
sentences (never line numbers or message wording), so moving text around keeps a
finding baselined. Each entry also carries the rule and a short description, only
so a person can review the file in a diff; entries are sorted and the JSON is
written the same way every time, so re-baselining an unchanged corpus changes
nothing. Entries no current finding matches are "stale": fixed, or changed
enough to count as new.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import CrossfactError
from .model import Finding

VERSION = 1
DEFAULT_FILE = "crossfact-baseline.json"


@dataclass(frozen=True)
class Outcome:
    """What applying a baseline did: the findings left, and what matched or not."""

    new: list[Finding]
    baselined: int
    stale: list[str]


def describe(f: Finding, width: int = 40) -> str:
    """Who says what, without line numbers (those change when text moves)."""
    def clip(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    sides = " vs ".join(repr(clip(s.value)) for s in f.values)
    return f"{f.subject} [{f.predicate}]: {sides} in {f.primary.source}"


def entries(findings: Iterable[Finding]) -> list[dict[str, str]]:
    unique = {f.fingerprint: f for f in findings}
    return [{"fingerprint": fp, "rule": f.rule, "description": describe(f)}
            for fp, f in sorted(unique.items(), key=lambda item: (item[1].rule, item[0]))]


def dumps(findings: Iterable[Finding]) -> str:
    doc = {"version": VERSION, "tool": "crossfact", "findings": entries(findings)}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def write(path: Path, findings: Iterable[Finding]) -> int:
    from .claimstore import write_atomic

    text = dumps(findings)
    write_atomic(path, text)
    return len(json.loads(text)["findings"])


def parse(text: str, path: str) -> dict[str, dict[str, Any]]:
    """fingerprint -> entry; a file a person broke is a located CrossfactError."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CrossfactError(f"invalid baseline JSON: {exc.msg}", path=path, line=exc.lineno,
                             column=exc.colno) from None
    listed = doc.get("findings") if isinstance(doc, dict) else None
    if not isinstance(listed, list) or doc.get("version") != VERSION:
        raise CrossfactError(f"not a crossfact baseline (version {VERSION} with a findings list)", path=path)
    out: dict[str, dict[str, Any]] = {}
    for i, entry in enumerate(listed):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise CrossfactError(f"baseline entry {i} has no fingerprint", path=path)
        out[entry["fingerprint"]] = entry
    return out


def read(path: Path) -> dict[str, dict[str, Any]]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CrossfactError(f"cannot read baseline: {exc}", path=str(path)) from None
    return parse(text, str(path))


def apply(findings: Iterable[Finding], known: dict[str, dict[str, Any]]) -> Outcome:
    findings = list(findings)
    seen = {f.fingerprint for f in findings}
    new = [f for f in findings if f.fingerprint not in known]
    return Outcome(new, len(findings) - len(new), sorted(fp for fp in known if fp not in seen))
