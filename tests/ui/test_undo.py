"""One path for changes: every change goes through window.execute onto the undo
stack, and an undo or redo that fails (the record was deleted meanwhile) is
dropped from the stack with a message, leaving it consistent."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from casefile.services import records
from casefile.services.records.links import links_of
from casefile.ui import dialogs
from casefile.ui.actions import ActionId
from casefile.ui.commands import CreateLink, CreateRecord, DeleteRecord, Sequence, UpdateRecord


@pytest.fixture
def errors(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, text, details="": shown.append(text))
    return shown


def _undo(window) -> None:
    window.actions[ActionId.UNDO].trigger()


def _redo(window) -> None:
    window.actions[ActionId.REDO].trigger()


def _consistent(window, count: int) -> None:
    stack = window.undo_stack
    assert stack.count() == count and stack.index() == count
    assert not stack.canRedo() and not window.actions[ActionId.REDO].isEnabled()
    assert stack.canUndo() == (count > 0) == window.actions[ActionId.UNDO].isEnabled()


def test_an_edit_in_the_editor_goes_through_the_window(window, qtbot, monkeypatch):
    incident = records.create(window.case, "incident", title="Detention")
    window.open_record("incident", incident)
    executed = []
    original = window.execute
    monkeypatch.setattr(window, "execute", lambda command, **kw: executed.append(command) or original(command, **kw))
    title = window.editor.fields["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Detention of soldiers")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert [type(c) for c in executed] == [UpdateRecord]
    assert window.undo_stack.count() == 1
    assert records.get(window.case, "incident", incident)["title"] == "Detention of soldiers"


def test_a_refused_edit_is_said_beside_the_form_and_not_pushed(window, qtbot, errors):
    incident = records.create(window.case, "incident", title="Detention")
    window.open_record("incident", incident)
    assert not window.editor.commit("title", "")  # a title is required
    assert window.editor.problem.isVisibleTo(window.editor) and not errors
    assert window.undo_stack.count() == 0


def test_failed_undo_drops_the_change_and_what_came_after(window, qtbot, errors):
    case = window.case
    first = records.create(case, "incident", title="Detention")
    assert window.execute(CreateRecord(case, "actor", {"name": "UPOEG"}))  # stays in the history
    assert window.execute(UpdateRecord(case, "incident", first, {"title": "Detention of soldiers"}))
    assert window.execute(CreateRecord(case, "place", {"name": "Ayutla"}))
    _undo(window)  # the place goes; its creation waits on the redo side
    assert window.undo_stack.canRedo()
    records.delete(case, "incident", first)  # behind the stack's back (another window, a merge)

    _undo(window)  # undoing the title edit cannot work now
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert "could not be undone" in errors[0] and "Edit title" in errors[0]
    _consistent(window, 1)
    assert window.undo_stack.undoText() == "Create actor"
    assert records.count_rows(case, "place") == 0

    _undo(window)  # what is left still undoes
    assert records.count_rows(case, "actor") == 0
    assert window.undo_stack.index() == 0 and window.undo_stack.canRedo()
    _redo(window)
    assert records.count_rows(case, "actor") == 1 and len(errors) == 1


def test_failed_redo_drops_the_change_and_what_came_after(window, qtbot, errors):
    case = window.case
    first = records.create(case, "incident", title="Detention")
    second = records.create(case, "incident", title="Roadblock")
    assert window.execute(UpdateRecord(case, "incident", first, {"title": "Detention of soldiers"}))
    assert window.execute(UpdateRecord(case, "incident", second, {"title": "Roadblock at Ayutla"}))
    _undo(window)
    _undo(window)
    records.delete(case, "incident", first)

    _redo(window)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert "could not be redone" in errors[0]
    _consistent(window, 0)
    assert records.get(case, "incident", second)["title"] == "Roadblock"


def test_a_sequence_that_fails_halfway_through_its_undo_changes_nothing(window, qtbot, errors):
    case = window.case
    incident = records.create(case, "incident", title="Detention")
    place = CreateRecord(case, "place", {"name": "Ayutla"})
    assert window.execute(Sequence(case, "Add place and retitle", [
        place, UpdateRecord(case, "incident", incident, {"title": "Detention at Ayutla"})]))
    records.delete(case, "place", place.record_id)  # the place goes behind the stack's back

    _undo(window)  # the title is put back first, then taking the place away fails
    qtbot.waitUntil(lambda: len(errors) == 1)
    _consistent(window, 0)
    assert records.get(case, "incident", incident)["title"] == "Detention at Ayutla"  # all or nothing


def test_undoing_a_deletion_whose_id_was_taken_since_says_so_and_loses_nothing(window, qtbot, errors):
    """SQLite gives the highest id again once its record is deleted: a record
    that came in meanwhile (a merge, another window) holds it, and undoing the
    deletion failed with a database error. It is said now, and the newcomer stays."""
    case = window.case
    records.create(case, "incident", title="Detention")
    last = records.create(case, "incident", title="Roadblock")
    assert window.execute(DeleteRecord(case, "incident", last, "INC-0002"))
    newcomer = records.create(case, "incident", title="Takeover")  # behind the stack's back
    assert newcomer == last
    _undo(window)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert errors[0] == ("“Delete INC-0002” could not be undone: INC-0002 cannot be put back: INC-0003, "
                         "added since, has its place in the case")
    _consistent(window, 0)
    assert records.get(case, "incident", newcomer)["title"] == "Takeover"
    assert records.count_rows(case, "incident") == 2


def test_undo_never_touches_a_record_that_took_the_id_of_the_one_it_changed(window, qtbot, errors):
    """An edit, a creation and a link undone after their record or link was
    deleted behind the stack's back and its id given to a newcomer: undoing
    them rewrote the newcomer's title, deleted the newcomer, removed the
    newcomer's link. Each is refused now, and the newcomer stays as it is."""
    case = window.case
    records.create(case, "incident", title="Detention")
    army = records.create(case, "actor", name="Army")
    assert window.execute(CreateRecord(case, "incident", {"title": "Roadblock"}))
    made = window.undo_stack.command(0).record_id
    assert window.execute(UpdateRecord(case, "incident", made, {"title": "Roadblock at Tierra Colorada"}))
    records.delete(case, "incident", made)  # another window, a merge
    newcomer = records.create(case, "incident", title="Takeover")
    assert newcomer == made

    _undo(window)  # the edit
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert "could not be undone: that record no longer exists" in errors[0]
    _undo(window)  # the creation
    qtbot.waitUntil(lambda: len(errors) == 2)
    assert "could not be undone: that record no longer exists" in errors[1]
    _consistent(window, 0)
    assert records.get(case, "incident", newcomer)["title"] == "Takeover"

    assert window.execute(CreateLink(case, "involvement", {"incident_id": 1, "actor_id": army, "role": "witness"}))
    link = window.undo_stack.command(0).link_id
    records.delete_link(case, "involvement", link)
    other = records.create_link(case, "involvement", incident_id=newcomer, actor_id=army, role="perpetrator")
    assert other == link
    _undo(window)
    qtbot.waitUntil(lambda: len(errors) == 3)
    assert "could not be undone: that link no longer exists" in errors[2]
    assert [(item.link_id, item.target_id) for item in links_of(case, "actor", army)
            if item.link_kind == "involvement"] == [(other, newcomer)]
