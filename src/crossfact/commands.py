"""The subcommands behind the CLI. Each returns an exit code; printing stays here, in checkrun and in cli."""

from __future__ import annotations

import os
import sys
from argparse import Namespace
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING

from . import claimstore
from .checkrun import (
    adjusted,
    apply_baseline,
    apply_scope,
    claims_dir,
    load_reports,
    open_cache,
    report_paths,
    rule_paths,
    run_check,
)
from .errors import CrossfactError
from .model import SEVERITY_RANK
from .settings import resolve

if TYPE_CHECKING:  # the pipeline pulls in every rule kind: not needed to replay an unchanged run
    from . import pipeline


def cmd_check(args: Namespace) -> int:
    """Check, or replay the last run when nothing that decides it has changed (see runmemo)."""
    from . import runmemo
    from .progress import Bar

    args = resolve(args)
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    cache = open_cache(args)
    memo = runmemo.lookup(args, cache, colour, report_paths(args), rule_paths(args.rules), claims_dir(args))
    if memo and memo.stored is not None:
        if args.timings:
            print("crossfact: timings: nothing changed, last run's output replayed", file=sys.stderr)
        return _emit(memo.stored, args.output or [])
    with Bar("checking"):  # only on a terminal, not in CI, and only after a second
        rules, result, notes = run_check(args, cache, memo)
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

    notes = notes + apply_scope(args, result)
    if args.baseline:
        notes.append(apply_baseline(result, args.baseline))
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
    for text in out["stdout"]:  # first: an --output of /dev/stdout then follows it, never overwrites it
        for piece in inflate(text):
            sys.stdout.write(piece)
    sys.stdout.flush()
    for path, text in zip(outputs, out["files"], strict=False):  # an --output without a --format: nothing
        claimstore.write_atomic(Path(path), inflate(text))
    return int(out["code"])


def cmd_baseline(args: Namespace) -> int:
    from . import baseline

    args = resolve(args)
    _, result, notes = run_check(args)
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
    srcs, bad = load_reports(args.paths, args.max_bytes)
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
    rules = adjusted(args, load_rules(rule_paths(args.rules)))
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
    srcs, _ = load_reports([str(folder)])
    result = pipeline.check(srcs, load_rules(rule_paths(None)))
    score = evaluate(result, key)
    sys.stdout.write(render(score))
    return 0 if score.perfect else 1


def cmd_init(args: Namespace) -> int:
    from .scaffold import init

    for path, created in init(Path(args.dir)):
        print(f"{path}: {'created' if created else 'exists, left as it is'}")
    return 0
