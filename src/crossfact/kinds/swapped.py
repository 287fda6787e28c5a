"""swapped: one report writes a figure with two neighbouring digits swapped, where the other
reports write it right.

A swap is a typist's slip, not a disagreement about facts, so it is found in the text itself,
whatever the figure is about and whether or not a claim was extracted for it: a figure with its
unit ("194 km/h", "$1.53 million", "385 structures", "45:42") in one report only, the same unit
with the two neighbouring digits the other way round in at least ``min_majority`` other reports
(in any unit, one of them in this one; a figure of ``alone_digits`` digits or more needs no majority:
one report against one is flagged on both sides, as no other fact has 4,617,021 for 4,671,021),
at least ``min_digits`` digits, and at least one other word of its sentence in common with
theirs (what it is about), and not other people named on each side ("Ada Holm won in 2:05:12" /
"Ida Rolf was second in 2:05:21"). Units are read alike however written (kph, km/h, "km per hour";
m, million; 1,52,513 in Indian grouping is 152,513; "1.54 million dollars" is "$1.54 million", US$ is $).

A swap is not reported when it could be another fact: the lone report also writes the others'
figure, or another report writes the lone one; a year (2019 / 2091); two-digit figures (45 and
54 minutes are too often two facts).

Flagged: "a village of 182 people" in one report, "a village of 128 people" in two others.
Not flagged: the same when the first report also writes 128 elsewhere; "in 1998" and "in 1989";
"45 minutes" and "54 minutes".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from ..extract.claimsets import span_evidence
from ..model import Evidence, Finding, Side
from ..text import Sentence
from .base import Context, Rule, sentences_of
from .compare import transposed

ID = "swapped"
PREDICATE = "figure"  # no claim's
DEFERS = True  # the pipeline reports its findings only where no other rule's flags the same words
FINDING_KIND = "conflict"
OPTIONS = {"min_digits": 3, "min_majority": 2, "alone_digits": 5}

CURRENCY = r"(?P<cur>(?:[A-Z]{0,2}\$|€|£|¥|₹|Rs\.?\s?|USD\s|EUR\s)?)"
# the lookahead first: most positions are rejected on one character (a third faster than the lookbehind)
WITH_UNIT = re.compile(r"(?=[\d$€£¥₹A-Z])(?<![\w.,:/-])" + CURRENCY
                    + r"(?P<fig>\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?"  # 45:42, 2:16:16, 13:42
          r"|\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])"  # Indian grouping: 1,52,513
          r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
          r"(?![\d:])(?:[ \t]?(?P<unit>%|per ?cent|[ap]\.m\.|[a-zA-Z][a-zA-Z/]*(?:[ \t](?:per|an|a)[ \t][a-z]+)?))?")
UNITS = {"kph": "km/h", "kmh": "km/h", "km per hour": "km/h", "kilometres per hour": "km/h",
         "kilometers per hour": "km/h", "miles per hour": "mph", "m": "million", "mn": "million",
         "millions": "million", "bn": "billion", "billions": "billion", "mins": "min", "minutes": "min",
         "minute": "min", "pts": "point", "percent": "%", "per cent": "%", "percent.": "%", "percentage": "%",
         "kilometres": "km", "kilometers": "km", "millimetres": "mm", "millimeters": "mm", "metres": "m.",
         "meters": "m."}
CURRENCY_WORDS = {"dollars": "$", "dollar": "$", "euros": "€", "euro": "€", "pounds": "£", "yen": "¥",
                  "rupees": "₹"}
AFTER_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
YEAR = re.compile(r"(?:1[89]|20)\d\d")
WORD = re.compile(r"[A-Za-z][a-z]{3,}")


class Figure(NamedTuple):
    source: str
    digits: str
    unit: str
    written: str
    sentence: Sentence  # the one it stands in
    start: int  # where it is written in the sentence, its currency included


def _unit(m: re.Match) -> str:
    unit = (m.group("unit") or "").lower()
    words = unit.split()
    # "km per hour" and "km per hour on" are km/h; "people a day" is people, "litres per square metre" litres
    unit = next((" ".join(words[:n]) for n in (3, 2) if " ".join(words[:n]) in UNITS), words[0] if words else "")
    unit = UNITS.get(unit, unit)
    cur = m.group("cur").strip().rstrip(".")
    cur = "$" if cur == "US$" else cur  # "US$18.4m" and "$18.4m" are one currency; "A$" is another
    if not cur:  # "1.54 million dollars" is "$1.54 million"; "15 dollars" is "$15"
        word = unit if unit in CURRENCY_WORDS else (AFTER_WORD.match(m.string, m.end()) or [None, ""])[1].lower()
        if word in CURRENCY_WORDS and (unit == word or unit in ("million", "billion")):
            cur, unit = CURRENCY_WORDS[word], "" if unit == word else unit
    unit = unit[:-1] if len(unit) > 3 and unit.endswith("s") else unit
    return cur + "|" + unit


def figures_with_units(ctx: Context, sid: str, min_digits: int) -> list[Figure]:
    """Every figure of a report with its unit, found in one pass over its text (most are never
    compared, so the sentence each stands in is looked up only for those that are kept)."""
    sents = sentences_of(ctx, sid)
    starts = [x.start for x in sents]
    out = []
    for m in WITH_UNIT.finditer(ctx.sources[sid].text):
        fig = m.group("fig")
        digits = re.sub(r"\D", "", fig)
        if len(digits) < min_digits or YEAR.fullmatch(fig):
            continue
        sent = sents[max(0, bisect_right(starts, m.start()) - 1)]
        written = m.group(0).rstrip()
        out.append(Figure(sid, digits, _unit(m), written, sent, m.start() - sent.start))
    return out


# words that say nothing of what a figure is about
STOP = frozenset("""about after again against also among another around because been before being below between
both could during each either every from further have having here into itself just last later least less like
made many more most much never next night other over said same says since some still such than that their them
then there these they this those through under until very were what when where which while will with within would
year years your week weeks today""".split())


def _words(f: Figure) -> set[str]:
    """What a figure's sentence is about: its words of four letters or more, not stop words, nor the
    figure's unit however written (a shared "votes" says nothing of whose)."""
    unit = f.unit.split("|")[1]
    return {w for w in (x.lower() for x in WORD.findall(f.sentence.text))
            if w not in STOP and w != unit and w.rstrip("s") != unit.rstrip("s")}


