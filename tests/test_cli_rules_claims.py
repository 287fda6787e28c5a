"""CLI exit codes and errors, rule-file validation, claims/ review round trip, rule-kind docs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from crossfact import claimstore
from crossfact.cli import main
from crossfact.errors import CrossfactError
from crossfact.kinds import KINDS
from crossfact.rules import default_rules, parse_rules

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def corpus(project: Path) -> Path:
    """The shared three-report project's reports (conftest), checked from the project's root."""
    return project / "sources"


def test_exit_codes_and_json(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(corpus), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in report["findings"]] == ["name-spelling"]
    assert report["findings"][0]["sources"] == ["c"]
    assert main(["check", str(corpus), "--fail-on", "error"]) == 0
    assert main(["check", str(corpus / "a.txt"), str(corpus / "b.txt")]) == 0


def test_output_is_byte_for_byte_stable(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(corpus), "--format", "json"])
    first = capsys.readouterr().out
    main(["check", str(corpus), "--format", "json"])
    assert capsys.readouterr().out == first


def test_bad_source_is_named_and_the_rest_still_checked(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    code = main(["check", str(corpus), "--format", "json"])
    out = capsys.readouterr()
    assert code == 2
    assert "empty.txt: error: empty report" in out.err
    assert "binary.txt: error: binary file" in out.err
    assert len(json.loads(out.out)["findings"]) == 1


def test_bad_rule_file_gives_file_line_column(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = corpus.parent / "bad.yaml"
    rules.write_text("- id: my-rule\n  kind: agree\n  select: {predicate: x}\n  options: {tolerance: fast}\n")
    assert main(["check", str(corpus), "--rules", str(rules)]) == 2
    assert f"{rules}:4:" in capsys.readouterr().err


@pytest.mark.parametrize("text, where", [
    ("- id: r\n  kind: nonsense\n  select: {predicate: x}\n", ":2:9"),
    ("- id: r\n  kind: agree\n", ":1:3"),
    ("- id: r\n  kind: agree\n  select: {predicate: x}\n  severity: loud\n", ":4:13"),
    ("- id: r\n  kind: derived\n  select: {predicate: x}\n  options: {mode: pattern, expect: '__import__(1)'}\n",
     ":4:"),
    ("- id: r\n  kind: agree\n  select: {predicate: [x\n", ":"),
])
def test_rule_errors_are_located(text: str, where: str) -> None:
    with pytest.raises(CrossfactError) as err:
        parse_rules(text, "rules.yaml")
    assert str(err.value).startswith("rules.yaml" + where)


def test_a_valid_rule_file_loads() -> None:
    text = "- id: r\n  kind: agree\n  select: {predicate: result.time}\n  options: {tolerance: 0.1}\n"
    rules = parse_rules(text, "x")
    assert rules[0].options["tolerance"] == 0.1


def test_reviews_survive_reextraction_and_rejection_silences(corpus: Path, capsys) -> None:
    assert main(["extract", str(corpus), "--out", "claims"]) == 0
    path = Path("claims/c.yaml")
    data = yaml.safe_load(path.read_text())
    for claim in data["claims"]:
        if claim["predicate"] == "name" and "Vosbreg" in claim["value"]["text"]:
            claim["status"] = "rejected"
    data["claims"].append({"subject": "Lena Vosberg", "predicate": "note", "value": {"type": "text", "text": "ok"},
                           "status": "manual"})
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert main(["extract", str(corpus), "--out", "claims"]) == 0
    again = claimstore.read(path)
    assert sum(c.status == "rejected" for c in again) >= 2
    assert any(c.status == "manual" and c.predicate == "note" for c in again)
    capsys.readouterr()
    assert main(["check", str(corpus), "--claims", "claims", "--format", "json"]) == 0


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_rule_kind_is_documented_and_has_examples(name: str) -> None:
    module = KINDS[name]
    doc = module.__doc__ or ""
    assert doc.startswith(f"{name}:") and "Flagged" in doc and "Not flagged" in doc
    rules = [r for r in default_rules() if r.kind == name]
    assert rules and all(r.examples.get("flagged") and r.examples.get("not_flagged") for r in rules)
    assert f"`{name}`" in (ROOT / "docs" / "rule-kinds.md").read_text()


def test_rule_examples_pass(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "test"]) == 0, capsys.readouterr().out


def test_registry_outranks_the_majority(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    registry = corpus.parent / "names.yaml"
    registry.write_text("Lena Vosbreg:\n  - Lena Vosberg\n", encoding="utf-8")
    assert main(["check", str(corpus), "--format", "json", "--registry", str(registry)]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["suggestion"], f["sources"]) for f in findings] == [("Vosbreg", ["a", "b"])]


def test_two_people_with_similar_names_are_told_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Kenji Tanimura and Yuki Tanimora are two people (each surname comes with its own first name);
    "Kenji Tanimurra" is Kenji Tanimura misspelt."""
    texts = {"a": "Kenji Tanimura won the heat. Yuki Tanimora was second.",
             "b": "Kenji Tanimura won. Yuki Tanimora was second.",
             "c": "Yuki Tanimora praised Kenji Tanimura.", "d": "Kenji Tanimura and Yuki Tanimora both advanced."}
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    assert main(["check", str(tmp_path), "--format", "json"]) == 0
    capsys.readouterr()
    (tmp_path / "e.txt").write_text("Kenji Tanimurra won the heat.\n", encoding="utf-8")
    assert main(["check", str(tmp_path), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["values"][0]["value"], f["suggestion"]) for f in findings] == [("Kenji Tanimurra", "Tanimura")]


