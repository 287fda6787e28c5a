"""Rule kinds: one module each, registered here by name.

A kind module exports ``ID``, ``OPTIONS`` (name -> default), ``FINDING_KIND`` and
``check(rule, claims, ctx)``, a generator of findings that never prints. Its
docstring is its documentation, with examples that are flagged and not flagged. A kind may
set ``DEFERS = True``: its findings are then reported only where no other rule's finding flags
the same words (it reads the text, and a claim's finding says more).
"""

from __future__ import annotations

from types import ModuleType

from . import agree, derived, quote, spelling, swapped, temporal

KINDS: dict[str, ModuleType] = {
    agree.ID: agree,
    spelling.ID: spelling,
    derived.ID: derived,
    temporal.ID: temporal,
    quote.ID: quote,
    swapped.ID: swapped,
}
