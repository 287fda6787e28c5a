"""Which two spellings are one name misspelt, and which are two words (or one name in two languages)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crossfact.cli import main
from crossfact.extract.values import measures
from crossfact.namevariants import similar


@pytest.mark.parametrize("a, b, one_name", [
    ("shiga", "shika", True),  # one letter: a slip
    ("vosberg", "vosbreg", True),
    ("haldorsen", "haldrsten", True),  # a letter dropped and two swapped at the end
    ("zealand", "zealander", False),  # a country and its people
    ("starlink", "starliner", False),  # other endings: other words
    ("kiptum", "kiptoo", False),
    ("moustafa", "mostafa", False),  # French "ou" for "o" or "u": a transliteration
    ("youssef", "yussef", False),
    ("arlouby", "arluoby", True),  # but letters swapped are a slip
    ("economics", "economists", False),
    ("beletu", "beltu", False),  # a vowel in a short name: a transliteration choice
    ("akasaka", "akaska", True),  # from six letters on: a slip
    ("aleksandr", "aleksander", False),  # but an "e" beside "r" or "l" sounds out a cluster
    ("gebremedhin", "gebrmedhin", False),
    ("petersen", "petrsen", True),  # but not inside a settled name
    ("andersen", "andrsen", True),
    ("gutherie", "guthrie", True),
    ("haverbeke", "haverbke", True),  # but not in a long name: a slip
    ("ferrero", "ferreiro", True),  # a vowel beside another: another sound, a slip
    ("mourinho", "murinho", False),  # "ou" / "u" is read as a transliteration (Mansour / Mansur), here too
    ("biniam", "biniyam", False),  # but a "y" glide between vowels is a transliteration
    ("usama", "ussama", False),  # a consonant doubled inside a short word: a transliteration
    ("halim", "hallim", False),
    ("rupa", "rupha", False),  # an "h" after a consonant, in a short word: a transliteration too
    ("lodeki", "lokedi", True),  # the same letters, two swapped across a syllable
    ("polard", "pollard", True),  # from six letters on, a doubled consonant is a slip
    ("wilmore", "willmore", True),  # in a long word: a slip
    ("marcel", "marcell", True),  # and at the end of any word
    ("hoffman", "hoffmann", True),  # a last letter doubled is no ending
    ("naila", "nayla", False),  # "i" / "y", "sh" / "ch": how a transliteration writes one sound
    ("arlesh", "arlech", False),
    ("vedenev", "wedenew", False),  # as German writes a Russian name
    ("specialised", "specialized", False),  # British and American spelling
    ("defence", "defense", False),
    ("tanimu", "tanimura", True),  # a truncated name
    ("velmos", "velmons", False),  # a place and its people
    ("vosberg", "vosbreg", True),
    ("dolesi", "dolisi", True),  # one letter for another in a long name, though Jaro-Winkler gives 0.876
])
def test_what_is_one_name(a: str, b: str, one_name: bool) -> None:
    assert similar(a, b) is one_name and similar(b, a) is one_name


def test_a_report_that_writes_both_spellings_slipped() -> None:
    assert not similar("isaacman", "isacman") and similar("isaacman", "isacman", same_source=True)


def test_a_doubling_one_report_alone_writes_against_three_is_a_slip() -> None:
    assert not similar("vanni", "vani") and similar("vanni", "vani", lone=True)
    assert not similar("rupa", "rupha", lone=True)  # an "h" is a romanisation's, however many write it
    assert not similar("bereet", "beret") and similar("bereet", "beret", lone=True)  # a vowel doubled too


def test_two_words_of_one_name_are_two_names() -> None:
    from crossfact.resolve import cluster_words

    words = {"trang": 4, "thang": 3, "thong": 1}
    # "Ada Trang Thang" (3 reports), "Ada Trang Thong" (1): thong is thang misspelt, never trang
    together = {frozenset(("trang", "thang")), frozenset(("trang", "thong"))}
    assert cluster_words(words) == [["thang", "thong", "trang"]]
    assert cluster_words(words, together=together) == [["thang", "thong"]]


def test_a_report_that_writes_a_name_and_its_short_form_means_both() -> None:
    assert similar("arnaldo", "arnal") and not similar("arnaldo", "arnal", same_source=True)


def _check(tmp_path: Path, texts: dict[str, str], capsys: pytest.CaptureFixture[str]) -> list[dict]:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    main(["check", str(tmp_path), "--format", "json", "--no-cache"])
    return json.loads(capsys.readouterr().out)["findings"]


def test_a_name_in_two_languages_is_not_a_misspelling(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = {"a": "The train left the tracks in Andalucía on Friday.", "b": "It crashed in Andalucía.",
             "c": "Mourning was declared in Andalusia.", "d": "Officials in Andalusia said so."}
    assert [f for f in _check(tmp_path, texts, capsys) if f["rule"] == "name-spelling"] == []


def test_a_description_is_not_a_winner(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = {"a": "Lena Vos won the Harbour Cup on Sunday after a long final.",
             "b": "A day after her birthday, the New Zealander won the Harbour Cup after a long final.",
             "c": "Lena Vos won the Harbour Cup on Sunday in the final."}
    assert [f for f in _check(tmp_path, texts, capsys) if f["rule"] == "result-winner"] == []


def test_money_is_not_a_length_and_speeds_are_speeds() -> None:
    assert measures("a $9.5m deal, NZ$2.3m and £4m") == []
    assert [m.get("dimension") for m in measures("at 118 kilometres per hour, 30 miles per hour")] == ["speed"] * 2


def test_a_winner_named_with_the_keeps_its_claim(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = {"a": "In a thriller, the Miami Heat won the Harbour Cup final.",
             "b": "In a thriller, the Miami Heat won the Harbour Cup final on Sunday.",
             "c": "In a thriller, the Boston Celtics won the Harbour Cup final."}
    assert [f["sources"] for f in _check(tmp_path, texts, capsys) if f["rule"] == "result-winner"] == [["c"]]


def test_a_slip_in_an_accented_name_written_without_accents(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    texts = {"a": "Ana Hernández won.", "b": "Ana Hernández won again.", "c": "Ana Hernandez won.",
             "d": "Ana Hernandes won."}
    found = [f for f in _check(tmp_path, texts, capsys) if f["rule"] == "name-spelling"]
    assert [f["sources"] for f in found] == [["d"]]


def test_a_tie_between_a_name_with_and_without_accents_shows_the_accented_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = {"a": "Ana Hernandez won.", "b": "Ana Hernández won again.",
             "c": "Ana Hernández won. Ana Hernádnez smiled.", "d": "Ana Hernandez won the race."}
    found = [f for f in _check(tmp_path, texts, capsys) if f["rule"] == "name-spelling"]
    assert [(f["sources"], f["suggestion"]) for f in found] == [(["c"], "Hernández")]


def test_a_name_and_its_feminine_in_one_report_are_two_people(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    texts = {"a": "Daniel Moreno won. His sister Daniela Moreno was second.", "b": "Daniel Moreno won.",
             "c": "Daniel Moreno won the race."}
    assert [f for f in _check(tmp_path, texts, capsys) if f["rule"] == "name-spelling"] == []


@pytest.mark.parametrize("sentence, name", [("Aaron Judge, 33, hit two.", "Aaron Judge"),
                                            ("Judge, 33, hit two.", "Judge"),
                                            ("General Motors said so.", "General Motors"),
                                            # a title inside the run: what comes before it is not the name
                                            ("Maryland Transportation Secretary Paul Ruiz said so.", "Paul Ruiz"),
                                            ("Coast Guard Rear Admiral Shannon Lee said so.", "Shannon Lee"),
                                            ("Martin Luther King Jr spoke here.", "Martin Luther King Jr"),
                                            ("Could Novak Lee win again?", "Novak Lee"),
                                            ("Can Novak Lee win again?", "Novak Lee"),
                                            ("Can Uzun, 19, scored twice.", "Can Uzun"),
                                            ("Monte Morris, 28, scored twice.", "Monte Morris"),
                                            ("They walked down Martin Luther King Jr Boulevard.",
                                             "Martin Luther King Jr Boulevard")])
def test_titles_that_are_also_names(sentence: str, name: str) -> None:
    from crossfact.extract.names import names
    from crossfact.extract.packs import choose, lexicon

    assert name in [n.text for n in names(sentence, lexicon(choose([sentence])))]


@pytest.mark.parametrize("sentence, name", [("She watched from Centre Court.", "Centre Court"),
                                            ("It ended at the Stade de Lune.", "Stade de Lune")])
def test_a_name_that_opens_with_a_place_word_is_a_place(sentence: str, name: str) -> None:
    from crossfact.extract.names import names
    from crossfact.extract.packs import choose, lexicon

    assert {n.text: n.type for n in names(sentence, lexicon(choose([sentence])))}.get(name) == "place"


def test_an_e_more_beside_the_same_first_name_is_a_slip() -> None:
    from crossfact.resolve import cluster_words

    words = {"green": 5, "greene": 1, "josh": 6, "olympic": 2, "olympics": 3}
    near = {"green": {"josh"}, "greene": {"josh"}, "josh": {"green", "greene"}, "olympic": {"games"}}
    assert cluster_words(words, neighbours=near) == [["green", "greene"]]
    assert cluster_words(words, neighbours={**near, "greene": {"tom"}}) == []


def test_standard_transliterations_of_one_name_are_not_misspellings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = {"a": "Mohamed Esa was second.", "b": "Mohamed Esa was second.", "c": "Mohamed Esa was second.",
             "d": "Mohammed Esa was second."}
    assert [f for f in _check(tmp_path, texts, capsys) if f["rule"] == "name-spelling"] == []


def test_a_role_before_a_name_is_not_part_of_it() -> None:
    from crossfact.extract.names import names
    from crossfact.extract.packs import choose, lexicon

    sentence = "Countryman Mohamed Esa was second."
    assert "Mohamed Esa" in [n.text for n in names(sentence, lexicon(choose([sentence])))]


@pytest.mark.parametrize("sentence", ["Fellow Kenyan Ida Rolf finished second.",
                                      "Reigning champion Ida Rolf was second."])
def test_a_description_before_a_name_is_not_part_of_it(sentence: str) -> None:
    from crossfact.extract.names import names
    from crossfact.extract.packs import choose, lexicon

    found = [n.text for n in names(sentence, lexicon(choose([sentence])))]
    assert "Ida Rolf" in found and not {"Windows", "System32"} & set(found)


def test_a_misspelt_word_is_shown_with_the_name_word_beside_it(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """The sides name the person ("Jessa Vosberg", not "Jessa"); the evidence marks the word, and the
    suggestion is the word that replaces it."""
    texts = {"a": "The tackle on Jesse Vosberg decided it.", "b": "Jesse Vosberg was hurt.",
             "c": "Jesse Vosberg came back.", "d": "The tackle on Jessa Vosberg decided it. Vosberg came back."}
    found = [f for f in _check(tmp_path, texts, capsys) if f["rule"] == "name-spelling"]
    assert [[v["value"] for v in f["values"]] for f in found] == [["Jessa Vosberg", "Jesse Vosberg"]]
    assert found[0]["suggestion"] == "Jesse"
    spot = found[0]["values"][0]["evidence"][0]
    assert (spot["column"], spot["end_column"]) == (15, 20)


def test_a_word_of_a_path_is_no_name() -> None:
    from crossfact.extract.names import names
    from crossfact.extract.packs import choose, lexicon

    sentence = "Go to C:\\Windows\\System32\\drivers and delete it, Ida Rolf said."
    found = [n.text for n in names(sentence, lexicon(choose([sentence])))]
    assert "Ida Rolf" in found and not {"Windows", "System32"} & set(found)


def test_the_other_side_is_shown_beside_the_same_name_word(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """'Ida Vosbreg' against 'Ida Vosberg', not against her sister 'Ada Vosberg', named more often."""
    texts = {"a": "Ada Vosberg won the final in Velmouth. Her sister Ida Vosberg was second.",
             "b": "Ada Vosberg won the final in Velmouth. Her sister Ida Vosberg was second.",
             "c": "Ada Vosberg won the final in Velmouth. Her sister Ida Vosbreg was second."}
    found = [f for f in _check(tmp_path, texts, capsys) if f["rule"] == "name-spelling"]
    assert [[v["value"] for v in f["values"]] for f in found] == [["Ida Vosbreg", "Ida Vosberg"]]
