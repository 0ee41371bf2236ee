"""Progress of long work on an interactive terminal: one line on stderr,
rewritten in place, then wiped. Silent when stderr is not a terminal, so
scripts and logs see only results and one-line errors, and silent for work
done within a moment (a batch of photos does not flicker)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from ..formatting import human_size
from ..i18n import translate


class TerminalProgress:
    INTERVAL = 0.25  # seconds before the first drawing and between redraws

    def __init__(self, stream: TextIO | None = None):
        self._stream = stream if stream is not None else sys.stderr
        self._live = bool(getattr(self._stream, "isatty", lambda: False)())
        self._width = 0
        self._since: float | None = None  # when the current piece of work began
        self._drawn_at = 0.0

    def __call__(self, name: str, done: int, total: int) -> None:
        """``total`` 0: work without a measure (one call as it starts), named at once."""
        if not self._live:
            return
        now = time.monotonic()
        if not total:
            self._drawn_at = now
            self._draw(f"{name} …")
            return
        if self._since is None:
            self._since = now
        if now - self._since < self.INTERVAL or now - self._drawn_at < self.INTERVAL:
            return
        self._drawn_at = now
        self._draw(translate("Cli", "{name}: {percent}% ({done} of {total})").format(
            name=name, percent=100 * done // total, done=human_size(done), total=human_size(total)))

    def clear(self) -> None:
        if self._width:
            self._draw("")
            self._width = 0
        self._since, self._drawn_at = None, 0.0

    def _draw(self, line: str) -> None:
        padding = " " * max(0, self._width - len(line))
        self._stream.write("\r" + line + padding + ("\r" if not line else ""))
        self._stream.flush()
        self._width = len(line)
