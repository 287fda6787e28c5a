"""Typed value mentions: dates, years, measures, counts, relative times, and (from times.py
and results.py) durations, clock times, minutes, scores, places, tallies and ages.

Each recognizer is a compiled pattern plus a parser to a normalized value, so that
"3:45.34" and "3min 45.34sec" are one value (225.34 s) and "65.600" (German grouping)
equals "65,600"; `all_values` runs them all and keeps the longest where two overlap.
"""

from __future__ import annotations

import re

from ..text import ORDINALS, WORD_NUMBERS, case_blind, compound_numbers, lowered, may_contain
from .mention import Mention
from .results import ages, minutes, places, rounds, scores, tallies
from .times import DIGIT_FIRST, Taken, clocks, digit_led, durations

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
NUM = r"\d+(?:[.,]\d+)?"
DATE_RES = [  # each says first how it can start (a capital; a capital, a digit or "the"): see DIGIT_FIRST
    # "Saturday, June 29", and in brackets "on Saturday (June 29, 2030)"
    re.compile(r"(?=[A-Z])(?:(?P<wd>" + WEEKDAY_RE + r")(?:,?\s+|\s+(?P<br>\()\s*))?(?P<mon>" + MONTH_RE + r")\s+"
               r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d{2})\b)?(?(br)\s*\))"),
    re.compile(r"(?=[A-Z\d]|the\s)(?:(?P<wd>" + WEEKDAY_RE + r")(?:,?\s+|\s+(?P<br>\()\s*))?(?:the\s+)?(?P<d>\d{1,2})"
               r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>" + MONTH_RE + r")(?![a-z])"  # "No. 1 Jannik" names no month
               r"(?:,?\s+(?P<y>(?:19|20)\d{2})\b)?(?(br)\s*\))"),
]
YEAR_RE = re.compile(digit_led(r"(?<![\d:.,$£€-])(?P<y>(?:19|20)\d{2})(?![\d:.,]\d)(?!\s*(?:m\b|metres|meters|km))"))
UNITS = {
    "kg": ("mass", 1.0), "kilograms": ("mass", 1.0), "kilogram": ("mass", 1.0), "kilos": ("mass", 1.0),
    "g": ("mass", 0.001), "grams": ("mass", 0.001), "lb": ("mass", 0.4536), "lbs": ("mass", 0.4536),
    "pounds": ("mass", 0.4536),
    "m": ("length", 1.0), "metres": ("length", 1.0), "meters": ("length", 1.0), "metre": ("length", 1.0),
    "meter": ("length", 1.0), "km": ("length", 1000.0), "kilometres": ("length", 1000.0),
    "kilometers": ("length", 1000.0), "cm": ("length", 0.01), "centimetres": ("length", 0.01),
    "centimeters": ("length", 0.01), "feet": ("length", 0.3048), "foot": ("length", 0.3048),
    "ft": ("length", 0.3048), "mm": ("length", 0.001), "millimetres": ("length", 0.001),
    "millimeters": ("length", 0.001), "inches": ("length", 0.0254),
    "miles": ("length", 1609.34), "mile": ("length", 1609.34),
    "litres": ("volume", 1.0), "liters": ("volume", 1.0), "gallons": ("volume", 3.785),
    "per cent": ("percent", 1.0), "percent": ("percent", 1.0), "%": ("percent", 1.0),
    "degrees": ("temperature", 1.0),
    "acres": ("area", 0.4047), "hectares": ("area", 1.0), "ha": ("area", 1.0),
    "square kilometres": ("area", 100.0), "square kilometers": ("area", 100.0), "sq km": ("area", 100.0),
    "square miles": ("area", 259.0), "mph": ("speed", 1.609), "km/h": ("speed", 1.0), "kph": ("speed", 1.0),
    "kilometres per hour": ("speed", 1.0), "kilometers per hour": ("speed", 1.0), "km per hour": ("speed", 1.0),
    "miles per hour": ("speed", 1.609), "metres per second": ("speed", 3.6), "meters per second": ("speed", 3.6),
}
UNIT_RE = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
# not after a currency sign: "$9.5m" is money, not metres
MEASURE_RE = re.compile(digit_led(r"(?<![\d:.,$£€])(?P<n>\d+(?:[.,]\d+)*)\s*-?(?P<u>" + UNIT_RE + r")(?![\w])"))
# "magnitude 7.4", "magnitude of 7,4" (a decimal comma), "M7.4", "a 7.4-magnitude quake"
MAGNITUDE_RE = re.compile(r"\b(?:magnitude(?:-|\s+of\s+|\s+)|M\s?)(?P<n>\d(?:[.,]\d)?)\b"
                          r"|\b(?P<n2>\d[.,]\d)[- ]magnitude\b")
