"""Write a synthetic corpus: S stories x R reports, problems planted at known places, and its key.

Each story is one invented race, in its own folder (a folder is one story to crossfact).
In every story of three or more reports, three problems are planted, each in one report
chosen at random: the winner's time off by a few hundredths, the runner-up's surname
misspelt (two letters swapped) where the full name is written, and the winner's quote drifted to mean something else.
EXPECTED.yaml lists them in the answer-key format of the seeds, with source prefixes
``sSSSSSrRR`` that name one report each, plus must-not-flag pairs (the same time written
two ways; the winner's and the runner-up's times).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml

from . import phrasing as ph

ONSETS = ["b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "r", "s", "st", "t", "tr",
          "v", "w", "z"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou"]
CODAS = ["l", "n", "r", "s", "th", "nd", "rk", "lt", "st", "m"]
ENDINGS = ["berg", "holt", "mark", "wick", "dale", "ström", "ford", "lund", "ley", "stad", "mont", "ridge"]
MEET_HEADS = ["Classic", "Games", "Invitational", "Meeting", "Grand Prix"]


def word(rng: random.Random, endings: bool = False) -> str:
    w = rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
    if endings or rng.random() < 0.5:
        w += rng.choice(ENDINGS) if endings else rng.choice(VOWELS) + rng.choice(CODAS)
    return w.capitalize()


def person(rng: random.Random, taken: set[str]) -> tuple[str, str]:
    """A first name and a surname, the surname far from every surname in the story."""
    while True:
        last = word(rng, endings=True)
        if len(last) >= 6 and all(last[:2] != t[:2] and last[-4:] != t[-4:] for t in taken):
            taken.add(last)
            return word(rng), last


def misspell(rng: random.Random, name: str) -> str:
    """Two adjacent interior letters swapped, as a hurried typist does."""
    while True:
        i = rng.randrange(2, len(name) - 2)
        bad = name[:i] + name[i + 1] + name[i] + name[i + 2:]
        if bad != name:
            return bad


def clock(seconds: float) -> str:
    m, s = divmod(round(seconds, 2), 60)
    return f"{int(m)}:{s:05.2f}"


def spelled(seconds: float) -> str:
    m, s = divmod(round(seconds, 2), 60)
    return f"{int(m)}min {s:.2f}sec"


def story(rng: random.Random, k: int, reports: int) -> tuple[dict[str, str], list[dict], list[dict]]:
    """The reports of story k (file name -> text), its expected findings and must-not-flag pairs."""
    taken: set[str] = set()
    (wf, wl), (rf, rl), (tf, tl), (of, ol) = (person(rng, taken) for _ in range(4))
    ev, base, spread, pos, pr = rng.choice(ph.EVENTS)
    city, ocity = word(rng, True), word(rng, True)
    meet, nxt = f"{city} {rng.choice(MEET_HEADS)}", f"{word(rng, True)} {rng.choice(MEET_HEADS)}"
    day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(90, 270))
    wt = base + rng.randrange(0, spread * 100) / 100
    rt = wt + rng.randrange(8, 90) / 100
    ot = wt + rng.randrange(5, 60) / 100
    q, drifted = rng.choice(ph.QUOTES)
    oyear = str(rng.randrange(1995, 2020))
    plant = rng.sample(range(reports), 3) if reports >= 3 else [-1, -1, -1]
    bad_wt = wt + rng.choice([-1, 1]) * rng.randrange(2, 9) / 100
    bad_rl = misspell(rng, rl)
    quoting = set(rng.sample(range(reports), min(reports, 3))) | {plant[2]} if reports >= 3 else set()
    files: dict[str, str] = {}
    for r in range(reports):
        sid = f"s{k:05d}r{r:02d}"
        outlet = ph.OUTLETS[r % len(ph.OUTLETS)]
        when = day + dt.timedelta(days=rng.choice([0, 0, 1]))
        runner_last = bad_rl if r == plant[1] else rl
        values = {
            # the slip is made where the full name is written; the surname alone stays right, as a real
            # slip is made once or twice beside the right spelling (a spelling a report writes every time
            # is its own, a transliteration or a house style)
            "w": f"{wf} {wl}", "wl": wl, "r": f"{rf} {runner_last}", "rl": rl, "t": f"{tf} {tl}",
            "meet": meet, "city": city, "ev": ev, "pos": pos, "pr": pr.capitalize(), "rp": pr,
            "wt": clock(bad_wt if r == plant[0] else wt), "rt": clock(rt),
            "day": f"{day:%A}, {day:%B} {day.day}", "oh": f"{of} {ol}", "ot": clock(ot), "ocity": ocity,
            "oyear": oyear, "next": nxt,
            "q": (drifted if r == plant[2] else q).rstrip(".") + ",",
        }
        if r == 1 and r != plant[0]:
            values["wt"] = spelled(wt)  # the same time written another way: never a finding
        paras = [rng.choice(ph.LEAD), rng.choice(ph.SECOND)]
        if rng.random() < 0.6:
            paras.append(rng.choice(ph.RECORD))
        if r in quoting:
            paras.append(rng.choice(ph.QUOTE))
        paras += [rng.choice(ph.THIRD), rng.choice(ph.NEXT)][: rng.randrange(1, 3)]
        head = f"---\ndate: {when.isoformat()}\noutlet: {outlet}\n---\n" if r % 2 else f"date {when.isoformat()}\n\n"
        body = "\n\n".join(p.format(**values) for p in paras)
        files[f"{sid}_{outlet.lower().replace(' ', '-')}.md"] = head + body + "\n"
    key = f"s{k:05d}"
    expected = [] if plant[0] < 0 else [
        {"id": f"{key}-time", "kind": "conflict", "values": [clock(bad_wt), clock(wt)],
         "sources": [f"{key}r{plant[0]:02d}"]},
        {"id": f"{key}-spelling", "kind": "spelling", "values": [bad_rl, rl], "sources": [f"{key}r{plant[1]:02d}"]},
        {"id": f"{key}-quote", "kind": "quote", "values": [_changed(q, drifted)], "sources": [f"{key}r{plant[2]:02d}"]},
    ]
    never = [{"values": [clock(wt), spelled(wt)], "story": key, "why": "one time written two ways"},
             {"values": [clock(wt), clock(rt)], "story": key, "why": "the winner's and the runner-up's times"}]
    return files, expected, never


def _changed(q: str, drifted: str) -> str:
    """The first word the drift changed: what the finding must show."""
    return next(b for a, b in zip(q.split(), drifted.split(), strict=False) if a != b).strip(",.")


def write(root: Path, stories: int, reports: int, seed: int = 5) -> int:
    """Write the corpus under root (one folder per story) and root/EXPECTED.yaml; return the reports written."""
    rng = random.Random(seed)
    expected: list[dict] = []
    never: list[dict] = []
    for k in range(stories):
        files, exp, nev = story(rng, k, reports)
        folder = root / f"s{k:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        expected += exp
        never += nev
    key = {"expected": expected, "must_not_flag": never, "acceptable": []}
    (root / "EXPECTED.yaml").write_text(yaml.safe_dump(key, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return stories * reports
