"""Small modal questions, as functions returning ``(value, accepted)`` or a bool,
so tests patch them instead of clicking through a blocking dialog
(novelWriter's ``dialogs/editlabel.py`` habit)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMessageBox

if TYPE_CHECKING:
    from ...store import Case


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


def _box(parent, icon, title: str, text: str, details: str = "") -> QMessageBox:
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names and titles are user data
    if details:
        box.setInformativeText(details)
        # informative text has no format of its own; Qt guesses, so escape by hand
        label = box.findChild(QLabel, "qt_msgbox_informativelabel")
        if label is not None:
            label.setTextFormat(Qt.TextFormat.PlainText)
    return box


def confirm(parent, title: str, text: str, details: str = "", action: str = "") -> bool:
    box = _box(parent, QMessageBox.Icon.Question, title, text, details)
    ok = box.addButton(action or _tr("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is ok


def error(parent, text: str, details: str = "") -> None:
    _box(parent, QMessageBox.Icon.Warning, _tr("Casefile"), text, details).exec()


def ask_text(parent, title: str, label: str, text: str = "") -> tuple[str, bool]:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    return dialog.textValue(), accepted


def open_case(parent, path: Path, passphrase: str | None = None) -> Case:
    """``Case.open``, the window waiting on it without freezing: a case of an
    older format is copied and updated as it opens, which takes as long as
    copying it, and a progress dialog says so (``workers.wait_for``)."""
    from ...store import Case
    from ..workers import wait_for

    return wait_for(lambda say: Case.open(path, passphrase=passphrase, stage=say), parent=parent,
                    title=_tr("Opening {name}").format(name=Path(path).name))


def open_encrypted(parent, path: Path) -> tuple[Case | None, bool]:
    """Ask for an encrypted case's passphrase and open it: ``(case, accepted)``,
    through the passphrase dialog (with its wait after wrong attempts)."""
    from .passphrase import PassphraseDialog

    def opener(p: Path, passphrase: str) -> Case:
        return open_case(parent, p, passphrase)

    return PassphraseDialog.get_case(parent, Path(path), opener)


def open_case_file(parent, folder: str = "") -> tuple[str, bool]:
    path, _ = QFileDialog.getOpenFileName(parent, _tr("Open Case"), folder,
                                          _tr("Case files (*.casefile);;All files (*)"))
    return path, bool(path)


def open_saved_page(parent) -> tuple[str, bool]:
    path, _ = QFileDialog.getOpenFileName(
        parent, _tr("Add Saved Web Page"), "",
        _tr("Saved web pages (*.html *.htm *.mhtml *.mht *.warc *.warc.gz);;All files (*)"))
    return path, bool(path)


def open_text_file(parent) -> tuple[str, bool]:
    path, _ = QFileDialog.getOpenFileName(parent, _tr("Load Source Text"), "",
                                          _tr("Texts (*.txt *.html *.htm *.pdf);;All files (*)"))
    return path, bool(path)
