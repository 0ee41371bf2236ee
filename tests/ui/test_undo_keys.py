"""Ctrl+Z and the redo keys where a text field has the keyboard: the field's
own typing first, then the case's history. After Add Evidence Files or New
Record the keyboard waits in the new record's title; Ctrl+Z there must take
the new record back, not do nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from casefile.services import evidence, records
from casefile.ui.actions import ActionId
from casefile.ui.evidence.intake import EvidenceFileDialog, IntakeReportDialog

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _withdrawn(case, code: str) -> bool:
    return bool(records.get(case, "evidence", evidence.get(case, code).id)["withdrawn"])


def test_ctrl_z_in_the_new_items_title_takes_the_intake_back(active, qtbot, tmp_path, monkeypatch):
    window = active
    (tmp_path / "recording.bin").write_bytes(bytes(range(256)) * 40)
    monkeypatch.setattr(EvidenceFileDialog, "choose", classmethod(lambda cls, parent: ([str(tmp_path / "recording.bin")],
                                                                                         True)))
    monkeypatch.setattr(IntakeReportDialog, "report", classmethod(lambda cls, parent, result: (None, True)))
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        qtbot.keyClick(window.view.table, Qt.Key.Key_E, CTRL_SHIFT)
    title = window.editor.fields["title"]
    qtbot.waitUntil(lambda: window.focusWidget() is title)
    assert isinstance(title, QLineEdit) and not title.isUndoAvailable()
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: _withdrawn(window.case, "EVI-0001"), timeout=5000)
    assert window.undo_stack.index() == 0
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Z, CTRL_SHIFT)  # redo: back again
    qtbot.waitUntil(lambda: not _withdrawn(window.case, "EVI-0001"), timeout=5000)


def test_typing_is_undone_in_the_field_first_then_the_record(active, qtbot):
    window = active
    window.actions[ActionId.NEW_RECORD].trigger()
    title = window.editor.fields["title"]
    qtbot.waitUntil(lambda: window.focusWidget() is title)
    created, named = window.current_record, title.text()
    qtbot.keyClicks(title, "Roadblock")
    assert title.text() != named
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)  # the field's own typing
    assert title.text() == named and window.current_record == created
    assert records.get(window.case, created[0], created[1]) is not None
    while title.isUndoAvailable():
        qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)  # nothing left in the field: the new record goes
    qtbot.waitUntil(lambda: window.undo_stack.index() == 0, timeout=5000)
    assert window.focusWidget() is window.view.table  # the keyboard back in the list, not lost
