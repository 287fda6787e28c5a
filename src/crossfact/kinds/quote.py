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
connections" / "consciousness of the links"). A quote that occurs whole inside a longer quote is a
fragment, not drift. A report alone against two that quote alike is the odd one: one
finding flags it, not two ties.

Flagged: "I wasn't prepared" vs "I was prepared".
Not flagged: 'beaten' and 'blindfolded' quoted as fragments of the full sentence;
"I'm not" vs "I am not"; two different remarks that share a few words; "not committing
to a path" vs "to any path" (a determiner); "dialling" vs "dialing" (British and American
spelling). One drift printed by several reports with other punctuation is one finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations

from ..model import Claim, Evidence, Finding
from ..text import WORD_NUMBERS, fold
from .base import Context, Rule, selected, side, usable

ID = "quote"
FINDING_KIND = "quote"
OPTIONS = {"min_similarity": 0.6, "min_words": 3}
# Words whose change alters what was said: negation, certainty, quantity, modality.
SIGNAL = frozenset("""not no never nothing none nobody neither nor cannot surely probably certainly definitely
maybe perhaps possibly likely unlikely completely partially nearly almost totally fully entirely always
sometimes often rarely will would could might must should can may all every some any more less most least
only else few many much entire whole part partly half hardly barely scarcely suddenly slowly quickly gradually
immediately everyone everybody everything anyone anybody""".split())
NEGATION = frozenset("not no never nothing none nobody neither nor cannot".split())
# signal words one translation renders as another without changing what was said ("would be
# counterproductive" / "could be counterproductive"; "likely" / "probably")
SAME_SIGNAL = (frozenset("would could might may".split()), frozenset("likely probably perhaps maybe possibly".split()))
FILLER = frozenset("""i you he she it we they me him her us them my your his its our their a an the and but or so
just also very really too then now well yes oh that this these those to of in on at for with by from as is am
are was were be been being have has had do does did done get got feel felt make made say said says going go
think know knew mean like there here what which who""".split())
CONTRACTIONS = [(re.compile(rx, re.I), rep) for rx, rep in (
    (r"n['’]t\b", " not"), (r"['’]m\b", " am"), (r"['’]re\b", " are"), (r"['’]ve\b", " have"),
    (r"['’]ll\b", " will"), (r"['’]d\b", " would"), (r"\bcan not\b", "cannot"))]
# idioms whose words are signal words on their own: "After all, ..." opens a sentence, it counts nothing
IDIOMS = (("after", "all"), ("above", "all"), ("first", "of", "all"), ("at", "least"))
MIN_SHARED = 3  # words two wordings of one remark have in common, at least
INSERTION = re.compile(r"\[[^\]]*\]")
WORD = re.compile(r"[\w'’]+")


# A swap within one of these ("to a particular path" / "to any particular path", "the plan" /
# "this plan") is wording, not meaning; "any" for "the" is not ("not any offer" / "not the offer").
INDEFINITE = frozenset("a an any".split())
DEFINITE = frozenset("the this that".split())
# British and American spellings of one word: -lled/-lling/-ller/-llor, -our/-or, -ise/-ize,
# -yse/-yze, -tre/-ter, -ogue/-og ("dialling" / "dialing", "colour" / "color", "centre" / "center").
SPELLINGS = [(re.compile(rx), rep) for rx, rep in (
    (r"(?<=[aeiou])ll(?=ed$|ing$|ers?$|ors?$)", "l"), (r"our(?=s?$|ed$|ing$|ite|able)", "or"),
    (r"is(?=e[ds]?$|ing$|ation)", "iz"), (r"ys(?=e[ds]?$|ing$)", "yz"), (r"tre(s?)$", r"ter\1"),
    (r"ogue(s?)$", r"og\1"))]


