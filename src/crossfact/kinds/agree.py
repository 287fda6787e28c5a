"""agree: sources must agree on the value of a (subject, predicate, qualifiers) key.

Claims are grouped by predicate and by the subject's entity (so "Vosberg" and "Lena
Vosberg" are one subject). Inside a group, values that are equal after normalization
("3:51.20" and "3min 51.20sec") form one side. Two sides conflict when:

- their qualifiers named in ``key`` do not differ (a value given for 2022 is not
  compared with one given for 2023; a missing qualifier does not separate);
- the lists named in ``overlap`` share an entity (the people of a bout: an undercard
  bout's round is another contest's);
- times of day are at most ``max_minutes`` apart when it is set (a kick-off at 8 p.m. and
  another match's at 5:45 p.m. are two matches, not a typo), and more than half an hour
  apart when one is given as "about" (a rounding);
- they differ by more than ``tolerance`` and, for numbers, by at most
  ``max_difference`` (a relative difference: numbers far apart are almost always
  different facts, not a typo);
- with ``transposed``, instead of the two tests above: the figures as written are the
  same digits with two neighbours swapped (2,170 and 2,710 acres, 948 and 984 feet), a
  typo however far apart the numbers are, unless the lone report also gives its own figure near
  the consensus (then the swapped one is another fact) or says the figure rose or fell;
- the side held right has at least ``min_majority`` sources against one (when set above 1);
- neither side's sources also state the other side's value anywhere for this
  predicate (a report that gives both 2:04:24 and 2:04:02 is telling two facts);
- neither is hedged ("more than 110,000", "about 100", "nearly 50": a rounding, not a
  value; hedged figures are left out);
- places are not compatible: one inside the other ("Harbour Stadium" and
  "Velmouth" when some source writes "Harbour Stadium in Velmouth"), or one name inside the other.

Flagged: one report says an old record was set "in Bergen", another "in Malmo".
Not flagged: "3:51.20" vs "3min 51.20sec" (same value); the winner's 3:51.20 vs the
runner-up's 3:51.90 (different subjects); 2:10:24 (2030) vs 2:10:02 (2031).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations

from ..model import Claim, Finding
from ..text import fold
from .base import Context, Rule, selected, side, usable

ID = "agree"
FINDING_KIND = "conflict"
OPTIONS = {
    "key": ["venue", "year", "distance", "kind", "zone", "as_of"],
    "require": [],
    "exact": [],  # qualifiers that must be the same, a missing one included (who gave a figure)
    "forbid": [],  # claims with any of these qualifiers are left to another rule
    "overlap": [],  # list qualifiers that must share an entity (the people of a bout: not an undercard's)
    "tolerance": 0.0,
    "max_difference": None,
    "max_minutes": None,  # times of day further apart than this (around the clock) are other events
    # only figures written with two adjacent digits swapped (2,170 / 2,710): a typo however far apart
    "transposed": False,
    "min_majority": 1,  # the sources a finding holds right: at least this many, against one
    "finding_kind": "conflict",
    # which claims: "named" (about someone or something), "unnamed" (about the whole event: a toll,
    # an attendance) or "any"
    "subjects": "named",
}


LABELS = {"result.place": "finishing place", "tally.wins": "number of wins", "tally.titles": "number of titles",
          "tally.medals": "number of medals",
          "result.time": "time", "result.score": "score", "event.minute": "minute", "mark.venue": "where it was set",
          "mark.year": "year it was set", "mark.clock": "time of day it was measured", "season.opener": "season opener",
          "person.age": "age", "incident.collision": "collision", "count.attendance": "attendance"}


OPTION_TYPES = {"max_difference": (int, float, type(None)), "max_minutes": (int, float, type(None))}


def describe(pred: str, c: Claim) -> str:
    """'the minute of Ivo Sandoval', 'where 3:46.32 was set', 'number of deaths'."""
    label = LABELS.get(pred) or pred.replace("count.", "number of ").replace("measure.", "").replace(".", " ")
    thing = c.value.get("mark") or c.value.get("measure")
    if thing:
        return f"{label} ({thing})"
    return f"{label} of {c.subject}" if c.subject else label


def number(c: Claim) -> list[float]:
    v = c.value
    if v.get("pairs") is not None or v.get("type") == "date":
        return []
    for key in ("seconds", "minutes", "minute", "value"):
        if v.get(key) is not None:
            out = [float(v[key])]
            if v.get("alt_seconds") is not None:
                out.append(float(v["alt_seconds"]))
            return out
    if v.get("type") == "year":
        return [float(v["text"])]
    return []


def _words(text: str) -> set[str]:
    return {fold(w) for w in re.findall(r"[^\W\d_][\w'’\-]*", text) if w[:1].isupper()} - {"the"}


def equal(a: Claim, b: Claim, tolerance: float, ctx: Context, strict: bool = False) -> bool:
    """Same value after normalization; places also when one contains the other (unless `strict`)."""
    if a.value.get("type") == "date" and b.value.get("type") == "date":
        same_year = not (a.value.get("year") and b.value.get("year")) or a.value["year"] == b.value["year"]
        return same_year and (a.value.get("month"), a.value.get("day")) == (b.value.get("month"), b.value.get("day"))
    if a.value.get("pairs") is not None or b.value.get("pairs") is not None:
        pa, pb = [tuple(p) for p in a.value.get("pairs") or []], [tuple(p) for p in b.value.get("pairs") or []]
        if sorted(pa) == sorted(pb):
            return True
        # the same sets in order, less the last ("6-2, 6-2" of "6-2, 6-2, 7-6"): a shorter cut
        short, full = sorted((pa, pb), key=len)
        return len(short) >= 2 and len(full) == len(short) + 1 and full[:len(short)] == short
    na, nb = number(a), number(b)
    if na and nb:
        return any(abs(x - y) <= max(tolerance * max(abs(x), abs(y)), 1e-6) for x in na for y in nb)
    wa = {ctx.resolution.canonical.get(w, w) for w in _words(a.text)}
    wb = {ctx.resolution.canonical.get(w, w) for w in _words(b.text)}
    if not wa or not wb:
        return fold(a.text) == fold(b.text)
    if strict:
        return wa == wb
    return wa <= wb or wb <= wa or _contained(a.text, b.text, ctx) or _contained(b.text, a.text, ctx)


def _contained(inner: str, outer: str, ctx: Context) -> bool:
    """Does any source place `inner` in `outer`, an edition's year aside ("Harbour Stadium in
    Velmouth", "Arlen, Corvo Province")?"""
    key = ("contained", inner, outer)
    if key not in ctx.memo:
        place = re.sub(r"\s+(?:19|20)\d{2}\b", "", outer)
        pattern = re.compile(re.escape(inner) + r"(?:,\s*|\s+in\s+(?:the\s+)?)" + re.escape(place))
        ctx.memo[key] = any(pattern.search(s.text) for s in ctx.sources.values())
    return ctx.memo[key]


