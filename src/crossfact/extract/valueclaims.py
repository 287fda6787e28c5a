"""Claims from value mentions: who each value is about (``subjects``) and what qualifies it
(the venue, the year, the race's round and distance, the minute's action, the agency that
gave a figure, the time a count is given for), one sentence at a time.
"""

from __future__ import annotations

import re
from typing import Any

from ..text import Sentence, lowered
from . import names as nm
from . import values as vals
from .claimsets import ClaimSink
from .clauses import action_word, attribution, in_other_event, near, nearest_round
from .counts import as_of_phrase, count_claim
from .packs import Lexicon
from .subjects import clause_spans, mark_holder, record_holder, subject_at
from .times import UTC_OFFSETS
from .yearsof import sentence_years

# a dateline: the place a report was filed from and the day ("NEW YORK, Nov 5 (Reuters) -", "Arlen, 4 June:")
DATELINE = re.compile(r"[A-Z][\w .'’/-]{1,40},\s+(?:[A-Z][\w .'’-]{1,30},\s+)?")  # "NAIROBI, Kenya, Apr 16 -"
WEEKDAY = re.compile(r"\b" + vals.WEEKDAY_RE + r"\b")  # "NAIROBI, Apr 16 - ... on Monday": filed the day after
DATELINE_AFTER = re.compile(r"(?:,?\s+\d{4})?\s*(?:\([^)]{1,40}\)|[-–—:])")
SECOND_HALF = re.compile(r"\s+of\s+the\s+second\s+half")
MARGIN_AFTER = re.compile(r"\s*(?:off|from|under|quicker|faster|slower|ahead|behind|clear|inside|outside|adrift|down"
                          # "13 seconds later in 2:05:48", "15 seconds back,": not "later that evening", "back in 2029"
                          r"|(?:later|back)(?!\s+(?:that|this|on|when|in\s+(?:the\s+)?(?:19|20)\d\d|in\s+[A-Z])))\b"
                          r"|\s*before\s+[A-Z]")  # "0.01 seconds before Thompson", not "before a crowd"
BY_BEFORE = re.compile(r"\bby\s+(?:just\s+|only\s+|a\s+mere\s+|barely\s+)?$")
EARLIER_BOUT = re.compile(r"\b(?:first|previous|earlier|original)\s+(?:fight|bout|meeting)\b", re.I)
# "lifted off at 5:23", "made landfall at about 8:30", "came ashore around 8:30": a stated time of day
# a time of day given roughly: "shortly before 1 p.m.", "just after 2", "at about 9"
ROUGH_CLOCK = re.compile(r"\b(?:about|around|approximately|roughly|(?:shortly|just|soon)\s+(?:before|after))\s+$", re.I)
AT_CLOCK = re.compile(r"\b(?:at|[Aa]t\s+(?:about|around|approximately|roughly))\s+$|" + ROUGH_CLOCK.pattern)
# a later one of the story's kind of event, not its own: "a second bomb exploded at 9:58", "followed by a
# second quake of magnitude 7.5", "an aftershock"
LATER_EVENT = re.compile(r"\b(?:second|third|fourth|another|later|new)\s+(?:[a-z]+\s+)?(?:bomb|blast|explosion|"
                         r"quake|earthquake|tremor|shock|fire|crash|attack|launch|one)\b|\baftershocks?\b|\bfollowed\b",
                         re.I)
# the best of a running count: "the strongest tremor so far", "the strongest of the day"
RUNNING_BEST = re.compile(r"\b(?:strongest|largest|biggest|highest|worst)\b[^.;]{0,30}?"
                          r"\b(?:so far|of the day|yet|to date)\b")
# an estimate since revised: "a preliminary magnitude of 8.0", "first put the quake at magnitude 8.0", "upgraded
# from 8.0", "8.0, before raising it to 8.8", "upgraded it to 8.7, and minutes later to 8.8"
EARLY_ESTIMATE = re.compile(r"\b(?:preliminary|initial(?:ly)?|originally|first\s+(?:put|estimated|measured|"
                            r"gave|recorded|rated|logged|registered)|earlier\s+estimate|(?:upgraded|raised|revised|downgraded)\s+"
                            r"(?:\w+\s+){0,3}?from)\b[^.;]{0,40}$", re.I)
