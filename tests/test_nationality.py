"""Nationality: a people's adjective read as its country, and what is no nationality."""

from __future__ import annotations

import pytest

from crossfact.extract.nationality import _country
from crossfact.extract.packs import builtin_packs, lexicon

COUNTRIES = lexicon(tuple(builtin_packs())).set("countries")


@pytest.mark.parametrize("word, country", [
    ("Kenyan", "Kenya"), ("Hungarian", "Hungary"), ("Eritrean", "Eritrea"), ("Belgian", "Belgium"),
    ("German", "Germany"), ("Indian", "India"), ("Dutch", "Netherlands"), ("Swiss", "Switzerland"),
    ("Norway", "Norway"), ("South African", "South Africa"), ("New Zealand", "New Zealand"),
    ("African", None),  # a continent's people, no nationality
    ("Kenyan-born", None), ("Olympian", None), ("President", None), ("Christian", None), ("Coach", None),
])
def test_a_peoples_adjective_is_its_country(word: str, country: str | None) -> None:
    assert _country(word, COUNTRIES) == country



def _claims(text: str, predicate: str) -> list[tuple[str, str]]:
    from crossfact.extract import extract
    from crossfact.extract.packs import choose
    from crossfact.sources import parse

    return [(c.subject, c.text) for c in extract(parse(text, "a.txt", "a"), choose([text]))
            if c.predicate == predicate]


def test_a_country_of_two_words_and_its_adjective() -> None:
    assert _claims("The South African Ada Holm won the final.", "person.nationality") == [("Ada Holm", "South Africa")]


def test_the_country_after_of_is_no_second_person() -> None:
    """'Ada Holm of the United States, who was a tenth of a second faster': the margin is hers."""
    text = "Ida Rolf was edged out by Ada Holm of the United States, who was a tenth of a second faster."
    assert _claims(text, "result.margin") == [("Ada Holm", "a tenth of a second")]
