"""Locking the window: Ctrl+L, or after some idle minutes.

Locking closes the case (the store drops its key), removes every view of it,
clears the clipboard if it still holds text copied from the case, and asks
for the passphrase again (a plain case is simply reopened on request). A
seized laptop left unattended then shows nothing but a passphrase prompt.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from ..store import Case

IDLE_SETTING = "security/idle_minutes"
DEFAULT_IDLE_MINUTES = 10

#: what counts as the documenter being at the keyboard
ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
            QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride}


def idle_minutes() -> int:
    """From QSettings; 0 turns the idle lock off."""
    value = cast(int, QSettings().value(IDLE_SETTING, DEFAULT_IDLE_MINUTES, type=int))
    return max(0, value)


class IdleWatcher(QObject):
    """Emits ``idle`` once no input reached the application for the interval."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, *, interval_ms: int | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_interval_ms(interval_ms if interval_ms is not None else idle_minutes() * 60_000)
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_interval_ms(self, ms: int) -> None:
        self._interval = max(0, int(ms))
        if self._interval:
            self._timer.setInterval(self._interval)

    @property
    def enabled(self) -> bool:
        return self._interval > 0

    def start(self) -> None:
        if self.enabled:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, obj, event) -> bool:
        if event.type() in ACTIVITY and self._timer.isActive():
            self._timer.start()  # restart the countdown
        return False


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ClipboardGuard(QObject):
    """Remembers (by hash only) texts this application put on the clipboard
    while a case was open, so the lock can remove them and nothing else."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ours: set[str] = set()
        self.clipboard = QGuiApplication.clipboard()
        self.clipboard.dataChanged.connect(self._changed)
        self.active = False

    @Slot()
    def _changed(self) -> None:
        if not self.active:
            return
        # ownsClipboard: the copy came from this process (not another program).
        if self.clipboard.ownsClipboard() or QGuiApplication.focusWindow() is not None:
            text = self.clipboard.text()
            if text:
                self._ours.add(_digest(text))

    def clear_if_ours(self) -> bool:
        text = self.clipboard.text()
        ours = bool(text) and _digest(text) in self._ours
        if ours:
            self.clipboard.clear()
        self._ours.clear()
        return ours


class CaseLocker(QObject):
    """Locks and unlocks a window's case.

    ``close_case()`` must drop every view and close the case; ``reopen(case)``
    shows an opened case again, and is given None when the documenter does
    not reopen it; ``ask(path, encrypted)`` returns the reopened case or None
    (default: the passphrase dialog)."""

    locked = Signal(str)  # the path of the case
    unlocked = Signal(object)

    def __init__(self, parent: QWidget, *, current_case: Callable[[], Case | None],
                 close_case: Callable[[], None], reopen: Callable[[Case | None], None],
                 ask: Callable[[Path, bool], Case | None] | None = None,
                 idle: IdleWatcher | None = None):
        super().__init__(parent)
        self.window = parent
        self._current_case = current_case
        self._close_case = close_case
        self._reopen = reopen
        self._ask = ask or self.ask_to_reopen
        self.clipboard = ClipboardGuard(self)
        self.idle = idle or IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        self.is_locked = False
        self.locked_path: Path | None = None

    def case_opened(self) -> None:
        self.clipboard.active = True
        self.idle.start()

    def case_closed(self) -> None:
        self.idle.stop()

    @Slot()
    def lock(self) -> bool:
        case = self._current_case()
        if case is None or self.is_locked:
            return False
        path, encrypted = Path(case.path), bool(case.encrypted)
        self.idle.stop()
        self.is_locked = True
        self.locked_path = path
        self._close_dialogs()
        self._close_case()
        self.clipboard.clear_if_ours()
        self.clipboard.active = False
        self.locked.emit(str(path))
        # Ask once the close has been painted: the prompt is all a passer-by sees.
        QTimer.singleShot(0, lambda: self._unlock(path, encrypted))
        return True

    def _close_dialogs(self) -> None:
        """Dialogs showing the case (history, evidence, export) go with it."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget is not self.window:
                widget.reject()
                widget.hide()  # a dialog that refuses (a running export) is still not shown

    def _unlock(self, path: Path, encrypted: bool) -> None:
        case = self._ask(path, encrypted)
        self.is_locked = False
        self.locked_path = None
        self._reopen(case)
        if case is not None:
            self.unlocked.emit(case)

    def ask_to_reopen(self, path: Path, encrypted: bool) -> Case | None:
        from .dialogs import open_case

        if encrypted:
            from .dialogs.passphrase import PassphraseDialog

            case, ok = PassphraseDialog.get_case(self.window, path, lambda p, pw: open_case(self.window, p, pw),
                                                 reason=self.tr("Casefile locked this case."))
            return case if ok else None
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Case locked"), self.tr(
            "Casefile locked {name}. It is not encrypted: anyone with this computer can still read the "
            "file.").format(name=path.name), parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        reopen = box.addButton(self.tr("&Reopen"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is not reopen:
            return None
        try:
            return open_case(self.window, path)
        except Exception as error:  # noqa: BLE001 - CasefileError: shown in words
            QMessageBox.warning(self.window, self.tr("Casefile"), str(error))
            return None


# -- the window ----------------------------------------------------------------------


def install(window) -> CaseLocker:
    """Give a MainWindow its Lock action (Ctrl+L) and idle lock."""
    from ..i18n import QT_TRANSLATE_NOOP
    from .actions import ActionSpec

    locker = CaseLocker(
        window, current_case=lambda: window.case, close_case=lambda: window.close_case(reopening=True),
        reopen=window.reopen_case)
    window.case_opened.connect(lambda _case: locker.case_opened())
    window.case_closed.connect(locker.case_closed)
    if window.case is not None:
        locker.case_opened()
    window.actions.add(ActionSpec("lock_case", QT_TRANSLATE_NOOP("Actions", "&Lock Case"), ("Ctrl+L",),
                                  tip=QT_TRANSLATE_NOOP("Actions", "Close the case and ask for the passphrase again"),
                                  menu="file"), locker.lock, after="close_case")
    window.locker = locker
    return locker

