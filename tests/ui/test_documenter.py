"""A documenter records the soldiers' detention incident through the window,
undoes and redoes every step, and the case file holds exactly what she did."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from casefile.model import Actor, Claim, Incident, Involvement, Place, Source
from casefile.services import records
from casefile.store import Case
from casefile.ui import dialogs
from casefile.ui.actions import ActionId
from casefile.ui.editors.links import LinkDetailsDialog
from casefile.ui.editors.picker import Choice, RecordPicker
from casefile.ui.mainwindow import MainWindow
from casefile.ui.welcome import NewCaseDialog

REPORT = Path("/work/shared/samples/news-report-guerrero-2013.txt")
TEXT = ("Bruno Placido Valerio, coordinator for one of the most prominent groups, the Union of the People and "
        "Organizations of the State of Guerrero (UPOEG) also took the opportunity to denounce military collusion "
        "with criminal elements. Placido told La Jornada that people had witnessed strange men dressed in black "
        "in the communities, who he said were members of paramilitary or organized crime groups that worked "
        "with the army.")
PASSAGE = "people had witnessed strange men dressed in black in the communities"


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def pick(monkeypatch, choice: Choice) -> None:
    monkeypatch.setattr(RecordPicker, "pick", classmethod(lambda cls, *a, **k: (choice, True)))


def details(monkeypatch, values: dict) -> None:
    monkeypatch.setattr(LinkDetailsDialog, "get_details", classmethod(lambda cls, *a, **k: (values, True)))


def counts(path: Path) -> dict:
    with Case.open(path) as case, case.connection() as conn:
        return {cls.__name__: conn.scalar(select(func.count()).select_from(cls))
                for cls in (Incident, Place, Actor, Involvement, Source, Claim)}


def test_documenter_records_the_detention_then_undoes_and_redoes_it(qtbot, tmp_path, monkeypatch):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    path = tmp_path / "guerrero.casefile"
    monkeypatch.setattr(NewCaseDialog, "get_new_case",
                        classmethod(lambda cls, parent: (("Guerrero 2013", "Ana", path), True)))
    window.actions[ActionId.NEW_CASE].trigger()
    assert window.case is not None and window.case.path == path

    # The incident, its date typed as she would say it, its place created on the spot.
    window.actions[ActionId.NEW_RECORD].trigger()
    editor = window.editor
    type_into(qtbot, editor.fields["title"], "About 60 soldiers detained at a roadblock")
    type_into(qtbot, editor.fields["start_date"].edit, "5 de agosto de 2013")
    pick(monkeypatch, Choice("place", None, "Ayutla de los Libres"))
    qtbot.mouseClick(editor.fields["place_id"].choose, Qt.MouseButton.LeftButton)
    assert "Ayutla de los Libres" in window.editor.fields["place_id"].shown.text()

    # Two actors with their roles, each created from the picker.
    panel = window.editor.links
    actor_option = next(o for o in __import__("casefile.ui.editors.links", fromlist=["_options"])._options("incident")
                        if o.link_kind == "involvement")
    pick(monkeypatch, Choice("actor", None, "Self-defence group at the roadblock"))
    details(monkeypatch, {"role": "detaining", "degree": "carried_out", "head_count": None,
                          "head_count_approximate": False})
    assert panel.add(actor_option)
    pick(monkeypatch, Choice("actor", None, "Army soldiers"))
    details(monkeypatch, {"role": "detained", "degree": "", "head_count": 60, "head_count_approximate": True})
    assert window.editor.links.add(actor_option)
    shown = [(i.target_title, i.detail) for i in window.editor.links.items()]
    assert ("Army soldiers", "Detained, about 60") in shown

    # A source with its text, and a claim made from a selected passage.
    window.show_kind("source")
    window.actions[ActionId.NEW_RECORD].trigger()
    type_into(qtbot, window.editor.fields["title"], "Guerrero vigilantes detain soldiers")
    reader = window.editor.reader
    reader.edit_button.click()
    reader.view.insertPlainText(TEXT)
    reader.edit_button.click()
    start = TEXT.index(PASSAGE)
    reader.select_offsets(start, start + len(PASSAGE))
    assert reader.claim_button.isEnabled()
    qtbot.mouseClick(reader.claim_button, Qt.MouseButton.LeftButton)
    assert len(reader.view.extraSelections()) == 1

    steps = window.undo_stack.count()
    # new incident, its title, date, place; two actors; new source, its title, text; the claim
    assert steps == 10
    expected = {"Incident": 1, "Place": 1, "Actor": 2, "Involvement": 2, "Source": 1, "Claim": 1}

    def assert_recorded():
        with Case.open(path) if window.case is None else _same(window.case) as case:
            with case.connection() as conn:
                incident = conn.execute(select(Incident)).one()
                assert incident.title == "About 60 soldiers detained at a roadblock"
                assert incident.start_date == "2013-08-05"
                assert conn.scalar(select(Place.name).where(Place.id == incident.place_id)) == "Ayutla de los Libres"
                roles = conn.execute(select(Actor.name, Involvement.role, Involvement.head_count)
                                     .join(Involvement, Involvement.actor_id == Actor.id)
                                     .order_by(Actor.name)).all()
                assert [tuple(r) for r in roles] == [("Army soldiers", "detained", 60),
                                                     ("Self-defence group at the roadblock", "detaining", None)]
                claim = conn.execute(select(Claim)).one()
                source = conn.execute(select(Source)).one()
                assert claim.quote == PASSAGE and claim.source_id == source.id
                assert source.text[claim.quote_start:claim.quote_end] == PASSAGE
                return {c.__name__: conn.scalar(select(func.count()).select_from(c))
                        for c in (Incident, Place, Actor, Involvement, Source, Claim)}

    assert assert_recorded() == expected
    codes_before = _codes(window.case)

    # Undo every step (each one leaves the file in a consistent state), then redo them all.
    undo, redo = window.actions[ActionId.UNDO], window.actions[ActionId.REDO]
    assert undo.text().startswith("&Undo Claim from selection") or "Claim from selection" in undo.text()
    for _ in range(steps):
        undo.trigger()
    assert not window.undo_stack.canUndo()
    assert _counts(window.case) == {k: 0 for k in expected}
    for _ in range(steps):
        redo.trigger()
    assert assert_recorded() == expected
    assert _codes(window.case) == codes_before  # redo restores the same records, not look-alikes

    # Closing the window loses nothing: a fresh open of the file shows it all.
    window.close()
    assert counts(path) == expected


class _same:
    def __init__(self, case):
        self.case = case

    def __enter__(self):
        return self.case

    def __exit__(self, *exc):
        return False


def _counts(case) -> dict:
    with case.connection() as conn:
        return {c.__name__: conn.scalar(select(func.count()).select_from(c))
                for c in (Incident, Place, Actor, Involvement, Source, Claim)}


def _codes(case) -> list:
    with case.connection() as conn:
        return sorted(r for c in (Incident, Place, Actor, Source, Claim)
                      for r in conn.execute(select(c.uuid, c.code)).all())


def test_delete_asks_says_what_goes_and_undoes_exactly(window, monkeypatch):
    case = window.case
    incident = records.create(case, "incident", title="Roadblocks")
    actor = records.create(case, "actor", name="UPOEG")
    records.create_link(case, "involvement", incident_id=incident, actor_id=actor, role="participant")
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, details="", action="":
                        asked.append((text, details)) or True)
    window.open_record("incident", incident)
    window.actions[ActionId.DELETE_RECORD].trigger()
    assert asked and "INC-0001 Roadblocks" in asked[0][0] and "1 involvement" in asked[0][1]
    assert records.count_rows(case, "incident") == 0 and window.editor is None
    window.undo_stack.undo()
    assert records.get(case, "incident", incident)["code"] == "INC-0001"
    assert len(records.list_rows(case, "incident")) == 1
    from casefile.services.records.links import links_of
    assert [i.target_title for i in links_of(case, "incident", incident)] == ["UPOEG"]


def test_refused_delete_changes_nothing(window, monkeypatch):
    incident = records.create(window.case, "incident", title="Roadblocks")
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    window.open_record("incident", incident)
    window.delete_current()
    assert records.count_rows(window.case, "incident") == 1 and not window.undo_stack.canUndo()


def test_invalid_edit_is_explained_and_not_stored(window, qtbot):
    incident = records.create(window.case, "incident", title="Roadblocks")
    window.open_record("incident", incident)
    editor = window.editor
    type_into(qtbot, editor.fields["start_date"].edit, "31 de febrero de 2013")
    assert editor.problem.isVisible() and "Start" in editor.problem.text()
    assert records.get(window.case, "incident", incident)["start_date"] is None
    assert not window.undo_stack.canUndo()


def test_protecting_an_actor_asks_for_a_pseudonym_and_shows_a_banner(window, monkeypatch):
    actor = records.create(window.case, "actor", name="Witness in Ayutla")
    window.open_record("actor", actor)
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: ("Witness A", True))
    window.editor.fields["protected"].click()
    row = records.get(window.case, "actor", actor)
    assert row["protected"] and row["pseudonym"] == "Witness A"
    assert window.editor.banner.isVisible() and "Witness A" in window.editor.banner.text()
    window.undo_stack.undo()
    assert not records.get(window.case, "actor", actor)["protected"]
    assert not window.editor.banner.isVisible()


def test_links_jump_and_back_forward(window, qtbot):
    case = window.case
    incident = records.create(case, "incident", title="Detention")
    actor = records.create(case, "actor", name="Army patrol")
    records.create_link(case, "involvement", incident_id=incident, actor_id=actor, role="perpetrator")
    window.open_record("incident", incident)
    tree = window.editor.links.tree
    item = tree.topLevelItem(0).child(0)
    tree.itemActivated.emit(item, 0)
    assert window.current_record == ("actor", actor)
    assert window.view.kind == "actor"
    window.actions[ActionId.BACK].trigger()
    assert window.current_record == ("incident", incident)
    window.actions[ActionId.FORWARD].trigger()
    assert window.current_record == ("actor", actor)


def test_back_forgets_a_deleted_record_whose_id_is_given_again(window, qtbot):
    """SQLite gives a deleted record's id to the next one made (when it was the
    highest): Back opened the newcomer as if it were the record visited."""
    case = window.case
    first = records.create(case, "incident", title="Detention")
    last = records.create(case, "incident", title="Roadblock")
    window.open_record("incident", last)
    window.open_record("incident", first)
    assert window.actions[ActionId.BACK].isEnabled()
    records.delete(case, "incident", last)  # another window, a merge
    assert not window.actions[ActionId.BACK].isEnabled()
    assert records.create(case, "incident", title="Takeover") == last
    window.actions[ActionId.BACK].trigger()
    assert window.current_record == ("incident", first)


def test_the_editor_closes_when_its_record_is_replaced_in_one_change(window, qtbot):
    """A merge that deletes the record shown and adds another in one transaction
    gives the newcomer its id: the editor stayed open on that id, now the
    newcomer's, and what was still being typed would have been stored in it."""
    case = window.case
    records.create(case, "incident", title="Detention")
    shown = records.create(case, "incident", title="Roadblock")
    window.open_record("incident", shown)
    with case.session() as session:
        session.delete(session.get(Incident, shown))
        session.flush()
        newcomer = Incident(title="Takeover")
        session.add(newcomer)
        session.flush()
        assert newcomer.id == shown
    assert window.current_record is None and window.editor is None
    window.open_record("incident", shown)  # the newcomer
    window.open_record("incident", 1)
    assert window.actions[ActionId.BACK].isEnabled()
    with case.session() as session:  # and once more: Back forgets the newcomer replaced
        session.delete(session.get(Incident, shown))
        session.flush()
        session.add(Incident(title="Checkpoint"))
    assert not window.actions[ActionId.BACK].isEnabled()


