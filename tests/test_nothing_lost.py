"""Nothing lost: reviews survive re-extraction, concurrent runs and Ctrl-C leave every claims file whole."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml
from hostile import ROOT

from crossfact import claimstore
from crossfact.cli import main

REPORT = "date 2031-04-02\nLena Vosberg won the Harbour Classic in 3:51.20, beating Ida Rolf, who clocked 3:52.10.\n"


def review(path: Path, status: str, predicate: str = "result.time") -> dict:
    """Set the first `predicate` claim of a claims file to `status`, as a reviewer would by hand."""
    data = yaml.safe_load(path.read_text("utf-8"))
    claim = next(c for c in data["claims"] if c["predicate"] == predicate)
    claim["status"] = status
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return claim


def test_reviews_survive_when_the_text_around_them_changes(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    assert main(["extract", "r.txt", "--out", "claims"]) == 0
    target = tmp_path / "claims" / "r.yaml"
    confirmed = review(target, "confirmed")
    data = yaml.safe_load(target.read_text("utf-8"))
    data["claims"].append({"subject": "Ida Rolf", "predicate": "result.place", "value": "second", "status": "manual"})
    target.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    # new text before the claim moves every span: ids change, content still matches
    (tmp_path / "r.txt").write_text(REPORT.replace("\nLena", "\nIn the rain on Saturday, Lena"), encoding="utf-8")
    assert main(["extract", "r.txt", "--out", "claims"]) == 0
    after = {(c.subject, c.predicate, c.text): c for c in claimstore.read(target)}
    moved = after[(confirmed["subject"], "result.time", confirmed["value"]["text"])]
    assert moved.status == "confirmed" and moved.id != confirmed["id"] and "orphaned" not in moved.qualifiers
    assert moved.evidence.column > confirmed["evidence"]["column"]  # the fresh span, the reviewer's verdict
    assert after[("Ida Rolf", "result.place", "second")].status == "manual"
    # the sentence is gone: the review is kept, marked orphaned, never dropped
    (tmp_path / "r.txt").write_text("date 2031-04-02\nThe meeting was rained off.\n", encoding="utf-8")
    assert main(["extract", "r.txt", "--out", "claims"]) == 0
    kept = [c for c in claimstore.read(target) if c.status != "extracted"]
    assert sorted((c.status, bool(c.qualifiers.get("orphaned"))) for c in kept) == [("confirmed", True),
                                                                                   ("manual", False)]


def _extract(folder: str, out: str) -> int:
    os.chdir(folder)
    codes = {main(["extract", "sources", "--out", out]) for _ in range(3)}
    return max(codes)


def _corpus(root: Path, n: int) -> None:
    (root / "sources").mkdir()
    for i in range(n):
        (root / "sources" / f"r{i:03d}.txt").write_text(REPORT.replace("Ida Rolf", f"Ida Rolf{'e' * (i % 7)}"),
                                                       encoding="utf-8")


def test_concurrent_extracts_leave_every_file_whole(tmp_path: Path) -> None:
    _corpus(tmp_path, 30)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(4) as pool:
        codes = pool.starmap(_extract, [(str(tmp_path), "claims")] * 4)
    assert codes == [0, 0, 0, 0]
    files = sorted((tmp_path / "claims").iterdir())
    assert [f.name for f in files] == [f"r{i:03d}.yaml" for i in range(30)]  # no temp files left behind
    assert all(claimstore.read(f) for f in files)


def test_ctrl_c_while_writing_claims_leaves_every_file_whole(tmp_path: Path) -> None:
    _corpus(tmp_path, 300)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "crossfact.cli", "extract", "sources", "--out", "claims"]
    subprocess.run(cmd, cwd=tmp_path, env=env, check=True, capture_output=True)
    reviewed = {f: review(f, "rejected") for f in sorted((tmp_path / "claims").glob("*.yaml"))[::10]}
    for f in (tmp_path / "sources").iterdir():  # a change, so every file is rewritten on the next run
        f.write_text(f.read_text("utf-8") + "Rolf said the wind was hard.\n", encoding="utf-8")
    before = {f: f.stat().st_mtime_ns for f in (tmp_path / "claims").iterdir()}
    proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and all(f.stat().st_mtime_ns == t for f, t in before.items()):
        time.sleep(0.005)  # wait until the writing has begun
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (130, 0), err  # 0 only if it finished before the signal landed
    files = sorted((tmp_path / "claims").iterdir())
    assert [f.name for f in files] == [f"r{i:03d}.yaml" for i in range(300)]
    rewritten = sum(f.stat().st_mtime_ns != before[f] for f in files)
    assert 0 < rewritten, "the signal landed before any file was written"
    for f in files:
        claims = claimstore.read(f)  # parses, whole
        assert claims
    for f, claim in reviewed.items():
        assert any(c.status == "rejected" and c.subject == claim["subject"] and c.text == claim["value"]["text"]
                   for c in claimstore.read(f)), f
