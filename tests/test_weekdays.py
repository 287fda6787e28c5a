"""A weekday against the date the sources give: a date wrong by its own weekday dates nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crossfact.cli import main


def test_a_date_with_a_wrong_weekday_does_not_blame_a_right_weekday(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # 22 June 2033 is a Wednesday: the first report's date contradicts itself; the second's "on Sunday"
    # (19 June 2033, the day before its report) may well be right, and is not held against that date
    (tmp_path / "a.md").write_text("---\ndate: 2033-06-20\n---\nArlen beat Brisk 103-91 in Game 7 of the Harbour "
                                   "Finals on Sunday, June 22, 2033.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ndate: 2033-06-20\n---\nArlen beat Brisk 103-91 in Game 7 of the Harbour "
                                   "Finals on Sunday night.\n", encoding="utf-8")
    main(["check", str(tmp_path), "--format", "json", "--no-cache"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [f["sources"] for f in found if f["rule"] == "date-weekday-relative"] == [["a"]]
