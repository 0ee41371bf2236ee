"""File > Send Changes…, Receive Changes… and Review Conflicts… (issue 18).

Sending and receiving run in a worker thread (``workers.run_in_thread``) with
a progress dialog whose Cancel stops them; a merge is all or nothing, so a
cancelled one changes nothing. The review queue shows each conflict's value
here beside the one that arrived, as plain text, and keeps the one chosen
(``services.exchange.review``). Merged changes do not enter the undo stack:
the stack is cleared, as after any change from outside the window.
"""

from __future__ import annotations

import base64
import json
import re
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import CasefileError
from ...services import evidence, keys
from ...services.exchange import PeerInfo, conflicts, list_peers, make_bundle, merge_bundle, resolve
from ..workers import run_in_thread


def _tr(text: str) -> str:
    return QCoreApplication.translate("Exchange", text)


def _plain(value: object) -> str:
    if isinstance(value, str):
        text = value
    else:
        text = json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:299] + "…"


class KeyPassphrase:
    @classmethod
    def ask(cls, parent: QWidget | None) -> tuple[str, bool]:
        """The documenter key's passphrase (the key is made with it on first use)."""
        made = keys.key_exists()
        prompt = _tr("Passphrase of your documenter key:") if made else _tr(
            "A documenter key signs what you send. Choose a passphrase for it:")
        text, ok = QInputDialog.getText(parent, _tr("Your Key"), prompt, QLineEdit.EchoMode.Password)
        return text, bool(ok and text)


_NEVER = datetime.min.replace(tzinfo=UTC)


