"""The place editor's name field offers towns from the offline gazetteer;
choosing one fills the place as one undoable change."""

from __future__ import annotations

import socket

from PySide6.QtCore import Qt

from casefile.services import records
from casefile.ui.editors.fields import GazetteerField


def test_typing_ayutla_offers_the_town_and_choosing_fills_the_place(window, qtbot, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("the gazetteer opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    place = records.create(window.case, "place", name="Lugar")
    window.open_record("place", place)
    field = window.editor.fields["name"]
    assert isinstance(field, GazetteerField)
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Ayutla de los")
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=5_000)
    assert "Ayutla de los Libres — Guerrero, Mexico" in popup.model().index(0, 0).data()
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    row = records.get(window.case, "place", place)
    assert row["name"] == "Ayutla de los Libres"
    assert abs(row["latitude"] - 16.96) < 0.05 and abs(row["longitude"] + 99.09) < 0.05
    assert (row["state"], row["country"], row["precision"]) == ("Guerrero", "Mexico", "nearby")
    assert window.undo_stack.count() == 1
    assert "gazetteer" in window.undo_stack.undoText()
    window.undo_stack.undo()
    row = records.get(window.case, "place", place)
    assert row["name"] == "Lugar" and row["latitude"] is None


def test_a_name_typed_without_choosing_is_only_a_name(window, qtbot):
    place = records.create(window.case, "place", name="Lugar")
    window.open_record("place", place)
    field = window.editor.fields["name"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Casa <b>segura</b>")
    field.completer().popup().hide()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    row = records.get(window.case, "place", place)
    assert row["name"] == "Casa <b>segura</b>" and row["latitude"] is None
