"""Baselines: accepted findings stay quiet, new ones still fail the check."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from crossfact import baseline, cli
from crossfact.errors import CrossfactError
from crossfact.model import Evidence, Finding, Side


def _finding(rule: str, value: str) -> Finding:
    e = Evidence("s", "s.txt", 1, 1, 1, 1 + len(value), f"{value} said so.")
    return Finding(rule, "spelling", "warning", "m", "subj", "name", (Side(value, ("s",), (e,)),))


def test_dump_is_sorted_stable_and_round_trips() -> None:
    found = [_finding("b-rule", "x"), _finding("a-rule", "y"), _finding("a-rule", "z")]
    text = baseline.dumps(found)
    assert text == baseline.dumps(list(reversed(found)))
    rules = [e["rule"] for e in json.loads(text)["findings"]]
    assert rules == sorted(rules)
    known = baseline.parse(text, "b.json")
    assert set(known) == {f.fingerprint for f in found}
    assert all(entry["description"] for entry in known.values())


def test_apply_counts_new_baselined_and_stale() -> None:
    old, gone, fresh = _finding("r", "old"), _finding("r", "gone"), _finding("r", "fresh")
    outcome = baseline.apply([old, fresh], baseline.parse(baseline.dumps([old, gone]), "b.json"))
    assert outcome.new == [fresh] and outcome.baselined == 1 and outcome.stale == [gone.fingerprint]


@pytest.mark.parametrize("text", ["{", "[]", '{"version": 9, "findings": []}',
                                  '{"version": 1, "findings": [{}]}'])
def test_bad_baseline_is_a_user_error(text: str) -> None:
    with pytest.raises(CrossfactError):
        baseline.parse(text, "b.json")


def _check(capsys: pytest.CaptureFixture, folder: Path, base: Path) -> tuple[int, list[dict], str]:
    code = cli.main(["check", str(folder), "--baseline", str(base), "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out)["findings"], err


def _baseline(capsys: pytest.CaptureFixture, folder: Path, base: Path) -> str:
    assert cli.main(["baseline", str(folder), "--output", str(base)]) == 0
    capsys.readouterr()
    return base.read_text("utf-8")


def _round_trip(capsys: pytest.CaptureFixture, folder: Path, edit: Path, addition: str, word: str) -> None:
    base = folder.parent / "crossfact-baseline.json"
    first = _baseline(capsys, folder, base)
    assert json.loads(first)["findings"], "the corpus should have findings to baseline"
    assert _baseline(capsys, folder, base) == first, "re-baselining an unchanged corpus changes nothing"
    code, new, err = _check(capsys, folder, base)
    assert (code, new) == (0, [])
    assert f"{len(json.loads(first)['findings'])} findings baselined, 0 baseline entries stale" in err
    with edit.open("a", encoding="utf-8") as fh:
        fh.write(addition)
    code, new, err = _check(capsys, folder, base)
    assert code == 1 and len(new) == 1, [f["message"] for f in new]
    flagged = [s["value"] for s in new[0]["values"] if edit.stem in s["sources"]]
    assert new[0]["rule"] == "name-spelling" and any(word in v.split() for v in flagged)
    assert "0 baseline entries stale" in err


def test_round_trip_synthetic(corpus: Path, capsys: pytest.CaptureFixture) -> None:
    _round_trip(capsys, corpus, corpus / "b.txt", "Crowds lined the streets of Dunmare for the finish.\n",
                "Dunmare")


def test_round_trip_seeds(shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(shared / "seeds", seeds)
    edit = seeds / "001_7eb81ee3093e592d.txt"
    _round_trip(capsys, seeds, edit, "\nJakob Ingebrigtzen was not available for comment after the race.\n",
                "Ingebrigtzen")


def test_editing_a_cited_sentence_keeps_other_findings_baselined(corpus: Path,
                                                                 capsys: pytest.CaptureFixture) -> None:
    (corpus / "d.txt").write_text("date 2025-03-09\n\nHalvard Okonkwo was cheered through Dunmere.\n"
                                  "Rivals praised Okonkow afterwards.\n", encoding="utf-8")
    base = corpus.parent / "b.json"
    _baseline(capsys, corpus, base)
    a = corpus / "a.txt"
    a.write_text(a.read_text("utf-8").replace("in Dunmere on", "in Dunmare on"), encoding="utf-8")
    _, new, _ = _check(capsys, corpus, base)
    assert [f["values"][0]["value"] for f in new] == ["Dunmare"]
