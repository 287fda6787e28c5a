"""The quote kind's sense of meaning: what counts as drift, and one finding per drift."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crossfact.cli import main
from crossfact.kinds.quote import spelling
from crossfact.kinds.quotemeaning import CONTENT, DENIAL, OPPOSITE, change, pieces, similarity, substantive, words
from crossfact.sources import parse, translated


@pytest.mark.parametrize("uk, us", [("dialling", "dialing"), ("colour", "color"), ("organised", "organized"),
                                    ("centre", "center"), ("analyse", "analyze"), ("catalogue", "catalog"),
                                    ("favourite", "favorite")])
def test_british_and_american_spellings_share_a_key(uk: str, us: str) -> None:
    assert spelling(uk) == spelling(us)


@pytest.mark.parametrize("a, b, drift", [
    ("we will not cut rates", "we will cut rates", True),
    ("there is a chance", "there is no chance", True),
    ("we want all of them", "we want any of them", True),
    ("not committing to a path", "not committing to any path", False),
    ("the colour of the sky", "the color of the sky", False),
    ("overall i think we were a bit better today", "after all we were a bit better today", False),  # a lead-in
    ("surely the best day of my life", "probably the best day of my life", True),  # but not a signal word
    ("we must preserve the heritage", "we must preserve human lives", True),  # the end is what was said
    # other words in two places, no signal word: another translation of one remark
    ("she has a unique awareness of the connections between body and soul",
     "she has a unique consciousness of the links between body and soul", False),
    ("people who are not from here do not understand what this means",
     "people who are not from here cannot understand what this represents", False),  # both deny
    ("then suddenly it nosedived into the gorge", "then it slowly glided down into the gorge", True),
    ("the government will pay for the entire cost", "the government will bear part of the cost", True),
    # modals alike
    ("a lack of talks would be harmful and costly", "a lack of talks could be harmful and costly", False),
    ("a lack of talks would be harmful and costly", "a lack of talks could be damaging and costly", False),
    ("we have worked on this for 10 years and it pays off", "we have worked on this for ten years and it pays off",
     False),  # one figure, in digits and in words
    ("everyone in the town helped us when we needed it", "everybody in the town helped us when we needed it", False),
    ("look the team played very well tonight and we deserved it",
     "listen the team played very well tonight and we deserved it", False),
    ("i knew one day one time i would be a record holder", "i knew one day i would be a record holder", False),
    ("a lack of talks will be harmful", "a lack of talks could be harmful", True),  # but not "will"
    ("a lack of talks would be a disaster for the town", "a lack of talks could be a disaster for the town", False),
    # a second reader's: a word of its own on each side, figures, and a denial of another scope are drift
    ("arlen deserved to win the match today", "brisk deserved to win the match today", True),
    ("thirty people died in the town last night", "three people died in the town last night", True),
    ("we lost 30 soldiers and four tanks", "we lost 13 soldiers and forty tanks", True),
    ("not everyone survived the crash", "no one survived the crash", True),
    # a denial moved to another word denies what the other side says
    ("we do not know how high the toll will go", "we know that the toll will not go much higher", True),
    # a signal word a rewording adds or drops in passing is wording; certainty is never in passing
    ("at 40 km i felt some pressure from the leader but i kept going",
     "at 40 km the leader put me under pressure but i kept going", False),
    ("i did not expect it to be me", "i did not think it would be me", False),
    ("if you stay in those areas you are going to die", "if you stay in those zones you could die", True),
    ("so many times i was so close to this title", "so often i was so close to this title", False),
    # a phrase for a word is rewording, not one word swapped for another
    ("the wind was so strong it blew everything away", "the wind simply blew everything away", False),
    ("i can be really proud of this second place", "i can hardly be satisfied with this second place", True),
    # a quantifier added alone, a British or American spelling, a verb of seeming: wording
    ("if people have taken offence we are sorry", "if people have taken any offense we are sorry", False),
    ("it appears that everyone has died", "it seems that everyone has died", False),
    ("if people have taken offence we are sorry", "if people have taken no offence we are sorry", True),
    # a phrase rendered anew, a mood, a synonym of sex: wording
    ("we do not want anyone dying as a result of this storm",
     "we do not want anyone to lose their life because of this storm", False),
    ("you wish there would not be mistakes", "you wish there were no mistakes", False),
    ("i will be the first female president", "i will be the first woman president", False),
    ("i will be the first female president", "i will be the first male president", True),
    # a verb of opinion passes its denial on: the same opinion
    ("i do not think we deserved to win today", "i think we did not deserve to win today", False),
    # a word of emphasis added alone stresses what both say; beside a hedge it is drift
    ("it is definitely the best day of my career", "it is the best day of my career", False),
    ("it is definitely the best day of my career", "it is maybe the best day of my career", True),
    ("we ask everyone above all to remain calm tonight", "we ask everyone to keep calm tonight", False),
    ("we ask everyone first of all to remain calm", "we ask everyone to remain calm", False),
    # "not even" denies the next word; one duty; one praise
    ("we were afraid but today we have no water to clean",
     "we were afraid and today we do not even have water to clean", False),
    ("we were afraid but today we have no water to clean", "we were afraid and today we do have water to clean", True),
    ("the government should resign now", "the government must resign now", True),  # a duty is no advice
    ("it is the best day of my career", "it is surely the best day of my career", True),  # "surely" hedges
    ("we will see it above all", "we will see it", False),  # an idiom ending the remark
    ("today is still a good day for us", "today is still a beautiful day for us", False),
    ("still i am happy to win for my country", "even so i am happy to win for my country", False),  # a concession
    # a superlative either way; words of degree and of difficulty translators pick among
    ("it is the toughest challenge in this sport", "it is the most complicated challenge in this sport", False),
    ("it is the toughest challenge in this sport", "it is the most pleasant challenge in this sport", True),
    ("i think we both braked quite late there", "i think we both braked pretty late there", False),
])
def test_what_changes_the_meaning(a: str, b: str, drift: bool) -> None:
    assert substantive(a.split(), b.split()) is drift


def test_a_few_shared_words_are_no_cut_of_a_longer_remark() -> None:
    """Words only one side has around the shared span are a longer cut only when there are no more of
    them than shared words, or more than a few are shared: "it was a fast time" is another remark."""
    short = "it was a fast time".split()
    long_ = "i was not counting on winning because it was my first time here".split()
    assert similarity(short, long_) < 0.6
    assert similarity("it is not them it is on me".split(), "it is on them not on me".split()) >= 0.6


def test_one_drift_printed_twice_is_one_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = {"a": '"We will not cut rates in June," said Ann Lee.',
             "b": '"We will cut rates in June," said Ann Lee.',
             "c": 'Ann Lee said: "We will not cut rates in June."'}
    assert _drifts(tmp_path, texts, capsys) == [["b"]]


def test_one_drift_against_a_longer_and_a_shorter_cut_is_one_finding(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    texts = {"a": '"Honestly, I never thought I would win a major again," Ann Lee said.',
             "b": '"Honestly, I never thought I would win a major again," said Ann Lee.',
             "c": 'Ann Lee said: "I never thought I would win a major again."',
             "d": '"Honestly, I always thought I would win a major again," Ann Lee said.'}
    assert _drifts(tmp_path, texts, capsys) == [["d"]]


def _drifts(tmp_path: Path, texts: dict[str, str], capsys: pytest.CaptureFixture[str]) -> list[list[str]]:
    """The flagged reports of each quote-drift finding over these reports."""
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    assert main(["check", str(tmp_path), "--format", "json", "--no-cache"]) in (0, 1)  # clean, or findings
    return [f["sources"] for f in json.loads(capsys.readouterr().out)["findings"] if f["rule"] == "quote-drift"]


@pytest.mark.parametrize("a, b", [("i chose to stay here", "i choose to stay here"),
                                  ("we will not accept any offer now", "we will not accept the offer now"),
                                  ("the latter plan works", "the later plan works")])
def test_changes_that_look_like_spelling_or_articles_but_are_not(a: str, b: str) -> None:
    assert substantive(a.split(), b.split())


def test_a_drift_against_a_shorter_cut_of_the_right_wording_is_one_finding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The tie (a against b) is told better by c, which prints a's words too: one finding, on b."""
    texts = {"a": '"We did all we could to cut the risk, but this is still a risky trip," said Ann Lee.',
             "b": '"We did all we could to cut the risk, so this is no longer a risky trip," Ann Lee said.',
             "c": '"This is still a risky trip," Ann Lee warned.'}
    assert _drifts(tmp_path, texts, capsys) == [["b"]]


