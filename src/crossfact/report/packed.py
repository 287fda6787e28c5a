"""Report texts kept compressed between rendering and writing: an archive's report is never
held whole in memory (a 100k-report JSON report is ~150 MB of text, ~15 MB deflated)."""

from __future__ import annotations

import codecs
import zlib
from collections.abc import Iterable, Iterator

CHUNK = 1 << 20


def deflate(pieces: Iterable[str]) -> bytes:
    """The UTF-8 text of `pieces`, compressed as it is produced."""
    z = zlib.compressobj(1)
    out = [z.compress(p.encode("utf-8")) for p in pieces]
    out.append(z.flush())
    return b"".join(out)


def inflate(blob: bytes) -> Iterator[str]:
    """The text `deflate` compressed, a chunk at a time; zlib.error for anything else."""
    z = zlib.decompressobj()
    text = codecs.getincrementaldecoder("utf-8")()
    for i in range(0, len(blob), CHUNK):
        yield text.decode(z.decompress(blob[i:i + CHUNK]))
    yield text.decode(z.flush(), final=True)
