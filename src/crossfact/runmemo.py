"""The warm path: when nothing that decides a check has changed, replay the last run's output.

A check's output is a pure function of its inputs: the reports, the reviewed claims,
the rule, pack, registry and baseline files, the config, the options, and crossfact
itself. `run_key` hashes all of them, and `replay` gives back the outputs, notes and
exit code of the run that had that key: no report is parsed, no claim extracted.

Files are identified by a hash of their bytes. A file is read to hash it unless its
stat (device, inode, size, mtime, ctime) is the one recorded with its hash and both its
mtime and ctime are older, by two seconds, than the clock read before that hash was
taken: as git's index does, a file edited in the same clock tick as it was hashed
("racy") is always read again, so an edit can never be mistaken for the recorded
content, even on a filesystem with whole-second timestamps. The clock is the mtime of a
file crossfact touches in the cache folder, so it is a filesystem's own clock.

Runs that read a draft or facts, look at git (--changed-since) or met an input error
are never replayed: they are cheap, or their inputs are not files. Only the last
KEEP runs are kept, so the cache does not grow with every edit.
"""

from __future__ import annotations

import base64
import hashlib
import os
import sqlite3
import time
from argparse import Namespace
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cache import digest, write
from .codec import pack, unpack

KEEP = 8
# A file is trusted only if both its mtime and ctime are older than the clock by this much: the
# reports may sit on a filesystem whose timestamps are coarser than the cache folder's (whole
# seconds; FAT keeps two), where an edit in the same second as the hash would keep its stat.
SLACK_NS = 2_000_000_000
KEEP_BYTES = 1 << 20  # files up to this size are hashed from one read and kept for the check
HOW = {"cfg", "jobs", "cache", "no_cache", "engine", "scheduler", "timings", "output"}  # never what it reports


def replayable(args: Namespace) -> bool:
    return not (getattr(args, "draft", None) or getattr(args, "facts", None) or getattr(args, "changed_since", None))


def _stat(path: str) -> str:
    st = os.stat(path)
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def file_hashes(db: sqlite3.Connection, clock_file: Path, paths: list[str],
                read: dict[str, bytes] | None = None) -> list[tuple[str, str]]:
    """(path, sha256 of its bytes) for each path, reading only files whose stat is not trusted;
    the bytes read go into `read` (path -> bytes), so the check need not read them again."""
    clock_file.touch()
    clock = clock_file.stat().st_mtime_ns
    full = [os.path.abspath(p) for p in paths]
    known: dict[str, tuple[str, str, int]] = {}
    for i in range(0, len(full), 500):
        chunk = full[i:i + 500]
        sql = f"SELECT path, stat, sha, clock FROM files WHERE path IN ({','.join('?' * len(chunk))})"
        known.update((p, (st, sha, c)) for p, st, sha, c in db.execute(sql, chunk))
    out, fresh = [], []
    for path, key in zip(paths, full, strict=True):
        sig = _stat(path)
        row = known.get(key)
        if row and row[0] == sig and max(map(int, sig.split(":")[3:])) + SLACK_NS < row[2]:
            sha = row[1]
        else:
            data, sha = _read_and_hash(path)
            if read is not None and data is not None:
                read[path] = data
            fresh.append((key, sig, sha, clock))
        out.append((path, sha))
    if fresh:  # unrecorded (a locked cache): the next run reads these files again
        write(db, [("INSERT OR REPLACE INTO files (path, stat, sha, clock) VALUES (?, ?, ?, ?)", fresh)])
    return out


