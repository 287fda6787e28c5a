"""Turn one source into claims: mentions first, then who each value is about.

The subject of a value is found the way a reader finds it: a possessive right
before it ("Oyarzabal's 86th-minute goal"), the person a relative clause hangs on
("Ingebrigtsen, who clocked 3:45.60"), "by X" right after a record, else the
nearest actor before it in the sentence (not one after "beating" or "from"), and
pronouns and descriptions ("the Scot") stand for the sentence's or the previous
sentence's topic.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Claim, Source
from ..text import Sentence, sentences
from . import names as nm
from . import values as vals
from .claimsets import ClaimSink
from .packs import Lexicon, Pack, lexicon
from .quotes import quote_claims

MAX_PROSE = 3000
LAST_YEAR = re.compile(r"\b(?:(last|next) year(?:['’]s)?|a year (ago|earlier))\b", re.I)
SECOND_HALF = re.compile(r"\s+of\s+the\s+second\s+half")
MARGIN_AFTER = re.compile(r"\s*(?:off|from|under|quicker|faster|slower|ahead|clear|inside|outside)\b")
RELATIVE_OPEN = re.compile(r",\s*(?:who|which|whose)\b")


def extract(source: Source, packs: tuple[Pack, ...]) -> list[Claim]:
    lex = lexicon(packs)
    sents = sentences(source.text)
    found = [nm.names(s.text, lex) for s in sents]
    persons = nm.person_index([n for ns in found for n in ns], lex)
    places = frozenset(n.text for ns in found for n in ns if n.type in ("place", "event", "org"))
    for sent, sent_names in zip(sents, found, strict=False):
        for lone in nm.lone_persons(sent.text, sent_names, places, lex):
            persons.setdefault(lone, lone)
    sink = ClaimSink(source)
    by_sentence = _values_by_sentence(source.text, sents)
    topic: str | None = None
    last_count: str | None = None
    for sent, sent_names in zip(sents, found, strict=False):
        for n in sent_names:
            subject = persons.get(n.text, n.text)
            sink.add(sent, n.start, n.end, subject, "name",
                     {"type": "name", "text": n.text, "entity": n.type if n.text not in persons else "person"},
                     {}, "generic/name")
        refs = nm.refs(sent.text, sent_names, persons, lex)
        resolved = []
        for r in refs:
            earlier = [p for q, p in resolved if q.name and not q.object and not q.possessive]
            resolved.append((r, r.name or (earlier[0] if earlier and r.start > 0 else topic)))
        actors = [p for r, p in resolved if p and not r.object and not r.possessive]
        named = [p for r, p in resolved if r.name]
        # no actor ("...without Rodri."): the last person named is what a following "the midfielder" means
        sentence_topic = actors[0] if actors else (named[-1] if named else None)
        # a "sentence" of thousands of characters is a table or junk, not prose: its values are not
        # attributed (that analysis looks around each value, and would grow with the square of its length)
        mentions = by_sentence[sent.index] if len(sent.text) <= MAX_PROSE else []
        last_count = _values(sink, sent, sent_names, resolved, mentions, topic, lex, last_count)
        _patterns(sink, sent, resolved, topic, packs, sent_names)
        if sentence_topic:
            topic = sentence_topic
        if sent.paragraph != (sents[sent.index + 1].paragraph if sent.index + 1 < len(sents) else -1):
            last_count = None
    quote_claims(sink, sents, found, persons, lex)
    return sink.claims()


BY_AFTER = re.compile(r"\s*,?\s*(?:(?:set|run|held|clocked|posted|achieved|established|registered)\s+)?(?:by|for)\s+"
                      r"(?:(?:[a-z]+|[A-Z][a-z]+'s)\s+){0,3}")
THAT_AFTER = re.compile(r"\s*,?\s*(?:that|which)\s+(?:(?:[a-z]+|[A-Z][a-z]+'s)\s+){0,3}")


def _values_by_sentence(text: str, sents: list[Sentence]) -> list[list[vals.Mention]]:
    """Value mentions found in one pass over the whole text (far fewer regex calls than one pass
    per sentence), handed to each sentence with offsets relative to it."""
    from bisect import bisect_right
    from dataclasses import replace

    starts = [s.start for s in sents]
    out: list[list[vals.Mention]] = [[] for _ in sents]
    for m in vals.all_values(text):
        i = bisect_right(starts, m.start) - 1
        if i < 0 or m.end > sents[i].end:
            continue  # across a sentence boundary: not a value of one sentence
        out[i].append(replace(m, start=m.start - sents[i].start, end=m.end - sents[i].start))
    return out


def subject_at(pos: int, end: int, text: str, resolved: list, topic: str | None) -> str | None:
    """Who the value at text[pos:end] is about (see the module docstring)."""
    after = text[end:end + 80]
    for rx in (BY_AFTER, THAT_AFTER):
        m = rx.match(after)
        if m:
            for r, person in resolved:
                if r.name and r.start == end + m.end():
                    rest = text[r.end:r.end + 40]
                    if rx is BY_AFTER or re.match(r"\s+(?:had\s+|has\s+)?(?:set|ran|run|clocked|posted|held)", rest):
                        return person
    before = [(r, p) for r, p in resolved if r.end <= pos and p]
    for r, p in reversed(before):
        gap = text[r.end:pos]
        if r.possessive and r.name and (len(gap.split()) <= 1 or re.fullmatch(r"\s*(?:[\w-]+\s+){0,3}of\s*", gap)):
            return p
    opener = None
    for m in RELATIVE_OPEN.finditer(text[:pos]):
        if "," not in text[m.end():pos]:
            opener = m.start()
    if opener is not None:
        hung = [p for r, p in before if r.end <= opener and opener - r.end <= 40 and r.name]
        if hung:
            return hung[-1]
    closed = [(m.start(), m.end() + text[m.end():pos].find(",")) for m in RELATIVE_OPEN.finditer(text[:pos])
              if "," in text[m.end():pos]]
    for r, p in reversed(before):
        if r.object or (r.possessive and not r.name):
            continue
        if any(a < r.start < b for a, b in closed):
            continue
        return p
    named = [p for r, p in before if r.name]
    return named[-1] if named else topic


def _near(items: list[Any], pos: int, end: int, text: str, window: int, blockers: list[int]) -> Any:
    """The item closest to [pos, end) in the same clause, not across another value."""
    best, best_d = None, window + 1
    for it in items:
        a, b = it[0], it[1]
        lo, hi = (b, pos) if b <= pos else (end, a)
        if any(lo <= x < hi for x in blockers) or ";" in text[lo:hi]:
            continue
        d = hi - lo
        if d < best_d:
            best, best_d = it, d
    return best


def _values(sink: ClaimSink, sent: Sentence, sent_names: list, resolved: list, mentions: list,
            topic: str | None, lex: Lexicon, last_count: str | None) -> str | None:
    text = sent.text
    places = [(n.start, n.end, n.text) for n in sent_names
              if n.type in ("place", "event") and (n.after in nm.PLACE_PREPOSITIONS or n.type == "place")]
    years = [(m.start, m.end, m.get("year")) for m in mentions if m.type == "year"]
    if sink.source.date:  # "last year", "a year ago": a year too, counted from the report's date
        this = int(sink.source.date[:4])
        years += [(r.start(), r.end(), this + (1 if r.group(1) == "next" else -1)) for r in LAST_YEAR.finditer(text)]
    # a value in brackets right after another is the same value converted ("1.2 meters (4 feet)"): no blocker
    marks = [m.start for m in mentions if m.type in ("duration", "measure") and m.get("precise", True)
             and text.count("(", 0, m.start) <= text.count(")", 0, m.start)]
    first = lex.pattern("distances", r"(?<![\w-])({})\b").search(text)
    distances = [first.group(1)] if first else []
    for r, person in resolved:
        apposition = re.match(r",\s(\d{1,2}),", text[r.end:])
        if r.name and person and apposition:
            a, b = r.end + apposition.start(1), r.end + apposition.end(1)
            sink.add(sent, a, b, person, "person.age", {"type": "age", "text": apposition.group(1),
                                                        "value": int(apposition.group(1))}, {}, "generic/age")
    for m in mentions:
        others = [x for x in marks if x != m.start]
        place = _near(places, m.start, m.end, text, 120, others)
        year = _near(years, m.start, m.end, text, 60, others)
        quals: dict[str, Any] = {}
        if place:
            quals["venue"] = place[2]
        if year and m.type != "year":
            quals["year"] = year[2]
        if distances and m.type == "duration":
            quals["distance"] = distances[0].lower().replace(" ", "-")
        subject = subject_at(m.start, m.end, text, resolved, topic)
        if m.type == "duration" and m.get("precise"):
            value = {"type": "duration", "text": m.text, "seconds": m.get("seconds")}
            if m.get("alt"):
                value["alt_seconds"] = m.get("alt")
            sink.add(sent, m.start, m.end, subject or "", "result.time", value, quals, "generic/time")
            _mark(sink, sent, m, value, quals, resolved, topic)
        elif m.type == "duration" and subject and (MARGIN_AFTER.match(text, m.end) or text.endswith("by ", 0, m.start)):
            sink.add(sent, m.start, m.end, subject, "result.margin",
                     {"type": "duration", "text": m.text, "seconds": m.get("seconds")}, quals, "generic/margin")
        elif m.type == "minute":
            minute = m.get("minute")
            if SECOND_HALF.match(text, m.end):
                minute += 45
            action = _action(text, m.start, m.end, lex)
            if action:
                quals["action"] = action
            if subject:
                sink.add(sent, m.start, m.end, subject, "event.minute",
                         {"type": "minute", "text": m.text, "minute": minute}, quals, "sports/minute")
        elif m.type == "age":
            # "the 23-year-old Ukrainian" is itself a reference: it is about whom it refers to
            holder = next((p for r, p in resolved if r.start <= m.start < r.end and p), None)
            who = holder or subject
            if who:
                sink.add(sent, m.start, m.end, who, "person.age",
                         {"type": "age", "text": m.text, "value": m.get("age")},
                         {k: v for k, v in quals.items() if k == "year"}, "generic/age")
        elif m.type == "tally":
            if subject:
                tally_quals = {"scope": m.get("scope")} if m.get("scope") else {}
                if quals.get("year"):
                    tally_quals["year"] = quals["year"]
                sink.add(sent, m.start, m.end, subject, f"tally.{m.get('noun')}",
                         {"type": "tally", "text": m.text, "value": m.get("value")}, tally_quals, "sports/tally")
        elif m.type == "place":
            if subject:
                sink.add(sent, m.start, m.end, subject, "result.place",
                         {"type": "place", "text": m.text, "value": m.get("place")},
                         {k: v for k, v in quals.items() if k in ("year", "distance")}, "generic/place")
        elif m.type == "score":
            if subject:
                sink.add(sent, m.start, m.end, subject, "result.score",
                         {"type": "score", "text": m.text, "pairs": [list(p) for p in m.get("pairs")]},
                         {k: v for k, v in quals.items() if k == "year"}, "sports/score")
        elif m.type == "measure":
            value = {"type": "measure", "text": m.text, "value": m.get("value"), "dimension": m.get("dimension")}
            as_of = as_of_phrase(text, sink.source.date)
            if as_of:
                quals["as_of"] = as_of
            clocks = [(c.start, c.end, c) for c in mentions if c.type == "clock"]
            clock = _near(clocks, m.start, m.end, text, 90, others)
            if clock and "." in m.text and clock[0] > m.start:
                # a precise measurement ("1.2 meters") and when it was taken
                c = clock[2]
                sink.add(sent, c.start, c.end, f"{m.get('dimension')}:{m.get('value'):g}", "mark.clock",
                         {"type": "clock", "text": c.text, "minutes": c.get("minutes"), "measure": m.text},
                         {"zone": c.get("zone")} if c.get("zone") else {}, "news/measure-clock")
            subj = subject or ""
            sink.add(sent, m.start, m.end, subj, f"measure.{m.get('dimension')}", value, quals, "generic/measure")
        elif m.type == "clock":
            value = {"type": "clock", "text": m.text, "minutes": m.get("minutes"), "zone": m.get("zone")}
            sink.add(sent, m.start, m.end, place[2] if place else "", "event.clock", value, quals, "news/clock")
        elif m.type == "relative":
            sink.add(sent, m.start, m.end, subject or "", "relative",
                     {"type": "relative", "text": m.text, "days": list(m.get("days"))}, quals, "generic/relative")
        elif m.type == "date":
            # "the 2018 final on Sunday, July 15": a year nearby is the date's year
            before_year = year[2] if year and year[1] <= m.start and "," not in text[year[1]:m.start] else None
            value = {"type": "date", "text": m.text, "year": m.get("year") or before_year,
                     "month": m.get("month"), "day": m.get("day"), "weekday": m.get("weekday")}
            event = _near([(n.start, n.end, n.text) for n in sent_names if n.type == "event"],
                          m.start, m.end, text, 80, [])
            if not m.get("span"):
                sink.add(sent, m.start, m.end, event[2] if event else "", "event.date", value, quals, "generic/date")
        elif m.type == "count":
            last_count = _count(sink, sent, m, quals, lex, last_count)
    return last_count


def _action(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """The nearest action word in the value's clause ("came on ... in the 68th minute")."""
    lo = max(text.rfind(",", 0, start), text.rfind(";", 0, start)) + 1
    hi_candidates = [i for i in (text.find(",", end), text.find(";", end)) if i >= 0]
    hi = min(hi_candidates) if hi_candidates else len(text)
    best, dist = None, 10**6
    for action, words in sorted(lex.words.get("minute_actions", {}).items()):
        for m in lex.pattern(tuple(words)).finditer(text, lo, hi):
            d = start - m.end() if m.start() < start else m.start() - end
            if 0 <= d < dist:
                best, dist = action, d
    return best


