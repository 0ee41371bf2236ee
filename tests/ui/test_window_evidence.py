"""Evidence from the main window's side: linking through the links panel (custody
notes it) and Delete withdrawing rather than deleting, both undoable."""

from __future__ import annotations

from PIL import Image
from sqlalchemy import select

from casefile.model import CustodyEvent, Evidence, EvidenceLink
from casefile.services import records
from casefile.services.evidence.intake import intake
from casefile.ui import dialogs
from casefile.ui.actions import ActionId
from casefile.ui.editors.links import LinkDetailsDialog, _options
from casefile.ui.editors.picker import Choice, RecordPicker


def _photo(case, tmp_path):
    path = tmp_path / "roadblock.png"
    Image.new("RGB", (8, 8), "red").save(path)
    return intake(case, path)


def test_link_evidence_from_an_incident_and_undo(window, tmp_path, monkeypatch):
    case = window.case
    item = _photo(case, tmp_path)
    incident = records.create(case, "incident", title="Roadblocks")
    window.open_record("incident", incident)
    monkeypatch.setattr(RecordPicker, "pick", classmethod(lambda cls, *a, **k: (Choice("evidence", item.id), True)))
    monkeypatch.setattr(LinkDetailsDialog, "get_details",
                        classmethod(lambda cls, *a, **k: ({"relation": "depicts"}, True)))
    option = next(o for o in _options("incident") if o.link_kind == "evidence_link")
    assert window.editor.links.add(option)
    assert [(i.group, i.target_code, i.detail) for i in window.editor.links.items()] == [
        ("evidence", item.code, "depicts")]
    with case.connection() as conn:
        assert conn.scalar(select(EvidenceLink.relation)) == "depicts"
        assert "linked" in conn.scalars(select(CustodyEvent.action)).all()
    window.undo_stack.undo()
    with case.connection() as conn:
        assert conn.scalar(select(EvidenceLink.id)) is None
        assert "unlinked" in conn.scalars(select(CustodyEvent.action)).all()
    window.undo_stack.redo()
    assert len(window.editor.links.items()) == 1


def test_delete_withdraws_evidence_and_undo_reinstates(window, tmp_path, monkeypatch):
    case = window.case
    item = _photo(case, tmp_path)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    window.open_record("evidence", item.id)
    window.actions[ActionId.DELETE_RECORD].trigger()
    with case.connection() as conn:
        assert conn.scalar(select(Evidence.withdrawn)) is True
    window.undo_stack.undo()
    with case.connection() as conn:
        assert conn.scalar(select(Evidence.withdrawn)) is False


def test_picker_dialog_by_keyboard_and_link_details(window, qtbot):
    from PySide6.QtCore import Qt

    case = window.case
    records.create(case, "actor", name="Army patrol")
    records.create(case, "actor", name="Army base")
    picker = RecordPicker(window, case, "actor")
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.query, "army")
    qtbot.waitUntil(lambda: picker.model.query == "army")
    qtbot.keyClick(picker.query, Qt.Key.Key_Down)
    qtbot.keyClick(picker.query, Qt.Key.Key_Down)  # past both actors: "Create new actor “army”"
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    assert picker.result() == picker.DialogCode.Accepted
    assert picker.chosen() == Choice("actor", None, "army")
    details = LinkDetailsDialog(window, case, "involvement")
    qtbot.addWidget(details)
    details.combos["role"].setCurrentIndex(details.combos["role"].findData("detained"))
    details.head_count.setText("sixty")
    details._accept()
    assert "whole number" in details.problem.text() and not details.result()
    details.head_count.setText("60")
    details.approximate.setChecked(True)
    details._accept()
    assert details.values() == {"role": "detained", "degree": "", "head_count": 60, "head_count_approximate": True}
