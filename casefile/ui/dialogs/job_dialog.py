"""A dialog whose work runs in a child process (``workers.ProcessJob``), as the
dossier and the handover do: its inputs locked and a progress bar while it
runs, Cancel (or Esc) cancels, then closes. A dialog whose child can start
ahead (``warm_module``) starts one as it shows, so the work starts ready."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
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
    #: the child's module, when it can start ahead (``--warm``): about a second
    #: of imports and fonts for a dossier, spent while the documenter chooses
    warm_module: str | None = None

    def __init__(self, case, parent: QWidget | None = None, *, ui_language: str = "en"):
        super().__init__(parent)
        self.case = case
        self.ui_language = ui_language  # the child's messages come back in it
        self.job = None
        self.result_info = None
        self.warm: ProcessJob | None = None

    def new_job(self, module: str, args: Sequence[str], stdin_lines: Sequence[str]) -> ProcessJob:
        """The job for this work: the child started ahead, if there is one."""
        warm, self.warm = self.warm, None
        if warm is not None and module == self.warm_module:
            return warm.give(args, stdin_lines)
        if warm is not None:
            warm.discard()
        return ProcessJob(module, args, stdin_lines=stdin_lines, parent=self)

    def _start_warm(self) -> None:
        if self.warm_module is not None and self.warm is None and self.job is None and self.isVisible():
            self.warm = ProcessJob(self.warm_module, [], parent=self).prestart()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._start_warm()

    def done(self, result: int) -> None:
        if self.warm is not None:  # closed without (more) work: its child ends
            self.warm.discard()
            self.warm = None
        super().done(result)

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
        self._start_warm()  # for another export from the same dialog

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
