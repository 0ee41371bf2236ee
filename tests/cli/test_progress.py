"""The command line's progress line: drawn in place on a terminal, wiped
after, and never written when stderr is a pipe or a file."""

from __future__ import annotations

import io
import os
import time

from casefile.cli.progress import TerminalProgress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_drawn_in_place_then_wiped(monkeypatch):
    monkeypatch.setattr(TerminalProgress, "INTERVAL", 0.0)
    out = Terminal()
    bar = TerminalProgress(out)
    bar("video.mp4", 512 << 20, 2048 << 20)
    bar("video.mp4", 1024 << 20, 2048 << 20)
    bar.clear()
    text = out.getvalue()
    assert text.startswith("\rvideo.mp4: 25% (512.0 MiB of 2.0 GiB)")
    assert "\rvideo.mp4: 50% (1.0 GiB of 2.0 GiB)" in text
    last = text.rsplit("\r", 2)[-2]
    assert last.strip() == ""  # the last drawing is blanks over the line, then back to its start
    assert text.endswith("\r") and "\n" not in text


def test_work_done_within_a_moment_draws_nothing():
    out = Terminal()
    bar = TerminalProgress(out)
    for done in range(1000):
        bar("photo.jpg", done, 1000)
    bar.clear()
    assert out.getvalue() == ""


def test_redraws_at_most_every_interval(monkeypatch):
    monkeypatch.setattr(TerminalProgress, "INTERVAL", 0.05)
    out = Terminal()
    bar = TerminalProgress(out)
    start = time.monotonic()
    while time.monotonic() - start < 0.32:
        bar("video.mp4", 1, 2)
        time.sleep(0.001)
    assert 1 <= out.getvalue().count("\r") <= 6  # first after 0.05 s, then every 0.05 s at most


def test_silent_when_not_a_terminal():
    out = io.StringIO()
    bar = TerminalProgress(out)
    bar("video.mp4", 1, 2)
    bar.clear()
    assert out.getvalue() == ""


def test_work_without_a_measure_is_named_at_once():
    out = Terminal()
    bar = TerminalProgress(out)
    bar("checking the history", 0, 0)
    bar.clear()
    assert out.getvalue().startswith("\rchecking the history …")


def test_verify_says_what_it_does_on_a_terminal(case, tmp_path):
    from casefile.services import evidence, verify

    (tmp_path / "a.bin").write_bytes(os.urandom(3 << 20))
    evidence.intake(case, tmp_path / "a.bin")
    seen = []
    assert verify.verify(case, lambda what, done, total: seen.append((what, done, total))) == []
    steps = [what for what, _, total in seen if not total]
    assert steps == ["checking the file's integrity", "checking the links between records",
                     "checking the history", "checking every record against its history",
                     "re-hashing the evidence"]
    assert seen[-1] == ("re-hashing the evidence", 3 << 20, 3 << 20)  # bytes, to the end


def test_a_case_of_an_older_format_says_on_the_terminal_that_it_is_copied_and_updated(monkeypatch, tmp_path, capsys):
    """Opening copies it first, which takes as long as copying the file:
    each step is said on the progress line, then wiped; the command's own
    output is as ever."""
    import shutil
    import sys
    from pathlib import Path

    from casefile.cli import main

    path = tmp_path / "nine.casefile"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "format-9.casefile", path)
    out = Terminal()
    monkeypatch.setattr(sys, "stderr", out)
    assert main(["info", str(path)]) == 0
    text = out.getvalue()
    assert "\rnine.casefile is in an older format: making a backup copy of it first …" in text
    assert "\rUpdating nine.casefile to this Casefile's format …" in text
    assert text.endswith("\r") and "\n" not in text
    assert "Format 9 evidence" in capsys.readouterr().out