@lru_cache(maxsize=4096)  # a story's quotes repeat their words across every pair compared
def spelling(word: str) -> str:
    """One key for the British and American spellings of a word (of five letters or more)."""
    if len(word) < 5:
        return word
    for rx, rep in SPELLINGS:
        word = rx.sub(rep, word)
    return word


def _cut_ends(ops: list) -> tuple[list, list]:
    """Opcodes without the words only one side has before or after the shared part, and those ends
    (a matcher merges neighbouring edits, so each end is at most one opcode)."""
    lo = 1 if len(ops) > 1 and ops[0][0] in ("insert", "delete") else 0
    hi = len(ops) - 1 if len(ops) > lo + 1 and ops[-1][0] in ("insert", "delete") else len(ops)
    return ops[lo:hi], ops[:lo] + ops[hi:]


def substantive(a: list[str], b: list[str]) -> bool:
    """Does the change from a to b alter the meaning, not just the wording?"""
    changed_a: list[str] = []
    changed_b: list[str] = []
    a, b = [spelling(w) for w in a], [spelling(w) for w in b]
    # words only one side has before or after the shared part: a longer quote, not a change
    ops, _ = _cut_ends(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
    # each side opening with words of its own, the rest alike: another lead-in ("Overall, I think ..." /
    # "After all, ..."), as two transcripts or translations render it, unless it is a signal word
    # ("Surely ..." / "Probably ..."), a figure, or a word of its own on each side ("Arlen deserved" /
    # "Brisk deserved")
    if len(ops) > 1 and ops[0][0] == "replace":
        own_a = [w for w in _without_idioms(a[ops[0][1]:ops[0][2]]) if w not in FILLER]
        own_b = [w for w in _without_idioms(b[ops[0][3]:ops[0][4]]) if w not in FILLER]
        if not (own_a and own_b) and not set(own_a + own_b) & SIGNAL and not any(map(_figure, own_a + own_b)):
            ops = ops[1:]
    for op, i1, i2, j1, j2 in ops:
        if op != "equal":
            changed_a += a[i1:i2]
            changed_b += b[j1:j2]
    if sorted(changed_a) == sorted(changed_b):
        return False  # the same words in another order
    if any(set(changed_a) | set(changed_b) <= group for group in (INDEFINITE, DEFINITE)):
        return False
    diff = set(changed_a) ^ set(changed_b)
    if "any" in diff and diff & {"a", "an"}:  # "a particular path" / "any particular path": one article
        diff -= {"any", "a", "an"}
    if set(changed_a) & NEGATION and set(changed_b) & NEGATION:  # "do not" / "cannot": both deny
        diff -= NEGATION
    if any(map(_figure, diff)):
        return True  # "30 soldiers" / "13 soldiers", "thirty" / "three"
    signals = diff & SIGNAL
    alike = next((kind for kind in SAME_SIGNAL if signals and signals <= kind and set(changed_a) & kind
                  and set(changed_b) & kind), frozenset())
    if signals and not alike:
        return True
    ignored = FILLER | alike  # "would" / "could" is wording, like "the" / "a"
    # other content words in two places or more, and no signal word: the same remark rendered by
    # another translator or transcriber ("at midnight ... it was" / "in the middle of the night ...
    # that was"); a drift changes one thing ("better" / "luckier")
    if sum(1 for op in ops if op[0] != "equal" and any(w not in ignored for w in a[op[1]:op[2]] + b[op[3]:op[4]])) >= 2:
        return False
    content_a = {w for w in changed_a if w not in ignored and len(w) >= 4}
    content_b = {w for w in changed_b if w not in ignored and len(w) >= 4}
    stems = lambda ws: {w[:5] for w in ws}  # noqa: E731  inflections share a stem
    return bool(content_a and content_b and stems(content_a) != stems(content_b))


def _figure(word: str) -> bool:
    """A number, in digits or words ("a", "an" and "one" are too often no figure: "one day")."""
    return word.isdigit() or (word in WORD_NUMBERS and word not in ("a", "an", "one"))


def _without_idioms(ws: list[str]) -> list[str]:
    out = list(ws)
    for idiom in IDIOMS:
        n = len(idiom)
        for i in range(len(out) - n, -1, -1):
            if tuple(out[i:i + n]) == idiom:
                del out[i:i + n]
    return out


def similarity(a: list[str], b: list[str]) -> float:
    """How alike two wordings are, over the span both quote: words that only one side has, before or
    after it, make a longer cut ("It's my intention that the government will pay ..."), not a
    difference. When each side has words of its own at the ends, they are two remarks: no trimming."""
    sm = SequenceMatcher(None, a, b, autojunk=False)
    _, ends = _cut_ends(sm.get_opcodes())
    la, lb = len(a), len(b)
    if len({op[0] for op in ends}) == 1:  # the extra words are all one side's
        for op in ends:
            la, lb = la - (op[2] - op[1]), lb - (op[4] - op[3])
    same = sum(blk.size for blk in sm.get_matching_blocks())
    if same < MIN_SHARED:  # "this is" in common: two remarks, however short the cut
        return 0.0
    return 2 * same / (la + lb) if la + lb else 0.0


def words(text: str) -> list[str]:
    text = INSERTION.sub(" ", text)  # an editor's insertion is not the speaker's
    t = text.replace("won't", "will not").replace("can't", "cannot")
    for rx, rep in CONTRACTIONS:
        t = rx.sub(rep, t)
    return [fold(w) for w in WORD.findall(t)]


def pieces(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"(?<=[.!?;])\s+|\s+[–—-]\s+", text) if p.strip()]


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


