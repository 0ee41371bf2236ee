"""The welcome page: new case, open, recent cases, the sample case."""

from __future__ import annotations

import re
from pathlib import Path
from typing import cast

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import CasefileError
from ..store import SUFFIX, Case, outputs
from . import dialogs
from .dialogs.passphrase import NewPassphraseWidget

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class NewCaseDialog(QDialog):
    """Title, documenter name and where to save; the file name follows the title."""

    def __init__(self, parent=None, folder: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Case"))
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Case title"))
        self.documenter = QLineEdit(cast(str, QSettings().value("cases/documenter", "", type=str)))
        self.documenter.setAccessibleName(self.tr("Your name"))
        self.folder = QLineEdit(folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation))
        self.folder.setAccessibleName(self.tr("Folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.file_name = QLineEdit()
        self.file_name.setAccessibleName(self.tr("File name"))
        self._name_edited = False
        self.file_name.textEdited.connect(lambda _t: setattr(self, "_name_edited", True))
        self.title.textChanged.connect(self._follow_title)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder)
        folder_row.addWidget(browse)
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder)  # a row holding a layout gets no buddy, and shows a literal "&"
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Your name:"), self.documenter)
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("File &name:"), self.file_name)
        # Encryption, on by default, with the warning that a lost passphrase is a lost case.
        self.encryption = NewPassphraseWidget(self)
        self.problem = _plain_label()
        self.problem.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create Case"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.encryption)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        # A problem shown goes (or changes) as soon as the documenter fixes it.
        for signal in (self.title.textChanged, self.folder.textChanged, self.file_name.textChanged,
                       self.encryption.changed):
            signal.connect(self._recheck)
        # Tab walks down the form, then the passphrase, then Create (the buttons came before it).
        QWidget.setTabOrder(self.file_name, self.encryption.encrypt)
        QWidget.setTabOrder(self.encryption.encrypt, self.encryption.first)
        QWidget.setTabOrder(self.encryption.first, self.encryption.second)
        QWidget.setTabOrder(self.encryption.second, buttons.button(QDialogButtonBox.StandardButton.Ok))
        self.setMinimumWidth(520)
        self.adjustSize()
        self.title.setFocus()  # typing starts in the title, never on the encryption box

    def _follow_title(self, text: str) -> None:
        if not self._name_edited:
            stem = re.sub(r"[^\w\- ]+", "", text).strip().replace(" ", "-")[:60] or "case"
            self.file_name.setText(stem + SUFFIX)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Where to save the case"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def path(self) -> Path:
        name = self.file_name.text().strip()
        if not name.endswith(SUFFIX):
            name += SUFFIX
        return Path(self.folder.text().strip()).expanduser() / name

    def _problem(self) -> str:
        """What stops the case being created, or ""; a missing folder is offered on Create."""
        folder = self.path().parent
        if not self.title.text().strip():
            return self.tr("A case needs a title.")
        if folder.exists() and not folder.is_dir():
            return self.tr("{path} is a file, not a folder.").format(path=folder)
        if not folder.exists():
            return self.tr("That folder does not exist.")
        if self.path().exists() or self.path().is_symlink():  # a dangling link too: never created through
            return self.tr("That file already exists; choose another name.")
        return self.encryption.problem()

    def _recheck(self) -> None:
        if self.problem.text():
            self.problem.setText(self._problem())

    def _accept(self) -> None:
        folder = self.path().parent
        if self.title.text().strip() and not folder.exists() and not folder.is_symlink():
            if not dialogs.confirm(self, self.tr("Create the folder?"),
                                   self.tr("The folder {path} does not exist. Create it?").format(path=folder),
                                   action=self.tr("Create Folder")):
                self.problem.setText(self.tr("That folder does not exist."))
                return
            try:
                folder.mkdir(parents=True)
            except OSError as error:
                self.problem.setText(self.tr("The folder could not be created: {reason}").format(
                    reason=error.strerror or error))
                return
        problem = self._problem()
        self.problem.setText(problem)
        if not problem:
            self.accept()
        elif not self.title.text().strip():
            self.title.setFocus()

    @classmethod
    def get_new_case(cls, parent=None) -> tuple[tuple[str, str, Path, str | None], bool]:
        """((title, documenter, path, passphrase or None), accepted)."""
        dialog = cls(parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        passphrase = dialog.encryption.passphrase() if accepted else None
        dialog.encryption.clear()
        return (dialog.title.text().strip(), dialog.documenter.text().strip(), dialog.path(), passphrase), accepted


class WelcomePage(QWidget):
    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("welcome")
        self.window_ = window
        title = _plain_label(self.tr("Casefile"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        title.setFont(font)
        tagline = _plain_label(self.tr("Incidents, actors, places, sources, claims and evidence — "
                                       "kept offline, in one file."))
        tagline.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New Case…"))
        self.open_button = QPushButton(self.tr("Open Case…"))
        self.sample_button = QPushButton(self.tr("Open the Sample Case"))
        for button in (self.new_button, self.open_button, self.sample_button):
            button.setMinimumHeight(36)
            button.setMaximumWidth(360)
        self.new_button.clicked.connect(self.new_case)
        self.open_button.clicked.connect(self.open_case)
        self.sample_button.clicked.connect(self.open_sample)

        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentCases")
        self.recent_list.setAccessibleName(self.tr("Recent cases"))
        self.recent_list.itemActivated.connect(self._open_item)
        self.remove_button = QPushButton(self.tr("Remove from List"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.recent_list.currentItemChanged.connect(
            lambda item, _prev: self.remove_button.setEnabled(item is not None))

        left = QVBoxLayout()
        left.setSpacing(10)  # nested layouts would otherwise take the outer 60
        left.addWidget(title)
        left.addWidget(tagline)
        left.addSpacing(24)
        left.addWidget(self.new_button)
        left.addWidget(self.open_button)
        left.addWidget(self.sample_button)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(8)
        recent_heading = _plain_label(self.tr("Recent cases"))
        bold = recent_heading.font()
        bold.setBold(True)
        recent_heading.setFont(bold)
        right.addWidget(recent_heading)
        self.recent_list.setMaximumHeight(360)
        right.addWidget(self.recent_list)
        right.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        right.addStretch(1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(80, 80, 80, 60)
        outer.setSpacing(60)
        outer.addLayout(left, 2)
        outer.addLayout(right, 3)
        self.refresh()

    def refresh(self) -> None:
        self.recent_list.clear()
        for path in self.window_.recent.paths():
            missing = not path.exists()
            text = self.tr("{name} — missing").format(name=path.name) if missing else path.name
            item = QListWidgetItem(text)
            item.setToolTip(str(path))
            item.setData(PATH_ROLE, str(path))
            if missing:
                item.setForeground(Qt.GlobalColor.gray)
            self.recent_list.addItem(item)
        if self.recent_list.count() == 0:
            item = QListWidgetItem(self.tr("No recent cases yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent_list.addItem(item)
        self.remove_button.setEnabled(False)

    # -- what the buttons do -------------------------------------------------------

    def new_case(self) -> None:
        values, ok = NewCaseDialog.get_new_case(self.window_)
        if not ok:
            return
        title, documenter, path, *rest = values
        passphrase = rest[0] if rest else None
        QSettings().setValue("cases/documenter", documenter)
        try:
            outputs.check_output(path, force=None)  # never an existing name, a link, a folder or a device
            case = Case.create(path, title, documenter=documenter, passphrase=passphrase)
        except CasefileError as error:
            self.window_.show_error(error)
            return
        self.window_.set_case(case)

    def open_case(self) -> None:
        folder = str(self.window_.recent.paths()[0].parent) if self.window_.recent.paths() else ""
        path, ok = dialogs.open_case_file(self.window_, folder)
        if ok:
            self.window_.open_path(path)

    def open_sample(self) -> None:
        from .demo import make_demo_case

        try:
            case, cleanup = make_demo_case()
        except CasefileError as error:
            self.window_.show_error(error)
            return
        self.window_.set_case(case, remember=False, cleanup=cleanup)

    def _open_item(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if not path:
            return
        if not Path(path).exists():
            if dialogs.confirm(self.window_, self.tr("Case not found"),
                               self.tr("{path} is no longer there. It may have been moved, renamed or deleted.")
                               .format(path=path), action=self.tr("Remove from List")):
                self.window_.recent.remove(Path(path))
                self.refresh()
            return
        self.window_.open_path(path)

    def remove_selected(self) -> None:
        item = self.recent_list.currentItem()
        if item is not None and item.data(PATH_ROLE):
            self.window_.recent.remove(Path(item.data(PATH_ROLE)))
            self.refresh()
