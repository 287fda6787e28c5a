"""Odd values the recognizers meet in real copy: none may stop a check, and none may be misread."""

from __future__ import annotations

import pytest

from crossfact.extract.results import ages as _ages
from crossfact.extract.results import rounds, scores
from crossfact.extract.values import all_values
from crossfact.groupwork import extract_one, pack_names
from crossfact.sources import parse


@pytest.mark.parametrize("text", ["It ended in round 0.", "The 0th round never came.", "round 00 of 12"])
def test_a_round_zero_is_no_round(text: str) -> None:
    assert rounds(text) == []
    all_values(text)  # and nothing raises


def test_sets_are_kept_in_order() -> None:
    [m] = scores("Ada Holm beat Ida Rolf 6-4, 3-6, 6-4 in the final.")
    assert m.get("pairs") == ((4, 6), (3, 6), (4, 6))


@pytest.mark.parametrize("sentence", ["Mara Quist won, edging Ida Rolf by just 0.005 seconds.",
                                      "Mara Quist crossed the line 0.01 seconds before Ida Rolf."])
def test_a_margin_in_seconds_is_no_time(sentence: str) -> None:
    text = "---\ndate: 2031-06-14\n---\n" + sentence + "\n"
    claims = extract_one(parse(text, "r.md", "r"), pack_names([text], None))
    assert [c.predicate for c in claims if c.value.get("type") == "duration"] == ["result.margin"]


@pytest.mark.parametrize("text, computed", [
    # the time right after the margin is the one it is of, not the likelier-looking one after it
    ("Ada Holm (2:16:42) finished 3:06 clear of compatriot Ida Rolf (2:18:48), with Mia Lund (2:19:00) third.",
     "2:18:48 - 2:16:42 = 126 s"),
    # the margin "3:06" is itself, not the end of the time "2:13:06"
    ("Ida Rolf (2:13:06) finished 3:06 behind the winner Ada Holm (2:10:30).", "2:10:30 - 2:13:06 = 156 s"),
    # the subject's time in the margin's own sentence, not another of hers elsewhere in the report
    ("Ada Holm won the Arlen race in 2:16:07 in January. Ada Holm won today in 2:17:22, three minutes and 40 "
     "seconds off the 2:19:59 that Ida Rolf ran in 2014.", "2:19:59 - 2:17:22 = 157 s"),
])
def test_a_margin_is_checked_against_the_times_its_sentence_relates(tmp_path, capsys, text: str,
                                                                    computed: str) -> None:
    import json

    from crossfact.cli import main

    (tmp_path / "a.txt").write_text(text + "\n", encoding="utf-8")
    assert main(["check", str(tmp_path), "--format", "json", "--no-cache"]) == 1
    [finding] = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["rule"] == "stated-margin"]
    assert computed in finding["message"]


@pytest.mark.parametrize("text, seconds", [("a contest that lasted one hour and 53 minutes", 6780),
                                           ("in 1 hour, 53 minutes", 6780), ("after 4hr 32min of tennis", 16320),
                                           ("Two hours 27 minutes of play", 8820),
                                           ("in 2 hours 17 minutes 22 seconds", 8242),
                                           ("completes the podium in 2h21'47.", 8507),
                                           ("after two hours and twenty-three minutes of play", 8580),
                                           ("the record of Ada Holm (2h11'53'')", 7913)])
def test_hours_and_minutes_are_one_duration(text: str, seconds: int) -> None:
    [m] = [m for m in all_values(text) if m.type == "duration"]
    assert m.get("seconds") == seconds


@pytest.mark.parametrize("text, value", [("Twenty-six foreigners were among the dead.", 26),
                                         ("Ninety-nine people were rescued.", 99)])
def test_a_compound_number_word_is_one_figure(text: str, value: int) -> None:
    assert [m.get("value") for m in all_values(text) if m.type == "count"] == [value]


