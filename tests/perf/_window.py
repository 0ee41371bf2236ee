"""The benchmark's window measurements (Qt, offscreen), run as child processes.

    python _window.py --bare             a bare PySide6 window; prints "painted"
    python _window.py --casefile CASE    Casefile's main window on CASE; prints "painted"
                                         (passphrase, if any, in CASEFILE_PASSPHRASE)
    python _window.py --floor CASE       a bare window that imports the model and opens CASE
    python _window.py --child NAME JSON  ui_list, ui_stall, ui_intake (see bench.py)

"painted" is printed when the first paint event of the window's central
content arrives: for Casefile, the record list's viewport, so the figure is
interpreter start + imports + opening the case + building the window + the
first page of rows on screen.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _print_on_first_paint(app, widget) -> object:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
            return False

    watcher = FirstPaint()
    widget.installEventFilter(watcher)
    return watcher


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Casefile"))
    window.resize(1400, 900)
    keep = _print_on_first_paint(app, window.centralWidget())  # noqa: F841 - kept alive
    window.show()
    app.exec()


def floor_window(path: str) -> None:
    """The start's floor: a bare PySide6 window that also imports what any
    window on the case must (SQLAlchemy's ORM, Casefile's model and store),
    opens the case as the window does and shows its title."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from casefile.store import Case

    app = QApplication(sys.argv[:1])
    case = Case.open(path, passphrase=os.environ.get("CASEFILE_PASSPHRASE"))
    window = QMainWindow()
    window.setCentralWidget(QLabel(case.title))
    window.resize(1400, 900)
    keep = _print_on_first_paint(app, window.centralWidget())  # noqa: F841 - kept alive
    window.show()
    app.exec()
    case.close(backup=False)


def casefile_window(path: str) -> None:
    """What ``casefile CASE`` does (``casefile.cli.run``, then
    ``casefile.ui.app.run_gui``), up to the first paint of the record list.
    The passphrase comes from CASEFILE_PASSPHRASE."""
    import gc
    from argparse import Namespace

    import casefile.cli  # noqa: F401 - the program's own imports, before it knows the window is wanted

    gc.freeze()  # as cli.run does
    from casefile.ui.app import make_app, open_initial_case
    from casefile.ui.language import attach_language_menu
    from casefile.ui.mainwindow import MainWindow
    from casefile.ui.system_libraries import check

    check()
    app = make_app(sys.argv[:1])
    window = MainWindow()
    attach_language_menu(window)
    window.show()
    open_initial_case(window, Namespace(case=path, demo=False, screenshot=None, passphrase_file=None))
    window.case.backup_keep = 0
    keep = _print_on_first_paint(app, window.view.table.viewport())  # noqa: F841 - kept alive
    app.exec()
    window.close_case()


# -- children ----------------------------------------------------------------------------

def _open(spec: dict):
    from casefile.store import Case

    case = Case.open(spec["path"], passphrase=spec.get("passphrase"), check=False)
    case.backup_keep = 0
    return case


def ui_list(a: dict) -> dict:
    """First paint of the incident list (model's first page + view paint), and
    fetching page after page to the end, against the same rows without SQL."""
    from _common import timed
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    from casefile.services import records
    from casefile.ui.app import make_app
    from casefile.ui.case.list_model import PAGE, RecordListModel
    from casefile.ui.case.panes import RecordTable

    app = make_app(sys.argv[:1])
    case = _open(a["case"])
    view = RecordTable()
    view.resize(900, 700)
    view.show()
    app.processEvents()
    records.list_rows(case, "incident", "code", "asc", "", 0, 1)  # warm the connection and labels

    def first_paint():
        model = RecordListModel(case, "incident")
        view.setModel(model)
        view.viewport().grab()  # renders now: every visible cell's data() is asked for
        return model

    cpu_start = time.process_time()
    seconds, model = timed(first_paint)
    cpu = time.process_time() - cpu_start  # what a quiet machine would wait (all of it is in this process)
    page = [row.values for row in records.list_rows(case, "incident", "code", "asc", "", 0, PAGE)]

    class Memory(QAbstractTableModel):  # the limit: the same page, already in memory
        def rowCount(self, parent=QModelIndex()):  # noqa: N802
            return len(page)

        def columnCount(self, parent=QModelIndex()):  # noqa: N802
            return len(page[0])

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return page[index.row()][index.column()] if role == Qt.ItemDataRole.DisplayRole else None

    bare_view = RecordTable()
    bare_view.resize(900, 700)
    bare_view.show()
    app.processEvents()
    cpu_start = time.process_time()
    bare_seconds, _ = timed(lambda: (bare_view.setModel(Memory()), bare_view.viewport().grab()))
    bare_cpu = time.process_time() - cpu_start

    def to_end():
        pages = 0
        while model.canFetchMore():
            model.fetchMore()
            pages += 1
        view.scrollToBottom()
        view.viewport().grab()
        return pages

    scroll, pages = timed(to_end)
    one, _ = timed(lambda: records.list_rows(case, "incident", "code", "asc", "", 0, model.total))
    total = model.total
    case.close(backup=False)
    return {"first_paint": seconds, "bare_paint": bare_seconds, "first_paint_cpu": cpu, "bare_paint_cpu": bare_cpu, "scroll_end": scroll, "one_query": one,
            "pages": pages, "total": total}