REVISED_AFTER = re.compile(r"\s*,?\s*(?:(?:before|and\s+then|then|but\s+later)\s+(?:\w+\s+)?"
                           r"(?:upgrad|rais|revis|downgrad|lower|correct|settl)"
                           r"|and\s+(?:[\w-]+\s+){0,5}?to\s+(?:magnitude\s+)?\d[.,]\d)", re.I)
CLAUSE_BREAK = re.compile(r",\s+(?:where|who|which|when|whose|while|nor|and|or|but)\b")
SET_AT_AFTER = re.compile(r",?\s+(?:from|at|in)\s+(?:(?:last|this)\s+year['’]s\s+|the\s+)?")
VENUE_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]t)\s+(?:the\s+)?$")  # "at the Harbour Stadium", "in Arlen"
# "9.79 seconds" alone: a time; after "by" or before "behind": a margin
# "with a provisional time of 2:02:06", "clocked an unofficial 2:17:22": a time the results may still
# change, compared only with other such times (result-time's exact: [provisional])
PROVISIONAL = re.compile(r"\b(?:provisional|unofficial|preliminary)\s+(?:(?:winning|finishing)\s+)?"
                         r"(?:time\s+(?:of\s+)?)?$", re.I)
PLAIN_SECONDS = re.compile(r"[\d.,]+\s*(?:seconds?|secs?|sec|s)$")