def test_global_search_opens_the_record_with_the_keyboard(window, qtbot):
    records.create(window.case, "actor", name="Bruno Plácido Valerio")
    window.actions[ActionId.SEARCH].trigger()
    from casefile.ui.dialogs.search_popup import SearchPopup

    popup = window.findChild(SearchPopup)
    qtbot.keyClicks(popup.query, "placido")
    qtbot.waitUntil(lambda: popup.model.rowCount() == 1)
    qtbot.keyClick(popup.query, Qt.Key.Key_Return)
    assert window.current_record == ("actor", 1)
    assert window.editor.fields["name"].text() == "Bruno Plácido Valerio"


def test_global_search_runs_off_the_window_thread_and_keeps_up_with_typing(window, qtbot, monkeypatch):
    """A slow search (a word common in a large case) holds up no keystroke: it
    runs in a thread, what is typed meanwhile is searched when it ends, the
    results of text no longer in the box are never shown, and Enter opens the
    best match of what is typed, whatever is still being searched."""
    import threading
    import time

    from casefile.ui.dialogs import search_popup

    records.create(window.case, "actor", name="Bruno Plácido Valerio")
    records.create(window.case, "actor", name="Plácida Ramírez")
    asked: list[tuple[str, bool]] = []
    real = search_popup.search

    def slow(case, text, limit):
        asked.append((text, threading.current_thread() is threading.main_thread()))
        time.sleep(0.3)
        return real(case, text, limit=limit)

    monkeypatch.setattr(search_popup, "search", slow)
    window.actions[ActionId.SEARCH].trigger()
    popup = window.findChild(search_popup.SearchPopup)
    shown: list[int] = []
    popup.model.modelReset.connect(lambda: shown.append(popup.model.rowCount()))
    qtbot.keyClicks(popup.query, "plac")
    qtbot.wait(150)  # the search began after 80 ms and sleeps 300: the window went on meanwhile
    assert asked == [("plac", False)] and shown == []
    qtbot.keyClicks(popup.query, "ido")
    qtbot.waitUntil(lambda: shown == [1], timeout=3000)
    assert popup.model.index(0).data() == "ACT-0001  Bruno Plácido Valerio"
    assert asked == [("plac", False), ("placido", False)]  # "plac"'s two matches were never shown
    popup.query.clear()
    qtbot.keyClicks(popup.query, "ramirez")  # QTest types ASCII only; the index folds the accent
    qtbot.keyClick(popup.query, Qt.Key.Key_Return)  # before the pause that starts a search
    assert window.current_record == ("actor", 2)


