"""Counts (dead, injured, evacuated, attendance...) and the time they are given for.

A count's noun says what is counted ("72 dead", "the number of dead rose to 73"); a total
without its noun ("the total had reached 72") counts what the paragraph last counted. The
*as of* time ("as of 6:00 p.m. on the 3rd", "by Wednesday evening") is resolved against
the report's date, so that two reports' tolls for the same evening meet, and tolls of
different days never do.
"""

from __future__ import annotations

import datetime as dt
import re

from ..text import Sentence
from . import values as vals
from .claimsets import ClaimSink
from .mention import Mention
from .packs import Lexicon

COUNT_LEAD = (r"\s*(?:people\s+|persons\s+|residents\s+|inhabitants\s+|villagers\s+|were\s+|have\s+been\s+|"
              r"had\s+been\s+|had\s+|have\s+|are\s+|now\s+|confirmed\s+|reported\s+)*")
COUNT_BEFORE = r"\b(?:{})\b[^.,;]{{0,30}}\b(?:rose to|reached|climbed to|stood at|hit|of|at|to|is|was|now)\s*$"
AS_OF = re.compile(
    r"\b(?:as of|by|on|at|until|through)\s+(?:(?P<clock>\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?)\s*(?:on\s+)?)?"
    r"(?:(?:the\s+)?(?P<nth>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:floor|place|minute|round|lap|set|half|hole|stage|time|edition))|(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?)", re.I)
PARTS = [(12 * 60, "morning"), (17 * 60, "afternoon"), (21 * 60, "evening"), (24 * 60, "night")]


def as_of_phrase(text: str, report: str | None) -> str | None:
    """'as of 6:00 p.m. on the 3rd' and 'by Wednesday evening' (of a report dated the 3rd) are one time."""

    m = AS_OF.search(text)
    if not m:
        return None
    day = None
    if report:
        base = dt.date.fromisoformat(report)
        if m.group("nth"):
            try:
                nth = int(m.group("nth"))
                when = base.replace(day=nth)
                if nth > base.day:  # "the 31st" in a report of the 1st: the month before
                    when = (base.replace(day=1) - dt.timedelta(days=1)).replace(day=nth)
                day = when.isoformat()
            except ValueError:
                return None
        else:
            back = (base.weekday() - vals.WEEKDAYS.index(m.group("wd").lower())) % 7
            day = (base - dt.timedelta(days=back)).isoformat()
    else:
        day = (m.group("wd") or f"day {m.group('nth')}").lower()
    part = (m.group("part") or "").lower()
    if m.group("clock"):
        c = vals.clocks(m.group("clock"))
        if c:
            part = next(name for limit, name in PARTS if c[0].get("minutes") < limit)
    return f"{day} {part}".strip()


VAGUE = frozenset({"several"})  # the one vague word the count scan reads (it takes no "a few")


def _hedged(value: dict, text: str, start: int) -> dict:
    # "several people were killed" is no figure: it never conflicts with "six"
    h = "vague" if value["text"].lower() in VAGUE else vals.hedge(text, start)
    return {**value, "hedge": h} if h else value


def count_claim(sink: ClaimSink, sent: Sentence, m: Mention, quals: dict, lex: Lexicon,
           last_count: str | None) -> str | None:
    text = sent.text
    nouns: dict[str, list[str]] = lex.words.get("count_nouns", {})
    after = text[m.end:m.end + 40].lower()
    before = text[max(0, m.start - 60):m.start].lower()
    what = None
    label = before.rstrip().endswith(":")
    for pred, words in sorted(nouns.items()):
        if lex.pattern(tuple(words), COUNT_LEAD + r"(?:{})\b").match(after):
            what = pred
        elif lex.pattern(tuple(words), COUNT_BEFORE).search(before):
            what = what or pred
        elif label and lex.pattern(tuple(words), r"\b(?:{})\s*:\s*$").search(before):  # "Attendance: 82,612"
            what = what or pred
    if what is None:  # no noun says what: a word just before the figure may ("killing 41")
        what = next((pred for pred, words in sorted(lex.words.get("count_leads", {}).items())
                     if lex.pattern(tuple(words), r"\b(?:{})\s*$").search(before)), None)
    if what is None and last_count and lex.pattern("total_words", r"\b(?:{})\b[^.,;]{{0,30}}$").search(before):
        what = last_count
    if what is None or m.get("value") is None:
        return last_count
    # the place a count is for ("the number of dead in Arlen") keeps it apart from another place's
    quals = {("area" if k == "venue" else k): v for k, v in quals.items()}
    as_of = as_of_phrase(text, sink.source.date)
    if as_of:
        quals["as_of"] = as_of
    sink.add(sent, m.start, m.end, quals.pop("scope", ""), f"count.{what}",
             _hedged({"type": "count", "text": m.text, "value": m.get("value")}, text, m.start), quals,
             "news/count")
    return what
