"""Pre-publish check: a draft against the sources and the desk's facts.

The draft runs through the normal check beside the sources (so every rule sees it
exactly as it sees a report); then only findings about the draft are kept, phrased
for its editor with the sources counted ("3 sources say 'Bergen', the draft says
'Malmo'"). A misspelling counts only when the draft is the one flagged: the
draft writing a name as most sources do is no problem of the draft's.

When the draft sides with the majority, a conflict stays in view at info level (a
source disagrees with the draft, but the draft is not the one to correct).

A draft claim that no source or fact speaks to is reported at info level as
``unsupported``: a new fact, told apart from a wrong one. A claim is *supported* when a
source states an equal value for the same subject and predicate (as the agree kind
compares them), *contradicted* when sources state only other values for it (that is a
conflict finding's business, not repeated here), and *unsupported* when no source
states anything for that subject and predicate with compatible qualifiers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher
from fnmatch import fnmatchcase
from pathlib import Path

from . import sources
from .facts import FACTS_ID
from .groupwork import rule_context
from .kinds import agree, quote, quotemeaning
from .kinds.base import Context, side
from .model import Claim, Evidence, Finding, Source
from .pipeline import Result

CHECKED = ("result.time", "event.date", "mark.*", "measure.*", "count.*", "quote", "season.opener", "event.minute")
STDIN_ID = "draft"


def load(spec: str, stdin_text: str | None = None) -> Source:
    """The draft from a file (any format sources reads), or `stdin_text` when `spec` is '-'."""
    if spec == "-":
        return sources.parse(stdin_text or "", "<stdin>", STDIN_ID)
    return sources.load_file(Path(spec))


def combine(srcs: list[Source], draft: Source) -> list[Source]:
    """The sources without the draft's own file, then the draft (renamed if a source has its id)."""
    here = Path(draft.path).resolve() if draft.path != "<stdin>" else None
    kept = [s for s in srcs if here is None or Path(s.path).resolve() != here]
    if any(s.id == draft.id for s in kept) or draft.id == FACTS_ID:
        draft = replace(draft, id=f"draft-{draft.id}")
    return [*kept, draft]


def _who(sids: tuple[str, ...], draft_id: str, verb: str) -> str:
    parts = []
    if FACTS_ID in sids:
        parts.append("the verified facts")
    if draft_id in sids:
        parts.append("the draft")
    n = len(set(sids) - {FACTS_ID, draft_id})
    if n:
        parts.append(f"{n} source{'s' if n != 1 else ''}")
    singular = len(parts) == 1 and (parts[0] == "the draft" or n == 1)
    return f"{' and '.join(parts)} {verb if singular else verb[:-1]}"


def phrase(f: Finding, draft_id: str) -> str:
    """The finding's message with the sides counted; the draft's side last."""
    verb = "writes" if f.kind == "spelling" else "says"
    ordered = sorted(f.values, key=lambda s: draft_id in s.sources)
    text = ", ".join(f"{_who(s.sources, draft_id, verb)} {s.value!r}" for s in ordered)
    about = f"{f.predicate} of {f.subject}" if f.subject else f.predicate
    return f"{about}: {text}" + (f"; did you mean {f.suggestion!r}?" if f.suggestion and draft_id in f.flagged else "")


def focus(result: Result, draft_id: str, registry: dict[str, str] | None = None) -> list[Finding]:
    """The findings that involve the draft, rephrased, plus its unsupported claims."""
    kept = []
    for f in result.findings:
        on_a_side = any(draft_id in s.sources for s in f.values)
        if not on_a_side or (f.kind == "spelling" and draft_id not in f.flagged):
            continue
        if f.kind in ("conflict", "spelling"):
            f = replace(f, message=phrase(f, draft_id))
        if draft_id not in f.flagged:
            # the draft sides with the sources that outnumber the other side: a note, not an alarm
            f = replace(f, severity="info", message=f.message + " (the draft agrees with the majority)")
        kept.append(f)
    reported = frozenset(e for f in kept for s in f.values if draft_id in s.sources for e in s.evidence)
    return kept + unsupported(result, draft_id, registry, reported)


