"""The check cache: one SQLite file (standard library) that makes an unchanged run nearly free.

Tables. `stories` keeps a story's outcome (findings and packed claims), keyed by a
hash of every input that decides it: the reports, the reviewed claims, the registry
and the rules. `files` and `runs` belong to `runmemo` (a file's hash by its stat, and
a whole run's output). Every key also takes a fingerprint of the installed crossfact
itself (its version and every code, pack and default-rule file), so an upgrade or an
edit to a pack never serves stale results.

Two runs may share one cache: WAL mode lets readers go on while one writes, a busy
timeout makes a second writer wait instead of failing, and rows are only ever
inserted whole (INSERT OR REPLACE of a value that is a pure function of its key), so
whichever run writes last writes the same thing. A cache that cannot be opened or
written is skipped: the check never fails because of it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

from .codec import unpack

DEFAULT_DIR = ".crossfact-cache"
SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (key TEXT PRIMARY KEY, blob BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, stat TEXT NOT NULL, sha TEXT NOT NULL, clock INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS runs (key TEXT PRIMARY KEY, used INTEGER NOT NULL, blob BLOB NOT NULL);
"""


LIBRARIES = ("jellyfish", "regex", "yaml", "jsonschema")  # their behaviour decides findings too


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The package version, the Python version, where and when each library was installed, and a
    hash of every file the package ships (code, packs, default rules): an upgrade of any of them
    never serves stale results. Libraries are located, not imported (a replay imports none)."""
    import os
    import sys
    from importlib.util import find_spec

    from . import __version__

    root = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode() + sys.version.encode())
    for lib in LIBRARIES:
        spec = find_spec(lib)
        origin = spec.origin if spec is not None and spec.origin else ""
        st = os.stat(origin) if origin else None
        h.update(f"\0{lib}:{origin}:{st.st_size if st else 0}:{st.st_mtime_ns if st else 0}".encode())
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".yaml", ".json") and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(root)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def write(db: sqlite3.Connection, statements: list[tuple[str, Any]]) -> bool:
    """Run (sql, rows) pairs in one write transaction; rows is a list (executemany) or one tuple.
    Everything is prepared before the lock is taken. A locked or read-only cache is skipped
    (False): the next run computes again, it is never wrong."""
    try:
        db.execute("BEGIN IMMEDIATE")
        for sql, rows in statements:
            if isinstance(rows, list):
                db.executemany(sql, rows)
            else:
                db.execute(sql, rows)
        db.execute("COMMIT")
        return True
    except sqlite3.Error:
        if db.in_transaction:
            db.execute("ROLLBACK")
        return False


def digest(*parts: Any) -> str:
    """A key from plain values (strings, bytes, or anything with a stable repr)."""
    h = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        h.update(b"\x1f" + (part if isinstance(part, bytes) else repr(part).encode("utf-8")))
    return h.hexdigest()


class Cache:
    """A key -> story outcome store in DIR/cache.sqlite3, as compressed JSON (never pickle: the cache
    sits in the user's repository and must not run what it reads)."""

    def __init__(self, folder: str | Path = DEFAULT_DIR) -> None:
        self.path = Path(folder) / "cache.sqlite3"
        self._db: sqlite3.Connection | None = None
        self.hits = self.misses = 0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.path.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# crossfact's cache: never commit it\n*\n", encoding="utf-8")
            db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(SCHEMA)
            self._db = db
        except (OSError, sqlite3.Error):
            self._db = None  # no cache is slower, never wrong

    def get_many(self, table: str, keys: list[str]) -> dict[str, Any]:
        """The values stored under these keys (missing keys are left out)."""
        from .groupwork import outcome_from

        out: dict[str, Any] = {}
        if self._db is None or not keys:
            return out
        try:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in self._db.execute(f"SELECT key, blob FROM {table} WHERE key IN ({marks})", chunk):
                    try:
                        out[key] = outcome_from(unpack(blob))
                    except (ValueError, KeyError, TypeError):
                        continue  # a damaged or tampered entry is a miss, never run
        except sqlite3.Error:
            return {}
        self.hits += len(out)
        self.misses += len(keys) - len(out)
        return out

    def put_many(self, table: str, items: dict[str, Any]) -> None:
        """Store values in one transaction; a locked or read-only cache is skipped."""
        from .groupwork import cache_row

        if self._db is None or not items:
            return
        rows = [(k, cache_row(v)) for k, v in items.items()]
        write(self._db, [(f"INSERT OR REPLACE INTO {table} (key, blob) VALUES (?, ?)", rows)])

    @property
    def db(self) -> sqlite3.Connection | None:
        """The open database (None when the cache is off), for `runmemo`'s tables."""
        return self._db

    @property
    def clock_file(self) -> Path:
        return self.path.parent / "clock"

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def story_key(sources: list, reviewed: dict, rules_digest: str, registry: dict | None,
              wanted: list[str] | None) -> str:
    """Everything that decides a story's outcome: reports (by content hash), reviews, registry, rules, packs."""
    reports = [(s.id, s.path, s.date, s.meta, hashlib.sha256(s.text.encode("utf-8")).hexdigest())
               for s in sources]
    reviews = [(sid, reviewed[sid]) for sid in sorted(reviewed)]
    return digest("story", rules_digest, sorted((registry or {}).items()), wanted, reports, reviews)
