"""A desk's own pack, YAML only (docs/packs.md): its examples pass and `check` uses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crossfact.cli import main
from crossfact.extract.packs import builtin_packs

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "cycling"


def test_the_worked_example_passes_its_own_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["rules", "test", "--rules", str(EXAMPLE / "rules.yaml"), "--pack", str(EXAMPLE / "pack.yaml")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "ok   stage-winner: flagged" in out


def test_check_uses_a_desk_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, text in {"a": "Lars Brekke won the fifth stage.", "b": "Lars Brekke won the fifth stage in Tarn.",
                       "c": "Tomas Berg took the fifth stage."}.items():
        (tmp_path / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    args = ["check", str(tmp_path), "--format", "json", "--rules", str(EXAMPLE / "rules.yaml")]
    assert main(args) == 0  # without the pack nothing says who won the stage
    capsys.readouterr()
    assert main(args + ["--pack", str(EXAMPLE / "pack.yaml")]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["sources"]) for f in findings] == [("stage-winner", ["c"])]


def test_packs_command_lists_every_pack(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["packs"]) == 0
    out = capsys.readouterr().out
    for pack in builtin_packs():
        assert pack.name in out and pack.description in out


@pytest.mark.parametrize("field", ["regex", "needs", "detect"])
def test_a_bad_regex_in_a_desk_pack_is_a_one_line_error(field: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    entry = {"regex": "{NAME} won", "needs": "won", "detect": "race"} | {field: "won (the"}
    pack = tmp_path / "pack.yaml"
    pack.write_text(f"name: desk\ndescription: a desk's pack\ndetect: ['{entry['detect']}']\nextracts: [x.winner]\n"
                    f"patterns:\n  - id: p\n    predicate: x.winner\n    regex: '{entry['regex']}'\n"
                    f"    needs: '{entry['needs']}'\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ann Lee won.\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "a.txt"), "--pack", str(pack), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "in pack 'desk' is not a valid regex" in err and "Traceback" not in err
