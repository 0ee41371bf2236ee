"""The dossier export dialog: scope, profile, language and file; the build
runs in a child process (``jobs.dossier``) so the window stays responsive,
with progress and cancel; at the end, the file's SHA-256 and its folder."""

from __future__ import annotations

import json
import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import CasefileError
from ...model import PartialDate
from .exchange import KeyPassphrase
from .job_dialog import JobDialog
from .output_path import documents_folder, may_write, safe_name

PROFILES = ("full", "partner", "public")
LANGUAGES = ("en", "es")
CODE = re.compile(r"INC-[0-9]+")  # whole strings: fullmatch


def case_passphrase(case) -> str | None:
    """The open case's passphrase, to hand to the child through a pipe."""
    return case.passphrase


def default_output(case, profile: str) -> Path:
    return documents_folder(case) / f"{safe_name(case.title or '', 'dossier')} - {profile}.pdf"


class DossierDialog(JobDialog):
    """``DossierDialog.export(parent, case)`` returns (result dict or None, accepted)."""

    exported = Signal(dict)  # path, pages, sha256, withheld
    warm_module = "casefile.ui.jobs.dossier"

    def __init__(self, case, parent: QWidget | None = None, *, ui_language: str = "en"):
        super().__init__(case, parent, ui_language=ui_language)
        self._suggested = ""
        self.setWindowTitle(self.tr("Export dossier"))

        # -- scope ---------------------------------------------------------------
        scope_box = QGroupBox(self.tr("Scope"), self)
        self.scope_whole = QRadioButton(self.tr("&Whole case"), scope_box)
        self.scope_incidents = QRadioButton(self.tr("Chosen &incidents:"), scope_box)
        self.scope_tag = QRadioButton(self.tr("Incidents with &tag:"), scope_box)
        self.scope_dates = QRadioButton(self.tr("Incidents &dated:"), scope_box)
        self.scope_group = QButtonGroup(self)
        for number, button in enumerate((self.scope_whole, self.scope_incidents, self.scope_tag, self.scope_dates)):
            self.scope_group.addButton(button, number)
        self.scope_whole.setChecked(True)
        self.incidents = QLineEdit(scope_box)
        self.incidents.setPlaceholderText(self.tr("INC-0001, INC-0003"))
        self.incidents.setAccessibleName(self.tr("Incident codes"))
        self.choose_incident = QPushButton(self.tr("C&hoose…"), scope_box)
        self.choose_incident.clicked.connect(self._choose_incident)
        self.tag = QLineEdit(scope_box)
        self.tag.setAccessibleName(self.tr("Tag"))
        self.date_from = QLineEdit(scope_box)
        self.date_from.setPlaceholderText(self.tr("from, e.g. 2013 or Aug 2013"))
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to = QLineEdit(scope_box)
        self.date_to.setPlaceholderText(self.tr("to, e.g. 5 Aug 2013"))
        self.date_to.setAccessibleName(self.tr("To date"))
        grid = QGridLayout(scope_box)
        grid.addWidget(self.scope_whole, 0, 0, 1, 3)
        grid.addWidget(self.scope_incidents, 1, 0)
        grid.addWidget(self.incidents, 1, 1)
        grid.addWidget(self.choose_incident, 1, 2)
        grid.addWidget(self.scope_tag, 2, 0)
        grid.addWidget(self.tag, 2, 1, 1, 2)
        grid.addWidget(self.scope_dates, 3, 0)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        grid.addLayout(dates, 3, 1, 1, 2)
        # Typing in a scope's field chooses that scope.
        self.incidents.textEdited.connect(lambda _t: self.scope_incidents.setChecked(True))
        self.tag.textEdited.connect(lambda _t: self.scope_tag.setChecked(True))
        self.date_from.textEdited.connect(lambda _t: self.scope_dates.setChecked(True))
        self.date_to.textEdited.connect(lambda _t: self.scope_dates.setChecked(True))

        # -- profile -------------------------------------------------------------
        profile_box = QGroupBox(self.tr("Profile"), self)
        profile_layout = QGridLayout(profile_box)
        self.profile_group = QButtonGroup(self)
        explanations = {
            "full": (self.tr("&Full"), self.tr("Everything, including protected names and contacts: for your own team.")),
            "partner": (self.tr("&Partner"), self.tr(
                "Protected people and confidential sources under their pseudonyms; contacts and confidential "
                "records left out.")),
            "public": (self.tr("P&ublic"), self.tr(
                "As partner, and also claims resting only on confidential sources and who handled evidence.")),
        }
        self.profile_buttons: dict[str, QRadioButton] = {}
        for row, profile in enumerate(PROFILES):
            title, explanation = explanations[profile]
            button = QRadioButton(title, profile_box)
            note = QLabel(explanation, profile_box)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            self.profile_group.addButton(button, row)
            self.profile_buttons[profile] = button
            profile_layout.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            profile_layout.addWidget(note, row, 1)
        profile_layout.setColumnStretch(1, 1)
        self.profile_buttons["full"].setChecked(True)
        self.profile_group.idToggled.connect(self._profile_toggled)

        # -- language and file ------------------------------------------------------
        self.language = QComboBox(self)
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish"), "es")
        self.language.setAccessibleName(self.tr("Dossier language"))
        case_language = getattr(case, "language", None) or ui_language
        self.language.setCurrentIndex(max(0, self.language.findData(case_language)))
        self.output = QLineEdit(self)
        self.output.setAccessibleName(self.tr("Output file"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        # PDF/A-2b for archives and courts: XMP metadata and an sRGB output intent (dossier/archival.py).
        self.archival = QCheckBox(self.tr("&Archival PDF (PDF/A-2b)"), self)
        self.archival.setToolTip(self.tr("For archives and courts: fonts embedded, metadata in the file, "
                                         "a defined colour space"))
        # Signed with the documenter's key (dossier/signing.py): who issued it, and that it did not change.
        self.sign = QCheckBox(self.tr("Si&gn with my documenter key"), self)
        self.sign.setToolTip(self.tr("A digital signature (PAdES) any PDF reader can check; the cover says by "
                                     "whom and with which key"))
        # Partner and public: pictures flagged as showing faces (services/redaction/faces.py).
        self.faces = QComboBox(self)
        self.faces.addItem(self.tr("Blurred"), "blur")
        self.faces.addItem(self.tr("Left out (counted on the last page)"), "omit")
        self.faces.setAccessibleName(self.tr("Pictures showing faces"))
        self.faces.setEnabled(False)  # the full profile shows them as they are
        self.profile_group.idToggled.connect(lambda _id, _on: self.faces.setEnabled(self.profile() != "full"))
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Pi&ctures showing faces:"), self.faces)
        form.addRow("", self.archival)
        form.addRow("", self.sign)
        save_label = QLabel(self.tr("&Save as:"), self)
        save_label.setBuddy(self.output)  # a row holding a layout gets no buddy by itself
        form.addRow(save_label, out_row)

        # -- progress and outcome ------------------------------------------------------
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Export status"))
        self.open_folder_button = QPushButton(self.tr("Open &folder"), self)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.hide()
        # Before a shared export: what the redaction engine replaces and may miss (ui.dialogs.redaction_preview).
        self.preview_button = QPushButton(self.tr("Preview &redaction…"), self)
        self.preview_button.clicked.connect(self.preview_redaction)
        self.profile_group.idToggled.connect(lambda _id, _on: self.preview_button.setVisible(self.profile() != "full"))
        self.preview_button.hide()

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button = self.export_button
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start_export)
        self.cancel_button.clicked.connect(self._cancel_or_close)

        self.inputs = (scope_box, profile_box, self.language, self.archival, self.output, browse)
        layout = QVBoxLayout(self)
        layout.addWidget(scope_box)
        layout.addWidget(profile_box)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_folder_button)
        bottom.addWidget(self.preview_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self._suggest_output()

    # -- choices -----------------------------------------------------------------------

    def profile(self) -> str:
        return PROFILES[self.profile_group.checkedId()]

    def set_profile(self, profile: str) -> None:
        self.profile_buttons[profile].setChecked(True)

    def _profile_toggled(self, _id: int, on: bool) -> None:
        if on:
            self._suggest_output()

    def _suggest_output(self) -> None:
        # Follow the profile only while the field still holds our own suggestion.
        if self.case is not None and self.output.text() in ("", self._suggested):
            self._suggested = str(default_output(self.case, self.profile()))
            self.output.setText(self._suggested)

    @Slot()
    def _browse(self) -> None:
        # Replacing a file is asked once, when the export starts (ui.dialogs.output_path).
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the dossier as"), self.output.text(),
                                                    self.tr("PDF files (*.pdf)"), "",
                                                    QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.output.setText(path)

    @Slot()
    def _choose_incident(self) -> None:
        from ...services import records
        from ..editors.picker import RecordPicker

        choice, ok = RecordPicker.pick(self, self.case, "incident", allow_create=False)
        if not ok or choice is None or choice.record_id is None:
            return
        code = records.get(self.case, "incident", choice.record_id)["code"]
        codes = [c for c in (p.strip() for p in self.incidents.text().split(",")) if c]
        if code not in codes:
            codes.append(code)
        self.incidents.setText(", ".join(codes))
        self.scope_incidents.setChecked(True)

    def arguments(self) -> list[str]:
        """The child's arguments for the current choices; CasefileError if one is wrong."""
        out = self.output.text().strip()
        if not out:
            raise CasefileError(self.tr("Choose where to save the dossier."))
        path = Path(out).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if not path.parent.is_dir():
            raise CasefileError(self.tr("Folder {path} does not exist.").format(path=path.parent))
        args = [str(self.case.path), "-o", str(path), "--profile", self.profile(),
                "--lang", self.language.currentData(), "--ui-lang", self.ui_language]
        scope = self.scope_group.checkedId()
        if scope == 1:
            codes = [c.strip().upper() for c in self.incidents.text().split(",") if c.strip()]
            if not codes:
                raise CasefileError(self.tr("Name at least one incident, e.g. INC-0001."))
            bad = [c for c in codes if not CODE.fullmatch(c)]
            if bad:
                raise CasefileError(self.tr("{code} is not an incident code (INC-0001).").format(code=bad[0]))
            args += ["--incidents", ",".join(codes)]
        elif scope == 2:
            if not self.tag.text().strip():
                raise CasefileError(self.tr("Enter the tag."))
            args += ["--tag", self.tag.text().strip()]
        elif scope == 3:
            start, end = self._date(self.date_from), self._date(self.date_to)
            if not start and not end:
                raise CasefileError(self.tr("Enter a start date, an end date, or both."))
            if start:
                args += ["--from", start]
            if end:
                args += ["--to", end]
        if self.archival.isChecked():
            args.append("--pdfa")
        if self.profile() != "full" and self.faces.currentData() != "blur":  # blur: the default
            args += ["--faces", self.faces.currentData()]
        if self.case_encrypted():
            args.append("--encrypted")
        if self.sign.isChecked():
            args.append("--sign")
        return args

    def _date(self, field: QLineEdit) -> str | None:
        text = field.text().strip()
        if not text:
            return None
        value = PartialDate.parse(text)  # CasefileError in words for a date it cannot read
        return value.iso() if value else None

    def case_encrypted(self) -> bool:
        return bool(getattr(self.case, "encrypted", False))

    # -- running ------------------------------------------------------------------------

    @Slot()
    def start_export(self) -> None:
        if self.job is not None:
            return
        try:
            args = self.arguments()
            # Never a case, a folder, a link...; an existing file only if the documenter agrees.
            force = may_write(self, args[2], open_cases=(self.case.path,))
        except CasefileError as error:
            self._show_error(str(error))
            return
        if force is None:
            self.status.setText(self.tr("Not exported; the existing file was kept."))
            return
        if force:
            args.append("--force")
        # As one JSON string: the passphrase exactly as typed, even with a line break or a final CR in it.
        stdin = [json.dumps(case_passphrase(self.case) or "")] if self.case_encrypted() else []
        if self.sign.isChecked():
            key_passphrase, ok = KeyPassphrase.ask(self)
            if not ok:
                self.status.setText(self.tr("Not exported: signing needs your key's passphrase."))
                return
            stdin.append(json.dumps(key_passphrase))
        self.result_info = None
        self.job = self.new_job(self.warm_module, args, stdin)
        self.job.progress.connect(self._on_progress)
        self.job.succeeded.connect(self._on_success)
        self.job.failed.connect(self._show_error)
        self.job.was_cancelled.connect(self._on_cancelled)
        self.job.finished.connect(self._on_finished)
        self._set_running(True)
        self.status.setText(self.tr("Starting…"))
        self.job.start()

    def say(self, text: str) -> None:
        self.status.setText(text)

    def _set_running(self, running: bool) -> None:
        super()._set_running(running)
        if running:
            self.open_folder_button.hide()

    @Slot(object)
    def _on_success(self, info: dict) -> None:
        self.result_info = info
        self.status.setText(self.tr("Written: {path}\n{pages} pages. SHA-256: {sha256}").format(
            path=info.get("path", ""), pages=info.get("pages", "?"), sha256=info.get("sha256", ""))
            + "".join(f"\n{warning}" for warning in info.get("warnings", [])))
        self.open_folder_button.show()
        self.cancel_button.setText(self.tr("Close"))
        self._fit()
        self.exported.emit(info)

    @Slot(str)
    def _show_error(self, message: str) -> None:
        self.status.setText(self.tr("The dossier was not written: {reason}").format(reason=message))
        self._fit()

    def _fit(self) -> None:
        """Grow to hold a longer status (a path, a hash) instead of squeezing the
        wrapped explanations above it into each other."""
        layout = self.layout()
        if layout is None:  # set in __init__; gone only while the dialog is torn down
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.setMinimumHeight(needed)
            self.resize(self.width(), needed)

    @Slot()
    def _on_cancelled(self) -> None:
        self.status.setText(self.tr("Cancelled; nothing was written."))

    @Slot()
    def preview_redaction(self) -> None:
        from .redaction_preview import RedactionPreviewDialog

        RedactionPreviewDialog.show_for(self.parentWidget(), self.case, self.profile(), parent=self)

    @Slot()
    def open_folder(self) -> None:
        if self.result_info:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.result_info["path"]).parent)))

    @classmethod
    def export(cls, parent: QWidget | None, case, *, ui_language: str = "en") -> tuple[dict | None, bool]:
        dialog = cls(case, parent, ui_language=ui_language)
        dialog.exec()
        return dialog.result_info, dialog.result_info is not None
