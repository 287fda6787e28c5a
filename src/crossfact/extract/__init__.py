"""Turn one source into claims: names and values first, then who each value is about and
what qualifies it (``valueclaims``: the venue, the year, the race distance, the minute's
action, the time a count is given for), and the claims the packs' patterns make.

Pronouns and descriptions ("the Scot", "the 26-year-old") stand for the sentence's actor
or the previous sentence's topic; a sentence of thousands of characters is not prose,
and its values are left unattributed.
"""

from __future__ import annotations

import re

from ..model import Claim, Source
from ..text import Sentence, sentences
from . import names as nm
from . import values as vals
from .claimsets import ClaimSink
from .clauses import attribution
from .gender import known_pronouns, pronoun_of, stands_for
from .nationality import nationality_claims
from .packs import Pack, lexicon
from .patterns import pattern_claims
from .precedents import precedent_claims
from .quotes import quote_claims
from .storms import CUES as STORM_CUES
from .storms import storm_claims
from .valueclaims import value_claims

MAX_PROSE = 3000


def extract(source: Source, packs: tuple[Pack, ...]) -> list[Claim]:
    lex = lexicon(packs)
    sents = sentences(source.text)
    found = [nm.names(s.text, lex) for s in sents]
    persons = nm.person_index([n for ns in found for n in ns], lex)
    places = frozenset(n.text for ns in found for n in ns if n.type in ("place", "event", "org"))
    for sent, sent_names in zip(sents, found, strict=False):
        for lone in nm.lone_persons(sent.text, sent_names, places, lex):
            persons.setdefault(lone, lone)
    sink = ClaimSink(source, _main_event(found))
    ages = _ages(sents, found, persons)
    by_sentence = _values_by_sentence(source.text, sents)
    protagonist = _protagonist(found, persons)
    topic: str | None = protagonist
    last_count: str | None = None
    agency: str | None = None  # who the paragraph's figures come from ("The survey office said ... 6.8.")
    all_refs = [nm.refs(s.text, ns, persons, lex) for s, ns in zip(sents, found, strict=False)]
    pronouns = known_pronouns([s.text for s in sents], all_refs, persons)
    recent: list[str] = []  # people named so far, in order: whom a "she" stands for when the topic is a "he"
    for sent, sent_names, refs in zip(sents, found, all_refs, strict=False):
        if sent.index and sent.paragraph != sents[sent.index - 1].paragraph:
            # "The 23-year-old tore up the record" opening a paragraph means the story's main person,
            # not whoever the last paragraph ended on
            topic = protagonist
        for n in sent_names:
            subject = persons.get(n.text, n.text)
            sink.add(sent, n.start, n.end, subject, "name",
                     {"type": "name", "text": n.text, "entity": n.type if n.text not in persons else "person"},
                     {}, "generic/name")
        resolved = []
        for r in refs:
            earlier = [p for q, p in resolved if q.name and not q.object and not q.possessive]
            who = r.name or (earlier[0] if earlier and r.start > 0 else topic)
            if not r.name:
                who = stands_for(sent.text[r.start:r.end], who, (recent, [p for q, p in resolved if q.name]), pronouns)
            resolved.append((r, r.name or _by_age(sent.text[r.start:r.end], who, ages)))
        recent += [p for r, p in resolved if r.name and p]
        # "The 30-year-old" where the topic is 41: the sentence is about someone else, not the topic
        # and "He recovered" where the topic is a "she": about someone else too
        here_topic = None if any(p is None and (DESCRIBED_AGE.search(sent.text, r.start, r.end)
                                                or pronoun_of(sent.text[r.start:r.end])) for r, p in resolved) \
            else topic
        actors = [p for r, p in resolved if p and not r.object and not r.possessive]
        named = [p for r, p in resolved if r.name]
        # no actor ("...without Sandoval."): the last person named is what a following "the midfielder" means
        sentence_topic = actors[0] if actors else (named[-1] if named else None)
        # a "sentence" of thousands of characters is a table or junk, not prose: its values are not
        # attributed (that analysis looks around each value, and would grow with the square of its length)
        mentions = by_sentence[sent.index] if len(sent.text) <= MAX_PROSE else []
        here = attribution(sent.text, len(sent.text), sent_names, whole=True)
        last_count = value_claims(sink, sent, sent_names, resolved, mentions, here_topic, lex, last_count, agency)
        agency = here or agency
        if "since" in sent.text:
            precedent_claims(sink, sent, sent_names, persons, mentions)
        if any(cue in sent.text for cue in STORM_CUES):
            storm_claims(sink, sent, mentions)
        nationality_claims(sink, sent, sent_names, persons, lex)
        pattern_claims(sink, sent, resolved, here_topic, packs, sent_names, lex)
        if sentence_topic:
            topic = sentence_topic
        if sent.paragraph != (sents[sent.index + 1].paragraph if sent.index + 1 < len(sents) else -1):
            last_count = agency = None
    quote_claims(sink, sents, found, persons, lex)
    return sink.claims()


