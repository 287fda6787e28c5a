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
