"""Small keys (issue 16 item 9): Escape clears the list filter; the empty
Evidence pane says how files come in; the Add Link menu opens on its first
entry; Help > Keyboard Shortcuts (F1) lists every shortcut of every action,
in the interface's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from casefile.services import evidence, records
from casefile.ui.dialogs.shortcuts import ShortcutsDialog, plain, typeable
from casefile.ui.editors.picker import RecordPicker
from casefile.ui.evidence.intake import IntakeReportDialog
from casefile.ui.language import install_translators
from casefile.ui.mainwindow import MainWindow

NATIVE = QKeySequence.SequenceFormat.NativeText


def _active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_escape_clears_the_filter_then_goes_back_to_the_list(window, qtbot):
    records.create(window.case, "incident", title="Detention at the roadblock")
    records.create(window.case, "incident", title="Takeover of Ayutla")
    _active(window, qtbot)
    qtbot.keyClick(window.view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    box = window.view.filter_box
    assert QApplication.focusWidget() is box
    qtbot.keyClicks(box, "ayutla")
    qtbot.waitUntil(lambda: window.view.list_model.rowCount() == 1)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    qtbot.waitUntil(lambda: window.view.list_model.rowCount() == 2)  # the whole list again
    assert QApplication.focusWidget() is box
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.view.table


def test_the_empty_evidence_pane_says_what_works_and_takes_a_drop(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(IntakeReportDialog, "report", classmethod(lambda cls, parent, result: (None, True)))
    _active(window, qtbot)
    qtbot.keyClick(window.view.table, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    placeholder = window.view.placeholder
    assert placeholder.isVisible()
    add = window.actions["add_evidence_files"].shortcut().toString(NATIVE)
    assert add in placeholder.text() and "drop" in placeholder.text() and "drag" not in placeholder.text()
    path = tmp_path / "photo.bin"
    path.write_bytes(b"evidence bytes")
    from tests.ui.test_evidence_add import _drop_on

    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        _drop_on(placeholder, [path])
    assert evidence.get(window.case, "EVI-0001").original_name == "photo.bin"
    qtbot.keyClick(window.view.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert "drop" not in window.view.placeholder.text()  # the other lists keep their own hint


def test_the_add_link_menu_opens_on_its_first_entry(window, qtbot, monkeypatch):
    picked = []
    monkeypatch.setattr(RecordPicker, "pick", classmethod(lambda cls, parent, case, kind, *a, **k:
                                                          picked.append(kind) or (None, False)))
    incident = records.create(window.case, "incident", title="Takeover")
    window.open_record("incident", incident)
    button = window.editor.links.add_button
    menu = button.menu()
    _active(window, qtbot)
    button.setFocus()
    highlighted = []

    def look() -> None:
        highlighted.append(menu.activeAction())
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(50, look)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(picked), timeout=3000)
    assert highlighted == [menu.actions()[0]]
    assert picked == ["actor"]  # Enter took the first entry, "Actor involved…"


@pytest.fixture(params=["en", "es"])
def speaking(request, qapp, qtbot, case):
    install_translators(qapp, request.param)
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_case(case, remember=False)
    win.show()
    yield request.param, win
    win.close()
    install_translators(qapp, "en")


def _f1_rows(window, qtbot) -> list:
    rows = []

    def read() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ShortcutsDialog)
        table = dialog.table
        rows.extend(tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount()))
        dialog.reject()

    _active(window, qtbot)
    QTimer.singleShot(0, read)
    qtbot.keyClick(window.view.table, Qt.Key.Key_F1)
    return rows


def test_f1_lists_every_shortcut_of_every_action_in_the_interface_language(speaking, qtbot):
    lang, window = speaking
    rows = _f1_rows(window, qtbot)
    listed = {(keys, text) for keys, text, _menu in rows}
    missing = []
    for action in {*window.findChildren(QAction), *QWidget.actions(window)}:
        keys = [k.toString(NATIVE) for k in action.shortcuts() if typeable(k)]
        row = next((r for r in rows if set(keys) <= set(r[0].split(", ")) and keys), None)
        if keys and (row is None or row[1] not in (plain(action.text()), "Undo", "Redo", "Deshacer", "Rehacer")):
            missing.append((keys, action.text()))
    assert missing == []
    add = window.actions["add_evidence_files"]
    assert (add.shortcut().toString(NATIVE), plain(add.text())) in listed
    if lang == "es":  # the keys too are named in the interface's language
        assert add.shortcut().toString(NATIVE) == "Control+Mayúsculas+E"
    texts = {text for _keys, text, _menu in rows}
    quit_keys = ", ".join(k.toString(NATIVE) for k in window.actions["quit"].shortcuts())
    assert (quit_keys, plain(window.actions["quit"].text())) in listed
    assert ("Salir" if lang == "es" else "Quit") in texts
    assert ("Filtrar la lista" if lang == "es" else "Filter the List") in texts
    assert any(keys == "F1" for keys, _t, _m in rows)
    assert not any("Help" in keys.split(", ") for keys, _t, _m in rows)  # keys a laptop has
    assert window.actions["keyboard_shortcuts"] in window.actions.menu("help").actions()


README = Path(__file__).resolve().parents[2] / "README.md"


def _readme_keys() -> set[str]:
    """The keys column of the README's keyboard table, one key per entry:
    "Ctrl+N / Ctrl+O" and "Ctrl+F, Esc" are two each, "Ctrl+1 … Ctrl+6" six."""
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index("| keys | does |")
    keys: set[str] = set()
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cell = line.split("|")[1].strip()
        for part in re.split(r" / |, ", cell):
            if " … " in part:
                first, last = part.split(" … ")
                prefix = first[:-1]
                keys.update(f"{prefix}{n}" for n in range(int(first[-1]), int(last[-1]) + 1))
            else:
                keys.add(part.strip())
    return keys


def test_the_readme_keyboard_table_matches_f1(window, qtbot):
    """Every shortcut Help > Keyboard Shortcuts lists is in the README's table, and
    every key the table names does something: an action's shortcut, or one of the
    few keys of a widget (a button's Alt letter, Escape in the filter)."""
    rows = _f1_rows(window, qtbot)
    f1 = {key for keys, _text, _menu in rows for key in keys.split(", ")}
    readme = _readme_keys()
    widget_keys = {"Alt+K", "Esc"}  # Add Link's mnemonic; Escape in the filter and in a progress dialog
    assert sorted(f1 - readme) == [], f"add these to the README's keyboard table: {sorted(f1 - readme)}"
    assert sorted(readme - f1 - widget_keys) == [], f"the README names keys that do nothing: {sorted(readme - f1 - widget_keys)}"
