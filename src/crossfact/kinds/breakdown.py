"""The `breakdown` mode of the derived kind: a total against the list that breaks it down.

News copy often gives a total and then its parts: "22 deaths in the province:
Arlen 9, Brisk 6, Corvo five, and Dunmore and Ely one each", or "rose to 25. By
district, there were 11 in Arlen City, 7 in Brisk City, ... and 1 each in Dunmore
Town and Ely Town", or "71 people had been treated in hospital: 14 in a serious
condition, 22 with moderate injuries and 31 with minor injuries". The list is read
item by item ("Name N", "N in Name", "Name and Name N each", "N in a serious condition"); when at
least three items are read and their sum is not the total, the report contradicts
itself. A list that cannot be read whole is left alone, and so is one that says it
is partial ("among them 14 children, ...", "including ...").

A list by what became of each part, in the sentence after its total ("1,175 people were injured. Of these,
793 have been discharged and 328 are still under treatment"), may leave a state out: only a near miss
(``tolerance_sum``) is held against the total.

A list may also be read part by part, each "N in ...", "N from ...", "N on ...", "N through ...", "N by ..."
("1,995 games - 1,848 in the regular season and 137 more in the playoffs"; "190 lawmakers: 172 from
the opposition and 28 from the ruling party"; "283 yards: 221 through the air and 72 on the
ground"; "raised 27 times: 12 times by Holm, 13 by Rolf and once by Lund"), up to what is no part
("..., according to officials", "..., and was named"), never a time ("12 in the morning", "5 on Monday",
"30 by noon"). Two parts are enough when the sum is a near miss (at most ``tolerance_sum`` of the
total, 10 %): figures far from the total are not its parts. The total may
be a bare figure, the one figure of the clause before a colon, dash or comma ("It now stands at
194: 95 in Arlen, ..."; "559 people were arrested, 491 in Arlen and 86 elsewhere"), always a near
miss; of two figures there, the one whose noun the first part repeats ("11,585 people from 1,655 families
were affected: 1,320 families in Arlen, 105 in Brisk, ..."). A list by kind of person ("9 children, 6 women
and 3 elderly men") is no partition and is left alone, unless it ends on the rest ("21 protesters, nine
prisoners, three police officers and 16 others").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..extract.claimsets import span_evidence
from ..extract.values import COUNT_WORDS, MONTH_RE, WEEKDAY_RE, number_or_word
from ..model import Claim, Finding, Side
from ..text import Sentence
from .base import Context, Rule, sentences_of, side
from .statedsum import arithmetic_finding, part_figures

N = r"(?:\d[\d,]*|" + COUNT_WORDS + r")"
# "Arlen", "Arlen City", "the Upper Coast Region", "St. Arlen"
PLACE = r"(?:St\.?\s)?[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}"
NAMES = PLACE + r"(?:\s+and\s+" + PLACE + r")*"
ITEMS = re.compile(
    r"(?P<names>" + NAMES + r")\s+(?:accounted\s+for\s+|at\s+|had\s+|with\s+)?(?P<n>" + N + r")"
    r"(?P<each>\s+(?:each|apiece))?\b"
    r"|(?P<n2>" + N + r")(?P<each2>\s+each)?\s+in\s+(?:the\s+)?(?P<names2>" + NAMES + r")"
    # a part named by a condition, not a place: "14 in a serious condition", "22 with minor injuries" (not
    # "9 children, 6 women": a list of some of them, nor "12 in the morning": a count over time)
    r"|(?P<n3>" + N + r")\s+(?:in|with)\s+(?:a\s+)?(?:serious|critical|stable|moderate|minor|light|severe|"
    r"grave|good|fair|mild)\b(?:(?:\s+(?!and\b|or\b|each\b)[a-z][\w'’-]*){0,3})"
    # by nationality: "five from Arlen", "one each from Brisk, Corvo and Dunmore", "four Arlenians"
    r"|(?P<n4>" + N + r")(?P<each4>\s+each)?\s+(?:(?:were|was|are|is|came)\s+)?from\s+(?:the\s+)?"
    r"(?P<names4>" + PLACE + r"(?:(?:,\s+|,?\s+and\s+)"
    + PLACE + r")*)"
    r"|(?P<n5>" + N + r")\s+(?:[A-Z][a-z]+\s)?[A-Z][a-z]+(?:s|ese)\b")
PARTIAL = re.compile(r"\s*(?:including|among\s+(?:them|those|these)|of\s+whom|such\s+as|e\.g\.)\b", re.I)
LEAD = re.compile(r"^(?:Of (?:those|them|these)|Among (?:them|those|these)|By [a-z]+|Broken down)\b,?", re.I)


DASH = re.compile(r"\s[-–—]\s")
COLON = re.compile(r":(?!\d)")
# a part of a list read part by part: "137 more in the playoffs", "172 from the opposition"; not a time
# ("12 in the morning": a count over time, not a part of a place)
PART = re.compile(r"(?P<n>" + N + r"|once|twice)(?:\s+times)?(?:\s+more)?\s+(?:in|from|at|on|through|by)\s+"
                  r"(?!(?:the\s+)?(?:(?:first|last|next|early|late)\s+)?(?:morning|afternoon|evening|night|day|week|month|year|hours?|dawn|noon|midnight|midday|nightfall|"
                  r"dusk|sunset|sunrise|end|close|"
                  r"overnight|" + WEEKDAY_RE + r"|" + MONTH_RE + r")\b)[A-Za-z'’-]+(?:\s+[A-Za-z'’-]+){0,5}")
PARTS_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def _separator(text: str, start: int) -> int:
    """Where the list starts: a colon after the first count, or a dash ("15 foreigners - five ...")."""
    found = COLON.search(text, start)  # not a clock's or a time's ("3:17.49")
    colon = found.start() if found else -1
    dash = DASH.search(text, start)
    if dash and (colon < 0 or dash.start() < colon):
        return dash.end() - 1
    return colon


def read_list(text: str) -> tuple[int, float] | None:
    """(items read, their sum), or None when the text is not a list of counts."""
    if PARTIAL.match(text):
        return None  # "including 14 children, ...": some of the parts, not all of them
    total, items, covered = 0.0, 0, 0
    spans = []
    for m in ITEMS.finditer(text):
        spans.append((m.start(), m.end()))
        names = m.group("names") or m.group("names2") or m.group("names4") or ""
        n = number_or_word(m.group("n") or m.group("n2") or m.group("n3") or m.group("n4") or m.group("n5"))
        each = m.group("each") or m.group("each2") or m.group("each4")
        total += n * (len(re.split(r",?\s+and\s+|,\s+", names)) if each else 1)
        items += 1
        covered += m.end() - m.start()
    # a figure no item holds ("81 were from Arlen" where the items are "N from Place") is a part left unread
    unread = any(not any(a <= f.start() < b for a, b in spans) for f in FIGURE.finditer(ASIDES.sub(_blank, text)))
    if items < 3 or unread or covered < 0.6 * len(re.sub(r"[\s,.;]|\band\b|\bwith\b", "", text)):
        return read_parts(text) or read_kinds(text)
    return items, total


ASIDES = re.compile(r"\([^)]*\)")  # "5 in Arlen (2 of them children)": a figure in brackets is an aside


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


FIGURE = re.compile(r"(?<![\w.,:])\d[\d,]*(?![\w:])")

KIND = re.compile(r"(?P<n>" + N + r")\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?")
ASIDE = re.compile(r",\s+(?:including|among\s+(?:them|whom)|of\s+whom)\b")
REST = re.compile(r"(?P<n>" + N + r")\s+(?:others|more|other\s+[a-z]+)")


def _chunks(text: str) -> list[str]:
    """A list's items: the text split at its commas and "and"s, the closing stop left off."""
    return [c.strip() for c in PARTS_SPLIT.split(text.strip().rstrip(".;")) if c.strip()]


