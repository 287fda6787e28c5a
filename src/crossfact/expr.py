"""A small, safe expression language for `derived` rules (never `eval`).

Numbers, names bound by the rule, + - * / and unary minus, comparisons, and the
functions abs, min, max, round. Anything else (attributes, calls to other names,
subscripts, lambdas, huge powers) is refused when the rule is loaded.
"""

from __future__ import annotations

import ast
import operator

from .errors import CrossfactError

BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
COMPARE = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
           ast.Gt: operator.gt, ast.GtE: operator.ge}
FUNCTIONS = {"abs": abs, "min": min, "max": max, "round": round}


def parse(source: str) -> ast.Expression:
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        raise CrossfactError(f"bad expression {source!r}: {exc.msg}") from None
    for node in ast.walk(tree):
        ok = isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Compare, ast.Name, ast.Load,
                               ast.USub, ast.UAdd, *BINARY, *COMPARE))
        if isinstance(node, ast.Constant):
            ok = isinstance(node.value, (int, float)) and not isinstance(node.value, bool) and abs(node.value) < 1e12
        if isinstance(node, ast.Call):
            ok = isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS and not node.keywords
        if not ok:
            raise CrossfactError(f"expression {source!r} uses {type(node).__name__}, which is not allowed")
    return tree


def evaluate(tree: ast.Expression, names: dict[str, float]) -> float | bool:
    def ev(node: ast.AST):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            if node.id not in names:
                raise CrossfactError(f"unknown name {node.id!r} in expression")
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
