"""The source reader: a source's text, with "Claim from selection".

Offsets are stored in Python characters (code points) of ``source.text``; Qt
counts UTF-16 units, so the two are converted at the edge. Claims quoted from
the text are highlighted in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QTextEdit, QVBoxLayout, QWidget

from ...errors import CasefileError
from ...services import records
from ...services.records import source_text
from .. import dialogs
from ..commands import CreateRecord, UpdateRecord
from .fields import plain_label

if TYPE_CHECKING:
    from ..mainwindow import MainWindow

HIGHLIGHT = QColor("#fff1a8")
SUMMARY_LIMIT = 280


def qt_to_py(text: str, position: int) -> int:
    """A Qt (UTF-16) position in ``text`` as a Python index."""
    return len(text.encode("utf-16-le")[:position * 2].decode("utf-16-le", errors="ignore"))


def py_to_qt(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


class SourceReader(QWidget):
    can_claim_changed = Signal(bool)  # a passage is selected (or no longer), so a claim can be made
    show_wanted = Signal()  # bring me to the front (the editor shows me in a tab)

    def __init__(self, window: MainWindow, source_id: int):
        super().__init__()
        self.setObjectName("sourceReader")
        self.window_ = window
        assert window.case is not None
        self.case = window.case
        self.source_id = source_id
        self.text = ""
        self.view = QPlainTextEdit()
        self.view.setObjectName("sourceText")
        self.view.setAccessibleName(self.tr("Source text"))
        self.view.setReadOnly(True)
        self.view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.view.setPlaceholderText(self.tr("No text yet. Paste it with Edit Text, or load a .txt, .html "
                                             "or .pdf file."))
        self.view.selectionChanged.connect(self._selection_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.claim_button = QPushButton(self.tr("Claim from Selection"))
        self.claim_button.setObjectName("claimFromSelection")
        self.claim_button.setToolTip(self.tr("Make a claim carrying the selected passage as its quote (Ctrl+Shift+C)"))
        self.claim_button.clicked.connect(self.claim_from_selection)
        self.edit_button = QPushButton(self.tr("Edit Text"))
        self.edit_button.setObjectName("editSourceText")
        self.edit_button.setCheckable(True)
        self.edit_button.toggled.connect(self._edit_toggled)
        self.load_button = QPushButton(self.tr("Load from File…"))
        self.load_button.clicked.connect(self.load_text_file)
        self.info = plain_label()
        self.info.setObjectName("readerInfo")
        buttons = QHBoxLayout()
        buttons.addWidget(self.claim_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.load_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.info)
        self.reload()

    def reload(self) -> None:
        if self.edit_button.isChecked():
            return  # do not pull text from under the documenter's cursor
        try:
            text = records.get(self.case, "source", self.source_id)["text"] or ""
        except CasefileError:
            return
        if text != self.text or self.view.toPlainText() != text:
            self.text = text
            scroll = self.view.verticalScrollBar().value()
            self.view.setPlainText(text)
            self.view.verticalScrollBar().setValue(scroll)
        self._highlight()
        self._selection_changed()

    def _highlight(self) -> None:
        selections = []
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT)
        claims = source_text.quoted_claims(self.case, self.source_id)
        for _claim_id, code, start, end in claims:
            if end > len(self.text):
                continue
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(py_to_qt(self.text, start))
            cursor.setPosition(py_to_qt(self.text, end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = QTextCharFormat(fmt)
            selection.format.setToolTip(code)
            selections.append(selection)
        self.view.setExtraSelections(selections)
        self.info.setText(self.tr("%n claim(s) quoted from this text (highlighted).", "", len(claims))
                          if claims else "")

    def _context_menu(self, position) -> None:
        menu = self.view.createStandardContextMenu(position)
        action = menu.addAction(self.tr("Claim from Selection"), self.claim_from_selection)
        action.setEnabled(self.claim_button.isEnabled())
        menu.insertAction(menu.actions()[0], action)
        menu.insertSeparator(menu.actions()[1])
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _selection_changed(self) -> None:
        can = self.can_claim
        if can != self.claim_button.isEnabled():
            self.claim_button.setEnabled(can)
            self.can_claim_changed.emit(can)

    @property
    def can_claim(self) -> bool:
        return self.view.textCursor().hasSelection() and not self.edit_button.isChecked()

    def selection_offsets(self) -> tuple[int, int] | None:
        cursor = self.view.textCursor()
        if not cursor.hasSelection():
            return None
        start = qt_to_py(self.text, cursor.selectionStart())
        end = qt_to_py(self.text, cursor.selectionEnd())
        return start, end

    def select_offsets(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(py_to_qt(self.text, start))
        cursor.setPosition(py_to_qt(self.text, end), QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)

    def show_passage(self, start: int, end: int) -> None:
        """Bring the text to the front with a passage selected (a claim's quote)."""
        self.show_wanted.emit()
        self.select_offsets(start, min(end, len(self.text)))
        self.view.setFocus()

    def claim_from_selection(self) -> int | None:
        """A new claim quoting exactly the selection, with its position, conveyed by this
        source, as one undoable step; the window then opens it to write what it claims."""
        offsets = self.selection_offsets()
        if offsets is None:
            self.window_.statusBar().showMessage(self.tr("Select a passage of the text first."), 4000)
            return None
        start, end = offsets
        quote = self.text[start:end]
        if not quote.strip():
            return None
        summary = " ".join(quote.split())
        if len(summary) > SUMMARY_LIMIT:
            summary = summary[:SUMMARY_LIMIT - 1].rstrip() + "…"
        source = records.get(self.case, "source", self.source_id)
        command = CreateRecord(self.case, "claim", {
            "summary": summary, "quote": quote, "quote_start": start, "quote_end": end,
            "source_id": self.source_id, "claimed_on": source.get("published")},
            self.tr("Claim from selection"))
        if not self.window_.execute(command) or command.record_id is None:
            return None
        window, claim_id = self.window_, command.record_id
        code = records.get(self.case, "claim", claim_id)["code"]
        window.open_new_record("claim", claim_id)  # this reader goes with the source's editor
        window.statusBar().showMessage(
            self.tr("{code} made from the selection; write what it claims in its own words.").format(code=code),
            8000)
        return claim_id

    # -- the text itself -----------------------------------------------------------------

    def _edit_toggled(self, editing: bool) -> None:
        self.view.setReadOnly(not editing)
        self.edit_button.setText(self.tr("Done") if editing else self.tr("Edit Text"))
        if editing:
            self.view.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
            self.view.setFocus()
        else:
            self.view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            self.set_text(source_text.normalise(self.view.toPlainText()))
        self._selection_changed()

    def set_text(self, text: str) -> bool:
        if text == self.text:
            return True
        quoted = source_text.quoted_claims(self.case, self.source_id)
        if quoted and not dialogs.confirm(self, self.tr("Replace the text"), self.tr(
                "%n claim(s) quote this text by position; their highlights may no longer match.", "",
                len(quoted)), action=self.tr("Replace")):
            self.view.setPlainText(self.text)
            self._highlight()
            return False
        ok = self.window_.execute(UpdateRecord(self.case, "source", self.source_id, {"text": text},
                                               self.tr("Change source text")))
        self.reload()
        return ok

    def load_text_file(self) -> bool:
        path, ok = dialogs.open_text_file(self)
        if not ok:
            return False
        try:
            text = source_text.read_text_file(path)
        except CasefileError as error:
            self.window_.show_error(error)
            return False
        return self.set_text(text)

    def commit_pending(self) -> None:
        if self.edit_button.isChecked():
            self.edit_button.setChecked(False)
