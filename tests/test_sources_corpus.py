"""The sample reports in sources/ against their answer key, sources/EXPECTED.yaml.

Runs the checker through the library (no subprocess) and scores it with the same
matching rules as ../shared/tools/score.py (see tests/scoring.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from crossfact import pipeline, sources
from crossfact.errors import CrossfactError
from crossfact.report.jsonreport import as_dict
from crossfact.rules import load_rules

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import finding_texts, score  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "sources"
KEY = CORPUS / "EXPECTED.yaml"
MAX_OTHER = 2


@pytest.fixture(scope="module")
def result() -> dict:
    loaded = list(sources.load([str(CORPUS)]))
    errors = [x for x in loaded if isinstance(x, CrossfactError)]
    assert not errors, [str(e) for e in errors]
    assert len(loaded) == 5
    return as_dict(pipeline.check(loaded, load_rules([])))


@pytest.fixture(scope="module")
def key() -> dict:
    return yaml.safe_load(KEY.read_text("utf-8"))


def test_answer_key_is_well_formed(key: dict) -> None:
    ids = [e["id"] for e in key["expected"]]
    assert len(ids) == len(set(ids))
    for entry in key["expected"]:
        assert entry["values"] and entry["sources"], entry["id"]
    for pair in key["must_not_flag"]:
        assert len(pair["values"]) == 2


def test_every_rule_kind_is_exercised(key: dict) -> None:
    kinds = {e["kind"] for e in key["expected"]}
    assert {"spelling", "conflict", "temporal", "quote", "arithmetic"} <= kinds


def test_sources_corpus_scores(result: dict, key: dict) -> None:
    s = score(result, key)
    print(f"\nsources/: {len(result['sources'])} reports, {result['claims']} claims, {s.findings} findings")
    print(s.summary())
    for miss in s.missed:
        print("  MISS", miss)
    for f in s.other:
        print("  OTHER", f.get("rule"), "|", finding_texts(f)[0][:120])
    for rule, pair in s.violations:
        print("  MNF", rule, pair)
    assert not s.missed, f"expected findings not reported: {s.missed}"
    assert not s.violations, f"must-not-flag pairs reported: {s.violations}"
    assert len(s.other) <= MAX_OTHER, f"{len(s.other)} findings outside the key"
