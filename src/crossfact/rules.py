"""Load rule files: YAML with marks, validated by a JSON Schema, located errors.

Every error names file:line:column of the offending value (found by walking the
YAML node tree that PyYAML composes, the same tree the data came from).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from . import expr
from .errors import CrossfactError
from .kinds import KINDS
from .kinds.base import Rule
from .model import SEVERITIES


def schema() -> dict[str, Any]:
    return json.loads((resources.files("crossfact") / "defaults" / "rules.schema.json").read_text("utf-8"))


def read_text(path: Path, what: str) -> str:
    """A file a person wrote (rules, pack, config), or a one-line error naming it."""
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CrossfactError(f"cannot read {what}: {exc}", path=str(path)) from None


def compose(text: str, path: str) -> tuple[Any, yaml.Node | None]:
    """Parse YAML safely (bounded aliases, no object tags), keeping the node tree for locations."""
    from .safeyaml import compose as safe_compose

    return safe_compose(text, path)


def locate(node: yaml.Node | None, path: list[Any]) -> tuple[int, int] | None:
    """line, column of the node at `path` (keys and indexes), or of its nearest parent."""
    best = (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            nxt = node.value[step]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
        best = (node.start_mark.line + 1, node.start_mark.column + 1)
    return best


def _error(message: str, path: str, node: yaml.Node | None, where: list[Any], text: str) -> CrossfactError:
    pos = locate(node, where)
    line, col = pos if pos else (None, None)
    snippet = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else None
    return CrossfactError(message, path=path, line=line, column=col, snippet=snippet)


NUMBER_TYPES = (int, float)


def option_types(kind, key: str) -> tuple[type, ...]:
    """What an option accepts: the kind's OPTION_TYPES entry, else its default's type (a number
    accepts int or float; a list accepts a list)."""
    declared = getattr(kind, "OPTION_TYPES", {}).get(key)
    if declared:
        return declared
    default = kind.OPTIONS[key]
    if isinstance(default, bool):
        return (bool,)
    if isinstance(default, (int, float)):
        return NUMBER_TYPES
    return (type(default),)


def parse_rules(text: str, path: str) -> list[Rule]:
    import jsonschema

    data, node = compose(text, path)
    if data is None:
        return []
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        raise _error(f"{e.message} (at {'/'.join(map(str, e.absolute_path)) or 'top level'})",
                     path, node, list(e.absolute_path), text)
    rules = []
    for i, raw in enumerate(data):
        kind = KINDS.get(raw["kind"])
        if kind is None:
            raise _error(f"unknown rule kind {raw['kind']!r} (known: {', '.join(sorted(KINDS))})",
                         path, node, [i, "kind"], text)
        options = dict(kind.OPTIONS)
        for key, value in (raw.get("options") or {}).items():
            if key not in kind.OPTIONS:
                raise _error(f"unknown option {key!r} for kind {raw['kind']!r} (known: {', '.join(kind.OPTIONS)})",
                             path, node, [i, "options", key], text)
            allowed = option_types(kind, key)
            if not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed):
                label = {int: "number", float: "number", type(None): "null", str: "text", list: "a list",
                         bool: "true or false", dict: "a mapping"}
                names = " or ".join(sorted({label.get(t, t.__name__) for t in allowed}))
                raise _error(f"option {key!r} must be {names}, not {type(value).__name__}",
                             path, node, [i, "options", key], text)
            choices = getattr(kind, "OPTION_CHOICES", {}).get(key)
            if choices and value not in choices:
                raise _error(f"option {key!r} must be one of {', '.join(choices)}, not {value!r}",
                             path, node, [i, "options", key], text)
            options[key] = value
        groups = None
        if options.get("regex"):  # a bad pattern is the rule file's error, not a crash mid-check
            from .kinds.derived import NUMBER

            try:
                groups = set(expr.compile_pattern(str(options["regex"]).replace("{N}", NUMBER)).groupindex)
            except CrossfactError as exc:
                raise _error(exc.message, path, node, [i, "options", "regex"], text) from None
        if options.get("expect"):
            try:
                unbound = expr.used_names(expr.parse(str(options["expect"]))) - (groups or set())
                if groups is not None and unbound:
                    raise CrossfactError(f"expect uses {', '.join(sorted(unbound))}, which the regex does not name")
            except CrossfactError as exc:
                raise _error(exc.message, path, node, [i, "options", "expect"], text) from None
        select = raw["select"]["predicate"]
        rules.append(Rule(
            id=raw["id"], kind=raw["kind"], description=raw.get("description", ""),
            severity=raw.get("severity", "warning"),
            select=tuple(select if isinstance(select, list) else [select]),
            options=options, examples=raw.get("examples") or {}, origin=path,
        ))
    return rules


def default_rules() -> list[Rule]:
    entry = resources.files("crossfact") / "defaults" / "rules.yaml"
    return parse_rules(entry.read_text("utf-8"), "crossfact/defaults/rules.yaml")


def load_rules(extra: list[str] = ()) -> list[Rule]:
    """Default rules, then each file or directory in `extra`: later ones override by id."""
    by_id = {r.id: r for r in default_rules()}
    for raw in extra:
        p = Path(raw)
        files = sorted(p.glob("*.yaml")) + sorted(p.glob("*.yml")) if p.is_dir() else [p]
        for f in files:
            for r in parse_rules(read_text(f, "rule file"), str(f)):
                by_id[r.id] = r
    return [r for _, r in sorted(by_id.items()) if r.severity in SEVERITIES]
