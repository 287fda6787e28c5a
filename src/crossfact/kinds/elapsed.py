"""The `elapsed` mode of the derived kind: the time a report says passed between two clock times
it gives in the same sentence.

"At 12:10 a second vent opened, more than five hours after the first broke through at 07:57"
states an interval its own clock times contradict (4 hours 13 minutes). The interval is read
with its hedge: "more than" / "over" needs at least that long, "almost" / "nearly" / "under" at
most, "about" or a bare "five hours" a rounding (within half an hour, or ten minutes for an
interval given in minutes; a clock "at about" widens it). It must be tied to the two clocks:
"N hours after ... at T1" with the other clock before it, or "N minutes later", "a gap (delay,
wait) of N hours" after both.

Flagged: "At 12:10 a second vent opened, more than five hours after the first broke through at
07:57." Not flagged: the same with 06:57; "It struck at 22:11 GMT (23:11 local time), an hour
after the first alert" (one moment in two zones); "The ferry left at 10:33 and was lost from
radar at 10:50, three hours after the storm warning" (the interval is from another event).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..extract.times import clocks
from ..extract.values import COUNT_WORDS, hedge, number_or_word
from ..model import Finding
from .base import Context, Rule, sentences_of
from .statedsum import arithmetic_finding

COUNT = r"\d{1,2}|" + COUNT_WORDS
# the words a hedge may be written with here; what each means is values.hedge's reading
HEDGE = (r"(?P<hedge>more than|just over|over|at least|almost|nearly|just under|under|less than|about|around|some|"
         r"roughly|approximately)\s+")
# "five hours", "two hours and 14 minutes", "an hour", "half an hour", "28 minutes"
SPAN = (r"(?P<span>(?P<h>" + COUNT + r"|an?)\s+hours?(?:\s*(?:and\s+)?(?P<hm>\d{1,2}|" + COUNT + r")\s+minutes?)?"
        r"|(?P<half>half an hour)|(?P<m>\d{1,3}|" + COUNT + r")\s+minutes?)")
# the interval and how it ties to the clocks: "N hours after|before", "N hours later|earlier",
# "a gap of N hours"
INTERVAL = re.compile(r"(?i)\b(?:(?P<gap>(?:a|the)\s+(?:gap|delay|wait|lag)\s+of)\s+)?(?:" + HEDGE + r")?"
                      + SPAN + r"(?:\s+(?P<rel>after|before|later|earlier))?\b")
# a 24-hour clock with no zone, where a word says it is one: "at 07:57", "until 17.40"
BARE_CLOCK = re.compile(r"\b(?:[Aa]t|[Uu]ntil|[Tt]ill|[Ff]rom)\s+(?:(?:about|around)\s+)?"
                        r"(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\b(?![:.,]\d)(?!\s*(?:[ap]\.?\s?m\b))")
APPROX_BEFORE = re.compile(r"\b(?:about|around|approximately|roughly)\s+$")
CUES = (" hour", " minute")


def _minutes(word: str | None) -> int:
    return int(number_or_word(word)) if word else 0


def _clock_times(text: str) -> list[tuple[int, int, int, str | None, bool]]:
    """(start, end, minutes of the day, zone, approximate) of each clock time in the sentence."""
    out = [(m.start, m.end, m.get("minutes"), m.get("zone"), bool(APPROX_BEFORE.search(text, 0, m.start)))
           for m in clocks(text)]
    taken = [(s, e) for s, e, *_ in out]
    for m in BARE_CLOCK.finditer(text):
        at = m.start("h")
        if not any(s <= at < e for s, e in taken):
            approx = "about" in m.group(0) or "around" in m.group(0)
            out.append((at, m.end(), int(m.group("h")) * 60 + int(m.group("m")), None, approx))
    return sorted(out)


def _tied(m: re.Match, times: list) -> bool:
    """The interval is the one between these two clocks (see the module docstring)."""
    (s1, e1, *_), (s2, e2, *_) = times
    rel = (m.group("rel") or "").lower()
    if rel in ("after", "before"):
        return s1 < m.start() and m.end() < s2 <= m.end() + 100
    if rel in ("later", "earlier") or m.group("gap"):
        return e2 <= m.start() or (e1 <= m.start() and s2 >= m.end() and s2 - m.end() < 12)
    return False


def _wrong(stated: int, actual: int, hedged: str | None, in_minutes: bool, approx: bool) -> bool:
    """`hedged`: values.hedge's reading, "more", "less", "about" or None (exact)."""
    slack = 15 if approx else 0
    if hedged == "more":
        return actual + slack < stated
    if hedged == "less":
        return actual - slack > stated + (0 if in_minutes else 5)
    rounding = (10 if in_minutes else 30) if hedged else (1 if in_minutes else 30)
    return abs(actual - stated) > rounding + slack


def check_elapsed(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for sid in sorted(ctx.sources):
        if not any(cue in ctx.sources[sid].text for cue in CUES):
            continue
        for sent in sentences_of(ctx, sid):
            if not any(cue in sent.text for cue in CUES):
                continue
            times = _clock_times(sent.text)
            zones = {t[3] for t in times}
            if len(times) != 2 or len(zones) > 1 or "(" in sent.text[times[0][1]:times[1][0]]:
                continue  # two clocks, one zone; "22:11 GMT (23:11 local)" is one moment twice
            for m in INTERVAL.finditer(sent.text):
                if not (m.group("rel") or m.group("gap")) or not _tied(m, times):
                    continue
                stated = (60 * _minutes(m.group("h")) + _minutes(m.group("hm")) + 30 * bool(m.group("half"))
                          + _minutes(m.group("m")))
                gap = abs(times[0][2] - times[1][2])
                # over half a day apart, the clocks may be read across midnight ("22:11 ... 00:11") or not
                # ("7:36 a.m. ... 8:11 p.m., more than 12 hours later"): whichever the report's words fit
                readings = (gap, 1440 - gap) if gap > 720 else (gap,)
                actual = min(readings, key=lambda a: abs(a - stated))
                in_minutes = bool(m.group("m"))
                if not stated or stated > 720 or not stated / 3 <= actual <= stated * 3:
                    continue  # far off: not these two clocks' interval
                how, rough = hedge(sent.text, m.start("span")), times[0][4] or times[1][4]
                if all(_wrong(stated, a, how, in_minutes, rough) for a in readings):
                    at, said = m.start("span"), m.group("span")
                    between = f"{actual // 60} h {actual % 60:02d} min"
                    first, second = (sent.text[t[0]:t[1]] for t in times)
                    worded = ((m.group("hedge") or "").lower() + " " + said).strip()
                    yield arithmetic_finding(rule, ctx, sid, sent, at, said, "elapsed",
                                             f"{between} ({first} to {second})",
                                             f"{worded} between {first} and {second}, which are {between} apart")