# a range or a threshold, not a quake's magnitude: "magnitude 6.5 to 7", "magnitude 6 or above"
MAGNITUDE_RANGE = re.compile(r"\s*(?:to\b|[-–]\s*\d|or\s+(?:above|higher|greater|more|stronger|larger)|and\s+above|\+)")
COUNT_WORDS = compound_numbers() + "|" + "|".join(sorted((re.escape(w) for w in list(WORD_NUMBERS)
                                                      if " " not in w and "-" not in w and len(w) > 2),
                                                     key=len, reverse=True))
# "1,250", "12.400", "81 118" (French and SI write thousands apart with a space), "85"; and "2.1 million"
# (not after a currency sign: "$9.5 million" is money)
COUNT_RE = re.compile(DIGIT_FIRST + r"(?<![\d:.,$£€])(?:(?P<mn>\d{1,3}(?:\.\d{1,2})?)\s+(?P<mult>million|billion)\b"
                      r"|(?P<n>\d{1,3}(?:[,.]\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d.,]\d)|\d+)"
                      r"(?![\d:.,]\d)(?!\s*(?:%|" + UNIT_RE + r")\b))", re.I)
MULTIPLIERS = {"million": 1e6, "billion": 1e9}
# Word patterns in lower case are run over the lower-cased text (see `lowered`): a case-blind
# pattern tries every letter case at every word and costs several times more.
COUNT_WORD_PATTERN = r"\b(?P<w>" + COUNT_WORDS + r")\b"
RELATIVE_PATTERN = (
    r"\b(?P<q>a couple of|couple of|a few|several|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|\d+)\s+(?P<u>days?|weeks?|months?|years?)\s+(?P<dir>left|to go|away|ago|later|before|after)\b"
    r"|\b(?P<w>yesterday|tomorrow|today|tonight|a fortnight ago|fortnight ago|last week|next week|last month|"
    r"next month|last year|next year)\b")
COUNT_WORD_RE = case_blind(COUNT_WORD_PATTERN)
RELATIVE_RE = case_blind(RELATIVE_PATTERN)


UNIT_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365.25}
FUZZY_QUANTITY = {"a couple of": (1, 4), "couple of": (1, 4), "a few": (2, 6), "several": (3, 9)}


# the words a figure is hedged with; what each means is HEDGES's reading (else "about")
HEDGE_WORDS = (r"more than|over|at least|upwards of|in excess of|exceeding|topping|nearly|almost|under|less than|"
               r"fewer than|up to|about|around|roughly|approximately|some|an estimated|close to")
HEDGE = re.compile(r"\b(?P<h>" + HEDGE_WORDS + r")\s+(?:\$|£|€)?$", re.I)
HEDGES = {"more than": "more", "over": "more", "at least": "more", "upwards of": "more", "in excess of": "more",
          "exceeding": "more", "topping": "more",
          "nearly": "less", "almost": "less", "under": "less", "less than": "less", "fewer than": "less",
          "up to": "less"}


def hedge(text: str, start: int) -> str | None:
    """'more than 110,000' -> 'more', 'nearly 50' -> 'less', 'about 100' -> 'about'; None when exact. A
    figure in brackets right after a hedged one is its conversion, hedged alike ("more than 220km/h
    (136mph)")."""
    m = HEDGE.search(text, max(0, start - 25), start)
    if m:
        return HEDGES.get(m.group("h").lower(), "about")
    converted = CONVERTED.search(text, max(0, start - 40), start)
    return hedge(text, converted.start(1)) if converted else None