def value_claims(sink: ClaimSink, sent: Sentence, sent_names: list, resolved: list, mentions: list,
            topic: str | None, lex: Lexicon, last_count: str | None, agency: str | None = None) -> str | None:
    text = sent.text
    # "Arlenia's Ada Holm", "Ada Holm of Arlenia": a country someone is of is whose they are, not where a
    # value was given
    countries = lex.set("countries")
    places = [(n.start, n.end, n.text) for n in sent_names
              if not (n.possessive or (n.after == "of" and n.text in countries))
              and n.type in ("place", "event") and (n.after in nm.PLACE_PREPOSITIONS or n.type == "place")]
    this_year = int(sink.source.date[:4]) if sink.source.date else None
    years = sentence_years(text, mentions, sink.source.date)
    # a value in brackets right after another is the same value converted ("1.2 meters (4 feet)"): no blocker
    marks = [m.start for m in mentions if m.type in ("duration", "measure") and m.get("precise", True)
             and text.count("(", 0, m.start) <= text.count(")", 0, m.start)]
    first = next(lowered(text, lex.blind("distances", r"(?<![\w-])({})\b")), None)  # its text: lower case
    distances = [first.group(1)] if first else []
    for r, person in resolved:
        apposition = vals.APPOSED_AGE.match(text, r.end)
        if r.name and person and apposition:
            a, b = apposition.start(1), apposition.end(1)
            sink.add(sent, a, b, person, "person.age", {"type": "age", "text": apposition.group(1),
                                                        "value": int(apposition.group(1))}, {}, "generic/age")
    # relative clauses, read once for the sentence: a place or a year inside one is not a value's
    relative = clause_spans(text) if "," in text and (places or years) else []
    # "In March 2018, a plane crashed ..., killing 51 people": a year opening the sentence dates all of it
    opening = OPENING_YEAR.match(text) if years else None
    semicolon = text.find(";")  # "...; this week officials said 52": the opening year ends at the semicolon
    for m in mentions:
        others = [x for x in marks if x != m.start]
        if m.type == "count":  # "92 died in Arlen, two in Brisk and one in Corvo": each count's own place
            others += [x.start for x in mentions if x.type == "count" and x.start != m.start]
        # a place or a year inside a relative clause closed before the value is the clause's ("Ada Holm,
        # who dropped out in Arlen last year, was sixth in 2:05:52"): the nearest one outside it is the value's
        closed = [(a, b) for a, b, opened in relative if opened <= m.start and b < m.start]
        place = near([p for p in places if not any(a < p[0] < b for a, b in closed)], m.start, m.end, text, 120, others)
        year = near([y for y in years if not any(a < y[0] < b for a, b in closed)], m.start, m.end, text, 60, others)
        if year is None and opening and (semicolon < 0 or m.start < semicolon):
            year = (opening.start(1), opening.end(1), int(opening.group(1)))  # "In March 2018, ... killing 51"
        quals: dict[str, Any] = {}
        if place:
            quals["venue"] = place[2]
        if year and m.type != "year":
            quals["year"] = year[2]
        if distances and m.type == "duration":
            quals["distance"] = distances[0].lower().replace(" ", "-")
        if m.type == "duration":
            stage = nearest_round(text, m.start, m.end)
            if stage:  # a heat time is not the final's
                quals["round"] = stage
        subject = subject_at(m.start, m.end, text, resolved, topic)
        margin = m.type == "duration" and (MARGIN_AFTER.match(text, m.end) or BY_BEFORE.search(text, 0, m.start))
        if m.type == "duration" and m.get("precise") and not (margin and PLAIN_SECONDS.match(m.text)):
            value = {"type": "duration", "text": m.text, "seconds": m.get("seconds")}
            if m.get("alt"):
                value["alt_seconds"] = m.get("alt")
            timed = {**quals, "provisional": True} if PROVISIONAL.search(text, max(0, m.start - 40), m.start) else quals
            sink.add(sent, m.start, m.end, subject or "", "result.time", value, timed, "generic/time")
            # where a mark was set is a place it was set "in" or "at", not one the race went
            # "through" or "on" ("kicked past her on Harbour Street and stopped the clock at 2:27:37")
            # nor one before it across a clause of its own ("skipped the championships in Tokyo to target Berlin,
            # where he attacked the record of 2:00:35") or another item ("set in Chicago, nor the 2:01:09")
            set_at = {k: v for k, v in quals.items() if k != "venue" or (
                VENUE_BEFORE.search(text, 0, place[0]) and not (place[1] <= m.start and CLAUSE_BREAK.search(
                    text, place[1], m.start)))}
            # "..., 2:17:49 from last year's Berlin Marathon": the race named right after a mark is where it was run
            ran_at = SET_AT_AFTER.match(text, m.end)
            named_at = next((n for n in sent_names if ran_at and n.start == ran_at.end()
                             and n.type in ("place", "event")), None)
            if named_at:
                set_at["venue"] = named_at.text
            _mark(sink, sent, m, value, set_at, resolved, lex)
        elif m.type == "duration" and subject and margin:
            sink.add(sent, m.start, m.end, subject, "result.margin",
                     {"type": "duration", "text": m.text, "seconds": m.get("seconds")}, quals, "generic/margin")
        elif m.type == "duration" and not margin and _match_length(text, m):
            value = {"type": "duration", "text": m.text, "seconds": m.get("seconds")}
            hedged = vals.hedge(text, m.start)
            if hedged:
                value["hedge"] = hedged  # "after almost five hours": a rounding
            sink.add(sent, m.start, m.end, "", "event.duration", value,
                     {k: v for k, v in quals.items() if k in ("year", "round")}, "generic/duration")
        elif m.type == "minute":
            minute = m.get("minute")
            if SECOND_HALF.match(text, m.end):
                minute += 45
            action = action_word(text, m.start, m.end, lex)
            if action:
                quals["action"] = action
            if subject:
                sink.add(sent, m.start, m.end, subject, "event.minute",
                         {"type": "minute", "text": m.text, "minute": minute}, quals, "sports/minute")
        elif m.type == "round":
            # "stopped him in the 11th round": the round of the contest's one-off end, about the contest
            action = action_word(text, m.start, m.end, lex, "round_actions")
            people = sorted({p for _, p in resolved if p})  # whose contest: an undercard bout is another
            if action and len(people) >= 2 and not EARLIER_BOUT.search(text):  # two: fighters, or one and the referee
                sink.add(sent, m.start, m.end, "", "event.round", {"type": "round", "text": m.text,
                                                                  "value": m.get("round")},
                         {"action": action, "people": people,
                          **({"year": quals["year"]} if quals.get("year") else {})}, "sports/round")
        elif m.type == "record_age":
            holder = record_holder(m.start, m.end, text, resolved)
            if holder:  # "Lund's 30-year-old record", "the 30-year-old record set by Lund"
                sink.add(sent, m.start, m.end, holder, "record.age",
                         {"type": "age", "text": m.text, "value": m.get("age")}, {}, "athletics/record-age")
        elif m.type == "age":
            # "the 23-year-old Ukrainian" is itself a reference: it is about whom it refers to;
            # "the 38-year-old Lund" is about the name that follows
            holder = next((p for r, p in resolved if r.start <= m.start < r.end and p), None) or next(
                (p for r, p in resolved if r.name and m.end < r.start <= m.end + 25
                 and re.fullmatch(r"(?:\s+(?!from\b|of\b|in\b|at\b)[a-z][\w-]*)*\s+(?:[A-Z][a-z]+\s+)?",
                                  text[m.end:r.start])), None)
            # "killed ... at the age of 24" after "She dedicated her victory to Ida Rolf": a named person's
            who = holder or (subject_at(m.start, m.end, text, [(r, p) for r, p in resolved if r.name], None)
                             if m.get("said") else subject)
            if who:
                sink.add(sent, m.start, m.end, who, "person.age",
                         {"type": "age", "text": m.text, "value": m.get("age")},
                         {k: v for k, v in quals.items() if k == "year"}, "generic/age")
        elif m.type == "tally":
            if subject:
                tally_quals = {"scope": m.get("scope")} if m.get("scope") else {}
                if quals.get("year"):
                    tally_quals["year"] = quals["year"]
                # a streak ("fifth title in a row") counts other things than a career ("eighth title")
                noun = m.get("noun") if m.get("scope") != "straight" else f"{m.get('noun')}-in-a-row"
                sink.add(sent, m.start, m.end, subject, f"tally.{noun}",
                         {"type": "tally", "text": m.text, "value": m.get("value")}, tally_quals, "sports/tally")
        elif m.type == "place":
            if subject and not in_other_event(text, m.end, sent_names, sink.main_event):
                sink.add(sent, m.start, m.end, subject, "result.place",
                         {"type": "place", "text": m.text, "value": m.get("place")},
                         {k: v for k, v in quals.items() if k in ("year", "distance")}, "generic/place")
        elif m.type == "score":
            if subject:
                score_quals = {k: v for k, v in quals.items() if k == "year"}
                stage = m.get("stage") or nearest_round(text, m.start, m.end)
                if stage and stage != "final":  # "beat Arlen 44-6 in their semi-final": not the final's score
                    score_quals["round"] = stage
                sink.add(sent, m.start, m.end, subject, "result.score",
                         {"type": "score", "text": m.text, "pairs": [list(p) for p in m.get("pairs")]},
                         score_quals, "sports/score")
        elif m.type == "measure":
            value = {"type": "measure", "text": m.text, "value": m.get("value"), "dimension": m.get("dimension")}
            hedged = vals.hedge(text, m.start)
            if hedged:
                value["hedge"] = hedged
            elif RUNNING_BEST.search(text, max(0, m.start - 60), m.start):
                value["hedge"] = "running"  # "the strongest tremor so far, a magnitude 4.9": of its day, not a fact
            as_of = as_of_phrase(text, sink.source.date)
            if as_of:
                quals["as_of"] = as_of
            clocks = [(c.start, c.end, c) for c in mentions if c.type == "clock"]
            clock = near(clocks, m.start, m.end, text, 90, others)
            if clock and "." in m.text and clock[0] > m.start:
                # a precise measurement ("1.2 meters") and when it was taken
                c = clock[2]
                when = {"type": "clock", "text": c.text, "minutes": c.get("minutes"), "measure": m.text}
                conv = _conversion(c, mentions, text)
                if conv is not None:  # "12:50 p.m. (0620 GMT)": the instant, whatever the local zone
                    when["utc"] = (conv.get("minutes") - 60 * UTC_OFFSETS[conv.get("zone")]) % 1440
                    when["text"] = f"{c.text} ({conv.text})"
                if ROUGH_CLOCK.search(text, max(0, c.start - 24), c.start):
                    when["hedge"] = "about"  # "struck shortly before 1:00 pm": no time to hold against 12:50
                sink.add(sent, c.start, c.end, f"{m.get('dimension')}:{m.get('value'):g}", "mark.clock", when,
                         {"zone": c.get("zone")} if c.get("zone") else {}, "news/measure-clock")
            given_by = attribution(text, m.start, sent_names) or agency
            if given_by:  # "6.8 according to one agency" and "6.9 according to another" are two figures
                quals["source"] = given_by
            if m.get("dimension") == "magnitude" and LATER_EVENT.search(text, max(0, m.start - 60), m.start):
                quals["shock"] = "later"  # "followed by a second quake of magnitude 7.5": not the main shock
            if m.get("dimension") == "magnitude" and (EARLY_ESTIMATE.search(text, max(0, m.start - 60), m.start)
                                                      or REVISED_AFTER.match(text, m.end)):
                quals["estimate"] = "early"  # "a preliminary magnitude of 8.0", "first put it at 8.0": since revised
            # "the strongest since 1999" after the magnitude: 1999 is not the quake's year
            since = year and year[0] > m.end and text.endswith("since ", 0, year[0])
            if m.get("dimension") == "magnitude" and (quals.get("year") == this_year or since):
                quals.pop("year", None)  # this year's quake is the story's own: only an older one is told apart
            # a measurement belongs to someone named in its sentence, never to the story's main person
            subj = subject_at(m.start, m.end, text, resolved, None) or ""
            sink.add(sent, m.start, m.end, subj, f"measure.{m.get('dimension')}", value, quals, "generic/measure")
        elif m.type == "clock":
            value = {"type": "clock", "text": m.text, "minutes": m.get("minutes"), "zone": m.get("zone")}
            # "lifted off at 5:23 a.m.": the time of the story's one-off action, about the event itself
            at = AT_CLOCK.search(text, max(0, m.start - 24), m.start)
            # "a second bomb exploded at 9:58": not the story's one-off action
            again = LATER_EVENT.search(text, max(0, m.start - 80, text.rfind(",", 0, m.start)), m.start)
            action = action_word(text, m.start, m.end, lex, "clock_actions", before=True) if at and not again else None
            if ROUGH_CLOCK.search(text, max(0, m.start - 24), m.start):
                value["approx"] = True  # "at about 9 p.m.", "shortly after 1 a.m.": a rounding, within half an hour
            if action:
                quals["action"] = action
            if m.get("zone"):  # "8:58 a.m. Japan time" is not the local 7:58 a.m. an hour off
                quals["zone"] = m.get("zone")
            subject = "" if action else place[2] if place else ""
            sink.add(sent, m.start, m.end, subject, "event.clock", value, quals, "news/clock")
        elif m.type == "relative":
            value = {"type": "relative", "text": m.text, "days": list(m.get("days"))}
            hedged = vals.hedge(text, m.start)
            if hedged:  # "more than a month ago": a bound, not a date
                value["hedge"] = hedged
            if _quoted(text, m.start):  # '"... a winner today," she said': spoken on a day the report may not be
                value["quoted"] = True
            sink.add(sent, m.start, m.end, subject or "", "relative", value, quals, "generic/relative")
        elif m.type == "date":
            # "the 2018 final on Sunday, July 15": a year nearby is the date's year
            before_year = year[2] if year and year[1] <= m.start and "," not in text[year[1]:m.start] else None
            value = {"type": "date", "text": m.text, "year": m.get("year") or before_year,
                     "month": m.get("month"), "day": m.get("day"), "weekday": m.get("weekday")}
            # a dateline's date ("NEW YORK, Nov 5 (Agency) -") is when the report was filed: the event's only when
            # the sentence gives it no other date ("... completed the race on November 3")
            dateline = DATELINE.match(text, 0, m.start)
            event = None if dateline and dateline.end() == m.start and DATELINE_AFTER.match(text, m.end) and (any(
                x.type == "date" and x.start > m.end for x in mentions) or WEEKDAY.search(text, m.end)) else near(
                [(n.start, n.end, n.text) for n in sent_names if n.type == "event"], m.start, m.end, text, 80, [])
            if value["year"]:
                quals["year"] = value["year"]  # "June 12, 2023" is not the June 14, 2025 of another report
            if not m.get("span"):
                sink.add(sent, m.start, m.end, event[2] if event else "", "event.date", value, quals, "generic/date")
            elif value["weekday"]:  # "from Wednesday, 7 May": no event's date, but its weekday can be wrong
                sink.add(sent, m.start, m.end, "", "date.span", value, quals, "generic/date")
        elif m.type == "count":
            last_count = count_claim(sink, sent, m, quals, lex, last_count)
    return last_count


