"""Precedents: the year a "first since" counts from ("the first rider since Ada Holm in 2019 to win
both", "his first win since the Velmouth Grand Prix in July 2029").

A report that calls something the first since a named person, team or event "in YEAR" says when
that precedent was; every report of the story means the same precedent when it names the same one
for the same feat, so their years must agree. The claim is the precedent's year, about the first
name between "since" and the year; its ``feat`` is the verb of "the first ... to win" (or of "since
... in YEAR to win"), so "the first to reach a final since Ada Holm in 2029" and "the first to win
since Ada Holm in 2026" are two precedents. Only a phrase with no comma, colon or full stop between
"since" and the year counts ("since Holm, who won in 2019" is an aside, not a precedent); a list of
years ("since Ida Rolf in 2004 and 2005") gives each year, so a report naming both years is not
against one naming the second.

A person named as the precedent of one year is also a claim of who it was (``precedent.holder``), keyed
by the feat, the year and the kind of first ("the first player since Ada Holm in 2029 to score three":
player), so "since Ada Holm in 2029" and "since Ida Rolf in 2029" for one feat are held against each other.
"""

from __future__ import annotations

import re

from ..text import Sentence
from .claimsets import ClaimSink
from .mention import Mention
from .yearsof import dated

SINCE = re.compile(r"\bsince\s+")
# what may stand between "since" and the year: words and names, no clause break
PHRASE = re.compile(r"[^,;:.!?()\"“”]{0,80}?\b(?:in|of)\s+(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?$")
# more years in a list: "in 2004 and 2005", "in 2004, 2005 and 2007"
LIST_GAP = re.compile(r"(?:,\s*|\s+and\s+|\s+or\s+)$")
# the feat a first is of: "the first American to win", "the first rider since ... to win"
FEAT_BEFORE = re.compile(r"\bfirst\b[^,;:.]{0,60}?\bto\s+([a-z]+)\b[^,;:.]*$")
FIRST_OR_NOT = re.compile(r"\b(?:first|not|never|no|nobody|none|no one)\b[^,;:.]*$|n[’']t\b[^,;:.]*$", re.I)
FEAT_AFTER = re.compile(r"\s+to\s+([a-z]+)\b")
FIRST_KIND = re.compile(r"\bfirst\s+(?:[A-Z][a-z]+\s+)?([a-z]+)\b[^,;:.]*$")  # "the first (Arlenian) player ..."
NO_KIND = frozenset("to since time in of ever one a an the".split())
NAMED = ("person", "event", "org", "place", "other")  # not a demonym ("Italian") nor a title


def precedent_claims(sink: ClaimSink, sent: Sentence, sent_names: list, persons: dict[str, str],
                     mentions: list[Mention]) -> None:
    text = sent.text
    years = dated(mentions)
    if not years:
        return
    for since in SINCE.finditer(text):
        if not FIRST_OR_NOT.search(text, 0, since.start()):
            continue  # "has trained in Arlen since Ida Rolf left in 2029": no first counted from it
        first = next((m for m in years if m.start >= since.end()), None)
        if first is None or not PHRASE.fullmatch(text, since.end(), first.start):
            continue
        named = [n for n in sent_names if since.end() <= n.start and n.end <= first.start and n.type in NAMED]
        if not named:
            continue  # "since records began in 1949": no precedent named
        # the person of "since Norway's Ida Rolf in 2029", not the country that describes her
        name = next((n for n in named if n.text in persons), None) or next(
            (n for n in named if not n.possessive), named[0])
        listed = [first]
        for m in years:
            if m.start > listed[-1].end and LIST_GAP.fullmatch(text, listed[-1].end, m.start):
                listed.append(m)
        before = FEAT_BEFORE.search(text, 0, since.start())
        after = FEAT_AFTER.match(text, listed[-1].end)
        feat = (before or after).group(1) if before or after else None
        subject = persons.get(name.text, name.text)
        for m in listed:
            sink.add(sent, m.start, m.end, subject, "precedent.year",
                     {"type": "year", "text": str(m.get("year")), "as_written": m.text},
                     {"feat": feat} if feat else {}, "generic/precedent-year")
        if len(listed) == 1 and (name.type == "person" or name.text in persons):
            # who the precedent was: "the first player since Ada Holm in 2029 to score three", of that feat,
            # that year and that kind of first (a player's precedent is not a team's)
            kind = FIRST_KIND.search(text, 0, since.start())
            quals = {"feat": feat, "year": first.get("year"),
                     "kind": kind.group(1) if kind and kind.group(1) not in NO_KIND else None}
            sink.add(sent, name.start, name.end, "", "precedent.holder", {"type": "person", "text": subject},
                     {k: v for k, v in quals.items() if v}, "generic/precedent-holder")
