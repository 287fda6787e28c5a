"""When two claims of the agree kind state one value, and when they may be compared at all.

``crossfact.kinds.agree`` groups claims into sides and pairs them; these are its tests:
equal values (numbers within a tolerance, dates, sets, places one inside the other),
plausible slips (numbers not far apart, digits swapped), times of day near enough to be
one event, and qualifiers that keep two claims apart.
"""

from __future__ import annotations

import math
import re

from ..extract.times import UTC_OFFSETS
from ..extract.values import number as values_number
from ..model import Claim
from ..text import fold
from .base import Context


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
    if a.value.get("utc") is not None and b.value.get("utc") is not None:
        return min((a.value["utc"] - b.value["utc"]) % 1440, (b.value["utc"] - a.value["utc"]) % 1440) <= 1
    if a.value.get("type") == "clock" == b.value.get("type"):
        za, zb = _zone(a), _zone(b)
        if None not in (za, zb) and za != zb:
            return False  # 06:27 BST is not 06:27 UTC
        if {za, zb} & UNIVERSAL and None in (za, zb) and None not in (ma := a.value.get("minutes"),
                                                                      mb := b.value.get("minutes")) \
                and (ma - mb) % 60 == 0:
            return True  # "6.27am" in a London paper and "05:27 UTC": the local clock of a universal time
    na, nb = number(a), number(b)
    if na and nb and _rounded_apart(a, b):
        return True
    if na and nb:
        return any(abs(x - y) <= max(tolerance * max(abs(x), abs(y)), 1e-6) for x in na for y in nb) or (
            # "2h23'15" and "2:23:15.554": one time, to the second and to the thousandth
            a.value.get("type") == "duration" == b.value.get("type") and _cut_alike(a, b))
    if a.value.get("type") == "person" == b.value.get("type") and _one_person(a.text, b.text):
        return True  # "Tigist Assefa" / "Tigst Assefa": one holder spelt two ways (name-spelling's matter)
    wa = {ctx.resolution.canonical.get(w, w) for w in _words(a.text)}
    wb = {ctx.resolution.canonical.get(w, w) for w in _words(b.text)}
    if not wa or not wb:
        return fold(a.text) == fold(b.text)
    if strict:
        return wa == wb
    if len(scales := {a.value.get("scale"), b.value.get("scale")}) == 2 and scales & {"country", "street"}:
        return True  # a country holds its towns, a town its streets ("Spain" / "Valencia")
    return wa <= wb or wb <= wa or _contained(a.text, b.text, ctx) or _contained(b.text, a.text, ctx)


def _one_person(a: str, b: str) -> bool:
    """Two writings of one name: as many words, each the same or a vowel apart in a word of four letters
    or more ("Tigist" / "Tigst"; not "Rolf" / "Wolf", another person)."""
    wa, wb = fold(a).split(), fold(b).split()
    return len(wa) == len(wb) and all(
        x == y or (min(len(x), len(y)) >= 4 and abs(len(x) - len(y)) <= 1 and _consonants(x) == _consonants(y))
        for x, y in zip(wa, wb, strict=True))


def _consonants(word: str) -> str:
    return re.sub(r"[aeiouy]", "", word)


WRITTEN = re.compile(r"\d[\d.,]*\d|\d")


def _step(c: Claim) -> tuple[float, float] | None:
    """(the unit's size in the canonical one, half the step its figure is written to) of a measure: "270
    km/h" is written to the ten (5 km/h), "165 mph" to the unit (0.5 mph)."""
    m = WRITTEN.search(c.text)
    if c.value.get("type") != "measure" or not m or not c.value.get("value"):
        return None
    raw = m.group(0)
    written = values_number(raw)  # "1,255" is 1255, "7,6" is 7.6
    if not written or not math.isfinite(written):
        return None
    digits = raw.replace(",", "").replace(".", "") if THOUSANDS.fullmatch(raw) else raw.replace(",", ".")
    if "." in digits:
        step = 10.0 ** -len(digits.split(".")[1])
    else:
        # a trailing zero says the figure may be rounded to the ten; more zeros are read the same way
        # ("300 metres" beside 948 feet is not 289 metres rounded)
        step = 10.0 if len(digits) > 1 and digits.endswith("0") else 1.0
    return float(c.value["value"]) / written, step / 2


THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


