"""Plain, frozen data that flows between the stages: sources, claims, findings.

Every stage is a function over these values; nothing here does I/O.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Source:
    """One report: its id (the file stem), where it came from and its text."""

    id: str
    path: str
    text: str
    date: str | None = None  # ISO date, when the report says when it was written
    meta: tuple[tuple[str, str], ...] = ()
    line_starts: tuple[int, ...] = ()

    def position(self, index: int) -> tuple[int, int]:
        """1-based (line, column) in the file of character `index` of `text`."""
        line = bisect_right(self.line_starts, index)
        return line, index - self.line_starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """The index in `text` of a 1-based (line, column): the inverse of `position`."""
        return self.line_starts[line - 1] + column - 1


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a claim or value stands: a span in a file, and the sentence around it."""

    source: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """One assertion a source makes (see DESIGN.md, "Claims")."""

    id: str
    source: str
    subject: str
    predicate: str
    value: dict[str, Any]
    qualifiers: dict[str, Any]
    evidence: Evidence
    extractor: str
    status: str = "extracted"  # extracted | confirmed | rejected | manual

    @property
    def text(self) -> str:
        return str(self.value.get("text", ""))


def claim_id(source: str, predicate: str, subject: str, start: int, end: int, text: str) -> str:
    """Stable id: the same claim at the same place always gets the same id."""
    raw = f"{source}\x1f{predicate}\x1f{subject}\x1f{start}\x1f{end}\x1f{text}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a finding: a value as the sources write it, who writes it, and where."""

    value: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    normalized: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value}
        if self.normalized is not None:
            out["normalized"] = self.normalized
        out["sources"] = list(self.sources)
        out["evidence"] = [e.as_dict() for e in self.evidence]
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports. One type feeds every output format."""

    rule: str
    kind: str
    severity: str
    message: str
    subject: str
    predicate: str
    values: tuple[Side, ...]
    suggestion: str | None = None
    flagged: tuple[str, ...] = field(default=())  # the sources a reader should correct

    @property
    def fingerprint(self) -> str:
        """From the rule, the values and the flagged side's evidence (never the message), so an
        edit elsewhere in a report, or to the other side's sentences, keeps the finding's identity."""
        parts = [self.rule, self.subject, self.predicate]
        for side in sorted(self.values, key=lambda s: s.value):
            flagged = set(side.sources) & set(self.flagged)
            spots = sorted(f"{e.source}:{e.text}" for e in side.evidence if e.source in flagged)
            parts.append(side.value + "=" + "|".join(spots))
        return hashlib.sha1("\x1e".join(parts).encode("utf-8")).hexdigest()[:16]

    @property
    def primary(self) -> Evidence:
        """The first span of the flagged side: where an annotation goes."""
        for side in self.values:
            if set(side.sources) & set(self.flagged):
                return side.evidence[0]
        return self.values[0].evidence[0]

    def sort_key(self) -> tuple:
        p = self.primary
        return (p.path, p.line, p.column, self.rule, self.fingerprint)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "subject": self.subject,
            "predicate": self.predicate,
            "values": [s.as_dict() for s in self.values],
            "suggestion": self.suggestion,
            "sources": list(self.flagged),
            "fingerprint": self.fingerprint,
        }
