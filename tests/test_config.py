"""crossfact.yaml / [tool.crossfact]: found walking up, validated with located errors, flags win; `init`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import REPORTS  # the shared three-report project (its `project` fixture is in conftest)

from crossfact import config, scaffold
from crossfact.cli import main
from crossfact.errors import CrossfactError


def findings(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict]]:
    code = main(["check", *argv, "--format", "json"])
    out = capsys.readouterr().out
    return code, json.loads(out)["findings"] if out else []


@pytest.mark.parametrize("text, where", [
    ("fail-on: sometimes\n", ":1:10"),
    ("sources: [sources]\nbogus: 1\n", ":2:8"),
    ("severity:\n  name-spelling: loud\n", ":2:18"),
    ("severity:\n  name-speling: info\n", ":2:17"),
    ("disable: [quote-drift, no-such-rule]\n", ":1:24"),
    ("sources: [sources, nowhere]\n", ":1:20"),
    ("max-report-size: lots\n", ":1:18"),
    ("sources: [sources\n", ":2:"),
    ("- a list\n", ":1:1"),
])
def test_config_errors_are_located(project: Path, text: str, where: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    (project / "crossfact.yaml").write_text(text, encoding="utf-8")
    assert main(["check"]) == 2
    assert f"crossfact.yaml{where}" in capsys.readouterr().err


@pytest.mark.parametrize("text, where", [
    ('[tool.crossfact]\nsources = ["sources"]\nfail-on = "sometimes"\n', ":3:11"),
    ('[tool.crossfact]\nseverity = {name-spelling = "loud"}\n', ":2:29"),
    ('[tool.crossfact.severity]\nquote-drift = "off"\nname-speling = "info"\n', ":3:16"),
    ('[tool.crossfact]\nsources = = 1\n', ":2:11"),
])
def test_pyproject_errors_are_located(project: Path, text: str, where: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n' + text, encoding="utf-8")
    shift = int(where.split(":")[1]) + 3
    assert main(["check"]) == 2
    assert f"pyproject.toml:{shift}:{where.split(':')[2]}" in capsys.readouterr().err


def test_found_walking_up_but_not_past_the_repository(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "crossfact.yaml").write_text("fail-on: error\n", encoding="utf-8")
    (project / "sub" / "deeper").mkdir(parents=True)
    assert config.find(project / "sub" / "deeper") == project / "crossfact.yaml"
    (project / "pyproject.toml").write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    assert config.find(project / "sub") == project / "crossfact.yaml"  # no [tool.crossfact]: not a config
    (project / "sub" / ".git").mkdir()
    assert config.find(project / "sub" / "deeper") is None


def test_settings_apply_and_flags_override(project: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = project / "crossfact.yaml"
    cfg.write_text("sources: ['sources/*.txt']\nfail-on: error\n", encoding="utf-8")
    code, found = findings(capsys)
    assert code == 0 and [f["rule"] for f in found] == ["name-spelling"]  # a warning; fail-on error
    assert findings(capsys, "--fail-on", "warning")[0] == 1
    cfg.write_text("sources: [sources]\nexclude: ['sources/c.*']\n", encoding="utf-8")
    assert findings(capsys) == (0, [])
    assert findings(capsys, "sources")[0] == 1  # PATHS replace the configured sources
    cfg.write_text("sources: [sources]\nseverity: {name-spelling: error}\n", encoding="utf-8")
    assert [f["severity"] for f in findings(capsys)[1]] == ["error"]
    cfg.write_text("sources: [sources]\ndisable: [name-spelling]\n", encoding="utf-8")
    assert findings(capsys) == (0, [])
    monkeypatch.chdir(project / "sources")  # paths in the config are relative to its folder
    assert findings(capsys) == (0, [])
    assert main(["rules"]) == 0 and "name-spelling" not in capsys.readouterr().out


def test_pyproject_section_and_size_limit(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.crossfact]\nsources = ["sources"]\nmax-report-size = "50 B"\n', encoding="utf-8")
    code = main(["check"])
    assert code == 2 and "over the limit of 50" in capsys.readouterr().err


def test_explicit_config_and_missing_one(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = project / "strict.yaml"
    other.write_text("sources: [sources]\nseverity: {name-spelling: error}\nfail-on: error\n", encoding="utf-8")
    assert findings(capsys, "--config", str(other))[0] == 1
    assert main(["check", "--config", "nope.yaml"]) == 2


def test_init_writes_a_valid_starter_and_never_overwrites(tmp_path: Path, capsys) -> None:
    assert main(["init", str(tmp_path)]) == 0
    starter = tmp_path / "crossfact.yaml"
    data = yaml.safe_load(starter.read_text("utf-8"))
    jsonschema.validate(data, config.schema())
    assert all((tmp_path / d).is_dir() for d in scaffold.FOLDERS)
    assert starter.read_text("utf-8").startswith("#")  # commented
    starter.write_text("fail-on: error\n", encoding="utf-8")
    (tmp_path / "rules" / "desk.yaml").write_text("[]\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 0
    assert starter.read_text("utf-8") == "fail-on: error\n"
    assert (tmp_path / "rules" / "desk.yaml").read_text("utf-8") == "[]\n"
    assert "left as it is" in capsys.readouterr().out


def test_init_then_check_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    capsys.readouterr()
    for name, text in REPORTS.items():
        (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    assert findings(capsys)[0] == 1


def test_a_file_where_a_folder_goes_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "rules").write_text("x", encoding="utf-8")
    with pytest.raises(CrossfactError):
        scaffold.init(tmp_path)


def test_pack_paths_are_relative_to_the_config(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from argparse import Namespace

    from crossfact.settings import resolve

    (project / "packs").mkdir()
    (project / "packs" / "desk.yaml").write_text("name: desk\n", encoding="utf-8")
    (project / "crossfact.yaml").write_text("packs: [athletics, packs/desk.yaml]\n", encoding="utf-8")
    monkeypatch.chdir(project / "sources")
    args = resolve(Namespace(command="check", paths=["a.txt"], pack=None))
    assert args.pack[0] == "athletics" and Path(args.pack[1]).resolve() == project / "packs" / "desk.yaml"
