"""spelling: variants of one name; the minority variant is flagged with the suggested spelling.

Each side is shown with the name word written beside the variant ("Jessie Kriel" against "Jesse
Kriel"), so an editor sees whose name it is; the evidence marks the word itself, and the suggestion
is the word that replaces it ("Jesse").

Words of names are clustered across all sources (see ``crossfact.resolve``). In a
cluster, the spelling used by the most sources (or the registry's) is canonical;
every other spelling used by fewer sources is flagged, with the canonical one as
the suggestion. When two spellings are used by the same number of sources, no side
can be called right: one finding names both, with no suggestion.

Flagged: "Vosbreg" (one source) beside "Vosberg" (four sources); "Haverbke" / "Haverbeke"
and "Hoffmann" / "Hoffman" (in a long name, a vowel or a doubled letter is a slip); "Vani" in one
source against "Vanni" in three, "Beret" against "Bereet" (a doubling no other report shares), "Lodeki"
against "Lokedi" (the same letters, two swapped across a syllable).
Two words written in one name are two names ("Ada Trang Thang": "Thong" elsewhere is Thang
misspelt, not Trang).
Flagged, no suggestion: "Harbor Nights" in one source, "Harbour Nights" in another; not when the two
differ in vowels only, or a final "h" ("Jung-hyun" / "Jeong-hyun", "Birhanu" / "Berhanu": two
romanisations, as many reports each way).
Not flagged: "Ruíz" / "Ruiz" (accents), "N'dour" / "Ndour" (apostrophe),
"Olympic" / "Olympics", "Velmos" / "Velmons" (grammar), "Beletu" / "Beltu", "Usama" /
"Ussama" (a vowel or a doubled consonant in a short name, one report against one or two), "Naila" / "Nayla", "Arlesh" /
"Arlech" (one sound as two transliterations write it),
"Vandermolen" / "Molen" (two different names: too many edits), "Economists" opening a
sentence / "Danforth Economics" (a capital only because a sentence starts there, in a
word the reports also print in lower case), "Andalucía" / "Andalusia" (accents on one
side only: a name as another language writes it), "Zealand" / "Zealander", "Starlink" /
"Starliner" (other endings: other words), "Brisko-MG" / "Brisko" (a state's code glued to a club's name),
"Casa Santa Marta" / "Santa Maria Maggiore" (the majority's name always has a word the other's never has, and
the other is never written alone: two places that share a word), "Zelenskyy" written three times in one report
that never writes the others' "Zelensky" (its own spelling: a transliteration, a house style), "Tribhuwan" in two
reports against "Tribhuvan" in four (a spelling more than ``max_sources`` reports write is in use, not a slip;
a registry's spelling still flags it, and a tie is still told), "Kristof" in a report that says it is a translation
against "Cristof" elsewhere (the two sound alike: the name as the report's language writes it; a translation's
other slips are still told).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..model import Claim, Evidence, Finding
from ..sources import translated
from ..text import PARTICLE, fold, name_words
from .base import Context, Rule, selected, side, usable

ID = "spelling"
FINDING_KIND = "spelling"
# max_sources: a spelling more reports than this write, against a majority, is one in use (a transliteration,
# a house style): two outlets seldom make one slip. A registry's spelling still flags it; a tie is still told
OPTIONS = {"report_ties": True, "min_length": 4, "max_sources": 1}


def _word_evidence(c: Claim, word: str) -> Evidence:
    """Narrow a name claim's span to the misspelt word."""
    e = c.evidence
    at = c.text.find(word)
    if at < 0 or e.line != e.end_line:
        return e
    return Evidence(e.source, e.path, e.line, e.column + at, e.line, e.column + at + len(word), e.text)


