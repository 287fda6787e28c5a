"""Packed claims (the cache's and the workers' format) come back as the claims that went in."""

from __future__ import annotations

from pathlib import Path

from crossfact import sources
from crossfact.groupwork import extract_one, pack_claims, pack_names, unpack_claims

SAMPLES = Path(__file__).resolve().parent.parent / "sources"


def test_claims_survive_packing() -> None:
    srcs = [s for s in sources.load([str(SAMPLES)]) if not isinstance(s, Exception)]
    packs = pack_names([s.text for s in srcs], None)
    claims = [c for s in srcs for c in extract_one(s, packs)]
    assert len(claims) > 50 and len({c.evidence.text for c in claims}) < len(claims)  # shared sentences
    assert unpack_claims(pack_claims(claims)) == claims
