"""Recognizers for results: goal minutes, scores, finishing places, titles counted and ages.

Like the recognizers in ``values``, each returns `Mention`s with a normalized value:
"86th minute" is minute 86, "6-4, 3-6, 7-5" is the sets as unordered pairs, "won the
bronze" is third place, "his fourth win of the season" is 4 wins in the season's count.
"""

from __future__ import annotations

import re

from ..text import ORDINALS, case_blind, lowered, may_contain
from .mention import Mention

# each says first how it can start (see times.DIGIT_FIRST)
MINUTE_RE = re.compile(r"(?=\d|minute)(?:\b(?P<n>\d{1,3})(?:st|nd|rd|th)[- ]minute\b|\bminute\s+(?P<n2>\d{1,3})\b)")
PAIRED_MINUTES = re.compile(r"\b(?P<a>\d{1,3})(?:st|nd|rd|th)\s+and\s+(?P<b>\d{1,3})(?:st|nd|rd|th)[- ]minutes\b")


def minutes(text: str) -> list[Mention]:
    if "minute" not in text:  # both patterns say "minute" (in lower case): nothing to scan for
        return []
    out = [Mention("minute", m.start(), m.end(), m.group(0), (("minute", int(m.group("n") or m.group("n2"))),))
           for m in MINUTE_RE.finditer(text)]
    for m in PAIRED_MINUTES.finditer(text):  # "in the 12th and 58th minutes"
        out.append(Mention("minute", m.start("a"), m.end("a") + 2, text[m.start("a"):m.end("a") + 2],
                           (("minute", int(m.group("a"))),)))
        out.append(Mention("minute", m.start("b"), m.end(), m.group(0)[m.start("b") - m.start():],
                           (("minute", int(m.group("b"))),)))
    return out


# "in the 11th round", "the eleventh round", "round 11": a bout's or a contest's round
ROUND_PATTERN = (r"\b(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>" + "|".join(ORDINALS) + r"))\s+round\b"
                 r"|\bround\s+(?P<n2>\d{1,2})\b(?![-–:.]\d)")
ROUND_RE = case_blind(ROUND_PATTERN)


def rounds(text: str) -> list[Mention]:
    if not may_contain(text, ("round",)):
        return []
    out = []
    for m in lowered(text, ROUND_RE):
        digits = m.group("n") or m.group("n2")
        n = int(digits) if digits else ORDINALS[m.group("w").lower()]
        if n == 0:
            continue
        out.append(Mention("round", m.start(), m.end(), text[m.start():m.end()], (("round", n),)))
    return out


# a set ("6-2", "7-6 (4)", "7-6 (7-4)"); sets are listed with commas, spaces or "and" before the last
SET = r"\d{1,2}[-–]\d{1,2}(?:\s*\(\d+(?:[-–]\d+)?\))?"
SCORE_PATTERN = (
    r"(?:\b(?:beat|beating|beats|defeated|defeating|won|win|wins|winning|lost|losing|loses|draw|drew|victory|"
    r"defeat|lead|score|scored|scoreline|result|final)\b[^.;:\d]{0,40}?)"
    r"(?P<s>" + SET + r"(?:(?:,\s*(?:and\s+)?|\s+and\s+|\s+)" + SET + r")*"
    r"|\d{1,2}:\d(?!\d)(?:\s*\(\d+(?:[-–:]\d+)?\))?"
    r"(?:(?:,\s*(?:and\s+)?|\s+and\s+)\d{1,2}:\d(?!\d)(?:\s*\(\d+(?:[-–:]\d+)?\))?)*)")  # "2:1"; "6:2, 7:6 (6), 6:4"
SCORE_RE = case_blind(SCORE_PATTERN)  # words in lower case: see text.lowered
SCORE_NEEDS = ("beat", "defeat", "won", "win", "los", "draw", "drew", "victory", "lead", "score", "result", "final")


