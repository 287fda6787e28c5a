"""Pack patterns: regular expressions from the YAML packs turned into claims."""

from __future__ import annotations

from ..text import Sentence, lowered
from .claimsets import ClaimSink
from .packs import Pack
from .subjects import subject_at


def _stop(value: str) -> bool:
    """A pattern's name slot caught a sentence opener ("The", "He"), not a name."""
    return value.split()[0] in ("The", "He", "She", "It", "They", "A", "An", "This", "That", "But", "And")


def _described(text: str, start: int, value: str) -> bool:
    """'the New Zealander won': a description of someone named elsewhere, not a name. A plural
    keeps its article ('the Chiefs won'): teams are named that way."""
    return text[max(0, start - 4):start].lower() == "the " and not value.endswith("s")


def pattern_claims(sink: ClaimSink, sent: Sentence, resolved: list, topic: str | None, packs: tuple[Pack, ...],
              sent_names: list) -> None:
    for pack in packs:
        for pat in pack.patterns:
            if pat.needs is not None and next(lowered(sent.text, pat.needs), None) is None:
                continue
            for m in pat.regex.finditer(sent.text):
                value = m.group("value")
                named = m.groupdict().get("subject")
                sub_start = m.start("subject") if named else -1
                if named and named.startswith("The "):  # "The Harbour Classic on Saturday"
                    named, sub_start = named[4:], sub_start + 4
                subject = named or subject_at(m.start(), m.start(), sent.text, resolved, topic)
                if not subject or (named and _stop(value)):
                    continue
                if pat.names and _described(sent.text, m.start("value"), value):
                    continue
                if pat.subject_type and not any(n.type == pat.subject_type and n.start == sub_start
                                                for n in sent_names):
                    continue
                quals = {}
                if "q" in m.groupdict() and m.group("q"):
                    quals["kind"] = m.group("q").strip()
                sink.add(sent, m.start("value"), m.start("value") + len(value), subject, pat.predicate,
                         {"type": "name", "text": value}, quals, f"{pack.name}/{pat.id}")
