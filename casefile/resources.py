"""Where shipped data lives: ``resources/`` in a checkout, ``casefile/_resources``
in a wheel or bundle."""

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "_resources", here.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Casefile resources not found")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