def check(rule: Rule, claims: list, ctx: Context) -> Iterator[Finding]:
    min_digits, majority = int(rule.options["min_digits"]), int(rule.options["min_majority"])
    alone = int(rule.options["alone_digits"])
    written: dict[str, set[str]] = defaultdict(set)  # digits -> the reports that write them, in any unit
    # a swap keeps a figure's digits and unit: only figures with both alike are compared (no all-pairs step)
    blocks: dict[tuple[str, str], dict[str, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    named = _people_by_sentence(claims, ctx)

    def people(f: Figure) -> set[str]:
        return named.get((f.source, f.sentence.start), set())

    for sid in sorted(ctx.sources):
        for f in figures_with_units(ctx, sid, min_digits):
            written[f.digits].add(f.source)
            blocks[(f.unit, "".join(sorted(f.digits)))][f.digits].append(f)
    for _, block in sorted(blocks.items()):
        for digits, lone in sorted(block.items()):
            if len(written[digits]) != 1:
                continue
            for other, many in sorted(block.items()):
                # the others' digits as any report writes them ("412 deaths", "412 Arlenians"), in this unit
                # by one at least; a long figure needs no majority (a swap in 4,617,021 is no other fact)
                sources = written[other]
                tie = len(sources) == 1 and len(digits) >= alone
                if not (len(sources) >= majority or tie) or (tie and other < digits):
                    continue  # a tie is reported once
                if lone[0].source in sources or not transposed(digits, other):
                    continue
                about, whose = _words(lone[0]), people(lone[0])
                # nothing in common but the unit, or other people named on each side ("Ada Holm won in
                # 2:05:12" / "Ida Rolf was second in 2:05:21"): another figure
                if any(_words(f) & about and not (whose and people(f) and not whose & people(f)) for f in many):
                    yield _finding(rule, ctx, lone, many, sorted(sources), tie)


def _people_by_sentence(claims: list, ctx: Context) -> dict[tuple[str, int], set[str]]:
    """(report, sentence start) -> the people its name claims name there, as the story resolves them."""
    out: dict[tuple[str, int], set[str]] = defaultdict(set)
    starts: dict[str, list[int]] = {}  # report -> where its sentences start
    for c in claims:
        if c.predicate != "name" or c.value.get("entity") != "person" or c.source not in ctx.sources:
            continue
        if c.source not in starts:
            starts[c.source] = [s.start for s in sentences_of(ctx, c.source)]
        at = ctx.sources[c.source].offset(c.evidence.line, c.evidence.column)
        sent = starts[c.source][max(0, bisect_right(starts[c.source], at) - 1)]
        out[(c.source, sent)].add(ctx.resolution.key(c.subject))
    return out


def _evidence(ctx: Context, f: Figure) -> Evidence:
    return span_evidence(ctx.sources[f.source], f.sentence, f.start, f.start + len(f.written))


def _finding(rule: Rule, ctx: Context, lone: list[Figure], many: list[Figure], sources: list[str],
             tie: bool) -> Finding:
    a, b = lone[0], many[0]
    ev_a = tuple(_evidence(ctx, f) for f in lone)
    ev_b = tuple(sorted({_evidence(ctx, f) for f in many}, key=lambda e: (e.source, e.line, e.column)))
    which = "; which is right, the reports do not say" if tie else ""
    return Finding(
        rule=rule.id, kind=FINDING_KIND, severity=rule.severity,
        message=f"{a.written!r} in 1 source, {b.written!r} in {len(sources)}: the same digits with two swapped{which}",
        subject="", predicate=PREDICATE, values=(Side(a.written, (a.source,), ev_a),
                                                Side(b.written, tuple(sorted({f.source for f in many})), ev_b)),
        suggestion=None if tie else b.written, flagged=tuple(sorted({a.source, *sources})) if tie else (a.source,))
