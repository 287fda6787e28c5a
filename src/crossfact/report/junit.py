"""JUnit XML, for CI systems that show test results but not code-scanning alerts.

Each (rule, source) pair with findings is a test case, with one <failure> per
finding, so a dashboard groups problems by rule and report. A finding counts once,
under the source of its primary span (where the fix goes), so the number of
failures is the number of findings. When the rules are known, a rule that found
nothing is a passing test case: the dashboard then shows what was checked, too.
Unreadable reports are <error> cases.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from ..model import Finding
from ..pipeline import Result
from .locations import repo_path

SUITE = "crossfact"


def _evidence_text(f: Finding) -> str:
    lines = [f.message]
    for s in f.values:
        lines.append(f"{s.value!r} ({', '.join(s.sources) or 'computed'}):")
        for e in s.evidence:
            sentence = " ".join(e.text.split())
            lines.append(f"  {repo_path(e.path)}:{e.line}:{e.column}: {sentence}")
    if f.suggestion:
        lines.append(f"suggestion: {f.suggestion}")
    return "\n".join(lines) + "\n"


def _case(suite: ET.Element, classname: str, name: str, file: str | None = None) -> ET.Element:
    attrs = {"classname": classname, "name": name, "time": "0"}
    if file:
        attrs["file"] = file
    return ET.SubElement(suite, "testcase", attrs)


def as_element(result: Result, rules: list | None = None) -> ET.Element:
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in result.findings:
        groups[(f.rule, f.primary.source)].append(f)
    paths = {s.id: s.path for s in result.sources}
    suite = ET.Element("testsuite", {"name": SUITE})
    tests = 0
    for (rule, source), found in sorted(groups.items()):
        case = _case(suite, f"{SUITE}.{rule}", source, repo_path(paths.get(source, found[0].primary.path)))
        tests += 1
        for f in found:
            fail = ET.SubElement(case, "failure", {"message": f.message, "type": f.severity})
            fail.text = _evidence_text(f)
    ran = sorted({r.id for r in rules or []} - {rule for rule, _ in groups})
    for rule in ran:
        _case(suite, f"{SUITE}.{rule}", "all sources")
        tests += 1
    for err in result.errors:
        case = _case(suite, f"{SUITE}.input", err.path or "input", repo_path(err.path) if err.path else None)
        ET.SubElement(case, "error", {"message": err.message, "type": "input"}).text = str(err)
        tests += 1
    suite.set("tests", str(tests))
    suite.set("failures", str(len(result.findings)))
    suite.set("errors", str(len(result.errors)))
    suite.set("skipped", "0")
    suite.set("time", "0")
    return suite


def render(result: Result, rules: list | None = None, **_: object) -> str:
    root = ET.Element("testsuites", {"name": SUITE})
    root.append(as_element(result, rules))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
