"""A fresh copy of the sample case in a temporary folder (``--demo``)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..store import Case


def make_demo_case() -> tuple[Case, callable]:
    """Returns the open case and a function that removes its folder (call it after closing)."""
    folder = Path(tempfile.mkdtemp(prefix="casefile-demo-"))
    path = folder / "sample.casefile"
    try:
        try:
            from ..services.sample import create_demo_case
        except ImportError:  # the sample is written by another part of the project
            create_demo_case = None
        if create_demo_case is not None:
            result = create_demo_case(path)
            case = result if isinstance(result, Case) else Case.open(path)
        else:
            case = Case.create(path, "Sample case", documenter="Casefile")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return case, lambda: shutil.rmtree(folder, ignore_errors=True)