PLACE_RE = re.compile(
    r"\b(?:finished|finishes|came(?: home)?|placed|ended|was|took|settled for|crossed the line)\s+(?:in\s+)?"
    r"(?:a\s+)?(?:distant\s+|close\s+|joint\s+)?(?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d{1,2}(?:st|nd|rd|th))\b(?!\s+(?:time|straight|consecutive|successive|title|win|victory|career|fastest|"
    r"quickest|best|highest|lowest|round|set|half|leg|lap|day|week|year|edition|race|match|game|season|"
    # a place on the way ("42nd at five kilometres", "10th at halfway") is not the finish
    r"at\s+(?:the\s+)?(?:\S+\s+)?(?:km|kilometres?|kilometers?|miles?|halfway|half-way|the\s+turn)\b|"
    r"[A-Z]))|\bwon (?:the )?(?P<m>gold|silver|bronze)(?: medal)?\b")
MEDALS = {"gold": 1, "silver": 2, "bronze": 3}


def places(text: str) -> list[Mention]:
    """Finishing places: "finished second", "came home a distant 4th", "won the bronze medal"."""
    out = []
    for m in PLACE_RE.finditer(text):
        word = (m.group("o") or "").lower()
        n = MEDALS[m.group("m").lower()] if m.group("m") else ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        a = m.start("o") if m.group("o") else m.start("m")
        b = m.end("o") if m.group("o") else m.end()
        out.append(Mention("place", a, b, text[a:b], (("place", n),)))
    return out


TALLY_RE = re.compile(
    r"\b(?:his|her|their|its|a|[A-Z][\w-]+['’]s?)\s+(?:record[- ])?"
    r"(?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,3}(?:st|nd|rd|th))\s+(?P<streak>straight\s+|consecutive\s+|successive\s+)?"
    r"(?:career\s+|major\s+|world\s+|league\s+|grand\s+slam\s+)?"
    r"(?P<n>wins?|victor(?:y|ies)|titles?|crowns?|championships?|gold(?:s| medals?)?|medals?|poles?|triumphs?)\b"
    r"(?:\s+(?:of|in)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?P<scope>season|year|career|\d{4}))?"
    r"(?:\s+(?P<limit>since\s+\d{4}|in\s+(?:the\s+)?(?:last|past)\s+\w+(?:\s+\w+)?|overall|in\s+\w+\s+years))?"
    r"(?P<row>\s+(?:in\s+a\s+row|on\s+the\s+trot|running))?", re.I)
TALLY_NEEDS = ("win", "victor", "title", "crown", "championship", "gold", "medal", "pole", "triumph")
TALLY_NOUNS = {"win": "wins", "vic": "wins", "tri": "wins", "tit": "titles", "cro": "titles", "cha": "titles",
               "gol": "medals", "med": "medals", "pol": "poles"}


def tallies(text: str) -> list[Mention]:
    """Titles counted: "his fourth win of the season", "a record fourth title", "her third straight gold"."""
    out: list[Mention] = []
    if not may_contain(text, TALLY_NEEDS):  # a tally names what it counts
        return out
    for m in TALLY_RE.finditer(text):
        word = m.group("o").lower()
        n = ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        scope = (m.group("scope") or "").lower()
        scope = "season" if scope in ("season", "year") or scope.isdigit() else scope or None
        if m.group("streak") or m.group("row"):  # "third straight title", "fifth title in a row"
            scope = "straight"
        if m.group("limit"):  # "in the last five editions", "since 2012": a count of its own
            scope = " ".join(m.group("limit").lower().split())
        out.append(Mention("tally", m.start("o"), m.end(), m.group(0)[m.start("o") - m.start():],
                           (("value", n), ("noun", TALLY_NOUNS[m.group("n").lower()[:3]]), ("scope", scope))))
    return out


# not a range of ages ("children aged 5 to 12", "aged 18-25")
AGE_RE = re.compile(r"(?=\d|aged )(?:\b(?P<n>\d{1,3})-year-old\b"
                    r"|\baged (?P<n2>\d{1,3})\b(?!\s*(?:to|and|or|-|–)\s*\d))")
# "at the age of 24", "died at just 23": an age said of a person, not a range nor an event's ("at the
# age of the internet")
AGE_SAID = re.compile(r"(?:\bat the age of\s+|\b(?:died|was killed)\b[^,.;]{0,40}?\bat\s+(?:just|only)\s+)"
                      r"(\d{1,3})\b(?!\s*(?:to|and|-|–|or)\s*\d)(?![\d.,]\d)")
