"""An unchanged run is replayed (same bytes, notes, exit code); any change to what decides it is not."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from crossfact import runmemo
from crossfact.cache import Cache
from crossfact.cli import main


def _runs(project: Path) -> int:
    db = sqlite3.connect(project / ".crossfact-cache" / "cache.sqlite3")
    return db.execute("SELECT count(*) FROM runs").fetchone()[0]


def _check(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    code = main(["check", "sources", "--jobs", "1", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_unchanged_run_is_replayed_byte_for_byte(project: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    report = project / "sources" / "c.txt"
    report.write_text(report.read_text().rstrip("\n") + "  <!-- crossfact: ignore name-spelling -->\n")
    first = _check(capsys, "--format", "json", "--format", "sarif", "--output", "out.json")
    assert first[0] == 0 and "1 findings suppressed inline" in first[2]
    written = (project / "out.json").read_bytes()
    (project / "out.json").unlink()

    def no_pipeline(*_: object, **__: object) -> None:
        raise AssertionError("a replay must not run the check")

    monkeypatch.setattr("crossfact.pipeline.check", no_pipeline)
    assert _check(capsys, "--format", "json", "--format", "sarif", "--output", "out.json") == first
    assert (project / "out.json").read_bytes() == written
    again = _check(capsys, "--format", "json", "--format", "sarif", "--output", "elsewhere.json")
    assert again == first and (project / "elsewhere.json").read_bytes() == written  # where it goes: not a change
    assert _runs(project) == 1


@pytest.mark.parametrize("change", ["same-size edit, mtime put back", "rule file", "hidden rule file", "registry",
                                    "option"])
def test_what_decides_a_run_is_in_its_key(project: Path, capsys: pytest.CaptureFixture[str], change: str) -> None:
    (project / "rules").mkdir()
    (project / "names.yaml").write_text("- Lena Vosberg\n")
    before = _check(capsys, "--registry", "names.yaml")
    report = project / "sources" / "c.txt"
    extra = ["--registry", "names.yaml"]
    if change.startswith("same-size"):
        st = report.stat()
        report.write_text(report.read_text().replace("Vosbreg", "Vosberg"))  # the misspelling fixed
        os.utime(report, ns=(st.st_atime_ns, st.st_mtime_ns))
        assert report.stat().st_size == st.st_size and report.stat().st_mtime_ns == st.st_mtime_ns
    elif change in ("rule file", "hidden rule file"):  # the rule loader's glob reads dotfiles too
        (project / "rules" / (".extra.yaml" if change.startswith("hidden") else "extra.yaml")).write_text(
            "- id: winner-time\n  kind: agree\n  select: {predicate: result.time}\n  severity: info\n")
    elif change == "registry":
        (project / "names.yaml").write_text("- Lena Vosbreg\n")
    else:
        extra += ["--fail-on", "error"]
    after = _check(capsys, *extra)
    assert _runs(project) == 2  # run afresh and recorded under a new key
    assert after != before or "rule file" in change  # an extra info rule that finds nothing new


def test_racy_files_are_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file whose mtime is not older than the clock read before hashing it is never trusted."""
    cache = Cache(tmp_path / "cache")
    assert cache.db is not None
    report = tmp_path / "r.txt"
    report.write_text("one")
    monkeypatch.setattr(runmemo, "_stat", lambda path: "0:0:3:1:1" if path else "")  # edits keep the stat
    old = runmemo.file_hashes(cache.db, cache.clock_file, [str(report)])
    report.write_text("two")
    trusted = runmemo.file_hashes(cache.db, cache.clock_file, [str(report)])
    assert trusted == old  # mtime 1 ns is older than the clock: the recorded hash is trusted
    monkeypatch.setattr(runmemo, "_stat", lambda path: f"0:0:3:{10**30}:1")  # a file stamped after the clock
    first = runmemo.file_hashes(cache.db, cache.clock_file, [str(report)])
    report.write_text("six")
    assert runmemo.file_hashes(cache.db, cache.clock_file, [str(report)]) != first


def test_no_replay_for_errors_drafts_or_no_cache(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "sources" / "bad.txt").write_bytes(b"Lena Vosberg won in Z\xfcrich.\n")
    assert _check(capsys)[0] == 2
    assert _check(capsys)[0] == 2
    (project / "sources" / "bad.txt").unlink()
    draft = project / "draft.txt"
    draft.write_text("date 2031-04-02\nLena Vosberg won the Harbour Classic in 3:51.30.\n")
    main(["check", "--draft", str(draft), "--against", "sources", "--jobs", "1"])
    main(["check", "sources", "--no-cache", "--jobs", "1"])
    capsys.readouterr()
    assert _runs(project) == 0


def test_a_library_upgrade_changes_every_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """jellyfish or regex decide findings too: a reinstalled library (new file) is a new fingerprint."""
    import importlib.util

    from crossfact import cache

    cache.code_fingerprint.cache_clear()
    before = cache.code_fingerprint()
    real = importlib.util.find_spec
    fake = tmp_path / "jellyfish.py"
    fake.write_text("# another version\n")

    def find_spec(name: str, *a: object) -> object:
        spec = real(name, *a)
        if name == "jellyfish":
            spec = importlib.util.spec_from_file_location("jellyfish", fake)
        return spec

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    cache.code_fingerprint.cache_clear()
    try:
        assert cache.code_fingerprint() != before
    finally:
        monkeypatch.undo()
        cache.code_fingerprint.cache_clear()
    assert cache.code_fingerprint() == before


def test_the_working_folder_and_extra_outputs(project: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths in a report are relative to where it runs, so that is in the key; an --output
    without a --format of its own is left alone, as before."""
    args = ["check", str(project / "sources"), "--format", "github", "--cache", str(project / "c"), "--jobs", "1"]
    assert main(args) == 1
    capsys.readouterr()
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    assert main(args) == 1
    replayed = capsys.readouterr().out
    assert main([*args, "--no-cache"]) == 1
    assert replayed == capsys.readouterr().out
    code = main(["check", str(project / "sources"), "--format", "json", "--output", "a.json", "--output", "b.json",
                 "--jobs", "1"])
    assert code == 1 and (project / "sub" / "a.json").exists() and not (project / "sub" / "b.json").exists()


@pytest.mark.parametrize("size", [0, 5, runmemo.KEEP_BYTES, runmemo.KEEP_BYTES + 1, 3 * runmemo.KEEP_BYTES + 7])
def test_files_are_hashed_whole_and_kept_only_when_small(tmp_path: Path, size: int) -> None:
    import hashlib

    cache = Cache(tmp_path / "cache")
    assert cache.db is not None
    report = tmp_path / "r.txt"
    body = bytes(i % 251 for i in range(size))
    report.write_bytes(body)
    read: dict[str, bytes] = {}
    assert runmemo.file_hashes(cache.db, cache.clock_file, [str(report)], read) == [
        (str(report), hashlib.sha256(body).hexdigest())]
    assert read == ({str(report): body} if size <= runmemo.KEEP_BYTES else {})


def test_a_filesystem_that_reads_in_small_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """FUSE and network filesystems may return less than asked before the end: the whole file is read."""
    import hashlib

    cache = Cache(tmp_path / "cache")
    assert cache.db is not None
    report = tmp_path / "r.txt"
    body = bytes(i % 251 for i in range(13_512))
    report.write_bytes(body)
    real = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: real(fd, min(n, 4096)))
    read: dict[str, bytes] = {}
    assert runmemo.file_hashes(cache.db, cache.clock_file, [str(report)], read) == [
        (str(report), hashlib.sha256(body).hexdigest())]
    assert read == {str(report): body}
