"""Sentences with their offsets, and the small text helpers every stage shares."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr vs etc no jan feb mar apr jun jul aug sep sept oct nov dec "
    "a.m p.m a.m. p.m. u.s u.k e.g i.e approx gen gov sen rep lt col capt prof inc ltd co".split()
)
# Possessive quantifiers: a run of 100,000 full stops is scanned once, not once per stop.
SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*+\n|\r\n|\n|\r")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    index: int
    paragraph: int


WORD_BEFORE_STOP = re.compile(r"([\w.]+)\.$")


def sentences(text: str) -> tuple[Sentence, ...]:
    """Split into sentences; a line break always ends one (headlines have no full stop).

    Kept for the last few texts: a story's reports are split once, by extraction, and the
    rules that quote sentences read the same split (a tuple, so nobody changes it)."""
    return _split(text)


def after_abbreviation(text: str, start: int, stop: int) -> bool:
    """Is the full stop at text[stop] one after an abbreviation ("Mr.", "U.S.", an initial), which ends
    no sentence? `start`: where the sentence being read began."""
    word = WORD_BEFORE_STOP.search(text, max(start, stop - 30), stop + 1)
    # an initial is a letter: a score's or a figure's last digit ends a sentence ("won 4-2. A crowd")
    return bool(word) and (word.group(1).lower() in ABBREVIATIONS or (len(word.group(1)) == 1
                                                                      and word.group(1).isalpha()))


@lru_cache(maxsize=32)
def _split(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    start = 0
    paragraph = 0
    for m in SENTENCE_END.finditer(text):
        end = m.end()
        if m.group(0)[0] == "." and after_abbreviation(text, start, m.start()):
            continue
        _emit(text, start, end, out, paragraph)
        if "\n" in m.group(0) or "\r" in m.group(0):
            paragraph += 1
        start = end
    _emit(text, start, len(text), out, paragraph)
    return tuple(out)


def _emit(text: str, start: int, end: int, out: list[Sentence], paragraph: int) -> None:
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    if body:
        out.append(Sentence(start + lead, start + lead + len(body), body, len(out), paragraph))


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without accents or apostrophes: 'N'dour' and 'Ndour' fold alike."""
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"['’`\-.]", "", bare).lower()


WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a": 1, "an": 1,
    "a couple of": 2, "couple of": 2, "a few": 3, "several": 3, "a dozen": 12, "dozens of": 24,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# "twenty-six" is 26, not "twenty" and "six"
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
WORD_NUMBERS.update({f"{tens}-{unit}": WORD_NUMBERS[tens] + WORD_NUMBERS[unit] for tens in TENS for unit in UNITS})


def compound_numbers(tens: tuple[str, ...] = TENS) -> str:
    """A pattern of "twenty-six"-style words (of these tens), one alternative instead of 72 words: every
    pattern built on it tries each alternative at every word."""
    return "(?:" + "|".join(tens) + ")-(?:" + "|".join(UNITS) + ")"
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}


NAME_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
STATE_CODE = re.compile(r"(?<=[a-zà-ÿ])-[A-Z]{2}$")


@lru_cache(maxsize=16384)  # a story's names recur in every report and are read by several rules
def name_words(text: str) -> tuple[str, ...]:
    """The capitalised words of a name, as written ('Harbour Nights: Live' -> Harbour, Nights, Live); a
    state's two-letter code glued to a club's name is not part of the word ('Atletico-MG' -> Atletico)."""
    return tuple(STATE_CODE.sub("", w) for w in NAME_WORD.findall(text) if w[:1].isupper() and not w.isupper())

# Lower-case particles that lead a surname (Ana de la Torre, Piet van der Berg).
PARTICLE = r"(?:de|la|del|van|von|der|den|da|di|le|du)"


def lowered(text: str, rx: tuple[re.Pattern[str], re.Pattern[str]]) -> Iterator[re.Match[str]]:
    """The case-blind matches of a pattern, given as (pattern for lower-cased text, pattern with
    re.I; see `case_blind`): the first over text.lower() when that finds what re.I finds (see
    `plain_case`), else the second over the text. A re.I alternation tries every letter case at
    every word and costs several times more."""
    low = plain_case(text)
    return rx[0].finditer(low) if low is not None else rx[1].finditer(text)


def case_blind(pattern: str, flags: int = 0) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The pair `lowered` takes: a pattern without a capital (no \\W, \\S, \\B either) or a cased
    letter beyond ASCII runs without re.I over the lower-cased text; any other keeps re.I there
    (right, not faster)."""
    blind = re.compile(pattern, flags | re.I)
    bare = pattern.replace("(?P<", "(").replace("(?P=", "(")  # a named group's P is not a letter to match
    # lower-case ASCII letters, and other characters only where they have no case (a dash, not an é)
    plain = all(c == c.lower() and (c.isascii() or c == c.upper()) for c in bare) and not re.search(
        r"\\[uUxN0-7]", bare)  # an escape may stand for a capital: "caf\u00c9"
    return (re.compile(pattern, flags) if plain else blind), blind


# The letters re.I takes for an ASCII letter though str.lower() does not make them one (İ ı ſ K).
CASE_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")


@lru_cache(maxsize=8)  # the last few texts: every recognizer of a report asks about the same one
def plain_case(text: str) -> str | None:
    """text.lower(), when a lower-case pattern over it finds just what re.I finds over the text:
    None when the text has a letter that re.I matches to an ASCII letter and lower() does not."""
    if any(c in text for c in CASE_ODD):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None  # match positions must be the text's


def may_contain(text: str, words: tuple[str, ...]) -> bool:
    """False only when a case-blind pattern that cannot match without one of `words` (in lower
    case) has nothing to find in `text`: a recognizer then skips its scan (a few substring tests
    cost far less than a regex pass)."""
    low = plain_case(text)
    return low is None or any(w in low for w in words)