def longest_stall(app, until, begin=lambda: None) -> float:
    """The longest gap between 5 ms timer ticks (the window painting and
    answering) from ``begin()`` until ``until()`` is true. The window waits in
    its own event loop meanwhile, as it does for a documenter: a loop polling
    Qt would take the GIL from the work being measured a thousand times a second."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    clock, gaps, last = QElapsedTimer(), [], [0]
    loop = QEventLoop()

    def tick():
        now = clock.elapsed()
        gaps.append((now - last[0]) / 1000)
        last[0] = now
        if until():
            loop.quit()

    timer = QTimer(interval=5)
    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    QTimer.singleShot(0, begin)
    loop.exec()
    timer.stop()
    return max(gaps[1:] or [0.005]) - 0.005


def ui_stall(a: dict) -> dict:
    """The longest gap between 5 ms timer ticks in the window while the
    dossier is exported through the dossier dialog (a child process, as the
    window does it), against the same window idle. Without the dialog, the
    build runs in a ThreadJob, and the row says so."""
    from casefile.ui.app import make_app
    from casefile.ui.mainwindow import MainWindow

    app = make_app(sys.argv[:1])
    window = MainWindow()
    window.set_case(_open(a["case"]), remember=False)
    window.show()
    end = time.perf_counter() + a.get("idle", 1.0)
    idle = longest_stall(app, lambda: time.perf_counter() > end)
    out = Path(a["tmp"]) / "stall.pdf"
    case = window.case
    try:
        from casefile.ui.dialogs.dossier import DossierDialog
    except ImportError:
        DossierDialog = None
    if DossierDialog is not None:
        dialog = DossierDialog(case, window)
        dialog.incidents.setText(", ".join(a["codes"]))
        dialog.scope_incidents.setChecked(True)
        dialog.output.setText(str(out))
        dialog.show()
        app.processEvents()
        dialog.start_export()
        job, how = dialog.job, "dossier dialog, child process"
    else:
        from casefile.dossier.writer import write_dossier
        from casefile.ui.workers import ThreadJob

        job = ThreadJob(lambda progress, cancelled: write_dossier(
            case, out, incidents=a["codes"], progress=progress, cancelled=cancelled))
        job.start()
        how = "ThreadJob: no dossier dialog yet"
    stall = longest_stall(app, lambda: job.done)
    written = out.exists()
    window.close_case()
    out.unlink(missing_ok=True)
    return {"available": written, "why": "the export failed" if not written else "", "how": how,
            "stall": stall, "idle_stall": idle}


def ui_intake(a: dict) -> dict:
    """A file taken in through the window as a documenter adds it (the
    evidence intake's batch on its worker thread, the progress dialog up):
    seconds from asking to the batch being done, and the longest gap between
    5 ms timer ticks meanwhile (the window painting and answering)."""
    from _common import peak_memory, settle
    from _measure import drop, new_case

    from casefile.ui.app import make_app
    from casefile.ui.mainwindow import MainWindow

    app = make_app(sys.argv[:1])
    window = MainWindow()
    window.set_case(new_case(a["tmp"], a["variant"]), remember=False)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    done: list[tuple[float, object]] = []
    window.evidence_intake.batch_finished.connect(lambda result: done.append((time.perf_counter(), result)))
    settle()
    # Not tracing Python's allocations: each would cost the window's Python
    # (its timer, the progress, the views' refresh) time the user never pays.
    with peak_memory(trace=False) as peak:
        started = time.perf_counter()
        stall = longest_stall(app, lambda: bool(done), begin=lambda: window.evidence_intake.take_in([a["file"]]))
    ended, result = done[0]
    seconds = ended - started
    case = window.case
    window.close_case()  # the case was made without backups
    drop(case)  # its files
    if getattr(result, "errors", None):
        raise RuntimeError(str(result.errors))
    return {"seconds": seconds, "stall": stall, "rss_extra": peak.rss_extra}


if __name__ == "__main__":
    from _common import child_main

    CHILDREN = {"ui_list": ui_list, "ui_stall": ui_stall, "ui_intake": ui_intake}
    CHILDREN["ui_many"] = lambda a: [CHILDREN[name](args) for name, args in a["calls"]]
    if sys.argv[1:2] == ["--bare"]:
        bare()
    elif sys.argv[1:2] == ["--floor"]:
        floor_window(sys.argv[2])
    elif sys.argv[1:2] == ["--casefile"]:
        casefile_window(sys.argv[2])
    elif not child_main(CHILDREN):
        sys.exit(__doc__)
