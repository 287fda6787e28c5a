"""GitHub Actions workflow commands: one annotation per finding on the pull request.

`::error file=…,line=…::message` lines printed by a step become annotations at
those spans. The runner splits a command on `::`, properties on `,` and `:` and
lines on newlines, so values are escaped as the runner's own toolkit does
(@actions/core `escapeData` / `escapeProperty`); otherwise a message with a
colon or a comma would be cut short or leak into the properties.
"""

from __future__ import annotations

from ..model import Finding
from ..pipeline import Result
from .locations import repo_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **props: object) -> str:
    """One workflow command line; properties in the given order, None ones left out."""
    parts = [f"{key}={escape_property(str(value))}" for key, value in props.items() if value is not None]
    head = f"::{name} {','.join(parts)}" if parts else f"::{name}"
    return f"{head}::{escape_data(message)}"


def _message(f: Finding) -> str:
    """The finding, then every side with where it stands (annotations show several lines)."""
    lines = [f.message]
    for s in f.values:
        spots = ", ".join(f"{repo_path(e.path)}:{e.line}:{e.column}" for e in s.evidence[:5])
        more = f" and {len(s.evidence) - 5} more" if len(s.evidence) > 5 else ""
        lines.append(f"{s.value!r} ({', '.join(s.sources) or 'computed'}): {spots}{more}")
    return "\n".join(lines)


def annotation(f: Finding) -> str:
    p = f.primary
    return command(COMMANDS.get(f.severity, "warning"), _message(f), file=repo_path(p.path), line=p.line,
                   col=p.column, endLine=p.end_line, endColumn=p.end_column,
                   title=f"crossfact {f.rule}: {f.subject}")


def render(result: Result, **_: object) -> str:
    lines = [annotation(f) for f in result.findings]
    lines += [command("error", err.message, file=repo_path(err.path) if err.path else None, line=err.line,
                      title="crossfact: unreadable report") for err in result.errors]
    return "".join(line + "\n" for line in lines)
