"""The one way crossfact reads YAML: safe tags only, bounded aliases, located errors.

Rule files, claims files, front matter, registries and configs are written by
people and by other programs, so none of them may construct Python objects
(``!!python/object`` and friends are refused by the safe constructor) and none
may expand into billions of nodes through anchors and aliases (the "billion
laughs"). PyYAML shares the object an alias points to, so such a document loads
quickly, but anything that then walks it (schema validation, dumping, the
rules) would walk every expanded node. The loader below therefore counts aliases
while composing and measures the expanded size of the node tree *before* any
object is constructed, and refuses documents past either limit.
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import CrossfactError

MAX_ALIASES = 1_000  # hand-written files use a handful; generated ones use none
MAX_EXPANDED = 1_000_000  # nodes after expanding every alias


class _Refused(yaml.YAMLError):
    def __init__(self, problem: str, mark: yaml.Mark | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = mark


class Loader(yaml.SafeLoader):
    """SafeLoader that refuses alias-heavy documents before constructing them."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_count = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        if self.check_event(yaml.AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                raise _Refused(f"more than {MAX_ALIASES} aliases; refused", self.peek_event().start_mark)
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> object:
        """PyYAML raises a bare ValueError on 2031-13-45; make it a located YAML error."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:
            raise _Refused(f"{node.value!r} is not a valid date ({exc})", node.start_mark) from None

    def compose_document(self) -> yaml.Node | None:
        node = super().compose_document()
        if node is not None and self.alias_count:
            _expanded_size(node)
        return node


Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)


def _expanded_size(root: yaml.Node) -> int:
    """Nodes in the tree with every alias expanded; raises past MAX_EXPANDED or on a cycle."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        children = _children(node)
        if done:
            open_nodes.discard(key)
            total = 1 + sum(sizes[id(c)] for c in children)
            if total > MAX_EXPANDED:
                raise _Refused(f"aliases expand to more than {MAX_EXPANDED:,} nodes; refused", node.start_mark)
            sizes[key] = total
            continue
        if key in open_nodes:
            raise _Refused("an alias refers to the node that contains it; refused", node.start_mark)
        open_nodes.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in open_nodes:
                raise _Refused("an alias refers to the node that contains it; refused", child.start_mark)
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def compose(text: str, path: str, what: str = "YAML", first_line: int = 1) -> tuple[Any, yaml.Node | None]:
    """The data of one YAML document and its node tree (for locating values), or a located error.

    `what` names the kind of file in the message ("claims file", "front matter", ...);
    `first_line` is the file line `text` starts on (front matter starts on line 2).
    """
    loader = None
    try:
        loader = Loader(text)  # the reader refuses control characters right here
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.reader.ReaderError as exc:
        before = text[:exc.position]
        line = before.count("\n") + first_line
        raise CrossfactError(f"invalid {what}: control character #x{exc.character:04x} is not allowed in YAML",
                             path=path, line=line, column=exc.position - before.rfind("\n")) from None
    except yaml.YAMLError as exc:
        raise error(exc, path, what, first_line - 1) from None
    except RecursionError:
        raise CrossfactError(f"invalid {what}: nested too deeply", path=path, line=first_line) from None
    except (ValueError, TypeError, OverflowError) as exc:  # a constructor PyYAML did not guard
        raise CrossfactError(f"invalid {what}: {exc}", path=path) from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, node


def load(text: str, path: str, what: str = "YAML") -> Any:
    return compose(text, path, what)[0]


def error(exc: yaml.YAMLError, path: str, what: str = "YAML", line_offset: int = 0) -> CrossfactError:
    """A one-line CrossfactError at the mark PyYAML gives (1-based line and column)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if isinstance(exc, yaml.constructor.ConstructorError) and "constructor for the tag" in problem:
        tag = problem.split("tag", 1)[1].strip(" '")
        problem = f"tag {tag!r} is not allowed (crossfact never constructs objects from YAML)"
    return CrossfactError(f"invalid {what}: {problem}", path=path,
                          line=mark.line + 1 + line_offset if mark else None,
                          column=mark.column + 1 if mark else None)


def node_at(node: yaml.Node | None, where: list[Any]) -> yaml.Node | None:
    """The node at `where` (mapping keys and sequence indexes), or None if there is none."""
    for step in where:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
        else:
            return None
    return node


def locate(node: yaml.Node | None, where: list[Any]) -> tuple[int, int] | None:
    """line, column of the node at `where`, or of its nearest parent."""
    for depth in range(len(where), -1, -1):
        found = node_at(node, where[:depth])
        if found is not None:
            return found.start_mark.line + 1, found.start_mark.column + 1
    return None
