"""Quoted speech and who said it.

A quote runs between matching quotation marks within a paragraph (straight or
curly, double or single; a single quote must open after a space and close
before punctuation or a space, so apostrophes are not quotes). The speaker is
the person named next to a verb of saying in the same paragraph ("Kerr said",
"said Cram"), else a pronoun's topic, else the person the text is about.
"""

from __future__ import annotations

import re

from ..text import Sentence
from .claimsets import ClaimSink
from .packs import Lexicon

QUOTE_RE = re.compile(
    r"[\"“”](?P<d>[^\"“”\n]{8,}?)[\"“”]"
    r"|(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?P<s>[^\n]{8,}?)(?:[’'](?=[\s,.;:!?)\]—–-]|$)|$)",
    re.M,
)
SAY = r"(?:said|says|told|added|explained|expressed|wrote|insisted|admitted|stated|declared|remarked|noted)"


def quote_claims(sink: ClaimSink, sents: list[Sentence], found: list, persons: dict[str, str],
                 lex: Lexicon) -> None:
    text = sink.source.text
    by_para: dict[int, list[Sentence]] = {}
    for s in sents:
        by_para.setdefault(s.paragraph, []).append(s)
    last_speaker: str | None = None
    for para, group in sorted(by_para.items()):
        start, end = group[0].start, group[-1].end
        chunk = text[start:end]
        for m in QUOTE_RE.finditer(chunk):
            body = m.group("d") if m.group("d") is not None else m.group("s")
            if len(body.split()) < 3 or not re.search(r"[a-z]", body):
                continue
            b0 = m.start("d") if m.group("d") is not None else m.start("s")
            outside = chunk[:m.start()] + " " * (m.end() - m.start()) + chunk[m.end():]
            speaker = _speaker(outside, persons) or _speaker(_previous(by_para, para, text), persons) or last_speaker
            if speaker:
                last_speaker = speaker
            a = start + b0
            sent = next((s for s in group if s.start <= a < s.end + 1), group[0])
            sink.add(sent, a - sent.start, a - sent.start + len(body.rstrip()), speaker or "", "quote",
                     {"type": "quote", "text": body.strip()}, {}, "generic/quote")


def _previous(by_para: dict[int, list[Sentence]], para: int, text: str) -> str:
    """A paragraph that introduces the quote ("Kerr expressed:") counts as its frame."""
    prev = by_para.get(para - 1)
    if prev and text[prev[-1].start:prev[-1].end].rstrip().endswith(":"):
        return text[prev[0].start:prev[-1].end]
    return ""


def _speaker(frame: str, persons: dict[str, str]) -> str | None:
    names = "|".join(re.escape(p) for p in sorted(persons, key=len, reverse=True))
    if not names:
        return None
    for rx in (r"\b(?P<n>" + names + r")\b[^.\"“”]{0,40}?\b" + SAY,
               r"\b" + SAY + r"\s+(?:[a-z]+\s+){0,2}(?P<n>" + names + r")\b",
               r"\b(?P<n>" + names + r")\b\s*[:,]?\s*$"):
        m = re.search(rx, frame)
        if m:
            return persons[m.group("n")]
    return None
