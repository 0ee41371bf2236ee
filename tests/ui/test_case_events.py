"""The store's notices in the window: what another thread commits reaches the
UI thread, gathered while the UI thread is busy, and never after what that
thread signals next."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal

from casefile.services import records
from casefile.services.records import overview
from casefile.store import CaseBusy
from casefile.ui.case_events import CaseEvents


class _Worker(QObject):
    done = Signal()


def test_commits_from_another_thread_arrive_gathered_and_before_its_next_signal(qtbot, case):
    events = CaseEvents(case)
    heard: list[object] = []
    events.changed.connect(lambda changes: heard.append({k: set(v) for k, v in changes.items()}))
    worker = _Worker()
    worker.done.connect(lambda: heard.append("done"), Qt.ConnectionType.QueuedConnection)
    made: list[int] = []

    def work():  # five commits while the UI thread is not looking, then a signal
        made.extend(records.create(case, "incident", title=f"Incident {n}") for n in range(5))
        worker.done.emit()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()  # the UI thread was busy all along: nothing delivered yet
    assert heard == []
    qtbot.waitUntil(lambda: "done" in heard, timeout=5000)
    assert heard == [{"incident": set(made)}, "done"]  # one notice, before the worker's signal
    events.detach()


def test_a_commit_on_the_ui_thread_is_told_at_once_after_what_was_gathered(qtbot, case):
    events = CaseEvents(case)
    heard: list[dict] = []
    events.changed.connect(lambda changes: heard.append({k: set(v) for k, v in changes.items()}))
    thread = threading.Thread(target=lambda: records.create(case, "actor", name="Patrol"))
    thread.start()
    thread.join()
    mine = records.create(case, "place", name="Roadblock")  # told at once, no event loop needed
    assert [set(h) for h in heard] == [{"actor"}, {"place"}]
    assert heard[1]["place"] == {mine}
    qtbot.wait(50)
    assert len(heard) == 2  # the gathered notice is not told twice
    events.detach()


def test_nothing_gathered_is_told_after_detach(qtbot, case):
    events = CaseEvents(case)
    heard: list[dict] = []
    events.changed.connect(heard.append)
    thread = threading.Thread(target=lambda: records.create(case, "actor", name="Patrol"))
    thread.start()
    thread.join()
    events.detach()  # the window closed the case meanwhile
    qtbot.wait(50)
    assert heard == []


def test_a_notice_that_finds_the_case_lent_waits_for_the_lend_to_end(qtbot, case):
    """A commit made just before another thread borrowed the case (a large file
    going in): its notice is told once the case is back, when the views can
    read it, together with what the lend committed, and never while it is out."""
    events = CaseEvents(case)
    heard: list[dict] = []
    readable: list[bool] = []

    def refresh(changes):  # as a view does: it reads the case
        heard.append({k: set(v) for k, v in changes.items()})
        try:
            readable.append(bool(overview.counts(case)))
        except CaseBusy:
            readable.append(False)

    events.changed.connect(refresh)
    lent, release = threading.Event(), threading.Event()
    made: list[int] = []

    def lender():
        made.append(records.create(case, "actor", name="Patrol"))  # notice on its way
        with case.sole_writer():
            lent.set()
            release.wait(5)
            made.append(records.create(case, "incident", title="During the lend"))

    thread = threading.Thread(target=lender)
    thread.start()
    assert lent.wait(5)
    qtbot.wait(100)  # the UI thread runs its events while the case is out
    assert heard == []
    release.set()
    thread.join()
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    qtbot.wait(100)
    assert heard == [{"actor": {made[0]}, "incident": {made[1]}}] and readable == [True]
    events.detach()
