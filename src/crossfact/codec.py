"""Claims and findings to JSON and back, for everything crossfact stores on disk.

The cache lives in the user's repository, where anyone could write to it, so it
holds plain JSON (never pickle, which would run what it reads): a tampered entry
can at worst be rejected as malformed.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from .model import Claim, Evidence, Finding, Side


def evidence_to(e: Evidence) -> list:
    return [e.source, e.path, e.line, e.column, e.end_line, e.end_column, e.text]


def evidence_from(x: list) -> Evidence:
    source, path, line, column, end_line, end_column, text = x
    return Evidence(str(source), str(path), int(line), int(column), int(end_line), int(end_column), str(text))


def claims_to(claims: list[Claim]) -> dict[str, Any]:
    """A story's claims, each evidence sentence and path written once (a sentence with five values
    is five claims that quote it): half the bytes to encode, compress and keep."""
    texts: dict[str, int] = {}
    rows = []
    for c in claims:
        row = claim_to(c)
        ev = row[6]
        ev[1] = texts.setdefault(ev[1], len(texts))
        ev[6] = texts.setdefault(ev[6], len(texts))
        rows.append(row)
    return {"texts": list(texts), "claims": rows}


def claims_from(d: dict[str, Any]) -> list[Claim]:
    texts = d["texts"]
    out = []
    for row in d["claims"]:
        ev = list(row[6])
        ev[1], ev[6] = texts[ev[1]], texts[ev[6]]
        out.append(claim_from([*row[:6], ev, *row[7:]]))
    return out


def claim_to(c: Claim) -> list:
    """A claim as a list, not a dict: a story packs hundreds, and keys repeated in every claim
    took as long to encode as the claims themselves."""
    return [c.id, c.source, c.subject, c.predicate, c.value, c.qualifiers, evidence_to(c.evidence), c.extractor,
            c.status]


def claim_from(x: list) -> Claim:
    cid, source, subject, predicate, value, qualifiers, evidence, extractor, status = x
    return Claim(str(cid), str(source), str(subject), str(predicate), dict(value), dict(qualifiers),
                 evidence_from(evidence), str(extractor), str(status))


def finding_to(f: Finding) -> dict[str, Any]:
    return {"rule": f.rule, "kind": f.kind, "severity": f.severity, "message": f.message, "subject": f.subject,
            "predicate": f.predicate, "suggestion": f.suggestion, "flagged": list(f.flagged),
            "values": [{"value": s.value, "normalized": s.normalized, "sources": list(s.sources),
                        "evidence": [evidence_to(e) for e in s.evidence]} for s in f.values]}


def finding_from(d: dict[str, Any]) -> Finding:
    sides = tuple(Side(str(s["value"]), tuple(s["sources"]), tuple(evidence_from(e) for e in s["evidence"]),
                       s.get("normalized")) for s in d["values"])
    return Finding(str(d["rule"]), str(d["kind"]), str(d["severity"]), str(d["message"]), str(d["subject"]),
                   str(d["predicate"]), sides, d.get("suggestion"), tuple(d.get("flagged") or ()))


def pack(value: Any) -> bytes:
    """Compressed JSON of plain data (lists, dicts, strings, numbers)."""
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def unpack(blob: bytes) -> Any:
    """The data `pack` wrote; ValueError for anything else (a damaged or tampered entry)."""
    try:
        return json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a crossfact cache entry: {exc}") from None