def _rounded_apart(a: Claim, b: Claim) -> bool:
    """Two units, one figure rounded as its report converted it: 165 mph (265.5 km/h) and 270 km/h."""
    sa, sb = _step(a), _step(b)
    if not sa or not sb or abs(sa[0] - sb[0]) <= 1e-6 * max(sa[0], sb[0]):
        return False  # the same unit: figures are compared as written
    allowed = max(sa[0] * sa[1], sb[0] * sb[1])
    return abs(float(a.value["value"]) - float(b.value["value"])) <= allowed + 1e-9


FRACTION = re.compile(r"[.,](\d+)\D*$")


def _cut_alike(a: Claim, b: Claim) -> bool:
    """Two times alike once the one written more finely is cut (or rounded) to the other's decimals."""
    if abs(float(a.value.get("seconds") or 0) - float(b.value.get("seconds") or 0)) >= 1:
        return False  # a second or more apart: no cut makes them one
    fa, fb = FRACTION.search(a.text), FRACTION.search(b.text)
    da, db = len(fa.group(1)) if fa else 0, len(fb.group(1)) if fb else 0
    if da == db or a.value.get("seconds") is None or b.value.get("seconds") is None:
        return False
    coarse, scale = min(da, db), 10 ** min(da, db)
    x, y = float(a.value["seconds"]), float(b.value["seconds"])
    # cut, rounded to nearest, or rounded up as road races round a chip time ("2:05:25" for 2:05:24.3)
    return any(f(x * scale + e) == f(y * scale + e) for f, e in ((math.floor, 1e-9), (math.ceil, -1e-9))) \
        or round(x, coarse) == round(y, coarse)


# no place's own clock (offset 0: UTC, GMT): a local time beside it is another zone's
UNIVERSAL = frozenset(zone for zone, hours in UTC_OFFSETS.items() if hours == 0)


def _zone(c: Claim) -> str | None:
    return c.value.get("zone") or c.qualifiers.get("zone")


def _contained(inner: str, outer: str, ctx: Context) -> bool:
    """Does any source place `inner` in `outer`, an edition's year aside ("Harbour Stadium in
    Velmouth", "Arlen, Corvo Province")?"""
    key = ("contained", inner, outer)
    if key not in ctx.memo:
        place = re.sub(r"\s+(?:19|20)\d{2}\b", "", outer)
        pattern = re.compile(re.escape(inner) + r"(?P<comma>,\s*|\s+in\s+(?:the\s+)?)" + re.escape(place))
        ctx.memo[key] = any(not (m.group("comma").startswith(",") and _listed(s.text, m))
                            for s in ctx.sources.values() for m in pattern.finditer(s.text))
    return ctx.memo[key]


LIST_BEFORE = re.compile(r"[A-Z][\w'’-]*,\s*$")
LIST_AFTER = re.compile(r",\s*[A-Z]|\s+(?:and|or)\s+[A-Z]")


def _listed(text: str, m: re.Match) -> bool:
    """"Tokyo, Boston, London, Chicago and New York": items of a list, not a place and its region."""
    return bool(LIST_BEFORE.search(text, max(0, m.start() - 30), m.start()) or LIST_AFTER.match(text, m.end()))


def plausible(a: Claim, b: Claim, max_difference: float | None) -> bool:
    if max_difference is None:
        return True
    na, nb = number(a), number(b)
    if not (na and nb):
        return True
    return any(abs(x - y) <= max_difference * max(abs(x), abs(y)) for x in na for y in nb)


def _digits(figure: str) -> str:
    """A figure's digits as written, without separators ("2,170 acres": 2170)."""
    return "".join(ch for ch in figure if ch.isdigit())


