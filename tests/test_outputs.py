"""SARIF, JUnit and GitHub outputs, checked the way their consumers read them.

SARIF is validated against the OASIS schema (from ../shared when it is there),
JUnit is read back with junitparser, and GitHub commands are unescaped as the
runner does. Every format is produced through the CLI, as CI runs it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import SHARED
from junitparser import Failure, JUnitXml

from crossfact import cli
from crossfact.model import Evidence, Finding, Side
from crossfact.pipeline import Result
from crossfact.report import FORMATS, github, renderer, sarif

SCHEMA_PATH = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str]:
    code = cli.main(["check", *argv, "--fail-on", "never"])
    return code, capsys.readouterr().out


def validate(doc: dict) -> None:
    """The schema declares draft-04; Draft 7 (as the task asked) is checked as well."""
    if not SCHEMA_PATH.exists():
        return
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    for cls in {jsonschema.validators.validator_for(schema), jsonschema.Draft7Validator}:
        errors = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(doc), key=str)
        assert not errors, f"{cls.__name__}: {errors[0].message} at {list(errors[0].absolute_path)}"


def check_sarif(doc: dict, report: dict) -> None:
    """Schema, plus what the schema cannot say: spans, related locations, fingerprints."""
    validate(doc)
    run_ = doc["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    results = run_["results"]
    assert [r["partialFingerprints"]["crossfact/v1"] for r in results] == \
        [f["fingerprint"] for f in report["findings"]]
    for res, finding in zip(results, report["findings"], strict=True):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == finding["rule"]
        assert res["level"] == sarif.LEVELS[finding["severity"]]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(region)
        spans = sum(len(side["evidence"]) for side in finding["values"])
        assert len(res["relatedLocations"]) == spans - 1 >= 1
        for loc in res["locations"] + res["relatedLocations"]:
            uri = loc["physicalLocation"]["artifactLocation"]["uri"]
            assert "\\" not in uri and loc["message"]["text"]
    for rule in rules:
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]


def test_sarif_seeds(shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                     capsys: pytest.CaptureFixture) -> None:
    shutil.copytree(shared / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    _, out = run(capsys, "seeds", "--format", "sarif")
    _, report = run(capsys, "seeds", "--format", "json")
    doc, report = json.loads(out), json.loads(report)
    assert report["findings"], "the seeds should have findings"
    check_sarif(doc, report)
    locs = [r["locations"][0]["physicalLocation"] for r in doc["runs"][0]["results"]]
    assert all(loc["artifactLocation"]["uri"].startswith("seeds/") for loc in locs)


def test_sarif_synthetic(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture) -> None:
    monkeypatch.chdir(corpus.parent)
    _, out = run(capsys, "reports", "--format", "sarif")
    _, report = run(capsys, "reports", "--format", "json")
    doc = json.loads(out)
    check_sarif(doc, json.loads(report))
    spelling = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "name-spelling"]
    assert len(spelling) == 1
    loc = spelling[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "reports/c.txt", "uriBaseId": "%SRCROOT%"}
    region = loc["region"]
    line = (corpus / "c.txt").read_text("utf-8").splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "Okonkow"
    assert {r["message"]["text"] for r in spelling[0]["relatedLocations"]} == {"Halvard Okonkow", "Halvard Okonkwo"}


def test_sarif_outside_root_uses_file_uri(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    _, out = run(capsys, str(corpus), "--format", "sarif")
    doc = json.loads(out)
    validate(doc)
    artifact = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact["uri"].startswith("file:///") and "uriBaseId" not in artifact


def _evidence(path: str, line: int, col: int, word: str, sentence: str, source: str = "x") -> Evidence:
    return Evidence(source, path, line, col, line, col + len(word), sentence)


def _finding(severity: str = "info", sides: int = 1) -> Finding:
    one = Side("Tuesday", ("x",), (_evidence("x.txt", 2, 5, "Tuesday", "On Tuesday, it rained: 50%"),))
    two = Side("Monday", ("y",), (_evidence("y.txt", 4, 1, "Monday", "Monday, it rained.", "y"),))
    return Finding("weekday", "temporal", severity, "weekday: 'Tuesday', ok?\nmaybe", "rain", "event.date",
                   (one, two)[:sides], flagged=("x",))


def test_sarif_without_rules_and_one_sided() -> None:
    doc = sarif.as_dict(Result([], [], [_finding()]))
    validate(doc)
    rule = doc["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["id"] == "weekday" and rule["defaultConfiguration"]["level"] == "note"
    res = doc["runs"][0]["results"][0]
    assert res["level"] == "note" and "relatedLocations" not in res
    assert res["locations"][0]["physicalLocation"]["region"] == \
        {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 12}


def _junit(capsys: pytest.CaptureFixture, folder: str) -> tuple[JUnitXml, dict]:
    _, xml = run(capsys, folder, "--format", "junit")
    _, report = run(capsys, folder, "--format", "json")
    return JUnitXml.fromstring(xml.encode("utf-8")), json.loads(report)


@pytest.mark.parametrize("where", ["synthetic", "seeds"])
def test_junit_failures_are_findings(where: str, corpus: Path, request: pytest.FixtureRequest,
                                     monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    folder = corpus if where == "synthetic" else request.getfixturevalue("shared") / "seeds"
    monkeypatch.chdir(corpus.parent)
    xml, report = _junit(capsys, str(folder))
    suites = list(xml)
    assert len(suites) == 1 and suites[0].failures == len(report["findings"])
    failures = [r for case in suites[0] for r in case.result if isinstance(r, Failure)]
    assert len(failures) == len(report["findings"])
    texts = "\n".join(f.text for f in failures)
    for finding in report["findings"]:
        for side in finding["values"]:
            for e in side["evidence"]:
                assert f":{e['line']}:{e['column']}: " in texts
    passing = [case for case in suites[0] if case.is_passed]
    assert passing, "rules that found nothing are passing test cases"
    assert suites[0].tests == len(list(suites[0]))


def test_github_escaping() -> None:
    assert github.escape_data("50% a:b,c\r\nz") == "50%25 a:b,c%0D%0Az"
    assert github.escape_property("50% a:b,c\r\nz") == "50%25 a%3Ab%2Cc%0D%0Az"
    line = github.command("warning", "m:1,2", file="dir/a b.txt", line=3, title="t: x, y")
    assert line == "::warning file=dir/a b.txt,line=3,title=t%3A x%2C y::m:1,2"


def test_github_annotation() -> None:
    f = _finding("info", sides=2)
    line = github.annotation(f)
    head = "::notice file=x.txt,line=2,col=5,endLine=2,endColumn=12,title=crossfact weekday%3A rain::"
    assert line.startswith(head)
    assert "\n" not in line and "%0A" in line
    assert "weekday: 'Tuesday', ok?%0Amaybe" in line
    assert github.COMMANDS["error"] == "error" and github.COMMANDS["warning"] == "warning"


def test_every_format_renders_without_printing(capsys: pytest.CaptureFixture) -> None:
    result = Result([], [], [_finding("error", sides=2)])
    for name in FORMATS:
        assert isinstance(renderer(name)(result, rules=None, colour=False), str)
    assert capsys.readouterr() == ("", "")
    assert {"sarif", "junit", "github"} <= set(FORMATS)
