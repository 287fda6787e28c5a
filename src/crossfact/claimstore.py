"""claims/<source-id>.yaml: reviewable claims, written atomically, reviews kept.

A reviewer may set a claim's ``status`` to confirmed or rejected, or add a claim
with status manual. Extracting again refreshes extracted claims and keeps every
reviewed one: matched by id, else by content (subject, predicate, value text);
a reviewed claim whose text is gone is kept and marked ``orphaned: true``.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from .errors import CrossfactError
from .model import Claim, Evidence

REVIEWED = ("confirmed", "rejected", "manual")
HEADER = "# crossfact claims for {sid}. Set status to confirmed or rejected, or add claims with status manual;\n" \
         "# re-extraction keeps them.\n"


def to_dict(c: Claim) -> dict[str, Any]:
    e = c.evidence
    return {
        "id": c.id, "subject": c.subject, "predicate": c.predicate, "value": c.value,
        "qualifiers": c.qualifiers,
        "evidence": {"line": e.line, "column": e.column, "end_line": e.end_line, "end_column": e.end_column,
                     "sentence": e.text},
        "extractor": c.extractor, "status": c.status,
    }


def from_dict(d: dict[str, Any], sid: str, path: str) -> Claim:
    if not isinstance(d, dict) or not {"subject", "predicate", "value"} <= set(d):
        raise CrossfactError("a claim needs subject, predicate and value", path=path)
    ev = d.get("evidence") or {}
    value = d["value"] if isinstance(d["value"], dict) else {"type": "text", "text": str(d["value"])}
    status = str(d.get("status", "manual"))
    if status not in ("extracted", *REVIEWED):
        raise CrossfactError(f"claim {d.get('id')}: status {status!r} is not extracted, confirmed, rejected or "
                             "manual", path=path)
    evidence = Evidence(sid, path, int(ev.get("line", 1)), int(ev.get("column", 1)), int(ev.get("end_line", 1)),
                        int(ev.get("end_column", 1)), str(ev.get("sentence", "")))
    return Claim(str(d.get("id") or ""), sid, str(d["subject"]), str(d["predicate"]), value,
                 dict(d.get("qualifiers") or {}), evidence, str(d.get("extractor", "manual")), status)


def read(path: Path) -> list[Claim]:
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CrossfactError(f"invalid claims file: {getattr(exc, 'problem', exc)}", path=str(path),
                             line=mark.line + 1 if mark else None,
                             column=mark.column + 1 if mark else None) from None
    if data is None:
        return []
    items = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise CrossfactError("a claims file is a mapping with a 'claims' list", path=str(path))
    sid = str(data.get("source") or path.stem)
    return [from_dict(d, sid, str(path)) for d in items]


def merge(extracted: list[Claim], previous: list[Claim]) -> list[Claim]:
    """Fresh claims, with every reviewed claim of `previous` kept (see module docstring)."""
    reviewed = [c for c in previous if c.status in REVIEWED]
    by_id = {c.id: c for c in reviewed}
    by_content = {(c.subject, c.predicate, c.text): c for c in reviewed}
    used: set[int] = set()
    out = []
    for c in extracted:
        old = by_id.get(c.id) or by_content.get((c.subject, c.predicate, c.text))
        if old is not None and old.status != "manual":
            used.add(id(old))
            out.append(replace(c, status=old.status))
        else:
            out.append(c)
    for c in reviewed:
        if id(c) not in used:
            if c.status != "manual" and not c.qualifiers.get("orphaned"):
                c = replace(c, qualifiers={**c.qualifiers, "orphaned": True})
            out.append(c)
    return out


def write_atomic(path: Path, text: str) -> None:
    """Temp file in the same folder, fsync, rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def dump(sid: str, claims: list[Claim]) -> str:
    body = yaml.safe_dump({"source": sid, "claims": [to_dict(c) for c in claims]}, sort_keys=False,
                          allow_unicode=True, width=100)
    return HEADER.format(sid=sid) + body


def load_dir(folder: Path) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    if folder.is_dir():
        for f in sorted(folder.glob("*.yaml")):
            out[f.stem] = read(f)
    return out
