"""The clause around a value: what round, event, action or agency it comes with.

Helpers of ``valueclaims``: each looks at the words near a value in its own sentence and
stops where the clause does (a comma, a semicolon, "and" before another item, a relative
clause), so a value takes what is said of it, not of its neighbour.
"""

from __future__ import annotations

import re
from typing import Any

from .names import PLACE_PREPOSITIONS
from .packs import Lexicon

ROUND = re.compile(r"\b(heats?|semi-?finals?|semis|quarter-?finals?|final|qualifying|qualifier|prelims?|"
                   r"preliminar(?:y|ies)|(?:first|second|third|opening) round)\b", re.I)
ROUNDS = {"heats": "heat", "semifinal": "semi-final", "semifinals": "semi-final", "semi-finals": "semi-final",
          "semis": "semi-final", "quarterfinal": "quarter-final", "quarterfinals": "quarter-final",
          "quarter-finals": "quarter-final", "qualifier": "qualifying", "prelim": "preliminary",
          "prelims": "preliminary", "preliminaries": "preliminary", "opening round": "first round"}
# "third in the Arlen Derby", "bronze in the 200 at the Arlen Games" (a discipline, then its event)
IN_EVENT = re.compile(r"\s+(?:in\s+the\s+[\w-]+(?:\s+[\w-]+)?\s+at\s+|(?:in|at)\s+)(?:the\s+)?(?:\d{4}\s+)?")
OPENING_EVENT = re.compile(r"(?:At|In)\s+(?:the\s+)?(?:(?:\d{4}|[a-z]+)\s+)?")  # "At the delayed Arlen Games, ..."
RELATIVE_OPEN = re.compile(r",\s*(?:who|which|whose)\b[^,]*$")  # ", who won her semi-final" still open
CLAUSE_OPENER = re.compile(r"\b(?:after|before|when|which|that|while|since|until|once)\b")
ACCORDING = re.compile(r"\b(?:[Aa]ccording to|[Cc]iting|per|from|(?:measured|recorded|registered|reported|"
                       r"estimated|rated)\s+by)\s+(?:the\s+)?$")  # "According to" opens sentences
# "the Survey Office (ASO) initially measured": its acronym and an adverb may stand between, and the body it
# belongs to ("the Geophysical Service of the Academy of Sciences reported")
SAYS = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’-]*){0,4})?"
                  r"(?:\s*\([A-Z]{2,}\))?(?:\s+[a-z]+ly)?\s+(?:said|says|reported|measured|put|estimated|recorded|"
                  r"registered|gave|rated|announced)\b")


def attribution(text: str, pos: int, sent_names: list, whole: bool = False) -> str | None:
    """The organisation a figure is given by, in its own clause (or, `whole`, anywhere in the
    sentence): "according to the agency", "the Survey Office measured ...", "citing state radio"."""
    lo = 0 if whole else max(text.rfind(";", 0, pos), text.rfind(", while", 0, pos), text.rfind(" while ", 0, pos)) + 1
    hi = len(text) if whole else min(
        [i for i in (text.find(";", pos), text.find(", while", pos), text.find(" while ", pos)) if i >= 0],
        default=len(text))
    for n in sent_names:
        if n.type not in ("org", "place") or not lo <= n.start < hi:
            continue
        if n.type == "place" and n.after in PLACE_PREPOSITIONS:
            continue  # "hospitals in Velmouth reported 40 injured": the hospitals', not a place's figure
        # a place that measures is an agency ("the Arlen Seismic Centre measured"); one a figure is
        # "according to" is not ("according to Arlen, 12 died" is a government's, as any place's)
        if (n.type == "org" and ACCORDING.search(text, max(0, n.start - 20), n.start)) or SAYS.match(text, n.end):
            return n.text
    return None


def near(items: list[Any], pos: int, end: int, text: str, window: int, blockers: list[int]) -> Any:
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


def nearest_round(text: str, start: int, end: int) -> str | None:
    """The round named nearest a value, in its clause: "29-28 in the quarter-finals and 16-15 in the
    semi-finals" gives each score its own."""
    best, dist = None, 61
    for r in ROUND.finditer(text, max(0, start - 60), min(len(text), end + 40)):
        d = start - r.end() if r.end() <= start else r.start() - end
        gap = text[r.end():start] if r.end() <= start else text[end:r.start()]
        # not across another item ("... and England 16-15") or a relative clause ("Holm, who won her
        # semi-final in straight sets, beat Rolf 6-4, 6-3": the final's score)
        # a round inside a relative clause closed before the value is the clause's own
        in_relative = r.end() <= start and "," in gap and RELATIVE_OPEN.search(text, 0, r.start())
        if 0 <= d < dist and not in_relative and not re.search(r";| and |\b(?:who|which|whose)\b", gap):
            best, dist = ROUNDS.get(r.group(1).lower(), r.group(1).lower()), d
    return best


def in_other_event(text: str, end: int, sent_names: list, main_event: str | None) -> bool:
    """"finished third in the Arlen Derby" ("At the Arlen Games she won bronze") when the report is
    about another event: an earlier race's place, not one of this story's results."""
    events = [n for n in sent_names if n.type == "event"]
    # the event named right after the value decides; the one opening the sentence only when none follows
    named = next((n for n in events if 0 <= n.start - end <= 25 and IN_EVENT.fullmatch(text, end, n.start)), None) \
        or next((n for n in events if n.end < end and OPENING_EVENT.fullmatch(text, 0, n.start)), None)
    if named is None or not main_event:
        return False
    words, main = set(named.text.split()), set(main_event.split())
    return not (words <= main or main <= words)


def action_word(text: str, start: int, end: int, lex: Lexicon, kind: str = "minute_actions",
            before: bool = False) -> str | None:
    """The nearest action word of lexicon `kind` in the value's clause ("came on ... in the 68th minute");
    with `before`, only one written before the value ("derailed at 7.42am", not "left at 6:35 a.m. derailed")."""
    lo = max(text.rfind(",", 0, start), text.rfind(";", 0, start)) + 1
    if before:  # "derailed minutes after it left Arlen at 7:30 a.m.": 7:30 is the leaving's time
        lo = max([lo] + [m.end() for m in CLAUSE_OPENER.finditer(text, lo, start)])
    hi_candidates = [i for i in (text.find(",", end), text.find(";", end)) if i >= 0]
    hi = min(hi_candidates) if hi_candidates else len(text)
    best, dist = None, 10**6
    for action, words in sorted(lex.words.get(kind, {}).items()):
        for m in lex.pattern(tuple(words)).finditer(text, lo, hi):
            if before and m.start() >= start:
                break
            d = start - m.end() if m.start() < start else m.start() - end
            if 0 <= d < dist:
                best, dist = action, d
    return best
