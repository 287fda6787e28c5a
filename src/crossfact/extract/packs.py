"""Extraction packs: YAML files of word lists and claim patterns, shipped with the package.

A pack is chosen when one of its `detect` patterns occurs in the corpus (or when a
config names it); the generic pack is always on. Packs only add words and
patterns: what a pack may say is checked here, so a typo fails loudly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..errors import CrossfactError
from ..text import case_blind, lowered

CAPWORD = r"[A-Z\u00C0-\u00DE][\w'’\-]*"
NAME_RE = CAPWORD + r"(?:\s+(?:(?:of|de|la|del|van|von|der|the)\s+)?(?:" + CAPWORD + r"|\d{4}))*"
PLACEHOLDERS = {
    "{EVENT}": r"(?P<value>" + NAME_RE + r")",
    "{PLACE}": r"(?P<value>" + NAME_RE + r")",
    "{NAME}": r"(?P<value>" + NAME_RE + r")",
    "{POSS}": r"(?:his|her|their|its)",
    # the claim's subject, when the pattern names it ("X won the {SUBJECT}": the event is the subject)
    "{SUBJECT}": r"(?P<subject>" + NAME_RE + r")",
}


@dataclass(frozen=True)
class Pattern:
    id: str
    predicate: str
    regex: re.Pattern
    pack: str
    subject_type: str | None = None  # the {SUBJECT} must be a name of this type (event, place, person)
    # a cheap case-blind test a sentence must pass before the full pattern runs (see text.case_blind)
    needs: tuple[re.Pattern, re.Pattern] | None = None
    names: bool = False  # the value is a {NAME}: who did it


@dataclass
class Lexicon:
    """The union of the chosen packs' word lists, with the sets and patterns built from them once."""

    words: dict[str, Any] = field(default_factory=dict)
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    def set(self, key: str) -> frozenset[str]:
        if ("set", key) not in self._memo:
            self._memo[("set", key)] = frozenset(self.words.get(key, []))
        return self._memo[("set", key)]

    def pattern(self, words: tuple[str, ...] | str, template: str = r"\b(?:{})\b", flags: int = re.I) -> re.Pattern:
        """A compiled alternation of `words` (or of the list under that key), longest first."""
        key = ("rx", words, template, flags)
        if key not in self._memo:
            self._memo[key] = re.compile(template.format(self._alternation(words)), flags)
        return self._memo[key]

    def blind(self, words: tuple[str, ...] | str, template: str = r"\b(?:{})\b") -> tuple[re.Pattern, re.Pattern]:
        """The alternation of `pattern` as a case-blind pair for `text.lowered` (see text.case_blind)."""
        key = ("blind", words, template)
        if key not in self._memo:
            self._memo[key] = case_blind(template.format(self._alternation(words)))
        return self._memo[key]

    def _alternation(self, words: tuple[str, ...] | str) -> str:
        items = self.words.get(words, []) if isinstance(words, str) else words
        return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True)) or "(?!)"

    def merge(self, other: dict[str, Any]) -> None:
        for key, value in other.items():
            if isinstance(value, dict):
                self.words.setdefault(key, {})
                for k, v in value.items():
                    if isinstance(v, list):  # word lists add up across packs
                        self.words[key][k] = list(self.words[key].get(k, [])) + v
                    else:  # a setting (a pronoun's role): the later pack's wins
                        self.words[key][k] = v
            else:
                self.words[key] = list(self.words.get(key, [])) + list(value)


@dataclass(frozen=True)
class Pack:
    name: str
    description: str
    extracts: tuple[str, ...]
    always: bool
    detect: tuple[tuple[re.Pattern, re.Pattern], ...]  # case-blind (see text.case_blind)
    lexicon: dict[str, Any]
    patterns: tuple[Pattern, ...]
    origin: str = ""  # the file a desk's own pack came from ("" for a built-in pack)

    @property
    def ref(self) -> str:
        """How to name this pack across processes: a built-in's name, a desk pack's file."""
        return self.origin or self.name


def _compile(pack: str, entry: dict[str, Any]) -> Pattern:
    raw = str(entry["regex"])
    for key, value in PLACEHOLDERS.items():
        raw = raw.replace(key, value)
    try:
        rx = re.compile(raw, re.I if entry.get("ignore_case") else 0)
        needs = case_blind(str(entry["needs"])) if entry.get("needs") else None
    except re.error as exc:
        raise CrossfactError(f"pattern {entry.get('id')!r} in pack {pack!r} is not a valid regex: {exc}") from None
    return Pattern(str(entry["id"]), str(entry["predicate"]), rx, pack, entry.get("subject_type"), needs,
                   "{NAME}" in str(entry["regex"]))