# how long a match lasted: an hour or more, said as a match's length ("a contest that lasted one hour and
# 53 minutes", "after four hours and 42 minutes", "in 147 minutes", "4hr 32min of tennis"), not a margin or a
# delay ("two hours and 25 minutes quicker", "play resumed after two hours")
# "after almost three hours" (a rounding: values.hedge reads it); not "in less than two hours and one minute"
LASTED = re.compile(r"\b(?:lasted|lasting|after|in|needed|took|for|of|over in|ran for)\s+(?:the\s+)?"
                    r"(?:(?:just|only|a|almost|nearly|about|around|over|some|roughly|more\s+than|close\s+to)\s+)?$",
                    re.I)
MATCH_WORDS = re.compile(r"\b(?:match|final|contest|game|play|tennis|bout|fight|encounter|duel|semi-?final|wins?|won|"
                         r"victory|beat|title)\b|\bto\s+(?:close|seal|wrap|see)\b|\bwas\s+(?:all\s+)?over\b", re.I)
NOT_LENGTH = re.compile(r"\s*(?:quicker|faster|longer|shorter|slower|less|more|earlier|later|before|ago|behind|ahead|"
                        r"left|to go|late|delay|of (?:rain|delay|waiting))\b")


CONVERSION = re.compile(r"\s*\(\s*$")