def read_kinds(text: str) -> tuple[int, float] | None:
    """A list by kind of person that ends on the rest ("21 protesters, nine prisoners, three police officers
    and 16 others"): the rest makes it whole. Without it, some kinds of the whole are listed, not all."""
    text = ASIDE.split(text)[0]  # "... and 16 others, including an Indian woman": what the rest holds
    chunks = _chunks(text)
    if len(chunks) < 3 or not REST.fullmatch(chunks[-1]) or not all(KIND.fullmatch(c) for c in chunks[:-1]):
        return None
    return len(chunks), sum(number_or_word((KIND.fullmatch(c) or REST.fullmatch(c)).group("n")) for c in chunks)


def read_parts(text: str) -> tuple[int, float] | None:
    """A list read part by part, every part an "N in ..." or "N from ...", up to what is no part (no figure
    leads it: "..., according to officials", "..., and was named")."""
    total, items = 0.0, 0
    for chunk in PARTS_SPLIT.split(text.strip().rstrip(".;")):
        m = PART.fullmatch(chunk.strip())
        if not m:
            if items >= 2 and not re.match(N + r"\b", chunk.strip()):
                break  # "..., 72 on the ground, and was responsible for three touchdowns": the list is over
            return None
        total += ADVERBS.get(m.group("n"), 0) or number_or_word(m.group("n"))
        items += 1
    return (items, total) if items >= 2 else None


