"""temporal: dates and relative time that cannot all be true.

Four checks:

- a weekday against its date: "Sunday, July 15" in a report of 2024 (15 July 2024
  was a Monday). A date without a year takes the year that puts it nearest the
  report's date.
- a relative phrase ("a couple of days left", "yesterday's final") against the
  report's date and the date that the sources give for the event the sentence
  names. The phrase's range is widened by ``slack_days`` and by half its width.
  "N days after/before X" counts from the report only when no date earlier in the
  sentence, nor an event just before the phrase, is what comes N days after or before X.
- an "N-year-old record" against the year the sources say its holder set it and the
  report's date.
- with ``years``, a date one report writes with a year the others' same day does not have ("Nov. 2,
  2022" against two reports' "Nov. 2" of 2023); see ``crossfact.kinds.dateyears``.

Flagged: a report dated 2 May says "a couple of days left" before an event that
the sources put on 25 May; a report of 2031 calls a record from 1990 "30-year-old".
Not flagged: a report dated 9 October calls the race
of 8 October "yesterday's"; a report with no date (nothing to measure from); "the
London Marathon on 21 April, six days after her Boston win" (a gap between two events).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..model import Claim, Finding, Side
from .base import Context, Rule, selected, side, usable

ID = "temporal"
FINDING_KIND = "temporal"
OPTIONS = {"slack_days": 1, "weekdays": True, "relative": True, "years": True}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def to_date(value: dict, report: str | None) -> dt.date | None:
    try:
        if value.get("year"):
            return dt.date(int(value["year"]), int(value["month"]), int(value["day"]))
        if not report:
            return None
        base = dt.date.fromisoformat(report)
        options = []
        for y in (base.year - 1, base.year, base.year + 1):
            try:
                options.append(dt.date(y, int(value["month"]), int(value["day"])))
            except ValueError:
                pass
        return min(options, key=lambda d: abs((d - base).days)) if options else None
    except (ValueError, TypeError, KeyError):
        return None


def check(rule: Rule, claims: list[Claim], ctx: Context) -> Iterator[Finding]:
    claims = usable(claims, ctx)
    pool = selected(rule, claims)
    if rule.options["weekdays"]:
        yield from _weekdays(rule, pool, ctx)
        yield from _event_weekdays(rule, pool, claims, ctx)
    if rule.options["relative"]:
        yield from _relative(rule, pool, claims, ctx)
        yield from _record_ages(rule, pool, claims, ctx)
    if rule.options["years"]:
        from .dateyears import check_years

        yield from check_years(rule, pool, ctx)


def _weekdays(rule: Rule, pool: list[Claim], ctx: Context) -> Iterator[Finding]:
    for c in pool:
        if c.predicate not in ("event.date", "date.span") or not c.value.get("weekday"):
            continue
        day = _wrong_weekday(c, ctx)
        if day is None:
            continue
        actual = WEEKDAYS[day.weekday()].capitalize()
        yield Finding(
            rule=rule.id, kind=FINDING_KIND, severity=rule.severity,
            message=f"{c.text!r}: {day.isoformat()} was a {actual}, not a {c.value['weekday'].capitalize()}",
            subject=c.subject, predicate="date.weekday",
            values=(side(c.text, [c]), Side(f"{day.isoformat()} is a {actual}", (), (), None)),
            flagged=(c.source,),
        )


def _wrong_weekday(c: Claim, ctx: Context) -> dt.date | None:
    """The date a claim writes with a weekday it was not ("Sunday, June 22, 2033", a Wednesday), else None."""
    day = to_date(c.value, ctx.sources[c.source].date) if c.value.get("weekday") else None
    return day if day is not None and WEEKDAYS[day.weekday()] != c.value["weekday"] else None


def _event_weekdays(rule: Rule, pool: list[Claim], claims: list[Claim], ctx: Context) -> Iterator[Finding]:
    """"The final on Sunday" against the date the sources give for the final."""
    # a date whose own weekday is wrong ("Sunday, June 22, 2033", a Wednesday) is flagged by itself; it
    # dates nothing else (a right "on Sunday" elsewhere would be blamed for it)
    dated = [c for c in claims if c.predicate == "event.date" and c.subject and c.status != "rejected"
             and c.value.get("day") and _wrong_weekday(c, ctx) is None]
    for c in pool:
        if c.predicate != "event.weekday":
            continue
        report = dt.date.fromisoformat(ctx.sources[c.source].date) if ctx.sources[c.source].date else None
        dates = _dates_of(c.subject, dated, c, ctx, report)
        if not dates or any(WEEKDAYS[when.weekday()] == c.text.lower() for when, _ in dates):
            continue
        when, d = dates[0]
        actual = WEEKDAYS[when.weekday()].capitalize()
        yield Finding(
            rule=rule.id, kind=FINDING_KIND, severity=rule.severity,
            message=f"{c.subject} on {c.text}, but the sources date it {when.isoformat()}, a {actual}",
            subject=c.subject, predicate="event.weekday",
            values=(side(c.text, [c]), side(d.text, [d], normalized=f"{when.isoformat()} ({actual})")),
            flagged=(c.source,),
        )


def _record_ages(rule: Rule, pool: list[Claim], claims: list[Claim], ctx: Context) -> Iterator[Finding]:
    """"Lund's 30-year-old record" against the year the sources say Lund set it and the report's date."""
    for c in pool:
        report = ctx.sources[c.source].date
        if c.predicate != "record.age" or not report:
            continue
        key = ctx.resolution.key(c.subject)
        set_in = sorted({(int(t.qualifiers["year"]), t.id): t for t in claims if t.predicate == "result.time"
                         and t.qualifiers.get("year") and ctx.resolution.key(t.subject) == key}.items())
        if not set_in:
            continue
        age = int(c.value["value"])
        gaps = [(abs(int(report[:4]) - year - age), year, t) for (year, _), t in set_in]
        if min(g for g, _, _ in gaps) <= 1:
            continue  # a record set late in a year is a year "younger" early in another
        _, year, t = min(gaps, key=lambda g: (g[0], g[1]))
        yield Finding(
            rule=rule.id, kind=FINDING_KIND, severity=rule.severity,
            message=f"{c.text} record in a report of {report[:4]}, but {c.subject}'s {t.text} dates from {year} "
                    f"({int(report[:4]) - year} years)",
            subject=c.subject, predicate="record.age",
            values=(side(c.text, [c]), side(str(year), [t], normalized=str(int(report[:4]) - year))),
            flagged=(c.source,),
        )


