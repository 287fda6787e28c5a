"""The subcommands behind the CLI. Each returns an exit code; printing stays here and in cli."""

from __future__ import annotations

import os
import sys
from argparse import Namespace
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING, Any

from . import claimstore, sources
from .errors import CrossfactError
from .model import SEVERITY_RANK, Source
from .settings import resolve

if TYPE_CHECKING:  # the pipeline pulls in every rule kind: not needed to replay an unchanged run
    from . import pipeline


def _load(paths: list[str], max_bytes: int | None = None, found: list[Path] | None = None,
          read: dict[str, bytes] | None = None) -> tuple[list[Source], list[CrossfactError]]:
    good, bad = [], []
    for item in sources.load(paths, max_bytes, found, read):
        (bad if isinstance(item, CrossfactError) else good).append(item)
    for err in bad:
        print(f"crossfact: {err}", file=sys.stderr)
    return good, bad


def _rule_paths(value: list[str] | None) -> list[str]:
    if value is not None:
        return value
    return ["rules"] if Path("rules").is_dir() and any(Path("rules").glob("*.y*ml")) else []


def _run(args: Namespace, cache: Any = None, memo: Any = None) -> tuple[list, pipeline.Result, list[str]]:
    """Rules, then the check over args.paths, as `check` and `baseline` both need; and notes for stderr."""
    from . import pipeline
    from .rules import load_rules

    rules = _adjusted(args, load_rules(_rule_paths(args.rules)))
    started = perf_counter()
    found, read = (memo.found, memo.read) if memo else (None, None)
    srcs, bad = _load(_paths(args), getattr(args, "max_bytes", None), found, read)
    loaded = perf_counter() - started
    cfg = getattr(args, "cfg", None)
    for err in cfg.problems if cfg else []:
        print(f"crossfact: {err}", file=sys.stderr)
        bad.append(err)
    claims_dir = Path(_claims_dir(args))
    if args.claims and claims_dir.exists() and not claims_dir.is_dir():  # missing: nothing reviewed yet
        raise CrossfactError("--claims must name a folder of claims files", path=str(claims_dir))
    bad_claims: list[CrossfactError] = []  # a hand-broken claims file is reported; the others still count
    reviewed = claimstore.load_dir(claims_dir, bad_claims) if claims_dir.is_dir() else {}
    for err in bad_claims:
        print(f"crossfact: {err}", file=sys.stderr)
    registry = load_registry(Path(args.registry)) if getattr(args, "registry", None) else None
    srcs, reviewed, registry, finish = _draft_and_facts(args, srcs, reviewed, registry)
    result = pipeline.check(srcs, rules, reviewed, registry=registry, pack_names=args.pack, **_how(args, cache))
    result.timings = {"load": loaded, **result.timings}
    result.errors = bad + bad_claims
    finish(result)
    return rules, result, _suppress(result)


def _claims_dir(args: Namespace) -> str:
    return args.claims or "claims"


def _open_cache(args: Namespace) -> Any:
    """The cache.Cache of --cache (None with --no-cache)."""
    if getattr(args, "no_cache", True):
        return None
    from .cache import DEFAULT_DIR, Cache

    return Cache(args.cache or DEFAULT_DIR)


def _how(args: Namespace, cache: Any = None) -> dict:
    """--group-by, --jobs, --cache, --engine: how the check runs. A draft or facts join every report, so one group."""
    one = getattr(args, "draft", None) or getattr(args, "facts", None)
    cache = cache or _open_cache(args)
    return {"group_by": "none" if one else getattr(args, "group_by", "story"), "cache": cache,
            "jobs": getattr(args, "jobs", None) or os.cpu_count() or 1,
            "engine": getattr(args, "engine", "local"), "scheduler": getattr(args, "scheduler", None)}


def _adjusted(args: Namespace, rules: list) -> list:
    """The config's severity overrides and disabled rules (a flag-only run has no config)."""
    cfg = getattr(args, "cfg", None)
    return cfg.adjust(rules) if cfg is not None else rules


def _suppress(result: pipeline.Result) -> list[str]:
    """Inline `crossfact: ignore` comments in the reports silence findings on their line."""
    from . import suppress

    outcome = suppress.apply(result.findings, result.sources)
    result.findings = outcome.kept
    return [f"{len(outcome.suppressed)} findings suppressed inline"] if outcome.suppressed else []


def _scope(args: Namespace, result: pipeline.Result) -> list[str]:
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


def _paths(args: Namespace) -> list[str]:
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


def _apply_baseline(result: pipeline.Result, path: str) -> str:
    from . import baseline

    outcome = baseline.apply(result.findings, baseline.read(Path(path)))
    result.findings = outcome.new
    return f"{outcome.baselined} findings baselined, {len(outcome.stale)} baseline entries stale ({path})"


def cmd_check(args: Namespace) -> int:
    """Check, or replay the last run when nothing that decides it has changed (see runmemo)."""
    from . import runmemo
    from .progress import Bar

    args = resolve(args)
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    cache = _open_cache(args)
    memo = runmemo.lookup(args, cache, colour, _paths(args), _rule_paths(args.rules), _claims_dir(args))
    if memo and memo.stored is not None:
        if args.timings:
            print("crossfact: timings: nothing changed, last run's output replayed", file=sys.stderr)
        return _emit(memo.stored, args.output or [])
    with Bar("checking"):  # only on a terminal, not in CI, and only after a second
        rules, result, notes = _run(args, cache, memo)
    out = _outputs(args, rules, result, notes, colour)
    if memo and not result.errors:
        runmemo.record(cache.db, memo.key, out)
    if args.timings:  # seconds per stage, extract/resolve/rules summed over the workers
        stages = "  ".join(f"{k} {v:.3f}s" for k, v in result.timings.items() if k != "total")
        print(f"crossfact: timings: {stages}  (check wall {result.timings.get('total', 0.0):.3f}s)", file=sys.stderr)
    return _emit(out, args.output or [])


