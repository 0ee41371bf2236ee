"""A server case open in the window (``casefile postgresql://HOST/DATABASE?case=NAME``).

The window works on a local copy of the server case, as on any case: the list,
search, editors, undo. Each commit is sent to the server a moment after the
last one (a sync in the background, with the same merge as bundles), and the
server announces every change on the case's channel (PostgreSQL LISTEN/NOTIFY):
hearing one, the window fetches it the same way, so others' edits appear
without reloading. A field two people changed at once goes to the review
queue, as from any colleague. The copy lives in a private temporary folder,
encrypted under a random key, and is removed when the case is closed.
"""

from __future__ import annotations

import os
import secrets
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from ..errors import CasefileError
from ..services import keys
from ..store import Case
from ..store.server.address import ServerAddress
from .workers import run_in_thread

if TYPE_CHECKING:
    from .mainwindow import MainWindow

SETTLE_MS = 250  # a sync starts this long after the last commit or announcement
RETRY_MS = 10_000  # and this long after one that failed (the server away, say)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Server", text)


class ServerLink(QObject):
    """Keeps a window's local copy and the server case in step."""

    heard = Signal()      # the server announced another copy's change (from the listening thread)
    committed = Signal()  # the window committed a change (from any thread)
    synced = Signal()     # a sync finished (tests wait on it)

    def __init__(self, window: MainWindow, case: Case, address: ServerAddress, key: keys.DocumenterKey,
                 key_passphrase: str):
        super().__init__(window)
        self.window_, self.case, self.address, self.key = window, case, address, key
        self._key_passphrase = key_passphrase  # to keep unsent changes under, should the server be away at the end
        self.unsent: Path | None = None  # where they were kept
        self._dirty = False  # committed here since the last sync began
        from ..store.server.working import Mirror  # PostgreSQL's dialect, only when a server case opens

        self.mirror = Mirror(address)
        self._timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._timer.timeout.connect(self.sync_now)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)  # after a failed sync
        self._retry.timeout.connect(self.sync_now)
        self.heard.connect(self._timer.start)
        self.committed.connect(self._timer.start)
        self._busy = self._again = False
        self._syncing = 0  # the thread syncing: its own commits to the case are not the window's
        self.syncs = 0
        case.subscribe(self._heard_commit)
        self._stop = threading.Event()
        self._listener = threading.Thread(target=self._listen, name="casefile-listen", daemon=True)
        self._listener.start()

    def _heard_commit(self, _changes: dict) -> None:
        if threading.get_ident() != self._syncing:
            self._dirty = True
            self.committed.emit()

    def _listen(self) -> None:
        import psycopg

        from ..store.server.working import channel

        conninfo = self.address.url.set(drivername="postgresql").render_as_string(hide_password=False)
        while not self._stop.is_set():
            try:
                with psycopg.connect(conninfo, autocommit=True, application_name="casefile-listen") as conn:
                    conn.execute(f'LISTEN "{channel(self.address)}"')
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            if note.payload != self.key.fingerprint:  # not our own sync
                                self.heard.emit()
            except psycopg.Error:
                self._stop.wait(5.0)  # the server is away: listen again in a while

    def sync_now(self) -> None:
        if self._busy:
            self._again = True
            return
        if self.case.lent:  # a large file is going in (Case.sole_writer): sync once it is in
            self._timer.start()
            return
        self._busy, self._dirty = True, False
        from ..services.exchange.sync import sync

        def work(progress, cancelled):  # noqa: ARG001 - the job passes both
            self._syncing = threading.get_ident()
            try:
                return sync(self.case, self.address, self.key, mirror=self.mirror)
            finally:
                self._syncing = 0

        run_in_thread(work, parent=self.window_, title=_tr("Syncing with the server…"), on_success=self._done,
                      on_failure=self._failed, cancellable=False, show_progress=False)

    def _done(self, report: object) -> None:
        self._finish()
        received = getattr(report, "received", None)
        conflicts = len(getattr(received, "conflicts", []) or [])
        if conflicts:
            self.window_.statusBar().showMessage(_tr("Synced with the server; {n} values changed on two copies "
                                                     "wait in File > Review Conflicts.").format(n=conflicts))
        else:
            self.window_.statusBar().showMessage(_tr("Synced with the server"), 3000)

    def _failed(self, text: str) -> None:
        self._dirty = True  # what it was to send is still to be sent (and is, at the latest, on closing)
        self._finish()
        self.window_.statusBar().showMessage(_tr("Not synced with the server: {reason}").format(reason=text))
        if not self._stop.is_set():
            self._retry.start()

    def _finish(self) -> None:
        self._busy = False
        self.syncs += 1
        self.synced.emit()
        if self._again:
            self._again = False
            self._timer.start()

    def closing(self) -> None:
        """Before the case closes: the last changes go to the server now. Should the
        server be away, the copy is re-keyed under the documenter key's passphrase,
        to be kept (``unsent``) rather than removed with its folder."""
        self._stop.set()
        self._timer.stop()
        self._retry.stop()
        self._again = False
        deadline = time.monotonic() + 60
        while self._busy and time.monotonic() < deadline:  # its end is reported through the event loop
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        self.window_.flush_editor()
        if self._dirty:
            from ..services.exchange.sync import sync

            try:
                sync(self.case, self.address, self.key, mirror=self.mirror)
            except CasefileError:
                self.case.change_passphrase(self._key_passphrase)
                self.unsent = unsent_folder() / f"{self.address.case}-{secrets.token_hex(3)}.casefile"
        self.case.unsubscribe(self._heard_commit)
        self.window_.case_closing.disconnect(self.closing)
        self._listener.join(timeout=2.0)
        self.mirror.close()
        self.deleteLater()


