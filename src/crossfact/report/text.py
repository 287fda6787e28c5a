"""Compiler-style text: severity, rule, message; each side with file:line:col and sentence."""

from __future__ import annotations

from ..pipeline import Result

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
RESET = "\033[0m"


def _clip(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render(result: Result, colour: bool = False, **_: object) -> str:
    lines = []
    for f in result.findings:
        p = f.primary
        sev = f"{COLOURS[f.severity]}{f.severity}{RESET}" if colour else f.severity
        lines.append(f"{p.path}:{p.line}:{p.column}: {sev} [{f.rule}] {f.message}")
        for s in f.values:
            who = ", ".join(s.sources) or "computed"
            lines.append(f"    {s.value!r}  ({who})")
            for e in s.evidence[:3]:
                lines.append(f"      {e.path}:{e.line}:{e.column}: {_clip(e.text)}")
            if len(s.evidence) > 3:
                lines.append(f"      … and {len(s.evidence) - 3} more")
        if f.suggestion:
            lines.append(f"    suggestion: {f.suggestion}")
    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in ("error", "warning", "info")}
    lines.append(f"{len(result.sources)} sources, {len(result.claims)} claims: "
                 f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
                 + (f"; {len(result.errors)} input errors" if result.errors else ""))
    return "\n".join(lines) + "\n"
