"""Collects a source's claims with exact provenance and stable ids."""

from __future__ import annotations

from typing import Any

from ..model import Claim, Evidence, Source, claim_id
from ..text import Sentence

MAX_SENTENCE = 1000


def context(sentence: str, start: int, end: int, margin: int = 200) -> str:
    """The sentence, or for a "sentence" of pages (a table, junk) the text around the span: every
    claim carries its sentence, and thousands of claims must not each carry megabytes."""
    if len(sentence) <= MAX_SENTENCE:
        return sentence
    lo, hi = max(0, start - margin), min(len(sentence), end + margin)
    return ("…" if lo else "") + sentence[lo:hi] + ("…" if hi < len(sentence) else "")


def span_evidence(source: Source, sent: Sentence, start: int, end: int, text: str | None = None) -> Evidence:
    """Evidence for sent.text[start:end] in `source`: the file line:column of the span, and its sentence (or
    `text`)."""
    line, col = source.position(sent.start + start)
    end_line, end_col = source.position(sent.start + end)
    return Evidence(source.id, source.path, line, col, end_line, end_col,
                    context(sent.text, start, end) if text is None else text)


class ClaimSink:
    def __init__(self, source: Source, main_event: str | None = None) -> None:
        self.source = source
        self.main_event = main_event  # the event the report names most: its results are the story's
        self._claims: dict[str, Claim] = {}

    def evidence(self, sent: Sentence, start: int, end: int) -> Evidence:
        """Evidence for sent.text[start:end]: file line:column of the span, and the sentence."""
        return span_evidence(self.source, sent, start, end)

    def add(self, sent: Sentence, start: int, end: int, subject: str, predicate: str,
            value: dict[str, Any], qualifiers: dict[str, Any], extractor: str) -> None:
        a = sent.start + start
        cid = claim_id(self.source.id, predicate, subject, a, sent.start + end, str(value.get("text")))
        if cid not in self._claims:
            self._claims[cid] = Claim(cid, self.source.id, subject, predicate, value, dict(qualifiers),
                                      self.evidence(sent, start, end), extractor)

    def claims(self) -> list[Claim]:
        return sorted(self._claims.values(), key=lambda c: (c.evidence.line, c.evidence.column, c.predicate, c.id))
