"""Inline `<!-- crossfact: ignore RULE -->`: silences its own line (or the next), never another line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crossfact import suppress
from crossfact.cli import main
from crossfact.sources import parse

CLEAN = {
    "a.txt": "date 2031-04-02\nLena Vosberg won the Harbour Classic in 3:51.20, beating Ida Rolf.\n",
    "b.txt": "date 2031-04-02\nLena Vosberg won the Harbour Classic in 3:51.20. Ida Rolf was second.\n",
}
WON = "Lena Vosbreg won the Harbour Classic in 3:51.20."
IGNORE = "<!-- crossfact: ignore name-spelling -->"


def check(tmp_path: Path, capsys: pytest.CaptureFixture[str], c_body: str) -> list[dict]:
    folder = tmp_path / "reports"
    folder.mkdir(exist_ok=True)
    for name, text in CLEAN.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "c.md").write_text("date 2031-04-03\n" + c_body, encoding="utf-8")
    main(["check", str(folder), "--format", "json", "--fail-on", "never"])
    return json.loads(capsys.readouterr().out)["findings"]


def test_directives_own_line_and_end_of_line() -> None:
    text = (f"one {IGNORE}\n<!-- crossfact: ignore -->\nthree\n"
            "<!-- crossfact: ignore quote-drift, name-spelling -->  \nfive\nsix <!--crossfact:ignore a b-->\n")
    table = suppress.directives(parse(text, "x.md", "x"))
    assert table == {1: {"name-spelling"}, 3: {"*"}, 5: {"quote-drift", "name-spelling"}, 6: {"a", "b"}}


@pytest.mark.parametrize("body, silenced", [
    (f"{WON} Vosbreg said little.\n", False),
    (f"{WON} Vosbreg said little. {IGNORE}\n", True),
    (f"{IGNORE}\n{WON} Vosbreg said little.\n", True),
    (f"<!-- crossfact: ignore -->\n{WON} Vosbreg said little.\n", True),
    (f"{WON} Vosbreg said little. <!-- crossfact: ignore quote-drift -->\n", False),  # another rule
    (f"{IGNORE}\n\n{WON} Vosbreg said little.\n", False),  # the next line is blank: nothing silenced
    (f"{WON} {IGNORE}\nVosbreg said little.\n", False),  # flagged on line 3 too: still reported
    (f"{WON} {IGNORE}\nVosbreg said little. {IGNORE}\n", True),
    (f"{WON} Vosbreg said little.\nNothing else. {IGNORE}\n", False),  # a comment below hides nothing above
])
def test_suppression_is_for_its_line_only(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          body: str, silenced: bool) -> None:
    found = check(tmp_path, capsys, body)
    assert [f["rule"] for f in found] == ([] if silenced else ["name-spelling"])


def test_a_comment_in_another_report_does_not_silence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    CLEAN_A = CLEAN["a.txt"].rstrip("\n") + f" {IGNORE}\n"
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(CLEAN_A, encoding="utf-8")
    (folder / "b.txt").write_text(CLEAN["b.txt"], encoding="utf-8")
    (folder / "c.md").write_text(f"date 2031-04-03\n{WON} Vosbreg said little.\n", encoding="utf-8")
    assert main(["check", str(folder), "--format", "json"]) == 1
    assert [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["name-spelling"]


def test_suppressed_findings_are_left_out_of_a_baseline_too(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    check(tmp_path, capsys, f"{WON} Vosbreg said little. {IGNORE}\n")
    base = tmp_path / "base.json"
    assert main(["baseline", str(tmp_path / "reports"), "--output", str(base)]) == 0
    assert json.loads(base.read_text("utf-8"))["findings"] == []
    assert "suppressed inline" in capsys.readouterr().err