def check(rule: Rule, claims: list[Claim], ctx: Context) -> Iterator[Finding]:
    claims = usable(claims, ctx)
    quotes = selected(rule, claims)
    full = {c.id: words(c.text) for c in quotes}
    spelt: dict[str, tuple[str, ...]] = {}  # spelling keys, made once per quote and only when needed

    def spelt_of(c: Claim) -> tuple[str, ...]:
        if c.id not in spelt:
            spelt[c.id] = _spelt(full[c.id])
        return spelt[c.id]
    by_source: dict[str, list[list[str]]] = {}
    for c in quotes:
        by_source.setdefault(c.source, []).append(full[c.id])

    def quoted_in(ws: list[str], source: str) -> bool:
        """The words occur whole in some quote of `source`: it printed them too."""
        return any(_inside(ws, other) for other in by_source.get(source, []))

    compared: set[tuple[tuple[str, ...], ...]] = set()  # pairs of wordings, spelling aside
    reported: set[tuple[frozenset[str], tuple]] = set()  # (flagged reports, their wording or, on a tie, both)
    found: list[tuple[set[str], tuple, Finding]] = []  # (flagged, the odd wording or a tie's two, finding)
    for a, b in combinations(sorted(quotes, key=lambda c: (c.source, c.id)), 2):
        if a.source == b.source:
            continue
        if _inside(full[a.id], full[b.id]) or _inside(full[b.id], full[a.id]):
            continue
        best = None
        for pa in pieces(a.text):
            wa = words(pa)
            if len(wa) < rule.options["min_words"]:
                continue
            for pb in pieces(b.text):
                wb = words(pb)
                if len(wb) < rule.options["min_words"] or wa == wb:
                    continue
                if quoted_in(wa, b.source) or quoted_in(wb, a.source):
                    continue
                ratio = similarity(wa, wb)  # the cheaper test first: most pairs are two remarks
                if ratio < rule.options["min_similarity"] or not substantive(wa, wb):
                    continue
                if best is None or ratio > best[0]:
                    best = (ratio, pa, pb)
        if best is None:
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
        merged[id(fs[0])] = replace(fs[0], flagged=(src,))
        merged.update({id(f): None for f in fs[1:]})
    for _, _, f in found:
        out = merged.get(id(f), f)
        if out is not None:
            yield out
