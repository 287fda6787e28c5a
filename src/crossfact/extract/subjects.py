"""Who a value or a pattern's match is about.

The subject of a value is found the way a reader finds it: "by X" or "that X set" right
after a record ("the 2:07:03 Ida Rolf ran": after "the", without its "that"); a possessive
right before it ("Brink's 81st-minute goal"); the person a relative clause hangs on ("Rolf,
who clocked 3:51.90"); else the nearest actor before it in the sentence (not one after
"beating" or "from", nor one inside a closed ", who ..." clause); else the last person named;
else, unless the sentence opens with a name of its own ("Arlenia came third"), the topic of the
sentences before.
"""

from __future__ import annotations

import re

from .names import OWN_VERBS

# "set by Kenyan athlete Ida Rolf": a word of nationality before the holder's description
DEMONYM = r"[A-Z][a-z]+(?:an|ian|ese|ish|i)"  # "Kenyan", "Arlenian": before a holder's name
DEMONYM_LIKE = DEMONYM + r"(?=\s+[a-z])"
# the holder's own verb after the name: "that Ida Rolf set", "the 2:07:03 Ida Rolf ran"
SET_VERB_AFTER = re.compile(r"\s+(?:had\s+|has\s+)?(?:set|ran|run|clocked|posted|held)\b")
RELATIVE_OPEN = re.compile(r",\s*(?:who|which|whose)\b")
# or a participle's aside: ", running her first Velmouth race since 2030," (not "during", "including", "morning")
ASIDE_OPEN = re.compile(r",\s*(?:who|which|whose|(?!during|including|morning|evening|according)[a-z]{3,}ing)\b")
BY_AFTER = re.compile(r"\s*,?\s*(?:(?:was|were|is|had\s+been|has\s+been)\s+)?"
                      r"(?:(?:set|run|held|clocked|posted|achieved|established|registered)\s+)?(?:by|for|belonged\s+to)\s+"
                      r"(?:(?:[a-z]+|[A-Z][a-z]+'s|" + DEMONYM_LIKE + r")\s+){0,3}")
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
BARE_AFTER = re.compile(r"\s+(?:(?:[a-z]+|" + DEMONYM + r")\s+){0,3}")
THAT_AFTER = re.compile(r"\s*,?\s*(?:that|which)\s+(?:(?:[a-z]+|[A-Z][a-z]+'s)\s+){0,3}")


