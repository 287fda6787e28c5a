"""Speed-ups that must not change a match: a lead-in look-ahead ("(?=\\d)", "(?=[A-Z])") that says
how a pattern can start, and lower-case scans of lower-cased text in place of re.I."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from crossfact.extract import results, times, values
from crossfact.text import case_blind, lowered, may_contain

LED = [times.CLOCK_RE, values.COUNT_RE, *values.DATE_RES, results.MINUTE_RE, results.AGE_RE]
LEAD_IN = re.compile(r"^\(\?=[^()]*\)")
WORDS = ["ſix", "wın", "He", "HIS", "she", "Kelvin", "Two", "days", "AGO", "Yesterday", "a few", "Weeks", "before",
         "12", "three", "Dozens", "hundred",
         "İstanbul", "ſeven", "Éire", ",", ".", ":", "\n", "next YEAR", "Beat", "WON", "2-1", "6–4", "3:2", "(5)",
         "Final", "3:51.20", "2:04:32", "7.30", "p.m.", "GMT", "1530", "hrs", "min", "sec", "Saturday", "June",
         "14th", "the", "of", "2031", "1,250", "km", "81st", "minute", "aged", "26-year-old", "$", "4min", "12.5s",
         "million", "2.1", "Billion"]
TEXT = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)


def _matches(rx: re.Pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


def test_every_fast_pattern_has_a_lead_in() -> None:
    assert all(LEAD_IN.match(rx.pattern) for rx in LED)


# the readable patterns digit_led turns into patterns whose first step takes a digit
READABLE = [p for p, _ in times.DURATION_PATTERNS if p.startswith("(?<!")] + [
    r"(?<![\d:.,$£€-])(?P<y>(?:19|20)\d{2})(?![\d:.,]\d)(?!\s*(?:m\b|metres|meters|km))",
    r"(?<![\d:.,$£€])(?P<n>\d+(?:[.,]\d+)*)\s*-?(?P<u>" + values.UNIT_RE + r")(?![\w])"]
DIGIT_TEXT = st.lists(st.sampled_from(WORDS + ["1", "19", "2024", "05", "1:2", "3.", ".5", "-", "$", "m", "s",
                                               "12,400", "7.5"]), max_size=30).map(lambda ws: "".join(
    w + (" " if i % 3 else "") for i, w in enumerate(ws)))


def test_digit_led_is_what_the_modules_compile() -> None:
    compiled = {rx.pattern for rx, _ in times.DURATION_RE} | {values.YEAR_RE.pattern, values.MEASURE_RE.pattern}
    assert {times.digit_led(p) for p in READABLE} <= compiled
    assert all(times.digit_led(p) != p for p in READABLE)


@settings(max_examples=600)
@given(DIGIT_TEXT)
def test_digit_led_changes_no_match(text: str) -> None:
    for p in READABLE:
        assert _matches(re.compile(times.digit_led(p)), text) == _matches(re.compile(p), text), p[:60]


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
    pronouns = ("he", "she", "his", "her", "him", "they")
    for rx in (values.COUNT_WORD_RE, values.RELATIVE_RE, results.SCORE_RE, case_blind(r"\b(?:won|wins|took)\b"),
               case_blind(r"\b(" + "|".join(pronouns) + r")\b"), case_blind(r"\bWON\b")):
        fast = [(m.span(), m.group(0).lower()) for m in lowered(text, rx)]
        blind = [(m.span(), m.group(0).lower()) for m in rx[1].finditer(text)]
        assert fast == blind  # "ſeven", "wın", "İstanbul" too: such a text takes the re.I scan


NEEDY = WORDS + ["fourth", "title", "WINS", "Medal", "beat", "drew", "3-1", "win", "ſcored", "wın", "Kelvin", "İ",
                 "minute", "24th", "-year-old", "aged", "Jan", "Sept.", "5th", "of", "fortnight", "Tonight"]
NEEDY_TEXT = st.lists(st.sampled_from(NEEDY), max_size=25).map(" ".join)


@settings(max_examples=600)
@given(NEEDY_TEXT)
def test_a_skipped_scan_had_nothing_to_find(text: str) -> None:
    """Each recognizer's word test passes whenever its pattern matches: a skip never loses a value."""
    case_blind = [(results.TALLY_RE, results.TALLY_NEEDS), (results.SCORE_RE[1], results.SCORE_NEEDS),
                  (values.RELATIVE_RE[1], values.RELATIVE_NEEDS)]
    for rx, needs in case_blind:
        if rx.search(text):
            assert may_contain(text, needs), rx.pattern[:40]
    if results.MINUTE_RE.search(text) or results.PAIRED_MINUTES.search(text):
        assert "minute" in text
    if results.AGE_RE.search(text):
        assert "-year-old" in text or "aged " in text
    if any(rx.search(text) for rx in values.DATE_RES):
        assert any(m in text for m in values.MONTH_HEADS)


