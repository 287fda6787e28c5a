"""Storms: the year of a named storm ("Hurricane Arlo in 1988", "the 1988 Hurricane Arlo", "Typhoon Arlo,
which struck in October 2019"), which every report of a story must give alike.
"""

from __future__ import annotations

import re

from ..text import Sentence
from .claimsets import ClaimSink
from .mention import Mention
from .yearsof import dated

CUES = ("Hurricane", "Typhoon", "Cyclone", "Storm")  # a plain substring test first: most sentences name none
# a named storm: storms are named once a season and their names retired or reused years apart, so one name
# in one story is one storm
STORM = re.compile(r"\b(?:Hurricane|Typhoon|Super\s+Typhoon|Cyclone|Tropical\s+Storm|Storm)\s+"
                   r"(?!(?:Center|Centre|Season|Warning|Watch|Hunters|Prediction|Tracker|Names?)\b)([A-Z][a-z]+)\b")
STORM_GAP = re.compile(r"(?:,?\s+(?:which|that|when\s+it)\b[^.;:()]{0,60}?)?\s+(?:in|of|on)\s+(?:[A-Z][a-z]+\.?\s+)?"
                       r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?$|\s+\($")
YEAR_BEFORE = re.compile(r"(?:\b(?:[Tt]he|[Ii]n)\s+|^)$")  # "the 1988 Hurricane Arlo"


def storm_claims(sink: ClaimSink, sent: Sentence, mentions: list[Mention]) -> None:
    """The year of a storm named in the sentence: the first year after it in its clause ("Hurricane Arlo in
    1988", "Typhoon Arlo, which struck on 12 October 2019", "Cyclone Arlo (2019)") or right before it ("the
    1988 Hurricane Arlo")."""
    text = sent.text
    years = dated(mentions)
    for storm in STORM.finditer(text):
        after = next((m for m in years if m.start >= storm.end()), None)
        before = next((m for m in reversed(years) if m.end <= storm.start()), None)
        if after and STORM_GAP.fullmatch(text, storm.end(), after.start) \
                and not STORM.search(text, storm.end(), after.start):  # "stronger than Typhoon Brisa in 2019"
            year = after
        elif before and storm.start() - before.end <= 1 and YEAR_BEFORE.search(text, 0, before.start):
            year = before
        else:
            continue
        sink.add(sent, year.start, year.end, storm.group(1), "storm.year",
                 {"type": "year", "text": str(year.get("year")), "as_written": year.text}, {}, "news/storm-year")
