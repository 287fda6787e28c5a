"""derived/pattern `needs`: a report without the words is not scanned; any letter case counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crossfact.cli import main

RULE = """- id: gd
  kind: derived
  description: A goal difference that does not add up.
  select: {predicate: derived}
  options:
    mode: pattern
    needs: %s
    regex: "(?P<a>{N}) scored, (?P<b>{N}) let in, net (?P<c>{N})"
    expect: "c == a - b"
  severity: error
"""


@pytest.mark.parametrize("needs, flagged", [('"NET"', True), ('"let in"', True), ('"goal difference"', False),
                                            ('["goal difference", "let in"]', True),  # a list: any of them
                                            ('["goal difference", "conceded"]', False),
                                            ('"season"', False)])  # in the report, not in the sentence
def test_needs_skips_only_reports_without_the_words(needs: str, flagged: bool, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "rules.yaml").write_text(RULE % needs, encoding="utf-8")
    (tmp_path / "a.txt").write_text("It was a long season. They had 14 scored, 3 let in, net 12.\n", encoding="utf-8")
    main(["check", str(tmp_path / "a.txt"), "--rules", str(tmp_path / "rules.yaml"), "--format", "json", "--no-cache"])
    found = [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert ("gd" in found) is flagged
