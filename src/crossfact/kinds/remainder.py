"""The `remainder` mode of the derived kind: what a report says is left of a whole once a part is
taken away, against its own two figures.

"Of the 312 parishes, 265 reported damage, leaving only 37 untouched" says 312 - 265 is 37; it
is 47. The whole is the first of exactly two figures before the remainder, introduced as one
("of the ...", "out of", "a total (population) of") or by the part ("412 deaths, 380 of them");
the remainder follows "leaving" or "meaning", or is "the remaining N" / "the other N" (then the
two parts make the whole: "Of the 27 crew, 24 were rescued and the remaining two ...", "26 of the 47
chapters, ... the remaining 19", "85 of its 89 substations, leaving six substations"), or "and N
... elsewhere" ("Of the 18 dead, 10 were workers at the site and nine died elsewhere"). "Meaning"
says a consequence as often as a remainder ("Of the 16 teams, 10 qualified, meaning eight places
are open"), so it is read only of a whole of ``MEANING_WHOLE`` or more. The remainder is read with
its hedge: "about" or "some" allows a rounding (5 %), "more than" says the figures leave more
than it, "almost" less. Only a near miss is reported (at most half the larger of the stated and
the actual remainder apart): a remainder far from the two figures is of something else ("Of the
120 homes, 80 were destroyed, leaving 3,000 people homeless").

Flagged: "Of the 312 parishes, 265 reported damage, leaving only 37 untouched."
Not flagged: the same with 47; "Of 60 boats, 12 sank, leaving about 50 afloat" (a rounding);
"Of the 300 guests, 40 left at 9 p.m., leaving 255 minutes of music" (a duration, not a count).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ..extract.values import COUNT_WORDS, HEDGE_WORDS, hedge, number_or_word
from ..model import Finding
from .base import Context, Rule, sentences_of
from .statedsum import FIGURE, arithmetic_finding, part_figures, says_any

# "leaving (only) 41", "the remaining 120", "the other two": a count, not a duration or a share
REMAINDER = re.compile(
    r"\b(?:(?P<cue>leaving|meaning)(?:\s+(?:only|just))?|the\s+(?:remaining|other))\s+"
    r"(?:(?:" + HEDGE_WORDS + r")\s+)?"
    r"(?P<n>" + FIGURE + r"|" + COUNT_WORDS + r")(?![\d,.:–-]\d)(?![\w–-])"
    r"(?!\s*(?:%|(?:per ?cent|percent|[ap]\.?m|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b))", re.I)
# the remainder named after its figure: "Of the 18 dead, 10 were workers at the site and nine died elsewhere"
ELSEWHERE = re.compile(r"\band\s+(?P<n>" + FIGURE + r"|" + COUNT_WORDS + r")(?![\d,.:–-]\d)\s+(?:[a-z]+\s+){0,3}?"
                       r"(?:elsewhere|in\s+the\s+rest\s+of)\b", re.I)
LATER_PART = re.compile(r"\d|\b(?:" + COUNT_WORDS + r")\b", re.I)
# what says the first figure is the whole: "Of the state's 312", "out of 60", "a total population of 2,750"
WHOLE = re.compile(r"(?:\b(?:[Oo]f|[Oo]ut of)(?:\s+the)?(?:\s+[\w'’-]+){0,2}|\btotal(?:\s+[a-z]+)?\s+of)\s+$")
# "26 of the 47 chapters": the part, then its whole
PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?")
# "412 deaths, 380 of them ...": the figure before "N of them" is the whole
OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|whom)\b")
CUES = ("leaving", "meaning", "remaining", "the other", "elsewhere", "the rest of")
MEANING_WHOLE = 100
ROUNDING = 0.05


def _contradicts(actual: float, stated: float, how: str | None) -> bool:
    """Whether a stated remainder, read with its hedge, cannot be `actual` (and is near enough to be
    meant as it)."""
    if abs(actual - stated) > 0.5 * max(actual, stated):
        return False  # too far off to be these figures' remainder
    if how == "more":
        return actual < stated - 0.5
    if how == "less":
        return actual > stated + 0.5
    if how == "about":
        return abs(actual - stated) > ROUNDING * max(actual, stated)
    return abs(actual - stated) >= 0.5


NOUN = re.compile(r"\s+([a-z]{3,})")
TO_SOMEONE = re.compile(r"\s+(?:to|for)\s+[A-Z]")


def _same_noun(text: str, whole_end: int, rest_end: int) -> bool:
    """The word after the whole and after the remainder is one noun ("89 substations", "six substations")."""
    a, b = NOUN.match(text, whole_end), NOUN.match(text, rest_end)
    # "12 of the 20 stages, leaving six stages for Ida Rolf": given to someone, not all that is left
    return bool(a and b) and a.group(1)[:5] == b.group(1)[:5] and not TO_SOMEONE.match(text, b.end())


def check_remainders(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for sid in sorted(ctx.sources):
        if not says_any(ctx.sources[sid].text.lower(), CUES):
            continue
        for sent in sentences_of(ctx, sid):
            for m in [*REMAINDER.finditer(sent.text), *ELSEWHERE.finditer(sent.text)]:
                before = part_figures(sent.text[:m.start()])
                if (len(before) == 2 and m.re is REMAINDER
                        and PART_OF.fullmatch(sent.text, before[0][1], before[1][0])
                        and (not m.group("cue") or _same_noun(sent.text, before[1][1], m.end("n")))):
                    # "26 of the 47 chapters, ... the remaining 19"; "85 of its 89 substations, leaving six
                    # substations" (after "leaving", only the whole's own noun says it is the whole's rest)
                    before = [before[1], before[0]]
                elif len(before) != 2 or not (WHOLE.search(sent.text, 0, before[0][0])
                                              or OF_THEM.match(sent.text, before[1][1])):
                    continue
                if m.re is ELSEWHERE and LATER_PART.search(sent.text, m.end()):
                    continue  # "..., and eight elsewhere, and one was flown abroad": a third part
                (_, _, whole), (_, _, part) = before
                stated = number_or_word(m.group("n"))
                small = m.re is REMAINDER and m.group("cue") == "meaning" and whole < MEANING_WHOLE
                if part >= whole or not math.isfinite(stated) or small:
                    continue
                actual = whole - part
                if not _contradicts(actual, stated, hedge(sent.text, m.start("n"))):
                    continue
                yield arithmetic_finding(rule, ctx, sid, sent, m.start("n"), m.group("n"), "remainder",
                                         f"{actual:g} ({whole:g} - {part:g})",
                                         f"{m.group('n')} left of {whole:g} once {part:g} are taken away, "
                                         f"which leaves {actual:g}")