def unsent_folder() -> Path:
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("Casefile", appauthor=False)) / "unsent"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _address_and_key(text: str, key_passphrase: str | None) -> tuple[ServerAddress, keys.DocumenterKey]:
    address = ServerAddress.parse(text)
    passphrase = key_passphrase or os.environ.get(keys.ENV_PASSPHRASE)
    if not passphrase:
        raise CasefileError(_tr("Opening a server case takes your documenter key, which signs what you send: "
                                "its passphrase is needed."))
    return address, keys.load_key(passphrase)


def _pull(address: ServerAddress, key: keys.DocumenterKey, folder: tempfile.TemporaryDirectory) -> Case:
    from ..services.exchange.sync import pull_copy

    case = pull_copy(address, Path(folder.name) / f"{address.case}.casefile", key,
                     passphrase=secrets.token_urlsafe(24))
    case.backup_keep = 0
    return case


def _attach(window: MainWindow, case: Case, folder: tempfile.TemporaryDirectory, address: ServerAddress,
            key: keys.DocumenterKey, passphrase: str) -> ServerLink:
    link: ServerLink | None = None

    def cleanup() -> None:  # after the case closed
        if link is not None and link.unsent is not None:
            import shutil

            shutil.move(str(case.path), link.unsent)
            window.show_error(CasefileError(_tr(
                "Your last changes could not reach {address}; they are kept in {path}, encrypted under your "
                "documenter key's passphrase. Send them later with: casefile sync {path} {address}").format(
                address=address, path=link.unsent)))
        folder.cleanup()

    window.set_case(case, remember=False, cleanup=cleanup)
    link = ServerLink(window, case, address, key, passphrase)
    window.case_closing.connect(link.closing)
    window.setWindowTitle(_tr("{title} — {address} — Casefile").format(title=case.title, address=address))
    window.statusBar().showMessage(_tr("Working on {address}: your changes are sent as you make them").format(
        address=address))
    link.sync_now()  # bring the server copy's key and this copy to know each other at once
    return link


class ServerCaseDialog:
    @classmethod
    def ask(cls, parent: QWidget | None) -> tuple[str, str, bool]:
        """The server case's address and the documenter key's passphrase."""
        address, ok = QInputDialog.getText(
            parent, _tr("Open Server Case"), _tr("Address of the case on the server "
                                                 "(postgresql://HOST/DATABASE?case=NAME):"))
        if not ok or not address.strip():
            return "", "", False
        passphrase = os.environ.get(keys.ENV_PASSPHRASE, "")
        if not passphrase:
            passphrase, ok = QInputDialog.getText(parent, _tr("Your Key"), _tr("Passphrase of your documenter key "
                                                                               "(it signs what you send):"),
                                                  QLineEdit.EchoMode.Password)
            if not ok or not passphrase:
                return "", "", False
        return address.strip(), passphrase, True


def open_server_case_from_menu(window: MainWindow) -> None:
    """File > Open Server Case…: ask, then open."""
    text, passphrase, ok = ServerCaseDialog.ask(window)
    if ok:
        open_server_case(window, text, passphrase)


def open_server_case(window: MainWindow, text: str, key_passphrase: str | None) -> None:
    """Unlock the documenter key and copy the server case off the UI thread (with
    progress), then open it in the window kept in step; a refusal is one message."""
    passphrase = key_passphrase or os.environ.get(keys.ENV_PASSPHRASE, "")
    folder = tempfile.TemporaryDirectory(prefix="casefile-server-case-")

    def work(progress, cancelled):  # noqa: ARG001 - the job passes both
        address, key = _address_and_key(text, passphrase)  # the key's KDF takes a moment too
        return address, key, _pull(address, key, folder)

    def opened(result: object) -> None:
        address, key, case = cast(tuple[ServerAddress, keys.DocumenterKey, Case], result)
        _attach(window, case, folder, address, key, passphrase)

    def failed(reason: str) -> None:
        folder.cleanup()
        window.show_error(CasefileError(reason))

    run_in_thread(work, parent=window, title=_tr("Copying the case from the server…"), on_success=opened,
                  on_failure=failed, cancellable=False)