def _mark(sink: ClaimSink, sent: Sentence, m: vals.Mention, value: dict, quals: dict, resolved: list,
          topic: str | None) -> None:
    """A precise mark (a record time) carries where, when and by whom it was set."""
    key = f"{m.get('seconds'):.2f}s"
    if quals.get("venue"):
        sink.add(sent, m.start, m.end, key, "mark.venue", {"type": "place", "text": quals["venue"], "mark": m.text},
                 {}, "athletics/mark-venue")
    if quals.get("year"):
        sink.add(sent, m.start, m.end, key, "mark.year", {"type": "year", "text": str(quals["year"]), "mark": m.text},
                 {}, "athletics/mark-year")


COUNT_LEAD = r"\s*(?:people\s+|persons\s+|were\s+|have\s+been\s+|are\s+|confirmed\s+|reported\s+)*"
COUNT_BEFORE = r"\b(?:{})\b[^.,;]{{0,30}}\b(?:rose to|reached|climbed to|stood at|hit|of|at|to|is|was|now)\s*$"
AS_OF = re.compile(
    r"\b(?:as of|by|on|at|until|through)\s+(?:(?P<clock>\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?)\s*(?:on\s+)?)?"
    r"(?:(?:the\s+)?(?P<nth>\d{1,2})(?:st|nd|rd|th)\b|(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?)", re.I)
