"""A fresh copy of the sample case in a temporary folder (``--demo``)."""

from __future__ import annotations

import contextlib
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
    return case, lambda: _remove_case_files(folder, path.name)


def _remove_case_files(folder: Path, name: str) -> None:
    """The sample and what the store keeps beside it (its journal, backups and
    their marks), then the folder if nothing else is in it: a dossier the
    documenter exported there (the Export dialog's default) stays."""
    with contextlib.suppress(OSError):  # gone already (cleaned up twice)
        for entry in folder.iterdir():
            if entry.name.startswith((name, "." + name)) and entry.is_file():
                entry.unlink(missing_ok=True)
        folder.rmdir()
