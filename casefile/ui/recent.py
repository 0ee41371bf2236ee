"""Recently opened cases: paths only (never titles, which may be sensitive)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QSettings

KEY = "cases/recent"
LIMIT = 10


class RecentCases:
    def paths(self) -> list[Path]:
        values = cast(list, QSettings().value(KEY, [], type=list)) or []
        return [Path(v) for v in values if isinstance(v, str) and v]

    def _store(self, paths: list[Path]) -> None:
        QSettings().setValue(KEY, [str(p) for p in paths[:LIMIT]])

    def add(self, path: Path) -> None:
        path = Path(path).resolve()
        if _is_temporary(path):
            return  # a --demo copy disappears when the window closes
        self._store([path] + [p for p in self.paths() if p != path])

    def remove(self, path: Path) -> None:
        self._store([p for p in self.paths() if p != Path(path)])


def _is_temporary(path: Path) -> bool:
    import tempfile

    return any(part.startswith("casefile-demo-") for part in path.parts) or \
        str(path).startswith(str(Path(tempfile.gettempdir()) / "casefile-demo-"))
