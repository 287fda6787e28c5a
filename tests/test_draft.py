"""Pre-publish check: a draft against sources and verified facts; facts add; HTML inputs."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml

from crossfact import claimstore, cli, sources

DRAFT = ("date 2025-03-08\n\nHalvard Okonkwo won the Lakeside Marathon in Dunmere on Saturday, clocking 2:09:41.\n"
         "Okonkwo said the course record of 2:07:55 would fall one day.\n")


def check(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, dict]:
    code = cli.main(["check", *argv, "--format", "json", "--fail-on", "info", "--claims", "/nonexistent"])
    return code, json.loads(capsys.readouterr().out)


def test_draft_conflict_counts_sources_and_new_claims_are_unsupported(corpus: Path, tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture) -> None:
    draft = tmp_path / "story.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    code, report = check(capsys, "--draft", str(draft), "--against", str(corpus))
    assert code == 1
    conflicts = [f for f in report["findings"] if f["kind"] == "conflict"]
    assert conflicts and "2 sources say '2:09:14', the draft says '2:09:41'" in conflicts[0]["message"]
    assert conflicts[0]["sources"] == ["story"]
    assert all(any("story" in s["sources"] for s in f["values"]) for f in report["findings"])
    # the corpus's own misspelling (c.txt, "Okonkow") is no business of the draft's
    assert not [f for f in report["findings"] if f["kind"] == "spelling"]
    new = [f for f in report["findings"] if f["kind"] == "unsupported"]
    assert [f["values"][0]["value"] for f in new] == ["2:07:55"]
    assert len(new[0]["values"]) == 1 and new[0]["severity"] == "info"


def test_draft_from_stdin(corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(DRAFT))
    _, report = check(capsys, "--draft", "-", "--against", str(corpus))
    assert any(f["sources"] == ["draft"] and f["kind"] == "conflict" for f in report["findings"])


def test_fact_outranks_every_source(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    cli.main(["extract", str(corpus), "--out", str(tmp_path / "claims")])
    capsys.readouterr()
    a = claimstore.read(tmp_path / "claims" / "a.yaml")
    time_claim = next(c for c in a if c.predicate == "result.time")
    facts = tmp_path / "facts.yaml"
    assert cli.main(["facts", "add", "a", time_claim.id, "--claims", str(tmp_path / "claims"),
                     "--facts", str(facts)]) == 0
    data = yaml.safe_load(facts.read_text("utf-8"))
    entry = data["claims"][0]
    assert entry["status"] == "confirmed" and entry["provenance"]["source"] == "a"
    assert cli.main(["facts", "add", "a", time_claim.id, "--claims", str(tmp_path / "claims"),
                     "--facts", str(facts)]) == 2  # already a fact
    # the desk corrects the fact: now both sources that say 2:09:14 are flagged against it
    data["claims"][0]["value"] = {"type": "duration", "text": "2:09:41", "seconds": 7781.0}
    data["names"] = {"Halvard Okonkwo": ["Okonkow"]}
    facts.write_text(yaml.safe_dump(data), encoding="utf-8")
    capsys.readouterr()
    _, report = check(capsys, str(corpus), "--facts", str(facts))
    conflict = next(f for f in report["findings"] if f["kind"] == "conflict")
    assert conflict["sources"] == ["a", "b"] and conflict["suggestion"] == "2:09:41"
    assert any(s["sources"] == ["facts"] for s in conflict["values"])


def test_html_source_text_and_positions(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>T</title><script>var s = 'Okonkow 9:99';</script></head>\n"
                    "<body><nav>Home | Okonkow</nav><article><p>Halvard Okonkwo&nbsp;won in <b>2:09:14</b>.\n"
                    "&ldquo;Ru&iacute;z was close,&rdquo; he said.</p></article><footer>(c) x</footer></body>",
                    encoding="utf-8")
    src = sources.load_file(page)
    assert "Okonkow " not in src.text and "var s" not in src.text and "Home" not in src.text
    lines = page.read_text("utf-8").splitlines()
    for word in ("Okonkwo", "2:09:14", "was close"):
        at = src.text.index(word)
        line, col = src.position(at)
        assert lines[line - 1][col - 1:col - 1 + len(word)] == word
    line, col = src.position(src.text.index("Ruíz"))
    assert lines[line - 1][col - 1:].startswith("Ru&iacute;z")
    assert "Ruíz was close" in src.text


def test_seed_004_as_draft(shared: Path, capsys: pytest.CaptureFixture) -> None:
    seeds = shared / "seeds"
    draft = next(seeds.glob("004_*.txt"))
    _, report = check(capsys, "--draft", str(draft), "--against", str(seeds))
    findings = report["findings"]
    text = json.dumps(findings)
    assert "couple of days" in text
    assert any(f["kind"] == "conflict" and "Prefontaine" in json.dumps(f["values"]) and "Oregon Relays" in
               json.dumps(f["values"]) for f in findings)
    assert any(f["kind"] == "spelling" and "Ingebrigsten" in f["values"][0]["value"].split() for f in findings)
    unsupported = {f["values"][0]["value"] for f in findings if f["kind"] == "unsupported"}
    # shared with the other reports: the race date, Kerr's Oregon Relays 800m, his two-mile, a quote 002 cites
    for shared_value in ("May 25", "1:45.9", "8:00.67"):
        assert shared_value not in unsupported
    assert not any(v.startswith("I would have beaten him") for v in unsupported)
