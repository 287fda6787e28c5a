"""A progress bar on stderr for checks that take more than a second, and only for a person.

A check that finishes quickly shows nothing (a flash of a bar is noise); one that runs
longer shows a moving bar with the time spent, redrawn in place. Nothing is drawn when
stderr is not a terminal (piped, redirected, a CI log) or when the CI variable is set,
since a CI log would keep every redraw. The check runs as one call, so the bar shows
that work is going on and for how long, not a fraction done. The CLI owns this output:
it is started around the check by commands, never by library code.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Mapping
from types import TracebackType
from typing import TextIO

WIDTH = 24


def wanted(stream: TextIO, env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not env.get("CI")


class Bar:
    """`with Bar("checking"):` draws on stderr after `delay` seconds until the block ends."""

    def __init__(self, label: str, stream: TextIO | None = None, delay: float = 1.0,
                 env: Mapping[str, str] | None = None, interval: float = 0.1) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.delay, self.interval = delay, interval
        self.on = wanted(self.stream, env)
        self.drawn = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def frame(self, elapsed: float) -> str:
        pos = int(elapsed / self.interval) % (2 * (WIDTH - 4))
        at = pos if pos < WIDTH - 4 else 2 * (WIDTH - 4) - pos
        return f"\r[{' ' * at}====" + " " * (WIDTH - 4 - at) + f"] {self.label} {elapsed:4.1f}s"

    def _draw(self) -> None:
        start = time.monotonic()
        if self._stop.wait(self.delay):
            return
        while not self._stop.is_set():
            self.stream.write(self.frame(time.monotonic() - start))
            self.stream.flush()
            self.drawn = True
            self._stop.wait(self.interval)

    def __enter__(self) -> Bar:
        if self.on:
            self._thread = threading.Thread(target=self._draw, name="crossfact-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self.drawn:
            self.stream.write("\r\033[K")  # leave the line clean for the report or the next prompt
            self.stream.flush()
