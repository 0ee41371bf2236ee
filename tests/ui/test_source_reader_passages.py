"""The source reader by keys: a claim and an incident made from a passage come
filled with what the text says; names the case knows are underlined, and
Ctrl+Shift+M links one to the claim being written or makes one from the words."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from casefile.model import ClaimRelay, ClaimSubject
from casefile.services import records

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TEXT = ("Clashes began on August 5, when a military patrol detained members of the local “community police” "
        "from the Ayutla municipality.\n\nBruno Placido Valerio, coordinator of the UPOEG, also denounced "
        "military collusion. Placido told La Jornada that people had witnessed strange men dressed in black "
        "in the communities.")


def _case(case) -> dict[str, int]:
    ids = {"read": records.create(case, "source", title="Vigilantes detain 60 soldiers", outlet="InSight Crime",
                                  published="2013-08-09", text=TEXT),
           "jornada": records.create(case, "source", title="Denuncia la UPOEG", outlet="La Jornada"),
           "milenio": records.create(case, "source", title="Toman el palacio", outlet="Milenio"),
           "interview": records.create(case, "source", title="Entrevista", source_kind="interview"),
           "bruno": records.create(case, "actor", name="Bruno Plácido Valerio", category="person",
                                   aliases="Placido"),
           "upoeg": records.create(case, "actor", name="UPOEG", category="group"),
           "ayutla": records.create(case, "place", name="Ayutla")}
    for cited in ("milenio", "jornada"):
        records.create_link(case, "source_citation", source_id=ids["read"], cited_id=ids[cited])
    records.create_link(case, "source_citation", source_id=ids["jornada"], cited_id=ids["interview"])
    return ids


def _reader(qtbot, window, source_id: int):
    window.open_record("source", source_id)
    reader = window.source_reader
    reader.show_passage(0, 0)
    assert QApplication.focusWidget() is reader.view
    return reader


def _select(qtbot, reader, start: int, end: int) -> None:
    """Move the text's cursor to ``start`` and select to ``end``, with keys."""
    view = reader.view
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(start):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    for _ in range(end - start):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert reader.selection_offsets() == ((start, end) if end > start else None)


def _answer_menu(qtbot, *keys) -> list[str]:
    """Press ``keys`` in the popup menu that opens next; return its entries."""
    seen: list[str] = []

    def press() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, press)
            return
        seen.extend(action.text() for action in menu.actions())
        for key in keys:
            qtbot.keyClick(menu, key)
    QTimer.singleShot(0, press)
    return seen


def test_claim_from_selection_is_filled_from_the_text(qtbot, window):
    case = window.case
    ids = _case(case)
    reader = _reader(qtbot, window, ids["read"])
    start, end = TEXT.index("people had"), TEXT.index(" in the communities")
    reader.select_offsets(start, end)
    qtbot.keyClick(reader.view, Qt.Key.Key_C, CTRL_SHIFT)
    kind, claim_id = window.current_record
    assert kind == "claim" and QApplication.focusWidget() is window.editor.fields["summary"]
    claim = records.get(case, "claim", claim_id)
    assert (claim["source_id"], claim["quote"], claim["quote_start"], claim["quote_end"]) == (
        ids["read"], TEXT[start:end], start, end)
    assert claim["claimant_id"] == ids["bruno"]  # named by the passage's sentence
    assert (claim["origin_id"], claim["origin_status"]) == (ids["interview"], "located")
    assert claim["quote_kind"] == "paraphrase" and claim["claimed_on"] == "2013-08-09"
    with case.session() as session:
        assert list(session.scalars(select(ClaimRelay.source_id).where(ClaimRelay.claim_id == claim_id))) == [
            ids["jornada"]]
    assert "ACT-0001" in window.statusBar().currentMessage()
    assert window.undo_stack.undoText() == "Claim from selection"
    window.undo_stack.undo()  # one step takes the claim and its relay back
    with case.session() as session:
        assert session.scalars(select(ClaimRelay)).all() == []
    assert records.count_rows(case, "claim") == 0


def test_incident_from_selection_by_keys(qtbot, window):
    case = window.case
    ids = _case(case)
    quoted = records.create(case, "claim", summary="Patrol detained police", source_id=ids["read"],
                            quote_start=17, quote_end=60)
    reader = _reader(qtbot, window, ids["read"])
    end = TEXT.index(" municipality.") + len(" municipality.")
    _select(qtbot, reader, 0, end)
    qtbot.keyClick(reader.view, Qt.Key.Key_I, CTRL_SHIFT)
    kind, incident_id = window.current_record
    assert kind == "incident" and QApplication.focusWidget() is window.editor.fields["title"]
    incident = records.get(case, "incident", incident_id)
    assert incident["title"].startswith("Clashes began on August 5, when a military patrol")
    assert (incident["start_date"], incident["start_qualifier"]) == ("2013-08-05", "exact")
    assert incident["place_id"] == ids["ayutla"]
    assert TEXT[:end] in incident["description"] and "SRC-0001" in incident["description"]
    with case.session() as session:
        assert session.scalars(select(ClaimSubject.claim_id).where(
            ClaimSubject.incident_id == incident_id)).all() == [quoted]
    assert "2013-08-05" in window.statusBar().currentMessage()
    assert window.undo_stack.undoText() == "Incident from selection"
    window.undo_stack.undo()
    assert records.count_rows(case, "incident") == 0
    with case.session() as session:
        assert session.scalars(select(ClaimSubject)).all() == []


