"""File > Send Changes… / Receive Changes… / Review Conflicts… (issue 18),
driven through the window's actions; what lands in the case files is checked."""

from __future__ import annotations

import contextlib
import shutil

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import select

from casefile.model import Incident
from casefile.services import keys
from casefile.services.exchange import conflicts
from casefile.services.sample import create_demo_case
from casefile.store import Case
from casefile.ui.dialogs import exchange
from tests.services.exchange_samples import PASSPHRASE, bundle, key_for, merge


def _open(qtbot, path):
    from casefile.ui.mainwindow import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.set_case(Case.open(path), remember=False)
    win.show()
    return win


def _two_copies(folder):
    """Two laptops' copies of the sample case: (mine, theirs)."""
    template = folder / "t.casefile"
    create_demo_case(template).close(backup=False)
    mine, theirs = folder / "mine.casefile", folder / "theirs.casefile"
    shutil.copy(template, mine)
    shutil.copy(template, theirs)
    return mine, theirs


def _retitle(where, title: str) -> None:
    """INC-0001's title changed on one laptop: a case file, or the window's open case."""
    opened = contextlib.nullcontext(where) if isinstance(where, Case) else Case.open(where)
    with opened as case, case.session() as s:
        s.scalars(select(Incident).where(Incident.code == "INC-0001")).one().title = title


def _title(case) -> str:
    with case.session() as s:
        return s.scalars(select(Incident.title).where(Incident.code == "INC-0001")).one()


def test_send_receive_and_review_in_the_window(qtbot, tmp_path, monkeypatch):
    mine, theirs = _two_copies(tmp_path)
    _retitle(theirs, "Their title")
    incoming = bundle(theirs, tmp_path / "theirs.cfbundle", key_for(tmp_path, "theirs"))

    monkeypatch.setenv(keys.ENV_DIR, str(tmp_path / "my-keys"))
    monkeypatch.setattr(exchange.KeyPassphrase, "ask", classmethod(lambda cls, parent: (PASSPHRASE, True)))
    win = _open(qtbot, mine)
    _retitle(win.case, "My title")

    out = tmp_path / "mine.cfbundle"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    QTimer.singleShot(0, lambda: QTest.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Return))
    win.actions["send_changes"].trigger()  # to anyone: no copy met yet
    qtbot.waitUntil(lambda: out.exists() and "Wrote" in win.statusBar().currentMessage(), timeout=30000)
    assert keys.key_exists()

    reviewed = []
    monkeypatch.setattr(exchange.ReviewDialog, "show_for",
                        classmethod(lambda cls, window, case: reviewed.append(case) or (None, True)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(incoming), "")))
    win.actions["receive_changes"].trigger()
    qtbot.waitUntil(lambda: bool(reviewed), timeout=30000)
    assert "Merged" in win.statusBar().currentMessage()
    (queued,) = conflicts(win.case)
    assert (queued.field, queued.here, queued.theirs) == ("title", "My title", "Their title")

    dialog = exchange.ReviewDialog(win.case, win)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 3).text() == "Their title"
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Keep &Arrived
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    assert dialog.table.rowCount() == 0 and conflicts(win.case) == []
    assert _title(win.case) == "Their title"
    win.close()


def test_send_changes_to_a_colleague_sends_what_their_copy_lacks_sealed_to_their_key(qtbot, tmp_path, monkeypatch):
    mine, theirs = _two_copies(tmp_path)
    monkeypatch.setenv(keys.ENV_DIR, str(tmp_path / "my-keys"))
    my_key, their_key = keys.load_or_create(PASSPHRASE, "Ana"), key_for(tmp_path, "Rosa")
    merge(theirs, bundle(mine, tmp_path / "m0.cfbundle", my_key), their_key)  # the two copies have met
    merge(mine, bundle(theirs, tmp_path / "t0.cfbundle", their_key), my_key)
    monkeypatch.setattr(exchange.KeyPassphrase, "ask", classmethod(lambda cls, parent: (PASSPHRASE, True)))
    win = _open(qtbot, mine)
    _retitle(win.case, "Only this is new")
    out = tmp_path / "to-rosa.cfbundle"
    suggested: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: suggested.append(a[2]) or (str(out), "")))
    seen = []

    def choose() -> None:  # Rosa, met before, is offered first, sealed to her key: Enter sends
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, exchange.SendDialog)
        seen.append((dialog.peer_box.currentText(), dialog.seal.isChecked(), dialog.profile()))
        QTest.keyClick(dialog, Qt.Key.Key_Return)
    QTimer.singleShot(0, choose)
    win.actions["send_changes"].trigger()
    qtbot.waitUntil(lambda: out.exists() and "Wrote" in win.statusBar().currentMessage(), timeout=30000)
    assert ": 1 records, 0 links, 0 evidence files" in win.statusBar().currentMessage()  # not the whole case
    win.close()
    assert seen[0][0].startswith("Rosa (") and seen[0][1:] == (True, "full")
    assert suggested == ["mine-Rosa.cfbundle"]  # the peer's name, as a plain file name
    with open(out, "rb") as f:
        assert keys.is_sealed(f.read(len(keys.SEALED_MAGIC)))
    report = merge(theirs, out, their_key)
    assert (report.counts["updated"], report.counts["created"]) == (1, 0), report.counts
    with Case.open(theirs, read_only=True) as case:
        assert _title(case) == "Only this is new"


