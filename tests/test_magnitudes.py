"""Magnitudes: which quake a figure is of, and which figures are no magnitude at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crossfact.cli import main


def _magnitude_findings(tmp_path: Path, texts: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict]:
    for i, text in enumerate(texts):
        (tmp_path / f"r{i}.md").write_text(f"---\ndate: 2031-06-04\n---\n{text}\n", encoding="utf-8")
    assert main(["check", str(tmp_path), "--format", "json", "--no-cache"]) in (0, 1)
    return [f for f in json.loads(capsys.readouterr().out)["findings"] if f["rule"] == "magnitude"]


def test_a_date_of_this_year_beside_the_magnitude_is_the_story_own_quake(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = ["The quake on June 3, 2031 had a magnitude of 7.2.", "The quake had a magnitude of 7.4.",
             "The quake had a magnitude of 7.4."]
    assert len(_magnitude_findings(tmp_path, texts, capsys)) == 1


def test_an_older_quake_is_another_quake(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = ["The quake had a magnitude of 7.2.", "The quake had a magnitude of 7.2.",
             "It was the strongest since the magnitude 7.6 quake of Sept. 21, 1999."]
    assert _magnitude_findings(tmp_path, texts, capsys) == []


def test_an_older_quake_named_before_the_magnitude_dates_it(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    texts = ["The quake that struck on Monday was the deadliest since 1999, when a magnitude 6.9 quake killed many.",
             "A magnitude 6.8 earthquake struck on Monday.", "A magnitude 6.8 earthquake struck on Monday."]
    assert _magnitude_findings(tmp_path, texts, capsys) == []
