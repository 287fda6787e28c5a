"""Which pronoun a report uses for each person it names, so that "he" is never read as a woman.

A report tells a person's pronoun where it names that person alone in a sentence and a pronoun
follows ("Ada Holm, who was second last year, timed her effort well": her). A person the report
gives both pronouns, or none, has no known one. A pronoun then stands for the person the sentence
or the story is about only when that person's pronoun is not the other one; otherwise for the last
person named with that pronoun, or for no one ("He recovered to win" after a paragraph about Ada
Holm, in a report that calls her "she", is not Holm's).
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import chain

from .names import FEMALE_NOUNS, MALE_NOUNS, Ref

# another person described between the name and its pronoun: the pronoun may be theirs
DESCRIBED = re.compile(r"\b(?:the|a|an|his|her)\s+(?:[\w-]+\s+){0,3}?(?:champion|winner|leader|rival|favourite|"
                       r"runner|opponent|captain|coach|team-?mate|compatriot|man|woman|boy|girl|driver|player|pilot|"
                       r"officer|minister|president|husband|wife|son|daughter|brother|sister|father|mother)s?\b", re.I)
PRONOUN = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself))\b", re.I)


def pronoun_of(word: str) -> str | None:
    """"m" for he / him / his, "f" for she / her, None for anything else ("the Scot", "they")."""
    m = PRONOUN.fullmatch(word)
    return None if not m else "m" if m.group(1) else "f"


# a description's head that says whether it is a man or a woman ("the 35-year-old woman")
GENDERED = re.compile(r"\b(?:(" + MALE_NOUNS + ")|(" + FEMALE_NOUNS + r"))$", re.I)


def gender_of(words: str) -> str | None:
    """A pronoun's gender, or a description's by its head ("the 35-year-old woman": "f")."""
    found = pronoun_of(words)
    if found or " " not in words:
        return found
    m = GENDERED.search(words)
    return None if not m else "m" if m.group(1) else "f"


def known_pronouns(sentences: list[str], refs: list[list[Ref]], persons: dict[str, str]) -> dict[str, str]:
    """Each person's pronoun, from sentences that name that person alone: "m", "f", or absent."""
    seen: dict[str, set[str]] = defaultdict(set)
    for text, found in zip(sentences, refs, strict=True):
        named = [r for r in found if r.name]
        people = {persons.get(r.name, r.name) for r in named}
        if len(people) != 1:
            continue
        # the first reference after the name, when it is a pronoun: after a description ("Ada Holm passed
        # the defending champion when his pace dropped") the pronoun may be the described person's
        after = [r for r in found if r.start >= named[0].end]
        gender = pronoun_of(text[after[0].start:after[0].end]) if after else None
        if gender and not DESCRIBED.search(text, named[0].end, after[0].start):
            seen[people.pop()].add(gender)
    return {p: next(iter(g)) for p, g in seen.items() if len(g) == 1}


def stands_for(word: str, candidate: str | None, named: tuple[list[str], list[str]],
               pronouns: dict[str, str]) -> str | None:
    """Whom a pronoun stands for: `candidate` (the sentence's actor or the topic) unless that person's
    pronoun is the other one; then the last person named with this pronoun (`named`: the people of the
    sentences before, then of this one so far), or no one. The lists are read only in that case."""
    wanted = gender_of(word)
    if wanted is None or candidate is None or pronouns.get(candidate) in (None, wanted):
        return candidate
    before, here = named
    return next((p for p in chain(reversed(here), reversed(before)) if pronouns.get(p) == wanted), None)