def _conversion(c: vals.Mention, mentions: list, text: str) -> vals.Mention | None:
    """The bracketed conversion of a clock into a known zone right after it ("12:50 p.m. (0620 GMT)")."""
    conv = next((x for x in mentions if x.type == "clock" and x.start > c.end), None)
    if conv is None or not CONVERSION.fullmatch(text, c.end, conv.start) or conv.get("zone") not in UTC_OFFSETS:
        return None
    return conv


def _quoted(text: str, pos: int) -> bool:
    """Inside a quotation: an odd number of straight quotes, or more opening than closing curly ones, before it."""
    return text.count('"', 0, pos) % 2 == 1 or text.count("“", 0, pos) > text.count("”", 0, pos)


def _match_length(text: str, m: vals.Mention) -> bool:
    seconds = float(m.get("seconds"))
    if m.get("precise") or ":" in m.text or seconds < 1800 or NOT_LENGTH.match(text, m.end) \
            or "resum" in text or "suspend" in text or "delay" in text or not MATCH_WORDS.search(text):
        return False
    if HOURS.search(m.text):
        return seconds >= 3600 and bool(LASTED.search(text, max(0, m.start - 30), m.start))
    # minutes alone are a match's length only where the sentence says so and names no part of it
    # ("won 6-2, 6-1 in 68 minutes", "After 78 minutes it was over"; not "took the first set in 34
    # minutes", nor "after 90 minutes" of a match that went to extra time)
    return not PART_OF_MATCH.search(text) and bool(
        MINUTES_LASTED.search(text, max(0, m.start - 30), m.start) or IT_WAS_OVER.match(text, m.end))


