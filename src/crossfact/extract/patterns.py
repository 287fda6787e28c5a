"""Pack patterns: regular expressions from the YAML packs turned into claims."""

from __future__ import annotations

import re

from ..text import Sentence, lowered
from .claimsets import ClaimSink
from .names import is_demonym
from .packs import Lexicon, Pack
from .subjects import subject_at


def _stop(value: str) -> bool:
    """A pattern's name slot caught a sentence opener ("The", "He"), not a name."""
    return value.split()[0] in ("The", "He", "She", "It", "They", "A", "An", "This", "That", "But", "And")


def _described(text: str, start: int, value: str, lex: Lexicon) -> bool:
    """'the New Zealander won': a nationality standing for someone named elsewhere, not a name
    ('the Miami Heat won', 'the Czech Republic won' are names)."""
    before = text[max(0, start - 5):start].lower()
    return before[-4:] == "the " and not before[:-4].strip("\"'“‘(").isalpha() and is_demonym(value.split()[-1], lex)


def _named_person(resolved: list, at: int) -> bool:
    return any(r.name and p and r.start == at for r, p in resolved)


OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
POSSESSOR = re.compile(r"^.*['’]s\s+(?=[A-Z])")
POSSESSIVE_END = re.compile(r"['’]s\s+$")  # what _person cut off, less its "'s ": the owner


def _person(value: str, at: int) -> tuple[str, int]:
    """The person a name slot caught, without the country or team around it: "Arlenia's Ada Holm" and
    "Ada Holm of Arlenia" are Ada Holm (a one-word head keeps its "of": "Duke of Arlen")."""
    owner = POSSESSOR.match(value)
    if owner:
        value, at = value[owner.end():], at + owner.end()
    of = OF_PLACE.search(value)
    if of and len(value[:of.start()].split()) >= 2:
        value = value[:of.start()]
    return value, at


def pattern_claims(sink: ClaimSink, sent: Sentence, resolved: list, topic: str | None, packs: tuple[Pack, ...],
              sent_names: list, lex: Lexicon) -> None:
    for pack in packs:
        for pat in pack.patterns:
            if pat.needs is not None and next(lowered(sent.text, pat.needs), None) is None:
                continue
            for m in pat.regex.finditer(sent.text):
                value = m.group("value")
                named = m.groupdict().get("subject")
                sub_start = m.start("subject") if named else -1
                if named and named.startswith("The "):  # "The Harbour Classic on Saturday"
                    named, sub_start = named[4:], sub_start + 4
                subject = named or subject_at(m.start(), m.start(), sent.text, resolved, topic)
                if not subject or (named and _stop(value)):
                    continue
                if pat.names and _described(sent.text, m.start("value"), value, lex):
                    continue
                at = m.start("value")
                if pat.names:
                    whole, whole_at = value, at
                    value, at = _person(value, at)
                    # "George Russell's Mercedes": the person is the owner, not the car or team after him
                    if value != whole and not _named_person(resolved, at) and _named_person(resolved, whole_at):
                        value, at = POSSESSIVE_END.sub("", whole[:at - whole_at]), whole_at
                if pat.subject_type and not any(n.type == pat.subject_type and n.start == sub_start
                                                for n in sent_names):
                    continue
                quals = {}
                if "q" in m.groupdict() and m.group("q"):
                    quals["kind"] = m.group("q").strip()
                sink.add(sent, at, at + len(value), subject, pat.predicate,
                         {"type": "name", "text": value}, quals, f"{pack.name}/{pat.id}")
