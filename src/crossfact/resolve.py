"""Names across sources: which spellings are one name, and which names are one entity.

Words of names are compared with Jaro-Winkler and Damerau-Levenshtein (jellyfish),
blocked by their first letter and by a phonetic code (Metaphone), so the work grows
with the number of distinct words, not its square. Whether two words are variants of one
name is ``crossfact.namevariants.similar``; words that always stand beside different
names are different people. Accents and apostrophes never make a difference (Ruíz/Ruiz, N'dour/Ndour).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import jellyfish

from .model import Claim
from .namevariants import similar
from .text import PARTICLE, fold, name_words

PARTICLE_LED = re.compile(r"\b" + PARTICLE + r"\s+([A-Z][\w'’-]+)")


@dataclass(frozen=True)
class Word:
    folded: str
    surface: str  # the most common way it is written


@dataclass
class Resolution:
    """Cluster of folded words -> canonical folded word, and name -> entity key."""

    canonical: dict[str, str] = field(default_factory=dict)
    clusters: dict[str, list[str]] = field(default_factory=dict)
    entity: dict[str, str] = field(default_factory=dict)
    registered: frozenset[str] = frozenset()  # canonical words a registry names: they outrank any majority

    def key(self, name: str) -> str:
        """A subject's key: the same for 'Vosberg', 'Lena Vosberg' and 'Lena Vosberg' misspelt."""
        if name in self.entity:
            return self.entity[name]
        words = [self.canonical.get(fold(w), fold(w)) for w in name_words(name) or tuple(name.split())]
        return " ".join(words + re.findall(r"\b(?:19|20)\d{2}\b", name))  # Euro 2020 is not Euro 2024


def _told_apart(a: str, b: str, neighbours: dict[str, set[str]]) -> bool:
    """Both words come with other name words, and never the same (nor similar) ones."""
    na, nb = neighbours.get(a, set()), neighbours.get(b, set())
    if not na or not nb:
        return False
    return not any(x == y or similar(x, y) for x in na for y in nb)


def cluster_words(words: dict[str, int], max_edits: int = 2, min_jaro: float = 0.88,
                  surnames: frozenset[str] = frozenset(), neighbours: dict[str, set[str]] | None = None,
                  writers: dict[str, set[str]] | None = None, variants: dict[str, int] | None = None,
                  together: set[frozenset[str]] | None = None) -> list[list[str]]:
    """Group folded words into variants of one name (union-find over blocked pairs). Two words that
    always stand beside different names are different people ("Kenji Sato", "Yuki Saito"); two words
    written in one name are two names (`together`: "Tran Trong Thong" keeps Trong and Thong apart, and
    no closer pair may join them). `writers`: the sources that write each word (a report that writes
    both spellings slipped)."""
    neighbours = neighbours or {}
    writers = writers or {}
    variants = variants or {}
    together = together or set()
    parent = {w: w for w in words}
    members = {w: [w] for w in words}

    def find(w: str) -> str:
        while parent[w] != w:
            parent[w] = parent[parent[w]]
            w = parent[w]
        return w

    blocks: dict[str, list[str]] = defaultdict(list)
    for w in words:
        blocks["f:" + w[:1]].append(w)
        blocks["m:" + jellyfish.metaphone(w)[:2]].append(w)
    pairs = set()
    for block in blocks.values():
        block.sort(key=len)
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if len(b) - len(a) > 3:
                    break
                both = bool(writers.get(a, set()) & writers.get(b, set()))
                if variants.get(a, -1) == variants.get(b, -2):
                    continue  # two standard transliterations of one name (Mohamed / Mohammed)
                # both beside one name word: asked only of an "e" more (members are sorted by length)
                beside = b == a + "e" and bool(neighbours.get(a, set()) & neighbours.get(b, set()))
                counts = sorted((len(writers.get(a, ())), len(writers.get(b, ()))))
                lone = counts[0] == 1 and counts[1] >= 3
                if similar(a, b, max_edits, min_jaro, surnames, both, beside, lone) and not _told_apart(
                        a, b, neighbours):
                    pairs.add((a, b))
    # closest pairs first, so that a word written in one name with another joins its nearer spelling
    for a, b in sorted(pairs, key=lambda p: (jellyfish.damerau_levenshtein_distance(*p), p)):
        ra, rb = find(a), find(b)
        if ra != rb and not any(frozenset((x, y)) in together for x in members[ra] for y in members[rb]):
            parent[ra] = rb
            members[rb] += members.pop(ra)
    return [sorted(g) for g in members.values() if len(g) > 1]


def resolve(claims: list[Claim], registry: dict[str, str] | None = None,
            exclude: frozenset[str] = frozenset(), variants: dict[str, int] | None = None) -> Resolution:
    """Canonical spellings (registry first, then the most sources) and entity keys. `exclude`: common
    words, never a name; `variants`: transliteration families (word -> family), never a misspelling."""
    registry = {fold(k): fold(v) for k, v in (registry or {}).items()}
    sources: dict[str, set[str]] = defaultdict(set)
    names = set()
    surnames: set[str] = set()
    neighbours: dict[str, set[str]] = defaultdict(set)
    together: set[frozenset[str]] = set()
    for c in claims:
        if c.predicate == "name" and c.status != "rejected":
            names.add(c.subject)
            names.add(c.text)
            for w in name_words(c.text):
                if fold(w) not in exclude:
                    sources[fold(w)].add(c.source)
            surnames.update(fold(m.group(1)) for m in PARTICLE_LED.finditer(c.text))
            words = [fold(w) for w in name_words(c.text)]
            for i, w in enumerate(words):
                neighbours[w].update(words[max(0, i - 1):i] + words[i + 1:i + 2])
                together.update(frozenset((w, v)) for v in words[i + 1:] if v != w)
    res = Resolution(registered=frozenset(registry.values()))
    for group in cluster_words({w: len(s) for w, s in sources.items()}, surnames=frozenset(surnames),
                               neighbours=neighbours, writers=sources, variants=variants,
                               together=together):
        ranked = sorted(group, key=lambda w: (-(w in registry.values()), -len(sources[w]), w))
        for w in group:
            res.canonical[w] = registry.get(w, ranked[0])
            res.clusters[w] = group
    for w, target in registry.items():
        res.canonical.setdefault(w, target)
    res.entity = _entities(names, res)
    return res


def _entities(names: set[str], res: Resolution) -> dict[str, str]:
    """A name whose words are all inside exactly one longer name is that entity."""
    sets = {n: frozenset(res.key(n).split()) for n in names if n}
    distinct = set(sets.values())
    out = {}
    for n, s in sets.items():
        supers = [t for t in distinct if s <= t]
        maximal = [t for t in supers if not any(t < u for u in supers)]
        target = maximal[0] if len(maximal) == 1 else s
        out[n] = " ".join(sorted(target))
    return out
