"""The whole check as plain functions: load, extract, resolve, apply rules, story by story.

Rules only ever compare reports of one event, so the reports are split into stories
first (`group_by="story"`: a `story:` front-matter key, else the report's folder) and
each story is checked alone: the cost grows with the number of reports, not its
square. `group_by="none"` treats every input as one event (a draft against its
sources). Stories run in worker processes (`jobs`) or on Dask (`engine="dask"`), and
an unchanged story comes from the cache; every way gives the same findings.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from time import perf_counter

from .errors import CrossfactError
from .groupwork import Outcome, PackedClaims, Story, apply_rules, check_story, pack_names, unpack_claims
from .kinds.base import Rule
from .model import SEVERITY_RANK, Claim, Finding, Source

GROUPINGS = ("story", "none")
PARALLEL_MIN = 32  # reports below which starting worker processes costs more than it saves


@dataclass
class Result:
    sources: list[Source]
    claims: Sequence[Claim]
    findings: list[Finding]
    errors: list[CrossfactError] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage (summed over workers)


def story_of(source: Source) -> str:
    """A report's story: its `story:` front-matter value, else the folder it sits in."""
    story = next((v for k, v in source.meta if k == "story"), None)
    return "story:" + story if story else "folder:" + (os.path.dirname(source.path) or ".")


def stories(sources: list[Source], reviewed: dict[str, list[Claim]] | None = None,
            group_by: str = "story") -> list[Story]:
    """The reports split into stories, in a stable order (by key, reports in input order)."""
    if group_by not in GROUPINGS:
        raise CrossfactError(f"unknown grouping {group_by!r} (use one of {', '.join(GROUPINGS)})")
    groups: dict[str, list[Source]] = {}
    for s in sources:
        groups.setdefault(story_of(s) if group_by == "story" else "", []).append(s)
    reviewed = reviewed or {}
    return [Story(k, groups[k], {s.id: reviewed[s.id] for s in groups[k] if s.id in reviewed})
            for k in sorted(groups)]


def extract_all(sources: list[Source], pack_names_: list[str] | None = None) -> dict[str, list[Claim]]:
    """Claims per report id, the packs chosen over all the given reports (as for one event)."""
    from .groupwork import extract_one

    packs = pack_names([s.text for s in sources], pack_names_)
    return {s.id: extract_one(s, packs) for s in sources}


def run_rules(rules: Iterable[Rule], sources: list[Source], claims: list[Claim],
              registry: dict[str, str] | None = None) -> list[Finding]:
    return apply_rules(rules, sources, claims, registry)


def check(sources: list[Source], rules: list[Rule], reviewed: dict[str, list[Claim]] | None = None,
          registry: dict[str, str] | None = None, pack_names: list[str] | None = None, *,
          group_by: str = "none", jobs: int = 1, cache: object | None = None, engine: str = "local",
          scheduler: str | None = None) -> Result:
    """Check every story; `cache` is a `cache.Cache` (or None), `jobs` worker processes for the local engine."""
    t0 = perf_counter()
    todo = stories(sources, reviewed, group_by)
    keys: list[str] = []
    done: dict[str, Outcome] = {}
    if cache is not None:
        from .cache import digest, story_key

        rules_digest = digest("rules", list(rules))
        keys = [story_key(st.sources, st.reviewed, rules_digest, registry, pack_names) for st in todo]
        done = cache.get_many("stories", keys)  # type: ignore[attr-defined]
    missing = [st for i, st in enumerate(todo) if not keys or keys[i] not in done]
    timings = {"cache": perf_counter() - t0}
    fresh = _run(missing, rules, registry, pack_names, jobs, engine, scheduler, cache is not None)
    if cache is not None:
        new = {keys[i]: o for i, o in enumerate(_fill(todo, keys, done, missing, fresh))
               if keys[i] not in done}
        cache.put_many("stories", new)  # type: ignore[attr-defined]
        done.update(new)
    outcomes = [done[k] for k in keys] if keys else fresh
    for o in fresh:
        for stage, sec in o.timings.items():
            timings[stage] = timings.get(stage, 0.0) + sec
    findings: dict[str, Finding] = {}
    for o in outcomes:
        for f in o.findings:
            findings.setdefault(f.fingerprint, f)
    claims: Sequence[Claim] = unpack_claims(outcomes[0].blob) if len(outcomes) == 1 else PackedClaims(outcomes)
    timings["total"] = perf_counter() - t0
    return Result(sources, claims, sorted(findings.values(), key=Finding.sort_key), timings=timings)


def _fill(todo: list[Story], keys: list[str], done: dict[str, Outcome], missing: list[Story],
          fresh: list[Outcome]) -> list[Outcome]:
    """Outcomes in story order: from the cache where it had them, freshly computed otherwise."""
    computed = iter(fresh)
    return [done[keys[i]] if keys[i] in done else next(computed) for i in range(len(todo))]


def _run(todo: list[Story], rules: list[Rule], registry: dict[str, str] | None, wanted: list[str] | None,
         jobs: int, engine: str, scheduler: str | None, rows: bool = False) -> list[Outcome]:
    if not todo:
        return []
    if engine == "dask":
        from .daskengine import run_stories

        return run_stories(todo, rules, registry, wanted, scheduler)
    if engine != "local":
        raise CrossfactError(f"unknown engine {engine!r} (use local or dask)")
    if jobs > 1 and sum(len(st.sources) for st in todo) >= max(PARALLEL_MIN, 2 * jobs):
        from .parallel import run_stories

        return run_stories(todo, rules, registry, wanted, jobs, rows)
    return [check_story(st, rules, registry, wanted) for st in todo]


def worst(findings: list[Finding]) -> int:
    return max((SEVERITY_RANK[f.severity] for f in findings), default=-1)
