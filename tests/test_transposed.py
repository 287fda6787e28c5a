"""A figure with two digits swapped, and one flagged spot reported once however many rules see it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crossfact.cli import main
from crossfact.kinds.compare import transposed


@pytest.mark.parametrize("a, b, swapped", [
    ("2,170 acres", "2,710 acres", True),
    ("948 feet", "984ft", True),
    ("1.011", "1,101", True),  # separators are not digits
    ("86%", "68 percent", True),
    ("2,170 acres", "2,180 acres", False),  # one digit changed: not a swap
    ("2,170", "7,120", False),  # not neighbours
    ("1,234", "2,143", False),  # two swaps
    ("2,170", "21,700", False),
    ("9", "9", False),
])
def test_which_figures_are_transposed(a: str, b: str, swapped: bool) -> None:
    assert transposed(a, b) is swapped and transposed(b, a) is swapped


def _findings(tmp_path: Path, texts: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict]:
    for i, text in enumerate(texts):
        (tmp_path / f"r{i}.txt").write_text(text + "\n", encoding="utf-8")
    main(["check", str(tmp_path), "--format", "json", "--no-cache"])
    return json.loads(capsys.readouterr().out)["findings"]


def test_one_spot_flagged_by_two_rules_is_one_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the attendance rule and figure-transposed both see 82,612 against 86,212: the first rule reports it
    texts = ["A crowd of 86,212 watched the final.", "A crowd of 86,212 watched.", "A crowd of 82,612 watched."]
    found = _findings(tmp_path, texts, capsys)
    assert [f["rule"] for f in found] == ["attendance"]
    assert found[0]["sources"] == ["r2"]


def test_a_swap_a_claim_rule_reports_is_not_reported_again_from_the_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # figure-transposed (from claims) and digits-swapped (from the text) both see 2,710 against 2,170:
    # the claim's finding says what the figure is, so it is the one reported, whatever the rules' order
    texts = ["The fire burned 2,170 acres.", "The fire burned 2,170 acres.", "The fire burned 2,710 acres."]
    found = _findings(tmp_path, texts, capsys)
    assert [f["rule"] for f in found] == ["figure-transposed"]


@pytest.mark.parametrize("texts, written", [
    # no claim is made of a village's size, a prize or a wind speed: the text's figures still are compared
    (["Arlen, a village of 128 people, was buried.", "Arlen was home to 128 people.",
      "Arlen, a village of 182 people, was buried."], ["182 people", "128 people"]),
    (["Ada Holm wins $1.35 million.", "Ada Holm takes $1.35 million home.", "Ada Holm wins $1.53 million."],
     ["$1.53 million", "$1.35 million"]),
    (["The margin was 1,52,513 votes in Arlen.", "Ada Holm won Arlen by 152,513 votes.",
      "In Arlen her margin fell to 1,25,513 votes."], ["1,25,513 votes", "1,52,513 votes"]),
])
def test_a_swap_in_any_figure_with_its_unit(tmp_path: Path, capsys: pytest.CaptureFixture[str], texts: list[str],
                                            written: list[str]) -> None:
    found = _findings(tmp_path, texts, capsys)
    assert [(f["rule"], [v["value"] for v in f["values"]], f["sources"]) for f in found] == [
        ("digits-swapped", written, ["r2"])]


def test_a_swapped_figure_is_quoted_where_it_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # its currency included, and nothing after its unit
    texts = ["Ada Holm wins $1.35 million.", "Ada Holm takes $1.35 million home.",
             "Ada Holm wins $1.53 million (Rs 12 crore)."]
    found = _findings(tmp_path, texts, capsys)
    lone = found[0]["values"][0]
    ev = lone["evidence"][0]
    line = (tmp_path / "r2.txt").read_text().splitlines()[ev["line"] - 1]
    assert line[ev["column"] - 1:ev["end_column"] - 1] == lone["value"] == "$1.53 million"


def test_a_unit_word_in_common_says_nothing_of_whose_figure(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    texts = ["Ada Holm got 45,123 votes in Arlen.", "Ida Rolf got 45,213 votes in Brisk."]
    assert _findings(tmp_path, texts, capsys) == []
