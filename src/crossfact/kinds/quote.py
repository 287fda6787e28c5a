"""quote: the same words quoted with different wording in different sources.

Quotes are split into sentences and compared word by word (accents, case,
punctuation and contractions do not count: "I'm" is "I am"). Two quoted
sentences from different sources that are mostly the same words
(``min_similarity``) but not the same words are drift. A quote that occurs whole
inside a longer quote is a fragment, not drift.

Flagged: "I wasn't prepared" vs "I was prepared".
Not flagged: 'beaten' and 'blindfolded' quoted as fragments of the full sentence;
"I'm not" vs "I am not"; two different remarks that share a few words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from itertools import combinations

from ..model import Claim, Finding
from ..text import fold
from .base import Context, Rule, selected, side

ID = "quote"
FINDING_KIND = "quote"
OPTIONS = {"min_similarity": 0.6, "min_words": 4}
CONTRACTIONS = [(r"n['’]t\b", " not"), (r"['’]m\b", " am"), (r"['’]re\b", " are"), (r"['’]ve\b", " have"),
                (r"['’]ll\b", " will"), (r"['’]d\b", " would"), (r"\bcan not\b", "cannot")]


def words(text: str) -> list[str]:
    t = text.replace("won't", "will not").replace("can't", "cannot")
    for rx, rep in CONTRACTIONS:
        t = re.sub(rx, rep, t, flags=re.I)
    return [fold(w) for w in re.findall(r"[\w'’]+", t)]


def pieces(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"(?<=[.!?;])\s+|\s+[–—-]\s+", text) if p.strip()]


def _inside(short: list[str], long_: list[str]) -> bool:
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


def check(rule: Rule, claims: list[Claim], ctx: Context) -> Iterator[Finding]:
    quotes = selected(rule, claims)
    full = {c.id: words(c.text) for c in quotes}
    seen: set[tuple[str, str]] = set()
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
                if _inside(wa, full[b.id]) or _inside(wb, full[a.id]):
                    continue
                ratio = SequenceMatcher(None, wa, wb, autojunk=False).ratio()
                if ratio >= rule.options["min_similarity"] and (best is None or ratio > best[0]):
                    best = (ratio, pa, pb)
        if best is None or (best[1], best[2]) in seen:
            continue
        seen.add((best[1], best[2]))
        speaker = a.subject or b.subject
        yield Finding(
            rule=rule.id, kind=FINDING_KIND, severity=rule.severity,
            message=f"quoted differently{' (' + speaker + ')' if speaker else ''}: "
                    f"{best[1]!r} vs {best[2]!r}",
            subject=speaker, predicate="quote",
            values=(side(best[1], [a]), side(best[2], [b])),
            flagged=tuple(sorted({a.source, b.source})),
        )
