"""The window's side of ``store.outputs``: before a dialog writes a file, the
path is checked like any output, and an existing file is replaced only when
the documenter says so (the command line's ``--force``)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ...store.outputs import OutputExists, check_output

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')  # characters file systems refuse


def documents_folder(case) -> Path:
    """Where an output is suggested: the user's documents, else the case's folder."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
    return folder if folder.is_dir() else Path(case.path).parent


def safe_name(text: str, fallback: str, limit: int = 80) -> str:
    """``text`` as part of a file name: what file systems refuse becomes a space."""
    return _UNSAFE.sub(" ", text).strip()[:limit] or fallback


def tr(text: str) -> str:
    return QCoreApplication.translate("Outputs", text)


def may_write(parent: QWidget | None, path: str | os.PathLike, *,
              open_cases: Iterable[str | os.PathLike] = ()) -> bool | None:
    """False: ``path`` is new; True: it exists and the documenter agreed to
    replace it (pass ``force=True`` on); None: they declined. A path that is
    never an output (a case, a companion, a backup, a folder, a device, a
    link) raises ``OutputRefused`` with one line to show."""
    cases = tuple(open_cases)
    try:
        check_output(path, force=False, open_cases=cases)
        return False
    except OutputExists:
        pass
    box = QMessageBox(QMessageBox.Icon.Question, tr("Replace the file?"),
                      tr("{path} already exists. Replace it?").format(path=os.fspath(path)),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a file name is not markup
    box.setDefaultButton(QMessageBox.StandardButton.No)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return None
    return True