class SendDialog(QDialog):
    """File > Send Changes…: to whom (a copy met before gets only what it has not
    acknowledged, sealed to its key; anyone else, the whole case) and what it may see."""

    def __init__(self, case, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send Changes"))
        form = QFormLayout(self)
        self.peer_box = QComboBox(self)
        self.peer_box.addItem(self.tr("Anyone: the whole case"), None)
        met = sorted(list_peers(case), key=lambda p: max(filter(None, (p.last_received_at, p.last_sent_at)),
                                                             default=_NEVER), reverse=True)
        for peer in met:
            when = max(filter(None, (peer.last_received_at, peer.last_sent_at)), default=None)
            label = self.tr("{name} ({fp}), last exchange {date}").format(
                name=peer.name or self.tr("unnamed"), fp=peer.fingerprint[:9],
                date=when.strftime("%Y-%m-%d") if when else self.tr("never"))
            self.peer_box.addItem(label, peer)
        if met:
            self.peer_box.setCurrentIndex(1)  # the copy met most recently
        form.addRow(self.tr("&To:"), self.peer_box)
        self.profile_box = QComboBox(self)
        for profile, label in (("full", self.tr("Full: for your own team")),
                               ("partner", self.tr("Partner: protected people under pseudonyms, no evidence files")),
                               ("public", self.tr("Public: as partner, and without claims resting only on confidential sources"))):
            self.profile_box.addItem(label, profile)
        form.addRow(self.tr("&Profile:"), self.profile_box)
        self.seal = QCheckBox(self.tr("&Encrypt to the recipient's key"), self)
        form.addRow(self.seal)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        form.addRow(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Send…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.peer_box.currentIndexChanged.connect(self._update)
        self.seal.toggled.connect(self._explain)
        self._update()

    @classmethod
    def ask(cls, parent: QWidget | None, case) -> tuple[PeerInfo | None, str, bool] | None:
        """(the peer or None for anyone, the profile, whether to encrypt), or None: cancelled."""
        dialog = cls(case, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.peer(), dialog.profile(), dialog.seal.isChecked()
        finally:
            dialog.deleteLater()

    def peer(self) -> PeerInfo | None:
        return self.peer_box.currentData()

    def profile(self) -> str:
        return str(self.profile_box.currentData())

    def _update(self) -> None:
        peer = self.peer()
        self.seal.setEnabled(peer is not None)
        self.seal.setChecked(peer is not None)
        self._explain()

    def _explain(self) -> None:
        peer = self.peer()
        if peer is None:
            self.note.setText(self.tr("The whole case goes in the bundle, for a copy this one has not met. "
                                      "Choose a colleague to send only what their copy has not yet acknowledged."))
            return
        name = peer.name or peer.fingerprint
        text = self.tr("Only what {name}'s copy has not acknowledged goes in the bundle.").format(name=name)
        sealed = self.tr("Encrypted: only their key opens it.") if self.seal.isChecked() else self.tr(
            "Not encrypted: anyone who gets the file can read it.")
        self.note.setText(f"{text} {sealed}")


def send_changes(window) -> None:
    case = window.case
    if case is None:
        return
    chosen = SendDialog.ask(window, case)
    if chosen is None:
        return
    peer, profile, seal = chosen
    # A peer's name is what its bundle said: only letters, digits and dashes of it go in a file name.
    to = re.sub(r"[^\w-]+", "-", peer.name or peer.fingerprint[:9]).strip("-") if peer is not None else ""
    suggested = f"{case.path.stem}-{to}" if to else case.path.stem
    out, _ = QFileDialog.getSaveFileName(window, _tr("Send Changes"), f"{suggested}.cfbundle",
                                         _tr("Casefile bundles (*.cfbundle)"))
    if not out:
        return
    passphrase, ok = KeyPassphrase.ask(window)
    if not ok:
        return
    documenter = case.documenter
    recipients = [base64.b64decode(peer.public_key)] if peer is not None and seal else []

    def work(progress, cancelled):
        key = keys.load_or_create(passphrase, documenter)
        return make_bundle(case, out, key, since=peer.replica if peer is not None else None, profile=profile,
                           recipients=recipients, progress=progress, cancelled=cancelled, force=True)

    def done(report) -> None:
        c = report.counts
        window.statusBar().showMessage(_tr("Wrote {path}: {records} records, {links} links, {files} evidence files, "
                                           "signed {fp}").format(path=out, records=c["records"], links=c["links"],
                                                                 files=c["evidence_files"], fp=report.fingerprint))

    run_in_thread(work, parent=window, title=_tr("Sending changes…"), on_success=done,
                  on_failure=lambda text: _warn(window, _tr("Nothing was sent"), text))


def receive_changes(window) -> None:
    case = window.case
    if case is None:
        return
    path, _ = QFileDialog.getOpenFileName(window, _tr("Receive Changes"), "", _tr("Casefile bundles (*.cfbundle)"))
    if not path:
        return
    key = None
    with open(path, "rb") as f:
        sealed = keys.is_sealed(f.read(len(keys.SEALED_MAGIC)))
    passphrase = ""
    if sealed:
        passphrase, ok = KeyPassphrase.ask(window)
        if not ok:
            return

    # A bundle with large files is merged as `casefile merge` does, each byte
    # written once, the case lent to the merge; what is being typed is stored first.
    large = evidence.is_large(path)
    if large:
        window.flush_editor()

    def work(progress, cancelled):
        nonlocal key
        if sealed:
            key = keys.load_key(passphrase)
        with evidence.fastest_journal(case, path, large=large):
            return merge_bundle(case, path, key, progress=progress, cancelled=cancelled)

    def done(result) -> None:
        window.undo_stack.clear()
        c = result.counts
        trust = _tr("a trusted key") if result.trusted else _tr("a key you have not marked as trusted")
        window.statusBar().showMessage(_tr("Merged: {created} created, {updated} updated, {deleted} deleted; signed "
                                           "by {name} {fp} ({trust})").format(
            created=c["created"], updated=c["updated"], deleted=c["deleted"], name=result.signer_name,
            fp=result.signer, trust=trust))
        if result.conflicts:
            ReviewDialog.show_for(window, case)

    run_in_thread(work, parent=window, title=_tr("Receiving changes…"), on_success=done,
                  on_failure=lambda text: _warn(window, _tr("Nothing was merged"), text), at_once=large)


def _field_label(kind: str, name: str) -> str:
    """A record field as its editor labels it ("place" is the editor's place_id)."""
    from ...services.records.fields import FIELDS

    return next((f.label for f in FIELDS.get(kind, ()) if f.name in (name, f"{name}_id")), name)


def _warn(window, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, window)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


class ReviewDialog(QDialog):
    """The review queue: each conflict side by side; keep one."""

    def __init__(self, case, parent: QWidget | None = None):
        super().__init__(parent)
        self.case = case
        self.setWindowTitle(self.tr("Review Conflicts"))
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Record"), self.tr("Field"), self.tr("Here"),
                                              self.tr("Arrived")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for column in (0, 2, 3):  # the record and the two values share the width
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.keep_here = QPushButton(self.tr("Keep &Here"), self)
        self.keep_theirs = QPushButton(self.tr("Keep &Arrived"), self)
        buttons.addButton(self.keep_here, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.keep_theirs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.keep_here.clicked.connect(lambda: self.keep("here"))
        self.keep_theirs.clicked.connect(lambda: self.keep("theirs"))
        layout.addWidget(buttons)
        self.items: list = []
        self.refresh()

    def refresh(self) -> None:
        self.items = conflicts(self.case)
        self.table.setRowCount(len(self.items))
        for row, c in enumerate(self.items):
            field = self.tr("(deleted on the other copy)") if c.field == "_exists" else _field_label(c.kind, c.field)
            here = self.tr("kept") if c.field == "_exists" else _plain(c.here)
            theirs = self.tr("deleted") if c.field == "_exists" else _plain(c.theirs)
            for column, text in enumerate((f"{c.code or c.kind} {c.title}".strip(), field, here, theirs)):
                self.table.setItem(row, column, QTableWidgetItem(text))  # items show plain text
        self.table.resizeRowsToContents()
        self.note.setText(self.tr("%n value(s) were changed differently on another copy. Nothing was overwritten: "
                                  "choose the value to keep.", "", len(self.items)) if self.items else
                          self.tr("No conflicts to review."))
        if self.items:
            self.table.selectRow(0)
        self.keep_here.setEnabled(bool(self.items))
        self.keep_theirs.setEnabled(bool(self.items))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)  # values wrap to the columns' new width

    def keep(self, which: str) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.items):
            return
        resolve(self.case, self.items[row].id, which)
        self.refresh()

    @classmethod
    def show_for(cls, window: QWidget | None, case) -> tuple[None, bool]:
        cls(case, window).exec()
        return None, True


class KeyDialog(QDialog):
    """File > Documenter Key…: your key's fingerprint (read it out to the team, so they
    know bundles signed with it are yours), its export, and the colleagues' keys you
    trust. Nothing here needs the passphrase: public keys are kept in clear."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Documenter Key"))
        self.resize(640, 380)
        layout = QVBoxLayout(self)
        self.mine = QLabel(self)
        self.mine.setObjectName("ownKey")
        self.mine.setTextFormat(Qt.TextFormat.PlainText)
        self.mine.setWordWrap(True)
        self.mine.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout.addWidget(self.mine)
        heading = QLabel(self.tr("Colleagues' keys you trust:"), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("trustedKeys")
        self.table.setAccessibleName(self.tr("Trusted keys"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Fingerprint")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(self.tr("&Export My Public Key…"), self)
        self.trust_button = QPushButton(self.tr("&Trust a Colleague's Key…"), self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.trust_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export)
        self.trust_button.clicked.connect(self.trust)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        public = keys.own_public_key()
        if public is None:
            self.mine.setText(self.tr("You have no documenter key yet. It is made, under a passphrase of your "
                                      "own, the first time you send changes."))
        else:
            self.mine.setText(self.tr("Your key's fingerprint: {fp}\nRead it out to your team: bundles and "
                                      "dossiers signed with this key are yours.").format(fp=keys.fingerprint(public)))
        self.export_button.setEnabled(public is not None)
        trusted = sorted(keys.trusted().items(), key=lambda item: (str(item[1].get("name", "")), item[0]))
        self.table.setRowCount(len(trusted))
        for row, (fp, entry) in enumerate(trusted):
            for column, text in enumerate((str(entry.get("name", "")), fp)):
                self.table.setItem(row, column, QTableWidgetItem(text))  # items show plain text

    def export(self) -> None:
        from ...store import outputs

        public = keys.own_public_key()
        if public is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export My Public Key"), "casefile-key.pem",
                                              self.tr("Public keys (*.pem)"))
        if not path:
            return
        case = getattr(self.parentWidget(), "case", None)
        try:  # the dialog asked before replacing; never over an open case
            outputs.write_bytes(path, keys.public_pem(public), force=True,
                                open_cases=(case.path,) if case is not None else ())
        except CasefileError as error:
            _warn(self, self.tr("The key was not written"), str(error))
            return
        self.mine.setText(self.mine.text() + "\n" + self.tr("Written to {path}.").format(path=path))

    def trust(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Trust a Colleague's Key"), "",
                                              self.tr("Public keys (*.pem)"))
        if not path:
            return
        try:
            public = keys.read_public_key(path)
        except CasefileError as error:
            _warn(self, self.tr("The key was not trusted"), str(error))
            return
        name, ok = QInputDialog.getText(self, self.tr("Trust a Colleague's Key"), self.tr(
            "Whose key is {fp}? Check the fingerprint with them first.").format(fp=keys.fingerprint(public)))
        if not ok:
            return
        keys.trust(public, name.strip())
        self.refresh()

    @classmethod
    def show_for(cls, window: QWidget | None) -> tuple[None, bool]:
        cls(window).exec()
        return None, True
