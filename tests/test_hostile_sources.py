"""Bad reports through the CLI: exit code, located message, and the other reports' findings unchanged."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import REPORTS
from hostile import GOOD, check, run_cli, summary


def test_the_good_project_alone(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, found, err = check(capsys)
    assert (code, summary(found), err) == (1, GOOD, "")


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "sources/empty.txt: error: empty report; skipped"),
    ("blank.md", b"  \n\r\n\t\n", "sources/blank.md: error: empty report; skipped"),
    ("bom-only.txt", b"\xef\xbb\xbf", "sources/bom-only.txt: error: empty report; skipped"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20,
     "sources/photo.txt: error: binary file, not a text report; skipped"),
    ("wide.txt", "Lena Vosberg won the Harbour Classic.\n".encode("utf-16-le"),
     "sources/wide.txt: error: binary file, not a text report (UTF-16 without a byte-order mark?); skipped"),
    ("nul.txt", b"date 2031-04-02\nLena Vo\x00sberg won.\n",
     "sources/nul.txt:2:8: error: NUL character in the text (a damaged or binary file); skipped"),
    ("latin.txt", "date 2031-04-02\nLena Vosberg won in Malm\xf6.\n".encode("latin-1"),
     "sources/latin.txt:2:25: error: not valid UTF-8 (byte 0xf6); if it is Latin-1 or Windows-1252, save it as "
     "UTF-8 (iconv -f windows-1252 -t utf-8); skipped"),
    ("badbom.txt", b"\xff\xfeL\x00e\x00n", "sources/badbom.txt: error: not valid UTF-16 although it starts with "
     "that byte-order mark; skipped"),
    ("front.md", b"---\ndate: 2031-04-02\ntitle: [unclosed\n---\nLena Vosberg won.\n",
     "sources/front.md:4:1: error: invalid front matter: expected ',' or ']', but got '<stream end>'"),
    ("list.md", b"---\n- a\n- b\n---\nLena Vosberg won.\n",
     "sources/list.md:2: error: front matter must be a mapping (key: value lines)"),
    ("date.md", b"---\ntitle: x\ndate: 2031-13-45\n---\nLena Vosberg won.\n",
     "sources/date.md:3:7: error: invalid front matter: '2031-13-45' is not a valid date (month must be in 1..12)"),
    ("date2.md", b"---\ntitle: x\ndate: '2031-02-30'\n---\nLena Vosberg won.\n",
     "sources/date2.md:3:7: error: date '2031-02-30' is not a YYYY-MM-DD date"),
    ("tag.md", b"---\ndate: !!python/object/apply:os.system [touch pwned]\n---\nLena Vosberg won.\n",
     "sources/tag.md:2:7: error: invalid front matter: tag 'tag:yaml.org,2002:python/object/apply:os.system' is "
     "not allowed (crossfact never constructs objects from YAML)"),
])
def test_a_bad_report_is_named_and_skipped(project: Path, capsys: pytest.CaptureFixture[str], name: str,
                                           data: bytes, message: str) -> None:
    (project / "sources" / name).write_bytes(data)
    code, found, err = check(capsys)
    assert code == 2
    assert err.splitlines() == [f"crossfact: {message}"]
    assert summary(found) == GOOD
    assert not (project / "pwned").exists()


def test_billion_laughs_in_front_matter(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lol = "".join(f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    (project / "sources" / "lol.md").write_text(f"---\na: &a [x, x, x, x, x, x, x, x, x]\n{lol}---\nText.\n")
    code, found, err = check(capsys)
    assert code == 2 and summary(found) == GOOD
    assert "sources/lol.md:8:4: error: invalid front matter: aliases expand to more than 1,000,000 nodes" in err


def test_utf16_with_bom_is_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for codec in ("utf-16", "utf-16-be", "utf-32", "utf-8-sig"):
        bom = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")
        (project / "sources" / "c.txt").write_bytes(bom + REPORTS["c.txt"].encode(codec))
        code, found, err = check(capsys)
        assert (code, summary(found), err) == (1, GOOD, ""), codec
        assert found[0]["values"][1]["evidence"][0]["column"] == 6  # the BOM takes no column


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_keep_line_and_column(project: Path, capsys: pytest.CaptureFixture[str], newline: str) -> None:
    text = "---\ndate: 2031-04-03\n---\n\nIntro line.\nLena Vosbreg won the Harbour Classic in 3:51.20. Vosbreg said.\n"
    (project / "sources" / "c.txt").write_bytes(text.replace("\n", newline).encode())
    code, found, _ = check(capsys)
    assert code == 1 and summary(found) == GOOD
    ev = [e for v in found[0]["values"] for e in v["evidence"] if e["source"] == "c"]
    assert [(e["line"], e["column"], e["end_line"], e["end_column"]) for e in ev][0] == (6, 6, 6, 13)


def test_report_over_the_size_limit(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open(project / "sources" / "huge.txt", "wb") as fh:
        fh.truncate(50_000_000)  # 50 MB, sparse: the limit is checked before reading
    code, found, err = check(capsys)
    assert code == 2 and summary(found) == GOOD
    assert err == ("crossfact: sources/huge.txt: error: report is 50000000 bytes, over the limit of 10000000 "
                   "(max-report-size in crossfact.yaml); skipped\n")
    (project / "crossfact.yaml").write_text("sources: [sources]\nmax-report-size: 60 MB\n")
    (project / "sources" / "huge.txt").unlink()
    assert check(capsys)[:2] == (1, check(capsys)[1])


def test_a_one_megabyte_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sentence = "Lena Vosberg won the Harbour Classic in 3:51.20, beating Ida Rolf. "
    (project / "sources" / "long.txt").write_text(sentence * (1_000_000 // len(sentence)), encoding="utf-8")
    start = time.monotonic()
    code, found, err = check(capsys)
    assert time.monotonic() - start < 60
    assert (code, summary(found), err) == (1, GOOD, "")


@pytest.mark.parametrize("piece", [".", "1", "1 ", "St. ", "3min "])
def test_a_long_pathological_line_finishes(tmp_path: Path, piece: str) -> None:
    report = tmp_path / "r.txt"
    report.write_text(piece * (100_000 // len(piece)), encoding="utf-8")
    run_cli(["check", str(report)], tmp_path, timeout=6)  # linear work on 100 kB takes well under a second


def test_symlink_loop_and_link_out_of_the_folder(project: Path, capsys: pytest.CaptureFixture[str],
                                                 tmp_path_factory: pytest.TempPathFactory) -> None:
    src = project / "sources"
    os.symlink("loop2.txt", src / "loop1.txt")
    os.symlink("loop1.txt", src / "loop2.txt")
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    outside.write_text("Lena Vosberg won.\n")
    os.symlink(outside, src / "leak.txt")
    os.symlink(src / "missing.txt", src / "dangling.txt")
    code, found, err = check(capsys)
    assert code == 2 and summary(found) == GOOD
    lines = sorted(err.splitlines())
    assert lines[:3] == ["crossfact: sources/dangling.txt: error: broken symlink; skipped",
                         f"crossfact: sources/leak.txt: error: symlink to {outside.resolve()}, outside "
                         f"{src.resolve()}; skipped",
                         "crossfact: sources/loop1.txt: error: symlink loop; skipped"]
    code, found, err = check(capsys, "sources", "sources/loop1.txt")
    assert code == 2 and summary(found) == GOOD and "sources/loop1.txt: error: symlink loop; skipped" in err


def test_config_source_outside_the_project_root(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = project.parent / f"{project.name}-outside.txt"
    outside.write_text(REPORTS["a.txt"])
    (project / "crossfact.yaml").write_text(f"sources: [sources, ../{outside.name}]\n")
    code, found, err = check(capsys)
    assert code == 2 and summary(found) == GOOD
    assert "crossfact.yaml:1:20: error:" in err and "outside" in err  # the second item starts at column 20


def test_unreadable_folder_is_named(project: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder that cannot be listed is an error naming it; the readable reports are still checked.
    (The test runs as root in CI, where chmod cannot deny a read, so the listing is made to fail.)"""
    (project / "sources" / "locked").mkdir()
    (project / "sources" / "locked" / "d.txt").write_text(REPORTS["a.txt"])
    real = os.scandir

    def scandir(path: str) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, found, err = check(capsys)
    assert code == 2 and summary(found) == GOOD
    assert "sources/locked: error: cannot read folder: Permission denied; its reports are not checked" in err


@pytest.mark.parametrize("spelling", [".", "./", "sub/..", "./sub/../"])
def test_a_folder_however_written_gives_the_same_report_paths(spelling: str, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """discover() writes paths as pathlib does ("./a.md" is "a.md"), without building a Path per file."""
    from crossfact.sources import discover

    (tmp_path / "sub").mkdir()
    (tmp_path / "b.md").write_text("Lena Vos won.\n", encoding="utf-8")
    (tmp_path / "sub" / "a.md").write_text("Lena Vos won.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert discover([spelling]) == [str(Path(spelling) / "sub" / "a.md"), str(Path(spelling) / "b.md")]