def _read_and_hash(path: str) -> tuple[bytes | None, str]:
    """A file's bytes (None for a file over KEEP_BYTES: hashed, never held) and their sha256. One
    read of the size fstat gives, not a buffered read into a 1 MB buffer: half the time per file."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        want = min(size, KEEP_BYTES) + 1
        chunks: list[bytes] = []
        got = 0
        while got < want:  # some filesystems (FUSE, network) return less than asked before the end
            block = os.read(fd, want - got)
            if not block:
                break
            chunks.append(block)
            got += len(block)
            if got == size:  # all fstat promised: done in one read, the usual case
                break
        data = b"".join(chunks)
        h = hashlib.sha256(data)
        if got < want:
            return data, h.hexdigest()
        while block := os.read(fd, KEEP_BYTES):  # larger than KEEP_BYTES, or growing as it is read
            h.update(block)
        return None, h.hexdigest()
    finally:
        os.close(fd)


def option_files(args: Namespace, rule_paths: list[str], claims_dir: str) -> list[str]:
    """Every file an option names (rules, claims, registry, baseline, packs): a folder gives the
    files directly in it, as the loaders read them."""
    named = [*rule_paths, claims_dir, *(getattr(args, "pack", None) or [])]
    named += [v for v in (getattr(args, "registry", None), getattr(args, "baseline", None)) if v]
    out: list[str] = []
    for name in named:
        p = Path(name)
        if p.is_dir():
            out += sorted(str(f) for f in p.iterdir() if f.is_file())  # dotfiles too: the loaders' globs read them
        elif p.is_file():
            out.append(str(p))
    return out


def run_key(db: sqlite3.Connection, clock_file: Path, args: Namespace, reports: list[str], others: list[str],
            colour: bool, read: dict[str, bytes] | None = None) -> str | None:
    """The key of this run; None when an option is not plain data (it could not be keyed safely)."""
    options = sorted((k, v) for k, v in vars(args).items() if k not in HOW)
    if not all(_plain(v) for _, v in options):
        return None
    options.append(("output", len(getattr(args, "output", None) or [])))  # where it goes is not what it says
    options.append(("cwd", os.getcwd()))  # reported paths are relative to it
    options.append(("only", [os.path.realpath(p) for p in getattr(args, "only", None) or []]))  # links resolved
    cfg = getattr(args, "cfg", None)
    config = (cfg.path, cfg.text) if cfg is not None else None
    hashes = file_hashes(db, clock_file, reports + others, read)  # one clock read, one pass
    return digest("run", options, config, colour, hashes[:len(reports)], hashes[len(reports):])


def _plain(value: Any) -> bool:
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


@dataclass
class Memo:
    found: list[str]  # the reports, as sources.discover found them
    read: dict[str, bytes]  # the bytes of the reports read to hash them
    key: str
    stored: dict | None  # what the run with this key wrote, if there was one


def lookup(args: Namespace, cache: Any, colour: bool, paths: list[str], rule_paths: list[str],
           claims_dir: str) -> Memo | None:
    """This run's key and stored output; None when it may not be replayed (or the cache is off)."""
    from .errors import CrossfactError
    from .sources import discover

    if cache is None or cache.db is None or not replayable(args):
        return None
    errors: list[CrossfactError] = []
    found = discover(paths, errors)
    if errors:
        return None  # the normal run reports them
    try:
        read: dict[str, bytes] = {}
        key = run_key(cache.db, cache.clock_file, args, found,
                      option_files(args, rule_paths, claims_dir), colour, read)
        if key is None:
            return None
        stored = replay(cache.db, key)
        return Memo(found, {} if stored else read, key, stored)
    except (OSError, sqlite3.Error):
        return None  # no replay is slower, never wrong


def replay(db: sqlite3.Connection, key: str) -> dict | None:
    """What the run with this key wrote: {"files": [deflated text per --output], "stdout": [deflated text],
    "notes", "code"} (texts as report.packed keeps them)."""
    row = db.execute("SELECT blob FROM runs WHERE key = ?", (key,)).fetchone()
    if row is None:
        return None
    try:
        value = unpack(row[0])
        value["files"] = [base64.b64decode(text) for text in value["files"]]
        value["stdout"] = [base64.b64decode(text) for text in value["stdout"]]
    except (ValueError, KeyError, TypeError):
        return None  # a damaged or tampered entry is a miss
    db.execute("UPDATE runs SET used = ? WHERE key = ?", (time.time_ns(), key))
    return value if isinstance(value.get("code"), int) and isinstance(value.get("notes"), list) else None


def _text(blob: bytes) -> str:
    return base64.b64encode(blob).decode("ascii")


def record(db: sqlite3.Connection, key: str, value: dict) -> None:
    """Keep a run's output under its key (a locked or read-only cache is skipped: the next run computes)."""
    blob = pack({**value, "files": [_text(b) for b in value["files"]], "stdout": [_text(b) for b in value["stdout"]]})
    write(db, [("INSERT OR REPLACE INTO runs (key, used, blob) VALUES (?, ?, ?)", (key, time.time_ns(), blob)),
               ("DELETE FROM runs WHERE key NOT IN (SELECT key FROM runs ORDER BY used DESC LIMIT ?)", (KEEP,))])
