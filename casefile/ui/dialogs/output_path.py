"""The window's side of ``store.outputs``: before a dialog writes a file, the
path is checked like any output, and an existing file is replaced only when
the documenter says so (the command line's ``--force``)."""

from __future__ import annotations

import os
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ...store.outputs import OutputExists, check_output


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
