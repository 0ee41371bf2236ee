"""Passphrases: asking for one to open a case, choosing one for a new case,
and changing one.

After three wrong attempts each further attempt must wait longer (2, 4, 8 ...
seconds), so a seized laptop cannot be fed a dictionary through the window.
The wait is kept per case file for the life of the process, so closing and
reopening the dialog does not reset it.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...errors import CasefileError, WrongPassphrase
from ...services import security
from ...services.security import MIN_LENGTH

if TYPE_CHECKING:
    from ...store import Case
    from ..workers import ThreadJob

FREE_ATTEMPTS = 3
MAX_WAIT = 300.0  # seconds; the doubling stops at five minutes


class Backoff:
    """How long the next attempt must wait, given the failures so far.

    ``clock`` returns seconds (monotonic); tests inject their own."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.failures = 0
        self._not_before = 0.0

    @staticmethod
    def delay_after(failures: int) -> float:
        if failures < FREE_ATTEMPTS:
            return 0.0
        return min(MAX_WAIT, 2.0 ** (failures - FREE_ATTEMPTS + 1))

    def failed(self) -> None:
        self.failures += 1
        self._not_before = self.clock() + self.delay_after(self.failures)

    def succeeded(self) -> None:
        self.failures = 0
        self._not_before = 0.0

    def remaining(self) -> float:
        return max(0.0, self._not_before - self.clock())

    def may_try(self) -> bool:
        return self.remaining() <= 0.0


_backoffs: dict[str, Backoff] = {}


def backoff_for(path: str | os.PathLike, clock: Callable[[], float] = time.monotonic) -> Backoff:
    key = os.path.normcase(os.path.abspath(os.fspath(path)))
    if key not in _backoffs:
        _backoffs[key] = Backoff(clock)
    return _backoffs[key]


# -- opening an encrypted case -----------------------------------------------------


class PassphraseDialog(QDialog):
    """Ask for a case's passphrase and open it with ``opener(path, passphrase)``.

    ``opener`` raises WrongPassphrase for a wrong one (counted), or another
    CasefileError (shown, not counted)."""

    def __init__(self, path: Path, opener: Callable[[Path, str], Case], parent: QWidget | None = None, *,
                 reason: str = "", backoff: Backoff | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.opener = opener
        self.backoff = backoff or backoff_for(path)
        self.case: Case | None = None
        self.setWindowTitle(self.tr("Open encrypted case"))

        intro = QLabel(self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        intro.setText((reason + "\n" if reason else "")
                      + self.tr("Enter the passphrase for {name}.").format(name=self.path.name))
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Passphrase"))
        self.field.setMinimumWidth(self.field.fontMetrics().averageCharWidth() * 36)  # room for a long one
        self.field.textChanged.connect(self._refresh)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.try_open)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.field)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._ticker = QTimer(self)  # counts the wait down in the dialog
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self._refresh)
        self._message = ""
        self._refresh()
        if not self.backoff.may_try():
            self._ticker.start()

    @property
    def open_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Open)

    @Slot()
    def _refresh(self) -> None:
        wait = self.backoff.remaining()
        if wait > 0:
            self.status.setText(self._message + ("\n" if self._message else "") + self.tr(
                "Too many wrong attempts: wait {seconds} s before trying again.").format(seconds=math.ceil(wait)))
            self.open_button.setEnabled(False)
            return
        self._ticker.stop()
        self.status.setText(self._message)
        self.open_button.setEnabled(bool(self.field.text()))

    @Slot()
    def try_open(self) -> None:
        passphrase = self.field.text()
        if not passphrase or not self.backoff.may_try():
            return
        try:
            self.case = self.opener(self.path, passphrase)
        except WrongPassphrase:
            self.backoff.failed()
            self._message = self.tr("Wrong passphrase ({count} failed attempts).").format(
                count=self.backoff.failures)
            self.field.clear()
            self.field.setFocus()
            self._ticker.start()
        except CasefileError as error:
            self._message = str(error)
        else:
            self.backoff.succeeded()
            self.field.clear()
            self.accept()
            return
        self._refresh()

    @classmethod
    def get_case(cls, parent: QWidget | None, path: Path, opener: Callable[[Path, str], Case], *,
                 reason: str = "") -> tuple[Case | None, bool]:
        """Ask until the case opens or the user gives up: (case, accepted)."""
        dialog = cls(path, opener, parent, reason=reason)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.case, accepted


# -- choosing a passphrase --------------------------------------------------------