def test_a_bracketed_figure_is_a_hedged_ones_conversion_only_in_a_unit() -> None:
    from crossfact.extract.values import hedge

    text = "winds of more than 220km/h (136mph) and more than 50 people (20 children) hurt"
    assert hedge(text, text.index("136")) == "more"
    assert hedge(text, text.index("20 children")) is None


@pytest.mark.parametrize("written", ["81 118", "81\u00a0118", "81\u202f118", "81,118", "81.118", "1 081 118"])
def test_thousands_written_apart_with_a_space_are_one_figure(written: str) -> None:
    """French and SI copy groups thousands with a space (or a no-break one): "81 118" is not 118."""
    text = "---\ndate: 2031-07-13\n---\nThe final drew " + written + " spectators.\n"
    claims = extract_one(parse(text, "r.md", "r"), pack_names([text], None))
    want = 1081118.0 if written.startswith("1 ") else 81118.0
    assert [c.value.get("value") for c in claims if c.predicate == "count.attendance"] == [want]


@pytest.mark.parametrize("written, value", [("1,25,000", 125000), ("12,34,56,789", 123456789), ("1.234.567", 1234567),
                                            ("1,234.5", 1234.5), ("1.234,5", 1234.5)])
def test_a_figure_grouped_any_way_is_read_not_raised(written: str, value: int) -> None:
    """Indian grouping ("1,25,000 litres") once raised a ValueError that stopped the whole check."""
    text = "---\ndate: 2031-06-13\n---\nThe tanks held " + written + " litres of fuel.\n"
    claims = extract_one(parse(text, "r.md", "r"), pack_names([text], None))
    assert [c.value.get("value") for c in claims if c.predicate == "measure.volume"] == [value]


@pytest.mark.parametrize("text, dated", [
    # the dateline is when the report was filed: the race's date is the one the sentence gives
    ("VELMOUTH, Nov 5 (Arlen Wire) - The Velmouth Marathon set a record after runners completed the race on "
     "November 3.", {"Nov 5": "", "November 3": "Velmouth Marathon"}),
    # a dateline alone on the day of the race dates it
    ("VELMOUTH, April 21 (Arlen Wire) - Ada Holm won the Velmouth Marathon in record time.",
     {"April 21": "Velmouth Marathon"}),
])
def test_a_datelines_date_dates_the_event_only_when_the_sentence_gives_no_other(text: str, dated: dict) -> None:
    claims = extract_one(parse(text, "r.md", "r"), pack_names([text], None))
    assert {c.text: c.subject for c in claims if c.predicate == "event.date"} == dated


@pytest.mark.parametrize("text, kind", [
    ("the brigade took the first emergency call at 00:45, but", "clock"),  # an hour with its leading zero
    ("trains left at 06:35 daily", "clock"),
    ("passed 10km at 00:28:30 and", "duration"),  # a split, not a time of day
    ("touched at 09:58.12 in", "duration"),
])
def test_a_time_at_an_hour_with_its_leading_zero_is_a_clock(text: str, kind: str) -> None:
    assert [m.type for m in all_values(text) if m.type in ("clock", "duration")] == [kind]


def test_an_age_as_an_adjective_is_now_and_as_a_noun_another_time() -> None:
    assert [m.text for m in _ages("The suspect was described as a 23-year-old man.")] == ["23-year-old"]
    assert _ages("He ran 9.91 as an 18-year-old in 2021.") == []


def test_each_count_of_a_list_keeps_its_own_place() -> None:
    """'92 died in the Arlen region, two in Brisk and one in Corvo': Brisk and Corvo are the other
    counts' places, not 92's."""
    text = "Officials said on Wednesday that 92 people had died in the Arlen region, two in Brisk and one in Corvo."
    source = parse(text, "a.txt", "a")
    areas = {c.text: c.qualifiers.get("area") for c in extract_one(source, pack_names([text], None))
             if c.predicate == "count.deaths"}
    assert areas["92"] not in ("Brisk", "Corvo")
