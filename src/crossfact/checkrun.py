"""What `check` and `baseline` share: from the command's arguments to a checked `Result`.

Reports, rules, reviewed claims, registry, facts and draft are loaded here, the pipeline runs,
and inline suppressions, --only/--changed-since and a baseline are applied. Input errors are
printed as they are met (one line each, naming the file) and the rest is still checked.
"""

from __future__ import annotations

import os
import sys
from argparse import Namespace
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING, Any

from . import claimstore, sources
from .errors import CrossfactError
from .model import Source

if TYPE_CHECKING:  # the pipeline pulls in every rule kind: not needed to replay an unchanged run
    from . import pipeline


def load_reports(paths: list[str], max_bytes: int | None = None, found: list[str] | None = None,
          read: dict[str, bytes] | None = None) -> tuple[list[Source], list[CrossfactError]]:
    good, bad = [], []
    for item in sources.load(paths, max_bytes, found, read):
        (bad if isinstance(item, CrossfactError) else good).append(item)
    for err in bad:
        print(f"crossfact: {err}", file=sys.stderr)
    return good, bad


def rule_paths(value: list[str] | None) -> list[str]:
    if value is not None:
        return value
    return ["rules"] if Path("rules").is_dir() and any(Path("rules").glob("*.y*ml")) else []


def run_check(args: Namespace, cache: Any = None, memo: Any = None) -> tuple[list, pipeline.Result, list[str]]:
    """Rules, then the check over args.paths, as `check` and `baseline` both need; and notes for stderr."""
    from . import pipeline
    from .rules import load_rules

    rules = adjusted(args, load_rules(rule_paths(args.rules)))
    started = perf_counter()
    found, read = (memo.found, memo.read) if memo else (None, None)
    srcs, bad = load_reports(report_paths(args), getattr(args, "max_bytes", None), found, read)
    loaded = perf_counter() - started
    cfg = getattr(args, "cfg", None)
    for err in cfg.problems if cfg else []:
        print(f"crossfact: {err}", file=sys.stderr)
        bad.append(err)
    folder = Path(claims_dir(args))
    if args.claims and folder.exists() and not folder.is_dir():  # missing: nothing reviewed yet
        raise CrossfactError("--claims must name a folder of claims files", path=str(folder))
    bad_claims: list[CrossfactError] = []  # a hand-broken claims file is reported; the others still count
    reviewed = claimstore.load_dir(folder, bad_claims) if folder.is_dir() else {}
    for err in bad_claims:
        print(f"crossfact: {err}", file=sys.stderr)
    registry = load_registry(Path(args.registry)) if getattr(args, "registry", None) else None
    srcs, reviewed, registry, finish = _draft_and_facts(args, srcs, reviewed, registry)
    result = pipeline.check(srcs, rules, reviewed, registry=registry, pack_names=args.pack, **_how(args, cache))
    result.timings = {"load": loaded, **result.timings}
    result.errors = bad + bad_claims
    finish(result)
    return rules, result, _suppress(result)


def claims_dir(args: Namespace) -> str:
    return args.claims or "claims"


def open_cache(args: Namespace) -> Any:
    """The cache.Cache of --cache (None with --no-cache)."""
    if getattr(args, "no_cache", True):
        return None
    from .cache import DEFAULT_DIR, Cache

    return Cache(args.cache or DEFAULT_DIR)


def _how(args: Namespace, cache: Any = None) -> dict:
    """--group-by, --jobs, --cache, --engine: how the check runs. A draft or facts join every report, so one group."""
    one = getattr(args, "draft", None) or getattr(args, "facts", None)
    cache = cache or open_cache(args)
    return {"group_by": "none" if one else getattr(args, "group_by", "story"), "cache": cache,
            "jobs": getattr(args, "jobs", None) or os.cpu_count() or 1,
            "engine": getattr(args, "engine", "local"), "scheduler": getattr(args, "scheduler", None)}


def adjusted(args: Namespace, rules: list) -> list:
    """The config's severity overrides and disabled rules (a flag-only run has no config)."""
    cfg = getattr(args, "cfg", None)
    return cfg.adjust(rules) if cfg is not None else rules


