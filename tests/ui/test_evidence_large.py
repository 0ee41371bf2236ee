"""A large file taken in through the window is written once (issue 22): the
case is lent to the intake's thread for the batch (``Case.sole_writer``), a
rollback journal instead of the WAL, while the window waits behind its
progress dialog, stores what was being typed first, and neither reads the
case nor lets a view ask for its next page until the file is in.

Real window, real case file, real bytes on disk: the bytes the process
wrote are counted from /proc/self/io."""

from __future__ import annotations

import hashlib
import importlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from casefile.model import Incident
from casefile.services import evidence, records
from casefile.ui.evidence.intake import EvidenceFileDialog, IntakeReportDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SIZE = 24 << 20


def bytes_written() -> int | None:
    """What this process has handed to write() so far (Linux)."""
    try:
        text = Path("/proc/self/io").read_text()
    except OSError:
        return None
    return int(next(line for line in text.splitlines() if line.startswith("wchar:")).split()[1])


@pytest.fixture
def large(tmp_path, monkeypatch):
    """A 24 MiB recording, large enough for the sole writer even in a test
    (``SOLE_FROM`` down to 1 MiB), chosen in the file dialog."""
    # the module, not the function of the same name that the package exports
    monkeypatch.setattr(importlib.import_module("casefile.services.evidence.intake"), "SOLE_FROM", 1 << 20)
    path = tmp_path / "recording.mp4"
    with open(path, "wb") as f:
        for _ in range(SIZE >> 20):
            f.write(os.urandom(1 << 20))
    monkeypatch.setattr(EvidenceFileDialog, "choose", classmethod(lambda cls, parent: ([str(path)], True)))
    monkeypatch.setattr(IntakeReportDialog, "report", classmethod(lambda cls, parent, result: (None, True)))
    return path


def test_a_large_file_is_written_once_while_the_window_waits(window, qtbot, large, paused_intake):
    inside, go = paused_intake
    case = window.case
    with case.session() as session:  # a list longer than one page, scrolled to its end below
        session.add_all(Incident(title=f"Detention {n}") for n in range(450))
    qtbot.waitUntil(lambda: window.view.list_model.rowCount() > 0)
    assert window.view.list_model.canFetchMore()
    incident = records.list_rows(case, "incident")[0].id
    window.open_record("incident", incident)
    title = window.editor.fields["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Detention at the roadblock")  # typed, the field not left

    case.release_wal()  # the list's rows folded into the case: from here on, what the intake writes
    before = bytes_written()
    window.activateWindow()
    qtbot.keyClick(window.view.table, Qt.Key.Key_E, CTRL_SHIFT)
    assert inside.wait(20)
    # Lent: no WAL, the window behind a modal progress dialog, its list asking for nothing.
    assert case.lent and not Path(f"{case.path}-wal").exists()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QProgressDialog) and dialog.isVisible()
    assert not window.view.list_model.canFetchMore()
    window.view.table.scrollToBottom()
    window.resize(1600, 1000)
    qtbot.wait(100)  # the window paints and handles events meanwhile; an exception in a slot fails the test

    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=30000):
        go.set()
    assert not case.lent
    case.release_wal()  # through the WAL, this is where each byte would be written a second time
    written = bytes_written()
    item = evidence.get(case, "EVI-0001")
    assert item.sha256 == hashlib.sha256(large.read_bytes()).hexdigest()
    assert records.get(case, "incident", incident)["title"] == "Detention at the roadblock"  # stored before
    with case.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    if before is not None and written is not None:
        # Through the WAL it would be twice the file: once into the log, once into the case.
        # Measured: 1.2x the file (its pages, and the journal's copies of the few it changed); 2.2x through the WAL.
        assert written - before < 1.5 * SIZE, (written - before) / SIZE
    # As for any file added: the new item opens, and its intake is one step to undo.
    qtbot.waitUntil(lambda: window.current_record == ("evidence", item.id))
    assert window.view.list_model.rowCount() == 1
    assert window.undo_stack.undoText() == "Take in recording.mp4"


def test_escape_cancels_a_large_intake_and_keeps_nothing(window, qtbot, large, paused_intake):
    inside, go = paused_intake
    case = window.case
    window.activateWindow()
    qtbot.keyClick(window.view.table, Qt.Key.Key_E, CTRL_SHIFT)
    assert inside.wait(20) and case.lent
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QProgressDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Cancel, from the keyboard
    # The window still waits behind the dialog: the case is lent until the intake has rolled back.
    assert dialog.isVisible() and dialog.labelText() == "Cancelling…" and case.lent
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=30000) as finished:
        go.set()
    assert finished.args[0].cancelled and not finished.args[0].taken
    assert not case.lent and not Path(f"{case.path}-journal").exists()
    assert records.list_rows(case, "evidence") == []
    with case.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("SELECT count(*) FROM chunk").scalar() == 0  # no byte of it stayed
