"""A server case open in the window: another member's edit appears without
reloading (LISTEN/NOTIFY), the window's own edits reach the server, and closing
sends what is pending."""

from __future__ import annotations

import time
from types import SimpleNamespace

import psycopg
from PySide6.QtCore import Qt
from sqlalchemy import text

from casefile.services import records
from casefile.services.keys import load_key
from casefile.store.server.address import ServerAddress
from casefile.store.server.working import working_copy
from casefile.ui.app import open_initial_case
from casefile.ui.commands import UpdateRecord
from casefile.ui.mainwindow import MainWindow
from casefile.ui.server_case import ServerLink
from tests.conftest import OWNER_PASSPHRASE


def _listed(window, title: str) -> bool:
    model = window.view.list_model
    return any(title in str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole))
               for row in range(model.rowCount()) for column in range(model.columnCount()))


def _on_server(url: str, code: str, field: str):
    """An incident's field as a member reads it on the server (its words are sealed there)."""
    with working_copy(ServerAddress.parse(url), load_key(OWNER_PASSPHRASE), write=False) as (copy, _server), \
            copy.connection() as conn:
        return conn.execute(text(f"SELECT {field} FROM incident WHERE code = :c"), {"c": code}).scalar_one()


def _open_in_window(qtbot, monkeypatch, url: str) -> tuple[MainWindow, ServerLink]:
    """`casefile URL` as a person starts it, with the documenter key that pushed the case."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    open_initial_case(window, SimpleNamespace(case=url, demo=False, screenshot=None, passphrase_file=None))
    qtbot.waitUntil(lambda: window.findChild(ServerLink) is not None, timeout=15_000)  # copied off the UI thread
    link = window.findChild(ServerLink)
    assert link is not None and str(ServerAddress.parse(url)) in window.windowTitle()
    qtbot.waitUntil(lambda: link.syncs >= 1, timeout=15_000)
    return window, link


def test_a_server_case_in_the_window_follows_others_and_sends_its_own(qtbot, sample_on_server, pg_server,
                                                                     pg_database, monkeypatch):
    url = sample_on_server
    window, link = _open_in_window(qtbot, monkeypatch, url)

    # Another member changes a title on the server; the open window shows it, unasked.
    with working_copy(ServerAddress.parse(url), load_key(OWNER_PASSPHRASE), write=True) as (copy, _server):
        with copy.connection() as conn:
            target = conn.execute(text("SELECT id FROM incident WHERE code = 'INC-0002'")).scalar_one()
        records.update(copy, "incident", target, title="Seen from the office")
    started = time.perf_counter()
    qtbot.waitUntil(lambda: _listed(window, "Seen from the office"), timeout=15_000)
    print(f"another member's edit appeared in the window after {time.perf_counter() - started:.2f} s")

    # The window's own edit reaches the server.
    with window.case.connection() as conn:
        mine = conn.execute(text("SELECT id FROM incident WHERE code = 'INC-0003'")).scalar_one()
    window.execute(UpdateRecord(window.case, "incident", mine, {"notes": "Typed in the window"}))
    qtbot.waitUntil(lambda: _on_server(url, "INC-0003", "notes") == "Typed in the window", timeout=15_000)

    # An edit made just before closing is sent on the way out; the local copy is removed.
    window.execute(UpdateRecord(window.case, "incident", mine, {"notes": "Last words"}))
    folder = window.case.path.parent
    window.close_case()
    assert _on_server(url, "INC-0003", "notes") == "Last words"
    assert not folder.exists()


def test_changes_the_server_cannot_take_at_closing_are_kept_not_lost(qtbot, sample_on_server, pg_server,
                                                                     pg_database, monkeypatch):
    from casefile.store import Case

    window, link = _open_in_window(qtbot, monkeypatch, sample_on_server)
    told = []
    monkeypatch.setattr(window, "show_error", lambda error: told.append(str(error)))
    with window.case.connection() as conn:
        mine = conn.execute(text("SELECT id FROM incident WHERE code = 'INC-0001'")).scalar_one()
    link._timer.setInterval(60_000)  # the edit waits for the close
    window.execute(UpdateRecord(window.case, "incident", mine, {"title": "Written as the server went away"}))
    with psycopg.connect(pg_server.url(pg_database), autocommit=True) as admin:  # the server loses the case
        admin.execute("ALTER SCHEMA case_guerrero RENAME TO case_elsewhere")
    before = link.syncs
    link.sync_now()  # a sync that fails in the background keeps the edit to send
    qtbot.waitUntil(lambda: link.syncs > before, timeout=15_000)
    assert "Not synced" in window.statusBar().currentMessage()
    window.close_case()
    assert link.unsent is not None and link.unsent.exists() and told and str(link.unsent) in told[0]
    kept = Case.open(link.unsent, passphrase=OWNER_PASSPHRASE)  # under the key's passphrase
    try:
        assert records.get(kept, "incident", mine)["title"] == "Written as the server went away"
    finally:
        kept.close()


def test_file_open_server_case_asks_copies_with_progress_and_opens(qtbot, sample_on_server, monkeypatch):
    from casefile.ui.server_case import ServerCaseDialog

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    asked = []
    monkeypatch.setattr(ServerCaseDialog, "ask", classmethod(
        lambda cls, parent: asked.append(parent) or (sample_on_server, OWNER_PASSPHRASE, True)))
    window.actions["open_server_case"].trigger()
    qtbot.waitUntil(lambda: window.case is not None and window.findChild(ServerLink) is not None, timeout=15_000)
    assert asked == [window] and _listed(window, "Military patrol")
    link = window.findChild(ServerLink)
    qtbot.waitUntil(lambda: link.syncs >= 1, timeout=15_000)
    window.close_case()
