"""Proper names in a sentence, typed (person, event, place, org, title), and the
references that point at people: names, pronouns and descriptions ("the Scot").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..text import lowered
from .packs import Lexicon

TOKEN = re.compile(r"[^\W\d_][\w'’\-]*|\d+")
BEATEN_BY = frozenset("beat beating beats defeated defeating".split())  # verbs of defeat that govern like a preposition
PREPOSITIONS = frozenset("for from against over to with of by past behind ahead than and or".split()) | BEATEN_BY
# verbs a named subject stands right before: "..., and Ida Rolf was fourth", "Arlenia came third"
OWN_VERBS = r"(?:was|were|is|finished|came|placed|ended|took)\b"
# or a placing: "with Ida Rolf second in 2:03:32 and Mia Lund third in 2:03:31"
OWN_VERB = re.compile(r"\s+(?:" + OWN_VERBS + r"|(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|runner-up)"
                      r"(?=\s+in\s+\d|,?\s+(?:at|with)\s+\d)"
                      # "with Ida Rolf 12 seconds behind at 1:08:14": her time, not the leader's
                      r"|(?:\d+|[a-z]+)\s+seconds?\s+(?:behind|back|adrift)(?=\s+(?:at|in)\s+\d)"
                      # "with Ida Rolf crossing the line 13 seconds later in 2:05:48": her own participle
                      r"|(?:crossing|finishing|clocking|coming\s+home|stopping\s+the\s+clock)\b)")
# "..., and Ida Rolf, the four-time winner, was sixth": a verb of its own after an aside or two
AND_BEFORE = re.compile(r"\band\s+$")
CLAUSE_AND = re.compile(r",\s+and\s+(?:[A-Z][\w'’-]*\s+){0,2}$")  # ", and Ida Rolf", ", and Arlen's Ida Rolf"
PAST_VERB = re.compile(r"\s+(?:[a-z]+ed|won|ran|hit|made|took|got|came|beat|set|led|kept|held|went|struck|threw|sank|"
                       r"shot|broke|drove|rode|swam|fell)\b")
OWN_VERB_AFTER_ASIDE = re.compile(r"(?:\s*,[^,;.\"“”]{1,80}){1,2},\s+" + OWN_VERBS)
PLACE_PREPOSITIONS = frozenset("in at near of off from".split())
QUOTED_TITLE = re.compile(r"[‘'\"“]\s?([A-Z][^‘'\"“”’]{2,40}?)\s?[’'\"”]")


# Names and refs are NamedTuples: a report makes dozens, and a tuple is built several times faster
# than a frozen dataclass (which sets each field through object.__setattr__).
class Name(NamedTuple):
    start: int  # offsets within the sentence
    end: int
    text: str
    type: str  # person | event | place | org | title | demonym | other
    possessive: bool
    after: str  # the lower-cased word before the name ("" at the start)
    sentence_start: bool


class Ref(NamedTuple):
    """Something in a sentence that points at a person."""

    start: int
    end: int
    name: str | None  # the person's name as written, or None: "the topic"
    object: bool  # after a preposition or verb of defeat: not the sentence's actor
    possessive: bool


OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?")
PATH_MARKS = ("\\",)  # not "/": "Holm/Vostrand" is a doubles pair
# nouns that say a description's person is a man or a woman (extract/gender.py reads them)
MALE_NOUNS = "man|boy|father|husband|son|brother|grandfather|uncle|nephew"
FEMALE_NOUNS = "woman|girl|mother|wife|daughter|sister|grandmother|aunt|niece|widow"
KIN_AFTER = re.compile(r"\s+(?:" + MALE_NOUNS + "|" + FEMALE_NOUNS + r")\b")
POSSESSIVE_TAILS = ("'s", "’s", "s'", "s’")


def _strip_possessive(word: str) -> tuple[str, bool]:
    if not word.endswith(POSSESSIVE_TAILS):  # most words: one test, not four
        return word, False
    for tail in POSSESSIVE_TAILS:
        if word.endswith(tail):
            return word[: -len(tail)] + ("s" if tail.startswith("s") else ""), True
    return word, False


def names(sentence: str, lex: Lexicon) -> list[Name]:
    stop = lex.set("stopwords")
    titles = lex.set("titles")
    particles = lex.set("particles")
    tokens = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(sentence)]
    asking = sentence.rstrip().endswith("?")  # "Can Ivo Sand win?": Can is no name (Can Arslan is)
    out: list[Name] = []
    i = 0
    while i < len(tokens):
        s, e, w = tokens[i]
        # "C:\Windows\System32": a path's part, no name
        if not (w[0].isupper() and not w.isdigit()) or sentence[s - 1:s] in PATH_MARKS \
                or sentence[e:e + 1] in PATH_MARKS:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(tokens):
            gap = sentence[tokens[j - 1][1]:tokens[j][0]]
            if gap not in (" ", "-") or _strip_possessive(tokens[j - 1][2])[1]:
                break
            wj = tokens[j][2]
            if wj[0].isupper() or (wj.isdigit() and len(wj) == 4 and j > i):
                run.append(j)
            elif wj in particles and j + 1 < len(tokens) and tokens[j + 1][2][:1].isupper():
                run.append(j)
            else:
                break
            j += 1
        # drop leading stop words and titles ("The", "Captain"), trailing particles
        words = [tokens[k] for k in run]
        while words and (words[0][2] in stop or words[0][2] in titles
                         or words[0][2].isupper() and len(words[0][2]) > 4
                         or (asking and words[0] == tokens[0] and words[0][2] in QUESTION_OPENERS)):
            words.pop(0)
        while words and (words[-1][2] in particles or words[-1][2].isdigit() and len(words) == 1):
            words.pop()
        # "Maryland Transportation Secretary Paul Ruiz": a title inside the run, then a full name, ends
        # what is not the name (but "Martin Luther King Jr" keeps its King)
        if len(words) >= 4:
            cut = max((k for k in range(1, len(words) - 2) if words[k][2] in titles
                       and words[k][2] not in ROYAL), default=0)
            if cut:  # what comes before the titles is a name of its own, the place or body served ("Arlen Mayor")
                head = words[:min(k for k in range(1, cut + 1) if words[k][2] in titles)]
                if not (head[0][2] in stop or is_demonym(head[0][2], lex)):
                    text = sentence[head[0][0]:head[-1][1]]
                    kind = _type(text, "", lex)
                    out.append(Name(head[0][0], head[-1][1], text, "other" if kind == "person" else kind, False,
                                    "", head[0][0] == tokens[0][0]))
                words = words[cut + 1:]
        # "Kenyan Lena Vosberg", "the Briton Per Lund": the demonym is not part of the name; but it is
        # of an event's ("the Arlenian Grand Prix" is not the story's own Grand Prix)
        while len(words) >= 3 and is_demonym(words[0][2], lex) and words[-1][2] not in lex.set("event_heads"):
            words.pop(0)
        if words:
            # "de la Torre" at a sentence's middle: the particles belong to the surname
            k = run[0] if words[0] == tokens[run[0]] else -1
            while k > 0 and tokens[k - 1][2] in particles and sentence[tokens[k - 1][1]:tokens[k][0]] == " ":
                k -= 1
                words.insert(0, tokens[k])
            text = sentence[words[0][0]:words[-1][1]]
            text, poss = _strip_possessive(text)
            before = sentence[max(0, words[0][0] - 40):words[0][0]].split()
            after = before[-1].lower().strip(",;:(\"'“‘") if before else ""
            out.append(Name(words[0][0], words[0][0] + len(text), text,
                            _type(text, after, lex), poss, after, words[0][0] == tokens[0][0]))
        i = j
    for m in QUOTED_TITLE.finditer(sentence):
        inner = m.group(1).strip()
        if len(inner.split()) <= 5 and not any(n.start <= m.start(1) < n.end and n.type != "other" for n in out):
            out = [n for n in out if not (m.start(1) <= n.start < m.end(1))]
            out.append(Name(m.start(1), m.start(1) + len(inner), inner, "title", False, "", False))
    out.sort(key=lambda n: n.start)
    return out


DEMONYM = re.compile(r"-born$")
QUESTION_OPENERS = frozenset("Can Will Would".split())
ROYAL = frozenset("King Queen Prince Princess Lord Lady Dame Sir".split())  # also names (Martin Luther King Jr)
SUBJECT_SLOT = frozenset("and but while as when after before said says told added , ;".split())


def is_demonym(word: str, lex: Lexicon) -> bool:
    return bool(DEMONYM.search(word)) or word in lex.set("demonyms") or word in lex.set("description_heads")


def _type(text: str, before: str, lex: Lexicon) -> str:
    words = text.split()
    last = words[-1]
    if len(words) >= 2 and is_demonym(words[0], lex) and last in lex.set("event_heads"):
        return "event"  # "the Norwegian Grand Prix"
    # "the Tokyo Games": a place's event, although "Games" alone is no name
    if len(words) >= 2 and (any(w in lex.set("stopwords") and w not in lex.set("event_heads") for w in words)
                            or is_demonym(words[0], lex)):
        return "other"
    if last in lex.set("event_heads") or any(w.isdigit() for w in words):
        return "event"
    if last in lex.set("place_heads") or (len(words) >= 2 and words[0] in lex.set("place_leads")):
        return "place"
    if last in lex.set("org_heads") or text.isupper():
        return "org"
    if before in PLACE_PREPOSITIONS and len(words) == 1:
        return "place"
    return "person" if len(words) >= 2 else "other"


def refs(sentence: str, found: list[Name], persons: dict[str, str], lex: Lexicon) -> list[Ref]:
    """Person references in order: names (single words resolved through `persons`),
    pronouns and descriptions (resolved later to the topic)."""
    out: list[Ref] = []
    countries = lex.set("countries")
    for i, n in enumerate(found):
        full = persons.get(n.text) if n.type in ("person", "other") else None
        if full and i and n.text in countries and OF_COUNTRY.fullmatch(sentence, found[i - 1].end, n.start) \
                and found[i - 1].text in persons:
            continue  # "Ada Holm of the United States": her country, not a second person
        if full:
            # "..., and Ida Rolf was fourth": a name its own verb follows is its clause's actor, not an object
            governed = _governed(sentence[max(0, n.start - 60):n.start]) and not (
                OWN_VERB.match(sentence, n.end) or (AND_BEFORE.search(sentence, max(0, n.start - 8), n.start)
                                                    and OWN_VERB_AFTER_ASIDE.match(sentence, n.end))
                # "..., and Ireland's Ida Rolf holed a putt": a clause of its own, its verb right after the name
                or (CLAUSE_AND.search(sentence, max(0, n.start - 40), n.start) and PAST_VERB.match(sentence, n.end)))
            out.append(Ref(n.start, n.end, full, governed, n.possessive))
    pronouns = lex.words.get("pronouns", {})
    for m in lowered(sentence, lex.blind(tuple(pronouns), r"\b({})\b")):
        kind = pronouns[m.group(1).lower()]
        out.append(Ref(m.start(), m.end(), None, kind == "object", kind == "possessive"))
    # "[Tt](?<!\w[Tt])" is "\b[Tt]" with the letter first, so the engine skips to the next T or t
    # "the 30-year-old": the head glued to its age by a hyphen
    desc = lex.pattern("description_heads", r"[Tt](?<!\w[Tt])he\s+(?:[\w'’\-]+\s+){{0,4}}?(?:\d{{1,3}}-)?(?:{})\b", 0)
    for m in desc.finditer(sentence):
        before = sentence[max(0, m.start() - 40):m.start()].split()
        obj = bool(before) and before[-1].lower() in PREPOSITIONS
        # only a description in a subject's or object's slot stands for a person ("scored the winner" does not)
        slot = before[-1].lower() if before else ","
        if before and sentence[max(0, m.start() - 40):m.start()].rstrip()[-1:] in ",;:":
            slot = ","
        if slot not in SUBJECT_SLOT and slot not in PREPOSITIONS:
            continue
        if not any(r.start <= m.start() < r.end or m.start() <= r.start < m.end() for r in out if r.name):
            kin = KIN_AFTER.match(sentence, m.end())  # "the 35-year-old woman": the noun that says who, kept
            out.append(Ref(m.start(), kin.end() if kin else m.end(), None, obj, False))
    out.sort(key=lambda r: r.start)
    # an appositive ("Vosberg, the 30-year-old champion,") stands for the name right before it
    for i, r in enumerate(out):
        if r.name is None and i and out[i - 1].name and re.fullmatch(r",\s*", sentence[out[i - 1].end:r.start]):
            out[i] = Ref(r.start, r.end, out[i - 1].name, out[i - 1].object, False)
    return out


# teams win; people speak, and clock a time ("Kipruto crossing the line 13 seconds later")
SPEAKS = re.compile(r"\s+(?:said|says|told|added|explained|insisted|admitted|clocked|(?:crossed|crossing|crosses) "
                    r"the line|(?:broke|breaks|breaking) the tape)\b")


def lone_persons(sentence: str, found: list[Name], places: frozenset[str], lex: Lexicon) -> set[str]:
    """People known by one name ("Sandoval said"): a lone name that speaks or acts somewhere in the source."""
    out = set()
    for n in found:
        if n.type == "other" and " " not in n.text and not n.possessive and n.text not in places \
                and n.after not in PLACE_PREPOSITIONS and not is_demonym(n.text, lex) \
                and (SPEAKS.match(sentence, n.end) or re.search(r"\bsaid\s+$", sentence[max(0, n.start - 20):n.start])):
            out.add(n.text)
    return out


def _governed(before: str) -> bool:
    """Is a name the object of a preposition or of a verb of defeat ("beating defending champion X")?"""
    clause = re.split(r"[,;:(]", before)[-1].split()
    # a verb of defeat governs a name a few titles on ("leaving compatriot and two-time defending champion X")
    return any(w.lower() in PREPOSITIONS for w in clause[-3:]) or any(w.lower() in DEFEAT for w in clause[-6:])


DEFEAT = BEATEN_BY | frozenset("leaving edging outsprinting outkicking overtaking passing dropping".split())


def person_index(all_names: list[Name], lex: Lexicon) -> dict[str, str]:
    """Map every way a source writes a person (full name, surname, first name) to the full name."""
    full = sorted({n.text for n in all_names if n.type == "person"}, key=lambda t: (-len(t.split()), t))
    index: dict[str, str] = {f: f for f in full}
    parts: dict[str, set[str]] = {}
    for f in full:
        for word in f.split():
            if word[:1].isupper():
                parts.setdefault(word, set()).add(f)
    for word, owners in parts.items():
        if DEMONYM.search(word) or word in lex.set("demonyms"):
            continue
        # a word shared by two different people ("Osei" for two sisters) points at neither: it is a person
        # of its own, not whoever the story was about ("Korir survived a fall" is no sentence of the topic's)
        longest = {o for o in owners if not any(o != p and set(o.split()) < set(p.split()) for p in owners)}
        if word not in index:
            index[word] = next(iter(longest)) if len(longest) == 1 else word
    return index
