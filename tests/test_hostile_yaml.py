"""Bad rule files, claims files and configs through the CLI; the expression language and user patterns.

A bad rule file or config is the user's error before anything is checked: exit 2, one
located line, no report. A bad claims file is one reviewer's file: it is named at its
line:column, the reports are still checked, and `extract` does not overwrite it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hostile import GOOD, check, run_cli, summary

from crossfact import expr
from crossfact.cli import main
from crossfact.errors import CrossfactError

LOL = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
RULE = "- id: my-rule\n  kind: derived\n  select: {predicate: derived}\n"


def pattern(regex: str, expect: str) -> str:
    return RULE + f"  options:\n    mode: pattern\n    regex: '{regex}'\n    expect: '{expect}'\n"


BAD_RULES = [
    ("- id: x\n  kind: agree\n  select: {predicate: [a, b\n", "4:1: error: invalid YAML: expected ',' or ']', "
     "but got '<stream end>'"),
    (LOL, "7:4: error: invalid YAML: aliases expand to more than 1,000,000 nodes; refused"),
    ("- &a [*a]\n", "1:3: error: invalid YAML: an alias refers to the node that contains it; refused"),
    ("- !!python/object/apply:os.system [touch pwned]\n", "1:3: error: invalid YAML: tag 'tag:yaml.org,2002:"
     "python/object/apply:os.system' is not allowed (crossfact never constructs objects from YAML)"),
    ("- !!python/name:os.system\n", "1:3: error: invalid YAML: tag 'tag:yaml.org,2002:python/name:os.system' "
     "is not allowed (crossfact never constructs objects from YAML)"),
    ("- id: x\n  kind: telepathy\n  select: {predicate: name}\n", "2:9: error: unknown rule kind 'telepathy' "
     "(known: agree, derived, quote, spelling, swapped, temporal)"),
    ("- id: x\n  kind: agree\n  select: {predicate: name}\n  options: {tolerance: lots}\n",
     "4:24: error: option 'tolerance' must be number, not str"),
    (RULE + "  options: {mode: pattern, regex: '(?P<a>x', expect: 'a > 1'}\n",
     "4:35: error: bad regex '(?P<a>x': missing ) at position 7"),
    (pattern(regex="(?P<a>{N}) x", expect="b > 1"), "7:13: error: expect uses b, which the regex does not name"),
    (pattern(regex="(?P<a>{N})", expect="a.__class__"), "7:13: error: expression 'a.__class__' uses "
     "Attribute, which is not allowed"),
    (pattern(regex="(?P<a>{N})", expect="open(a)"), "7:13: error: expression 'open(a)' uses Call, which is "
     "not allowed"),
    (pattern(regex="(?P<a>{N})", expect="__import__(a)"), "7:13: error: expression '__import__(a)' uses "
     "Call, which is not allowed"),
    (pattern(regex="(?P<a>{N})", expect="import os"), "7:13: error: bad expression 'import os': invalid "
     "syntax"),
    (pattern(regex="(?P<a>{N})", expect="9 ** 9 ** 9 > a"), "7:13: error: expression '9 ** 9 ** 9 > a' "
     "uses Pow, which is not allowed"),
    (pattern(regex="(?P<a>{N})", expect="a * 1e300 > 1"), "7:13: error: expression 'a * 1e300 > 1' uses "
     "Constant, which is not allowed"),
    (pattern(regex="(?P<a>{N})", expect="min(a) > 1"), "7:13: error: expression 'min(a) > 1': min() takes "
     "2 to 64 arguments"),
    (pattern(regex="(?P<a>{N})", expect="(lambda: a)()"), "7:13: error: expression '(lambda: a)()' uses "
     "Call, which is not allowed"),
    (pattern(regex="(?P<a>{N})", expect="a + " * 200 + "a"), "7:13: error: expression is 801 characters "
     "long; at most 500 are allowed"),
]


@pytest.mark.parametrize("text, message", BAD_RULES)
def test_a_bad_rule_file_is_a_located_error(project: Path, capsys: pytest.CaptureFixture[str], text: str,
                                            message: str) -> None:
    (project / "rules").mkdir()
    (project / "rules" / "extra.yaml").write_text(text, encoding="utf-8")
    start = time.monotonic()
    code, found, err = check(capsys)
    assert time.monotonic() - start < 10
    assert (code, found) == (2, [])
    assert err.splitlines()[0].split("  | ")[0] == f"crossfact: rules/extra.yaml:{message}"
    assert not (project / "pwned").exists()


@pytest.mark.parametrize("text, message", [
    ("sources: [sources\n", "crossfact.yaml:2:1: error: invalid YAML: expected ',' or ']', but got '<stream end>'"),
    (LOL, "crossfact.yaml:7:4: error: invalid YAML: aliases expand to more than 1,000,000 nodes; refused"),
    ("sources: !!python/object/new:os.system [x]\n", "crossfact.yaml:1:10: error: invalid YAML: tag "
     "'tag:yaml.org,2002:python/object/new:os.system' is not allowed (crossfact never constructs objects from YAML)"),
])
def test_a_bad_config_is_a_located_error(project: Path, capsys: pytest.CaptureFixture[str], text: str,
                                         message: str) -> None:
    (project / "crossfact.yaml").write_text(text, encoding="utf-8")
    code, found, err = check(capsys)
    assert (code, found) == (2, []) and err.startswith("crossfact: ") and err.endswith(f"/{message}\n")


def claims_of_c(project: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["extract", "sources", "--out", "claims"]) == 0
    capsys.readouterr()
    return project / "claims" / "c.yaml"


@pytest.mark.parametrize("edit, where, message", [
    (lambda t: t.replace("claims:\n", "claims: [\n"), None, "invalid claims file: expected the node content, "
     "but found '-'"),
    (lambda t: t + "extra: &a [*a]\n", None, "invalid claims file: an alias refers to the node that contains it; "
     "refused"),
    (lambda t: t.replace("seconds: 231.2", "seconds: fast"), "value", "value seconds must be a number, not 'fast'"),
    (lambda t: t.replace("line: 2", "line: two", 1), "evidence", "evidence line must be a whole number from 1, not "
     "'two'"),
    (lambda t: t.replace("status: extracted", "status: maybe", 1), "status", "claim "),
    (lambda t: t.replace("subject: Lena Vosbreg", "subject: [Lena]", 1), "subject", "claim subject must be text, "
     "not a list"),
    (lambda t: t.replace("claims:", "claims: !!python/object:os.sep", 1), None, "invalid claims file: tag"),
])
def test_a_hand_broken_claims_file(project: Path, capsys: pytest.CaptureFixture[str], edit, where: str | None,
                                   message: str) -> None:
    target = claims_of_c(project, capsys)
    broken = edit(target.read_text("utf-8"))
    target.write_text(broken, encoding="utf-8")
    code, found, err = check(capsys)
    assert code == 2 and summary(found) == GOOD  # the reports are still checked
    [line] = err.splitlines()
    assert line.startswith("crossfact: claims/c.yaml:") and message in line
    if where:  # the error points at the key the reviewer broke
        lineno, col = map(int, line.split(":")[2:4])
        assert broken.splitlines()[lineno - 1][col - 1:].startswith(("fast", "two", "maybe", "[Lena]")), line
    assert main(["extract", "sources", "--out", "claims"]) == 2
    assert "(not rewritten)" in capsys.readouterr().err
    assert target.read_text("utf-8") == broken  # the reviewer's file is left for them to fix


def test_user_pattern_matching_is_bounded_in_time() -> None:
    rx = expr.compile_pattern(r"(?P<a>\d+) (?:a|aa)+b")
    start = time.monotonic()
    with pytest.raises(expr.PatternTimeout, match=r"backtracks catastrophically\): rule skipped"):
        list(expr.finditer(rx, "5 " + "a" * 60, timeout=0.3))
    assert time.monotonic() - start < 2
    assert [m.group("a") for m in expr.finditer(rx, "5 aab and 6 ab")] == ["5", "6"]


def test_a_catastrophic_user_pattern_is_reported_not_hung_on(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("date 2031-04-02\nThe score was 5 " + "a" * 60 + ".\n")
    (tmp_path / "rules.yaml").write_text(pattern(regex="(?P<a>{N}) (?:a|aa)+b", expect="a > 1"))
    done = run_cli(["check", "r.txt", "--rules", "rules.yaml"], tmp_path, timeout=20)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("crossfact: rules.yaml: error: rule my-rule: regex ")
    assert "(?P<a>{N}) (?:a|aa)+b" in done.stderr  # the author's own pattern, not its expansion
    assert done.stderr.rstrip().endswith("77 characters in r (it backtracks catastrophically); fix the pattern")


def test_expression_evaluation_never_escapes() -> None:
    tree = expr.parse("round(a, b) == c")
    with pytest.raises(ValueError):
        expr.evaluate(tree, {"a": 1.0, "b": float("inf"), "c": 1})
    with pytest.raises(KeyError):
        expr.evaluate(expr.parse("a > b"), {"a": 1})
    with pytest.raises(CrossfactError, match="Subscript"):
        expr.parse("a[0]")
    assert yaml.safe_load("x: 1") == {"x": 1}


def test_an_untyped_option_of_the_wrong_type(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "rules").mkdir()
    (project / "rules" / "extra.yaml").write_text("- id: r-one\n  kind: agree\n  options:\n    max_difference: ''\n"
                                                  "  select: {predicate: result.*}\n")
    (project / "sources" / "d.txt").write_text("Lena Vosberg won the Harbour Classic in 3:51.90.\n")
    code, found, err = check(capsys)
    assert (code, found) == (2, []) and "rules/extra.yaml:4:21: error:" in err


@pytest.mark.parametrize(("kind", "option", "value", "allowed"), [
    ("derived", "mode", "sums", "margin, pattern, sum, difference, remainder, elapsed, breakdown"),
    ("agree", "subjects", "all", "named, unnamed, any"),
])
def test_an_option_outside_its_choices(project: Path, capsys: pytest.CaptureFixture[str], kind: str, option: str,
                                       value: str, allowed: str) -> None:
    # a misspelt mode once ran silently as the default one: it is the rule file's error, with its place
    (project / "rules").mkdir()
    (project / "rules" / "extra.yaml").write_text(f"- id: r-one\n  kind: {kind}\n  options:\n    {option}: {value}\n"
                                                  "  select: {predicate: result.*}\n")
    (project / "sources" / "d.txt").write_text("Lena Vosberg won the Harbour Classic in 3:51.90.\n")
    code, found, err = check(capsys)
    assert (code, found) == (2, [])
    where = f"rules/extra.yaml:4:{7 + len(option)}: error: "
    assert f"{where}option '{option}' must be one of {allowed}, not '{value}'" in err
