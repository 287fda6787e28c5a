"""Command line: `main(argv) -> int` over the library; only this module prints.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage, config or input error.
"""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .errors import CrossfactError
from .report import FORMATS


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="crossfact", description="Cross-check news reports of the same event.")
    ap.add_argument("--version", action="version", version=f"crossfact {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="extract claims and report contradictions")
    c.add_argument("paths", nargs="*", help="report files (.txt, .md, .html) or directories")
    c.add_argument("--draft", default=None, help="check this draft (or - for stdin) against the reports")
    c.add_argument("--against", action="append", default=None, help="reports to check the draft against")
    c.add_argument("--format", action="append", choices=sorted(FORMATS), help="output format (repeatable)")
    c.add_argument("--output", action="append", help="write the matching --format to this file")
    c.add_argument("--fail-on", choices=["info", "warning", "error", "never"], default=None,
                   help="lowest severity that fails the check (default: config fail-on, else warning)")
    c.add_argument("--baseline", default=None, help="leave out the findings listed in this baseline file")
    c.add_argument("--changed-since", metavar="REF", default=None,
                   help="report only findings involving a file changed since this git ref (all reports are read)")
    c.add_argument("--only", nargs="+", metavar="FILE", default=None,
                   help="report only findings involving these files (all reports are read; for hooks)")
    _check_inputs(c)
    _scale(c)
    c.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    c.add_argument("--timings", action="store_true", help="print seconds per stage to stderr")
    b = sub.add_parser("baseline", help="record today's findings; check --baseline then shows only new ones")
    b.add_argument("paths", nargs="*", help="report files (.txt, .md) or directories (default: config sources)")
    b.add_argument("--output", default=None,
                   help="baseline file to write (default: config baseline, else crossfact-baseline.json)")
    _check_inputs(b)
    _scale(b)
    e = sub.add_parser("extract", help="write claims/<source>.yaml, keeping reviewed claims")
    e.add_argument("paths", nargs="*")
    e.add_argument("--out", default=None, help="claims folder (default: config claims, else claims)")
    e.add_argument("--pack", action="append")
    e.add_argument("--config", default=None, help="config file (default: crossfact.yaml found walking up)")
    r = sub.add_parser("rules", help="list the active rules, or test their examples")
    r.add_argument("action", nargs="?", choices=["list", "test"], default="list")
    r.add_argument("--rules", action="append", default=None)
    r.add_argument("--pack", action="append", help="a desk's own pack file or folder, for the examples")
    r.add_argument("--config", default=None, help="config file (default: crossfact.yaml found walking up)")
    i = sub.add_parser("init", help="write a starter crossfact.yaml and sources/ claims/ rules/ (never overwrites)")
    i.add_argument("dir", nargs="?", default=".")
    sub.add_parser("packs", help="list the extraction packs and what each extracts")
    f = sub.add_parser("facts", help="promote a claim from claims/ into the verified facts")
    f.add_argument("action", choices=["add"])
    f.add_argument("source_id")
    f.add_argument("claim_id")
    f.add_argument("--claims", default="claims", help="folder of claims (default: claims)")
    f.add_argument("--facts", default="facts.yaml", help="facts file (default: facts.yaml)")
    v = sub.add_parser("eval", help="score the check on a folder against its answer key")
    v.add_argument("dir")
    v.add_argument("--expected", default=None)
    return ap


def _check_inputs(p: argparse.ArgumentParser) -> None:
    """What decides the findings: shared by `check` and `baseline` so both see the same ones."""
    p.add_argument("--rules", action="append", default=None,
                   help="extra rule file or folder (default: ./rules)")
    p.add_argument("--claims", default=None, help="folder of reviewed claims (default: ./claims)")
    p.add_argument("--registry", default=None,
                   help="YAML list of canonical names, or mapping of canonical name -> aliases")
    p.add_argument("--pack", action="append", help="use only these packs (plus generic)")
    p.add_argument("--config", default=None, help="config file (default: crossfact.yaml found walking up)")
    p.add_argument("--facts", default=None, help="verified facts (facts.yaml): they outrank the sources")


def _scale(p: argparse.ArgumentParser) -> None:
    """How the check runs, never what it finds: every combination gives the same report."""
    p.add_argument("--group-by", choices=["story", "none"], default="story",
                   help="story: reports in one folder (or with one `story:` key) are one event; none: all are")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--cache", default=None, metavar="DIR", help="cache folder (default: .crossfact-cache)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="dask: run on a Dask cluster (pip install crossfact[dask])")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from . import commands

    try:
        return getattr(commands, f"cmd_{args.command}")(args)
    except CrossfactError as err:
        print(f"crossfact: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("crossfact: interrupted", file=sys.stderr)
        return 130
    except OSError as err:  # a file the user named cannot be written or read: their fix, not a bug
        where = f"{err.filename}: " if err.filename else ""
        print(f"crossfact: {where}error: {err.strerror or err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
