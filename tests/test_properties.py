"""Hypothesis properties of the whole check (issue: crossfact core, "How we will know")."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crossfact import pipeline, sources
from crossfact.extract.values import durations
from crossfact.rules import load_rules

RULES = load_rules()
FIRST = ["Maren", "Tobias", "Ilse", "Joaquin", "Petra", "Anders", "Sigrun", "Matteo"]
LAST = ["Halvorsen", "Kristiansen", "Lindqvist", "Oyelaran", "Brandstetter", "Vandermeer", "Castellanos"]
TEMPLATES = [
    "{a} won the Harbour Classic in {t1}, beating {b}, who clocked {t2}.",
    "{b} was second behind {a}, who crossed the line in {t1}.",
    "At the Harbour Classic, {a} took the title ahead of {b}.",
    "{a} beat {b} to the line; {b} finished in {t2}.",
]


def corpus(a: str, b: str, n: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [(f"r{i}", " ".join(rng.choice(TEMPLATES).format(a=a, b=b, t1="3:51.20", t2="3:51.90")
                               for _ in range(3))) for i in range(n)]


def run(texts: list[tuple[str, str]]):
    srcs = [sources.parse(t + "\n", f"{sid}.txt", sid) for sid, t in texts]
    return pipeline.check(srcs, RULES).findings


def signature(findings) -> list:
    return sorted((f.rule, tuple(sorted(s.value for s in f.values))) for f in findings)


names = st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)).map(" ".join)
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(a=names, b=names, n=st.integers(2, 5), seed=st.integers(0, 1000), shuffle=st.randoms())
def test_reordering_and_renaming_sources_changes_nothing(a, b, n, seed, shuffle) -> None:
    if a.split()[1] == b.split()[1]:
        return
    texts = corpus(a, b, n, seed)
    renamed = [(f"z{i}", t) for i, (_, t) in enumerate(texts)]
    shuffle.shuffle(renamed)
    assert signature(run(texts)) == signature(run(renamed))


@SETTINGS
@given(a=names, b=names, n=st.integers(3, 5), seed=st.integers(0, 1000), edit=st.data())
def test_injected_misspelling_gives_one_spelling_finding(a, b, n, seed, edit) -> None:
    if a.split()[1] == b.split()[1]:
        return
    surname = a.split()[1]
    i = edit.draw(st.integers(2, len(surname) - 2))
    wrong = surname[:i] + surname[i + 1] + surname[i] + surname[i + 2:]  # a transposition
    if wrong.lower() == surname.lower():
        return
    texts = corpus(a, b, n, seed)
    sid, text = texts[-1]
    if surname not in text:
        return
    texts[-1] = (sid, text.replace(surname, wrong, 1))
    spelling = [f for f in run(texts) if f.rule == "name-spelling"]
    assert len(spelling) == 1
    assert sid in spelling[0].flagged
    assert spelling[0].suggestion == surname


@given(m=st.integers(1, 9), s=st.integers(0, 59), cs=st.integers(0, 99))
def test_every_time_format_is_one_value(m, s, cs) -> None:
    forms = [f"{m}:{s:02d}.{cs:02d}", f"{m}min {s:02d}.{cs:02d}sec", f"{m} minutes {s:02d}.{cs:02d} seconds",
             f"{m} mins {s}.{cs:02d} secs"]
    values = {round(durations(f"ran {form} today")[0].get("seconds"), 3) for form in forms}
    assert values == {round(m * 60 + s + cs / 100, 3)}


@SETTINGS
@given(a=names, b=names, copies=st.integers(2, 5), seed=st.integers(0, 1000))
def test_identical_copies_give_no_findings(a, b, copies, seed) -> None:
    _, text = corpus(a, b, 1, seed)[0]
    assert run([(f"c{i}", text) for i in range(copies)]) == []
