"""agree: sources must agree on the value of a (subject, predicate, qualifiers) key.

Claims are grouped by predicate and by the subject's entity (so "Vosberg" and "Lena
Vosberg" are one subject). Inside a group, values that are equal after normalization
("3:51.20" and "3min 51.20sec"; 270 km/h and 165 mph, a figure rounded to the ten as its report
converted it) form one side. Two sides conflict when:

- their qualifiers named in ``key`` do not differ (a value given for 2022 is not
  compared with one given for 2023; a missing qualifier does not separate, but a value given for a
  year other than its report's, "last year she won in 2:18:33", "the next edition is on 21 September
  2031", "third in Arlen last October", "In December she won in Arlen" (a month after the report's),
  is not compared with one given for no year in a report of another year: that one is the
  report's own event; a day and a part of it,
  "on Saturday" / "by Saturday night", are one time when one report does not say the part);
- the lists named in ``overlap`` share an entity (the people of a bout: an undercard
  bout's round is another contest's);
- times of day are at most ``max_minutes`` apart when it is set (a kick-off at 8 p.m. and
  another match's at 5:45 p.m. are two matches, not a typo), and more than half an hour
  apart when one is given as "about" (a rounding);
- they differ by more than ``tolerance`` and, for numbers, by at most
  ``max_difference`` (a relative difference: numbers far apart are almost always
  different facts, not a typo);
- with ``typo``, a figure one digit off the others' as written ("1:16:16" against "2:16:16") or with
  two neighbouring digits swapped (53 against 35), one report against two or more, is compared however
  far apart the values are;
- with ``transposed``, instead of the two tests above: the figures as written are the
  same digits with two neighbours swapped (2,170 and 2,710 acres, 948 and 984 feet), a
  typo however far apart the numbers are, unless the lone report also gives its own figure near
  the consensus (then the swapped one is another fact) or says the figure rose or fell;
- the side held right has at least ``min_majority`` sources against one (when set above 1);
- the subject has at most ``max_values`` values (when set): one person given three years as a
  precedent ("the first to reach a final since Ada Holm in 2029", "to win a title since Ada Holm in
  2026", "to lead since Ada Holm in 2023") is a precedent of several feats;
- neither side's sources also state the other side's value anywhere for this
  predicate (a report that gives both 2:04:24 and 2:04:02 is telling two facts), or, with
  ``stated_by: subject``, for this subject ("Arlenia's Ada Holm" and "Ida Rolf of Velmia" in one report
  do not keep Ada Holm's country from being held against "Velmia's Ada Holm");
- neither is hedged ("more than 110,000", "about 100", "nearly 50": a rounding, not a
  value; hedged figures are left out);
- places are not compatible: one inside the other ("Harbour Stadium" and
  "Velmouth" when some source writes "Harbour Stadium in Velmouth"), or one name inside the other,
  or a country against a town, or a street against a town (a country holds its towns, a town its
  streets: "Spain" / "Valencia", "Kings Road" / "Velmouth");
- a value of a round other than the final ("the fastest time of the first round", "in the heats") is
  compared only with values of that round: reports seldom call the final's results the final's;
- a time said to be provisional ("a provisional time of 2:02:06") is compared only with another
  (result-time's ``exact: [provisional]``).

Flagged: one report says an old record was set "in Bergen", another "in Malmo".
Not flagged: "3:51.20" vs "3min 51.20sec" (same value); the winner's 3:51.20 vs the
runner-up's 3:51.90 (different subjects); 2:10:24 (2030) vs 2:10:02 (2031).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations

from ..model import Claim, Finding
from .base import Context, Rule, selected, side, usable
from .compare import comparable, equal, near_in_day, one_digit, other_fact, overlap, plausible, transposed

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
    # a figure one digit off as written ("1:16:16" / "2:16:16") or two digits swapped (53 / 35), one report
    # against two or more: a typo however far apart (max_difference does not apply)
    "typo": False,
    # a subject given more values than this tells several facts ("the first to reach a final since Ada
    # Holm in 2029", "to win a title since Ada Holm in 2026", "to lead since Ada Holm in 2023"): none is flagged
    "max_values": None,
    "min_majority": 1,  # the sources a finding holds right: at least this many, against one
    "finding_kind": "conflict",
    # which claims: "named" (about someone or something), "unnamed" (about the whole event: a toll,
    # an attendance) or "any"
    "subjects": "named",
    # whose claims count when asking whether a report states both values: "any" claim of the predicate (a
    # figure's subject is often misread, so a report giving 2:04:24 and 2:04:02 tells two facts), or only
    # the "subject"'s own (a country read right beside its person: "Arlenia's Ada Holm ... Ida Rolf of Velmia";
    # a record's holder: one person holds two records, "the world record of 2:00:35 ... the course record ...")
    "stated_by": "any",
}


LABELS = {"result.place": "finishing place", "tally.wins": "number of wins", "tally.titles": "number of titles",
          "tally.medals": "number of medals",
          "result.time": "time", "result.score": "score", "event.minute": "minute", "mark.venue": "where it was set",
          "mark.year": "year it was set", "mark.holder": "who holds the record",
          "precedent.year": "year of the precedent", "precedent.holder": "who the precedent was",
          "mark.clock": "time of day it was measured", "season.opener": "season opener",
          "person.age": "age", "person.nationality": "country", "incident.collision": "collision",
          "count.attendance": "attendance"}


OPTION_CHOICES = {"subjects": ("named", "unnamed", "any"), "stated_by": ("any", "subject"),
                  "finding_kind": ("conflict", "spelling", "temporal", "arithmetic", "quote")}
OPTION_TYPES = {"max_difference": (int, float, type(None)), "max_minutes": (int, float, type(None)),
                "max_values": (int, type(None))}


def describe(pred: str, c: Claim) -> str:
    """'the minute of Ivo Sandoval', 'where 3:46.32 was set', 'number of deaths'."""
    label = LABELS.get(pred) or pred.replace("count.", "number of ").replace("measure.", "").replace(".", " ")
    thing = c.value.get("mark") or c.value.get("measure")
    if thing:
        return f"{label} ({thing})"
    return f"{label} of {c.subject}" if c.subject else label


def _slip(opts: dict, pairs: list, src_a: set[str], src_b: set[str]) -> bool:
    """With ``typo``: one report against two or more, its figure one digit off theirs as written
    ("1:16:16" / "2:16:16") or two neighbouring digits swapped (53 / 35), is a typo however far apart."""
    return bool(opts["typo"]) and sorted((len(src_a), len(src_b)))[0] == 1 and max(len(src_a), len(src_b)) >= 2 \
        and any(one_digit(x.text, y.text) or transposed(x.text, y.text) for x, y in pairs)


def check(rule: Rule, claims: list[Claim], ctx: Context) -> Iterator[Finding]:
    claims = usable(claims, ctx)
    opts = rule.options
    tol = float(opts["tolerance"])
    keys = set(opts["key"])
    dates = {sid: src.date for sid, src in ctx.sources.items()}
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
        if len(sides) < 2 or (opts["max_values"] and len(sides) > opts["max_values"]):
            continue  # one value: nothing to contradict; many: many facts
        # which reports state each side's value (see stated_by): computed once per side, not per pair
        about = members if opts["stated_by"] == "subject" else by_pred[pred]
        states = [{c.source for c in about if equal(c, s[0], tol, ctx, strict=True)} for s in sides]
        for (ia, a), (ib, b) in combinations(enumerate(sides), 2):
            pairs = [(x, y) for x in a for y in b
                     if comparable(x, y, opts["key"], opts["require"], opts["exact"], dates)
                     and all(overlap(x, y, k, ctx) for k in opts["overlap"]) and not _other_year(x, y, keys, dates)
                     and not _other_year(y, x, keys, dates)]
            src_a, src_b = {c.source for c in a}, {c.source for c in b}
            if opts["transposed"]:
                if not any(transposed(x.text, y.text) for x, y in pairs):
                    continue
            elif not pairs or not (plausible(a[0], b[0], opts["max_difference"]) or _slip(opts, pairs, src_a, src_b)) \
                    or not near_in_day(a, b, opts["max_minutes"]):
                continue
            if src_a & src_b:
                continue
            few, many = sorted((len(src_a), len(src_b)))
            if opts["min_majority"] > 1 and (few != 1 or many < opts["min_majority"]):
                continue  # one report against a consensus, or no finding
            if opts["transposed"] and other_fact(*((a, b) if len(src_a) == 1 else (b, a)), by_pred[pred]):
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


def _other_year(x: Claim, y: Claim, keys: set[str], dates: dict[str, str | None]) -> bool:
    """`x` is given for a year other than its report's and `y` for no year, in a report of another year."""
    year = x.qualifiers.get("year")
    if "year" not in keys or year is None or y.qualifiers.get("year") is not None:
        return False
    written = [dates.get(c.source) for c in (x, y)]
    return (all(written) and str(year).isdigit() and int(year) != int(written[0][:4])
            and int(year) != int(written[1][:4]))