# One text per word a pattern can be led by: dropping a word from a recognizer's test makes it miss one.
FOUND_DESPITE_THE_WORD_TEST = {
    "scores": ["beat Spain 2-1", "Beating them 2-1", "defeated Spain 2-1", "won 2-1", "wins 2-1", "winning 2-1",
               "lost 1-2", "LOSING 1-2", "loses 1-2", "a draw, 1-1", "drew 1-1", "victory over Spain, 2-1",
               "defeat 1-2", "lead 1-0", "score 2-2", "scored 2-2", "scoreline 2-2", "result 2-2", "final 2-2"],
    "tallies": ["his fourth win", "her third victory", "their fifth victories", "a fifth title", "their second crown",
                "his 3rd championship", "her first gold", "a second medal", "his fifth pole", "her sixth Triumph"],
    "relatives": ["two days ago", "three weeks later", "a few months before", "two years ago", "yesterday",
                  "tomorrow", "Today", "tonight", "a fortnight ago"],
    "minutes": ["in the 24th minute", "minute 24", "the 12th and 58th minutes"],
    "ages": ["the 23-year-old", "aged 30"],
    "dates": [f"on {m} 3" for m in ("January", "Feb.", "Mar", "April", "May", "June", "Jul", "Aug.", "Sept",
                                    "October", "Nov", "Dec.")] + ["3 Sept 2024"],
}


def test_every_leading_word_passes_the_word_test() -> None:
    recognizers = {"scores": results.scores, "tallies": results.tallies, "relatives": values.relatives,
                   "minutes": results.minutes, "ages": results.ages, "dates": values.dates}
    for name, texts in FOUND_DESPITE_THE_WORD_TEST.items():
        for text in texts:
            assert recognizers[name](text), f"{name}: {text!r}"


def test_case_blind_lowers_only_what_lowering_keeps() -> None:
    """A pattern of lower-case letters (and uncased marks such as a dash) runs without re.I over the
    lowered text; one with a capital, an escape such as \\W, or a cased letter beyond ASCII keeps re.I."""
    for rx in (values.COUNT_WORD_RE, values.RELATIVE_RE, results.SCORE_RE, case_blind(r"(?P<w>a–b)")):
        assert not rx[0].flags & re.I, rx[0].pattern[:40]
    for pattern in (r"\bWon\b", r"\W+won", r"café", r"straße"):
        assert case_blind(pattern)[0].flags & re.I, pattern


QUOTE_PLAIN = re.compile(r"[\"“”](?P<d>[^\"“”\n]{8,}?)[\"“”]"
                         r"|(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?P<s>[^\n]{8,}?)(?:[’'](?=[\s,.;:!?)\]—–-]|$)|$)", re.M)
QUOTED = st.lists(st.sampled_from(["'", "‘", "’", '"', "“", "”", "he said", "the men's", "(", "—", "-", "\n", "x",
                                   "It was not", "ready at all", ",", ".", "The Scot", "the champion", "('", "—‘",
                                   "-'", "x'", "[‘", "',", "’."]),
                  max_size=25).map(lambda ws: "".join(w + (" " if i % 2 else "") for i, w in enumerate(ws)))


@settings(max_examples=600)
@given(QUOTED)
def test_quotes_and_descriptions_lead_with_a_character(text: str) -> None:
    """The quotation mark first, then a look back at it: the same quotes as the plain two branches;
    "[Tt](?<!\\w[Tt])he" finds what "\\b[Tt]he" finds."""
    from crossfact.extract.quotes import QUOTE_RE

    def quotes(rx: re.Pattern) -> list:
        return [(m.span(), m.group("d"), m.group("s")) for m in rx.finditer(text)]

    assert quotes(QUOTE_RE) == quotes(QUOTE_PLAIN)
    led, plain = re.compile(r"[Tt](?<!\w[Tt])he\s+\w+"), re.compile(r"\b[Tt]he\s+\w+")
    assert [m.span() for m in led.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_an_escape_keeps_re_i() -> None:
    assert case_blind(r"caf\u00c9")[0].flags & re.I and case_blind(r"\x41b")[0].flags & re.I
