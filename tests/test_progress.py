"""The progress bar: drawn only on a terminal, outside CI, for runs longer than the delay."""

from __future__ import annotations

import io
import time

from crossfact.progress import Bar


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(stream: io.StringIO, seconds: float, env: dict[str, str]) -> str:
    with Bar("checking", stream=stream, delay=0.05, env=env, interval=0.02):
        time.sleep(seconds)
    return stream.getvalue()


def test_long_run_on_a_terminal_draws_and_clears() -> None:
    out = run(Tty(), 0.3, {})
    assert "checking" in out and "====" in out and out.endswith("\r\033[K")


def test_quiet_when_fast_piped_or_in_ci() -> None:
    assert run(Tty(), 0.0, {}) == ""
    assert run(io.StringIO(), 0.3, {}) == ""
    assert run(Tty(), 0.3, {"CI": "true"}) == ""
