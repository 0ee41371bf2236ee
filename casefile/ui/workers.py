"""Long work off the UI thread, with progress and cancel.

Two kinds of job share one interface (:class:`BackgroundJob`), so a progress
dialog or bar can follow either:

- :class:`ThreadJob` runs a Python callable in a ``QThread``. The callable gets
  ``progress(done, total, text)`` and ``cancelled()`` keyword arguments, the
  contract of every long service (intake, import). Results and errors come back
  as queued signals, so the worker never touches a widget.
- :class:`ProcessJob` runs a child Python process (``QProcess``). ReportLab
  holds the GIL for the whole of a dossier build, which would starve the UI
  thread if built in a thread; a child process cannot. The child speaks a
  tiny line protocol on stdout (see :func:`parse_line`) and reads secrets and
  "cancel" from stdin, so a passphrase never touches the disk or argv.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from typing import Any, Self, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    QProcess,
    QProcessEnvironment,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..errors import CasefileError

log = logging.getLogger(__name__)

#: Progress reports closer together than this are merged: a service may report
#: every 1 MiB chunk, and flooding the event loop would stall the UI it serves.
PROGRESS_INTERVAL = 0.05


class JobCancelled(Exception):
    """A service may raise this (or return) when ``cancelled()`` turned true."""


class BackgroundJob(QObject):
    """What a job tells the window. ``stopped``, then exactly one of
    ``succeeded``, ``failed`` or ``was_cancelled``, then ``finished``."""

    progress = Signal(int, int, str)  # done, total (0: unknown), what is happening
    #: The work is over, its outcome not yet told: a progress display closes
    #: now, not behind the report or error the outcome's handlers put up.
    stopped = Signal()
    succeeded = Signal(object)
    failed = Signal(str)
    was_cancelled = Signal()
    finished = Signal()

    #: Running jobs, so Python keeps them alive until they finish.
    _running: set[BackgroundJob] = set()

    def __init__(self, parent: QObject | None = None):
        # Not owned by ``parent``: a widget deleted mid-job must not take the
        # running thread or process with it. The job lives (in ``_running``)
        # until it finishes; slots of a deleted widget are simply not called.
        super().__init__()
        self.owner = parent
        self._cancel = threading.Event()
        self._done = False
        self.result: object = None
        self.error: str | None = None

    def start(self) -> Self:
        BackgroundJob._running.add(self)
        self._start()
        return self

    def _start(self) -> None:
        raise NotImplementedError

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancel_requested(self) -> bool:
        return self._cancel.is_set()

    @property
    def done(self) -> bool:
        return self._done

    def _finish(self, outcome: str, value=None) -> None:
        if self._done:
            return
        self._done = True
        self.stopped.emit()
        if outcome == "ok":
            self.result = value
            self.succeeded.emit(value)
        elif outcome == "cancelled":
            self.was_cancelled.emit()
        else:
            self.error = value
            self.failed.emit(value)
        self.finished.emit()
        BackgroundJob._running.discard(self)


def guarded(receiver: QObject, fn: Callable) -> Callable:
    """``fn`` as a slot that does nothing once ``receiver`` was deleted
    (lambdas, unlike bound methods, are not disconnected by Qt)."""
    def call(*args):
        if shiboken6.isValid(receiver):
            return fn(*args)
        return None
    return call


def error_text(error: BaseException) -> str:
    """Words for a user: a CasefileError's own line, else a short generic one."""
    if isinstance(error, CasefileError):
        return str(error)
    return QCoreApplication.translate("Workers", "Unexpected error: {what}").format(
        what=f"{type(error).__name__}: {error}")


# -- threads -------------------------------------------------------------------


class _Runner(QObject):
    """Lives in the worker thread; only emits signals (queued to the UI)."""

    reported = Signal(int, int, str)
    ended = Signal(str, object)

    def __init__(self, fn: Callable, cancel: threading.Event):
        super().__init__()
        self._fn = fn
        self._cancel = cancel
        self._last = 0.0
        self._text = ""  # a new stage's words are told at once

    def _progress(self, done: int = 0, total: int = 0, text: str = "") -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL or (total and done >= total) or (text and text != self._text):
            self._last, self._text = now, text
            self.reported.emit(int(done), int(total or 0), str(text or ""))

    @Slot()
    def run(self) -> None:
        try:
            value = self._fn(progress=self._progress, cancelled=self._cancel.is_set)
        except JobCancelled:
            self.ended.emit("cancelled", None)
        except BaseException as error:  # noqa: BLE001 - reported to the user, never lost
            if self._cancel.is_set():
                self.ended.emit("cancelled", None)
                return
            if not isinstance(error, CasefileError):
                log.error("background job failed:\n%s", traceback.format_exc())
            self.ended.emit("error", error_text(error))
        else:
            self.ended.emit("cancelled" if self._cancel.is_set() else "ok", value)