PARTS = [(12 * 60, "morning"), (17 * 60, "afternoon"), (21 * 60, "evening"), (24 * 60, "night")]


def as_of_phrase(text: str, report: str | None) -> str | None:
    """'as of 6:00 p.m. on the 3rd' and 'by Wednesday evening' (of a report dated the 3rd) are one time."""
    import datetime as dt

    m = AS_OF.search(text)
    if not m:
        return None
    day = None
    if report:
        base = dt.date.fromisoformat(report)
        if m.group("nth"):
            try:
                day = base.replace(day=int(m.group("nth"))).isoformat()
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


def _count(sink: ClaimSink, sent: Sentence, m: vals.Mention, quals: dict, lex: Lexicon,
           last_count: str | None) -> str | None:
    text = sent.text
    nouns: dict[str, list[str]] = lex.words.get("count_nouns", {})
    after = text[m.end:m.end + 40].lower()
    before = text[max(0, m.start - 60):m.start].lower()
    what = None
    for pred, words in sorted(nouns.items()):
        if lex.pattern(tuple(words), COUNT_LEAD + r"(?:{})\b").match(after):
            what = pred
        elif lex.pattern(tuple(words), COUNT_BEFORE).search(before):
            what = what or pred
    if what is None and last_count and lex.pattern("total_words", r"\b(?:{})\b[^.,;]{{0,30}}$").search(before):
        what = last_count
    if what is None or m.get("value") is None:
        return last_count
    quals = {k: v for k, v in quals.items() if k != "venue"}
    as_of = as_of_phrase(text, sink.source.date)
    if as_of:
        quals["as_of"] = as_of
    sink.add(sent, m.start, m.end, quals.pop("scope", ""), f"count.{what}",
             {"type": "count", "text": m.text, "value": m.get("value")}, quals, "news/count")
    return what


