"""The ``years`` check of the temporal kind: one report writes a date with a year that the other
reports' same day and month do not have.

"Convicted on Nov. 2, 2030" in one report of a March 2032 story, where two others write "on Nov. 2"
(the 2 November nearest their date: 2031) or "Nov. 2, 2031", gives the day another year: a slip of
one year. The lone year must be written out, a year from the others' (two reports or more, none of
which writes it); a year the others do not write is the one that puts the date nearest their
report. An anniversary ("a year ago to the day", "the anniversary of") or an earlier edition
("last year's final, on June 1, 2030") gives a day two years on purpose, and is left alone.

Flagged: "convicted on Nov. 2, 2030" against two reports of April 2032 that say "on Nov. 2" and
"on Nov. 2, 2031". Not flagged: the same when the first report also says 2031, or writes "the
first anniversary"; "Nov. 2, 2028" (more than a year off: another event on the same day).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..model import Claim, Finding
from .base import Context, Rule, side
from .temporal import to_date

ANNIVERSARY = re.compile(r"anniversar|\byears? ago\b|\bto the day\b|\byears? since\b|\bcommemorat|\bmemorial\b",
                         re.I)
# the lone date is of an earlier edition: "last year's final, on June 1, 2030"
EARLIER = re.compile(r"\blast year\b|\bprevious\b|\ba year (?:earlier|before)\b", re.I)


def check_years(rule: Rule, pool: list[Claim], ctx: Context) -> Iterator[Finding]:
    majority = 2
    by_day: dict[tuple[int, int], list[tuple[Claim, int, bool]]] = defaultdict(list)
    for c in pool:
        if c.predicate != "event.date" or not c.value.get("month") or not c.value.get("day"):
            continue
        explicit = c.value.get("year")
        year = explicit  # not a year written near it ("on Nov. 2, a year after the 2030 attack")
        if not year:
            day = to_date(c.value, ctx.sources[c.source].date)
            year = day.year if day else None
        if year:
            by_day[(int(c.value["month"]), int(c.value["day"]))].append((c, int(year), bool(explicit)))
    for _, dated in sorted(by_day.items()):
        sources: dict[int, set[str]] = defaultdict(set)
        for c, year, _ in dated:
            sources[year].add(c.source)
        if len(sources) < 2 or any(ANNIVERSARY.search(c.evidence.text) for c, _, _ in dated):
            continue  # one year for the day (most days), or an anniversary
        for c, year, explicit in dated:
            if not explicit or sources[year] != {c.source} or EARLIER.search(c.evidence.text):
                continue
            for other, given in sorted(sources.items()):
                if abs(other - year) != 1 or len(given) < majority or c.source in given:
                    continue
                theirs = [d for d, y, _ in dated if y == other]
                yield Finding(
                    rule=rule.id, kind="temporal", severity=rule.severity,
                    message=f"{c.text!r}: {len(given)} other source(s) give this day as one of {other}",
                    subject=c.subject, predicate="date.year",
                    values=(side(c.text, [c]), side(str(other), theirs)), suggestion=str(other),
                    flagged=(c.source,))