class ThreadJob(BackgroundJob):
    """Run ``fn(progress=..., cancelled=...)`` in a QThread.

    If the work was cancelled but ``fn`` returned normally, the job reports
    ``was_cancelled``; a service that stops early still returns what it kept."""

    def __init__(self, fn: Callable, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread()
        self._runner = _Runner(fn, self._cancel)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.reported.connect(self.progress, Qt.ConnectionType.QueuedConnection)
        self._runner.ended.connect(self._ended, Qt.ConnectionType.QueuedConnection)

    def _start(self) -> None:
        self._thread.start()

    @Slot(str, object)
    def _ended(self, outcome: str, value) -> None:
        self._thread.quit()
        self._thread.wait()
        if outcome == "cancelled":
            self.result = value
        self._finish(outcome, value)

    def wait(self, ms: int = 30000) -> bool:
        """Block until the thread ends (tests and shutdown only)."""
        return self._thread.wait(ms)


# -- child processes -------------------------------------------------------------


def parse_line(line: str) -> tuple[str, object]:
    """The child's stdout protocol, one JSON object per line:
    ``{"progress": [done, total, text]}``, ``{"result": {...}}``,
    ``{"error": "one line"}``. Anything else is ignored (("", None))."""
    try:
        data = json.loads(line)
    except ValueError:
        return "", None
    if not isinstance(data, dict) or len(data) != 1:
        return "", None
    key, value = next(iter(data.items()))
    if key == "progress" and isinstance(value, list) and len(value) == 3:
        try:
            return "progress", (int(value[0]), int(value[1]), str(value[2]))
        except (TypeError, ValueError):
            return "", None
    if key in ("result", "error"):
        return key, value
    return "", None


class ProcessJob(BackgroundJob):
    """Run ``sys.executable -m MODULE ARGS`` and follow its line protocol.

    ``stdin_lines`` are written to the child first (a passphrase travels this
    way: a pipe, never argv, env or disk). ``cancel()`` writes ``cancel`` to
    the child, which stops and removes its partial output; if it has not ended
    after ``grace_ms`` it is killed."""

    def __init__(self, module: str, args: Sequence[str], *, stdin_lines: Sequence[str] = (),
                 env: dict[str, str] | None = None, grace_ms: int = 5000, parent: QObject | None = None):
        super().__init__(parent)
        self._module = module
        self._args = list(args)
        self._stdin_lines = list(stdin_lines)
        self._grace_ms = grace_ms
        self._buffer = b""
        self._stderr = b""
        self._error_line: str | None = None
        self._last_progress = 0.0
        self._started = self._warm = False
        self.process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        environment.remove("CASEFILE_PASSPHRASE")  # the pipe carries it, if at all
        environment.insert("PYTHONUNBUFFERED", "1")
        for key, value in (env or {}).items():
            environment.insert(key, value)
        self.process.setProcessEnvironment(environment)
        self.process.readyReadStandardOutput.connect(self._read_stdout)
        self.process.readyReadStandardError.connect(self._read_stderr)
        self.process.finished.connect(self._process_finished)
        self.process.errorOccurred.connect(self._process_error)

    def prestart(self) -> Self:
        """Start the child ahead of its work, as ``python -m MODULE --warm``: it
        gets ready (imports, fonts...) while the documenter is still choosing.
        ``give`` then sets its arguments, which ``start`` sends on stdin."""
        self._warm = True
        self.process.start(sys.executable, ["-m", self._module, "--warm"])
        return self

    def give(self, args: Sequence[str], stdin_lines: Sequence[str] = ()) -> Self:
        self._args, self._stdin_lines = list(args), list(stdin_lines)
        return self

    def discard(self) -> None:
        """A child started ahead whose work never came: it ends now."""
        if not self._started and self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.kill()
            self.process.waitForFinished(2000)

    def _start(self) -> None:
        self._started = True
        lines = self._stdin_lines
        if self._warm and self.process.state() != QProcess.ProcessState.NotRunning:
            lines = [json.dumps(self._args), *lines]  # ready, or nearly: it reads them next
        else:  # not started ahead, or that child is gone: as usual
            self._buffer = self._stderr = b""
            self.process.start(sys.executable, ["-m", self._module, *self._args])
        if lines:
            self.process.write("".join(line + "\n" for line in lines).encode("utf-8"))
        # Clear our copy: the secret lives only as long as it must.
        self._stdin_lines = []

    def cancel(self) -> None:
        if self._done or self._cancel.is_set():
            return
        super().cancel()
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.write(b"cancel\n")
            QTimer.singleShot(self._grace_ms, self._kill_if_running)

    def _kill_if_running(self) -> None:
        if self.process.state() != QProcess.ProcessState.NotRunning:
            log.warning("child %s did not stop after cancel; killing it", self._module)
            self.process.kill()

    @Slot()
    def _read_stdout(self) -> None:
        self._buffer += self.process.readAllStandardOutput().data()
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            self._handle(raw.decode("utf-8", "replace").strip())

    def _handle(self, line: str) -> None:
        kind, value = parse_line(line)
        if kind == "progress" and isinstance(value, tuple):
            # Merge reports, as ThreadJob does: a layout may report every flowable.
            now = time.monotonic()
            done, total, text = value
            if now - self._last_progress >= PROGRESS_INTERVAL or (total and done >= total):
                self._last_progress = now
                self.progress.emit(done, total, text)
        elif kind == "result":
            self.result = value
        elif kind == "error":
            self._error_line = str(value)

    @Slot()
    def _read_stderr(self) -> None:
        self._stderr = (self._stderr + self.process.readAllStandardError().data())[-8192:]

    @Slot(int, QProcess.ExitStatus)
    def _process_finished(self, code: int, status) -> None:
        if not self._started:  # a child started ahead, gone before its work: start() starts another
            return
        self._read_stdout()
        if self._buffer:
            self._handle(self._buffer.decode("utf-8", "replace").strip())
            self._buffer = b""
        if self._cancel.is_set():
            self._finish("cancelled")
        elif code == 0 and status == QProcess.ExitStatus.NormalExit and self.result is not None:
            self._finish("ok", self.result)
        else:
            self._finish("error", self._error_line or self._stderr_line()
                         or self.tr("The background task stopped unexpectedly (exit code {code}).").format(code=code))

    def _stderr_line(self) -> str:
        lines = [ln for ln in self._stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
        return lines[-1].strip() if lines else ""

    @Slot(QProcess.ProcessError)
    def _process_error(self, error) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._started:
            self._finish("error", self.tr("Could not start the background task: {why}").format(
                why=self.process.errorString()))

    def wait(self, ms: int = 30000) -> bool:
        return self.process.waitForFinished(ms)


# -- showing progress ------------------------------------------------------------


class JobProgressDialog(QProgressDialog):
    """A window-modal progress dialog following a job; Cancel cancels it.

    It appears only if the work lasts longer than ``minimum_ms``, and closes
    itself when the job finishes."""

    def __init__(self, job: BackgroundJob, title: str, parent: QWidget | None = None, *,
                 minimum_ms: int = 400, cancellable: bool = True):
        super().__init__(parent)
        self.job = job
        self.setWindowTitle(title)
        self.setLabelText(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(minimum_ms)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, 0)  # busy until the first report
        self.setValue(0)
        self.setAccessibleName(title)
        self._cancellable = cancellable
        if cancellable:
            self.setCancelButtonText(self.tr("Cancel"))
            self.canceled.connect(self._cancel)
        else:
            self.setCancelButton(None)
        job.progress.connect(self._on_progress)
        job.stopped.connect(self._on_finished)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            # QProgressDialog takes ints; scale big byte counts to permille.
            self.setRange(0, 1000)
            self.setValue(min(1000, int(1000 * done / total)))
        else:
            self.setRange(0, 0)
        if text:
            self.setLabelText(text)

    def reject(self) -> None:
        """Escape is Cancel. QDialog's own would only hide the dialog, the job
        still running behind a window that takes input again."""
        if self._cancellable and not self.job.done:
            self.canceled.emit()

    @Slot()
    def _cancel(self) -> None:
        self.setLabelText(self.tr("Cancelling…"))
        self.job.cancel()
        if not self.job.done:
            # QProgressDialog hides itself on Cancel; the window waits until the
            # job has stopped (a cancelled intake still rolls back).
            self.show()

    @Slot()
    def _on_finished(self) -> None:
        self.reset()
        self.hide()
        self.deleteLater()


def run_in_thread(fn: Callable, *, parent: QWidget | None, title: str,
                  on_success: Callable[[object], None] | None = None,
                  on_failure: Callable[[str], None] | None = None,
                  on_cancel: Callable[[], None] | None = None,
                  cancellable: bool = True, show_progress: bool = True, at_once: bool = False) -> ThreadJob:
    """Start ``fn`` in a thread with a progress dialog; callbacks run on the UI thread.

    ``at_once``: the dialog shows now, not after a moment, so the window takes
    no input from the start (for work the case is lent to: ``Case.sole_writer``)."""
    job = ThreadJob(fn, parent)
    _wire(job, on_success, on_failure, on_cancel)
    if show_progress:
        dialog = JobProgressDialog(job, title, parent, cancellable=cancellable)
        if at_once:
            dialog.show()
    return job.start()


class Latest(QObject):
    """What a widget shows, read in a thread from what it wants: the search
    popup's results, the list's filtered page. One reading at a time; when it
    ends, what is wanted then is read next unless it is what was just shown
    or refused (a refusal is told once, and read again only when asked
    again). A reading is shown only if it is still what is wanted and nothing
    made it stale since (``stale``).

    ``wanted()``: what to read, or None for nothing (typing goes on, or it is
    shown already); ``reader(key)``, on the window's thread: the work to run
    in the thread; ``show(key, result)``: whether it could be shown;
    ``refused(key, message)``."""

    def __init__(self, parent: QObject, wanted: Callable[[], Any], reader: Callable[[Any], Callable[[], Any]],
                 show: Callable[[Any, Any], bool], refused: Callable[[Any, str], None]):
        super().__init__(parent)
        self._wanted, self._reader, self._show, self._refused = wanted, reader, show, refused
        self.settled: Any = None  # what was shown or refused last
        self._job: ThreadJob | None = None
        self._readings = 0  # numbers each reading and each ``stale``, so an overtaken one is known

    def ask(self) -> None:
        """Read what is wanted, unless a reading runs: its end reads what is
        wanted then, if that is not what it showed."""
        key = self._wanted()
        if self._job is not None or key is None:
            return
        work, self._readings = self._reader(key), self._readings + 1
        reading = self._readings
        job = ThreadJob(lambda progress, cancelled: work(), self)
        job.succeeded.connect(guarded(self, lambda result: self._ended(reading, key, result, None)))
        job.failed.connect(guarded(self, lambda message: self._ended(reading, key, None, message)))
        job.finished.connect(guarded(self, self._next))
        self._job = job.start()

    def stale(self, shown: Any = None) -> None:
        """A reading under way is not shown: the case changed meanwhile, or
        the widget read ``shown`` itself, at once (then it is settled)."""
        self._readings += 1
        if shown is not None:
            self.settled = shown

    def _ended(self, reading: int, key: Any, result: Any, message: str | None) -> None:
        if reading != self._readings or key != self._wanted():
            return
        if message is not None:
            self._refused(key, message)
            self.settled = key
        elif self._show(key, result):
            self.settled = key

    def _next(self) -> None:
        self._job = None
        if self._wanted() != self.settled:
            self.ask()


T = TypeVar("T")


class _HoldClose(QObject):
    """Keeps a window open while it waits (``wait_for``): closing it from the
    window manager would otherwise run its close, and the case it waits for
    would arrive in a window gone."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self._window and event.type() == QEvent.Type.Close:
            event.ignore()
            return True
        return False

    def release(self) -> None:
        self._window.removeEventFilter(self)
        self.deleteLater()


def wait_for(fn: Callable[[Callable[[str], None]], T], *, parent: QWidget | None, title: str) -> T:
    """``fn(say)`` in a thread, the window waiting for it as for a call: it
    repaints meanwhile, and past a moment a progress dialog shows what ``say``
    told last; input waits for the end. What ``fn`` returns is returned and
    what it raises is raised, here. For work that is most often quick but can
    take long (opening a case of an older format copies it first)."""
    outcome: dict[str, Any] = {}

    def work(progress, cancelled) -> None:
        try:
            outcome["value"] = fn(lambda text: progress(0, 0, text))
        except BaseException as error:  # noqa: BLE001 - raised again on the window's thread
            outcome["error"] = error

    job = ThreadJob(work, parent)
    JobProgressDialog(job, title, parent, cancellable=False)
    loop = QEventLoop()
    job.finished.connect(loop.quit)  # queued from the thread: never before the loop runs
    held = _HoldClose(parent.window()) if parent is not None else None
    job.start()
    try:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        if held is not None:
            held.release()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _wire(job: BackgroundJob, on_success, on_failure, on_cancel) -> None:
    if on_success:
        job.succeeded.connect(on_success)
    if on_failure:
        job.failed.connect(on_failure)
    if on_cancel:
        job.was_cancelled.connect(on_cancel)
