"""The years a sentence gives: years and dates written with one, and years said from the report's date
("last year", "three years ago", "last October", "In December" before a report of April).

A value near one of them is of that year (``valueclaims``); a precedent or a storm takes its year from
the mentions that give one (``dated``).
"""

from __future__ import annotations

import re

from ..text import case_blind, lowered
from . import values as vals
from .mention import Mention

LAST_YEAR = case_blind(r"\b(?:(last|next) year(?:['’]s)?|a year (ago|earlier))\b")  # see text.lowered
YEARS_AGO = re.compile(r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+years\s+ago\b")
MONTH_NAMES = "|".join(m.capitalize() for m in list(vals.MONTHS)[:12])  # the full names, January first
# "last October" in a report of April 2030 is October 2029; in one of December 2030, October 2030
LAST_MONTH = re.compile(r"\b[Ll]ast\s+(" + MONTH_NAMES + r")\b")
# "In December he won in Valencia" in a report of April 2031: a month after the report's, with no day or
# year and nothing ahead ("will", "next", "for the race in May") nor a day of its own, is last year's
IN_MONTH = re.compile(r"\b[Ii]n\s+(" + MONTH_NAMES + r")\b(?!\s*,?\s*\d)")
AHEAD = re.compile(r"\b(?:will|would|next|plans?|planned|scheduled|set\s+(?:to|for)|hopes?\s+to|aims?\s+to|due|"
                   r"expected|upcoming|ahead|for)\b", re.I)
SINCE_BEFORE = re.compile(r"\bsince\s+$")
WHEN_AFTER = re.compile(r",?\s+when\b")


def dated(mentions: list[Mention]) -> list[Mention]:
    """The mentions that give a year: a year, or a date with one."""
    return [m for m in mentions if m.type == "year" or (m.type == "date" and m.get("year"))]


def sentence_years(text: str, mentions: list[Mention], report_date: str | None) -> list[tuple[int, int, int]]:
    """(start, end, year) of each year the sentence gives, its relative ones counted from `report_date`."""
    # a year, or a date's ("the quake of Sept. 21, 1999"): what is near it is of that year
    # "for the first time since 2030": a year after "since" is when something last was, not the value's
    # (unless the sentence tells what happened then: "the deadliest since 1999, when a magnitude 6.9 ...")
    years = [(m.start, m.end, m.get("year")) for m in dated(mentions)
             if not (SINCE_BEFORE.search(text, max(0, m.start - 8), m.start) and not WHEN_AFTER.match(text, m.end))]
    if not report_date:
        return years
    this_year, month = int(report_date[:4]), int(report_date[5:7])
    # "last year", "a year ago": a year too, counted from the report's date; over the lowered text: "Next
    # year" opening a sentence is next year too (re.I kept its capital)
    years += [(r.start(), r.end(), this_year + (1 if (r.group(1) or "").lower() == "next" else -1))
              for r in lowered(text, LAST_YEAR)]
    if "ast " in text:
        years += [(r.start(), r.end(), this_year - (vals.MONTHS[r.group(1).lower()] >= month))
                  for r in LAST_MONTH.finditer(text)]
    later = [r for r in IN_MONTH.finditer(text) if vals.MONTHS[r.group(1).lower()] > month]
    # the month pattern first: few sentences name a month alone; "on Sunday" dates the sentence's news
    if later and not AHEAD.search(text) and not any(x.type in ("date", "relative") for x in mentions):
        years += [(r.start(), r.end(), this_year - 1) for r in later]
    if "years ago" in text:  # "the 2:20:19 she ran here three years ago"
        years += [(r.start(), r.end(), this_year - int(vals.number_or_word(r.group(1))))
                  for r in YEARS_AGO.finditer(text) if 1 < vals.number_or_word(r.group(1)) < 100]
    return years
