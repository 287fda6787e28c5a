"""Output formats: each module renders a `Result` to a string and never prints; a format that
can also give its text piece by piece (for archives) has `pieces(result, ...)` as well."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module

FORMATS = {"text": "text", "json": "jsonreport", "sarif": "sarif", "junit": "junit", "github": "github",
           "codequality": "codequality", "html": "html"}


def renderer(name: str) -> Callable:
    return import_module(f".{FORMATS[name]}", __name__).render


def pieces(name: str) -> Callable[..., Iterable[str]]:
    """The format's text in pieces: its own `pieces` where it has one, else its whole text as one."""
    module = import_module(f".{FORMATS[name]}", __name__)
    return getattr(module, "pieces", lambda *a, **k: [module.render(*a, **k)])
