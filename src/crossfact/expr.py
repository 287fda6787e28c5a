"""A small, safe expression language for `derived` rules (never `eval`).

Numbers, names bound by the rule, + - * / and unary minus, comparisons, and the
functions abs, min, max, round. Anything else (attributes, calls to other names,
subscripts, lambdas, powers, strings, huge constants, over-long expressions) is
refused when the rule is loaded, so a rule file can neither run code nor make a
check spin on an exponent. The user's ``regex`` of a pattern rule is compiled
here too, with the ``regex`` module, whose matching takes a timeout: a pattern
that backtracks catastrophically on some report is reported, not hung on.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Iterator

import regex

from .errors import CrossfactError

BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
COMPARE = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
           ast.Gt: operator.gt, ast.GtE: operator.ge}
FUNCTIONS = {"abs": abs, "min": min, "max": max, "round": lambda x, n=0: round(x, int(n))}
ARITY = {"abs": (1, 1), "min": (2, 64), "max": (2, 64), "round": (1, 2)}
MAX_LENGTH = 500  # characters: an expectation is one line; this also bounds nesting and evaluation
MATCH_TIMEOUT = 1.0  # seconds a user pattern may spend on one sentence


class UnboundName(CrossfactError, KeyError):
    """A name the expression uses that the match did not bind (an optional group that did not take part)."""


class PatternTimeout(CrossfactError):
    """A user pattern ran past MATCH_TIMEOUT: it backtracks catastrophically on this text."""


def parse(source: str) -> ast.Expression:
    if len(source) > MAX_LENGTH:
        raise CrossfactError(f"expression is {len(source)} characters long; at most {MAX_LENGTH} are allowed")
    try:
        tree = ast.parse(source, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise CrossfactError(f"bad expression {source!r}: {getattr(exc, 'msg', None) or exc}") from None
    for node in ast.walk(tree):
        ok = isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Compare, ast.Name, ast.Load,
                               ast.USub, ast.UAdd, *BINARY, *COMPARE))
        if isinstance(node, ast.Constant):
            ok = isinstance(node.value, (int, float)) and not isinstance(node.value, bool) and abs(node.value) < 1e12
        if isinstance(node, ast.Call):
            ok = isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS and not node.keywords
            low, high = ARITY.get(getattr(node.func, "id", ""), (0, 0))
            if ok and not low <= len(node.args) <= high:
                raise CrossfactError(f"expression {source!r}: {node.func.id}() takes {low} to {high} arguments")
        if not ok:
            raise CrossfactError(f"expression {source!r} uses {type(node).__name__}, which is not allowed")
    return tree


def used_names(tree: ast.Expression) -> set[str]:
    """The names an expression uses (a rule checks that its pattern binds them)."""
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id not in FUNCTIONS}


def evaluate(tree: ast.Expression, names: dict[str, float]) -> float | bool:
    """The value of `tree`; ValueError when the numbers make it meaningless (overflow, NaN)."""
    try:
        return _evaluate(tree, names)
    except (OverflowError, TypeError) as exc:
        raise ValueError(f"cannot evaluate: {exc}") from None


def _evaluate(tree: ast.Expression, names: dict[str, float]) -> float | bool:
    def ev(node: ast.AST):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            if node.id not in names:
                raise UnboundName(f"unknown name {node.id!r} in expression")
            return names[node.id]
        if isinstance(node, ast.UnaryOp):
            v = ev(node.operand)
            return -v if isinstance(node.op, ast.USub) else v
        if isinstance(node, ast.BinOp):
            return BINARY[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.Compare):
            left = ev(node.left)
            for op, right_node in zip(node.ops, node.comparators, strict=False):
                right = ev(right_node)
                if not COMPARE[type(op)](left, right):
                    return False
                left = right
            return True
        if isinstance(node, ast.Call):
            return FUNCTIONS[node.func.id](*[ev(a) for a in node.args])
        raise CrossfactError(f"cannot evaluate {type(node).__name__}")

    return ev(tree)


def compile_pattern(source: str) -> regex.Pattern:
    """A user's pattern, compiled case-insensitively with `re`-compatible syntax, or a CrossfactError."""
    try:
        return regex.compile(source, regex.I | regex.V0)
    except (regex.error, OverflowError, RecursionError) as exc:
        raise CrossfactError(f"bad regex {source[:80]!r}: {exc}") from None


def finditer(rx: regex.Pattern, text: str, timeout: float = MATCH_TIMEOUT) -> Iterator[regex.Match]:
    """rx.finditer(text), bounded in time: past `timeout` seconds a PatternTimeout names the pattern."""
    try:
        yield from rx.finditer(text, timeout=timeout)
    except TimeoutError:
        raise PatternTimeout(f"regex {rx.pattern[:80]!r} took over {timeout:g} s on one sentence "
                             f"({len(text)} characters; it backtracks catastrophically): rule skipped") from None