def test_a_failed_global_search_is_said_in_the_popup_once(window, qtbot, monkeypatch):
    from casefile.errors import CasefileError
    from casefile.ui.dialogs import search_popup

    asked: list[str] = []

    def failing(case, text, limit):
        asked.append(text)
        raise CasefileError("The case is busy: a file is going in.")

    monkeypatch.setattr(search_popup, "search", failing)
    window.actions[ActionId.SEARCH].trigger()
    popup = window.findChild(search_popup.SearchPopup)
    qtbot.keyClicks(popup.query, "ayutla")
    qtbot.waitUntil(lambda: popup.status.isVisible())
    assert popup.status.text() == "The case is busy: a file is going in." and popup.model.rowCount() == 0
    qtbot.wait(300)
    assert asked == ["ayutla"]  # not asked again until the text changes
    qtbot.keyClick(popup.query, Qt.Key.Key_Return)  # nothing to open; the popup stays
    assert asked == ["ayutla"] and popup.isVisible()


def test_global_search_says_when_nothing_matches_and_when_the_list_is_cut(window, qtbot, monkeypatch):
    from casefile.store import fulltext
    from casefile.ui.dialogs.search_popup import LIMIT, SearchPopup

    for n in range(LIMIT + 5):
        records.create(window.case, "incident", title=f"Roadblock {n}")
    window.actions[ActionId.SEARCH].trigger()
    popup = window.findChild(SearchPopup)
    qtbot.keyClicks(popup.query, "soldados")
    qtbot.waitUntil(lambda: popup.status.isVisible())
    assert popup.model.rowCount() == 0 and popup.status.text() == "Nothing matches “soldados”."
    popup.query.clear()
    small = fulltext.SHORT_PREFIX_RECORDS
    monkeypatch.setattr(fulltext, "SHORT_PREFIX_RECORDS", 0)  # as in a large case: two letters match whole
    qtbot.keyClicks(popup.query, "ro")  # says why nothing is found yet
    qtbot.waitUntil(lambda: popup.status.text().startswith("No word “ro”."))
    assert popup.status.isVisible() and popup.model.rowCount() == 0
    monkeypatch.setattr(fulltext, "SHORT_PREFIX_RECORDS", small)
    popup.query.clear()
    qtbot.keyClicks(popup.query, "ro")  # a small case: the words that begin with it
    qtbot.waitUntil(lambda: popup.model.rowCount() == LIMIT)
    popup.query.clear()
    qtbot.keyClicks(popup.query, "roadblock")
    qtbot.waitUntil(lambda: popup.model.rowCount() == LIMIT)
    assert popup.status.isVisible() and popup.status.text().startswith(f"The first {LIMIT} matches")
    qtbot.keyClicks(popup.query, " 7")
    qtbot.waitUntil(lambda: 0 < popup.model.rowCount() < LIMIT)
    assert not popup.status.isVisible()


