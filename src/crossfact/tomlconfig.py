"""[tool.crossfact] in pyproject.toml: read the section, and find a setting's line and column.

Why apart from config.py: tomllib gives data without positions, so pointing at the
offending line (as every other crossfact error does) needs a small text search of
the section; keeping it here keeps the YAML path in config.py plain.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import CrossfactError

SECTION = re.compile(r"^\[tool\.crossfact[.\]]", re.M)


def toml_section(text: str, path: str) -> Any:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        line, column = (int(m.group(1)), int(m.group(2))) if m else (len(text.splitlines()) or None, None)
        raise CrossfactError(f"invalid TOML: {str(exc).split(' (at')[0]}", path=path, line=line,
                             column=column) from None
    return doc.get("tool", {}).get("crossfact", {})


def toml_locate(text: str, where: list[Any]) -> tuple[int, int] | None:
    """Where a setting stands in pyproject.toml: tomllib keeps no positions, so search the text."""
    lines = text.splitlines()
    start = next((i for i, s in enumerate(lines) if SECTION.match(s)), None)
    if start is None:
        return None
    best = (start + 1, 1)
    keys = [str(k) for k in where if isinstance(k, str)]
    for i in range(start + 1, len(lines)):
        if re.match(r"\s*\[(?!tool\.crossfact[.\]])", lines[i]):
            break
        for depth, key in enumerate(keys):
            m = re.search(rf"(^|[\s{{,.\"']){re.escape(key)}[\"']?\s*=\s*", lines[i])
            if m and (depth > 0 or re.match(r"\s*[\"']?" + re.escape(key), lines[i])):
                best = (i + 1, m.end() + 1)
                if depth == len(keys) - 1:
                    return best
    return best
