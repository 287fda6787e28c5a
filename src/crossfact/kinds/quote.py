"""quote: the same words quoted with different wording in different sources.

Quotes are split into sentences and compared word by word (accents, case,
punctuation and contractions do not count: "I'm" is "I am"). Two quoted
sentences from different sources that are mostly the same words
(``min_similarity``, over the span both quote: words only one of them has before or
after it make a longer cut; at least three words in common) but not the same words are
drift, when the change alters the meaning: a signal word (negation, certainty, quantity,
modality, pace) or another content word in one place, not an article, a spelling or another
lead-in ("Overall, I think ..." / "After all, ..."). Other content words in two places or more,
with no signal word, are another translation of the same remark ("awareness of the
connections" / "consciousness of the links"); so is a phrase for one word ("was so strong, it" /
"simply") and a quantity or conditional word such a rewording adds in passing ("I got some
pressure from her" / "she put me under pressure"), never a negation, certainty or modality
("going to die" / "could die"). A denial moved to another word is drift ("we do not know how high
it will go" / "we know it will not go much higher"). A figure glued to its unit is the figure and
the unit ("40km" / "40 kilometres"). A quote that occurs whole inside a longer quote is a
fragment, not drift. A report alone against two that quote alike is the odd one: one
finding flags it, not two ties. A quote alike two others, one of them its own speaker's, is
compared with that one only ("the decree is wrong", the party leader; "the decree is now void",
the speaker): attributions slip, so another speaker alone never keeps two quotes apart. Idioms
are read as what they say ("months, if not years" / "months, perhaps years"), and a few words
translators pick among for one sense are one word ("flattened" / "razed", "planet" / "globe"; in a translation,
"should" / "must"). A word
of emphasis added alone ("It's definitely the best day" / "It's the best day") stresses what both say;
"above all" and "first of all" count nothing. A word and its opposite ("ongoing" / "completed", "alive" / "dead")
are drift however much else was reworded; so is a remark opening on a denial the other has not ("Not for a moment
did I feel ..." / "For a moment, I felt ..."); a word and itself after a denying prefix ("respect" / "disrespect")
is an opposite. A report that says it is a translation ("translated from German" in its front matter, a
``language:`` other than English, or a first line "[English translation of ...]") prints a translator's words:
against it one content word for another is that translator's choice ("brutal and ruthless" / "brutal and
reckless"), and only a denial, a figure, a signal word or an opposite is drift.

Flagged: "I wasn't prepared" vs "I was prepared".
Not flagged: 'beaten' and 'blindfolded' quoted as fragments of the full sentence;
"I'm not" vs "I am not"; "with you all" vs "with all of you" (the same words of weight in another order, unless
a denial moved); two different remarks that share a few words; "not committing
to a path" vs "to any path" (a determiner); "dialling" vs "dialing" (British and American
spelling). One drift printed by several reports with other punctuation is one finding.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import combinations

from ..model import Claim, Evidence, Finding, Side
from ..sources import translated
from .base import Context, Rule, selected, side, usable
from .quotemeaning import CONTENT, NEGATION, SIGNAL, SIGNAL_WORD, change, pieces, similarity, spelling, words

ID = "quote"
FINDING_KIND = "quote"
OPTIONS = {"min_similarity": 0.6, "min_words": 3}


def _spelt(ws: list[str]) -> tuple[str, ...]:
    return tuple(spelling(w) for w in ws)


def _inside(short: Sequence[str], long_: Sequence[str]) -> bool:
    """`short` occurs whole in `long_` (both lists, or both tuples)."""
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


def _piece(c: Claim, piece: str) -> Evidence:
    """Evidence for one sentence of a quote: its own span, and the quoted sentence as the text."""
    e = c.evidence
    at = c.text.find(piece)
    if at < 0 or e.line != e.end_line:
        return e
    return Evidence(e.source, e.path, e.line, e.column + at, e.line, e.column + at + len(piece), piece)


def _other_speakers(a: Claim, b: Claim, ctx: Context) -> bool:
    """Both quotes have a speaker, and no name word in common: two people saying alike things ("the
    declaration is invalid", the speaker; "the declaration is regrettable", a party leader)."""
    if not (a.subject and b.subject):
        return False
    return not set(ctx.resolution.key(a.subject).split()) & set(ctx.resolution.key(b.subject).split())


def check(rule: Rule, claims: list[Claim], ctx: Context) -> Iterator[Finding]:
    claims = usable(claims, ctx)
    quotes = selected(rule, claims)
    full = {c.id: words(c.text) for c in quotes}
    # each quote's sentences and their words, split once (not once per pair the quote is in)
    split = {c.id: [(p, w) for p in pieces(c.text) if len(w := words(p)) >= rule.options["min_words"]]
             for c in quotes}
    spelt: dict[str, tuple[str, ...]] = {}  # spelling keys, made once per quote and only when needed

    def spelt_of(c: Claim) -> tuple[str, ...]:
        if c.id not in spelt:
            spelt[c.id] = _spelt(full[c.id])
        return spelt[c.id]
    by_source: dict[str, list[list[str]]] = {}
    for c in quotes:
        by_source.setdefault(c.source, []).append(full[c.id])

    pairs_of: dict[str, set[tuple[str, str]]] = {}

    def said_by(source: str) -> set[tuple[str, str]]:
        """Every pair of words `source` quotes in a row, in any of its quotes (made once per report)."""
        if source not in pairs_of:
            quoted = by_source.get(source, [])
            pairs_of[source] = {pair for ws in quoted for pair in zip(ws, ws[1:] + [""], strict=True)}
        return pairs_of[source]

    def quoted_in(ws: list[str], source: str) -> bool:
        """The words occur whole in some quote of `source`: it printed them too."""
        return any(_inside(ws, other) for other in by_source.get(source, []))

    compared: set[tuple[tuple[str, ...], ...]] = set()  # pairs of wordings, spelling aside
    reported: set[tuple[frozenset[str], tuple]] = set()  # (flagged reports, their wording or, on a tie, both)
    found: list[tuple[set[str], tuple, Finding]] = []  # (flagged, the odd wording or a tie's two, finding)
    candidates = []
    rendered = {src for src in {c.source for c in quotes} if translated(ctx.sources.get(src))}
    for a, b in combinations(sorted(quotes, key=lambda c: (c.source, c.id)), 2):
        if a.source == b.source:
            continue
        # a translator picks the content words: against a translation only a change of sense counts
        worded = a.source in rendered or b.source in rendered
        if _inside(full[a.id], full[b.id]) or _inside(full[b.id], full[a.id]):
            continue
        best = None
        for pa, wa in split[a.id]:
            for pb, wb in split[b.id]:
                if wa == wb:
                    continue
                if quoted_in(wa, b.source) or quoted_in(wb, a.source):
                    continue
                ratio = similarity(wa, wb)  # the cheaper test first: most pairs are two remarks
                if ratio < rule.options["min_similarity"]:
                    continue
                why = change(wa, wb, worded)
                if why is None or (why == CONTENT and worded) or (
                        why == SIGNAL_WORD and worded and _regrouped(wa, wb, said_by(a.source), said_by(b.source))):
                    continue
                if best is None or ratio > best[0]:
                    best = (ratio, pa, pb)
        if best is not None:
            candidates.append((a, b, best))
    # a quote alike two others, one of its own speaker's: that one is what it renders, not another's
    # alike words (attributions slip, so another speaker alone never keeps two quotes apart)
    own = {c.id for a, b, _ in candidates if not _other_speakers(a, b, ctx) for c in (a, b)}
    for a, b, best in candidates:
        if _other_speakers(a, b, ctx) and (a.id in own or b.id in own):
            continue
        # one drift printed by several reports, with other punctuation or spelling, is one finding
        said_a, said_b = _spelt(words(best[1])), _spelt(words(best[2]))
        key = (said_a, said_b) if said_a <= said_b else (said_b, said_a)
        if key in compared:
            continue
        compared.add(key)
        # every report that prints either wording joins its side; the fewer is the one to check
        side_a = [c for c in quotes if _inside(said_a, spelt_of(c))]
        side_b = [c for c in quotes if _inside(said_b, spelt_of(c))]
        src_a, src_b = {c.source for c in side_a}, {c.source for c in side_b}
        if src_a & src_b:
            continue  # a report printing both wordings is quoting two things
        flagged = src_a if len(src_a) < len(src_b) else src_b if len(src_b) < len(src_a) else src_a | src_b
        # the same wording of the same reports, against a shorter or longer cut of the other: one drift
        tie = flagged not in (src_a, src_b)
        odd = key if tie else said_a if flagged == src_a else said_b
        if (frozenset(flagged), odd) in reported:
            continue
        reported.add((frozenset(flagged), odd))
        speaker = a.subject or b.subject
        found.append((flagged, (said_a, said_b) if tie else (odd,), Finding(
            rule=rule.id, kind=FINDING_KIND, severity=rule.severity,
            message=f"quoted differently{' (' + speaker + ')' if speaker else ''}: "
                    f"{best[1]!r} vs {best[2]!r}",
            subject=speaker, predicate="quote",
            # each side is the whole quote as the source prints it; the evidence is the sentence that differs
            values=(side(a.text, [], extra=[_piece(c, best[1]) for c in side_a]),
                    side(b.text, [], extra=[_piece(c, best[2]) for c in side_b])),
            flagged=tuple(sorted(flagged)),
        )))
    # a tie (one report against one) is left out when another finding already shows one of its two
    # wordings outvoted: "...but still a risky mission" (01) vs "...so no longer..." (02) is told
    # better by "still a risky mission" (01, 05) against 02
    outvoted = {(frozenset(flagged), said[0]) for flagged, said, _ in found if len(said) == 1}
    kept = [(flagged, said, finding) for flagged, said, finding in found
            if len(said) == 1 or not any((frozenset({s}), w) in outvoted for w in said for s in flagged)]
    yield from _odd_one_out(kept)


def _regrouped(wa: list[str], wb: list[str], pairs_a: set[tuple[str, str]], pairs_b: set[tuple[str, str]]) -> bool:
    """The signal words one sentence has and the other lacks stand elsewhere in the other's quotes, each
    with the word after it: a translation cut the remark into other sentences ("after two hard years in the
    Tour. Always some mistakes" / "... at the Tour, when there were always some mistakes"), it did not
    change it ("will probably play" is not "will play" because "It will probably rain" is quoted too). Not
    a denial."""
    extra, gone = (set(wb) - set(wa)) & SIGNAL, (set(wa) - set(wb)) & SIGNAL
    if not extra | gone or (extra | gone) & NEGATION:
        return False

    def moved(words: set[str], ws: list[str], pairs: set[tuple[str, str]]) -> bool:
        return all(pair in pairs for pair in zip(ws, ws[1:] + [""], strict=True) if pair[0] in words)
    return moved(extra, wb, pairs_a) and moved(gone, wa, pairs_b)


def _against_all(fs: list[Finding], src: str) -> tuple[Side, ...]:
    """The odd report's side, and one side for every report that quotes otherwise (each tie named one)."""
    others = [v for f in fs for v in f.values if src not in v.sources]
    evidence = tuple(sorted({e for v in others for e in v.evidence}, key=lambda e: (e.source, e.line, e.column)))
    agreed = Side(others[0].value, tuple(sorted({s for v in others for s in v.sources})), evidence)
    return tuple(v if src in v.sources else agreed for v in fs[0].values)


def _odd_one_out(found: list[tuple[set[str], tuple, Finding]]) -> Iterator[Finding]:
    """Ties of one report against one: a report in two of them, against two reports that quote alike
    (no drift between them), is the odd one, and one finding flags it alone ("better" in 01 and 06,
    "luckier" in 04: not 01 against 04 and 04 against 06)."""
    ties = [f for flagged, said, f in found if len(said) == 2 and len(flagged) == 2]
    drifting = {frozenset(f.values[0].sources) | frozenset(f.values[1].sources) for _, _, f in found}
    partners: dict[tuple[str, str], list[Finding]] = {}  # (report, its wording) -> its ties
    for f in ties:
        for src in f.flagged:
            wording = next(v.evidence[0].text for v in f.values if src in v.sources)
            partners.setdefault((src, wording), []).append(f)
    merged: dict[int, Finding | None] = {}
    for (src, _), fs in sorted(partners.items()):
        others = sorted({o for f in fs for o in f.flagged if o != src})
        if len(others) < 2 or any(frozenset(pair) <= d for pair in combinations(others, 2) for d in drifting):
            continue
        if any(id(f) in merged for f in fs):
            continue  # each tie is told once
        merged[id(fs[0])] = replace(fs[0], flagged=(src,), values=_against_all(fs, src))
        merged.update({id(f): None for f in fs[1:]})
    for _, _, f in found:
        out = merged.get(id(f), f)
        if out is not None:
            yield out