def test_documenter_key_shows_the_fingerprint_exports_and_trusts(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from casefile.ui.mainwindow import MainWindow

    monkeypatch.setenv(keys.ENV_DIR, str(tmp_path / "my-keys"))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    seen: list[exchange.KeyDialog] = []

    def look() -> None:  # the dialog File > Documenter Key… opened
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, exchange.KeyDialog)
        seen.append(dialog)
        dialog.reject()
    QTimer.singleShot(0, look)
    window.actions["documenter_key"].trigger()
    assert "no documenter key yet" in seen[0].mine.text() and not seen[0].export_button.isEnabled()

    mine = keys.create_key(PASSPHRASE, "Ana")
    colleague = key_for(tmp_path, "Rosa")
    rosa_pem = colleague.export_public(tmp_path / "rosa.pem")
    out = tmp_path / "ana.pem"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(rosa_pem), "")))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Rosa Hernández", True)))
    dialog = exchange.KeyDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert mine.fingerprint in dialog.mine.text()
    # Alt and the underlined letter; a button so pressed clicks itself a moment later
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # &Export My…
    qtbot.waitUntil(out.exists)
    assert keys.read_public_key(out) == mine.public_key
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # &Trust a…
    qtbot.waitUntil(lambda: keys.is_trusted(colleague.public_key))
    assert keys.is_trusted(colleague.public_key)
    rows = [(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text()) for r in range(dialog.table.rowCount())]
    assert rows == [("Rosa Hernández", colleague.fingerprint)]


def test_a_bundle_with_large_files_is_received_written_once(qtbot, tmp_path, monkeypatch):
    """As `casefile merge` does: the case is lent to the merge (a rollback
    journal, each byte written once) while the window waits behind its
    progress dialog; the file arrives whole and the case is back on its WAL."""
    import hashlib
    import importlib
    import os

    from casefile.services import evidence

    mine, theirs = _two_copies(tmp_path)
    video = tmp_path / "video.mp4"
    video.write_bytes(os.urandom(3 << 20))
    with Case.open(theirs) as case:
        evidence.intake(case, video)
    incoming = bundle(theirs, tmp_path / "theirs.cfbundle", key_for(tmp_path, "theirs"))
    monkeypatch.setattr(importlib.import_module("casefile.services.evidence.intake"), "SOLE_FROM", 1 << 20)
    win = _open(qtbot, mine)
    # The window settled (the first record's editor, the views): while the
    # window itself reads the case, the merge goes through the WAL instead.
    qtbot.wait(500)
    lent: list[tuple[bool, object]] = []
    real = exchange.merge_bundle

    def watched(case, *args, **kwargs):  # the real merge, on the worker thread
        lent.append((case.sole, QApplication.activeModalWidget()))
        return real(case, *args, **kwargs)

    monkeypatch.setattr(exchange, "merge_bundle", watched)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(incoming), "")))
    win.actions["receive_changes"].trigger()
    qtbot.waitUntil(lambda: "Merged" in win.statusBar().currentMessage(), timeout=30000)
    assert [sole for sole, _ in lent] == [True]
    case = win.case
    (item,) = [e for e in evidence_items(case) if e.original_name == "video.mp4"]
    assert hashlib.sha256(evidence.read_all(case, item.code)).hexdigest() == hashlib.sha256(
        video.read_bytes()).hexdigest()
    with case.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    win.close()


def evidence_items(case):
    from casefile.model import Evidence

    with case.session() as s:
        return s.scalars(select(Evidence)).all()
