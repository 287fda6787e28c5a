"""derived: arithmetic that a report states and that its own numbers contradict.

Two forms, both checked inside one source:

- ``mode: margin``: a stated margin ("took 43 seconds off it", "34 seconds under
  the previous best of 2:01:09") against the two marks it relates: the other
  mark in the same sentence (the one named right after the margin, where the sentence names
  one: "3:06 clear of Ida Rolf (2:18:48), with Mia Lund (2:19:00) third"; none when it is
  someone described, "29 seconds behind his compatriot"), and the subject's own time in the
  same sentence, or else in the same report.
  Hedged margins ("almost a second", "more than half a minute") are not checked.
- ``mode: breakdown``: a stated total against the list that breaks it down
  ("22 deaths: Arlen 9, Brisk 6, Corvo five, and Dunmore and Ely one each" is checked
  against 9 + 6 + 5 + 1 + 1);
  see ``crossfact.kinds.breakdown``.
- ``mode: sum``: parts listed first, then the total they are said to make ("30,000 in
  Arlen, 3,000 in Brisk and 2,085 in Corvo, 37,085 in all"); only a near miss
  (``tolerance_sum``, 10 % of the total) is reported; see ``crossfact.kinds.statedsum``.
- ``mode: difference``: "a difference (gap, margin, lead) of N" against the only two
  figures before it ("on 169 points, Brisk on 138. That is a gap of 29 points").
- ``mode: remainder``: what is left of a whole once a part is taken away ("Of the 312
  parishes, 265 reported damage, leaving only 37": 47); see ``crossfact.kinds.remainder``.
- ``mode: elapsed``: the interval a report states between two clock times of one sentence
  ("at 12:10, more than five hours after ... at 07:57": 4 h 13 min), read with its hedge;
  see ``crossfact.kinds.elapsed``.
- ``mode: pattern``: a regular expression whose named groups are numbers
  ({N} matches digits or number words) and an ``expect`` expression over them in
  the safe expression language (see ``crossfact.expr``), e.g. a goal difference
  against goals scored and conceded. ``needs``: words the pattern cannot match
  without (any case; a list: any of them); a report or a sentence without them is not scanned.

Two margins of one person in a sentence with one other time are left alone ("12 seconds behind
Lund's 2:22:58 and 15 behind the champion": the second's other time is elsewhere).
Flagged: "took 43 seconds off" 2:01:09 in a report that gives the new time as
2:00:35 (34 seconds). Not flagged: "by 0.26sec" when the report does not give the
second time; "almost a second quicker".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import import_module

from .. import expr
from ..errors import CrossfactError
from ..extract.claimsets import span_evidence
from ..extract.values import COUNT_WORDS, number_or_word
from ..model import Claim, Finding, Side
from ..text import fold
from .base import Context, Rule, selected, sentences_of, side, usable

ID = "derived"
FINDING_KIND = "arithmetic"
OPTIONS = {"mode": "margin", "regex": None, "expect": None, "tolerance": 0.02, "needs": None, "tolerance_sum": 0.1}
# A number starts where digits start and is read once (possessive): "111...1 goals" stays linear.
OPTION_TYPES = {"regex": (str, type(None)), "expect": (str, type(None)), "needs": (str, list, type(None))}
NUMBER = r"(?:(?<![\d,.])\d[\d,.]*+|\b(?:" + COUNT_WORDS + r")\b)"
HEDGES = re.compile(r"\b(?:almost|nearly|about|around|roughly|some|more than|over|just|under|less than|"
                    r"close to|approximately|barely)\s*$", re.I)


# each mode's module and checker, imported when a rule uses it (None: read in check below)
MODES = {"margin": None, "pattern": None, "sum": ("statedsum", "check_sums"),
         "difference": ("statedsum", "check_differences"), "remainder": ("remainder", "check_remainders"),
         "elapsed": ("elapsed", "check_elapsed"), "breakdown": None}
OPTION_CHOICES = {"mode": tuple(MODES)}


def check(rule: Rule, claims: list[Claim], ctx: Context) -> Iterator[Finding]:
    claims = usable(claims, ctx)
    mode = rule.options["mode"]
    if mode == "pattern":
        yield from _pattern(rule, ctx)
    elif mode == "margin":
        yield from _margin(rule, selected(rule, claims), claims, ctx)
    elif mode == "breakdown":  # the one mode that reads claims (the stated totals)
        from .breakdown import check_breakdowns

        yield from check_breakdowns(rule, selected(rule, claims), ctx)
    else:
        module, name = MODES[mode]
        yield from getattr(import_module(f"{__package__}.{module}"), name)(rule, ctx)


def _readings(c: Claim) -> list[float]:
    return [float(v) for v in (c.value.get("seconds"), c.value.get("alt_seconds")) if v is not None]


@lru_cache(maxsize=64)
def _compiled(source: str):
    """A rule author's pattern, with the `regex` module so that matching can be bounded in time."""
    return expr.compile_pattern(source.replace("{N}", NUMBER))


