"""Templates for the synthetic reports: several phrasings of each paragraph a race report has.

Every name, meeting and place is invented from syllables (see corpus.py); the wording
varies so extraction sees different sentence shapes, not one line repeated.
Placeholders: {w} winner, {wl} winner's surname, {r} runner-up, {rl} runner-up's surname,
{t} third, {meet}, {city}, {stadium}, {ev} the event ("men's mile"), {wt} winner's time,
{rt} runner-up's time, {day} "Saturday, June 14", {oh} old record holder, {ot} old time,
{ocity} where the old record was set, {oyear}, {next} the next meeting, {q} the quote.
"""

from __future__ import annotations

LEAD = [
    "{w} won the {ev} at the {meet} on {day}, beating {r} in a sprint down the home straight in {wt}.",
    "{w} produced the run of {pos} life at the {meet} in {city}, kicking past {r} on the final bend "
    "to win the {ev} in {wt}.",
    "{w} crossed the line in {wt} at the {meet} in {city} on {day}, edging out {r} in a close finish.",
    "At the {meet} on {day}, {w} took the {ev} in {wt}, with {r} second.",
]
SECOND = [
    "{r}, who led from the bell, held on for second in {rt}.",
    "{rl} clocked {rt} in second place after leading for most of the last two laps.",
    "{rl} finished second in {rt} and said {rp} had misjudged the wind on the back straight.",
]
RECORD = [
    "{wl}'s winning time broke the national record of {ot} that {oh} set in {ocity} in {oyear}.",
    "The previous national record of {ot} was set by {oh} in {ocity} in {oyear}.",
    "The time took the national record from {oh}, who ran {ot} in {ocity} in {oyear}.",
]
QUOTE = [
    "\"{q}\" {wl} said.",
    "\"{q}\" {wl} told reporters afterwards.",
    "{wl} was calm about it. \"{q}\" {pr} said.",
]
THIRD = [
    "{t} finished third, ahead of a crowd favourite who faded after a fast opening lap.",
    "{t} took third.",
    "Behind them, {t} came through for third place.",
]
NEXT = [
    "{wl} is expected to race again at the {next} next month.",
    "The two are expected to meet again at the {next} next month.",
    "{wl} next races at the {next}, where {rl} is also entered.",
]
# Quotes: the words as said, and a drifted version that changes what was said.
QUOTES = [
    ("I knew the last lap would decide everything, so I stayed patient until the final bend and then I went.",
     "I knew the last lap would decide nothing, so I stayed patient until the final bend and then I went."),
    ("I was not sure I could hold on, but the crowd carried me over the last hundred metres.",
     "I was always sure I could hold on, and the crowd carried me over the last hundred metres."),
    ("This track suits me and I will be back next summer to defend the title.",
     "This track never suits me and I will not be back next summer to defend the title."),
    ("I have worked all winter for this race and it feels like the start of something.",
     "I have worked all winter for this race and it feels like the close of something."),
]
OUTLETS = ["Harbour Wire", "Evening Post", "Sport Daily", "Track Review", "Miler Monthly", "Coast Herald",
           "Valley Courier", "Morning Ledger", "Running Times", "Stadium Gazette", "Northern Echo Sport",
           "Finish Line"]
EVENTS = [("men's mile", 230.0, 3, "his", "he"), ("women's mile", 255.0, 3, "her", "she"),
          ("men's 1500m", 212.0, 2, "his", "he"), ("women's 5000m", 870.0, 9, "her", "she")]