class NewPassphraseWidget(QWidget):
    """Encryption choice, passphrase twice, a strength hint and the warning
    that a lost passphrase means a lost case. Encryption is on by default.

    The new-case dialog embeds it and reads ``passphrase()`` (None: plain
    case) once ``problem()`` is empty."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True):
        super().__init__(parent)
        self.encrypt = QCheckBox(self.tr("&Encrypt this case with a passphrase (recommended)"), self)
        self.encrypt.setChecked(True)
        self.encrypt.setVisible(optional)
        self.first = QLineEdit(self)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.second = QLineEdit(self)
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Repeat the passphrase"))
        self.hint = QLabel(self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setAccessibleName(self.tr("Passphrase strength"))
        self.warning = QLabel(self.tr(
            "Write the passphrase down and keep it somewhere safe. If it is lost, the case is lost: "
            "nobody, not even the Casefile developers, can open it again."), self)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.plain_warning = QLabel(self.tr(
            "Without a passphrase, anyone who gets hold of this computer or the file can read the case."), self)
        self.plain_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.plain_warning.setWordWrap(True)

        for field in (self.first, self.second):
            # The wrapped warning below asks for its height late; the fields must not pay for it.
            field.setMinimumHeight(field.sizeHint().height())
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.first)
        form.addRow(self.tr("&Repeat:"), self.second)
        form.addRow("", self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.encrypt)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.plain_warning)

        for signal in (self.encrypt.toggled, self.first.textChanged, self.second.textChanged):
            signal.connect(self._refresh)
        self._refresh()

    def encrypted(self) -> bool:
        return self.encrypt.isChecked()

    def passphrase(self) -> str | None:
        return self.first.text() if self.encrypted() else None

    def strength(self) -> int:
        """0 (unusable) to 4 (strong), from the security service."""
        return security.passphrase_strength(self.first.text())[0]

    def strength_text(self) -> str:
        text = self.first.text()
        return security.passphrase_strength(text)[1] if text else ""

    def problem(self) -> str:
        """Why the choice cannot be used yet, or "" if it can."""
        if not self.encrypted():
            return ""
        if len(self.first.text()) < MIN_LENGTH:
            return self.tr("The passphrase needs at least {n} characters.").format(n=MIN_LENGTH)
        if self.first.text() != self.second.text():
            return self.tr("The two passphrases differ.")
        return ""

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    @Slot()
    def _refresh(self) -> None:
        on = self.encrypted()
        for widget in (self.first, self.second, self.hint, self.warning):
            widget.setEnabled(on)
        self.plain_warning.setVisible(not on)
        hint = self.strength_text()
        if on and self.second.text() and self.first.text() != self.second.text():
            hint = (hint + " " if hint else "") + self.tr("The two passphrases differ.")
        self.hint.setText(hint)
        self.changed.emit()


class ChangePassphraseDialog(QDialog):
    """Choose a new passphrase for the open case. The change itself runs in a
    background thread (re-encrypting a large case takes a while) through
    ``change(case, new_passphrase)``, by default the security service."""

    def __init__(self, case, parent: QWidget | None = None, *, change: Callable | None = None):
        super().__init__(parent)
        self.case = case
        self._change = change
        self.job: ThreadJob | None = None
        self.error = ""
        self.setWindowTitle(self.tr("Change passphrase"))
        intro = QLabel(self.tr(
            "Choose a new passphrase for this case. The whole file is re-encrypted; "
            "backups made before keep the old passphrase."), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.chooser = NewPassphraseWidget(self, optional=False)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("C&hange passphrase"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.chooser)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.chooser.changed.connect(self._refresh)
        self._refresh()

    @Slot()
    def _refresh(self) -> None:
        problem = self.chooser.problem()
        busy = self.job is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem and not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not busy)
        if not busy:
            self.status.setText(self.error or (problem if self.chooser.first.text() else ""))

    def _service(self) -> Callable:
        return self._change if self._change is not None else security.change_passphrase

    @Slot()
    def start(self) -> None:
        if self.chooser.problem() or self.job is not None:
            return
        from ..workers import ThreadJob

        new = self.chooser.passphrase()
        change = self._service()
        case = self.case
        self.error = ""
        self.status.setText(self.tr("Re-encrypting the case…"))
        self.job = ThreadJob(lambda progress, cancelled: change(case, new), self)
        self.job.succeeded.connect(self._done)
        self.job.failed.connect(self._failed)
        self._refresh()
        self.job.start()

    def reject(self) -> None:
        if self.job is None:  # never abandon a re-encryption half way
            super().reject()

    @Slot(object)
    def _done(self, _result) -> None:
        self.job = None
        self.chooser.clear()
        self.accept()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.job = None
        self.error = message
        self._refresh()

    @classmethod
    def change(cls, parent: QWidget | None, case, *, change: Callable | None = None) -> tuple[None, bool]:
        dialog = cls(case, parent, change=change)
        return None, dialog.exec() == QDialog.DialogCode.Accepted