QUOTED = re.compile(r"[‘'\"“]([^‘’'\"“”\n]{4,200}?)[’'\"”]")


def _quote_supported(c: Claim, others: list[Claim], ctx: Context) -> bool:
    """A source quotes the same words (a piece, or the draft's quote inside theirs), or quotes
    fragments of it: 'beaten' ... 'blindfolded' supports the whole sentence they come from."""
    full = quotemeaning.words(c.text)
    mine = [w for w in (quotemeaning.words(p) for p in quotemeaning.pieces(c.text)) if len(w) >= 3] or [full]
    for o in others:
        theirs = [quotemeaning.words(p) for p in quotemeaning.pieces(o.text)] + [quotemeaning.words(o.text)]
        for a in mine:
            for b in theirs:
                if a and b and (quote._inside(a, b) or quote._inside(b, a)
                                or SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.6):
                    return True
    for src in ctx.sources.values():
        if src.id == c.source:
            continue
        fragments = [quotemeaning.words(m.group(1)) for m in QUOTED.finditer(src.text)]
        if sum(len(f) for f in fragments if f and quote._inside(f, full)) >= 2:
            return True
    return False


def _same_subject(a: Claim, b: Claim, ctx: Context) -> bool:
    return not a.subject or not b.subject or ctx.resolution.key(a.subject) == ctx.resolution.key(b.subject)


def status(c: Claim, others: list[Claim], ctx: Context) -> tuple[str, list[str]]:
    """supported, contradicted (with the other values) or new, against other sources' claims.

    Equal values for the same subject support a claim whatever their qualifiers; other values
    contradict it only when their qualifiers are compatible (a runner's mile is not her 800m)."""
    if c.predicate == "quote":
        return ("supported", []) if _quote_supported(c, others, ctx) else ("new", [])
    same = [o for o in others if _same_subject(c, o, ctx)]
    if any(agree.equal(c, o, 0.0, ctx) for o in same):
        return "supported", []
    key = ctx.resolution.key(c.subject)
    rivals = sorted({o.text for o in same if c.subject and ctx.resolution.key(o.subject) == key
                     and agree.comparable(c, o, agree.OPTIONS["key"], [])})
    return ("contradicted", rivals) if rivals else ("new", [])


def unsupported(result: Result, draft_id: str, registry: dict[str, str] | None = None,
                reported: frozenset[Evidence] = frozenset()) -> list[Finding]:
    """Info findings for the draft's checked claims that no source or fact supports; a claim
    whose contradiction a finding already reports (its evidence in `reported`) is left to it."""
    live = [c for c in result.claims if c.status != "rejected"]
    ctx = rule_context(result.sources, live, registry)
    by_pred: dict[str, list[Claim]] = {}
    for c in live:
        if c.source != draft_id:
            by_pred.setdefault(c.predicate, []).append(c)
    out = []
    for c in live:
        if c.source != draft_id or c.evidence in reported or not any(fnmatchcase(c.predicate, p) for p in CHECKED):
            continue
        state, rivals = status(c, by_pred.get(c.predicate, []), ctx)
        if state == "supported":
            continue
        about = f"{c.predicate} of {c.subject}" if c.subject else c.predicate
        why = (f"no source or verified fact gives it (they give {', '.join(map(repr, rivals[:3]))})"
               if rivals else "no source or verified fact speaks to it: a new claim")
        out.append(Finding(
            rule="draft-unsupported", kind="unsupported", severity="info",
            message=f"{about}: the draft says {c.text!r}; {why}",
            subject=c.subject, predicate=c.predicate, values=(side(c.text, [c]),), flagged=(draft_id,)))
    return sorted({f.fingerprint: f for f in out}.values(), key=Finding.sort_key)
