"""The Dask engine (archive mode): reports extracted as a Dask bag, cross-checked as a group-by on story.

`pip install crossfact[dask]`. With a scheduler address the work goes to that cluster
(`crossfact check --engine dask --scheduler tcp://host:8786`); without one a
LocalCluster on this machine is started and closed again. The workers need crossfact
installed (the same version: claims are compared across reports). Each report is one
bag item extracted with its story's packs; the group-by brings a story's claims together
and the same `check_story` as the local engine applies the rules, so the report is the
same byte for byte.
"""

from __future__ import annotations

import os

from .errors import CrossfactError
from .groupwork import Outcome, Story, check_story, extract_one, pack_names
from .kinds.base import Rule
from .model import Claim, Source

LOCAL_PROCESSES = True  # tests set False: a LocalCluster of threads starts in a second


def _extract(item: tuple[int, int, Source, tuple[str, ...]]) -> tuple[int, int, Source, list[Claim]]:
    story, place, source, packs = item
    return story, place, source, extract_one(source, packs)


def _client(scheduler: str | None):  # noqa: ANN202  (a distributed.Client; dask is optional)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise CrossfactError("--engine dask needs Dask: pip install 'crossfact[dask]'") from None
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=1 if not LOCAL_PROCESSES else (os.cpu_count() or 1),
                           threads_per_worker=1, processes=LOCAL_PROCESSES, dashboard_address=":0")
    return Client(cluster), cluster


def run_stories(todo: list[Story], rules: list[Rule], registry: dict[str, str] | None,
                wanted: list[str] | None, scheduler: str | None) -> list[Outcome]:
    import dask.bag as db

    packs = [pack_names([s.text for s in st.sources], wanted) for st in todo]
    items = [(i, j, s, packs[i]) for i, st in enumerate(todo) for j, s in enumerate(st.sources)]
    meta = [(st.key, st.reviewed) for st in todo]

    def cross_check(group: tuple[int, list]) -> tuple[int, Outcome]:
        story, members = group
        members = sorted(members, key=lambda m: m[1])
        key, reviewed = meta[story]
        st = Story(key, [m[2] for m in members], reviewed)
        extracted: dict[str, list[Claim]] = {}
        for m in members:
            extracted[m[2].id] = m[3]  # a later report with the same id wins, as in the local engine
        return story, check_story(st, rules, registry, wanted, extracted)

    parts = max(1, min(len(items), 4 * (os.cpu_count() or 1), len(items) // 50 or 1))
    bag = db.from_sequence(items, npartitions=parts).map(_extract)
    checked = bag.groupby(lambda m: m[0], shuffle="tasks").map(cross_check)
    client, cluster = _client(scheduler)
    try:
        done = dict(client.compute(checked).result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return [done[i] for i in range(len(todo))]
