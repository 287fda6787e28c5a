"""The work for one story (a group of reports of one event): extract, resolve, apply the rules.

A story is the unit every engine hands out, because the rules only ever compare reports
of one event: the local engine runs stories in worker processes, the Dask engine as a
group-by, and the cache keeps each story's outcome. Everything here is a pure function
of its arguments, so any engine gives the same findings byte for byte.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from time import perf_counter
from typing import Any

from .kinds.base import Context, Rule
from .model import Claim, Finding, Source


@dataclass
class Story:
    """What a story's check needs besides the rules: its reports and the reviewed claims about them."""

    key: str
    sources: list[Source]
    reviewed: dict[str, list[Claim]] = field(default_factory=dict)


@dataclass
class Outcome:
    """A story's findings, and its claims packed (zlib'd pickle): small to ship, cache and keep."""

    findings: list[Finding]
    count: int
    blob: bytes
    timings: dict[str, float] = field(default_factory=dict)
    row: bytes | None = None  # its cache entry, when a worker made it (never part of the entry itself)


def pack_claims(claims: list[Claim]) -> bytes:
    from .codec import claims_to, pack

    return pack(claims_to(claims))


def unpack_claims(blob: bytes) -> list[Claim]:
    from .codec import claims_from, unpack

    return claims_from(unpack(blob))


def outcome_to(o: Outcome) -> dict:
    """An outcome as plain data, for the cache (claims stay packed: they are JSON already)."""
    import base64

    from .codec import finding_to

    return {"findings": [finding_to(f) for f in o.findings], "count": o.count,
            "blob": base64.b64encode(o.blob).decode("ascii"), "timings": o.timings}


def cache_row(o: Outcome) -> bytes:
    """The cache entry of an outcome: made by the worker that computed it, if it did."""
    from .codec import pack

    return o.row if o.row is not None else pack(outcome_to(o))


def outcome_from(d: dict) -> Outcome:
    import base64

    from .codec import finding_from

    return Outcome([finding_from(f) for f in d["findings"]], int(d["count"]), base64.b64decode(d["blob"]),
                   dict(d.get("timings") or {}))


def pack_names(texts: list[str], wanted: list[str] | None) -> tuple[str, ...]:
    """The packs a story uses, by name: chosen over the story's own texts, as for one event."""
    from .extract.packs import choose

    return tuple(p.ref for p in choose(texts, wanted))


def extract_one(source: Source, packs: tuple[str, ...]) -> list[Claim]:
    from .extract import extract
    from .extract.packs import by_refs

    return extract(source, by_refs(packs))


def merge_reviewed(extracted: dict[str, list[Claim]], reviewed: dict[str, list[Claim]]) -> list[Claim]:
    """Reviewed claims win over fresh ones; claims in source-id order, as the reports have them."""
    if reviewed:
        from .claimstore import merge

        extracted = {sid: merge(cl, reviewed.get(sid, [])) for sid, cl in extracted.items()}
    return [c for sid in sorted(extracted) for c in extracted[sid]]


def rule_context(sources: list[Source], claims: list[Claim], registry: dict[str, str] | None) -> Context:
    """What every rule reads: the sources, and the names resolved with the packs' common words and
    transliteration families (a check and a draft's own pass build it the same way)."""
    from .extract.packs import name_variants, vocabulary
    from .resolve import resolve

    return Context({s.id: s for s in sources}, resolve(claims, registry, vocabulary(), name_variants()), claims)


def apply_rules(rules: Iterable[Rule], sources: list[Source], claims: list[Claim],
                registry: dict[str, str] | None, timings: dict[str, float] | None = None) -> list[Finding]:
    """Resolve names, then every rule that is on; findings deduplicated and in report order."""
    from .kinds import KINDS

    t0 = perf_counter()
    ctx = rule_context(sources, claims, registry)
    t1 = perf_counter()
    findings: dict[str, Finding] = {}
    # what each finding flags: a second rule flagging the same words says it twice. A deferring kind's
    # findings (digits-swapped reads figures in the text, under no claim's predicate) come last, and
    # only where no other finding flags the same words: that one says what the figure is
    spots: set[tuple] = set()
    deferred: list[tuple[tuple, Finding]] = []
    for rule in rules:
        if rule.severity == "off":
            continue
        defers = getattr(KINDS[rule.kind], "DEFERS", False)
        for f in KINDS[rule.kind].check(rule, claims, ctx):
            where = tuple(sorted((e.source, e.line, e.column) for v in f.values for e in v.evidence
                                 if e.source in f.flagged))
            if defers:
                deferred.append((where, f))
            elif f.fingerprint not in findings and ((f.predicate, where) not in spots or not where):
                findings[f.fingerprint] = f
                spots.add((f.predicate, where))
    flagged = {where for _, where in spots}
    for where, f in deferred:
        if f.fingerprint not in findings and where not in flagged:
            findings[f.fingerprint] = f
    if timings is not None:
        timings["resolve"] = timings.get("resolve", 0.0) + t1 - t0
        timings["rules"] = timings.get("rules", 0.0) + perf_counter() - t1
    return sorted(findings.values(), key=Finding.sort_key)


def check_story(story: Story, rules: list[Rule], registry: dict[str, str] | None, wanted: list[str] | None,
                extracted: dict[str, list[Claim]] | None = None) -> Outcome:
    """One story from reports to findings; `extracted` holds claims already known (from the cache)."""
    timings: dict[str, float] = {}
    t0 = perf_counter()
    packs = pack_names([s.text for s in story.sources], wanted)
    given = extracted or {}
    known: dict[str, list[Claim]] = {}
    for s in story.sources:  # a later report with the same id wins, as it always has
        known[s.id] = given[s.id] if s.id in given else extract_one(s, packs)
    timings["extract"] = perf_counter() - t0
    claims = merge_reviewed(known, story.reviewed)
    findings = apply_rules(rules, story.sources, claims, registry, timings)
    return Outcome(findings, len(claims), pack_claims(claims), timings)


class PackedClaims(Sequence):
    """Every story's claims, kept packed and unpacked only when read: 100k reports fit in memory."""

    def __init__(self, outcomes: list[Outcome]) -> None:
        self._blobs = [o.blob for o in outcomes if o.count]
        self._starts: list[int] = []
        total = 0
        for o in outcomes:
            if o.count:
                self._starts.append(total)
                total += o.count
        self._len = total

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[Claim]:
        for blob in self._blobs:
            yield from unpack_claims(blob)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError(index)
        i = bisect_right(self._starts, index) - 1
        return unpack_claims(self._blobs[i])[index - self._starts[i]]
