"""docs/rule-kinds.md, built from the kinds' docstrings and options (`python -m crossfact.ruledocs`).

The docstring is the documentation: this page only gathers them, and a test fails when the
committed page is not what this module builds.
"""

from __future__ import annotations

import sys

from .kinds import KINDS

HEADER = """# Rule kinds

Kinds live in code (`src/crossfact/kinds/`, one module each); rule instances live in YAML
(`kind:` plus options). This page is the kinds' docstrings (`python -m crossfact.ruledocs`
writes it); `crossfact rules` lists the active rules and `crossfact rules test` runs each
rule's own examples.
"""


def render() -> str:
    parts = [HEADER]
    for name, module in sorted(KINDS.items()):
        body = (module.__doc__ or "").strip().split("\n", 1)
        parts.append(f"## `{name}`\n\n{body[0]}\n\n{body[1].strip() if len(body) > 1 else ''}\n")
        options = ", ".join(f"`{k}: {v!r}`" for k, v in module.OPTIONS.items())
        parts.append(f"Options (defaults): {options}\n")
    return "\n".join(parts)


if __name__ == "__main__":
    sys.stdout.write(render())
