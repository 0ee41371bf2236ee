"""Hostile strings typed into fields are stored and shown literally, everywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from casefile.services import records
from casefile.ui.dialogs.search_popup import SearchResultsModel
from casefile.ui.editors.picker import PickerModel

HOSTILE = [
    "<b>bold</b> &amp; <i>it</i>",
    '<img src="file:///etc/passwd"> <font color="red">red</font>',
    '" AND NEAR( * - OR title:x',
    "شاهد محمي \u202eevil\u202c عربي",
    "Pla\u0301cido Z\u0351\u0352a\u0353lgo",
    "Tab\there\u200bzero-width",
]


def test_hostile_titles_are_shown_literally(window, qtbot):
    for text in HOSTILE:  # one window for all: each case file takes a second to make
        _check_title(window, qtbot, text)


def _check_title(window, qtbot, text):
    window.show_kind("incident")
    window.new_record()
    editor = window.editor
    field = editor.fields["title"]
    field.setFocus()
    field.selectAll()
    field.insert(text)  # what typing or pasting does
    qtbot.keyClick(field, Qt.Key.Key_Return)
    record_id = window.current_record[1]
    assert records.get(window.case, "incident", record_id)["title"] == text.strip()
    stored = text.strip()
    # the editor heading and every label showing user data are plain text
    assert editor.heading.text().endswith(stored)
    for label in editor.findChildren(QLabel):
        if stored in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText
    model = window.view.list_model
    row = model.row_of(record_id)
    assert model.index(row, 1).data() == stored
    picker = PickerModel(window.case, "incident")
    picker.set_query("")
    assert any(stored in (picker.index(r).data() or "") for r in range(picker.rowCount()))
    search = SearchResultsModel(window.case)
    search.set_query(text)  # never raises, whatever the syntax


def test_hostile_text_in_links_and_banner(window):
    case = window.case
    incident = records.create(case, "incident", title="Detention")
    actor = records.create(case, "actor", name=HOSTILE[1], protected=True, pseudonym=HOSTILE[0])
    records.create_link(case, "involvement", incident_id=incident, actor_id=actor, role="witness")
    window.open_record("actor", actor)
    assert HOSTILE[0] in window.editor.banner.text()
    assert window.editor.banner.textFormat() == Qt.TextFormat.PlainText
    window.open_record("incident", incident)
    item = window.editor.links.tree.topLevelItem(0).child(0)
    assert item.text(0) == f"ACT-0001  {HOSTILE[1]}"


def test_very_long_and_nul_text_round_trips(window, qtbot):
    incident = records.create(window.case, "incident", title="Long")
    window.open_record("incident", incident)
    long_text = ("Testimonio " * 50_000) + "fin"
    field = window.editor.fields["description"]
    field.setPlainText(long_text)
    window.editor.commit_pending()
    assert records.get(window.case, "incident", incident)["description"] == long_text
    window.editor.fields["notes"].setPlainText("a\x00b")
    window.editor.commit_pending()
    assert records.get(window.case, "incident", incident)["notes"] in ("a\x00b", "ab")
