"""Output formats: each module renders a `Result` to a string and never prints."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

FORMATS = {"text": "text", "json": "jsonreport", "sarif": "sarif", "junit": "junit", "github": "github",
           "codequality": "codequality", "html": "html"}


def renderer(name: str) -> Callable:
    return import_module(f".{FORMATS[name]}", __name__).render
