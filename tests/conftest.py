from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis profiles (HYPOTHESIS_PROFILE=ci|long; ci is the default). ci is derandomized so a
# CI run is reproducible and never fails on an example a previous run did not meet; its 700
# examples per test make over 2,000 whole-pipeline examples across tests/test_fuzz.py.
# long explores fresh random examples locally. Tests with their own max_examples keep it.
settings.register_profile("ci", max_examples=700, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=20_000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


# A tiny invented event, written for these tests: three reports of one marathon, one of
# which misspells the winner's surname ("Okonkow"), so name-spelling has one finding.
SYNTHETIC = {
    "a.txt": "date 2025-03-08\n\nHalvard Okonkwo won the Lakeside Marathon in Dunmere on Saturday, clocking "
             "2:09:14.\nOkonkwo said the wind off the reservoir made the last ten kilometres hard.\n",
    "b.txt": "date 2025-03-08\n\nHalvard Okonkwo took the Lakeside Marathon title in Dunmere, finishing in "
             "2:09:14.\n\"It was a long day,\" Okonkwo said after the race.\n",
    "c.txt": "date 2025-03-09\n\nHalvard Okonkow won in Dunmere yesterday, his first Lakeside Marathon "
             "victory.\nOrganisers said Okonkow would return next spring.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The synthetic reports in tmp_path/reports: runs with or without ../shared."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in SYNTHETIC.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# Three short invented reports with one planted problem: c misspells Vosberg.
REPORTS = {
    "a.txt": "date 2031-04-02\nLena Vosberg won the Harbour Classic in 3:51.20, beating Ida Rolf.\n",
    "b.txt": "date 2031-04-02\nLena Vosberg won the Harbour Classic in 3:51.20. Ida Rolf was second.\n",
    "c.txt": "date 2031-04-03\nLena Vosbreg won the Harbour Classic in 3:51.20. Vosbreg said little.\n",
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root (it has .git) with the reports in sources/; the working directory is inside it."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "sources").mkdir()
    for name, text in REPORTS.items():
        (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path
