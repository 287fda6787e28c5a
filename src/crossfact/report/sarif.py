"""SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, IDE viewers).

One result per finding, located at `Finding.primary` (the span a reader should
fix); every other span of every side becomes a related location whose message is
that side's value, so a viewer shows what the report is contradicted by. The
`crossfact/v1` partial fingerprint is `Finding.fingerprint`, which ignores line
numbers and wording, so alerts survive edits elsewhere in a file. Columns count
code points (as crossfact does), declared by `columnKind`.
"""

from __future__ import annotations

import json
from importlib import metadata
from typing import Any

from .. import __version__
from ..model import Evidence, Finding
from ..pipeline import Result
from .locations import artifact_uri

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def information_uri() -> str | None:
    """The project's home page from package metadata; None rather than an invented address."""
    try:
        meta = metadata.metadata("crossfact")
    except metadata.PackageNotFoundError:
        return None
    urls = [u.split(",", 1)[-1].strip() for u in meta.get_all("Project-URL") or []]
    return (meta.get("Home-page") or next(iter(urls), None)) or None


def _kind_doc(kind: str) -> str:
    from ..kinds import KINDS

    module = KINDS.get(kind)
    return (module.__doc__ or "").strip() if module else ""


def _descriptor(rule_id: str, rule: Any | None, finding: Finding | None) -> dict[str, Any]:
    """reportingDescriptor: from the Rule when given, else what the findings tell."""
    if rule is not None:
        kind, severity = rule.kind, rule.severity
        short = rule.description or rule_id
        full = f"{short} (kind {kind}; selects {', '.join(rule.select)})"
    else:
        kind, severity = finding.kind, finding.severity
        short = full = f"{rule_id}: {kind} finding"
    doc = _kind_doc(kind) if rule is not None else ""
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": doc or full},
        "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
        "properties": {"kind": kind},
    }


def _location(e: Evidence, text: str, ident: int | None = None) -> dict[str, Any]:
    uri, relative = artifact_uri(e.path)
    artifact: dict[str, Any] = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = "%SRCROOT%"
    end_column = e.end_column if (e.end_line, e.end_column) > (e.line, e.column) else e.column + 1
    region = {"startLine": e.line, "startColumn": e.column,
              "endLine": max(e.end_line, e.line), "endColumn": end_column}
    loc: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact, "region": region},
                           "message": {"text": text}}
    if ident is not None:
        loc["id"] = ident
    return loc


def _result(f: Finding, index: int) -> dict[str, Any]:
    primary = f.primary
    related = [(s.value, e) for s in f.values for e in s.evidence if e != primary]
    home = next((s.value for s in f.values if primary in s.evidence), f.values[0].value)
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [_location(primary, home)],
        "partialFingerprints": {"crossfact/v1": f.fingerprint},
        "properties": {"kind": f.kind, "subject": f.subject, "predicate": f.predicate,
                       "suggestion": f.suggestion, "sources": list(f.flagged)},
    }
    if related:
        out["relatedLocations"] = [_location(e, value, i) for i, (value, e) in enumerate(related, 1)]
    return out


def as_dict(result: Result, rules: list | None = None) -> dict[str, Any]:
    by_id = {r.id: r for r in rules or []}
    first = {}
    for f in result.findings:
        first.setdefault(f.rule, f)
    ids = sorted(set(by_id) | set(first))
    index = {rid: i for i, rid in enumerate(ids)}
    driver: dict[str, Any] = {"name": "crossfact", "version": __version__, "semanticVersion": __version__,
                              "rules": [_descriptor(rid, by_id.get(rid), first.get(rid)) for rid in ids]}
    if uri := information_uri():
        driver["informationUri"] = uri
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.rule]) for f in result.findings],
        "invocations": [{"executionSuccessful": True,  # unreadable reports are skipped, not fatal
                         "toolExecutionNotifications": [
                             {"level": "error", "message": {"text": str(e)}} for e in result.errors]}],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(result: Result, rules: list | None = None, **_: object) -> str:
    return json.dumps(as_dict(result, rules), indent=2, ensure_ascii=False) + "\n"
