"""Where a sentence ends: every claim's evidence and every qualifier read near a value depend on it."""

from __future__ import annotations

import pytest

from crossfact.text import sentences


@pytest.mark.parametrize("text, parts", [
    ("Arlen beat Velmouth 4-2. A crowd of 71,240 watched.", 2),  # a score's last digit is no initial
    ("The toll rose to 12. A second quake followed.", 2),
    ("J. A. Holm won the race.", 1),  # initials end no sentence
    ("Mr. Holm and Dr. Rolf spoke in the U.S. Senate.", 1),
    ("It ended at 10 p.m. Rescuers stayed.", 1),  # "p.m." is an abbreviation, as before
])
def test_where_a_sentence_ends(text: str, parts: int) -> None:
    assert len(sentences(text)) == parts
