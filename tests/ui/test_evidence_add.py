"""Evidence without drag and drop (issue 16 item 2): Edit > Add Evidence Files…
(Ctrl+Shift+E, and New Record on the Evidence list) asks for several files at
once; "New Evidence from File…" in a record's Add Link menu takes files in and
links them; a file dropped on a text field of a record's editor is taken in and
linked instead of being typed into the field as file:///... text."""

from __future__ import annotations

import hashlib
import os

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QProgressDialog

from casefile.services import evidence, records
from casefile.services.evidence.intake import SOLE_FROM
from casefile.services.records import links
from casefile.ui.evidence.intake import EvidenceFileDialog, IntakeReportDialog, RelationDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "desktop"
    folder.mkdir()
    (folder / "recording.bin").write_bytes(bytes(range(256)) * 40)
    (folder / "statement.txt").write_text("Statement of the coordinator.\n", encoding="utf-8")
    return sorted(folder.iterdir())


@pytest.fixture
def chooser(monkeypatch):
    """The file dialog, answered with the files a test sets in ``chosen``; counts the times it was asked."""
    asked: list[int] = []
    chosen: list[str] = []

    def choose(cls, parent):
        asked.append(1)
        return list(chosen), bool(chosen)
    monkeypatch.setattr(EvidenceFileDialog, "choose", classmethod(choose))
    monkeypatch.setattr(IntakeReportDialog, "report", classmethod(lambda cls, parent, result: (None, True)))
    return asked, chosen


def _active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _evidence_rows(case):
    return [(row.values[0], records.get(case, "evidence", row.id)["original_name"])
            for row in records.list_rows(case, "evidence")]


def test_ctrl_shift_e_takes_several_files_in_and_opens_the_first(window, qtbot, files, chooser):
    asked, chosen = chooser
    chosen += [str(p) for p in files]
    _active(window, qtbot)
    window.view.table.setFocus()
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        qtbot.keyClick(window.view.table, Qt.Key.Key_E, CTRL_SHIFT)
    assert asked == [1]
    assert _evidence_rows(window.case) == [("EVI-0001", "recording.bin"), ("EVI-0002", "statement.txt")]
    for code, path in zip(("EVI-0001", "EVI-0002"), files):
        assert evidence.get(window.case, code).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    first = evidence.get(window.case, "EVI-0001").id
    qtbot.waitUntil(lambda: window.current_record == ("evidence", first))
    assert window.focusWidget() is window.editor.fields["title"]  # ready to name it
    assert window.undo_stack.count() == 1  # the batch is one step


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_the_report_of_files_not_taken_in_is_not_hidden_behind_the_progress(window, qtbot, tmp_path, chooser,
                                                                           monkeypatch):
    """The progress dialog of a large file shows at once; it has closed when
    the report of what was refused (a FIFO in place of a file) comes up."""
    asked, chosen = chooser
    large = tmp_path / "video.mp4"
    with open(large, "wb") as f:
        f.truncate(SOLE_FROM)  # large enough to go in through the sole writer, dialog up at once
    os.mkfifo(tmp_path / "pipe.jpg")
    chosen += [str(large), str(tmp_path / "pipe.jpg")]
    seen: list[tuple[list[str], list[str]]] = []

    def report(cls, parent, result):
        progress = [d.labelText() for d in window.findChildren(QProgressDialog) if d.isVisible()]
        seen.append((progress, [message for _name, message in result.errors]))
        return None, True
    monkeypatch.setattr(IntakeReportDialog, "report", classmethod(report))
    _active(window, qtbot)
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        qtbot.keyClick(window.view.table, Qt.Key.Key_E, CTRL_SHIFT)
    assert seen == [([], [f"{tmp_path / 'pipe.jpg'} is not a regular file"])]
    assert _evidence_rows(window.case) == [("EVI-0001", "video.mp4")]