def _dates_of(event: str, dated: list[Claim], c: Claim, ctx: Context,
              report: dt.date | None) -> list[tuple[dt.date, Claim]]:
    """The dates the sources give for `event`, nearest the report's date first."""
    key = ctx.resolution.key(event)
    out = []
    for d in dated:
        if ctx.resolution.key(d.subject) == key:
            when = to_date(d.value, ctx.sources[d.source].date or ctx.sources[c.source].date)
            if when is not None:
                out.append((when, d))
    anchor = report or dt.date.fromisoformat(ctx.sources[c.source].date or "2000-01-01")
    return sorted(out, key=lambda x: (abs((x[0] - anchor).days), x[1].id))


def _event_of(c: Claim, claims: list[Claim]) -> str | None:
    """The event a relative phrase is about: the nearest event named in its sentence, within 60
    characters after it ("two days before the X", "yesterday's X") or before it ("won the X two days ago");
    "N days after" counts from what follows it at once ("a month after it began, the X ended": not X)."""
    best, dist = None, 61
    # "six days after X" / "two days before X" count from X; they count from the report only when
    # no date earlier in the sentence is what is six days after X ("the London Marathon on 21 April,
    # six days after her Boston win" gives the gap between two events, not either one's distance)
    anchored = c.text.lower().endswith(("after", "before"))
    same = [n for n in claims if n.source == c.source and n.evidence.text == c.evidence.text
            and n.evidence.line == c.evidence.line]
    # a date earlier in the sentence, or an event just before the phrase ("won the London Marathon,
    # six days after the Boston Marathon") is what comes N days after X
    if anchored and any(n.evidence.end_column <= c.evidence.column and (n.predicate == "event.date" or (
            n.predicate == "name" and n.value.get("entity") == "event"
            and c.evidence.column - n.evidence.end_column <= 3)) for n in same):
        return None
    for n in same:
        if n.predicate != "name" or n.value.get("entity") != "event":
            continue
        after = n.evidence.column - c.evidence.end_column
        before = c.evidence.column - n.evidence.end_column
        d = after if after >= 0 else before if before >= 0 and not anchored else None
        if anchored and d is not None and d > 5:
            continue  # "a month after it began, the X ended": it counts from "it began", not from the X
        if d is not None and d < dist:
            best, dist = n.subject, d
    return best


def _relative(rule: Rule, pool: list[Claim], claims: list[Claim], ctx: Context) -> Iterator[Finding]:
    dated = [c for c in claims if c.predicate == "event.date" and c.subject and c.status != "rejected"]
    for c in pool:
        if c.predicate != "relative" or not ctx.sources[c.source].date or c.value.get("hedge") \
                or c.value.get("quoted"):
            continue  # "more than a month ago" is a bound; "today" in a quote is the speaker's day
        report = dt.date.fromisoformat(ctx.sources[c.source].date)
        event = _event_of(c, claims)
        if event is None:
            continue
        lo, hi = c.value["days"]
        if "year" in c.text.lower():
            continue  # "his loss at the Arlen Open two years ago": an earlier edition of a yearly event
        slack = rule.options["slack_days"] + (hi - lo) / 2
        dates = _dates_of(event, dated, c, ctx, report)
        # an event the sources date more than once (this year's and an earlier edition's): the
        # phrase is wrong only if no date fits it; the one nearest the report is shown
        if not dates or any(lo - slack <= (when - report).days <= hi + slack for when, _ in dates):
            continue
        when, d = dates[0]
        gap = (when - report).days
        yield Finding(
            rule=rule.id, kind=FINDING_KIND, severity=rule.severity,
            message=f"{c.text!r} in a report dated {report.isoformat()}, but {d.subject} is on "
                    f"{when.isoformat()} ({gap:+d} days)",
            subject=d.subject, predicate="relative",
            values=(side(c.text, [c]), side(d.text, [d], normalized=when.isoformat())),
            flagged=(c.source,),
        )