def _outputs(args: Namespace, rules: list, result: pipeline.Result, notes: list[str], colour: bool) -> dict:
    """Everything the check writes, as a value: files and stdout (each text deflated as it is
    rendered, see report.packed), notes for stderr, and the exit code."""
    from . import pipeline
    from .report import pieces
    from .report.packed import deflate

    notes = notes + _scope(args, result)
    if args.baseline:
        notes.append(_apply_baseline(result, args.baseline))
    formats = args.format or ["text"]
    outputs = args.output or []
    files, stdout = [], []
    started = perf_counter()
    for i, fmt in enumerate(formats):
        text = deflate(pieces(fmt)(result, colour=colour and i >= len(outputs), rules=rules))
        if i < len(outputs):
            files.append(text)
        else:
            stdout.append(text)
    code = 0
    if result.errors:
        code = 2  # something was not checked: that outranks any finding
    elif args.fail_on != "never" and pipeline.worst(result.findings) >= SEVERITY_RANK[args.fail_on]:
        code = 1
    result.timings["report"] = perf_counter() - started
    return {"files": files, "stdout": stdout, "notes": notes, "code": code}


def _emit(out: dict, outputs: list[str]) -> int:
    """Write what `_outputs` made (or a replay gave): the n-th file text to the n-th --output."""
    from .report.packed import inflate

    for note in out["notes"]:
        print(f"crossfact: {note}", file=sys.stderr)
    for path, text in zip(outputs, out["files"], strict=True):
        claimstore.write_atomic(Path(path), inflate(text))
    for text in out["stdout"]:
        for piece in inflate(text):
            sys.stdout.write(piece)
    return int(out["code"])


def cmd_baseline(args: Namespace) -> int:
    from . import baseline

    args = resolve(args)
    _, result, notes = _run(args)
    for note in notes:
        print(f"crossfact: {note}", file=sys.stderr)
    if result.errors and not result.sources:
        return 2
    count = baseline.write(Path(args.output), result.findings)
    print(f"{args.output}: {count} findings baselined")
    return 2 if result.errors else 0


def cmd_extract(args: Namespace) -> int:
    from . import pipeline

    args = resolve(args)
    srcs, bad = _load(args.paths, args.max_bytes)
    out = Path(args.out)
    extracted = pipeline.extract_all(srcs, args.pack)
    for sid, fresh in sorted(extracted.items()):
        target = out / f"{sid}.yaml"
        try:
            previous = claimstore.read(target) if target.exists() else []
        except CrossfactError as err:  # never overwrite a reviewer's file we cannot read: fix it, run again
            print(f"crossfact: {err} (not rewritten)", file=sys.stderr)
            bad.append(err)
            continue
        merged = claimstore.merge(fresh, previous)
        claimstore.write_atomic(target, claimstore.dump(sid, merged))
        kept = sum(1 for c in merged if c.status != "extracted")
        print(f"{target}: {len(merged)} claims ({kept} reviewed kept)")
    return 2 if bad else 0


def cmd_rules(args: Namespace) -> int:
    from .rules import load_rules

    args = resolve(args)
    rules = _adjusted(args, load_rules(_rule_paths(args.rules)))
    if args.action == "test":
        from .ruletest import run_examples

        failures = 0
        for rule, ok, detail in run_examples(rules, getattr(args, "pack", None) or []):
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {rule.id}: {detail}")
        return 1 if failures else 0
    for r in rules:
        print(f"{r.id:28} {r.kind:9} {r.severity:8} {r.description}  [{', '.join(r.select)}]")
    return 0


def cmd_packs(args: Namespace) -> int:
    from .extract.packs import builtin_packs

    for p in builtin_packs():
        when = "always" if p.always else "when its words occur"
        print(f"{p.name:10} {when:22} {p.description}\n{'':10} extracts: {', '.join(p.extracts)}")
    return 0


def cmd_facts(args: Namespace) -> int:
    from . import facts

    claim = facts.add(Path(args.facts), Path(args.claims), args.source_id, args.claim_id)
    print(f"{args.facts}: added {claim.predicate} of {claim.subject or 'the event'} = {claim.text!r} "
          f"(from {claim.source})")
    return 0


def cmd_eval(args: Namespace) -> int:
    from . import pipeline
    from .evaluate import evaluate, render
    from .rules import load_rules

    folder = Path(args.dir)
    key = Path(args.expected) if args.expected else folder / "EXPECTED.yaml"
    if not key.exists():
        raise CrossfactError("no answer key (EXPECTED.yaml)", path=str(key))
    srcs, _ = _load([str(folder)])
    result = pipeline.check(srcs, load_rules(_rule_paths(None)))
    score = evaluate(result, key)
    sys.stdout.write(render(score))
    return 0 if score.perfect else 1


def cmd_init(args: Namespace) -> int:
    from .scaffold import init

    for path, created in init(Path(args.dir)):
        print(f"{path}: {'created' if created else 'exists, left as it is'}")
    return 0