# "220km/h (": the measure a bracketed one converts (a unit, not "50 people (20 children)")
CONVERTED = re.compile(r"(?<![\d.,])(\d[\d.,]*)\s?(?:km/h|kph|mph|km|kilometres|kilometers|miles|mi|m|metres|meters|"
                       r"ft|feet|kg|lb|lbs|mm|cm|in|inches|°[CF]|C|F|knots|kt)\s+\(\s*$")


def number(text: str) -> float:
    """'65,600', '65.600' and '65 600' are 65600; '1,25,000' (Indian grouping) is 125000; '7.6' and '7,6'
    are 7.6."""
    if COMMA_GROUPED_DECIMAL.fullmatch(text):  # "1,234.5"
        return float(text.replace(",", ""))
    if STOP_GROUPED_DECIMAL.fullmatch(text):  # "1.234,5"
        return float(text.replace(".", "").replace(",", "."))
    if GROUPED.fullmatch(text) or text.count(",") + text.count(".") > 1:  # "1,25,000", "1.234.567"
        return float(re.sub(r"\D", "", text))
    return float(text.replace(",", "."))


COMMA_GROUPED_DECIMAL = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+")
STOP_GROUPED_DECIMAL = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")
GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+")


def number_or_word(text: str) -> float:
    """A figure in digits or words: '1,200', 'five', 'an' (a trailing comma or stop is punctuation)."""
    t = text.lower()
    return float(WORD_NUMBERS[t]) if t in WORD_NUMBERS else number(t.rstrip(".,"))


SPAN_BEFORE = re.compile(r"\b(?:from|between)\s+$")
SPAN_AFTER = re.compile(r"\s*(?:to|until|-|–|and)\s+(?:" + MONTH_RE + r"|\d)")


MONTH_HEADS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
RELATIVE_NEEDS = ("day", "week", "month", "year", "tomorrow", "tonight", "fortnight")


def dates(text: str) -> list[Mention]:
    out: list[Mention] = []
    if not any(month in text for month in MONTH_HEADS):  # every date pattern names a month (MONTH_RE)
        return out
    taken = Taken(len(text))
    for rx in DATE_RES:
        for m in rx.finditer(text):
            if not taken.free(m.start(), m.end()):
                continue
            taken.take(m.start(), m.end())
            mon = MONTHS.get(m.group("mon").rstrip(".").lower()[:4].rstrip("t") if m.group("mon").lower()
                             .startswith("sept") else m.group("mon").rstrip(".").lower()[:3])
            day = int(m.group("d"))
            if not mon or not 1 <= day <= 31:
                continue
            year = int(m.group("y")) if m.group("y") else None
            wd = m.group("wd").lower() if m.group("wd") else None
            # "from June 14 to July 14", "June 14-July 14": one end of a span, not the day of an event
            span = bool(SPAN_BEFORE.search(text, max(0, m.start() - 12), m.start())) or bool(
                SPAN_AFTER.match(text, m.end()))
            out.append(Mention("date", m.start(), m.end(), m.group(0),
                               (("year", year), ("month", mon), ("day", day), ("weekday", wd), ("span", span))))
    return out


def years(text: str) -> list[Mention]:
    return [Mention("year", m.start(), m.end(), m.group(0), (("year", int(m.group("y"))),))
            for m in YEAR_RE.finditer(text)]


APPOSED_AGE = re.compile(r",\s(\d{1,2})[,;)]")  # "Ada Holm, 35, won", "Ada Holm, 35; Ida Rolf, 28"
RANGE_START = re.compile(r"\bbetween\s+$", re.I)
RANGE_END = re.compile(r"\bbetween\s+[\d.,]+\s*(?:%|per ?cent|percent|[a-z]{1,12})?\s+and\s+$", re.I)


