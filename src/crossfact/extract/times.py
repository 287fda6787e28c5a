"""Durations and clock times: "3:45.34", "3min 45.34sec" and "3 minutes 45.34 seconds" are
one value (225.34 s); "2.13.38" and "2:04.02" are read as h:mm:ss too; "7:30 p.m. ET" is a
clock time with its zone, never a duration.
"""

from __future__ import annotations

import re

from ..text import TENS, WORD_NUMBERS, compound_numbers
from .mention import Mention

# "Japan time", "Beijing time": a zone named by its country or city (not a sentence that opens after
# "a.m.": "This time nobody was hurt", "Extra time")
NAMED_ZONE = (r"(?!(?:This|That|These|Those|The|Each|Every|Next|Last|Extra|Half|Full|Any|Some|No|One|Our|Their|His|"
              r"Her|Its|My|Your|Injury|Stoppage|Added|Playing|Game|Match|Race|Record|Prime|Running|Lap|Break|Kick)\s)"
              r"[A-Z][a-z]+ time")
ZONES = (r"(?:[A-Z]{1,2}ST|[A-Z]{1,2}DT|GMT|UTC|ET|PT|CT|MT|CET|CEST|BST|JST|AWST|AEST|IST|[Ll]ocal time|"
         + NAMED_ZONE + ")")
# hours east of UTC of the zones a report converts a local time into ("12:50 p.m. (0620 GMT)")
UTC_OFFSETS = {"GMT": 0, "UTC": 0, "CET": 1, "CEST": 2, "BST": 1, "EDT": -4, "EST": -5, "CDT": -5, "CST": -6,
               "PDT": -7, "PST": -8, "JST": 9, "AEST": 10, "AWST": 8}

# "two hours and twenty-three minutes": minutes in words, up to fifty-nine
MINUTE_WORDS = ("(?i:" + compound_numbers(TENS[:4]) + "|" + "|".join(TENS[:4]) + "|"
                + "|".join(sorted((w for w, n in WORD_NUMBERS.items() if w.isalpha() and 0 < n < 20 and w not in
                                   ("a", "an", "several")), key=len, reverse=True)) + ")")
