"""Nationality: the country a report gives a person ("Arlenia's Ada Holm", "Ada Holm of Arlenia", "the
Arlenian Ada Holm", "Hungarian referee Ida Rolf"), which every report of a story must give alike.

Only a country or its people's adjective right before the person, with at most a few lower-case words of
description between ("Kenya's two-time champion Ada Holm"), or "of" and a country right after the name,
counts. A word joined to another ("Kenyan-born", "British-Somali") is an origin or a second nationality,
not the one the person competes for; Britain's nations ("English", "Scottish", "British") are all one
country to some writers and several to others, so they give none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import Sentence
from .claimsets import ClaimSink
from .names import Name
from .packs import Lexicon

# what may stand between the country and the name: a few words of description, no clause nor preposition
# (a team's coach or manager is often of another country: "Arlenia's coach Ada Holm" gives none); a word in
# -s or -ed is a verb as often as not ("The Arlenian beats Ada Holm": the Arlenian is someone else)
DESCRIPTION = re.compile(r"(?:['’]s)?\s+(?:(?!(?:and|or|but|over|against|to|from|with|by|for|of|in|at|on|after|"
                         r"before|as|than|who|which|that|coach|manager|boss|trainer|head)\b)"
                         r"(?![a-z][\w-]*(?:s|ed)\s)[a-z][\w-]*\s+){0,3}$")
OF_COUNTRY_GAP = re.compile(r",?\s+of\s+$")
NEXT_CAPITAL = re.compile(r"\s+[A-Z]|['’]s\b|-")  # "of Arlen County", "of Arlen's", "of Arlen-Velm": not the country
# people's adjectives that are no country name with an ending changed
IRREGULAR = {"dutch": "Netherlands", "french": "France", "swiss": "Switzerland", "spanish": "Spain",
             "danish": "Denmark", "dane": "Denmark", "swedish": "Sweden", "swede": "Sweden", "finnish": "Finland",
             "finn": "Finland", "polish": "Poland", "turkish": "Turkey", "greek": "Greece", "norwegian": "Norway",
             "portuguese": "Portugal", "chinese": "China", "japanese": "Japan", "filipino": "Philippines",
             "filipina": "Philippines", "czech": "Czechia", "kiwi": "New Zealand", "icelander": "Iceland",
             "thai": "Thailand", "lebanese": "Lebanon", "sudanese": "Sudan", "senegalese": "Senegal",
             "vietnamese": "Vietnam", "nepali": "Nepal", "nepalese": "Nepal", "dutchman": "Netherlands",
             "dutchwoman": "Netherlands", "frenchman": "France", "frenchwoman": "France", "american": "United States",
             "america": "United States", "usa": "United States", "holland": "Netherlands"}
# a continent is a team's in some sports ("Europe's Ada Holm" at a cup between continents), no nationality
CONTINENTS = frozenset("Africa Asia Europe Oceania Antarctica".split())
# searched up to the name: "Fellow Arlenian " before "Ada Holm", and "South Arlenian " (a country of two words)
WORD_BEFORE = re.compile(r"((?:[A-Z][a-z]+\s+)?([A-Z][a-z]+))\s+$")
BRITAIN = frozenset("Britain England Scotland Wales".split())  # one country or four: no nationality to compare
SUFFIXES = ("ian", "ean", "an", "ese", "i", "ish", "n")
# what a role's noun ends in ("racer", "cyclist", "referee", "champion", "captain", "president")
ROLE_ENDINGS = ("er", "or", "ist", "ee", "ian", "ant", "ent", "man", "woman", "ion", "ain")


@lru_cache(maxsize=4096)
def _country(word: str, countries: frozenset[str]) -> str | None:
    """The country of a people's adjective ("Kenyan": Kenya, "Hungarian": Hungary), or of its own name."""
    if word in CONTINENTS:
        return None
    if word in countries:
        return IRREGULAR.get(word.lower(), word)
    if not word[:1].isupper() or "-" in word:
        return None
    low = word.lower()
    if low in IRREGULAR:
        return IRREGULAR[low]
    for suffix in SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            stem = low[: -len(suffix)]
            found = [c for c in countries if c.lower().startswith(stem) and len(c) - len(stem) <= 3]
            if len(found) == 1:
                return found[0] if found[0] not in CONTINENTS else None  # "African" is a continent's
    return None


def _described(between: str, lex: Lexicon) -> bool:
    """Words between a country and a name describe the person when there are none, or the last is a role
    ("world champion", "striker"): "The Arlenian caught Ada Holm" has a verb there, not a description."""
    words = between.replace("'s", " ").replace("’s", " ").split()
    if not words:
        return True
    last = words[-1]
    return last in lex.set("description_heads") or last.capitalize() in lex.set("titles") or last.endswith(ROLE_ENDINGS)



def nationality_claims(sink: ClaimSink, sent: Sentence, sent_names: list[Name], persons: dict[str, str],
                       lex: Lexicon) -> None:
    """The country of each person named in the sentence, where it is written right beside the name."""
    text = sent.text
    countries = lex.set("countries")
    people = [n for n in sent_names if n.type == "person" or n.text in persons]
    for person in people:
        country, at = None, None
        # "Arlenia's Ada Holm", "the Arlenian world champion Ada Holm": the country or adjective right before
        before = next((n for n in reversed(sent_names) if n.end <= person.start), None)
        between = DESCRIPTION.fullmatch(text, before.end, person.start) if before is not None else None
        if between and before not in people and (before.possessive or before.text not in countries) \
                and _described(text[before.end:person.start], lex):
            country, at = _country(before.text, countries), (before.start, before.end)
        if country is None:  # the adjective the name run swallowed: "Fellow Arlenian Ada Holm"
            word = WORD_BEFORE.search(text, max(0, person.start - 30), person.start)
            if word and not (word.start() > 0 and text[word.start() - 1] == "-"):
                for g in (1, 2) if word.group(1) != word.group(2) else (2,):  # "South African", else "African"
                    country = _country(word.group(g), countries) if word.group(g) not in countries else None
                    at = (word.start(g), word.end(g))
                    if country:
                        break
        if country is None:  # "Ada Holm of Arlenia"
            after = next((n for n in sent_names if n.start >= person.end), None)
            if after is not None and after.text in countries and not NEXT_CAPITAL.match(text, after.end) \
                    and OF_COUNTRY_GAP.fullmatch(text, person.end, after.start):
                country, at = _country(after.text, countries), (after.start, after.end)
        if country is None or country in BRITAIN:
            continue
        start, end = at
        sink.add(sent, start, end, persons.get(person.text, person.text), "person.nationality",
                 {"type": "nationality", "text": country, "as_written": text[start:end]}, {},
                 "generic/nationality")
