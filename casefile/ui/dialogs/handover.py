"""File > Handover…: a BagIt bag for a court or UN mechanism
(``services/handover``). Recipient, scope, language and folder; the bag is
written by a child process (``jobs.handover``) with progress and cancel; at
the end, what went, what consent kept out and why, and the folder."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import CasefileError
from ...formatting import human_size
from ...store import outputs
from .dossier import CODE, case_passphrase
from .exchange import KeyPassphrase
from .job_dialog import JobDialog
from .output_path import documents_folder, safe_name


def default_folder(case, recipient: str) -> Path:
    """A new folder in Documents named after the case and the recipient."""
    title, who = safe_name(case.title or "", "case", 60), safe_name(recipient, "", 40)
    stem = f"{title} - handover to {who}" if who else f"{title} - handover"
    base = documents_folder(case)
    candidate, n = base / stem, 2
    while candidate.exists():
        candidate, n = base / f"{stem} ({n})", n + 1
    return candidate


class HandoverDialog(JobDialog):
    """``HandoverDialog.run(parent, case)``: the result dict, or None."""

    handed_over = Signal(dict)
    warm_module = "casefile.ui.jobs.handover"

    def __init__(self, case, parent: QWidget | None = None, *, ui_language: str = "en"):
        super().__init__(case, parent, ui_language=ui_language)
        self._suggested = ""
        self.setWindowTitle(self.tr("Handover to a court or mechanism"))

        intro = QLabel(self.tr(
            "A BagIt bag the recipient checks with standard tools: the originals, byte for byte, their records and "
            "custody, the records as FollowTheMoney entities, and the dossier, signed with your key. Only sources "
            "and evidence whose consent covers this recipient go; the others are listed when it is done."), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.recipient = QLineEdit(self)
        self.recipient.setPlaceholderText(self.tr("as consent names it, e.g. IIIM, ICC, CIDH"))
        self.recipient.setAccessibleName(self.tr("Recipient"))
        self.recipient.textChanged.connect(lambda _text: self._suggest_folder())
        self.incidents = QLineEdit(self)
        self.incidents.setPlaceholderText(self.tr("all incidents; or INC-0001, INC-0003"))
        self.incidents.setAccessibleName(self.tr("Incident codes"))
        self.language = QComboBox(self)
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish"), "es")
        self.language.setAccessibleName(self.tr("Dossier language"))
        self.language.setCurrentIndex(max(0, self.language.findData(getattr(case, "language", None) or ui_language)))
        self.output = QLineEdit(self)
        self.output.setAccessibleName(self.tr("New folder for the bag"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&Recipient:"), self.recipient)
        form.addRow(self.tr("&Incidents:"), self.incidents)
        form.addRow(self.tr("Dossier &language:"), self.language)
        folder_label = QLabel(self.tr("New &folder:"), self)
        folder_label.setBuddy(self.output)
        form.addRow(folder_label, out_row)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.status = QPlainTextEdit(self)
        self.status.setReadOnly(True)
        self.status.setAccessibleName(self.tr("Handover status"))
        self.status.setMaximumBlockCount(2000)
        self.status.hide()
        self.open_folder_button = QPushButton(self.tr("&Open folder"), self)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.hide()
        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(self.tr("&Hand over"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel_or_close)

        self.inputs = (self.recipient, self.incidents, self.language, self.output, browse)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status, 1)
        layout.addStretch(0)  # the room below the form until the status shows: not around the introduction
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_folder_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.resize(640, 360)
        self._suggest_folder()

    # -- choices -------------------------------------------------------------------

    def _suggest_folder(self) -> None:
        if self.case is not None and self.output.text() in ("", self._suggested):
            self._suggested = str(default_folder(self.case, self.recipient.text()))
            self.output.setText(self._suggested)

    @Slot()
    def _browse(self) -> None:
        parent = QFileDialog.getExistingDirectory(self, self.tr("Where to make the bag's folder"),
                                                  str(Path(self.output.text()).parent))
        if parent:
            name = Path(self.output.text()).name or default_folder(self.case, self.recipient.text()).name
            self.output.setText(str(Path(parent) / name))

    def arguments(self) -> list[str]:
        """The child's arguments; CasefileError naming what is wrong."""
        recipient = " ".join(self.recipient.text().split())
        if not recipient:
            raise CasefileError(self.tr("Name the recipient, as consent names it (IIIM, ICC, CIDH…)."))
        out = self.output.text().strip()
        if not out:
            raise CasefileError(self.tr("Choose a new folder for the bag."))
        folder = outputs.check_new_folder(Path(out).expanduser(), open_cases=(self.case.path,))
        args = [str(self.case.path), "-o", str(folder), "--for", recipient, "--lang", self.language.currentData(),
                "--ui-lang", self.ui_language]
        codes = [c.strip().upper() for c in self.incidents.text().split(",") if c.strip()]
        bad = [c for c in codes if not CODE.fullmatch(c)]
        if bad:
            raise CasefileError(self.tr("{code} is not an incident code (INC-0001).").format(code=bad[0]))
        if codes:
            args += ["--incidents", ",".join(codes)]
        if getattr(self.case, "encrypted", False):
            args.append("--encrypted")
        return args

    # -- running -----------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        if self.job is not None:
            return
        try:
            args = self.arguments()
        except CasefileError as error:
            self.say(self.tr("Nothing was handed over: {reason}").format(reason=error))
            return
        key_passphrase, ok = KeyPassphrase.ask(self)
        if not ok:
            self.say(self.tr("Nothing was handed over: the bag is signed with your key, which needs its "
                              "passphrase."))
            return
        stdin = [json.dumps(case_passphrase(self.case) or "")] if getattr(self.case, "encrypted", False) else []
        stdin.append(json.dumps(key_passphrase))
        self.result_info = None
        self.job = self.new_job(self.warm_module, args, stdin)
        self.job.progress.connect(self._on_progress)
        self.job.succeeded.connect(self._on_success)
        self.job.failed.connect(lambda message: self.say(
            self.tr("Nothing was handed over: {reason}").format(reason=message)))
        self.job.was_cancelled.connect(lambda: self.say(self.tr("Cancelled; nothing was written.")))
        self.job.finished.connect(self._on_finished)
        self._set_running(True)
        self.say(self.tr("Starting…"))
        self.job.start()

    def say(self, text: str) -> None:
        self.status.setPlainText(text)
        self.status.show()

    @Slot(object)
    def _on_success(self, info: dict) -> None:
        self.result_info = info
        lines = [self.tr("Written: {path}").format(path=info.get("path", "")),
                 self.tr("The dossier, the signed history head {head}, and evidence files with their records "
                         "and custody: {items} ({size}).").format(items=info.get("items", 0),
                                                               size=human_size(info.get("octets", 0)),
                                                               head=info.get("head", ""))]
        left_out = info.get("left_out", [])
        if left_out:
            lines.append(self.tr("Left out, as consent requires ({count}):").format(count=len(left_out)))
            lines += [f"  {code}: {why}" for code, why in left_out]
        lines += info.get("warnings", [])
        self.say("\n".join(lines))
        self.open_folder_button.show()
        self.cancel_button.setText(self.tr("Close"))
        self.handed_over.emit(info)

    @Slot()
    def open_folder(self) -> None:
        if self.result_info:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.result_info["path"]))

    @classmethod
    def run(cls, parent: QWidget | None, case, *, ui_language: str = "en") -> dict | None:
        dialog = cls(case, parent, ui_language=ui_language)
        dialog.exec()
        return dialog.result_info