FRACTIONS = {"tenth": 10, "hundredth": 100, "thousandth": 1000}
DURATION_PATTERNS = [
    # a margin in words: "five-thousandths of a second", "a hundredth of a second"
    (r"\b(?P<f>(?i:a|one|two|three|four|five|six|seven|eight|nine)|\d)[\s-](?P<frac>tenth|hundredth|thousandth)s?"
     r"\s+of\s+a\s+second\b", "fraction"),
    # two hours and 35 seconds / 2 hours, 1 minute and 9 seconds
    (r"\b(?P<h>\d{1,2}|one|two|three|four|five)\s*(?:hours?|hrs?)\s*,?\s*(?:and\s*)?"
     r"(?:(?P<m>\d{1,2}|one|two|three|four|five)\s*(?:minutes?|mins?)\s*,?\s*(?:and\s*)?)?"
     r"(?P<s>\d{1,2})\s*(?:seconds?|secs?)\b", "hms"),
    # 2hours 00min 35sec / 2 hrs 04 minutes and 32seconds
    (r"(?P<h>\d\d?)\s*(?:hours?|hrs?|h)\.?,?\s*(?:and\s*)?(?P<m>\d{1,2})\s*(?:minutes?|mins?|m)\.?,?\s*"
     r"(?:and\s*)?(?P<s>\d{1,2}(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b", "hms"),
    # 2h21'47 / 2h11'53'' / 2h11’53”: hours, minutes and seconds as French and Italian copy writes them
    (r"(?<![\d:.])(?P<h>\d{1,2})h(?P<m>\d{2})['’](?P<s>\d{2})(?!\d|[.,]\d)(?:''|\"|”|″)?", "hms"),
    # two hours and 16 minutes / 1 hour, 53 minutes / 4hr 32min: no seconds
    (r"\b(?P<h>\d{1,2}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s*(?:hours?|hrs?|h)\.?"
     r"\s*,?\s*(?:and\s*)?(?P<m>\d{1,2}|" + MINUTE_WORDS + r")\s*(?:minutes?|mins?|min)\b", "hm"),
    (r"\b(?P<m>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:minutes?|mins?|min)\.?\s*,?\s*"
     r"(?:and\s*)?(?P<s>\d{1,2}(?:\.\d+)?)\s*(?:seconds?|secs?|sec|s)\b",
     "ms"),
    (r"(?<![\d:.])(?P<h>\d{1,2}):(?P<m>\d{2}):(?P<s>\d{2}(?:\.\d+)?)(?![\d:])", "colon3"),
    (r"(?<![\d:.])(?P<h>\d{1,2})\.(?P<m>\d{2})\.(?P<s>\d{2})(?![\d:]|\.\d)", "colon3"),
    (r"(?<![\d:.])(?P<m>\d{1,2}):(?P<s>\d{2}(?:\.\d{1,3})?)(?![\d:])(?!\s*(?:[ap]\.?\s?m\b|\(?"
     + ZONES + r"\b))", "colon2"),
    # 9.79 seconds / 9,81 sec / 9.83s (a decimal comma takes one or two digits: "3,000 seconds" is not 3.0)
    (r"(?<![\d:.])(?P<s>\d{1,3}(?:\.\d+|,\d{1,2}(?!\d))?)\s*(?:seconds?|secs?|sec|s)\b(?!\s*(?:left|to go))",
     "s"),
    (r"(?<![\d:.])(?P<m>\d{1,3})\s*(?:minutes?|mins?)\b(?!\s*(?:left|to go|later|ago))", "min"),
]
# A pattern that can only start on a digit says so first, "(?=\d)": the engine then passes over
# letters fast instead of trying the look-behind at every character (2-3x faster, same matches).
DIGIT_FIRST = "(?=\\d)"
# Faster still: a pattern whose first step takes a digit lets the engine skip to the next digit in
# C. `digit_led` moves a leading look-behind one digit on, "(?<![:.])(?P<n>\d+" -> "(?P<n>\d(?<![:.]\d)\d*"
# (the same test of the character before the number), for the number forms below.
DIGIT_HEAD = re.compile(r"\(\?<!\[(?P<set>[^\]]+)\]\)\(\?P<(?P<g>\w+)>(?P<q>\\d\{1,(?P<n>\d)\}|\\d\+|\(\?:19\|20\))")


def digit_led(pattern: str) -> str:
    """`pattern`, which starts with a look-behind and a named number, with its first step a digit."""
    m = DIGIT_HEAD.match(pattern)
    if not m:
        raise ValueError(f"not a digit-led pattern: {pattern[:40]}")
    before, q = m.group("set"), m.group("q")
    if q == r"\d+":
        head = rf"\d(?<![{before}]\d)\d*"
    elif q.startswith(r"\d{1,"):
        head = rf"\d(?<![{before}]\d)\d{{0,{int(m.group('n')) - 1}}}"
    else:
        head = rf"(?:19|20)(?<![{before}]\d\d)"
    return f"(?P<{m.group('g')}>{head}" + pattern[m.end():]


DURATION_RE = [(re.compile(digit_led(p) if p.startswith(r"(?<![\d:.])") else p), kind)
               for p, kind in DURATION_PATTERNS]
# Words each pattern cannot match without (every group: one of its words): a report without them
# skips that pattern's scan. Each is implied by the pattern, so nothing it would find is lost.
DURATION_NEEDS = [(("of a second",),), (("sec",), ("hour", "hr")), (), (("h",), ("'", "’")), (("min",),), (("min",),),
                  ((":",),), (), ((":",),), (), (("min",),)]