# a part by what became of it: "793 have been discharged", "328 are still under treatment"; a list of such
# parts is whole only when it goes out of care and stays in it (not "12 were children and 30 were women")
STATUS = re.compile(r"(?P<n>" + N + r")\s+(?:(?:have|has|had)\s+(?:since\s+|now\s+)?been|are|is|were|was|"
                    r"remain(?:s|ed)?)\s+(?:still\s+|now\s+)?(?P<state>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,4})")
LEFT_CARE = re.compile(r"(?:discharged|released|sent\s+home|allowed\s+(?:to\s+)?(?:go|leave))\b")
IN_CARE = re.compile(r"(?:under\s+treatment|in\s+hospital|hospitali[sz]ed|admitted|receiving\s+treatment|"
                     r"being\s+treated|in\s+(?:a\s+)?(?:critical|serious|stable)\s+condition)\b")
OF_THESE = re.compile(r"^Of (?:those|them|these)\b", re.I)


def read_statuses(text: str) -> tuple[int, float] | None:
    """A list by what became of each part ("Of these, 793 have been discharged and 328 are still under
    treatment"): whole when some left care and the rest stayed in it. Held against its total only by a
    near miss."""
    parts = [STATUS.fullmatch(c) for c in _chunks(text)]
    if len(parts) < 2 or not all(parts):
        return None
    states = [m.group("state") for m in parts if m]
    if not (any(LEFT_CARE.match(st) for st in states) and any(IN_CARE.match(st) for st in states)):
        return None
    return len(parts), sum(number_or_word(m.group("n")) for m in parts if m)


ADVERBS = {"once": 1, "twice": 2}  # "12 times by Holm, 13 by Rolf and once by Lund": parts, not count words


def _wrong(read: tuple[int, float] | None, stated: float, tolerance: float) -> bool:
    """Do the parts miss the total? Two parts only by a near miss: far off, they are not its parts."""
    if read is None or abs(read[1] - stated) < 0.5:
        return False
    return read[0] >= 3 or abs(read[1] - stated) <= tolerance * stated


def check_breakdowns(rule: Rule, counts: list[Claim], ctx: Context) -> Iterator[Finding]:
    tolerance = float(rule.options.get("tolerance_sum") or 0.1)
    for sid in sorted(ctx.sources):
        counted = [c for c in counts if c.source == sid]
        sents = sentences_of(ctx, sid)
        src = ctx.sources[sid]
        # each count where its evidence puts it in the report's text (not where its digits first occur)
        mine = sorted(((src.offset(c.evidence.line, c.evidence.column), c) for c in counted), key=lambda pc: pc[0])
        for i, sent in enumerate(sents):
            here = [(at - sent.start, c) for at, c in mine if sent.start <= at < sent.end]
            if not here:
                yield from _bare_total(rule, ctx, sid, sent, tolerance)
                continue
            colon, parts_at = _separator(sent.text, here[0][0]), None
            # the total is the count the colon follows ("rose to 205: 203 in ..., two in ..."), not a part
            before = [c for at, c in here if at < colon]
            if colon >= 0 and before:
                listed, total_claim = DASH.split(sent.text[colon + 1:])[0], before[-1]
            elif i + 1 < len(sents) and LEAD.match(sents[i + 1].text):
                listed, total_claim, parts_at = LEAD.sub("", sents[i + 1].text), here[-1][1], sents[i + 1]
            else:
                yield from _bare_total(rule, ctx, sid, sent, tolerance)
                continue
            if total_claim.value.get("hedge") == "vague":  # "several deaths: ..." states no total
                continue
            read, stated = read_list(listed), float(total_claim.value.get("value") or 0)
            if read is None and parts_at is not None and OF_THESE.match(parts_at.text) \
                    and (statuses := read_statuses(listed)) and abs(statuses[1] - stated) <= tolerance * stated:
                read = statuses
            if read is None:  # not this count's list: another clause of the sentence may hold one
                yield from _bare_total(rule, ctx, sid, sent, tolerance)
            if not _wrong(read, stated, tolerance):
                continue
            summed = f"{read[1]:g} (sum of {read[0]} parts)"
            # the parts' own sentence, when they follow the total's ("... 1,175 injured. Of these, ...")
            parts = Side(summed, (), ()) if parts_at is None else Side(
                summed, (sid,), (span_evidence(src, parts_at, 0, len(parts_at.text), parts_at.text),))
            yield Finding(
                rule=rule.id, kind="arithmetic", severity=rule.severity,
                message=f"the total {total_claim.text} does not match its breakdown, which adds up to {read[1]:g}",
                subject=total_claim.subject, predicate=total_claim.predicate,
                values=(side(total_claim.text, [total_claim]), parts), flagged=(sid,),
            )


