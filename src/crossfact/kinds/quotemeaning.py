"""What two wordings of one quote share, and whether their difference changes what was said.

The quote kind (``crossfact.kinds.quote``) pairs quotes; this module reads each pair: words
(contractions, editors' insertions and British or American spelling aside), the span both
quote, and whether the change is a signal word, a figure, one content word, or only another
translation's wording.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from ..text import WORD_NUMBERS, after_abbreviation, fold

# Words whose change alters what was said: negation, certainty, quantity, modality.
SIGNAL = frozenset("""not no never nothing none nobody neither nor cannot surely probably certainly definitely
maybe perhaps possibly likely unlikely completely partially nearly almost totally fully entirely always
sometimes often rarely will would could might must should can may all every some any more less most least
only else few little many much entire whole part partly half hardly barely scarcely suddenly slowly quickly gradually
immediately everyone everybody everything anyone anybody""".split())
NEGATION = frozenset("not no never nothing none nobody neither nor cannot hardly barely scarcely".split())
DENIAL_LEAD = frozenset("not never".split())  # opening a remark, they deny all of it ("No, ..." is an answer)
# what a denial opening a remark governs ("Not for a moment did I", "Never did I", "Not once"); "Not really,"
# "Not yet," "Never again," are answers
GOVERNED = frozenset("for once a one even only did do does have has had will would was were is are in at since "
                     "until".split())
CERTAINTY = frozenset("surely probably certainly definitely maybe perhaps possibly likely unlikely".split())
EMPHASIS = frozenset("definitely certainly absolutely".split())  # stress what is said ("surely" hedges)
# signal words a rendering adds or drops in passing when it rewords a remark ("I got some pressure from
# him" / "he put me under pressure", "expect it to be me" / "think it would be me"); certainty and
# modality ("going to die" / "could die") and negation are never in passing
IN_PASSING = frozenset("some any would much more many whole entire".split())
# signal words one translation renders as another without changing what was said ("would be
# counterproductive" / "could be counterproductive"; "likely" / "probably")
SAME_SIGNAL = (frozenset("would could might may".split()), frozenset("likely probably perhaps maybe possibly".split()),
               # "we should all have" / "everybody should have"
               frozenset("everyone everybody all".split()), frozenset("anyone anybody".split()),
               frozenset("often many".split()))  # "so many times" / "so often"
# and in a translation, one duty ("the boys should be proud" / "must be proud"); in a transcript "should
# resign" / "must resign" is a demand made stronger
TRANSLATED_SIGNAL = SAME_SIGNAL + (frozenset("should must".split()),)
# words that open a remark without saying anything ("Look, ...", "Listen, ...", "Honestly, ...")
DISCOURSE = frozenset("look listen honestly frankly overall basically okay ok right anyway still even however "
                      "nevertheless nonetheless".split())  # "Still, ..." / "Even so, ...": a concession, no claim
FILLER = frozenset("""i you he she it we they me him her us them my your his its our their a an the and but or so
just also very really too then now well yes oh that this these those to of in on at for with by from as is am
are was were be been being have has had do does did done get got feel felt make made say said says going go
think know knew mean like there here what which who""".split())
AUXILIARY = frozenset("do does did is am are was were be been being have has had will would can could should must "
                      "may might to".split())
CONTRACTIONS = [(re.compile(rx, re.I), rep) for rx, rep in (
    (r"n['’]t\b", " not"), (r"['’]m\b", " am"), (r"['’]re\b", " are"), (r"['’]ve\b", " have"),
    (r"['’]ll\b", " will"), (r"['’]d\b", " would"), (r"\bcan not\b", "cannot"))]
# idioms whose words are signal words on their own: "After all, ..." opens a sentence, it counts nothing
IDIOMS = (("after", "all"), ("above", "all"), ("first", "of", "all"), ("at", "least"))
MIN_SHARED = 3  # words two wordings of one remark have in common, at least
INSERTION = re.compile(r"\[[^\]]*\]")
PIECE_END = re.compile(r"(?<=[.!?;])\s+|\s+[–—-]\s+")
# a figure's unit as a report writes it ("40km", "40 kilometres", "40 km"): one word, and glued
# figures are split from their unit, so that "40km" is the same figure as "40 km"
GLUED = re.compile(r"(?<=\d)(?=[a-z])", re.I)
UNITS = {"kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "kms": "km",
         "metres": "m", "meters": "m", "metre": "m", "meter": "m", "miles": "mi", "mile": "mi",
         "kilograms": "kg", "kilos": "kg", "kilogram": "kg", "kilo": "kg"}
WORD = re.compile(r"\d+\.\d+|[\w'’]+")  # "0.01" is one figure: split, it read as "0" and "01", the same as "0.1"
DECIMAL = re.compile(r"\d+\.\d+")


# A swap within one of these ("to a particular path" / "to any particular path", "the plan" /
# "this plan") is wording, not meaning; "any" for "the" is not ("not any offer" / "not the offer").
INDEFINITE = frozenset("a an any".split())
DEFINITE = frozenset("the this that".split())
# British and American spellings of one word: -lled/-lling/-ller/-llor, -our/-or, -ise/-ize,
# -yse/-yze, -tre/-ter, -ogue/-og, -fence/-fense ("dialling" / "dialing", "colour" / "color", "centre" /
# "center", "offence" / "offense").
SPELLINGS = [(re.compile(rx), rep) for rx, rep in (
    (r"(?<=[aeiou])ll(?=ed$|ing$|ers?$|ors?$)", "l"), (r"our(?=s?$|ed$|ing$|ite|able)", "or"),
    (r"is(?=e[ds]?$|ing$|ation)", "iz"), (r"ys(?=e[ds]?$|ing$)", "yz"), (r"tre(s?)$", r"ter\1"),
    (r"ogue(s?)$", r"og\1"), (r"(?<=[fc])ence(s?)$", r"ense\1"))]  # offence / offense, licence / license


@lru_cache(maxsize=4096)  # a story's quotes repeat their words across every pair compared
def spelling(word: str) -> str:
    """One key for the British and American spellings of a word (of five letters or more)."""
    if len(word) < 5:
        return word
    for rx, rep in SPELLINGS:
        word = rx.sub(rep, word)
    return word


def _cut_ends(ops: list) -> tuple[list, list]:
    """Opcodes without the words only one side has before or after the shared part, and those ends
    (a matcher merges neighbouring edits, so each end is at most one opcode)."""
    lo = 1 if len(ops) > 1 and ops[0][0] in ("insert", "delete") else 0
    hi = len(ops) - 1 if len(ops) > lo + 1 and ops[-1][0] in ("insert", "delete") else len(ops)
    return ops[lo:hi], ops[:lo] + ops[hi:]


def substantive(a: list[str], b: list[str]) -> bool:
    """Does the change from a to b alter the meaning, not just the wording?"""
    return change(a, b) is not None


# why a change alters the meaning: a sense a translation never changes (a denial, a figure, a signal word,
# a word and its opposite), or one content word for another, which a translator may also have chosen
DENIAL, FIGURE, SIGNAL_WORD, OPPOSITE, CONTENT = "denial", "figure", "signal", "opposite", "content"


def change(a: list[str], b: list[str], translated: bool = False) -> str | None:
    """What kind of change from a to b alters the meaning (DENIAL ... CONTENT), or None: only the wording.
    `translated`: one side is a translation, whose signal words are a translator's too."""
    changed_a: list[str] = []
    changed_b: list[str] = []
    a, b = _idioms(a), _idioms(b)
    a, b = [spelling(w) for w in a], [spelling(w) for w in b]
    # words only one side has before or after the shared part: a longer quote, not a change; but a remark
    # opening on a denial the other has not ("Not for a moment did I feel ..." / "For a moment, I felt ...")
    # says the opposite
    ops, ends = _cut_ends(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
    if ends and ends[0][1] == ends[0][3] == 0 and ends[0][2] + ends[0][4] == 1:
        lead, rest = (a, a[1:]) if ends[0][2] else (b, b[1:])
        if lead[0] in DENIAL_LEAD and rest and rest[0] in GOVERNED:
            return DENIAL
    # each side opening with words of its own, the rest alike: another lead-in ("Overall, I think ..." /
    # "After all, ..."), as two transcripts or translations render it, unless it is a signal word
    # ("Surely ..." / "Probably ..."), a figure, or a word of its own on each side ("Arlen deserved" /
    # "Brisk deserved")
    if len(ops) > 1 and ops[0][0] == "replace":
        own_a = [w for w in _without_idioms(a[ops[0][1]:ops[0][2]]) if w not in FILLER | DISCOURSE]
        own_b = [w for w in _without_idioms(b[ops[0][3]:ops[0][4]]) if w not in FILLER | DISCOURSE]
        if not (own_a and own_b) and not set(own_a + own_b) & SIGNAL and not any(map(_figure, own_a + own_b)):
            ops = ops[1:]
    for op, i1, i2, j1, j2 in ops:
        if op != "equal":
            changed_a += a[i1:i2]
            changed_b += b[j1:j2]
    # "the most complicated" / "the toughest": a superlative either way, not a quantity
    for mine, other in ((changed_a, changed_b), (changed_b, changed_a)):
        if "most" in mine and any(w.endswith("est") and len(w) > 5 for w in other):
            mine.remove("most")
    changed_a, changed_b = _unaffixed(changed_a, changed_b)
    changed_b, changed_a = _unaffixed(changed_b, changed_a)
    if sorted(changed_a) == sorted(changed_b):
        return None  # the same words in another order
    # the same words of weight, in another order and with a little word more or less ("with you all" / "with
    # all of you"); not a denial moved ("It's not them, it's on me" / "It's on them, not on me")
    weighty = [sorted(w for w in side if w not in FILLER) for side in (a, b)]
    if weighty[0] and weighty[0] == weighty[1] and a != b and not NEGATION.intersection(weighty[0]):
        return None
    if any(set(changed_a) | set(changed_b) <= group for group in (INDEFINITE, DEFINITE)):
        return None
    diff = set(changed_a) ^ set(changed_b)
    if diff & {"any", "some"} and diff & {"a", "an"}:  # "a particular path" / "any particular path": one article
        diff -= {"any", "some", "a", "an"}
    # "taken offence" / "taken any offence": a quantifier added alone, in passing
    diff -= {w for op, i1, i2, j1, j2 in ops if op in ("insert", "delete")
             for w in a[i1:i2] + b[j1:j2] if w in ("any", "some") and i2 - i1 + j2 - j1 == 1}
    # "It's definitely the best day" / "It's the best day": a word of emphasis added alone stresses what
    # both say; one for another ("surely" / "probably") or beside a hedge ("maybe") is drift
    if (set(changed_a) | set(changed_b)) & CERTAINTY <= EMPHASIS:
        diff -= {w for op, i1, i2, j1, j2 in ops if op in ("insert", "delete")
                 for w in a[i1:i2] + b[j1:j2] if w in EMPHASIS}
    if set(changed_a) & NEGATION and set(changed_b) & NEGATION:  # "do not" / "cannot": both deny
        if _denies_what_other_says(a, b) or _denies_what_other_says(b, a):
            return DENIAL  # the same denial, moved: "we do not know how high" / "we know it will not rise"
        diff -= NEGATION
    figures_a, figures_b = _figures(changed_a), _figures(changed_b)
    if figures_a != figures_b:
        return FIGURE  # "30 soldiers" / "13 soldiers", "thirty" / "three"; not "10 years" / "ten years"
    diff = {w for w in diff if not _figure(w)}
    signals = diff & SIGNAL
    kinds = TRANSLATED_SIGNAL if translated else SAME_SIGNAL
    alike = next((kind for kind in kinds if signals and signals <= kind and set(changed_a) & kind
                  and set(changed_b) & kind), frozenset())
    # a place of rewording: a change with a word of substance, or of two little words ("I hope I get to
    # come" / "I hope to come"); a word of substance moved elsewhere ("this whole week has been a dream"
    # / "it has been a dream week") is one more
    moved = any(w not in FILLER and (w in b if w in changed_a else w in a) and changed_a.count(w) != changed_b.count(w)
                for w in changed_a + changed_b)
    places = [op for op in ops if op[0] != "equal"]
    reworded = sum(1 for op in places if any(w not in FILLER for w in a[op[1]:op[2]] + b[op[3]:op[4]])) + moved >= 2
    # a signal word in passing is read beside any rewording, of little words too
    loosely = reworded or sum(1 for op in places if any(w not in FILLER for w in a[op[1]:op[2]] + b[op[3]:op[4]])
                              or op[2] - op[1] + op[4] - op[3] >= 2) >= 2
    # a negation on one side only, or one signal word for another ("surely" / "probably"), changes what
    # was said; a signal word only one side has, amid wording changed in two places or more, is another
    # rendering ("I got some pressure from him" / "he put me under pressure")
    one_sided = not (signals & set(changed_a) and signals & set(changed_b))
    # "would" one side has alone is a rendering's mood ("wish there wouldn't be" / "wish there were no")
    if signals and not alike and not ((loosely or signals == {"would"}) and one_sided and signals <= IN_PASSING):
        return SIGNAL_WORD
    ignored = FILLER | alike  # "would" / "could": like "the" / "a"
    # other words in two places or more (an alike signal word counts as a place), and no signal word:
    # the same remark rendered by another translator or transcriber ("at midnight ... it was" / "in the
    # middle of the night ... that was"); a drift changes one thing ("better" / "luckier")
    if _opposed(changed_a, changed_b):
        return OPPOSITE  # "supplies is ongoing" / "supplies has been completed": however reworded, the opposite
    if reworded:
        return None
    # one change, but a phrase for a word ("was so strong, it" / "simply"): rewording, not a word swapped
    changed = [op for op in ops if op[0] != "equal"]
    if len(changed) == 1 and abs((changed[0][2] - changed[0][1]) - (changed[0][4] - changed[0][3])) > 1:
        return None
    # a signal word read in passing above is no content word here ("would like" / "want": like is a filler)
    content_a = {w for w in changed_a if w not in ignored | IN_PASSING and len(w) >= 4}
    content_b = {w for w in changed_b if w not in ignored | IN_PASSING and len(w) >= 4}
    # inflections share a stem: five letters ("celebration" / "celebrate") or the Snowball stemmer's
    # ("trying" / "tried", "working" / "worked")
    if not (content_a and content_b) or {w[:5] for w in content_a} == {w[:5] for w in content_b}:
        return None
    if len(content_a) + len(content_b) >= 4:
        return None  # a phrase rendered anew ("dying as a result of" / "to lose their life because of")
    return CONTENT if {_sense(w) for w in content_a} != {_sense(w) for w in content_b} else None


# words one translator renders as another without changing what was said: praise ("an incredible
# feeling" / "an unbelievable feeling"), an achievement, joy; a drift changes the sense ("better" /
# "luckier", "fair" / "early")
SAME_SENSE = {w: group.split()[0] for group in (
    "incredible unbelievable unreal amazing fantastic extraordinary phenomenal tremendous remarkable wonderful "
    "marvellous marvelous stunning magnificent sensational spectacular",
    "feat achievement accomplishment",
    "happy glad pleased delighted thrilled",
    "trust faith confidence",
    "appears seems looks",
    "woman female",
    # destruction, the world, what drives, staying: words translators pick among for one sense
    "flattened razed levelled leveled devastated destroyed",
    "planet globe world earth",
    "fuelled fueled drove driven powered",
    "keep remain stay",
    "good great fine beautiful nice lovely",
    "tough difficult hard complicated tricky",  # "the toughest challenge" / "the most complicated challenge"
    "quite pretty rather fairly") for w in group.split()}


# words that say the opposite of each other: a translation never renders one as the other
OPPOSITES = [(frozenset(a.split()), frozenset(b.split())) for a, b in (
    ("ongoing continuing continues", "completed complete finished ended"),
    ("alive survived", "dead died killed"),
    ("open opened reopened", "closed shut"),
    ("better", "worse"),
    ("easy easier", "hard harder difficult"),
    ("right correct", "wrong"),
    ("success successful", "failure failed"),
    ("accept accepted", "reject rejected"),
    ("safe", "dangerous"),  # "unsafe", "impossible", "unexpected": the denying prefixes below
    ("increase increased rising rose", "decrease decreased falling fell"),
    ("proud", "ashamed"),
    ("happy pleased", "unhappy disappointed sad"))]


# prefixes that make a word's opposite ("respect" / "disrespect", "likely" / "unlikely"), and words they
# open that are no opposite of the rest ("invaluable" is not "not valuable")
DENYING_PREFIXES = ("un", "non", "in", "im", "ir", "il")
NOT_OPPOSITES = frozenset("invaluable inflammable indebted unravel unloosen".split())
# "in-" and its forms deny adjectives ("impossible", "incorrect", "illegal"), not verbs ("impressed" is no
# "not pressed", "inside" no "not side"); "dis-" denies only where it makes the opposite of its stem
ADJECTIVE_ENDINGS = ("able", "ible", "ent", "ant", "ive", "al", "ate", "ar", "ous", "ct", "ure", "ite", "ete", "id")
DIS_STEMS = frozenset("respect agree agreed approve approved honest like liked trust trusted satisfied obey loyal "
                      "qualified advantage comfort connect connected continue continued believe belief order "
                      "orderly appear appeared allow allowed".split())


def _opposed(changed_a: list[str], changed_b: list[str]) -> bool:
    """One side has a word and the other its opposite, each among its changed words: a listed pair, or a
    word and the same word after a denying prefix ("respect" / "disrespect")."""
    a, b = set(changed_a), set(changed_b)
    if any((a & one and b & other) or (a & other and b & one) for one, other in OPPOSITES):
        return True
    return any(_denies(w, other) for mine, other in ((a, b), (b, a)) for w in mine)


def _denies(word: str, other: set[str]) -> bool:
    """`word` is a word of `other` after a prefix that denies it ("unfair": fair, "disrespect": respect)."""
    if word in NOT_OPPOSITES:
        return False
    if word.startswith("dis"):
        return word[3:] in DIS_STEMS and word[3:] in other
    for p in DENYING_PREFIXES:
        stem = word[len(p):]
        if word.startswith(p) and len(stem) >= 4 and stem in other and (
                p in ("un", "non") or stem.endswith(ADJECTIVE_ENDINGS)):
            return True
    return False


@lru_cache(maxsize=4096)
def _sense(word: str) -> str:
    base = word[:-3] if word.endswith("est") and word[:-3] in SAME_SENSE else word  # "toughest": tough
    return SAME_SENSE.get(base) or _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer():  # noqa: ANN202  imported on first use: most checks compare no quotes
    from snowballstemmer import stemmer

    return stemmer("english")


# a word that says a denial with a prefix, and the stem of what it denies ("disbelief": not believing)
AFFIXED_DENIALS = {"disbelief": "believ", "unbelievable": "believ", "unbelievably": "believ", "impossible": "possib",
                   "unable": "able", "unhappy": "happy", "unsure": "sure", "unclear": "clear", "unfair": "fair",
                   "incorrect": "correct", "unaware": "aware", "unknown": "know", "unacceptable": "accept"}


def _unaffixed(said: list[str], other: list[str]) -> tuple[list[str], list[str]]:
    """Both without a denial one says with a word ("not believing") and the other with a prefix ("disbelief",
    "unbelievable" / "not believable"): one sense, as translators render it either way."""
    for i, w in enumerate(said[:-1]):
        if w in ("not", "never"):
            hit = next((o for o in other if o in AFFIXED_DENIALS and said[i + 1].startswith(AFFIXED_DENIALS[o])), None)
            if hit:
                return said[:i] + said[i + 2:], [o for o in other if o != hit]
    return said, other


def _denied(ws: list[str]) -> set[str]:
    """The word each negation denies: the first after it that is not an auxiliary nor a word of
    stress ("will not be rising": rising; "we do not even have water": water). A verb of opinion
    passes its denial on ("I don't think we deserved it" is "I think we did not deserve it"): it is
    never the word denied."""
    out = set()
    for i, w in enumerate(ws):
        word = next((x for x in ws[i + 1:] if x not in AUXILIARY | NEGATION | STRESS), None) if w in NEGATION else None
        if word and word not in OPINION:
            out.add(word)
    return out


STRESS = frozenset("even ever really just".split())  # "not even", "not really": the denial is of the next word
OPINION = frozenset("think believe expect suppose imagine feel reckon".split())


def _denies_what_other_says(a: list[str], b: list[str]) -> bool:
    """a denies a word that b says with no negation in the three words before it."""
    said = {w for i, w in enumerate(b) if not NEGATION & set(b[max(0, i - 3):i])}
    return bool((_denied(a) - _denied(b)) & said)


def _figures(ws: list[str]) -> list[float]:
    """The numbers among words, in digits or words alike ("10" and "ten" are one figure)."""
    return sorted(float(WORD_NUMBERS.get(w, w)) for w in ws if _figure(w))


def _figure(word: str) -> bool:
    """A number, in digits or words ("a", "an" and "one" are too often no figure: "one day")."""
    return word.isdigit() or bool(DECIMAL.fullmatch(word)) or (word in WORD_NUMBERS and word not in ("a", "an", "one"))


def _idioms(ws: list[str]) -> list[str]:
    """One word for an idiom inside a remark: "months, if not years" says "months, perhaps years" (two
    words of one kind around it, not a condition: "collapse if not signed"), "a little" is "slightly"
    ("little likelihood", without "a", all but denies), "most likely" is "probably"; "above all" and
    "first of all" stress a word, they count nothing ("ask everyone above all to remain calm" / "ask
    everyone to keep calm"); "are going to" is "will" ("we are going to rebuild" / "we will rebuild")."""
    if "if" not in ws and "little" not in ws and "likely" not in ws and "all" not in ws and "going" not in ws:
        return ws
    out = list(ws)
    for i in range(len(out) - 2, -1, -1):
        if out[i] in ("am", "is", "are") and out[i + 1:i + 3] == ["going", "to"] and i + 3 < len(out):
            out[i:i + 3] = ["will"]  # "we are going to rebuild" says "we will rebuild"
        elif out[i] == "its" and out[i + 1:i + 3] == ["going", "to"] and i + 3 < len(out):
            out[i:i + 3] = ["it", "will"]  # "it's going to" (the apostrophe is folded away)
        elif out[i] in ("am", "is", "are") and out[i + 1:i + 4] == ["not", "going", "to"] and i + 4 < len(out):
            out[i:i + 4] = ["will", "not"]
        elif out[i:i + 2] == ["above", "all"] or out[i:i + 3] == ["first", "of", "all"]:
            del out[i:i + (2 if out[i] == "above" else 3)]
        elif i + 1 >= len(out):
            continue  # the idiom just taken out ended the remark
        elif out[i] == "if" and out[i + 1] == "not" and 0 < i < len(out) - 2 and _one_kind(out[i - 1], out[i + 2]):
            out[i:i + 2] = ["perhaps"]
        elif out[i] == "a" and out[i + 1] == "little":
            out[i:i + 2] = ["slightly"]
        elif out[i] == "most" and out[i + 1] == "likely":
            out[i:i + 2] = ["probably"]
    return out


def _one_kind(a: str, b: str) -> bool:
    """Two plurals or two figures: "months" / "years", "dozens" / "hundreds", "10" / "20"."""
    return (a.endswith("s") and b.endswith("s") and len(a) > 3 and len(b) > 3) or (_figure(a) and _figure(b))


def _without_idioms(ws: list[str]) -> list[str]:
    out = list(ws)
    for idiom in IDIOMS:
        n = len(idiom)
        for i in range(len(out) - n, -1, -1):
            if tuple(out[i:i + n]) == idiom:
                del out[i:i + n]
    return out


def similarity(a: list[str], b: list[str]) -> float:
    """How alike two wordings are, over the span both quote: words that only one side has, before or
    after it, make a longer cut ("It's my intention that the government will pay ..."), not a
    difference. When each side has words of its own at the ends, they are two remarks: no trimming."""
    sm = SequenceMatcher(None, a, b, autojunk=False)
    _, ends = _cut_ends(sm.get_opcodes())
    la, lb = len(a), len(b)
    same = sum(blk.size for blk in sm.get_matching_blocks())
    # the extra words are all one side's, and not more than a few shared words ("it was a fast time" is
    # no cut of "I was not counting on winning, because it was my first time here")
    extra = sum(op[2] - op[1] + op[4] - op[3] for op in ends)
    if len({op[0] for op in ends}) == 1 and (same > MIN_SHARED or extra <= same):
        for op in ends:
            la, lb = la - (op[2] - op[1]), lb - (op[4] - op[3])
    if same < MIN_SHARED:  # "this is" in common: two remarks, however short the cut
        return 0.0
    # "it was a" in common ("It was a tough one" / "For us it was a lost month"): a few little words alone
    # say nothing both remarks said, unless a denial or another signal word is what moved ("It's not them,
    # it's on me" / "It's on them, not on me")
    if (same <= MIN_SHARED + 1 and not SIGNAL.intersection(a, b)
            and all(w in FILLER for blk in sm.get_matching_blocks() for w in a[blk.a:blk.a + blk.size])):
        return 0.0
    return 2 * same / (la + lb) if la + lb else 0.0


def words(text: str) -> list[str]:
    text = INSERTION.sub(" ", text)  # an editor's insertion is not the speaker's
    t = text.replace("won't", "will not").replace("can't", "cannot")
    t = SPOKEN.sub(lambda m: SPOKEN_FORMS[m.group(0).lower()], t)  # "you're gonna die" / "you are going to die"
    for rx, rep in CONTRACTIONS:
        t = rx.sub(rep, t)
    t = ORDINAL.sub(r"\1", t)  # "the 33rd" is the figure 33, as "the XXXIII" is
    out = [str(_roman(w)) if ROMAN.fullmatch(w) else w if DECIMAL.fullmatch(w) else fold(w)
           for w in WORD.findall(GLUED.sub(" ", t))]
    return [UNITS.get(w, w) if i and out[i - 1][-1:].isdigit() else w for i, w in enumerate(out)]


SPOKEN_FORMS = {"gonna": "going to", "wanna": "want to", "gotta": "got to"}
SPOKEN = re.compile(r"\b(?:gonna|wanna|gotta)\b", re.I)
ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
# a Roman numeral in capitals: three letters or more, or two of I, V and X ("XXXIII", "XIV", "II"; not
# "I", nor "DC" or "CD", more often initials)
ROMAN = re.compile(r"(?=[MDCLXVI]{3}|[IVX]{2}\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def _roman(numeral: str) -> int:
    values = [ROMAN_VALUES[ch] for ch in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def pieces(text: str) -> list[str]:
    """A quote's sentences (and dash-separated clauses); a full stop after an abbreviation ("the U.S.
    Open", "Mr. Holm") ends none."""
    out, start = [], 0
    for m in PIECE_END.finditer(text):
        if text[m.start() - 1] == "." and after_abbreviation(text, start, m.start() - 1):
            continue
        out.append(text[start:m.start()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [p for p in out if p]