HOURS = re.compile(r"hours?|hrs?|\dh", re.I)
PART_OF_MATCH = re.compile(r"\b(?:sets?|half|halves|quarters?|period|innings?|rounds?|laps?|stages?|extra time|"
                           r"stoppage|injury time|break|penalt(?:y|ies)|shoot-?out|overtime)\b", re.I)
MINUTES_LASTED = re.compile(r"\b(?:lasted|lasting|in(?: just| only)?|needed|took)\s+$", re.I)
IT_WAS_OVER = re.compile(r"\s*,?\s*(?:it|the (?:match|final|game|contest))\s+was\s+(?:all\s+)?over\b")


OPENING_YEAR = re.compile(r"(?:In|During)\s+(?:(?:early|late|mid-?)\s*)?(?:" + vals.MONTH_RE + r"\s+)?"
                          r"((?:19|20)\d{2}),")
STREET_HEADS = frozenset("Street Road Avenue Boulevard Lane Square Drive".split())


def _mark(sink: ClaimSink, sent: Sentence, m: vals.Mention, value: dict, quals: dict, resolved: list,
          lex: Lexicon) -> None:
    """A precise mark (a record time) carries where, when and by whom it was set."""
    key = f"{m.get('seconds'):.2f}s"
    if quals.get("venue"):
        venue = {"type": "place", "text": quals["venue"], "mark": m.text}
        # a country holds the town a mark was set in, and a town its streets: "Spain" and "Valencia",
        # "Boston" and "Boylston Street" may both be right (compare.equal)
        if quals["venue"] in lex.set("countries"):
            venue["scale"] = "country"
        elif quals["venue"].split()[-1] in STREET_HEADS:
            venue["scale"] = "street"
        sink.add(sent, m.start, m.end, key, "mark.venue", venue, {}, "athletics/mark-venue")
    if quals.get("year"):
        sink.add(sent, m.start, m.end, key, "mark.year", {"type": "year", "text": str(quals["year"]), "mark": m.text},
                 {}, "athletics/mark-year")
    holder = mark_holder(m.start, m.end, sent.text, resolved)
    if holder:
        sink.add(sent, m.start, m.end, key, "mark.holder", {"type": "person", "text": holder, "mark": m.text},
                 {}, "athletics/mark-holder")


