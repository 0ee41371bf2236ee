"""Source > Add Saved Web Page… in the window: the page is taken in as the open
source's evidence, its text appears in the reader, and one Ctrl+Z takes back
both the item and what it gave the source."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from casefile.model import Evidence
from casefile.services import records
from casefile.ui import dialogs
from casefile.ui.actions import ActionId
from tests.services.test_saved_pages import FIRST, URL, chrome_mhtml


@pytest.fixture
def source_open(window):
    ident = records.create(window.case, "source", title="InSight Crime: vigilantes detain soldiers")
    window.open_record("source", ident)
    assert window.source_reader is not None
    return ident


def test_add_saved_web_page_fills_the_reader_and_one_undo_takes_it_back(qtbot, window, source_open, tmp_path,
                                                                        monkeypatch):
    page = chrome_mhtml(tmp_path)
    monkeypatch.setattr(dialogs, "open_saved_page", lambda parent: (str(page), True))
    reader = window.source_reader
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        window.actions[ActionId.ADD_SAVED_PAGE].trigger()
    qtbot.waitUntil(lambda: FIRST in reader.text, timeout=5000)
    assert FIRST in reader.view.toPlainText()
    source = records.get(window.case, "source", source_open)
    assert source["url"] == URL and source["accessed"] == "2013-08-06"
    with window.case.Session() as s:
        item = s.query(Evidence).one()
        assert item.origin == URL and not item.withdrawn
    assert window.undo_stack.undoText().startswith("Take in vigilantes.mhtml")

    window.activateWindow()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key_Z, Qt.ControlModifier)
    qtbot.waitUntil(lambda: reader.text == "", timeout=5000)
    source = records.get(window.case, "source", source_open)
    assert source["url"] == "" and source["accessed"] is None and source["text"] == ""
    with window.case.Session() as s:
        assert s.query(Evidence).one().withdrawn
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: FIRST in reader.text, timeout=5000)
    assert records.get(window.case, "source", source_open)["url"] == URL


def test_a_source_with_a_text_is_asked_before_the_pages_replaces_it(qtbot, window, tmp_path, monkeypatch):
    ident = records.create(window.case, "source", title="Printed", text="The printed edition.")
    window.open_record("source", ident)
    page = chrome_mhtml(tmp_path)
    asked = []
    monkeypatch.setattr(dialogs, "open_saved_page", lambda parent: (str(page), True))
    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kwargs: asked.append(args) or False)
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        window.actions[ActionId.ADD_SAVED_PAGE].trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert "has a text of its own" in asked[0][2]
    assert records.get(window.case, "source", ident)["text"] == "The printed edition."  # she said no


def test_a_source_whose_text_she_agrees_to_replace_gets_the_pages(qtbot, window, tmp_path, monkeypatch):
    ident = records.create(window.case, "source", title="Printed", text="The printed edition.")
    window.open_record("source", ident)
    page = chrome_mhtml(tmp_path)
    monkeypatch.setattr(dialogs, "open_saved_page", lambda parent: (str(page), True))
    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kwargs: True)
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        window.actions[ActionId.ADD_SAVED_PAGE].trigger()
    qtbot.waitUntil(lambda: FIRST in records.get(window.case, "source", ident)["text"], timeout=10000)
    assert FIRST in window.source_reader.text
    window.undo_stack.undo()  # the replaced text, one step of its own
    assert records.get(window.case, "source", ident)["text"] == "The printed edition."
