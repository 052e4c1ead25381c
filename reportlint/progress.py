"""A progress bar on stderr for long runs: only on a terminal, never in CI,
and only once a run has taken a while (a quick run shows nothing at all).
It erases itself before the report is printed."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from .i18n import t
from .output.text_format import width

#: a run shorter than this never shows a bar
DELAY_S = 1.0
#: redraw at most this often
INTERVAL_S = 0.1
WIDTH = 30


def wanted(stream: TextIO) -> bool:
    """A bar only for a person watching: stderr is a terminal and no CI runs us."""
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream
        return False
    return terminal and not os.environ.get("CI")


class ProgressBar:
    """Call it with (done, total) as files are checked; ``close()`` erases it."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None,
                 delay: float | None = None, clock=time.monotonic) -> None:
        self.stream = stream or sys.stderr
        self.enabled = wanted(self.stream) if enabled is None else enabled
        self.delay, self.clock = DELAY_S if delay is None else delay, clock
        self.started = clock()
        self.drawn_at: float | None = None
        self.width = 0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < 2:
            return
        now = self.clock()
        if now - self.started < self.delay:
            return
        if self.drawn_at is not None and now - self.drawn_at < INTERVAL_S and done < total:
            return
        filled = WIDTH * done // total
        line = f"reportlint: [{'#' * filled}{'.' * (WIDTH - filled)}] " + t("{done}/{total} files", done=done, total=total)
        columns = width(line)  # 个文件 takes two columns a character
        self.stream.write("\r" + line + " " * max(0, self.width - columns))
        self.stream.flush()
        self.width, self.drawn_at = columns, now

    def close(self) -> None:
        """Erase the bar, so that what is printed next starts on a clean line."""
        if self.drawn_at is not None:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.drawn_at = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
