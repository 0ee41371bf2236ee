"""The history viewer: lazily fetched audit log, filter by record code,
chain status, and user data shown literally."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from sqlalchemy import select

from casefile.model import Actor, Incident, Involvement
from casefile.ui.case import history as history_view
from casefile.ui.case.history import AuditModel, HistoryView, summarise

HOSTILE = '<b>bold</b> <img src="/etc/passwd"> NEAR( "x'


def _add_incidents(case, n, title="Detention"):
    with case.session() as s:
        for i in range(n):
            s.add(Incident(title=f"{title} {i}"))


def test_model_fetches_lazily_newest_first(qtbot, case, monkeypatch):
    monkeypatch.setattr(history_view, "PAGE", 10)
    _add_incidents(case, 25)
    model = AuditModel(case)
    assert model.total() == 26 and model.rowCount() == 10
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    # newest first (seq is the place in the chain, which also holds the seals of row states)
    assert model.index(0, 3).data() == "create" and model.index(0, 0).data() > model.index(1, 0).data()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 26
    assert model.index(25, 3).data() == "create-case"


def test_filter_by_code_prefix_case_insensitive(qtbot, case):
    _add_incidents(case, 12)
    model = AuditModel(case)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_code("inc-001")
    assert model.total() == 3  # INC-0010..0012
    model.set_code("INC-0012")
    assert model.total() == 1 and model.index(0, 4).data() == "INC-0012"
    model.set_code("%")  # LIKE wildcards are taken literally
    assert model.total() == 0


def test_view_shows_verified_chain_and_entry_details_as_plain_text(qtbot, case):
    _add_incidents(case, 1, title=HOSTILE)
    view = HistoryView(case)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.status.text().startswith("Chain verified"), timeout=5000)
    assert "4 entries" in view.status.text()  # creation and edit, each with its seal
    assert view.status.textFormat() == Qt.PlainText
    view.set_filter("INC-0001")
    assert view.model.rowCount() == 1
    view.table.selectRow(0)
    assert HOSTILE in view.detail.toPlainText()
    assert HOSTILE.split()[0] in view.model.index(0, 5).data()


def test_view_names_the_first_bad_entry(qtbot, case):
    _add_incidents(case, 3)
    raw = sqlite3.connect(case.path)
    raw.execute("UPDATE audit_entry SET who = 'mallory' WHERE seq = 3")
    raw.commit()
    raw.close()
    view = HistoryView(case)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.status.text().startswith("Chain broken"), timeout=5000)
    assert view.status.text() == "Chain broken at #3: entry altered"


def test_refresh_and_clear(qtbot, case):
    view = HistoryView(case)
    qtbot.addWidget(view)
    _add_incidents(case, 2)
    view.refresh()
    assert view.model.total() == 3
    view.clear()
    assert view.model.rowCount() == 0 and view.case is None


def test_summarise():
    assert summarise("update", '{"title": ["a", "b"], "description": ["", "x"]}') == "description, title"
    assert summarise("create", '{"id": 3, "title": "A\\nB", "note": ""}') == "A B"
    assert summarise("create-case", '{"organisation": "", "x": 1}') == "x=1"
    assert summarise("create", "not json") == "not json"
    assert len(summarise("create", '{"t": "' + "x" * 500 + '"}')) == 120


def test_describe():
    assert history_view.describe("update", '{"title": ["a", "<b>"]}') == "title: a → <b>"
    # A record's fields as its form names them; a column no form shows by its name.
    assert history_view.describe("update", '{"start_date": ["", "2013"], "uuid": ["a", "b"]}', "incident") == (
        "Start:  → 2013\nuuid: a → b")
    assert summarise("update", '{"title": ["a", "b"], "start_date": ["", "2013"]}', kind="incident") == "Start, Title"
    assert history_view.describe("create", '{"lat": null, "tags": ["x"]}') == 'lat: —\ntags: ["x"]'


def test_window_action_shows_the_open_record_history(qtbot, case, monkeypatch):
    from casefile.services import records
    from casefile.store import Case
    from casefile.ui.mainwindow import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    path = case.path
    case.close()
    window.set_case(Case.open(path))
    shown = []
    monkeypatch.setattr(history_view.HistoryDialog, "show_history",
                        classmethod(lambda cls, parent, c, code="": shown.append(code) or (None, True)))
    action = window.actions["show_history"]
    assert action.shortcut().toString() == "Ctrl+H"
    action.trigger()
    window.open_record("incident", records.create(window.case, "incident", title="Roadblock"))
    action.trigger()
    assert shown == ["", "INC-0001"]
    window.close_case()


def test_a_records_history_holds_its_links_and_custody_events(qtbot, case, tmp_path):
    """A link's entries carry no code, and its removal only the link's id: the
    history of INC-0001 showed nothing of the actor linked to it and unlinked
    again, nor an evidence item's its custody events and links. A whole code
    now brings them, and nothing of the records it does not touch."""
    from casefile.services import evidence, records

    incident = records.create(case, "incident", title="Roadblock")
    other = records.create(case, "incident", title="Takeover")
    army = records.create(case, "actor", name="Ejército")
    records.create(case, "actor", name="Policía comunitaria")
    link = records.create_link(case, "involvement", incident_id=incident, actor_id=army, role="perpetrator")
    records.create_link(case, "involvement", incident_id=other, actor_id=army, role="perpetrator")
    records.delete_link(case, "involvement", link)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8 a photo")
    evidence.intake(case, tmp_path / "photo.jpg", link=("INC-0001", "depicts"))
    records.create(case, "incident", title="Checkpoint")

    view = HistoryView(case)
    qtbot.addWidget(view)

    def shown(code):
        view.set_filter(code)
        while view.model.canFetchMore():
            view.model.fetchMore()
        return [(view.model.index(row, 3).data(), view.model.index(row, 4).data())
                for row in range(view.model.rowCount())]

    assert shown("INC-0001") == [("create", "evidence_link EVI-0001 · INC-0001"),
                                 ("delete", "involvement INC-0001 · ACT-0001"),
                                 ("create", "involvement INC-0001 · ACT-0001"), ("create", "INC-0001")]
    assert shown("act-0001") == [("delete", "involvement INC-0001 · ACT-0001"),
                                 ("create", "involvement INC-0002 · ACT-0001"),
                                 ("create", "involvement INC-0001 · ACT-0001"), ("create", "ACT-0001")]
    assert shown("ACT-0002") == [("create", "ACT-0002")]
    assert [entry for entry in shown("EVI-0001") if entry[1] != "EVI-0001"] == [
        ("create", "custody_event EVI-0001"), ("create", "evidence_link EVI-0001 · INC-0001"),
        ("create", "custody_event EVI-0001")]
    assert shown("INC-000") == [("create", code) for code in ("INC-0003", "INC-0002", "INC-0001")]  # a start: codes


    # What a link's entry is about (the Record column): the records it joins,
    # its deletion's too; a record deleted since by the code its deletion gives.
    records.delete(case, "incident", other)  # and its link to the army with it

    def records_shown(code):
        view.set_filter(code)
        return [view.model.index(row, 4).data() for row in range(view.model.rowCount())]

    assert records_shown("ACT-0001") == [
        "involvement INC-0002 · ACT-0001", "involvement INC-0001 · ACT-0001", "involvement INC-0002 · ACT-0001",
        "involvement INC-0001 · ACT-0001", "ACT-0001"]

    # SQLite gives a deleted record's id to the next one when it was the
    # highest: INC-0005 has INC-0004's id, and none of INC-0004's history.
    last = records.create(case, "incident", title="Curfew")
    records.create_link(case, "involvement", incident_id=last, actor_id=army, role="perpetrator")
    records.delete(case, "incident", last)
    again = records.create(case, "incident", title="Search of homes")
    assert again == last
    records.create_link(case, "involvement", incident_id=again, actor_id=army, role="witness")
    assert shown("INC-0005") == [("create", "involvement INC-0005 · ACT-0001"), ("create", "INC-0005")]
    assert records_shown("ACT-0001")[:4] == [
        "involvement INC-0005 · ACT-0001", "involvement INC-0004 · ACT-0001", "involvement INC-0004 · ACT-0001",
        "involvement INC-0002 · ACT-0001"]
    records.restore(case, records.delete(case, "incident", again))  # undone: the same record, its history whole
    assert shown("INC-0005")[-2:] == [("create", "involvement INC-0005 · ACT-0001"), ("create", "INC-0005")]


def test_an_imported_records_history_begins_with_its_import(qtbot, tmp_path):
    """The sample comes in as one import entry for the whole file, and INC-0001
    had no entry of its own: its history was empty. The entries about no
    record in particular of each change that sealed its row are its too."""
    from casefile.services import records
    from casefile.services.sample import create_demo_case

    case = create_demo_case(tmp_path / "sample.casefile")
    try:
        view = HistoryView(case)
        qtbot.addWidget(view)
        view.set_filter("INC-0001")
        assert [view.model.index(row, 3).data() for row in range(view.model.rowCount())] == ["import"]
        records.update(case, "incident", 1, title="Military patrol detains community police")
        view.set_filter("INC-0002")  # imported with it, and not edited since
        assert [view.model.index(row, 3).data() for row in range(view.model.rowCount())] == ["import"]
        view.set_filter("INC-0001")
        assert [(view.model.index(row, 3).data(), view.model.index(row, 4).data())
                for row in range(view.model.rowCount())] == [("update", "INC-0001"), ("import", "case")]
        # A link the import brought has no entry of its own: its deletion names
        # the records it joined, and is theirs.
        with case.session() as session:
            link, actor = session.execute(select(Involvement.id, Actor.code).join(Actor).where(
                Involvement.incident_id == 1).order_by(Involvement.id)).first()
        records.delete_link(case, "involvement", link)
        shown = f"involvement INC-0001 · {actor}"
        view.set_filter("INC-0001")
        assert [(view.model.index(row, 3).data(), view.model.index(row, 4).data())
                for row in range(view.model.rowCount())][:2] == [("delete", shown), ("update", "INC-0001")]
        view.set_filter(actor)
        assert (view.model.index(0, 3).data(), view.model.index(0, 4).data()) == ("delete", shown)
        view.set_filter("INC-0002")
        assert [view.model.index(row, 3).data() for row in range(view.model.rowCount())] == ["import"]
    finally:
        case.close()