def plausible(a: Claim, b: Claim, max_difference: float | None) -> bool:
    if max_difference is None:
        return True
    na, nb = number(a), number(b)
    if not (na and nb):
        return True
    return any(abs(x - y) <= max_difference * max(abs(x), abs(y)) for x in na for y in nb)


def transposed(a: str, b: str) -> bool:
    """Are two figures, as written, the same digits with two neighbours swapped ("948 feet", "984ft")?"""
    da, db = "".join(ch for ch in a if ch.isdigit()), "".join(ch for ch in b if ch.isdigit())
    if len(da) != len(db) or len(da) < 2:
        return False
    diff = [i for i in range(len(da)) if da[i] != db[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and da[diff[0]] == db[diff[1]] and da[diff[1]] == db[diff[0]]


RISE = re.compile(r"\b(?:rose|risen|climbed|jumped|increased|grew)\b|\b(?:fell|dropped|up|down)\s+(?:to|from)\b")


def _other_fact(lone: list[Claim], consensus: list[Claim], same_predicate: list[Claim]) -> bool:
    """The lone report's swapped figure is likely another fact, not a typo: the report gives its own
    figure near the consensus too (turnout 61% against 65%, and 56% for the plan), or says the figure
    changed ("rose to 41")."""
    agreed = number(consensus[0])
    near = [c for c in same_predicate if c.source == lone[0].source and c not in lone and any(
        abs(x - y) <= 0.15 * max(abs(x), abs(y)) for x in number(c) for y in agreed)]
    return bool(near) or any(RISE.search(c.evidence.text) for c in lone)


def _near_in_day(a: Claim, b: Claim, max_minutes: float | None) -> bool:
    """Two times of day at most `max_minutes` apart, around midnight too (23:50 and 00:10: 20)."""
    x, y = a.value.get("minutes"), b.value.get("minutes")
    if max_minutes is None or x is None or y is None:
        return True
    gap = abs(x - y) % 1440
    gap = min(gap, 1440 - gap)
    if (a.value.get("approx") or b.value.get("approx")) and gap <= 30:
        return False  # "about 9 p.m." and 8:40 p.m.: a rounding, not another time
    return gap <= max_minutes


def comparable(a: Claim, b: Claim, keys: list[str], require: list[str], exact: list[str] = ()) -> bool:
    if a.source == b.source:
        return False
    if any(a.qualifiers.get(k) != b.qualifiers.get(k) for k in exact):
        return False
    for k in require:
        if a.qualifiers.get(k) is None or a.qualifiers.get(k) != b.qualifiers.get(k):
            return False
    for k in keys:
        x, y = a.qualifiers.get(k), b.qualifiers.get(k)
        if x is not None and y is not None and fold(str(x)) != fold(str(y)):
            return False
    return True


def _overlap(a: Claim, b: Claim, qualifier: str, ctx: Context) -> bool:
    """The two claims' lists under `qualifier` name one entity in common (as the story resolves names)."""
    keys = {ctx.resolution.key(x) for x in a.qualifiers.get(qualifier) or []}
    return any(ctx.resolution.key(y) in keys for y in b.qualifiers.get(qualifier) or [])


def check(rule: Rule, claims: list[Claim], ctx: Context) -> Iterator[Finding]:
    claims = usable(claims, ctx)
    opts = rule.options
    tol = float(opts["tolerance"])
    # a hedged figure ("more than 110,000", "about 100") is a rounding, not a claim of a value:
    # it never conflicts, and never joins two exact values into one side
    pool = [c for c in selected(rule, claims) if not any(c.qualifiers.get(k) for k in opts["forbid"])
            and not c.value.get("hedge")]
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in pool:
        if opts["subjects"] == "any" or (opts["subjects"] == "named") == bool(c.subject):
            groups[(c.predicate, ctx.resolution.key(c.subject))].append(c)
    by_pred: dict[str, list[Claim]] = defaultdict(list)
    for c in pool:
        by_pred[c.predicate].append(c)
    for (pred, _subject), members in sorted(groups.items()):
        sides: list[list[Claim]] = []
        for c in sorted(members, key=lambda c: (c.source, c.evidence.line, c.evidence.column)):
            for s in sides:
                if equal(s[0], c, tol, ctx):
                    s.append(c)
                    break
            else:
                sides.append([c])
        if len(sides) < 2:
            continue  # one value: nothing to contradict
        # which reports state each side's value (about anything): computed once per side, not per pair
        states = [{c.source for c in by_pred[pred] if equal(c, s[0], tol, ctx, strict=True)} for s in sides]
        for (ia, a), (ib, b) in combinations(enumerate(sides), 2):
            pairs = [(x, y) for x in a for y in b if comparable(x, y, opts["key"], opts["require"], opts["exact"])
                     and all(_overlap(x, y, k, ctx) for k in opts["overlap"])]
            if opts["transposed"]:
                if not any(transposed(x.text, y.text) for x, y in pairs):
                    continue
            elif not pairs or not plausible(a[0], b[0], opts["max_difference"]) or not _near_in_day(
                    a[0], b[0], opts["max_minutes"]):
                continue
            src_a, src_b = {c.source for c in a}, {c.source for c in b}
            if src_a & src_b:
                continue
            few, many = sorted((len(src_a), len(src_b)))
            if opts["min_majority"] > 1 and (few != 1 or many < opts["min_majority"]):
                continue  # one report against a consensus, or no finding
            if opts["transposed"] and _other_fact(*((a, b) if len(src_a) == 1 else (b, a)), by_pred[pred]):
                continue
            if src_a & states[ib] or src_b & states[ia]:  # a report giving both tells two facts
                continue
            minority = src_a if len(src_a) < len(src_b) else src_b if len(src_b) < len(src_a) else src_a | src_b
            sa, sb = side(a[0].text, a), side(b[0].text, b)
            who = members[0].subject
            yield Finding(
                rule=rule.id, kind=opts["finding_kind"], severity=rule.severity,
                message=f"{describe(pred, a[0])}: {len(src_a)} source(s) say {a[0].text!r}, "
                        f"{len(src_b)} say {b[0].text!r}",
                subject=who, predicate=pred, values=(sa, sb),
                suggestion=(b[0].text if minority == src_a else a[0].text) if len(src_a) != len(src_b) else None,
                flagged=tuple(sorted(minority)),
            )
