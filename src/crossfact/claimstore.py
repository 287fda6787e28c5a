"""claims/<source-id>.yaml: reviewable claims, written atomically, reviews kept.

A reviewer may set a claim's ``status`` to confirmed or rejected, or add a claim
with status manual. Extracting again refreshes extracted claims and keeps every
reviewed one: matched by id, else by content (subject, predicate, value text);
a reviewed claim whose text is gone is kept and marked ``orphaned: true``.
"""

from __future__ import annotations

import datetime
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from . import safeyaml
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


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER = (int, float)
VALUE_FIELDS: dict[str, tuple[str, Callable[[Any], bool]]] = {  # what the rule kinds rely on, by key
    "seconds": ("a number", lambda v: isinstance(v, NUMBER) and not isinstance(v, bool)),
    "alt_seconds": ("a number", lambda v: isinstance(v, NUMBER) and not isinstance(v, bool)),
    "year": ("a year", lambda v: type(v) is int and 1 <= v <= 9999),
    "month": ("a month number", lambda v: type(v) is int and 1 <= v <= 12),
    "day": ("a day of the month", lambda v: type(v) is int and 1 <= v <= 31),
    "weekday": ("a weekday name in lower case", lambda v: v in WEEKDAYS),
    "days": ("a list of two numbers", lambda v: isinstance(v, list) and len(v) == 2
             and all(isinstance(x, NUMBER) and not isinstance(x, bool) for x in v)),
    "pairs": ("a list of [number, number] pairs", lambda v: isinstance(v, list) and all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, NUMBER) for x in p) for p in v)),
}


def from_dict(d: Any, sid: str, path: str, node: yaml.Node | None = None) -> Claim:
    """One claim of a claims file; a hand edit the rules could not use is an error at its line:column."""
    def fail(message: str, where: list[Any]) -> CrossfactError:
        pos = safeyaml.locate(node, where) if node is not None else None
        return CrossfactError(message, path=path, line=pos[0] if pos else None, column=pos[1] if pos else None)

    if not isinstance(d, dict) or not {"subject", "predicate", "value"} <= set(d):
        raise fail("a claim needs subject, predicate and value", [])
    for key in ("subject", "predicate", "id", "extractor"):
        if isinstance(d.get(key), (dict, list)):
            raise fail(f"claim {key} must be text, not a {type(d[key]).__name__}", [key])
    value = d["value"] if isinstance(d["value"], dict) else {"type": "text", "text": str(d["value"])}
    for key, (what, ok) in VALUE_FIELDS.items():
        if value.get(key) is not None and not ok(value[key]):
            raise fail(f"value {key} must be {what}, not {value[key]!r}", ["value", key])
    if isinstance(value.get("text"), (dict, list)):
        raise fail("value text must be text", ["value", "text"])
    if all(isinstance(value.get(k), int) for k in ("year", "month", "day")):
        try:
            datetime.date(value["year"], value["month"], value["day"])
        except ValueError as exc:
            raise fail(f"value is not a date: {exc}", ["value", "day"]) from None
    status = str(d.get("status", "manual"))
    if status not in ("extracted", *REVIEWED):
        raise fail(f"claim {d.get('id')}: status {status!r} is not extracted, confirmed, rejected or manual",
                   ["status"])
    ev = d.get("evidence") or {}
    if not isinstance(ev, dict):
        raise fail("evidence must be a mapping (line, column, end_line, end_column, sentence)", ["evidence"])
    spots = []
    for key in ("line", "column", "end_line", "end_column"):
        raw = ev.get(key, 1)
        if type(raw) is not int or raw < 1:
            raise fail(f"evidence {key} must be a whole number from 1, not {raw!r}", ["evidence", key])
        spots.append(raw)
    qualifiers = d.get("qualifiers") or {}
    if not isinstance(qualifiers, dict):
        raise fail("qualifiers must be a mapping", ["qualifiers"])
    evidence = Evidence(sid, path, *spots, str(ev.get("sentence", "")))
    return Claim(str(d.get("id") or ""), sid, str(d["subject"]), str(d["predicate"]), value,
                 {str(k): v for k, v in qualifiers.items()}, evidence, str(d.get("extractor", "manual")), status)


def read(path: Path) -> list[Claim]:
    """The claims of one claims file, or a CrossfactError at the line:column a hand edit broke."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CrossfactError(f"cannot read claims file: {exc}", path=str(path)) from None
    data, node = safeyaml.compose(text, str(path), "claims file")
    if data is None:
        return []
    items = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise CrossfactError("a claims file is a mapping with a 'claims' list", path=str(path),
                             line=node.start_mark.line + 1 if node is not None else None)
    if isinstance(data.get("source"), (dict, list)):
        raise CrossfactError("source must be the source id", path=str(path))
    sid = str(data.get("source") or path.stem)
    return [from_dict(d, sid, str(path), safeyaml.node_at(node, ["claims", i])) for i, d in enumerate(items)]


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


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Temp file in the same folder, fsync, rename: a reader never sees half a file. `text` may
    come in pieces (a large report, inflated as it is written). A device, a pipe or anything under
    /dev or /proc (`--output /dev/null`, /dev/stdout, a FIFO) is written in place: renaming over it would
    put a file where the system's device was, or lose what stdout's file already held; a symbolic link
    keeps its place, and its target is what is replaced."""
    if str(path).startswith(("/dev/", "/proc/")) or (path.exists() and not path.is_file() and not path.is_dir()):
        # appended: /dev/stdout may be a file the shell opened, which already holds what went before (the
        # caller writes and flushes its own stdout first: commands._emit)
        with open(path, "a", encoding="utf-8") as fh:
            for piece in [text] if isinstance(text, str) else text:
                fh.write(piece)
        return
    path = path.resolve() if path.is_symlink() else path
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes 0600; a claims file or report is for the whole desk
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for piece in [text] if isinstance(text, str) else text:
                fh.write(piece)
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


def load_dir(folder: Path, errors: list[CrossfactError] | None = None) -> dict[str, list[Claim]]:
    """Every claims file in `folder`; given `errors`, a bad file is appended there and the rest still used."""
    out: dict[str, list[Claim]] = {}
    if folder.is_dir():
        for f in sorted(folder.glob("*.yaml")):
            try:
                out[f.stem] = read(f)
            except CrossfactError as err:
                if errors is None:
                    raise
                errors.append(err)
    return out