def _detectors(pack: str, patterns: list[Any]) -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    try:
        return tuple(case_blind(str(p)) for p in patterns)
    except re.error as exc:
        raise CrossfactError(f"a detect pattern in pack {pack!r} is not a valid regex: {exc}") from None


def parse_pack(data: dict[str, Any], origin: str) -> Pack:
    if not isinstance(data, dict) or "name" not in data:
        raise CrossfactError("a pack is a mapping with at least a name", path=origin)
    name = str(data["name"])
    return Pack(
        name=name,
        description=str(data.get("description", "")),
        extracts=tuple(data.get("extracts", [])),
        always=bool(data.get("always", False)),
        detect=_detectors(name, data.get("detect", [])),
        lexicon=dict(data.get("lexicon") or {}),
        patterns=tuple(_compile(name, p) for p in data.get("patterns") or []),
        origin=origin,
    )


@lru_cache(maxsize=1)
def builtin_packs() -> tuple[Pack, ...]:
    folder = resources.files("crossfact") / "packs"
    packs = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".yaml"):
            packs.append(replace(parse_pack(yaml.safe_load(entry.read_text("utf-8")), entry.name), origin=""))
    return tuple(packs)


@lru_cache(maxsize=32)
def load_pack_file(path: str) -> Pack:
    """A desk's own pack: the same YAML as the built-in ones (see docs/packs.md)."""
    from pathlib import Path

    from ..rules import compose, read_text

    data, _ = compose(read_text(Path(path), "pack"), path)
    return parse_pack(data, path)


def _user_packs(names: list[str]) -> tuple[list[Pack], list[str] | None]:
    """Split `names` into packs loaded from files and the names of built-in packs (None: detect them)."""
    from pathlib import Path

    user, builtin = [], []
    for name in names:
        p = Path(name)
        if name.endswith((".yaml", ".yml")) or p.is_dir():
            files = sorted(p.glob("*.y*ml")) if p.is_dir() else [p]
            user.extend(load_pack_file(str(f)) for f in files)
        else:
            builtin.append(name)
    return user, (builtin or None)


def by_refs(refs: tuple[str, ...]) -> tuple[Pack, ...]:
    """The packs `Pack.ref` named, built-in or from a desk's files, in the given order."""
    builtin = {p.name: p for p in builtin_packs()}
    return tuple(builtin[r] if r in builtin else load_pack_file(r) for r in refs)


def choose(texts: list[str], names: list[str] | None = None) -> tuple[Pack, ...]:
    """The packs for this corpus: the always-on ones, the named ones, and those whose words occur.
    A name that is a .yaml file or a folder adds a desk's own packs, always on."""
    user: list[Pack] = []
    if names:
        user, names = _user_packs(list(names))
    chosen = []
    for pack in builtin_packs():
        if pack.always or (names is not None and pack.name in names):
            chosen.append(pack)
        elif names is None and any(next(lowered(t, rx), None) for rx in pack.detect for t in texts):
            chosen.append(pack)
    return tuple(chosen) + tuple(user)


_LEXICONS: dict[tuple[str, ...], Lexicon] = {}


def lexicon(packs: tuple[Pack, ...]) -> Lexicon:
    """The merged lexicon of `packs`, built once per set of packs (every report reuses it)."""
    key = tuple(p.ref for p in packs)
    if key not in _LEXICONS:
        lex = Lexicon()
        for pack in packs:
            lex.merge(pack.lexicon)
        _LEXICONS[key] = lex
    return _LEXICONS[key]


VOCABULARY_KEYS = ("stopwords", "titles", "event_heads", "place_heads", "org_heads", "description_heads", "demonyms",
                   "countries")


@lru_cache(maxsize=1)
def name_variants() -> dict[str, int]:
    """Folded spellings of one name in its standard transliterations (Mohamed / Mohammed), each
    mapped to its family's number: a report choosing another of them has not misspelt it."""
    from ..text import fold

    out: dict[str, int] = {}
    for pack in builtin_packs():
        for family in pack.lexicon.get("name_variants", []):
            n = len(out) + 1
            out.update({fold(w): n for w in family})
    return out


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Folded common words of every pack: never treated as a name's spelling."""
    from ..text import fold

    words: set[str] = set()
    for pack in builtin_packs():
        for key in VOCABULARY_KEYS:
            words.update(fold(w) for w in pack.lexicon.get(key, []))
    return frozenset(words)