CLOCK_RE = re.compile(
    DIGIT_FIRST + r"(?:(?<![\d:.])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
    r"(?:\s*\(?(?P<z>" + ZONES + r"))?"
    r"|(?<![\d:.])(?P<h2>[0-2]\d)(?P<m2>[0-5]\d)\s*(?P<z2>GMT|UTC)\b"
    # the 24-hour clock, with its zone: "01:38 local time", "20.30 CET"
    r"|(?<![\d:.])(?P<h3>[01]?\d|2[0-3])[:.](?P<m3>[0-5]\d)\s*\(?(?P<z3>" + ZONES + r")\b"
    # and without one, "at" an hour written with its leading zero: "took the first call at 00:45" (a
    # duration is not written "00:45"; "at 00:28:30" and "at 07.30.5" are splits)
    r"|(?<=\bat\s)(?P<h4>0\d)[:.](?P<m4>[0-5]\d)(?![:.,]?\d))"
)

def parse_duration(m: re.Match, kind: str) -> tuple[float, float | None]:
    if kind == "fraction":
        return float(WORD_NUMBERS.get(m.group("f").lower(), m.group("f"))) / FRACTIONS[m.group("frac")], None
    g = {k: float(WORD_NUMBERS.get(v.lower(), v.replace(",", "."))) for k, v in m.groupdict().items() if v is not None}
    h, mi, s = g.get("h", 0.0), g.get("m", 0.0), g.get("s", 0.0)
    seconds = h * 3600 + mi * 60 + s
    alt = None
    if kind == "colon2" and "." in m.group("s"):
        # "2:04.02" may be h:mm.ss typed with a full stop: keep that reading too.
        whole, frac = m.group("s").split(".")
        if len(frac) == 2:
            alt = mi * 3600 + float(whole) * 60 + float(frac)
    if kind == "min":
        seconds = mi * 60
    return seconds, alt


class Taken:
    """Character positions already claimed by a mention: an overlap test costs the match's length,
    not the number of earlier matches (a line of 20,000 "3min" stays linear)."""

    def __init__(self, size: int) -> None:
        self.used = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return not any(self.used[start:end])

    def take(self, start: int, end: int) -> None:
        self.used[start:end] = b"\x01" * (end - start)


def durations(text: str) -> list[Mention]:
    taken = Taken(len(text))
    out: list[Mention] = []
    for (rx, kind), needs in zip(DURATION_RE, DURATION_NEEDS, strict=True):
        if not all(any(word in text for word in group) for group in needs):
            continue
        for m in rx.finditer(text):
            if not taken.free(m.start(), m.end()):
                continue
            seconds, alt = parse_duration(m, kind)
            # a time with hours or hundredths identifies a performance; "under 2:01" does not
            # as do a sprinter's "9.79 seconds" (a margin, "by 0.01 seconds", is told apart by its context)
            precise = kind in ("hms", "colon3") or (kind in ("colon2", "ms", "s") and "." in m.group("s")) or (
                kind == "s" and "," in m.group("s"))
            taken.take(m.start(), m.end())
            out.append(Mention("duration", m.start(), m.end(), m.group(0),
                               (("seconds", round(seconds, 3)), ("alt", alt), ("precise", precise))))
    return out


def clocks(text: str) -> list[Mention]:
    out = []
    for m in CLOCK_RE.finditer(text):
        if m.group("h") is not None:
            h, mi = int(m.group("h")) % 12, int(m.group("m") or 0)
            if m.group("ap").lower() == "p":
                h += 12
            zone = m.group("z")
        elif m.group("h2") is not None:
            h, mi, zone = int(m.group("h2")), int(m.group("m2")), m.group("z2")
        elif m.group("h4") is not None:
            h, mi, zone = int(m.group("h4")), int(m.group("m4")), None
        else:
            h, mi, zone = int(m.group("h3")), int(m.group("m3")), m.group("z3")
        if zone and zone.lower() == "local time":  # what a time without a zone is too: the event's own clock
            zone = None
        if h < 24 and mi < 60:
            out.append(Mention("clock", m.start(), m.end(), m.group(0).rstrip(),
                               (("minutes", h * 60 + mi), ("zone", zone))))
    return out