def test_names_the_case_knows_are_underlined(qtbot, window):
    ids = _case(window.case)
    reader = _reader(qtbot, window, ids["read"])
    underlined = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in reader.view.extraSelections()
                  if s.format.fontUnderline()]
    expected = [(TEXT.index(name), TEXT.index(name) + len(name))
                for name in ("Ayutla", "Bruno Placido Valerio", "UPOEG", "Placido told")]
    expected[-1] = (expected[-1][0], expected[-1][0] + len("Placido"))
    assert underlined == expected
    assert "mention" in reader.info.text()
    # a new actor named in the text is underlined as soon as it is stored
    records.create(window.case, "actor", name="La Jornada", category="organisation")
    QApplication.processEvents()
    assert len([s for s in reader.view.extraSelections() if s.format.fontUnderline()]) == 5


def test_ctrl_shift_m_makes_the_named_actor_the_claimant(qtbot, window):
    case = window.case
    ids = _case(case)
    claim = records.create(case, "claim", summary="Men in black", source_id=ids["read"],
                           quote_start=TEXT.index("people had"), quote_end=len(TEXT) - 1)
    reader = _reader(qtbot, window, ids["read"])
    _select(qtbot, reader, TEXT.index("Placido told") + 2, TEXT.index("Placido told") + 2)  # the cursor in it
    seen = _answer_menu(qtbot, Qt.Key.Key_Return)
    qtbot.keyClick(reader.view, Qt.Key.Key_M, CTRL_SHIFT)
    assert seen[0] == "Claimant of CLM-0001: ACT-0001 Bruno Plácido Valerio"
    assert records.get(case, "claim", claim)["claimant_id"] == ids["bruno"]
    assert window.undo_stack.undoText() == "Claimant from the text"


def test_ctrl_shift_m_on_unknown_words_makes_a_place(qtbot, window):
    case = window.case
    ids = _case(case)
    reader = _reader(qtbot, window, ids["read"])
    start = TEXT.index("the communities")
    _select(qtbot, reader, start + 4, start + len("the communities"))
    seen = _answer_menu(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Return)
    qtbot.keyClick(reader.view, Qt.Key.Key_M, CTRL_SHIFT)
    assert seen == ["New Actor “communities”", "New Place “communities”"]
    kind, place_id = window.current_record
    assert kind == "place" and records.get(case, "place", place_id)["name"] == "communities"
    assert window.focusWidget() is window.editor.fields["name"]  # offscreen, the closed popup leaves no active window
    assert window.undo_stack.undoText() == "New place from the text"


def test_find_in_text_by_keys(qtbot, window):
    """Ctrl+Shift+F from anywhere in the source: what she types is selected as she types
    it, without its accents or line breaks; Down goes to the next place, Up back, and
    Enter to the text with the place selected, ready for Ctrl+Shift+C."""
    case = window.case
    ids = _case(case)
    window.open_record("source", ids["read"])
    reader = window.source_reader
    window.editor.fields["title"].setFocus()  # the details tab, not the text
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, CTRL_SHIFT)
    assert QApplication.focusWidget() is reader.find_field and reader.isVisible()
    qtbot.keyClicks(reader.find_field, "PLÁCIDO")  # an accent the text does not have
    first = TEXT.index("Placido")
    assert reader.selection_offsets() == (first, first + len("Placido"))
    assert reader.found.text() == "1 of 2"
    qtbot.keyClick(reader.find_field, Qt.Key.Key_Down)
    second = TEXT.index("Placido", first + 1)
    assert reader.selection_offsets() == (second, second + len("Placido"))
    qtbot.keyClick(reader.find_field, Qt.Key.Key_Down)  # round to the first again
    assert reader.selection_offsets()[0] == first
    qtbot.keyClick(reader.find_field, Qt.Key.Key_Up)
    assert reader.selection_offsets()[0] == second
    qtbot.keyClick(reader.find_field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(reader.find_field, "municipality. bruno")  # across the paragraph break
    start = TEXT.index("municipality.")
    assert reader.selection_offsets() == (start, TEXT.index("Bruno") + len("Bruno"))
    qtbot.keyClicks(reader.find_field, " nobody")
    assert reader.found.text() == "Not found" and reader.selection_offsets() == (start, TEXT.index("Bruno") + 5)
    for _ in range(len(" nobody")):
        qtbot.keyClick(reader.find_field, Qt.Key.Key_Backspace)
    qtbot.keyClick(reader.find_field, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is reader.view and reader.can_claim
    qtbot.keyClick(reader.view, Qt.Key.Key_C, CTRL_SHIFT)
    kind, claim_id = window.current_record
    assert kind == "claim"
    assert records.get(case, "claim", claim_id)["quote"] == TEXT[start:TEXT.index("Bruno") + 5]
