"""A dialog whose work runs in a child process (``workers.ProcessJob``), as the
dossier and the handover do: its inputs locked and a progress bar while it
runs, Cancel (or Esc) cancels, then closes."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QProgressBar, QPushButton, QWidget

from ...i18n import translate
from ..workers import ProcessJob


class JobDialog(QDialog):
    """Subclasses make ``progress``, ``start_button``, ``cancel_button`` and
    ``inputs``, and say things with ``say``."""

    job: ProcessJob | None = None
    result_info: dict | None = None
    progress: QProgressBar
    start_button: QPushButton
    cancel_button: QPushButton
    inputs: tuple[QWidget, ...] = ()

    def __init__(self, case, parent: QWidget | None = None, *, ui_language: str = "en"):
        super().__init__(parent)
        self.case = case
        self.ui_language = ui_language  # the child's messages come back in it
        self.job = None
        self.result_info = None

    def say(self, text: str) -> None:
        raise NotImplementedError

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)
        for widget in self.inputs:
            widget.setEnabled(not running)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(min(1000, int(1000 * done / total)))
        else:
            self.progress.setRange(0, 0)
        if text:
            self.say(text)

    @Slot()
    def _on_finished(self) -> None:
        self.job = None
        self._set_running(False)

    @Slot()
    def _cancel_or_close(self) -> None:
        if self.job is not None:
            self.say(translate("JobDialog", "Cancelling…"))  # the context lupdate gives it, whatever the subclass
            self.job.cancel()
        elif self.result_info is not None:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        if self.job is not None:  # Esc or the window's close button while it runs: cancel first
            self._cancel_or_close()
            return
        super().reject()
