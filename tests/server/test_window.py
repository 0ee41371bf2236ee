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


def _on_server(url: str, code: str, field: str, table: str = "incident"):
    """A record's field as a member reads it on the server (its words are sealed there)."""
    with working_copy(ServerAddress.parse(url), load_key(OWNER_PASSPHRASE), write=False) as (copy, _server), \
            copy.connection() as conn:
        return conn.execute(text(f"SELECT {field} FROM {table} WHERE code = :c"), {"c": code}).scalar_one_or_none()


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


def test_a_sync_waits_for_a_large_file_going_in(qtbot, sample_on_server, pg_server, pg_database, monkeypatch,
                                                tmp_path, paused_intake):
    """While a large file goes in the case is lent to the intake (Case.sole_writer):
    a change heard from the server meanwhile is fetched once the file is in,
    not failed as "busy", and the new item reaches the server with it."""
    import importlib
    import os

    from casefile.ui.evidence.intake import EvidenceFileDialog, IntakeReportDialog

    url = sample_on_server
    window, link = _open_in_window(qtbot, monkeypatch, url)
    monkeypatch.setattr(importlib.import_module("casefile.services.evidence.intake"), "SOLE_FROM", 1 << 20)
    video = tmp_path / "recording.mp4"
    video.write_bytes(os.urandom(4 << 20))
    monkeypatch.setattr(EvidenceFileDialog, "choose", classmethod(lambda cls, parent: ([str(video)], True)))
    monkeypatch.setattr(IntakeReportDialog, "report", classmethod(lambda cls, parent, result: (None, True)))
    inside, go = paused_intake
    link._timer.setInterval(50)
    before = link.syncs
    window.actions["add_evidence_files"].trigger()  # Edit > Add Evidence Files…
    assert inside.wait(20) and window.case.lent

    with working_copy(ServerAddress.parse(url), load_key(OWNER_PASSPHRASE), write=True) as (copy, _server):
        with copy.connection() as conn:
            target = conn.execute(text("SELECT id FROM incident WHERE code = 'INC-0002'")).scalar_one()
        records.update(copy, "incident", target, title="Changed while the file went in")
    qtbot.wait(1500)  # heard, and the sync asked for, many times over
    assert link.syncs == before and "Not synced" not in window.statusBar().currentMessage()

    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=15_000):
        go.set()
    with window.case.connection() as conn:
        code = conn.execute(text("SELECT code FROM evidence WHERE original_name = 'recording.mp4'")).scalar_one()
    qtbot.waitUntil(lambda: records.get(window.case, "incident", target)["title"] == "Changed while the file went in",
                    timeout=15_000)
    qtbot.waitUntil(lambda: _on_server(url, code, "original_name", "evidence") == "recording.mp4", timeout=15_000)
    assert "Not synced" not in window.statusBar().currentMessage()
