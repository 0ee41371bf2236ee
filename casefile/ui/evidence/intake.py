"""Taking files in from the desktop: a drop filter for any widget, the
background intake of a batch with progress and cancel, and the dialogs it
needs (how the files relate to a record; what did not come in, and why).

Each file taken in becomes an undoable command (undo withdraws, redo
reinstates); per-file errors are listed together at the end, never one box
per file.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...services import evidence
from ...services.evidence.custody import RELATIONS
from ..commands import CaseCommand, Sequence
from ..workers import JobProgressDialog, ThreadJob, guarded
from .commands import BatchResult, IntakeEvidence, intake_batch


def local_files(mime) -> list[str]:
    """The local file paths of a drag, in order, without duplicates."""
    if mime is None or not mime.hasUrls():
        return []
    paths = []
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile() not in paths:
            paths.append(url.toLocalFile())
    return paths


class FileDropFilter(QObject):
    """Makes a widget accept files dragged from the desktop."""

    files_dropped = Signal(list)

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        target = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
        target.setAcceptDrops(True)
        target.installEventFilter(self)
        self.target = target

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if local_files(event.mimeData()):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
            return False
        if kind == QEvent.Type.Drop:
            paths = local_files(event.mimeData())
            if paths:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                self.files_dropped.emit(paths)
                return True
        return False


def route_file_drops(root: QWidget, handler: Callable[[list], None]) -> None:
    """Files dropped on any text field or list inside ``root`` go to ``handler``
    instead of being inserted as ``file:///...`` text (a line edit and a text
    edit accept drops of their own, so the editor's own filter never sees them)."""
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLineEdit, QAbstractScrollArea)) and not widget.property("casefileFileDrops"):
            widget.setProperty("casefileFileDrops", True)  # once per widget, however often the editor reloads
            FileDropFilter(widget).files_dropped.connect(handler)


class EvidenceFileDialog:
    """Which files to take in: one dialog, several files (tests patch ``choose``)."""

    SETTING = "evidence/last_folder"

    @classmethod
    def choose(cls, parent: QWidget | None) -> tuple[list[str], bool]:
        folder = cast(str, QSettings().value(cls.SETTING, "", type=str))
        paths, _filter = QFileDialog.getOpenFileNames(parent, _tr("Add Evidence Files"), folder,
                                                      _tr("All files (*)"))
        if paths:
            QSettings().setValue(cls.SETTING, os.path.dirname(paths[0]))
        return list(paths), bool(paths)


def relation_label(relation: str) -> str:
    labels = {"supports": _tr("supports"), "contradicts": _tr("contradicts"), "depicts": _tr("depicts"),
              "context": _tr("gives context to")}
    return labels.get(relation, relation)


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvidencePanel", text)