def _suppress(result: pipeline.Result) -> list[str]:
    """Inline `crossfact: ignore` comments in the reports silence findings on their line."""
    from . import suppress

    outcome = suppress.apply(result.findings, result.sources)
    result.findings = outcome.kept
    return [f"{len(outcome.suppressed)} findings suppressed inline"] if outcome.suppressed else []


def apply_scope(args: Namespace, result: pipeline.Result) -> list[str]:
    """--changed-since and --only: keep the findings (and input errors) that involve those files."""
    from . import scope

    wanted: list[str] = []
    if args.changed_since:
        wanted += scope.changed_since(args.changed_since)
    if args.only:
        wanted += args.only
    if not (args.changed_since or args.only):
        return []
    before = len(result.findings)
    result.findings = scope.only(result.findings, wanted, result.sources)
    keys = {scope.key(p) for p in wanted}
    result.errors = [e for e in result.errors if e.path is None or scope.key(e.path) in keys]
    if before == len(result.findings):
        return []
    return [f"{before - len(result.findings)} findings left out: they involve none of the "
            f"{'changed' if args.changed_since else 'given'} files"]


def report_paths(args: Namespace) -> list[str]:
    """The reports to check: PATHS and --against; a draft alone is checked against ./sources."""
    paths = list(args.paths or []) + list(getattr(args, "against", None) or [])
    if not paths and getattr(args, "draft", None) and not getattr(args, "facts", None):
        paths = ["sources"] if Path("sources").is_dir() else []
    if not paths and not getattr(args, "draft", None):
        raise CrossfactError("nothing to check: give report files or folders, or --draft")
    return paths


def _draft_and_facts(args: Namespace, srcs: list[Source], reviewed: dict, registry: dict | None) -> tuple:
    """Add the facts (as source "facts") and the draft; `finish` ranks facts first, then keeps the draft's."""
    from . import draft, facts

    fx = facts.load(Path(args.facts)) if getattr(args, "facts", None) else None
    if fx is not None:
        srcs = [*srcs, fx.source()]
        reviewed = {**reviewed, facts.FACTS_ID: fx.claims}
        registry = {**(registry or {}), **fx.names}
    the_draft = None
    if getattr(args, "draft", None):
        the_draft = draft.load(args.draft, sys.stdin.read() if args.draft == "-" else None)
        srcs = draft.combine(srcs, the_draft)
        the_draft = srcs[-1]

    def finish(result: pipeline.Result) -> None:
        if fx is not None:
            result.findings = facts.outrank(result.findings)
        if the_draft is not None:
            result.findings = draft.focus(result, the_draft.id, registry)

    return srcs, reviewed, registry, finish


def load_registry(path: Path) -> dict[str, str]:
    """Canonical spellings: every word of a canonical name maps to itself, every alias word to it."""
    from .rules import compose

    try:
        data, _ = compose(path.read_text("utf-8"), str(path))
    except OSError as exc:
        raise CrossfactError(f"cannot read registry: {exc.strerror}", path=str(path)) from None
    return registry_from(data, str(path))


def registry_from(data: object, path: str) -> dict[str, str]:
    """The registry of a parsed YAML list or mapping (a registry file, or facts.yaml's `names:`)."""
    from .text import name_words

    entries = data.items() if isinstance(data, dict) else [(n, []) for n in (data or [])]
    out: dict[str, str] = {}
    for canonical, aliases in entries:
        if not isinstance(canonical, str) or not isinstance(aliases, (list, type(None))):
            raise CrossfactError("a registry is a list of names or a mapping name -> [aliases]", path=path)
        words = name_words(canonical)
        for w in words:
            out[w] = w
        for alias in aliases or []:
            for a, w in zip(name_words(str(alias)), words, strict=False):
                out[a] = w
    return out


def apply_baseline(result: pipeline.Result, path: str) -> str:
    from . import baseline

    outcome = baseline.apply(result.findings, baseline.read(Path(path)))
    result.findings = outcome.new
    return f"{outcome.baselined} findings baselined, {len(outcome.stale)} baseline entries stale ({path})"