def measures(text: str) -> list[Mention]:
    out = []
    for m in MEASURE_RE.finditer(text):
        dim, factor = UNITS[m.group("u").lower()] if m.group("u").lower() in UNITS else UNITS[m.group("u")]
        if dim == "length" and m.group("u").lower() in ("m", "metres", "meters") and re.match(
                r"\d+$", m.group("n")) and int(m.group("n")) in (100, 200, 400, 800, 1500, 3000, 5000, 10000):
            continue  # a race distance ("800m"), not a measurement
        if RANGE_START.search(text, max(0, m.start() - 10), m.start()) or RANGE_END.search(
                text, max(0, m.start() - 30), m.start()):
            continue  # "between 26.6% and 28.6%": the ends of a range, neither of them the figure
        value = number(m.group("n"))
        out.append(Mention("measure", m.start(), m.end(), m.group(0),
                           (("dimension", dim), ("value", value * factor), ("unit", m.group("u")))))
    for m in MAGNITUDE_RE.finditer(text):
        n = (m.group("n") or m.group("n2")).replace(",", ".")
        if MAGNITUDE_RANGE.match(text, m.end()):
            continue
        out.append(Mention("measure", m.start(), m.end(), m.group(0),
                           (("dimension", "magnitude"), ("value", float(n)), ("unit", "magnitude"))))
    return out


def _count_value(m: re.Match) -> float:
    if m.group("n"):
        return number(m.group("n"))
    return float(m.group("mn")) * MULTIPLIERS[m.group("mult").lower()]


def counts(text: str) -> list[Mention]:
    """Figures and number words; the two never overlap, so two scans find what one would."""
    out = [Mention("count", m.start(), m.end(), m.group(0), (("value", _count_value(m)),))
           for m in COUNT_RE.finditer(text)]
    for m in lowered(text, COUNT_WORD_RE):
        value = WORD_NUMBERS.get(m.group("w").lower())
        if value is not None:
            out.append(Mention("count", m.start(), m.end(), text[m.start():m.end()], (("value", value),)))
    out.sort(key=lambda m: m.start)
    return out


def relatives(text: str) -> list[Mention]:
    out: list[Mention] = []
    if not may_contain(text, RELATIVE_NEEDS):  # a unit of time or a word such as "yesterday"
        return out
    for m in lowered(text, RELATIVE_RE):
        if m.group("w"):
            word = m.group("w").lower()
            days = {"yesterday": (-1, -1), "tomorrow": (1, 1), "today": (0, 0), "tonight": (0, 0),
                    "a fortnight ago": (-15, -13), "fortnight ago": (-15, -13)}.get(word)
            if days is None:
                continue
            lo, hi = days
        else:
            q = m.group("q").lower()
            unit = UNIT_DAYS[m.group("u").lower().rstrip("s")]
            lo_n, hi_n = FUZZY_QUANTITY.get(q, (None, None))
            if lo_n is None:
                n = int(q) if q.isdigit() else WORD_NUMBERS.get(q, ORDINALS.get(q, 1))
                lo_n, hi_n = n * 0.8 if unit > 1 else n, n * 1.25 if unit > 1 else n
            # "two days ago" is in the past; "two days before the final" puts the final ahead of the report
            sign = -1 if m.group("dir").lower() in ("ago", "after") else 1
            lo, hi = sorted((sign * lo_n * unit, sign * hi_n * unit))
        out.append(Mention("relative", m.start(), m.end(), text[m.start():m.end()], (("days", (lo, hi)),)))
    return out


# A result: "6-4, 3-6, 7-5", "2-1", "2–1", "2:1" after a word of winning, losing or scoring.
def all_values(text: str) -> list[Mention]:
    """Every value mention in `text`, longest first where two overlap."""
    found = (tallies(text) + ages(text) + places(text) + scores(text) + durations(text) + clocks(text) + dates(text)
             + measures(text) + minutes(text) + rounds(text) + relatives(text))
    # on one span, a clock before a duration: "at 00:45" is a time of day
    found.sort(key=lambda m: (m.start, -(m.end - m.start), m.type != "clock"))
    kept: list[Mention] = []
    for m in found:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    taken = Taken(len(text))
    for m in kept:
        taken.take(m.start, m.end)
    for m in years(text) + counts(text):
        if taken.free(m.start, m.end):
            kept.append(m)
            taken.take(m.start, m.end)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept
