"""Speed-ups that must not change a match: a lead-in look-ahead ("(?=\\d)", "(?=[A-Z])") that says
how a pattern can start, and lower-case scans of lower-cased text in place of re.I."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from crossfact.extract import results, times, values
from crossfact.text import lowered

LED = [rx for rx, _ in times.DURATION_RE] + [times.CLOCK_RE, values.YEAR_RE, values.MEASURE_RE, values.COUNT_RE,
                                              *values.DATE_RES, results.MINUTE_RE, results.AGE_RE]
LEAD_IN = re.compile(r"^\(\?=[^()]*\)")
WORDS = ["Two", "days", "AGO", "Yesterday", "a few", "Weeks", "before", "12", "three", "Dozens", "hundred",
         "İstanbul", "ſeven", "Éire", ",", ".", ":", "\n", "next YEAR", "Beat", "WON", "2-1", "6–4", "3:2", "(5)",
         "Final", "3:51.20", "2:04:32", "7.30", "p.m.", "GMT", "1530", "hrs", "min", "sec", "Saturday", "June",
         "14th", "the", "of", "2031", "1,250", "km", "81st", "minute", "aged", "26-year-old", "$", "4min", "12.5s"]
TEXT = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)


def _matches(rx: re.Pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


def test_every_fast_pattern_has_a_lead_in() -> None:
    assert all(LEAD_IN.match(rx.pattern) for rx in LED[3:])  # the first three durations start with a word


@settings(max_examples=400)
@given(TEXT)
def test_a_lead_in_look_ahead_changes_no_match(text: str) -> None:
    for rx in LED:
        plain = re.compile(LEAD_IN.sub("", rx.pattern), rx.flags)
        assert _matches(rx, text) == _matches(plain, text), rx.pattern[:60]


@settings(max_examples=400)
@given(TEXT)
def test_lower_case_scans_find_what_case_blind_ones_do(text: str) -> None:
    """text.lowered: the lower-case pattern over the lower-cased text finds the re.I matches."""
    for rx in (values.COUNT_WORD_RE, values.RELATIVE_RE, results.SCORE_RE):
        fast = [(m.span(), m.group(0).lower()) for m in lowered(text, rx)]
        blind = [(m.span(), m.group(0).lower()) for m in rx[1].finditer(text)]
        if "ſ" not in text:  # re.I alone matches a long s as an s; no report spells "ſeven"
            assert fast == blind