SEPARATOR = re.compile(COLON.pattern + r"|,\s|" + DASH.pattern)
DIGIT_RUN = re.compile(r"\d+")
OWN_PLACE = re.compile(r"\s+(?:[a-z]+\s+){0,2}(?:in|from|at)\s+(?:the\s+)?[A-Z]")
# a part that names the rest: the list is whole ("491 in Arlen and 86 in the rest of the country")
COMPLEMENT = re.compile(r"\b(?:the\s+rest|elsewhere|remaining|other)\b")
PART_CUE = re.compile(r"\d\s+(?:times\s+)?(?:more\s+)?(?:in|from|at|on|through|by)\s")
LIST_START = re.compile(r"\s*" + N + r"\b")
FIRST_PART_NOUN = re.compile(r"\s*" + N + r"\s+([a-z]+)\s+(?:in|from|at)\s")  # "1,320 families in Arlen"


def _bare_total(rule: Rule, ctx: Context, sid: str, sent: Sentence, tolerance: float) -> Iterator[Finding]:
    """A total no claim reads, the one figure of the clause before a colon, dash or comma ("It now stands
    at 194: 95 in Arlen, ..."; "190 lawmakers backed it: 172 from ..."; "a toll: 559 people were arrested,
    491 in Arlen and 86 elsewhere"), against parts that nearly make it. After a comma, two parts are a
    whole only when one names the rest; a figure with its own place is a part ("12 people in Arlen, ...")."""
    text, clause = sent.text, 0
    if not PART_CUE.search(text):
        return  # no part written "N in ...", "N from ...": most sentences
    for sep in SEPARATOR.finditer(text):
        at, clause = clause, sep.end()
        # a bare total's parts are figures, the first right after the separator ("194: 95 in Arlen, ...")
        if not LIST_START.match(text, sep.end()) or not DIGIT_RUN.search(text, at, sep.start()):
            continue
        figures = part_figures(text[at:sep.start()])
        # "11,585 people from 1,655 families were affected: 1,320 families in Arlen, ...": the total is the
        # figure whose noun the first part repeats, and the part is read without it
        noun = FIRST_PART_NOUN.match(text, sep.end()) if figures else None
        repeated = re.compile(r"\s+" + re.escape(noun.group(1)) + r"\b") if noun else None
        if len(figures) != 1 and repeated:
            figures = [f for f in figures if repeated.match(text, at + f[1])]
        if len(figures) != 1:
            continue
        start, end, stated = at + figures[0][0], at + figures[0][1], figures[0][2]
        if OWN_PLACE.match(text, end, sep.start()):
            continue  # "12 people in Arlen, 7 in Brisk and 4 in Corvo": the first part, not a total
        listed = DASH.split(text[sep.end():])[0]
        if repeated and repeated.match(text, end):
            listed = listed[:noun.start(1) - sep.end()] + listed[noun.end(1) + 1 - sep.end():]
        read = read_list(listed)
        if read is None or not _wrong(read, stated, tolerance) or abs(read[1] - stated) > tolerance * stated:
            continue
        if sep.group(0).startswith(",") and read[0] < 3 and not COMPLEMENT.search(listed):
            continue  # "45 goals, 30 in the league and 12 in Europe": a comma's two parts may be some of them
        yield arithmetic_finding(rule, ctx, sid, sent, start, text[start:end], "sum",
                                 f"{read[1]:g} (sum of {read[0]} parts)",
                                 f"the total {text[start:end]} does not match its breakdown, which adds up to "
                                 f"{read[1]:g}")
        return