def _stop(value: str, pack: Pack) -> bool:
    """A pattern's name slot caught a sentence opener ("The", "He"), not a name."""
    return value.split()[0] in ("The", "He", "She", "It", "They", "A", "An", "This", "That", "But", "And")


def _patterns(sink: ClaimSink, sent: Sentence, resolved: list, topic: str | None, packs: tuple[Pack, ...],
              sent_names: list) -> None:
    for pack in packs:
        for pat in pack.patterns:
            if pat.needs is not None and not pat.needs.search(sent.text):
                continue
            for m in pat.regex.finditer(sent.text):
                value = m.group("value")
                named = m.groupdict().get("subject")
                sub_start = m.start("subject") if named else -1
                if named and named.startswith("The "):  # "The Harbour Classic on Saturday"
                    named, sub_start = named[4:], sub_start + 4
                subject = named or subject_at(m.start(), m.start(), sent.text, resolved, topic)
                if not subject or (named and _stop(value, pack)):
                    continue
                if pat.subject_type and not any(n.type == pat.subject_type and n.start == sub_start
                                                for n in sent_names):
                    continue
                quals = {}
                if "q" in m.groupdict() and m.group("q"):
                    quals["kind"] = m.group("q").strip()
                sink.add(sent, m.start("value"), m.start("value") + len(value), subject, pat.predicate,
                         {"type": "name", "text": value}, quals, f"{pack.name}/{pat.id}")