AGE_BEFORE = re.compile(r"\b(\d{1,2})-year-old\s+$")  # "the 30-year-old Ada Holm"
DESCRIBED_AGE = re.compile(r"\b(\d{1,2})-year-old\b")


def _ages(sents: tuple[Sentence, ...], found: list, persons: dict[str, str]) -> dict[str, int]:
    """The age a report gives each person it names with one ("Ada Holm, 30,"; "30-year-old Ada Holm")."""
    ages: dict[str, set[int]] = {}
    for sent, names in zip(sents, found, strict=False):
        for n in names:
            full = persons.get(n.text)
            age = (vals.APPOSED_AGE.match(sent.text, n.end)
                   or AGE_BEFORE.search(sent.text, max(0, n.start - 20), n.start))
            if full and age:
                ages.setdefault(full, set()).add(int(age.group(1)))
    return {p: a.pop() for p, a in ages.items() if len(a) == 1}


def _by_age(description: str, default: str | None, ages: dict[str, int]) -> str | None:
    """'the 30-year-old' is the one person the report gives that age, and never one it gives another
    age (the topic it would otherwise stand for)."""
    m = DESCRIBED_AGE.search(description)
    if not m:
        return default
    aged = [p for p, a in ages.items() if a == int(m.group(1))]
    if len(aged) == 1:
        return aged[0]
    return None if default in ages else default


def _main_event(found: list) -> str | None:
    """The event a report names most often, a short form counting for the names it is in ("the Derby"
    for "the Arlen Derby"); the longer name, then the first named, on a tie."""
    counts: dict[str, int] = {}
    for ns in found:
        for n in ns:
            if n.type == "event":
                counts[n.text] = counts.get(n.text, 0) + 1
    words = {e: set(e.split()) for e in counts}
    score = {e: sum(c for o, c in counts.items() if words[o] <= words[e]) for e in counts}
    return max(counts, key=lambda e: (score[e], len(words[e]))) if counts else None


def _protagonist(found: list, persons: dict[str, str]) -> str | None:
    """The person a report names most often (the first named, on a tie)."""
    counts: dict[str, int] = {}
    for ns in found:
        for n in ns:
            full = persons.get(n.text) if n.type in ("person", "other") else None
            if full:
                counts[full] = counts.get(full, 0) + 1
    return max(counts, key=lambda p: counts[p]) if counts else None


def _values_by_sentence(text: str, sents: tuple[Sentence, ...]) -> list[list[vals.Mention]]:
    """Value mentions found in one pass over the whole text (far fewer regex calls than one pass
    per sentence), handed to each sentence with offsets relative to it."""
    from bisect import bisect_right

    starts = [s.start for s in sents]
    out: list[list[vals.Mention]] = [[] for _ in sents]
    for m in vals.all_values(text):
        i = bisect_right(starts, m.start) - 1
        if i < 0 or m.end > sents[i].end:
            continue  # across a sentence boundary: not a value of one sentence
        at = sents[i].start  # the constructor, not dataclasses.replace: a few times cheaper, per value
        out[i].append(vals.Mention(m.type, m.start - at, m.end - at, m.text, m.data))
    return out
