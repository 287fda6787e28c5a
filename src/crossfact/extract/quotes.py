"""Quoted speech and who said it.

A quote runs between matching quotation marks within a paragraph (straight or
curly, double or single; a single quote must open after a space and close
before punctuation or a space, so apostrophes are not quotes). The speaker is
the person named next to a verb of saying in the same paragraph ("Vosberg said",
"said Lund"), else a pronoun's topic, else the person the text is about.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from ..text import Sentence
from .claimsets import ClaimSink
from .packs import Lexicon

# A double-quoted stretch (d), or a single-quoted one (s) whose mark opens a line or follows a space,
# bracket or dash. The mark is the pattern's first step and each branch then looks back at it, so the
# engine skips in C to the next quotation mark (7x faster than testing the single-quote branch's
# look-behind at every character; tests/test_fast_patterns.py holds it to the plain two-branch form).
QUOTE_RE = re.compile(
    r"[\"“”‘'](?:(?<=[\"“”])(?P<d>[^\"“”\n]{8,}?)[\"“”]"
    r"|(?<=[‘'])(?<![^\s(\[—–-][‘'])(?P<s>[^\n]{8,}?)(?:[’'](?=[\s,.;:!?)\]—–-]|$)|$))",
    re.M,
)
SAID = r"said|says|told|added|explained|expressed|wrote|insisted|admitted|stated|declared|remarked|noted"
SAY = (r"(?:" + SAID + r"|warned|stressed|conceded|acknowledged|argued|recalled|replied|responded|tweeted|urged|vowed|"
       r"pledged|cautioned)")
# "The mayor urged Ida Rolf to ...": after these verbs a name is their object, not who speaks
SAY_THEN_NAME = r"(?:" + SAID + r")"


def quote_claims(sink: ClaimSink, sents: tuple[Sentence, ...], found: list, persons: dict[str, str],
                 lex: Lexicon) -> None:
    text = sink.source.text
    by_para: dict[int, list[Sentence]] = {}
    for s in sents:
        by_para.setdefault(s.paragraph, []).append(s)
    last_speaker: str | None = None
    starts = [s.start for s in sents]
    for para, group in sorted(by_para.items()):
        start, end = group[0].start, group[-1].end
        chunk = text[start:end]
        for m in QUOTE_RE.finditer(chunk):
            body = m.group("d") if m.group("d") is not None else m.group("s")
            if len(body.split()) < 3 or not re.search(r"[a-z]", body):
                continue
            b0 = m.start("d") if m.group("d") is not None else m.start("s")
            # the frame: up to 300 characters either side of the quote, the quote itself blanked
            lo, hi = max(0, m.start() - 300), min(len(chunk), m.end() + 300)
            outside = chunk[lo:m.start()] + " " * (m.end() - m.start()) + chunk[m.end():hi]
            at = start + m.start()
            prior = lambda at=at: _sentence_before(sents, starts, text, at)  # noqa: E731  only a "he said" asks
            speaker = _attributed(chunk, m.start(), m.end(), prior, persons)
            if speaker is None:
                speaker = (_speaker(outside, persons) or _speaker(_previous(by_para, para, text), persons)
                           or last_speaker)
            if speaker:
                last_speaker = speaker
            a = start + b0
            sent = next((s for s in group if s.start <= a < s.end + 1), group[0])
            sink.add(sent, a - sent.start, a - sent.start + len(body.rstrip()), speaker or "", "quote",
                     {"type": "quote", "text": body.strip()}, {}, "generic/quote")


def _previous(by_para: dict[int, list[Sentence]], para: int, text: str) -> str:
    """A paragraph that introduces the quote ("Vosberg explained:") counts as its frame."""
    prev = by_para.get(para - 1)
    if prev and text[prev[-1].start:prev[-1].end].rstrip().endswith(":"):
        return text[prev[0].start:prev[-1].end]
    return ""


CAP = r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*"
SPEAKER_RES = (
    re.compile(r"\b(?P<n>" + CAP + r")\b[^.\"“”]{0,40}?\b" + SAY),
    re.compile(r"\b" + SAY_THEN_NAME + r"\s+(?:[a-z]+\s+){0,2}(?P<n>" + CAP + r")\b"),
    re.compile(r"\b(?P<n>" + CAP + r")\b\s*[:,]?\s*$"),
)


# the attribution written right against the quote: '..." said Lund', '..." Lund said', 'Lund said: "...'
AFTER = re.compile(r"[\s,]*(?:(?P<n>" + CAP + r")\s+" + SAY + r"\b|" + SAY + r"\s+(?:[a-z]+\s+){0,2}(?P<n2>" + CAP
                   + r")\b|(?P<pronoun>(?:he|she)\s+" + SAY + r"\b|" + SAY + r"\s+(?:he|she)\b))")
BEFORE = re.compile(r"\b(?P<n>" + CAP + r")\s+(?:[a-z]+\s+){0,2}" + SAY + r"[^.\"“”:]{0,50}[:,]\s*$")
NAMED = re.compile(CAP)
# the person a sentence opens with, introducing the quote with a colon: 'Ada Holm, the party's leader,
# distanced herself within minutes: "..."' (not a possessive: "Ada Holm's coach put it simply:")
COLON_LED = re.compile(r"\s*(?P<n>" + CAP + r")(?![\w'’-]|\s+[A-Z])(?<!['’]s)(?P<rest>[^\"“”:]{0,200}):\s*$")
# 'said Lund coach Edin Marsk': role words between the team and the speaker ('said Ivo Sand after
# beating Per Alm' names no speaker after "after")
APPOSED = re.compile(r"\s+(?:(?!(?:after|before|when|while|as|following|despite|against|beating|with)\b)[a-z]+\s+)"
                     r"{1,2}(?P<n>" + CAP + r")")


def _sentence_before(sents: tuple[Sentence, ...], starts: list[int], text: str, at: int) -> str:
    """The words before position `at` in its own sentence, or, when none, the sentence before it
    (of any earlier paragraph): the report's own sentences (`starts`: theirs), not a second split."""
    i = bisect_left(starts, at)  # sents[:i] start before `at`
    if i and sents[i - 1].end >= at and text[sents[i - 1].start:at].strip():
        return text[sents[i - 1].start:at]  # the quote opens inside this sentence, after some words
    if i and sents[i - 1].end >= at:
        i -= 1
    return sents[i - 1].text if i else ""


