"""A progress bar on stderr with rate and ETA, for long commands (batch, mc, sensitivity).

Silent when stderr is not a terminal (logs and pipes stay clean) or with ``--quiet``. Called as
``bar(done, total)`` — the engine's ``progress=`` hook — and redrawn at most every 0.2 s.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 24


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def _count(x: float) -> str:
    return f"{x:,.0f}".replace(",", "\u202f")


class ProgressBar:
    """``bar(done, total)`` draws ``label [#####     ] done/total unit  pct  rate/s  ETA``."""

    def __init__(self, label: str, unit: str = "", quiet: bool = False, stream: TextIO | None = None,
                 force: bool = False):
        self.stream = stream or sys.stderr
        self.enabled = not quiet and (force or self.stream.isatty())
        self.label, self.unit = label, unit
        self.started = time.monotonic()
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.2:
            return
        self._last = now
        self.stream.write("\r" + self.line(done, total, now - self.started))
        self.stream.flush()
        self._drawn = True

    def line(self, done: int, total: int, elapsed: float) -> str:
        """The text of the bar (without the carriage return): testable without a terminal."""
        share = done / total if total else 1.0
        fill = int(WIDTH * share)
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (total - done) / rate if rate > 0 else None
        tail = "done in " + _duration(elapsed) if done >= total else (
            "ETA " + (_duration(eta) if eta is not None else "…"))
        unit = f" {self.unit}" if self.unit else ""
        return (f"{self.label} [{'#' * fill}{' ' * (WIDTH - fill)}] {_count(done)}/{_count(total)}{unit}"
                f"  {100 * share:5.1f} %  {_count(rate)}{unit}/s  {tail}   ")

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
