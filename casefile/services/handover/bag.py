"""A BagIt bag (RFC 8493) written in one pass: each payload file is hashed as
it is written, so a 10 GiB handover reads and writes its bytes once. The
``bagit`` library (``bagit.py --validate``) and ``sha256sum -c
manifest-sha256.txt`` check what this writes; the tests use both.

The layout: ``bagit.txt``, ``bag-info.txt``, ``manifest-sha256.txt`` (every
payload file under ``data/``) and ``tagmanifest-sha256.txt`` (the three tag
files), in a folder that ``store.outputs.atomic_folder`` puts in place whole.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from ... import __version__
from ...errors import CasefileError
from ...i18n import translate
from ...store.writeback import Writeback

PAYLOAD = "data"
#: between chunks of a large file: return True to stop
Cancelled = Callable[[], bool]


class BagWriter:
    """Payload files and, at the end, the tag files of one bag in ``root``."""

    def __init__(self, root: Path, *, cancelled: Cancelled | None = None,
                 written: Callable[[int], None] | None = None):
        self.root = root
        self.manifest: dict[str, str] = {}  # path in the bag -> sha256
        self.octets = 0
        self._cancelled = cancelled
        self._written = written

    def write(self, name: str, chunks: Iterable[bytes], expected: int = 0) -> tuple[str, int]:
        """A payload file ``data/NAME`` from ``chunks``: its SHA-256 and size.
        ``expected``: its size, when known; a large file has the disk write it as
        it goes (``store.writeback``), so the final fsync finds little to wait for."""
        relative = f"{PAYLOAD}/{name}"
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        with open(path, "xb") as out, Writeback(path, expected, reread=False) as early:
            for data in chunks:
                if self._cancelled is not None and self._cancelled():
                    raise HandoverCancelled(translate("Handover", "Handover cancelled; nothing was written."))
                out.write(data)
                digest.update(data)
                size += len(data)
                early.wrote(size)
                if self._written is not None:
                    self._written(len(data))
            if early.error is not None:
                raise early.error
            out.flush()  # a buffered writer: a short write by the system is written again, never lost
            os.fsync(out.fileno())
        self.manifest[relative] = digest.hexdigest()
        self.octets += size
        return self.manifest[relative], size

    def write_bytes(self, name: str, data: bytes) -> str:
        return self.write(name, (data,))[0]

    def finish(self, info: dict[str, str]) -> None:
        """The tag files; ``info``: bag-info.txt's fields (Payload-Oxum and Bagging-Date are added)."""
        fields = {"Bagging-Date": date.today().isoformat(), "Bag-Software-Agent": f"Casefile {__version__}",
                  **info, "Payload-Oxum": f"{self.octets}.{len(self.manifest)}"}
        tags = {
            "bagit.txt": "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
            "bag-info.txt": "".join(f"{label}: {_one_line(value)}\n" for label, value in fields.items()),
            "manifest-sha256.txt": "".join(f"{sha}  {path}\n" for path, sha in sorted(self.manifest.items())),
        }
        lines = []
        for name, content in tags.items():
            data = content.encode("utf-8")
            _synced(self.root / name, data)
            lines.append(f"{hashlib.sha256(data).hexdigest()}  {name}\n")
        _synced(self.root / "tagmanifest-sha256.txt", "".join(lines).encode("utf-8"))


class HandoverCancelled(CasefileError):
    pass


def _synced(path: Path, data: bytes) -> None:
    """A small file on disk before the folder is put in place (as each payload file is)."""
    with open(path, "xb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def _one_line(value: str) -> str:
    """A bag-info value on one line (RFC 8493 allows folding; one line reads everywhere)."""
    return " ".join(str(value).split())