def _pattern(rule: Rule, ctx: Context) -> Iterator[Finding]:
    rx = _compiled(str(rule.options["regex"]))
    tree = expr.parse(str(rule.options["expect"]))
    needs = rule.options.get("needs") or []
    needs = [str(w).lower() for w in ([needs] if isinstance(needs, str) else needs)]
    for sid, src in sorted(ctx.sources.items()):
        if not _says(src.text, needs):
            continue  # the rule's author says the pattern cannot match here: one test, not a scan per sentence
        for sent in sentences_of(ctx, sid):
            if not _says(sent.text, needs):
                continue  # nor in this sentence (a user's pattern runs with a time limit: each call costs)
            try:
                matches = list(expr.finditer(rx, sent.text))
            except expr.PatternTimeout:
                pattern = str(rule.options["regex"])[:80]
                raise CrossfactError(
                    f"rule {rule.id}: regex {pattern!r} ran over {expr.MATCH_TIMEOUT:g} s on one sentence of "
                    f"{len(sent.text)} characters in {sid} (it backtracks catastrophically); fix the pattern",
                    path=rule.origin) from None
            for m in matches:
                try:
                    names = {k: number_or_word(v) for k, v in m.groupdict().items() if v is not None}
                    ok = expr.evaluate(tree, names)
                except (ValueError, ZeroDivisionError, KeyError):
                    continue
                if ok:
                    continue
                ev = span_evidence(src, sent, m.start(), m.end(), sent.text)
                yield Finding(
                    rule=rule.id, kind=FINDING_KIND, severity=rule.severity,
                    message=f"{rule.description} {m.group(0)!r} fails {rule.options['expect']}",
                    subject="", predicate="derived", values=(Side(m.group(0), (sid,), (ev,)),),
                    flagged=(sid,),
                )


def _says(text: str, needs: list[str]) -> bool:
    """Any of the words a pattern needs is in the text (any case); no words needed: always."""
    if not needs:
        return True
    low = text.lower()
    return any(w in low for w in needs)


SINCE = re.compile(r"\bsince\s+(?:[A-Z][\w'’-]*\s+){0,3}$")


def _older(t: Claim) -> bool:
    """"the biggest improvement since Ida Rolf's 2:15:25": a mark the margin is not taken off."""
    at = t.evidence.text.find(t.text)
    return at > 0 and bool(SINCE.search(t.evidence.text, max(0, at - 50), at))