def check(rule: Rule, claims: list[Claim], ctx: Context) -> Iterator[Finding]:
    claims = usable(claims, ctx)
    res = ctx.resolution
    uses: dict[str, list[tuple[Claim, str]]] = defaultdict(list)
    for c in selected(rule, claims):
        for word in name_words(c.text):
            f = fold(word)
            if f in res.clusters and len(f) >= rule.options["min_length"]:
                led = re.search(r"(?:\b" + PARTICLE + r"\s+)+" + re.escape(word) + r"\b", c.text)
                uses[f].append((c, led.group(0) if led else word))  # "de la Torres", as written
    for f in [f for f in uses if _ordinary_word(uses[f], ctx)]:
        del uses[f]
    done: set[tuple[str, ...]] = set()
    for f in sorted(uses):
        group = tuple(w for w in res.clusters[f] if w in uses)
        if group in done or len(group) < 2:
            continue
        done.add(group)
        srcs = {w: {c.source for c, _ in uses[w]} for w in group}
        top = max(len(s) for s in srcs.values())
        leaders = sorted(w for w in group if len(srcs[w]) == top)
        canon = res.canonical.get(f)
        if canon not in res.registered and (canon not in leaders or len(leaders) > 1):
            canon = None  # no registry entry: the majority decides, and a tie decides nothing
        if canon not in group:
            canon = leaders[0] if len(leaders) == 1 else None
        if canon is None and len(leaders) > 1 and not rule.options["report_ties"]:
            continue
        best = canon or leaders[0]
        best_evidence = [_word_evidence(c, w) for c, w in uses[best]]
        for w in group:
            if w == best or (canon is None and w not in leaders and len(srcs[w]) >= top):
                continue
            if canon is not None and len(srcs[w]) > rule.options["max_sources"] and canon not in res.registered:
                continue  # "Tribhuwan" in two reports, "Tribhuvan" in four: both spellings in use
            if canon is None and w in leaders and _skeleton(w) == _skeleton(best):
                continue  # a tie in vowels only: two romanisations ("Jung-hyun" / "Jeong-hyun"), no slip to tell
            if (_other_language(uses[w], uses[best]) or _other_entity(uses[w], uses[best])
                    or _house_style(uses[w], srcs[best]) or _transcribed(uses[w], best, ctx)) \
                    and canon not in res.registered:
                continue
            if canon and len(srcs[w]) >= len(srcs[canon]) and canon not in res.registered:
                continue
            surface = _surface(uses[w], shown=True)
            flagged = side(surface, [], extra=[_word_evidence(c, wd) for c, wd in uses[w]])
            # the other side as written beside the same name word: "Ida Vosbreg" against "Ida Vosberg", not her sister's
            neighbour = next((x for x in surface.split() if fold(x) != w), "")
            best_side = side(_surface(uses[best], shown=True, like=neighbour), [], extra=best_evidence)
            subject = max((c.subject for c, _ in uses[best]), key=lambda s: (len(s), s))
            suggestion = _surface(uses[canon]) if canon else None
            fix = f"; did you mean {suggestion!r}?" if suggestion else " (as many sources each way: check it)"
            yield Finding(
                rule=rule.id, kind=FINDING_KIND, severity=rule.severity,
                message=f"{surface!r} in {len(srcs[w])} source(s) vs {best_side.value!r} in "
                        f"{len(srcs[best])}{fix}",
                subject=subject, predicate="name", values=(flagged, best_side), suggestion=suggestion,
                flagged=tuple(sorted(srcs[w] | (srcs[best] if canon is None else set()))),
            )


def _skeleton(word: str) -> str:
    """A name's consonants in order with a mark for each run of vowels, a final "h" aside: what two
    romanisations of one name keep alike ("Jung" / "Jeong"), and a letter moved does not ("Okonkow" /
    "Okonkwo")."""
    return re.sub(r"h$", "", re.sub(r"[aeiouy]+", "V", fold(word)))


def _other_language(a: list[tuple[Claim, str]], b: list[tuple[Claim, str]]) -> bool:
    """Every report writes one spelling with accents and the other without, and they differ beyond
    them: a name as another language writes it (Andalucía / Andalusia), not a slip. A report that
    drops the accents and writes it alike (Ibáñez, Ibanez) makes "Ibanes" a slip again."""
    def accents(uses: list[tuple[Claim, str]]) -> set[bool]:
        return {not w.isascii() for _, w in uses}

    return {frozenset(accents(a)), frozenset(accents(b))} == {frozenset({True}), frozenset({False})}


HOUSE_STYLE = 3  # times a report writes a spelling, never the other, for it to be the report's own


def _house_style(mine: list[tuple[Claim, str]], theirs: set[str]) -> bool:
    """Every report with this spelling writes it three times or more and never the majority's: its own
    spelling of the name ("Zelenskyy", "Raeisi", "Naypyitaw" as a house style or a transliteration), not a
    slip (a slip is made once or twice, often beside the right spelling)."""
    per: dict[str, int] = defaultdict(int)
    for c, _ in mine:
        per[c.source] += 1
    return min(per.values()) >= HOUSE_STYLE and not set(per) & theirs


