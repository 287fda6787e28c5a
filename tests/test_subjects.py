"""Whose a time is: the subject a reader would give it, never the report's main person by default."""

from __future__ import annotations

import pytest

from crossfact.groupwork import extract_one, pack_names
from crossfact.sources import parse

WINNER = "Mara Quist won the mile in 3:51.20 on Saturday.\n\nQuist said the wind had dropped.\n\n"

CASES = {
    "passive set by": ("The previous record of 3:52.10 was set by Ida Rolf in Oslo in 2001.", "Ida Rolf"),
    "had been held by": ("The old mark of 3:52.10 had been held by Ida Rolf since 2001.", "Ida Rolf"),
    "set by": ("It beat the record of 3:52.10 set by Ida Rolf in 2001.", "Ida Rolf"),
    "that X set": ("It beat the 3:52.10 that Ida Rolf set in 2001.", "Ida Rolf"),
    "possessive": ("It beat Ida Rolf's 3:52.10 from 2001.", "Ida Rolf"),
}


@pytest.mark.parametrize("sentence, holder", CASES.values(), ids=list(CASES))
def test_a_record_time_belongs_to_its_holder(sentence: str, holder: str) -> None:
    text = "date 2031-06-14\n\n" + WINNER + sentence + "\n"
    source = parse(text, "r.md", "r")
    claims = extract_one(source, pack_names([text], None))
    owners = {c.value["text"]: c.subject for c in claims if c.predicate == "result.time"}
    assert owners.get("3:52.10") == holder, owners
    assert owners.get("3:51.20") == "Mara Quist", owners



@pytest.mark.parametrize("opening, year", [("Next year", 2025), ("next year", 2025), ("Last year", 2023),
                                           ("A year ago", 2023)])
def test_a_year_counted_from_the_report_date(opening: str, year: int) -> None:
    """"Next year" opening a sentence is next year, as "next year" is (its capital once made it last year)."""
    from crossfact.extract import extract
    from crossfact.extract.packs import choose
    from crossfact.model import Source
    from crossfact.sources import line_starts

    text = f"Lena Vos ran 3:59.10 in Oslo. {opening} she ran 3:58.20 there."
    src = Source("a", "a.txt", text, "2024-05-01", (), line_starts(text))
    times = {c.value["text"]: c.qualifiers.get("year") for c in extract(src, choose([text]))
             if c.predicate == "result.time"}
    assert times["3:58.20"] == year


def test_next_year_beside_a_letter_that_lower_case_scans_cannot_read() -> None:
    """A sentence with a dotless ı takes the re.I scan, which keeps "Next": still next year."""
    from crossfact.extract import extract
    from crossfact.extract.packs import choose
    from crossfact.model import Source
    from crossfact.sources import line_starts

    text = "Lena Vos ran 3:59.10 in Oslo. Next year Kılıç and she ran 3:58.20 there."
    src = Source("a", "a.txt", text, "2024-05-01", (), line_starts(text))
    times = {c.value["text"]: c.qualifiers.get("year") for c in extract(src, choose([text]))
             if c.predicate == "result.time"}
    assert times["3:58.20"] == 2025


@pytest.mark.parametrize("sentence, owner", [
    # the one person the report gives that age
    ("Ida Rolf, 30, came back strongly. Mara Quist led early. The 30-year-old cut 4 seconds from the 3:52.10 of 2030.",
     "Ida Rolf"),
    # the topic is 41 in this report: "the 30-year-old" is someone else, whom the report does not name here
    ("Mara Quist, 41, was first. The 30-year-old cut 4 seconds from the 3:52.10 of 2030.", None),
])
def test_a_description_by_age_is_the_person_of_that_age(sentence: str, owner: str | None) -> None:
    text = "date 2031-06-14\n\n" + WINNER + sentence + "\n"
    source = parse(text, "r.md", "r")
    claims = extract_one(source, pack_names([text], None))
    margins = [c.subject or None for c in claims if c.predicate == "result.margin"]
    assert margins in ([owner], [] if owner is None else [owner]), margins


@pytest.mark.parametrize("sentence, owner", [
    # ", and Arlen's Ida Rolf holed ...": a clause of its own, whose actor is the name its verb follows
    ("Mara Quist, 1 up, left her putt short, and Arlen's Ida Rolf holed a 9-foot putt to halve the match.",
     "Ida Rolf"),
    # a list's last item is no actor: the putt is still the first clause's
    ("Mara Quist holed a 9-foot putt, beating Ida Rolf, Eva Berg, and Arlen's Mia Lund.", "Mara Quist"),
])
def test_a_clause_after_and_has_its_own_actor(sentence: str, owner: str) -> None:
    text = "date 2031-06-14\n\n" + sentence + "\n"
    claims = extract_one(parse(text, "r.md", "r"), pack_names([text], None))
    assert [c.subject for c in claims if c.predicate == "measure.length"] == [owner]
