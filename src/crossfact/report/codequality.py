"""GitLab code quality report: a JSON list GitLab shows in a merge request's widget and diff.

GitLab reads `artifacts: reports: codequality` and matches issues between the base
and the merge request by `fingerprint`, so it is the finding's own fingerprint (the
same one baselines and SARIF use), and an edit elsewhere in a report does not make
an old finding look new. Paths are relative to the repository root, as GitLab wants.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..model import Finding
from ..pipeline import Result
from .locations import repo_path

SEVERITIES = {"info": "info", "warning": "minor", "error": "major"}


def issue(f: Finding) -> dict[str, Any]:
    p = f.primary
    sides = "; ".join(f"{s.value!r} ({', '.join(s.sources) or 'computed'})" for s in f.values)
    return {
        "type": "issue",
        "description": f"{f.message} [{sides}]",
        "check_name": f.rule,
        "fingerprint": f.fingerprint,
        "severity": SEVERITIES.get(f.severity, "minor"),
        "categories": ["Bug Risk"],
        "location": {"path": repo_path(p.path), "lines": {"begin": p.line, "end": p.end_line}},
    }


def render(result: Result, **_: object) -> str:
    issues = [issue(f) for f in result.findings]
    for err in result.errors:
        digest = hashlib.sha1(f"{err.path}\x1f{err.message}".encode()).hexdigest()[:16]
        issues.append({"type": "issue", "description": f"unreadable report: {err.message}",
                       "check_name": "crossfact-input", "fingerprint": digest, "severity": "critical",
                       "categories": ["Bug Risk"],
                       "location": {"path": repo_path(err.path or "."), "lines": {"begin": err.line or 1}}})
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