def test_filter_box_filters_in_sql(window, qtbot):
    for title in ("Roadblocks", "Detention of soldiers", "Takeover"):
        records.create(window.case, "incident", title=title)
    window.actions[ActionId.FILTER].trigger()
    qtbot.keyClicks(window.view.filter_box, "soldier")
    qtbot.waitUntil(lambda: window.view.list_model.total == 1)
    assert window.view.list_model.index(0, 1).data() == "Detention of soldiers"
    assert "1 of 3" in window.view.heading.text()


def test_text_still_being_typed_is_stored_when_the_window_closes(window, qtbot):
    incident = records.create(window.case, "incident", title="Detention")
    path = window.case.path
    window.open_record("incident", incident)
    description = window.editor.fields["description"]
    description.setFocus()
    qtbot.keyClicks(description, "Weapons were taken")
    window.close()  # no focus change, no Save: the edit must still be on disk
    with Case.open(path) as fresh:
        assert records.get(fresh, "incident", incident)["description"] == "Weapons were taken"


def test_claim_from_selection_keeps_astral_text_offsets_and_shows_the_quote(window, qtbot):
    case = window.case
    text = "Testigo 🙂 dijo: hombres de negro 𝐞𝐧 la comunidad."
    source = records.create(case, "source", title="Entrevista", text=text)
    window.open_record("source", source)
    reader = window.editor.reader
    start = text.index("hombres")
    end = text.index(" la comunidad")
    reader.select_offsets(start, end)
    assert reader.view.textCursor().selectedText() == text[start:end]
    claim_id = reader.claim_from_selection()
    row = records.get(case, "claim", claim_id)
    assert (row["quote"], row["quote_start"], row["quote_end"]) == (text[start:end], start, end)
    window.open_record("claim", claim_id)
    qtbot.mouseClick(window.editor.quote_button, Qt.MouseButton.LeftButton)
    assert window.current_record == ("source", source)
    assert window.editor.tabs.currentWidget() is window.editor.reader
    assert window.editor.reader.selection_offsets() == (start, end)


def test_delete_key_in_the_list_deletes_after_asking(window, qtbot, monkeypatch):
    incident = records.create(window.case, "incident", title="Takeover")
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    window.open_record("incident", incident)
    table = window.view.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert records.count_rows(window.case, "incident") == 0
    assert window.actions[ActionId.UNDO].text() == "&Undo Delete INC-0001 Takeover"
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert records.count_rows(window.case, "incident") == 1
