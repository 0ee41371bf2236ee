"""A fresh copy of the sample case in a temporary folder (``--demo``)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..store import Case


def make_demo_case() -> tuple[Case, Callable[[], None]]:
    """Returns the open case and a function that removes its folder (call it after closing)."""
    from ..services.sample import create_demo_case

    folder = Path(tempfile.mkdtemp(prefix="casefile-demo-"))
    path = folder / "sample.casefile"
    try:
        case = create_demo_case(path)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return case, lambda: shutil.rmtree(folder, ignore_errors=True)
