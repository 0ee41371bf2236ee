"""The window's keys where a text field has the keyboard. Ctrl+Z and the redo
keys: the field's own typing first, then the case's history (after Add
Evidence Files or New Record the keyboard waits in the new record's title;
Ctrl+Z there must take the new record back, not do nothing). The window's
other shortcuts: the window's, on X11 too (``FieldKeys``)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from casefile.services import evidence, records
from casefile.ui.actions import ActionId
from casefile.ui.evidence.intake import EvidenceFileDialog, IntakeReportDialog
from tests.fixtures.xserver import run_on_x

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
    qtbot.waitUntil(lambda: window.editor.banner.isVisible())  # the item stays shown, and says it is withdrawn
    assert window.editor.banner.text().startswith("Withdrawn:")
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Z, CTRL_SHIFT)  # redo: back again
    qtbot.waitUntil(lambda: not _withdrawn(window.case, "EVI-0001"), timeout=5000)
    qtbot.waitUntil(lambda: not window.editor.banner.isVisible())


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


ON_X = r"""
import json, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

app = QApplication([])
assert app.platformName() == "xcb", app.platformName()
from casefile.services.sample import create_demo_case
from casefile.ui.dialogs.dossier import DossierDialog
from casefile.ui.mainwindow import MainWindow

exported = []
DossierDialog.export = classmethod(lambda cls, *args, **kwargs: exported.append(1))
case = create_demo_case(Path(tempfile.mkdtemp()) / "sample.casefile")
window = MainWindow()
window.set_case(case, remember=False)
window.show()
window.activateWindow()
QTest.qWaitForWindowActive(window)
window.open_record("incident", 1)
title, description = window.editor.fields["title"], window.editor.fields["description"]
title.setFocus()
QTest.qWait(50)
QTest.keyClick(title, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Export Dossier, from the title
swallowed = []
for field in (title, description):
    field.setFocus()
    QTest.qWait(20)
    for action in window.actions():
        for key in action.shortcuts():
            text = key.toString()
            if key.count() != 1 or not action.isEnabled() or not text.startswith(("Ctrl+", "Alt+")):
                continue
            if text in ("Ctrl+A", "Ctrl+C", "Ctrl+V", "Ctrl+X"):
                continue
            combo = key[0]
            override = QKeyEvent(QEvent.Type.ShortcutOverride, combo.key(), combo.keyboardModifiers())
            QApplication.sendEvent(field, override)
            if override.isAccepted():
                swallowed.append(f"{type(field).__name__} {text} ({action.text()})")
window.close()
case.close()
print(json.dumps({"exported": len(exported), "swallowed": swallowed}))
"""


def test_on_x11_every_window_shortcut_works_from_a_text_field(x_display, tmp_path):
    """On X11 a line edit claims Ctrl+E (to the end of the line): Export Dossier
    did nothing from a record's title. Each of the window's shortcuts with Ctrl
    or Alt now reaches the window from a line and a text field (copy, cut,
    paste and select all stay the field's; undo is the field's while it has
    typing of its own, above)."""
    done = run_on_x(x_display, ON_X, tmp_path)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == {"exported": 1, "swallowed": []}
