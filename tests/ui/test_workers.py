"""Background jobs: threads and child processes report progress, results,
errors and cancellation on the UI thread."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QPushButton

from casefile.errors import CasefileError
from casefile.ui.workers import JobCancelled, JobProgressDialog, ProcessJob, ThreadJob, parse_line, run_in_thread


def test_thread_job_delivers_result_and_progress_on_ui_thread(qtbot):
    seen_threads = []

    def work(progress, cancelled):
        seen_threads.append(threading.current_thread())
        for i in range(5):
            progress(i + 1, 5, f"file {i + 1}")
        return "done"

    job = ThreadJob(work)
    reports = []
    receiving_threads = []
    job.progress.connect(lambda d, t, s: (reports.append((d, t, s)), receiving_threads.append(QThread.currentThread())))
    with qtbot.waitSignal(job.succeeded, timeout=5000) as blocker:
        job.start()
    assert blocker.args == ["done"]
    assert seen_threads[0] is not threading.main_thread()
    assert reports[-1] == (5, 5, "file 5")  # the final report is never merged away
    assert all(t is QThread.currentThread() for t in receiving_threads)
    assert job.done and job.result == "done"


def test_thread_job_reports_user_errors_in_words(qtbot):
    def work(progress, cancelled):
        raise CasefileError("photo.jpg: file vanished while reading")

    job = ThreadJob(work)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start()
    assert blocker.args == ["photo.jpg: file vanished while reading"]


def test_thread_job_reports_bugs_without_traceback_text(qtbot):
    def work(progress, cancelled):
        raise ZeroDivisionError("division by zero")

    job = ThreadJob(work)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start()
    assert "ZeroDivisionError" in blocker.args[0] and "Traceback" not in blocker.args[0]


def test_cancel_flag_is_polled_by_the_work(qtbot):
    started = threading.Event()

    def work(progress, cancelled):
        started.set()
        kept = 0
        while not cancelled():
            time.sleep(0.005)
            kept += 1
        return kept

    job = ThreadJob(work)
    job.start()
    assert started.wait(5)
    with qtbot.waitSignal(job.was_cancelled, timeout=5000):
        job.cancel()
    assert job.result >= 0  # what the service kept is still available


def test_job_cancelled_exception_counts_as_cancel(qtbot):
    def work(progress, cancelled):
        raise JobCancelled()

    job = ThreadJob(work)
    with qtbot.waitSignal(job.was_cancelled, timeout=5000):
        job.start()


def test_progress_dialog_follows_job_and_cancels(qtbot):
    gate = threading.Event()

    def work(progress, cancelled):
        progress(1, 4, "first")
        while not cancelled():
            time.sleep(0.005)
        gate.set()

    job = ThreadJob(work)
    dialog = JobProgressDialog(job, "Taking in files", minimum_ms=0)
    job.start()
    qtbot.waitUntil(lambda: dialog.maximum() == 1000 and dialog.value() == 250, timeout=5000)
    assert dialog.labelText() == "first"
    button = dialog.findChild(QPushButton)
    with qtbot.waitSignal(job.finished, timeout=5000):
        qtbot.mouseClick(button, Qt.LeftButton)
    assert gate.is_set()


def test_run_in_thread_wires_callbacks(qtbot):
    got = []
    job = run_in_thread(lambda progress, cancelled: 42, parent=None, title="Work",
                        on_success=got.append, show_progress=False)
    qtbot.waitUntil(lambda: got == [42], timeout=5000)
    assert job.done


@pytest.mark.parametrize("line, expected", [
    ('{"progress": [1, 2, "x"]}', ("progress", (1, 2, "x"))),
    ('{"result": {"sha256": "ab"}}', ("result", {"sha256": "ab"})),
    ('{"error": "no"}', ("error", "no")),
    ("not json", ("", None)),
    ('{"progress": "bad"}', ("", None)),
    ('{"progress": [1, 2, "x"], "result": 1}', ("", None)),
    ("[1, 2]", ("", None)),
])
def test_parse_line(line, expected):
    assert parse_line(line) == expected


def _child(mode, **kw):
    from pathlib import Path
    job = ProcessJob("tests.ui.fake_child", [mode], stdin_lines=["s3cret passphrase"], **kw)
    job.process.setWorkingDirectory(str(Path(__file__).resolve().parents[2]))
    return job


def test_process_job_result_progress_and_stdin_secret(qtbot):
    job = _child("ok")
    reports = []
    job.progress.connect(lambda *a: reports.append(a))
    with qtbot.waitSignal(job.succeeded, timeout=15000) as blocker:
        job.start()
    assert blocker.args == [{"secret_length": len("s3cret passphrase")}]
    assert reports[0] == (1, 3, "step 1") and reports[-1] == (3, 3, "step 3")  # bursts are merged
    assert "CASEFILE_PASSPHRASE" not in job.process.processEnvironment().keys()


def test_process_job_error_line(qtbot):
    job = _child("fail")
    with qtbot.waitSignal(job.failed, timeout=15000) as blocker:
        job.start()
    assert blocker.args == ["the dossier could not be written: disk full"]


def test_process_job_crash_reports_last_stderr_line(qtbot):
    job = _child("crash")
    with qtbot.waitSignal(job.failed, timeout=15000) as blocker:
        job.start()
    assert blocker.args == ["RuntimeError: boom"]


def test_process_job_cancel_asks_the_child(qtbot):
    job = _child("wait-cancel")
    job.start()
    qtbot.waitUntil(lambda: job.process.state() == job.process.ProcessState.Running, timeout=15000)
    with qtbot.waitSignal(job.was_cancelled, timeout=15000):
        job.cancel()
    assert job.process.exitCode() == 1  # it stopped by itself


def test_process_job_kills_a_child_that_ignores_cancel(qtbot):
    job = _child("stubborn", grace_ms=300)
    with qtbot.waitSignal(job.progress, timeout=15000):
        job.start()
    with qtbot.waitSignal(job.was_cancelled, timeout=5000):
        job.cancel()


@pytest.mark.parametrize("ending", ["done", "cancelled with Escape"])
def test_the_window_is_active_again_when_a_progress_dialog_closes(qtbot, ending):
    """Its shortcuts work again at once: without a window manager to hand
    activation back, a window under a closed dialog stayed inactive, and
    every Ctrl+ shortcut did nothing while typing still reached its fields."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    from casefile.ui.activation import keep_activation

    keep_activation(QApplication.instance())  # as make_app does
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    gate = threading.Event()

    def work(progress, cancelled):
        while not gate.is_set() and not cancelled():
            time.sleep(0.01)

    job = ThreadJob(work)
    dialog = JobProgressDialog(job, "Taking in files", window, minimum_ms=0)
    job.start()
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    with qtbot.waitSignal(job.finished, timeout=5000):
        if ending == "done":
            gate.set()
        else:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def test_wait_for_keeps_the_window_painting_says_each_stage_and_raises_what_the_work_raised(qtbot):
    """Work usually quick but sometimes long (a case of an older format is
    copied as it opens): the caller waits as for a call, the event loop runs
    meanwhile, a progress dialog shows the stage past a moment, and the
    result or the very exception comes back."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

    from casefile.store import PassphraseRequired
    from casefile.ui.workers import wait_for

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    ticks, labels = [], []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.timeout.connect(lambda: labels.extend(
        d.labelText() for d in QApplication.topLevelWidgets() if isinstance(d, QProgressDialog) and d.isVisible()))
    timer.start()

    def work(say):
        say("first, a copy")
        time.sleep(0.6)
        say("then the update")
        time.sleep(0.3)
        return threading.current_thread() is threading.main_thread()

    QTimer.singleShot(100, lambda: labels.append(window.close()))  # the window manager's close, refused meanwhile
    assert wait_for(work, parent=window, title="Opening c.casefile") is False  # ran in a thread
    assert False in labels and window.isVisible()
    assert len(ticks) >= 20  # the window's own events ran meanwhile
    assert "first, a copy" in labels and "then the update" in labels

    def refused(say):
        raise PassphraseRequired("c.casefile is encrypted")

    with pytest.raises(PassphraseRequired, match="encrypted"):
        wait_for(refused, parent=window, title="Opening c.casefile")
    timer.stop()


def test_the_window_opens_a_case_of_an_older_format_through_its_update(qtbot, tmp_path, monkeypatch):
    """Opened from the window, a format 9 case is copied, updated and shown,
    the stages told to the progress dialog."""
    import shutil
    from pathlib import Path

    from casefile.store import Case, migrate
    from casefile.ui.mainwindow import MainWindow

    path = tmp_path / "nine.casefile"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "format-9.casefile", path)
    stages, real = [], Case.open.__func__

    def spied(cls, *args, stage=None, **kwargs):
        return real(cls, *args, stage=lambda text: (stages.append(text), stage(text)) if stage else None, **kwargs)

    monkeypatch.setattr(Case, "open", classmethod(spied))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(path)
    assert window.case is not None and window.case.format_version == migrate.head_version()
    assert [s.split(":")[0] for s in stages] == ["nine.casefile is in an older format", "Updating nine.casefile to this "
                                                 "Casefile's format…"]
    assert len(list(tmp_path.glob("nine.casefile.before-format-*.bak"))) == 1
    window.close()
