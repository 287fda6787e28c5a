"""Inline suppression: `<!-- crossfact: ignore RULE-ID -->` in a report silences one line.

Why a comment in the report: an editor who has checked a sentence ("yes, the
surname really is spelt two ways") records that beside the sentence, where the
next editor sees it, and it travels with the text. An HTML comment is invisible
in rendered Markdown and harmless in plain text, so one form suits both.

    Lena Vosbreg won.  <!-- crossfact: ignore name-spelling -->   this line
    <!-- crossfact: ignore -->                                     the next line, every rule
    Lena Vosbreg won.

Several ids may be given, separated by spaces or commas. A finding is silenced only
when every span of its flagged side stands on lines silenced for its rule: a
comment never hides a finding on another line, nor one that is also flagged
elsewhere. Matching is by line, so it survives re-extraction and rule changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Evidence, Finding, Source

COMMENT = re.compile(r"<!--\s*crossfact:\s*ignore\b(?P<ids>[^>]*?)\s*-->", re.I)
ALL = "*"


@dataclass(frozen=True)
class Outcome:
    kept: list[Finding]
    suppressed: list[Finding]


def directives(source: Source) -> dict[int, frozenset[str]]:
    """line -> rule ids silenced on it (`*` for every rule), from the comments in `source`."""
    out: dict[int, set[str]] = {}
    for m in COMMENT.finditer(source.text):
        line, _ = source.position(m.start())
        start = source.text.rfind("\n", 0, m.start()) + 1
        end = source.text.find("\n", m.end())
        before = source.text[start:m.start()]
        after = source.text[m.end(): len(source.text) if end < 0 else end]
        own_line = not before.strip() and not COMMENT.sub("", after).strip()
        ids = {i for i in re.split(r"[\s,]+", m.group("ids")) if i} or {ALL}
        out.setdefault(line + 1 if own_line else line, set()).update(ids)
    return {line: frozenset(ids) for line, ids in out.items()}


def flagged_evidence(f: Finding) -> list[Evidence]:
    """The spans a reader would correct: the flagged side's, or every span when none is flagged."""
    spans = [e for s in f.values if set(s.sources) & set(f.flagged) for e in s.evidence]
    return spans or [e for s in f.values for e in s.evidence]


def silenced(f: Finding, table: dict[str, dict[int, frozenset[str]]]) -> bool:
    spans = flagged_evidence(f)
    if not spans:
        return False
    for e in spans:
        lines = table.get(e.source, {})
        for line in range(e.line, max(e.line, e.end_line) + 1):
            ids = lines.get(line, frozenset())
            if f.rule not in ids and ALL not in ids:
                return False
    return True


def apply(findings: Iterable[Finding], sources: Iterable[Source]) -> Outcome:
    table = {s.id: d for s in sources if (d := directives(s))}
    kept, dropped = [], []
    for f in findings:
        (dropped if table and silenced(f, table) else kept).append(f)
    return Outcome(kept, dropped)
