"""Who said a quote: the attribution written against it first, then the paragraph around it."""

from __future__ import annotations

import pytest

from crossfact.groupwork import extract_one, pack_names
from crossfact.sources import parse

CASES = {
    "he said, after a paragraph about him": (
        "Ada Holm won the final.\n\nIda Rolf, who was bidding for a third title, was gracious in defeat.\n\n"
        '"I was not at the level I needed today," he said.', "Ida Rolf"),
    "said, then a role, then the name": (
        "Borussia Lund lost the final.\n\n"
        '"We were good enough to win the game," said Lund coach Edin Marsk after the match.', "Edin Marsk"),
    "a colon after the channel told": (
        "Ada Holm spoke first.\n\n"
        'Airline boss Ben Vosk had told the US channel NBC last month: "I am frustrated and disappointed."',
        "Ben Vosk"),
    "she said, after a sentence naming two players: no guess": (
        'Ana Swiat beat Ida Sabal 6-2, 6-3 on Saturday.\n\n"I felt really good out there today," she said.', ""),
    "said, a team, a role, the name": ('"We were lucky to win today," said Arlen winger Nora Vik.', "Nora Vik"),
    "she said, after an abbreviation": (
        'The mayor, Lena Berg, who lives in St. Louis, spoke on Monday.\n\n"We will rebuild every home," she said.',
        "Lena Berg"),
    "said, then a name, then after beating another": (
        'Ada Holm spoke first.\n\n"I played really well today," said Nora Vik after beating Ada Holm.', "Nora Vik"),
}


@pytest.mark.parametrize("text, speaker", CASES.values(), ids=list(CASES))
def test_the_speaker_is_the_one_the_attribution_names(text: str, speaker: str) -> None:
    full = "---\ndate: 2031-06-14\n---\n" + text + "\n"
    source = parse(full, "r.md", "r")
    quotes = [c for c in extract_one(source, pack_names([full], None)) if c.predicate == "quote"]
    assert [c.subject for c in quotes][-1:] == [speaker]


def test_no_guess_is_not_the_last_quote_speaker() -> None:
    text = ('---\ndate: 2031-06-14\n---\n"We are ready for anyone," said coach Ada Holm.\n\n'
            'Ana Swiat beat Ida Sabal 6-2, 6-3 on Saturday.\n\n"I felt really good out there today," she said.\n')
    quotes = [c for c in extract_one(parse(text, "r.md", "r"), pack_names([text], None)) if c.predicate == "quote"]
    assert [c.subject for c in quotes] == ["Ada Holm", ""]
