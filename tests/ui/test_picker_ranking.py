"""Pickers (issue 16 item 6): a name match ranks above a mention in a
description, in SQL; records already linked that way are not offered, so no
error comes after the role dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from casefile.model import Involvement
from casefile.services import records
from casefile.services.records.search import candidates
from casefile.ui.editors.links import LinkDetailsDialog, _options
from casefile.ui.editors.picker import Choice, PickerModel, RecordPicker, already_linked


@pytest.fixture
def actors(case):
    # Bruno first, with the word twice in a short description: bm25 alone puts him first.
    bruno = records.create(case, "actor", name="Bruno Plácido Valerio",
                           description="Coordinator of the UPOEG; speaks for the UPOEG.")
    upoeg = records.create(case, "actor", name="Unión de Pueblos y Organizaciones del Estado de Guerrero",
                           aliases="UPOEG", description="Self-defence movement of the Costa Chica and Montaña "
                           "regions, formed in 2011, with community police in several municipalities.")
    return bruno, upoeg


def test_a_name_or_alias_match_ranks_above_a_description(case, actors):
    bruno, upoeg = actors
    assert [hit.id for hit in candidates(case, "actor", "upoeg")] == [upoeg, bruno]
    assert [hit.id for hit in candidates(case, "actor", "UPO")] == [upoeg, bruno]  # as it is typed
    assert [hit.id for hit in candidates(case, "actor", "coordinator")] == [bruno]


def test_a_name_that_begins_with_the_first_word_comes_before_one_that_has_it_further_on(case):
    """Where every place names it, bm25 scores "Ayutla" about the same in each:
    typed "ayutla" (or "ayutla de l"), the picker's first row, which Enter
    takes, must be Ayutla de los Libres, not the Palacio municipal in it."""
    palace = records.create(case, "place", name="Palacio municipal de Ayutla de los Libres")
    town = records.create(case, "place", name="Ayutla de los Libres", municipality="Ayutla de los Libres",
                          description="Seat of the municipality, in the Costa Chica region of Guerrero, where the "
                          "community police of the UPOEG took up arms in January 2013.")
    for typed in ("ayutla", "Ayut", "ayutla de l", "AYUTLA libres"):
        assert [hit.id for hit in candidates(case, "place", typed)][:2] == [town, palace], typed
    assert [hit.id for hit in candidates(case, "place", "palacio ayutla")][0] == palace


def test_a_code_comes_first_and_nothing_typed_lists_in_code_order(case, actors):
    bruno, upoeg = actors
    assert [hit.code for hit in candidates(case, "actor", "act-0002")] == ["ACT-0002"]
    assert [hit.id for hit in candidates(case, "actor", "")] == [bruno, upoeg]


@pytest.mark.parametrize("typed", ['"', "AND", "NEAR(", "*", "-", 'a"b', "{name} : x", "\x00", "‮upoeg", "ú" * 500])
def test_any_text_is_a_valid_query(case, actors, typed):
    assert isinstance(candidates(case, "actor", typed), list)


def test_every_add_link_option_leaves_out_what_it_already_links(window, monkeypatch):
    """For each kind and each Add Link option: link one record through the window,
    then the picker that option opens no longer offers it (nor the record itself)."""
    case = window.case
    monkeypatch.setattr(LinkDetailsDialog, "get_details", classmethod(
        lambda cls, parent, case, link_kind, lang="en": ({
            "involvement": {"role": "participant"}, "actor_relation": {"relation": "member_of"},
            "incident_link": {"relation": "precedes"}, "assessment": {"relation": "supports"},
            "evidence_link": {"relation": "supports"}}.get(link_kind, {}), True)))
    checked = 0
    for kind in ("incident", "actor", "place", "source", "claim"):
        for option in _options(kind):
            if option.target_kind == "evidence":
                continue  # evidence comes from files (test_evidence_add); same picker code
            me = records.create(case, kind, **{records.TITLE_FIELD[kind]: f"{kind} under test"})
            other = records.create(case, option.target_kind,
                                   **{records.TITLE_FIELD[option.target_kind]: f"target {checked}"})
            window.open_record(kind, me)
            asked: list = []

            def pick(cls, *args, answer=Choice(option.target_kind, other), asked=asked, **kwargs):
                asked.append(kwargs["exclude"])
                return (answer, True) if len(asked) == 1 else (None, False)
            monkeypatch.setattr(RecordPicker, "pick", classmethod(pick))
            assert window.editor.links.add(option), (kind, option.label)
            window.editor.links.add(option)  # the picker a second time: what would it offer?
            offered = {hit.id for hit in candidates(case, option.target_kind, "", limit=10_000,
                                                    exclude=asked[1])}
            assert other not in offered, (kind, option.label)
            if option.target_kind == kind:
                assert me not in offered, (kind, option.label)
            checked += 1
    assert checked >= 9


def _add_link(window, label: str):
    menu = window.editor.links.add_button.menu()
    return next(a for a in menu.actions() if a.text() == label)


def test_by_keyboard_upoeg_is_first_and_once_involved_it_is_not_offered_again(window, qtbot, monkeypatch):
    case = window.case
    bruno = records.create(case, "actor", name="Bruno Plácido Valerio",
                           description="Coordinator of the UPOEG; speaks for the UPOEG.")
    upoeg = records.create(case, "actor", name="Unión de Pueblos y Organizaciones del Estado de Guerrero",
                           aliases="UPOEG")
    incident = records.create(case, "incident", title="Takeover of Ayutla")
    roles: list[str] = []
    monkeypatch.setattr(LinkDetailsDialog, "get_details", classmethod(
        lambda cls, parent, case, link_kind, lang="en": (roles.append(link_kind) or {"role": "participant"}, True)))
    window.open_record("incident", incident)
    seen: list[list[str]] = []

    def type_upoeg() -> None:
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, RecordPicker)
        qtbot.keyClicks(picker.query, "upoeg")
        qtbot.waitUntil(lambda: picker.model.query == "upoeg")
        seen.append([picker.model.data(picker.model.index(row)) for row in range(picker.model.rowCount())])
        qtbot.keyClick(picker.query, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_upoeg)
    _add_link(window, "Actor involved…").trigger()
    assert seen[0][0].startswith("ACT-0002  Unión de Pueblos") and seen[0][1].startswith("ACT-0001  Bruno")
    with case.session() as session:
        assert session.scalars(select(Involvement.actor_id)).all() == [upoeg]

    QTimer.singleShot(0, type_upoeg)
    _add_link(window, "Actor involved…").trigger()
    assert not any("Unión de Pueblos" in text for text in seen[1])  # already involved: not offered
    assert seen[1][0].startswith("ACT-0001  Bruno")
    with case.session() as session:
        assert sorted(session.scalars(select(Involvement.actor_id)).all()) == sorted([upoeg, bruno])
    assert roles == ["involvement", "involvement"]


def test_picker_model_passes_the_model_tester(qtbot, case, actors):
    from PySide6.QtTest import QAbstractItemModelTester

    model = PickerModel(case, "actor", exclude=already_linked("incident", 1, "involvement", "incident_id",
                                                              "actor_id", "actor"))
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_query("upoeg")
    assert model.rowCount() == 3  # two actors and "Create new actor"