def _attributed(chunk: str, start: int, end: int, last: Callable[[], str], persons: dict[str, str]) -> str | None:
    """The speaker the words right after or before the quote name; for '..." he said', the one
    person the sentence before the quote names, else "" (no speaker: not the last quote's).
    None: no attribution against the quote, so the paragraph around it decides."""
    if not persons:
        return None
    after = AFTER.match(chunk, end)
    if after and after.group("pronoun"):
        # the one person the sentence before the quote names; with none or several, no speaker ("")
        named = {p for p in (_known(m.group(0), persons) for m in NAMED.finditer(last())) if p}
        return named.pop() if len(named) == 1 else ""
    if after:
        # 'said Lund coach Edin Marsk': the name after the role words is the speaker
        later = APPOSED.match(chunk, after.end()) if after.group("n2") else None
        who = (later and _known(later.group("n"), persons)) or _known(after.group("n") or after.group("n2"), persons)
        if who:
            return who
    before = BEFORE.search(chunk, max(0, start - 120), start)
    if before:
        return _known(before.group("n"), persons)
    led = COLON_LED.match(last()) if chunk[:start].rstrip().endswith(":") else None
    if not led or any(persons.get(m.group(0)) for m in NAMED.finditer(led.group("rest"))):
        return None  # "Ada Holm lost to Ida Rolf, and the winner was blunt:": whose words, it does not say
    return _known(led.group("n"), persons)


def _known(candidate: str, persons: dict[str, str]) -> str | None:
    """The person a run of capitalised words names: the whole run, or its longest known part, the last
    of equal length ("North Carolina Governor Ada Holm": the person ends the run, after place and title)."""
    words = candidate.split()
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size, -1, -1):
            hit = persons.get(" ".join(words[i:i + size]))
            if hit:
                return hit
    return None


def _speaker(frame: str, persons: dict[str, str]) -> str | None:
    if not persons or not frame:
        return None
    for rx in SPEAKER_RES:
        for m in rx.finditer(frame):
            who = _known(m.group("n"), persons)
            if who:
                return who
    return None
