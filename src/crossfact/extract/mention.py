"""A typed span of text found by a recognizer: the unit every extraction stage passes on."""

from __future__ import annotations

from typing import Any, NamedTuple


class Mention(NamedTuple):
    """A NamedTuple, not a frozen dataclass: a report makes dozens, and a tuple is built faster."""

    type: str  # duration | clock | date | year | measure | count | minute | relative | person | ...
    start: int
    end: int
    text: str
    data: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        for k, v in self.data:  # two or three pairs: a scan, not a dict built per look-up
            if k == key:
                return v
        return default
