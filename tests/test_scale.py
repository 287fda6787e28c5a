"""Stories, worker processes, the cache and Dask: each changes how the check runs, never what it finds."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from conftest import ROOT, SYNTHETIC

from crossfact import cli, pipeline, sources
from crossfact.cache import Cache
from crossfact.report.jsonreport import render
from crossfact.rules import load_rules

RULES = load_rules([])


def archive(tmp_path: Path) -> Path:
    """Three stories: sources/, the synthetic marathon, and a second marathon whose time differs."""
    root = tmp_path / "archive"
    shutil.copytree(ROOT / "sources", root / "mile")
    for folder, time in (("marathon", "2:09:14"), ("other-marathon", "2:09:15")):
        (root / folder).mkdir(parents=True)
        for name, text in SYNTHETIC.items():
            (root / folder / f"{folder}-{name}").write_text(text.replace("2:09:14", time), encoding="utf-8")
    return root


def report(root: Path, **how: object) -> str:
    loaded = [s for s in sources.load([str(root)]) if not isinstance(s, Exception)]
    return render(pipeline.check(loaded, RULES, **how))


def test_single_folder_is_one_story() -> None:
    assert report(ROOT / "sources", group_by="story") == report(ROOT / "sources", group_by="none")


def test_stories_are_checked_apart(tmp_path: Path) -> None:
    root = archive(tmp_path)
    apart, together = report(root, group_by="story"), report(root, group_by="none")
    assert '"value": "2:09:15"' not in apart  # the two marathons are different events
    assert '"value": "2:09:15"' in together
    assert apart.count('"rule"') == sum(report(root / f).count('"rule"') for f in ("mile", "marathon",
                                                                                   "other-marathon"))


@pytest.mark.parametrize("group_by", ["story", "none"])
def test_jobs_give_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group_by: str) -> None:
    root = archive(tmp_path)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN", 0)
    one = report(root, group_by=group_by, jobs=1)
    assert report(root, group_by=group_by, jobs=2) == one
    assert report(root, group_by=group_by, jobs=3) == one


def test_cli_jobs_and_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = archive(tmp_path)
    monkeypatch.chdir(tmp_path)
    outs = []
    for extra in (["--jobs", "1", "--no-cache"], ["--jobs", "2"], ["--jobs", "2"], ["--cache", "c2"]):
        out = tmp_path / f"out{len(outs)}.json"
        assert cli.main(["check", str(root), "--format", "json", "--output", str(out), "--fail-on", "never",
                         *extra]) == 0
        outs.append(out.read_bytes())
    assert len(set(outs)) == 1
    assert (tmp_path / ".crossfact-cache" / "cache.sqlite3").exists() and (tmp_path / "c2").is_dir()


def test_warm_cache_same_report_and_wal(tmp_path: Path) -> None:
    root = archive(tmp_path)
    cold = report(root, group_by="story", cache=Cache(tmp_path / "c"))
    cache = Cache(tmp_path / "c")
    assert report(root, group_by="story", cache=cache) == cold
    assert cache.hits == 3 and cache.misses == 0
    mode = sqlite3.connect(tmp_path / "c" / "cache.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_two_runs_share_a_cache(tmp_path: Path) -> None:
    root = archive(tmp_path)
    expected = report(root, group_by="story")
    got: list[str] = []
    runs = [threading.Thread(target=lambda: got.append(report(root, group_by="story",
                                                              cache=Cache(tmp_path / "c")))) for _ in range(3)]
    for t in runs:
        t.start()
    for t in runs:
        t.join()
    assert got == [expected] * 3


def test_dask_engine_matches_local(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("dask.bag")
    pytest.importorskip("distributed")
    from crossfact import daskengine

    monkeypatch.setattr(daskengine, "LOCAL_PROCESSES", False)  # a LocalCluster of threads
    root = archive(tmp_path)
    assert report(root, group_by="story", engine="dask") == report(root, group_by="story")
