"""The local engine: stories (or, for one big story, its reports) across worker processes.

Many stories: each worker takes batches of whole stories and runs extraction, name
resolution and the rules on them, so all three stages use every core and only the
findings and packed claims come back. Few stories: their reports are extracted in
chunks across the workers and the rules run here. Results are collected in input
order, so the output is byte for byte what one process gives.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

from .groupwork import Outcome, Story, cache_row, check_story, extract_one, pack_names
from .kinds.base import Rule
from .model import Claim, Source

_SHARED: dict = {}


def _init(rules: list[Rule], registry: dict[str, str] | None, wanted: list[str] | None, rows: bool) -> None:
    """Each worker gets the rules once, not with every task."""
    _SHARED.update(rules=rules, registry=registry, wanted=wanted, rows=rows)


def _stories(batch: list[Story]) -> list[Outcome]:
    out = [check_story(st, _SHARED["rules"], _SHARED["registry"], _SHARED["wanted"]) for st in batch]
    if _SHARED["rows"]:  # the cache entries are made here, in parallel, not one by one in the parent
        for o in out:
            o.row = cache_row(o)
    return out


def _extract(chunk: list[Source], packs: tuple[str, ...]) -> list[list[Claim]]:
    return [extract_one(s, packs) for s in chunk]


def batches(items: list, sizes: list[int], parts: int) -> list[list]:
    """Consecutive batches of about sum(sizes)/parts each: big enough to amortise, small enough to balance."""
    target = max(1, sum(sizes) // parts)
    out: list[list] = [[]]
    weight = 0
    for item, size in zip(items, sizes, strict=True):
        if out[-1] and weight + size > target:
            out.append([])
            weight = 0
        out[-1].append(item)
        weight += size
    return out


def run_stories(todo: list[Story], rules: list[Rule], registry: dict[str, str] | None,
                wanted: list[str] | None, jobs: int, rows: bool = False) -> list[Outcome]:
    """Each story's outcome, in order; `rows`: also make each outcome's cache entry in the workers."""
    sizes = [len(st.sources) for st in todo]
    with ProcessPoolExecutor(jobs, initializer=_init, initargs=(rules, registry, wanted, rows)) as pool:
        if len(todo) >= 4 * jobs:
            parts = batches(todo, sizes, jobs * 32)
            return [o for done in pool.map(_stories, parts) for o in done]
        out = []
        for st in todo:
            packs = pack_names([s.text for s in st.sources], wanted)
            chunks = batches(st.sources, [len(s.text) for s in st.sources], jobs * 4)
            claims = [cl for done in pool.map(_extract, chunks, [packs] * len(chunks)) for cl in done]
            extracted: dict[str, list[Claim]] = {}
            for s, cl in zip(st.sources, claims, strict=True):
                extracted[s.id] = cl
            out.append(check_story(st, rules, registry, wanted, extracted))
        return out