def test_the_rule_kinds_page_is_current() -> None:
    from crossfact.ruledocs import render

    page = (ROOT / "docs" / "rule-kinds.md").read_text()
    assert page == render(), "run: python -m crossfact.ruledocs > docs/rule-kinds.md"


def test_hand_made_claims_that_rules_cannot_read_are_left_out(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A reviewer's manual claim with text where a number belongs never crashes a rule."""
    assert main(["extract", str(corpus), "--out", "claims"]) == 0
    path = Path("claims/c.yaml")
    data = yaml.safe_load(path.read_text())
    sentence = {"line": 2, "column": 1, "end_line": 2, "end_column": 5, "sentence": "Lena Vosbreg won."}
    data["claims"] += [
        {"subject": "Lena Vosberg", "predicate": "result.margin", "value": {"type": "text", "text": "half a second"},
         "evidence": sentence, "status": "manual"},
        {"subject": "", "predicate": "relative", "value": {"type": "text", "text": "two days ago"},
         "evidence": sentence, "status": "manual"},
        {"subject": "", "predicate": "count.attendance", "value": {"type": "count", "text": "5,000", "value": "5,000"},
         "evidence": sentence, "status": "manual"},
    ]
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    capsys.readouterr()
    assert main(["check", str(corpus), "--claims", "claims", "--format", "json"]) in (0, 1, 2)
    assert "Traceback" not in capsys.readouterr().err


def test_an_output_that_cannot_be_written_is_a_one_line_error(corpus: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(corpus), "--format", "json", "--output", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"crossfact: {tmp_path}") or "error:" in err
    assert len(err.strip().splitlines()) == 1


def test_an_output_to_a_pipe_or_a_link_leaves_it_in_place(corpus: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """`--output /dev/null` once renamed a file over the system's /dev/null; a FIFO stands in for a
    device here (the test must not risk the machine's own), and a link must stay a link."""
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert main(["check", str(corpus), "--format", "json", "--output", str(fifo)]) == 1
    reader.join(timeout=10)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the pipe was replaced by a file"
    assert got and json.loads(got[0])["findings"]
    target, link = tmp_path / "report.json", tmp_path / "latest.json"
    target.write_text("old", encoding="utf-8")
    link.symlink_to(target)
    assert main(["check", str(corpus), "--format", "json", "--output", str(link)]) == 1
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["findings"]
    capsys.readouterr()


def test_an_output_to_stdout_redirected_to_a_file_keeps_what_was_there(corpus: Path, tmp_path: Path) -> None:
    """`--output /dev/stdout > file`: the report follows what the shell already wrote there, in place."""
    import subprocess
    import sys

    out = tmp_path / "out.txt"
    cmd = (f"(echo HEADER; {sys.executable} -m crossfact check {corpus} --no-cache --format json "
           f"--output /dev/stdout) > {out}")
    subprocess.run(cmd, shell=True, check=False, cwd=tmp_path)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("HEADER\n") and json.loads(text[len("HEADER\n"):])["findings"]