def closed_clauses(text: str, pos: int, asides: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each relative clause (`asides`: or participle's aside) opened and closed before
    `pos` ("Ada Holm, who won in Arlen, ...", "Ada Holm, beating Ida Rolf, ..."): what stands inside one
    is not what a value at `pos` is about."""
    return [(a, b) for a, b, opened in clause_spans(text, asides) if opened <= pos and b < pos]


def clause_spans(text: str, asides: bool = False) -> list[tuple[int, int, int]]:
    """(start, closing comma, end of the opener) of each relative clause (or aside) of a sentence that a
    comma closes: read once, then `closed_clauses` of any position is a filter."""
    opener = ASIDE_OPEN if asides else RELATIVE_OPEN
    return [(m.start(), close, m.end()) for m in opener.finditer(text) if (close := text.find(",", m.end())) >= 0]


def subject_at(pos: int, end: int, text: str, resolved: list, topic: str | None) -> str | None:
    """Who the value at text[pos:end] is about (see the module docstring)."""
    after = text[end:end + 80]
    # "the 2:07:03 fellow Kenyan Ida Rolf ran": a relative clause without its "that", after "the"
    bare = [BARE_AFTER] if THE_BEFORE.search(text, max(0, pos - 8), pos) else []
    for rx in (BY_AFTER, THAT_AFTER, *bare):
        m = rx.match(after)
        if m:
            for r, person in resolved:
                if r.name and r.start == end + m.end():
                    rest = text[r.end:r.end + 40]
                    if rx is BY_AFTER or SET_VERB_AFTER.match(rest):
                        return person
    before = [(r, p) for r, p in resolved if r.end <= pos and p]
    if before and before[-1][0].name and BRACKET_GAP.fullmatch(text, before[-1][0].end, pos):
        return before[-1][1]  # "edging Mia Lund (1:53.61)": a value in brackets is the name's, object or not
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
    closed = closed_clauses(text, pos, asides=True)
    for r, p in reversed(before):
        if r.object or (r.possessive and not r.name):
            continue
        if any(a < r.start < b for a, b in closed):
            continue
        return p
    named = [p for r, p in before if r.name]
    if named:
        return named[-1]
    # "Arlenia came third.": the sentence names its own subject, a country or a team, not a person the
    # sentences before were about
    opening = NAMED_OPENER.match(text)
    return None if opening and opening.end() <= pos else topic


BRACKET_GAP = re.compile(r"\s*\(\s*")
NAMED_OPENER = re.compile(r"(?:The\s+)?(?!(?:He|She|They|It|We|I|His|Her|Their|Its|This|That|These|Those|There)\b)"
                          r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s+" + OWN_VERBS)
HELD_BY = re.compile(r"[^.;]{0,40}?\b(?:records?|marks?|best)\b,?\s+(?:(?:set|held|registered|run|owned)\s+)?by\s+")


def record_holder(pos: int, end: int, text: str, resolved: list) -> str | None:
    """Whose record "the N-year-old record" is: "Lund's 30-year-old record", "the 30-year-old
    record, registered by Per Lund"; None when the sentence does not say (never a guess)."""
    for r, p in reversed(resolved):
        if r.end <= pos and r.possessive and r.name and len(text[r.end:pos].split()) <= 1:
            return p
    m = HELD_BY.match(text, end)
    if m:
        return next((p for r, p in resolved if r.name and r.start == m.end()), None)
    return None


# "Ida Rolf's course record of", "Ida Rolf's 2029 mark of": the gap between a possessive and the mark
OWNED_MARK = re.compile(r"(?:['’]s?)?\s*(?:[\w-]+\s+){0,3}?(?:record|mark|best)(?:\s+time)?(?:\s+of)?\s*$")
# "Ida Rolf still holds the course record, 2:15:25", "Rolf, who set the course record of 2:01:09"
HOLDS_MARK = re.compile(r"\b(?:holds|held|set|owns)\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:record|best)(?:\s+of|,)?\s*$")
# words between a holder's verb and name: "set by Ethiopia's Ida Rolf", "that fellow Kenyan Ida Rolf ran"
COUNTRY_OF = r"[A-Z][a-z]+['’]s"
MARK_AFTER = re.compile(r"\s*,?\s*(?:(?:[\w-]+\s+){0,2}(?:record|mark|best)\s*,?\s*)?(?:(?:was|is)\s+)?"
                        r"(?:set|held|run|established)\s+by\s+"
                        r"(?:(?:[a-z]+|" + DEMONYM + "|" + COUNTRY_OF + r")\s+){0,3}")
THAT_SET = re.compile(r"\s*(?:(?:[\w-]+\s+){0,2}(?:record|mark|best)\s+)?(?:that|which)\s+(?P<who>)"
                      r"(?:(?:fellow|compatriot|" + DEMONYM + "|" + COUNTRY_OF + r")\s+){0,2}")


def mark_holder(pos: int, end: int, text: str, resolved: list) -> str | None:
    """Who holds the record a mark is, where the sentence says so outright: "Rolf's course record of
    2:01:09", "the 2:05:06 course record set by Ida Rolf", "the record of 2:11:53 that Ida Rolf set",
    "Ida Rolf still holds the course record, 2:15:25". None otherwise (a winner who broke it is not
    its holder)."""
    named = [(r, p) for r, p in resolved if r.name and p]
    for r, p in reversed(named):
        if r.end <= pos and r.possessive and OWNED_MARK.fullmatch(text, r.end, pos):
            return p
    held = HOLDS_MARK.search(text, max(0, pos - 60), pos)
    if held:
        before = [p for r, p in named if r.end <= held.start() and held.start() - r.end <= 40
                  and not r.object]
        if before:
            return before[-1]
    after = MARK_AFTER.match(text, end)
    if after:
        return next((p for r, p in named if r.start == after.end()), None)
    that = THAT_SET.match(text, end)
    if that:
        # the name starts after "that" or after the words a holder's name may follow ("that Ethiopian Ida
        # Rolf ran"); a first name that looks like a nationality ("that Sifan Hassan set") is the name's
        held = sorted(((r.start != that.end(), r.start), p) for r, p in named
                      if that.start("who") <= r.start <= that.end() and SET_VERB_AFTER.match(text, r.end))
        return held[0][1] if held else None
    return None