class RelationDialog(QDialog):
    """How dropped or linked evidence relates to a record."""

    def __init__(self, parent: QWidget | None, target: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link evidence"))
        label = QLabel(self.tr("How do the files relate to {target}?").format(target=target), self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Relation"))
        for relation in RELATIONS:
            self.combo.addItem(relation_label(relation), relation)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    @classmethod
    def choose(cls, parent: QWidget | None, target: str) -> tuple[str, bool]:
        dialog = cls(parent, target)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.combo.currentData(), accepted


class IntakeReportDialog(QDialog):
    """What did not come in, and why, and what came in with a warning (a capture
    app's proof that does not match the file): one list for the whole batch."""

    def __init__(self, parent: QWidget | None, result: BatchResult):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Some files were not taken in") if result.errors or result.cancelled
                            else self.tr("Some files were taken in with a warning"))
        summary = QLabel(self)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        text = self.tr("{taken} taken in, {failed} not taken in.").format(
            taken=len(result.taken), failed=len(result.errors))
        if result.cancelled:
            text += " " + self.tr("The intake was cancelled; files already taken in were kept.")
        summary.setText(text)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlainText("\n".join([message for _name, message in result.errors]
                                             + [f"{code}: {message}" for code, message in result.flagged]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    @classmethod
    def report(cls, parent: QWidget | None, result: BatchResult) -> tuple[None, bool]:
        cls(parent, result).exec()
        return None, True


class EvidenceIntake(QObject):
    """Takes dropped files in, one batch at a time, off the UI thread."""

    batch_finished = Signal(object)  # BatchResult

    def __init__(self, case, undo_stack, parent_widget: QWidget | None = None):
        super().__init__(parent_widget)
        self.case = case
        self.undo_stack = undo_stack
        self.parent_widget = parent_widget
        self.job: ThreadJob | None = None
        self._queue: deque = deque()  # batches wait: two intakes would fight for the write lock
        self.push: Callable[[CaseCommand], None] | None = None  # the window's one path onto its undo stack
        self.flush: Callable[[], None] | None = None  # stores what the window's editor still holds
        self._then: Callable[[BatchResult], None] | None = None  # for the batch running now

    def take_in(self, paths: list[str], link: tuple[str, str] | None = None,
                then: Callable[[BatchResult], None] | None = None) -> None:
        """Queue a batch; ``link`` is (record code, relation); ``then`` runs with the result."""
        if not paths or self.case is None:
            return
        self._queue.append((list(paths), link, then))
        if self.job is None:
            self._next()

    def add_files(self, target: str | None = None, then: Callable[[BatchResult], None] | None = None) -> bool:
        """Ask for files (several at once) and take them in; with ``target`` (a
        record's code) ask how they relate to it and link them to it."""
        if self.case is None:
            return False
        paths, ok = EvidenceFileDialog.choose(self.parent_widget)
        if not ok:
            return False
        link = None
        if target is not None:
            relation, ok = RelationDialog.choose(self.parent_widget, target)
            if not ok:
                return False
            link = (target, relation)
        self.take_in(paths, link=link, then=then)
        return True

    @property
    def busy(self) -> bool:
        return self.job is not None

    def cancel(self) -> None:
        self._queue.clear()
        if self.job is not None:
            self.job.cancel()

    def _next(self) -> None:
        if not self._queue:
            return
        paths, link, then = self._queue.popleft()
        self._then = then
        case = self.case
        large = any(evidence.is_large(path) for path in paths)
        job = ThreadJob(lambda progress, cancelled: intake_batch(case, paths, link=link, progress=progress,
                                                                 cancelled=cancelled, large=large), self)
        job.succeeded.connect(self._done)
        job.was_cancelled.connect(guarded(self, lambda: self._done(
            job.result if isinstance(job.result, BatchResult) else BatchResult(cancelled=True))))
        job.failed.connect(guarded(self, lambda message: self._done(BatchResult(errors=[("", message)]))))
        self.job = job
        count = len(paths)
        dialog = JobProgressDialog(job, self.tr("Taking in %n file(s)", "", count), self.parent_widget)
        if large:
            # The case is lent to the intake (intake_batch): what is being typed
            # is stored first, and the window waits from the start.
            if self.flush is not None:
                self.flush()
            dialog.show()
        job.start()

    def _done(self, result: BatchResult) -> None:
        self.job = None
        then, self._then = self._then, None
        self._push(result)
        if result.errors or result.flagged:
            IntakeReportDialog.report(self.parent_widget, result)
        self.batch_finished.emit(result)
        if then is not None:
            then(result)
        self._next()

    def _push(self, result: BatchResult) -> None:
        if self.push is not None and result.taken:
            taken = [IntakeEvidence(self.case, code, name, result.gave.get(code)) for code, name in result.taken]
            self.push(taken[0] if len(taken) == 1 else Sequence.done(
                self.case, self.tr("Take in %n file(s)", "", len(taken)), list(taken)))
            return
        if self.undo_stack is None or not result.taken:
            return
        if len(result.taken) > 1:
            self.undo_stack.beginMacro(self.tr("Take in %n file(s)", "", len(result.taken)))
        for code, name in result.taken:
            self.undo_stack.push(IntakeEvidence(self.case, code, name, result.gave.get(code)))
        if len(result.taken) > 1:
            self.undo_stack.endMacro()