@pytest.mark.parametrize("b, drift", [
    # a's opening words are a longer cut, not a difference: the shared span changed its meaning
    ('"The federal government will bear part of the cost of rebuilding this bridge," Ann Lee said.', True),
    # each side has words of its own around a shared phrase: two remarks
    ('"I will pay the cost, but the council must rebuild the road and it is their job," Ann Lee said.', False),
])
def test_words_only_one_side_quotes_do_not_count_against_similarity(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], b: str, drift: bool) -> None:
    texts = {"a": '"It is my intention that the federal government will pay for the entire cost of '
                  'rebuilding that bridge," said Ann Lee.', "b": b}
    assert bool(_drifts(tmp_path, texts, capsys)) is drift


def test_a_report_against_two_that_quote_alike_is_the_odd_one(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    # a and c differ only in their lead-in; b alone says "luckier": one finding, b's
    texts = {"a": '"Overall, I think they were just a little bit better than we were," said Ann Lee.',
             "b": '"Overall, I think they were just a little bit luckier than we were," said Ann Lee.',
             "c": '"After all, they were just a little bit better than we were," said Ann Lee.'}
    assert _drifts(tmp_path, texts, capsys) == [["b"]]
    main(["check", str(tmp_path), "--format", "json", "--no-cache"])
    finding = json.loads(capsys.readouterr().out)["findings"][0]
    assert sorted(v["sources"] for v in finding["values"]) == [["a", "c"], ["b"]]  # the consensus shown whole


def test_two_words_in_common_are_two_remarks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = {"a": '"You just wonder if this is real," said Ann Lee.', "b": '"This is unbelievable," said Ann Lee.'}
    assert _drifts(tmp_path, texts, capsys) == []


def test_a_full_stop_after_an_abbreviation_ends_no_sentence_of_a_quote() -> None:
    assert pieces("To get a U.S. Open has been a dream. Mr. Holm knew it - and so did I") == [
        "To get a U.S. Open has been a dream.", "Mr. Holm knew it", "and so did I"]


def test_a_figure_glued_to_its_unit_is_the_figure_and_the_unit() -> None:
    assert words("At 40km, 40 km and 40 kilometres") == ["at", "40", "km", "40", "km", "and", "40", "km"]


def test_an_ordinal_and_a_roman_numeral_are_the_figure() -> None:
    assert words("the 33rd Olympiad") == words("the XXXIII Olympiad") == ["the", "33", "olympiad"]
    assert words("I said DC") == ["i", "said", "dc"]  # "I" and two-letter initials stay words


def test_a_quote_alike_two_others_renders_its_own_speakers(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # b's Ida Rolf quote drifts from a's Ida Rolf quote, not from Ann Lee's alike words
    texts = {"a": '"The decree is now void," said Ann Lee. Ida Rolf spoke later. "The decree is wrong," Rolf said.',
             "b": 'Ida Rolf, the party leader, distanced herself within minutes: "The decree is regrettable."'}
    assert _drifts(tmp_path, texts, capsys) == [["a", "b"]]


def test_the_person_ends_a_run_of_capitalised_words() -> None:
    from crossfact.extract.quotes import _known

    persons = {"North Velmouth": "North Velmouth", "Ada Holm": "Ada Holm"}  # a place taken for a name
    assert _known("North Velmouth Governor Ada Holm", persons) == "Ada Holm"


@pytest.mark.parametrize("text", ['"The worst is still ahead of us," Ada Holm warned.',
                                  'Ada Holm cautioned: "The worst is still ahead of us."'])
def test_verbs_of_warning_name_the_speaker(text: str) -> None:
    from crossfact import sources
    from crossfact.extract import extract
    from crossfact.extract.packs import choose

    src = sources.parse(text + "\n", "a.txt", "a")
    assert [c.subject for c in extract(src, choose([src.text], None)) if c.predicate == "quote"] == ["Ada Holm"]


@pytest.mark.parametrize("a, b, why", [
    ("we must preserve the heritage", "we must preserve human lives", CONTENT),
    ("there was no intention to show respect", "there was no intention to show disrespect", OPPOSITE),
    ("the decision was unfair to us", "the decision was fair to us", OPPOSITE),
    ("not for a moment did i feel afraid", "for a moment i felt afraid", DENIAL),
    ("his help was invaluable", "his help was valuable", CONTENT),  # "invaluable" is no denial of "valuable"
])
def test_why_a_change_alters_the_meaning(a: str, b: str, why: str | None) -> None:
    assert change(words(a), words(b)) == why


@pytest.mark.parametrize("text, is_translation", [
    ("---\noutlet: Velmouth Post (translated from German)\n---\nText.\n", True),
    ("---\noutlet: Velmouth Post\nlanguage: de\n---\nText.\n", True),
    ("---\noutlet: Velmouth Post\nlanguage: en-GB\n---\nText.\n", False),
    ("---\noutlet: Velmouth Post\n---\n[English translation of a Dutch-language report]\n\nText.\n", True),
    ("---\noutlet: Velmouth Post\n---\nText about [a translation] later.\n", False),
    ("Text.\n", False),
])
def test_a_report_that_says_it_is_a_translation(text: str, is_translation: bool) -> None:
    assert translated(parse(text, "r.txt", "r")) is is_translation


@pytest.mark.parametrize("a, b", [
    ("we are going to rebuild the city", "we will rebuild the city"),
    ("It is going to get a lot worse very quickly.", "It's going to get a lot worse very quickly."),
])
def test_going_to_is_will(a: str, b: str) -> None:
    assert change(words(a), words(b)) is None