def test_new_record_on_the_evidence_list_opens_the_file_dialog(window, qtbot, files, chooser):
    asked, chosen = chooser
    chosen.append(str(files[1]))
    _active(window, qtbot)
    qtbot.keyClick(window.view.table, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.view.kind == "evidence"
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        qtbot.keyClick(window.view.table, Qt.Key.Key_N, CTRL_SHIFT)
    assert asked == [1]
    assert _evidence_rows(window.case) == [("EVI-0001", "statement.txt")]


def test_cancelled_file_dialog_takes_nothing_in(window, qtbot, chooser):
    asked, _chosen = chooser
    _active(window, qtbot)
    qtbot.keyClick(window.view.table, Qt.Key.Key_E, CTRL_SHIFT)
    assert asked == [1]
    assert window.evidence_intake.job is None
    assert records.count_rows(window.case, "evidence") == 0


def test_add_files_action_is_in_the_edit_menu_with_its_shortcut(window):
    action = window.actions["add_evidence_files"]
    assert action in window.actions.menu("edit").actions()
    assert action.shortcut().toString() == "Ctrl+Shift+E"
    clashes = [a.text() for a in window.findChildren(type(action)) if a is not action
               and any(k == action.shortcut() for k in a.shortcuts())]
    assert clashes == []


def _add_link_menu(window) -> QMenu:
    return window.editor.links.add_button.menu()


def test_new_evidence_from_file_in_the_add_link_menu_links_it(window, qtbot, files, chooser, monkeypatch):
    _asked, chosen = chooser
    chosen.append(str(files[0]))
    monkeypatch.setattr(RelationDialog, "choose", classmethod(lambda cls, parent, target: ("depicts", True)))
    incident = records.create(window.case, "incident", title="Soldiers held at the roadblock")
    window.open_record("incident", incident)
    menu = _add_link_menu(window)
    entry = next(a for a in menu.actions() if a.text() == "New Evidence from File…")
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        entry.trigger()
    item = evidence.get(window.case, "EVI-0001")
    assert [(link.target_code, link.detail) for link in links.links_of(window.case, "evidence", item.id)] == [
        ("INC-0001", "depicts")]
    assert window.current_record == ("incident", incident)  # the documenter stays on the incident
    qtbot.waitUntil(lambda: any(i.target_code == "EVI-0001" for i in window.editor.links.items()))


@pytest.mark.parametrize("kind", ["actor", "source", "claim"])
def test_every_record_that_takes_evidence_offers_it(window, kind):
    record_id = records.create(window.case, kind, **{records.TITLE_FIELD[kind]: "X"})
    window.open_record(kind, record_id)
    assert "New Evidence from File…" in [a.text() for a in _add_link_menu(window).actions()]


def _drop_on(widget, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target = widget.viewport() if hasattr(widget, "viewport") else widget
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, event)
    return enter, event


@pytest.mark.parametrize("field, widget_type", [("title", QLineEdit), ("description", QPlainTextEdit)])
def test_a_file_dropped_on_a_text_field_is_taken_in_and_linked(window, qtbot, files, monkeypatch, field,
                                                               widget_type):
    monkeypatch.setattr(RelationDialog, "choose", classmethod(lambda cls, parent, target: ("supports", True)))
    monkeypatch.setattr(IntakeReportDialog, "report", classmethod(lambda cls, parent, result: (None, True)))
    incident = records.create(window.case, "incident", title="Detention", description="What happened.")
    window.open_record("incident", incident)
    widget = window.editor.fields[field]
    assert isinstance(widget, widget_type)
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        enter, drop = _drop_on(widget, [files[1]])
    assert enter.isAccepted() and drop.isAccepted()
    row = records.get(window.case, "incident", incident)
    assert (row["title"], row["description"]) == ("Detention", "What happened.")  # no file:/// typed in
    assert widget.value() == row[field]
    item = evidence.get(window.case, "EVI-0001")
    assert [(link.target_code, link.detail) for link in links.links_of(window.case, "evidence", item.id)] == [
        ("INC-0001", "supports")]


def test_text_dragged_onto_a_field_is_still_text(window):
    """Only files are taken over: dragging words between fields still works."""
    incident = records.create(window.case, "incident", title="Detention")
    window.open_record("incident", incident)
    widget = window.editor.fields["title"]
    mime = QMimeData()
    mime.setText("words")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()  # the line edit's own handling
    assert window.evidence_intake.job is None