# "the 39-year-old British mile record": the age of a thing, not of a person
THING = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?P<thing>records?|marks?|best|drought|wait|streak|title|rivalry|"
                   r"tradition|ban|law|stadium|building|bridge|history)\b", re.I)


AS_A = re.compile(r"\bas\s+an?\s+$")
NOUN_AFTER = re.compile(r"\s+(?!(?:in|at|on|when|while|and|but|or|to|from|for|with|he|she|they)\b)[a-z]")


def ages(text: str) -> list[Mention]:
    """Ages of people ("the 23-year-old", "aged 30", "at the age of 30", "died at just 23"), and of records
    ("a 39-year-old record")."""
    out: list[Mention] = []
    if "age of" in text or " at just " in text or " at only " in text:  # AGE_SAID says one of them
        out += [Mention("age", m.start(1), m.end(1), m.group(1), (("age", int(m.group(1))), ("said", True)))
                for m in AGE_SAID.finditer(text)]
    if "-year-old" not in text and "aged " not in text:  # each branch of AGE_RE says one of them
        return out
    for m in AGE_RE.finditer(text):
        if AS_A.search(text, max(0, m.start() - 8), m.start()) and not NOUN_AFTER.match(text, m.end()):
            continue  # "ran 9.91 as an 18-year-old": an age at another time ("as a 23-year-old man" is now)
        n = int(m.group("n") or m.group("n2"))
        thing = THING.match(text, m.end()) if m.group("n") else None
        if thing and thing.group("thing").lower().startswith(("record", "mark", "best")):
            out.append(Mention("record_age", m.start(), m.end(), m.group(0), (("age", n),)))
        elif not thing:
            out.append(Mention("age", m.start(), m.end(), m.group(0), (("age", n),)))
    return out


def scores(text: str) -> list[Mention]:
    out: list[Mention] = []
    if not may_contain(text, SCORE_NEEDS):  # a score follows a word of winning, losing or scoring
        return out
    # a set's tie-break in brackets ("7-6 (7-3)"): the same score written alone in the sentence ("she won it
    # 7-3 to complete a 6-3, 7-6 (7-3) victory") is that tie-break, not the match's score
    breaks = {re.sub(r"\s", "", b) for b in TIE_BREAK.findall(text)} if "(" in text else set()
    for m in lowered(text, SCORE_RE):
        if breaks and re.sub(r"\s", "", m.group("s")) in breaks:
            continue
        if RUNNING.search(text, max(0, m.start("s") - 30), m.start("s")) or RUN_AFTER.match(text, m.end("s")):
            continue  # "and it's 9-2", "a 9-0 run", "levelled the score at 5:5": the score while the game was on;
                # "kept his 5-0 record in finals": wins and losses, no game's score
        sets = re.sub(r"\([^)]*\)", "", m.group("s"))  # a tie-break's points are not a set
        pairs = [tuple(sorted(int(x) for x in re.split(r"[-–:]", p))) for p in re.findall(r"\d{1,2}[-–:]\d{1,2}", sets)]
        data: tuple = (("pairs", tuple(pairs)),)
        before = text[m.start():m.start("s")].lower()
        # "win the series 4-1": games won, not a game's score; "lead the series 3-1" changes from game to
        # game (no standing to compare); "the lead peaked at 78-52": a lead during the game
        if ("series" in before and before.startswith("lead")) or PART_OF_GAME.search(before):
            continue  # "won the first set 6-1", "led the first half 2-0": a part's score, not the result's
        stage = "series" if "series" in before else "lead" if before.startswith("lead") else None
        if stage:
            data += (("stage", stage),)
        out.append(Mention("score", m.start("s"), m.end("s"), m.group("s"), data))
    return out


TIE_BREAK = re.compile(r"\d{1,2}[-–:]\d{1,2}\s*\((\d{1,2}[-–:]\d{1,2})\)")
RUNNING = re.compile(r"(?:\bit(?:['’]s| is)|\b(?:levell?ed|tied|levels|ties) the score(?: at)?|\btie-?break)\s+$", re.I)
RUN_AFTER = re.compile(r"\s+(?:run|record|streak|head-to-head)\b")  # "a 9-0 run", "a perfect 5-0 record in finals"
PART_OF_GAME = re.compile(r"\b(?:set|half|quarter|period|frame|innings)\b")