def _closest(m: Claim, own: list[Claim], others: list[Claim], ctx: Context) -> tuple[list[Claim], list[Claim]]:
    """The times a margin relates, where its sentence says which: the subject's own time in the sentence
    over one elsewhere in the report, and the time it is taken off or of whom it is ahead, right after it
    ("finished 3:06 clear of Mia Lund (2:18:48), with Ida Rolf (2:19:00) third": Lund's, not Rolf's)."""
    text = m.evidence.text
    here = [t for t in own if t.evidence.text == text]
    # the margin's own phrase, to its first comma: "15 seconds back, and Ida Rolf, ..." names no one
    after = fold(re.split(r"[,;]", text[_at(text, m.text) + len(m.text):][:60])[0])

    def first_said(t: Claim) -> int:  # where the time, or a word of its runner's name, first follows
        at = [said.start() for w in [fold(t.text), *ctx.resolution.key(t.subject).split()] if len(w) > 2
              if (said := re.search(rf"(?<!\w){re.escape(w)}(?!\w)", after))]
        return min(at, default=len(after))
    nearest = min(map(first_said, others), default=len(after))
    if nearest < len(after):
        return here or own, [t for t in others if first_said(t) == nearest]
    # "29 seconds behind his compatriot": someone the sentence does not name, none of its times; "15
    # seconds back, and Ida Rolf, who holds the record of 2:04:21, ...": the leader's time, said before
    if DESCRIBED_OTHER.match(after):
        return here or own, []
    at = _at(text, m.text)
    return here or own, [t for t in others if 0 <= _at(text, t.text) < at]


def _at(text: str, value: str) -> int:
    """Where a value stands alone in its sentence ("3:06", not the end of "2:13:06")."""
    found = re.search(r"(?<![\d:.])" + re.escape(value) + r"(?![\d:])", text)
    return found.start() if found else text.find(value)


DESCRIBED_OTHER = re.compile(r"\s*(?:behind|ahead\s+of|clear\s+of|in\s+front\s+of|(?:slower|faster|quicker)\s+than)"
                             r"\s+(?:his|her|their|the)\s+[a-z]")


def _margin(rule: Rule, margins: list[Claim], claims: list[Claim], ctx: Context) -> Iterator[Finding]:
    times = [c for c in claims if c.predicate == "result.time" and c.status != "rejected"]
    for m in margins:
        before = m.evidence.text[:max(0, _at(m.evidence.text, m.text))]
        if HEDGES.search(before):
            continue
        key = ctx.resolution.key(m.subject)
        own = [t for t in times if t.source == m.source and ctx.resolution.key(t.subject) == key]
        others = [t for t in times if t.source == m.source and t.evidence.text == m.evidence.text
                  and ctx.resolution.key(t.subject) != key and not _older(t)]
        if not others or not own:
            continue
        if sum(1 for n in margins if n.source == m.source and n.evidence.text == m.evidence.text) > len(others):
            continue  # "12 seconds behind Arlen's runner and 15 behind the champion": one margin's other is elsewhere
        own, others = _closest(m, own, others, ctx)
        if not others:
            continue
        stated = float(m.value["seconds"])
        # every reading of every pair ("2:04.02" may be h:mm:ss); the one most favourable to the report
        # "took 43 seconds off", "ahead of": the subject's time is the smaller; "slower", "behind": larger
        after = m.evidence.text[_at(m.evidence.text, m.text) + len(m.text):][:20].lower()
        sign = 1 if re.match(r"\s*(?:slower|behind|outside|later|back|adrift|down)", after) else -1
        pairs = [(abs(abs(a - b) - stated), abs(a - b), a, o, n) for o in others for n in own
                 for a in _readings(o) for b in _readings(n) if a != b and (b - a) * sign > 0]
        if not pairs:
            continue
        miss, computed, base, old, new = min(pairs, key=lambda p: (p[0], p[3].id, p[4].id))
        if computed > 0.1 * base or miss <= max(0.011, stated * rule.options["tolerance"]):
            continue
        yield Finding(
            rule=rule.id, kind=FINDING_KIND, severity=rule.severity,
            message=f"{m.text!r} does not match {old.text} - {new.text} = {computed:g} s",
            subject=m.subject, predicate="result.margin",
            values=(side(m.text, [m]), side(f"{computed:g} seconds", [old, new], normalized=f"{computed:g}")),
            flagged=(m.source,),
        )
