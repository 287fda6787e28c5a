"""Nationality: a people's adjective read as its country, and what is no nationality."""

from __future__ import annotations

import pytest

from crossfact.extract.nationality import _country
from crossfact.extract.packs import builtin_packs, lexicon

COUNTRIES = lexicon(tuple(builtin_packs())).set("countries")


@pytest.mark.parametrize("word, country", [
    ("Kenyan", "Kenya"), ("Hungarian", "Hungary"), ("Eritrean", "Eritrea"), ("Belgian", "Belgium"),
    ("German", "Germany"), ("Indian", "India"), ("Dutch", "Netherlands"), ("Swiss", "Switzerland"),
    ("Norway", "Norway"),
    ("Kenyan-born", None), ("Olympian", None), ("President", None), ("Christian", None), ("Coach", None),
])
def test_a_peoples_adjective_is_its_country(word: str, country: str | None) -> None:
    assert _country(word, COUNTRIES) == country