def transposed(a: str, b: str) -> bool:
    """Are two figures, as written, the same digits with two neighbours swapped ("948 feet", "984ft")?"""
    da, db = _digits(a), _digits(b)
    if len(da) != len(db) or len(da) < 2:
        return False
    diff = [i for i in range(len(da)) if da[i] != db[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and da[diff[0]] == db[diff[1]] and da[diff[1]] == db[diff[0]]


def one_digit(a: str, b: str) -> bool:
    """Are two figures, as written, the same but for one digit ("1:16:16", "2:16:16")?"""
    da, db = _digits(a), _digits(b)
    return len(da) == len(db) >= 3 and sum(x != y for x, y in zip(da, db, strict=True)) == 1


RISE = re.compile(r"\b(?:rose|risen|climbed|jumped|increased|grew|fell|dropped|up|down)\s+(?:to|from)\s")


def other_fact(lone: list[Claim], consensus: list[Claim], same_predicate: list[Claim]) -> bool:
    """The lone report's swapped figure is likely another fact, not a typo: the report gives its own
    figure near the consensus too (turnout 61% against 65%, and 56% for the plan), or says the figure
    changed ("rose to 41")."""
    agreed, own = number(consensus[0]), number(lone[0])
    # in the same sentence: a figure of the same kind elsewhere in the report is another thing measured;
    # but not the lone figure itself in other units ("245.8 millimeters (9.68 inches)")
    sentences = {(c.evidence.line, c.evidence.text) for c in lone}
    near = [c for c in same_predicate if c.source == lone[0].source and c not in lone
            and (c.evidence.line, c.evidence.text) in sentences
            and any(abs(x - y) <= 0.15 * max(abs(x), abs(y)) for x in number(c) for y in agreed)
            and not any(abs(x - z) <= 0.01 * max(abs(x), abs(z)) for x in number(c) for z in own)]
    return bool(near) or any(_rose_to(c) for c in lone)


def _rose_to(c: Claim) -> bool:
    """The figure is said to have changed just before it ("the toll rose to 41")."""
    at = c.evidence.text.find(c.text)
    return at >= 0 and bool(RISE.search(c.evidence.text, max(0, at - 30), at))


def near_in_day(a: list[Claim], b: list[Claim], max_minutes: float | None) -> bool:
    """Two sides' times of day at most `max_minutes` apart, around midnight too (23:50 and 00:10: 20)."""
    x, y = a[0].value.get("minutes"), b[0].value.get("minutes")
    if max_minutes is None or x is None or y is None:
        return True
    gap = abs(x - y) % 1440
    gap = min(gap, 1440 - gap)
    # every report of a side says "about" a round time ("about 9 p.m.", "around 8:45"); "around 9:07" is no rounding
    rounded = any(all(c.value.get("approx") and c.value.get("minutes", 1) % 5 == 0 for c in s) for s in (a, b))
    if rounded and gap <= 30:
        return False  # "about 9 p.m." and 8:40 p.m.: a rounding, not another time
    return gap <= max_minutes


def comparable(a: Claim, b: Claim, keys: list[str], require: list[str], exact: list[str] = (),
               dates: dict[str, str | None] | None = None) -> bool:
    """`dates`: each report's date, for a day against a part of it (see `_same_day`)."""
    if a.source == b.source:
        return False
    if any(a.qualifiers.get(k) != b.qualifiers.get(k) for k in exact):
        return False
    for k in require:
        x, y = a.qualifiers.get(k), b.qualifiers.get(k)
        if x is None or y is None or (x != y and not (k == "as_of" and _same_day(a, b, dates))):
            return False
    for k in keys:
        x, y = a.qualifiers.get(k), b.qualifiers.get(k)
        if x is not None and y is not None and fold(str(x)) != fold(str(y)) and not (
                k == "as_of" and _same_day(a, b, dates)):
            return False
        if k == "round" and (x is None) != (y is None) and (x or y) != "final":
            return False  # a heat's time is not the final's, which reports seldom call the final
        if k == "zone" and (x is None) != (y is None) and str(x or y).endswith(" time"):
            return False  # "8:58 a.m. Japan time": another country's clock, not the local one an hour off
    return True


def _same_day(a: Claim, b: Claim, dates: dict[str, str | None] | None) -> bool:
    """A day and a part of it ("2031-03-29" / "2031-03-29 night") are one time when the report that gives
    the day alone was written after it: its figure is the day's last. Tolls rise within a day, so a report
    of the day itself is not read so."""
    x, y = str(a.qualifiers.get("as_of")), str(b.qualifiers.get("as_of"))
    bare, part = (a, y) if y.startswith(x + " ") else (b, x) if x.startswith(y + " ") else (None, "")
    written = (dates or {}).get(bare.source) if bare else None
    return bool(written) and written > part[:10]


def overlap(a: Claim, b: Claim, qualifier: str, ctx: Context) -> bool:
    """The two claims' lists under `qualifier` name one entity in common (as the story resolves names)."""
    keys = {ctx.resolution.key(x) for x in a.qualifiers.get(qualifier) or []}
    return any(ctx.resolution.key(y) in keys for y in b.qualifiers.get(qualifier) or [])
