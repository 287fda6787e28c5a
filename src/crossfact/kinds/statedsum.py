"""The `sum` and `difference` modes of the derived kind: a total or a difference a report states
against the figures it states it of.

`sum`: parts listed first, then the total they are said to make.

News copy often lists figures and then states what they add up to: "30,000 in Arlen,
3,000 in Brisk and 2,085 in Corvo, 35,085 people in all", "Arlen accounts for 1,351
of the dead and Brisk for 492, which makes 1,843", or "rounds of 73 and 72, a 36-hole total of
145". The parts are the figures before the total in its sentence (not years, dates, times of
day, percentages, ordinals, or a period: "in the next 24"); when
there are at least two and their sum is not the total, the report contradicts itself. A few more
written in words count too ("35 from the balconies and two more from the rubble, 38 in all").
Only a near miss is reported (at most ``tolerance_sum`` of the total apart, 10 %): a sum
far from the total means the figures before it are not its parts ("2 goals in 4 games,
5 in all").

`difference`: "a difference (gap, margin, lead, deficit, increase, rise, drop, fall) of N" against the only two figures
before it in its sentence, or else in the sentence before ("Arlen is on 169 points, Brisk on 138.
That is a gap of 29 points": 31; "7.3 million ..., when 5.8 million ..., an increase of 1.7 million": 1.5, to the
stated figure's last decimal); again only a near miss (at most half the larger apart).

Flagged: "30,000 in Arlen, 3,000 in Brisk and 2,085 in Corvo, 37,085 people in all";
"591 points and Brisk 547, a difference of 54 points".
Not flagged: the same with 35,085; "In 2030 and 2031 she won 4 titles in all" (years are
no parts); "2 goals in 4 games, 5 in all" (too far off to be a slip).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ..extract.claimsets import span_evidence
from ..extract.values import MONTH_RE, number
from ..model import Finding, Side
from ..text import WORD_NUMBERS, Sentence
from .base import Context, Rule, sentences_of

FIGURE = r"\d{1,3}(?:[,.]\d{3})+|\d+"
# a figure with one or two decimals ("14.5", "1.7"), tried first: else "14.5" backtracks to "1"; not "1.700"
DECIMAL = r"\d+\.\d{1,2}(?![\d,.]?\d)"
# the total after its parts: "38,085 people in all", "which makes 1,943", "bringing the toll to 64"
TOTAL = re.compile(
    r"(?<![\d,.])(?P<a>" + FIGURE + r")(?:\s+[a-z]+){0,2}\s+(?:in all|in total|altogether)\b"
    r"|\b(?:which makes|making|bringing the (?:total|toll|tally|number)(?: of(?: [a-z]+){1,4}?)? to|"
    r"for a (?:final |grand |combined )?total of|"
    r"to a total of|(?<=, )an? (?:[\w-]+ )?total of|"
    r"(?<!could )(?<!may )(?<!might )(?<!would )add(?:s|ed)? up to)\s+"
    r"(?P<b>" + DECIMAL + r"|" + FIGURE + r")(?![\d,.]\d)")
# a figure standing alone: not glued to letters or hyphens (Covid-19, 12-year-old, a 2-0 score), not a
# percentage, an ordinal or a time of day (6 p.m.)
TOTAL_CUES = ("in all", "in total", "altogether", "which makes", "making", "bringing the", "total of", "add up to",
              "adds up to", "added up to")
NOT_A_PART = (r"(?![\w–-])(?!\s*(?:%|per ?cent|percent|[aApP]\.?[mM]\b|o'clock|(?:hours?|minutes?|days?|weeks?|"
              r"months?|years?)\b))")
PART = re.compile(r"(?<![\w,.:$£€–-])(" + FIGURE + r")(?![\d,.:]\d)" + NOT_A_PART)
# with a decimal ("7.3 million"): parts of a difference stated with one ("an increase of 1.7 million")
DECIMAL_PART = re.compile(r"(?<![\w,.:$£€–-])(" + DECIMAL + r"|" + FIGURE + r")(?![\d,.:]\d)" + NOT_A_PART)
PERIOD_BEFORE = re.compile(r"\b(?:first|next|last|past|previous|following)\s+$")
# a day of a month beside its month name, as the date recognizer spells months
DATE_NEAR = re.compile(r"\b" + MONTH_RE + r"(?:\s+\d{1,2}\s*(?:and|to|[-–])\s*|\s*)$|^\s*" + MONTH_RE + r"\b", re.I)


def _parts(text: str, pattern: re.Pattern[str] = PART) -> list[float]:
    """The figures of `text` that can be parts of a sum: not years, days of a month, or clock times."""
    return [value for _, _, value in part_figures(text, pattern)]


def part_figures(text: str, pattern: re.Pattern[str] = PART) -> list[tuple[int, int, float]]:
    """(where it starts, where it ends, its value) for each figure of `text` that can be a part of a sum."""
    out = []
    for m in pattern.finditer(text):
        raw = m.group(1)
        if re.fullmatch(r"(?:19|20)\d{2}", raw):
            continue  # a year
        if DATE_NEAR.search(text[max(0, m.start() - 20):m.start()]) or DATE_NEAR.search(text[m.end():m.end() + 12]):
            continue  # "on 11 September", "Sept. 11"
        if PERIOD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "200 mm in the first 24 hours and 372 mm in the next 24": a period, no part
        value = number(raw)
        if math.isfinite(value):
            out.append((m.start(1), m.end(1), value))
    return out


def says_any(text: str, cues: tuple[str, ...]) -> bool:
    """A plain substring test before the regex: most reports state no total and no difference."""
    return any(cue in text for cue in cues)


# a part written in words, as news copy writes a few more: "35 from the balconies and two more from the rubble"
WORD_PART = re.compile(r"\b(" + "|".join(w for w, n in WORD_NUMBERS.items() if 2 <= n <= 20 and " " not in w)
                       + r")\s+(?:more|others)\b(?!\s+[a-z]+s\b)")  # not "two more hours"


def check_sums(rule: Rule, ctx: Context) -> Iterator[Finding]:
    tolerance = float(rule.options.get("tolerance_sum") or 0.1)
    for sid in sorted(ctx.sources):
        if not says_any(ctx.sources[sid].text, TOTAL_CUES):
            continue
        for sent in sentences_of(ctx, sid):
            for m in TOTAL.finditer(sent.text):
                raw = m.group("a") or m.group("b")
                total = number(raw)
                pattern, exact = _read_as(raw)  # "a final total of 14.5": parts with decimals too
                parts = _parts(sent.text[:m.start()], pattern)
                parts += [float(WORD_NUMBERS[w.group(1)]) for w in WORD_PART.finditer(sent.text, 0, m.start())]
                if len(parts) < 2 or not total or not math.isfinite(total):
                    continue
                summed = sum(parts)
                if abs(summed - total) < exact or abs(summed - total) > tolerance * total:
                    continue
                start = m.start("a") if m.group("a") else m.start("b")
                yield arithmetic_finding(rule, ctx, sid, sent, start, raw, "sum",
                                         f"{summed:g} (sum of {len(parts)} parts)",
                                         f"the total {raw} does not match the {len(parts)} figures before it, "
                                         f"which add up to {summed:g}")


# a stated difference between two figures: "591 points and Arlen 547, a difference of 54 points"
DIFFERENCE = re.compile(r"\b[Aa]n?\s+(?:difference|gap|margin|lead|deficit|increase|rise|decrease|drop|fall|decline)\s+"
                        r"of\s+(?P<n>" + DECIMAL + r"|" + FIGURE + r")(?![\d,.:–-]\d)"
                        r"(?!\s*(?:%|per ?cent|percent|seconds?|secs?|minutes?|hours?)\b)")

DIFFERENCE_CUES = ("difference of", "gap of", "margin of", "lead of", "deficit of", "increase of", "rise of",
                   "decrease of", "drop of", "fall of", "decline of")


def check_differences(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A difference stated between the only two figures before it (in its sentence, else the one before):
    "Arlen is on 169 points, Brisk on 138. That is a gap of 29 points" (31)."""
    for sid in sorted(ctx.sources):
        if not says_any(ctx.sources[sid].text, DIFFERENCE_CUES):
            continue
        sents = sentences_of(ctx, sid)
        for i, sent in enumerate(sents):
            for m in DIFFERENCE.finditer(sent.text):
                # right to the stated figure's last decimal: "an increase of 1.7 million" of 7.3 and 5.8 is 1.5
                pattern, exact = _read_as(m.group("n"))
                figures = _parts(sent.text[:m.start()], pattern)
                if not figures and i and sents[i - 1].paragraph == sent.paragraph:
                    figures = _parts(sents[i - 1].text, pattern)
                stated = number(m.group("n"))
                if len(figures) != 2 or not math.isfinite(stated):
                    continue
                actual = abs(figures[0] - figures[1])
                if abs(actual - stated) < exact or abs(actual - stated) > 0.5 * max(actual, stated):
                    continue  # right, or too far off to be these two figures' difference
                yield arithmetic_finding(rule, ctx, sid, sent, m.start("n"), m.group("n"), "difference",
                                         f"{actual:g} ({figures[0]:g} - {figures[1]:g})",
                                         f"a difference of {m.group('n')} between {figures[0]:g} and {figures[1]:g}, "
                                         f"which are {actual:g} apart")


def _read_as(stated: str) -> tuple[re.Pattern[str], float]:
    """How to read the figures a stated total or difference is of, and how far off it may be and still be
    right: a figure with decimals ("14.5") is of figures with decimals, right to its last decimal; a whole
    one of whole figures, right to the unit."""
    if not re.fullmatch(DECIMAL, stated):
        return PART, 0.5
    return DECIMAL_PART, 0.5 * 10 ** -len(stated.rsplit(".", 1)[1])


def arithmetic_finding(rule: Rule, ctx: Context, sid: str, sent: Sentence, start: int, stated: str, predicate: str,
             computed: str, message: str) -> Finding:
    """The stated figure, where the report writes it, against what its own figures give."""
    evidence = span_evidence(ctx.sources[sid], sent, start, start + len(stated))
    return Finding(rule=rule.id, kind="arithmetic", severity=rule.severity, message=message, subject="",
                   predicate=predicate, values=(Side(stated, (sid,), (evidence,)), Side(computed, (), ())),
                   flagged=(sid,))