# letters one language writes for another's sound: a translation spells names as its language does
# (not "z" / "s": "Gonzales" for "Gonzalez", "Maatzen" for "Maatsen" are slips in any language)
SOUNDS = (("ph", "f"), ("ck", "k"), ("c", "k"), ("w", "v"), ("y", "i"))


def _sound(word: str) -> str:
    out = fold(word)
    for written, said in SOUNDS:
        out = out.replace(written, said)
    return out


def _transcribed(mine: list[tuple[Claim, str]], theirs: str, ctx: Context) -> bool:
    """Every report with this spelling says it is a translation, and the two spellings sound alike
    ("Karlos" / "Carlos", "Alkaraz" / "Alcaraz" where a Serbian text is translated): the name as the
    report's language writes it, not a slip. A translation's other slips ("Carlso") are still told."""
    return _sound(mine[0][1]) == _sound(theirs) and all(translated(ctx.sources.get(c.source)) for c, _ in mine)


def _other_entity(a: list[tuple[Claim, str]], b: list[tuple[Claim, str]]) -> bool:
    """Every name that writes the majority's spelling goes on past it with a word that no name with the
    other has, and the other is never written alone ("Santa Maria Maggiore" against "Casa Santa Marta"
    and "Santa Marta hotel"): two places sharing a word, not one misspelt. A slip written alone ("Vosbreg
    said") is a slip, and so is one whose name lacks a word before it ("Lena Vosbreg" against "Lena Maria
    Vosberg": a middle name comes and goes)."""
    def words(c: Claim) -> list[str]:
        return [fold(x) for x in name_words(c.text)]

    mine = [set(words(c)) - {fold(w)} for c, w in a]
    after = [set(ws[ws.index(fold(w)) + 1:]) if fold(w) in ws else set() for c, w in b for ws in [words(c)]]
    always = set.intersection(*after) if after else set()
    return all(mine) and bool(always - set().union(*mine))


def _ordinary_word(uses: list[tuple[Claim, str]], ctx: Context) -> bool:
    """A capital only because it opens a sentence ("Economists said"): every use is a one-word name
    at a sentence's start, and the reports also print the word (or it without a plural s) in lower
    case. Such a word is not a name to spell-check against a name that looks like it."""
    if not all(c.text == w and c.evidence.text.lstrip("\"“‘'(").startswith(w) for c, w in uses):
        return False
    if "lower_words" not in ctx.memo:
        ctx.memo["lower_words"] = {w for s in ctx.sources.values() for w in LOWER_WORD.findall(s.text)}
    word = uses[0][1].lower()
    return bool({word, word[:-1] if word.endswith("s") else word} & ctx.memo["lower_words"])


LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def _surface(uses: list[tuple[Claim, str]], shown: bool = False, like: str = "") -> str:
    """The form written most often; on a tie, one with accents ("Österdal" over "Osterdal": dropping
    them is what wire copy does to a name, not how it is spelt). `shown`: each with the name word
    written beside it (`_in_name`), as a finding's sides show it; the suggestion is the word alone, what
    replaces the flagged span."""
    counts: dict[str, int] = defaultdict(int)
    for c, w in uses:
        counts[_in_name(c, w) if shown else w] += 1
    alike = {form: n for form, n in counts.items() if like and like in form.split()}  # `like`: the neighbour wanted
    counts = alike or counts
    return max(sorted(counts), key=lambda w: (counts[w], not w.isascii()))


def _in_name(c: Claim, word: str) -> str:
    """The word with the one name word written beside it: the surname after a given name, the given name
    before a surname ("Jessie Kriel"; "Jennifer Hormedy" in "Board Chair Jennifer Hormedy"), so an editor
    sees whose name it is. A word written alone stays alone."""
    words = name_words(c.text)
    if word not in words:
        return word  # "de la Torres", as written
    i = words.index(word)
    for pair in ([word, words[i + 1]] if i + 1 < len(words) else [], [words[i - 1], word] if i else []):
        if pair and " ".join(pair) in c.text:
            return " ".join(pair)
    return word
