"""The source reader: a source's text, with "Claim from selection" and
"Incident from selection", and the case's actors and places it names underlined.

Offsets are stored in Python characters (code points) of ``source.text``; Qt
counts UTF-16 units, so the two are converted at the edge. Claims quoted from
the text are highlighted in it. What a passage proposes (chain, claimant, date,
place) comes from ``services.records.passages``; the names from
``services.records.mentions``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...errors import CasefileError
from ...model.kinds import TITLE_FIELD
from ...services import records
from ...services.records import passages, source_text
from ...services.records.mentions import Mention, MentionMatcher, Name, case_matcher, mention_at
from .. import dialogs
from ..commands import CaseCommand, CreateLink, CreateRecord, Sequence, UpdateRecord
from .fields import plain_label
from .protocol import Changes

if TYPE_CHECKING:
    from ..mainwindow import MainWindow

HIGHLIGHT = QColor("#fff1a8")
MENTION = QColor("#1f5fbf")  # the underline under a name the case knows
NAME_LIMIT = 200  # longer selected words are not a name


def qt_to_py(text: str, position: int) -> int:
    """A Qt (UTF-16) position in ``text`` as a Python index."""
    return len(text.encode("utf-16-le")[:position * 2].decode("utf-16-le", errors="ignore"))


def py_to_qt(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def popup(menu: QMenu, position: QPoint) -> QAction | None:
    """Show a menu where the text's cursor is and return the entry taken (tests patch this)."""
    return menu.exec(position)


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
        self.mentions: list[Mention] = []
        self._matcher: MentionMatcher | None = None  # rebuilt when actors or places change
        self._entries: list[tuple[QAction, Callable[[], object]]] = []  # the mention menu's, with what each does
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
        self.incident_button = QPushButton(self.tr("Incident from Selection"))
        self.incident_button.setObjectName("incidentFromSelection")
        self.incident_button.setToolTip(self.tr("Make an incident titled and dated by the selected passage "
                                                "(Ctrl+Shift+I)"))
        self.incident_button.clicked.connect(self.incident_from_selection)
        self.edit_button = QPushButton(self.tr("Edit Text"))
        self.edit_button.setObjectName("editSourceText")
        self.edit_button.setCheckable(True)
        self.edit_button.toggled.connect(self._edit_toggled)
        self.load_button = QPushButton(self.tr("Load from File…"))
        self.load_button.clicked.connect(self.load_text_file)
        self.info = plain_label()
        self.info.setObjectName("readerInfo")
        self.info.setWordWrap(True)  # a long line would widen the editor past its pane
        # Find: what she types is selected in the text as she types it; Down and Up go
        # to the next and previous place, Enter to the text with the place selected.
        self.find_field = QLineEdit()
        self.find_field.setObjectName("findInText")
        self.find_field.setAccessibleName(self.tr("Find in the text"))
        self.find_field.setPlaceholderText(self.tr("Find in the text (Ctrl+Shift+F)"))
        self.find_field.setClearButtonEnabled(True)
        self.find_field.textEdited.connect(lambda _text: self._find(0))
        self.find_field.installEventFilter(self)
        self.found = plain_label()
        self.found.setObjectName("foundInText")
        self._search: source_text.TextSearch | None = None
        self._matches: list[tuple[int, int]] = []
        self._match = -1
        self._find_from = 0  # where the cursor was when she started to find
        # Two short rows rather than one long one: four buttons side by side made the
        # reader wider than the editor pane.
        selection, text = QHBoxLayout(), QHBoxLayout()
        selection.addWidget(self.claim_button)
        selection.addWidget(self.incident_button)
        selection.addStretch(1)
        text.addWidget(self.edit_button)
        text.addWidget(self.load_button)
        text.addStretch(1)
        find = QHBoxLayout()
        find.addWidget(self.find_field, 1)
        find.addWidget(self.found)
        layout = QVBoxLayout(self)
        layout.addLayout(selection)
        layout.addLayout(text)
        layout.addLayout(find)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.info)
        # The text first: Ctrl+Tab to the Text tab lands in it, ready to select a passage;
        # Tab from the text goes to its find field.
        for before, after in ((self.view, self.find_field), (self.find_field, self.claim_button),
                              (self.claim_button, self.incident_button),
                              (self.incident_button, self.edit_button), (self.edit_button, self.load_button)):
            QWidget.setTabOrder(before, after)
        self.reload()

    def reload(self, changes: Changes | None = None) -> None:
        if self.edit_button.isChecked():
            return  # do not pull text from under the documenter's cursor
        try:
            text = records.get(self.case, "source", self.source_id)["text"] or ""
        except CasefileError:
            return
        if changes is None or "actor" in changes or "place" in changes:
            self._matcher = None
        if text != self.text or self.view.toPlainText() != text:
            self.text = text
            scroll = self.view.verticalScrollBar().value()
            self.view.setPlainText(text)
            self.view.verticalScrollBar().setValue(scroll)
            self._matcher = None
            self._search = None
        if self._matcher is None:
            self._matcher = case_matcher(self.case)[1]  # the case's, built once per change of names
            self.mentions = self._matcher.find(self.text)
        self._highlight()
        self._selection_changed()

    def _highlight(self) -> None:
        selections = []
        underline = QTextCharFormat()
        underline.setFontUnderline(True)
        underline.setUnderlineColor(MENTION)
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        for mention in self.mentions:  # first, so a claim's highlight is drawn over them
            selections.append(self._extra(mention.start, mention.end, underline, mention.first.text))
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT)
        claims = source_text.quoted_claims(self.case, self.source_id)
        for _claim_id, code, start, end in claims:
            if end <= len(self.text):
                selections.append(self._extra(start, end, fmt, code))
        self.view.setExtraSelections(selections)
        lines = [self.tr("%n claim(s) quoted from this text (highlighted).", "", len(claims))] if claims else []
        if self.mentions:
            lines.append(self.tr("%n mention(s) of the case's actors and places (underlined; Ctrl+Shift+M "
                                 "links one).", "", len(self.mentions)))
        self.info.setText(" ".join(lines))

    # -- find ----------------------------------------------------------------------------

    def start_find(self) -> None:
        """Find in Text (Ctrl+Shift+F): the find field, its words selected to type over."""
        self.show_wanted.emit()
        self._find_from = qt_to_py(self.text, self.view.textCursor().selectionStart())
        self.find_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_field.selectAll()

    def _find(self, step: int) -> None:
        """Select the first place the find field's words occur (``step`` 0), or the next
        (1) or previous (-1) one, wrapping round; say which of how many."""
        if step == 0:
            if self._search is None or self._search.text != self.text:
                self._search = source_text.TextSearch(self.text)
            self._matches = self._search.find_all(self.find_field.text())
            # from where she was reading: the first place at or after the cursor
            self._match = next((i for i, (start, _end) in enumerate(self._matches) if start >= self._find_from), 0)
        elif self._matches:
            self._match = (self._match + step) % len(self._matches)
        if not self._matches:
            self.found.setText(self.tr("Not found") if self.find_field.text().strip() else "")
            self.found.setStyleSheet("color: #b00020" if self.find_field.text().strip() else "")
            return
        self.found.setStyleSheet("")
        self.found.setText(self.tr("{n} of {total}").format(n=self._match + 1, total=len(self._matches)))
        self.select_offsets(*self._matches[self._match])
        self.view.ensureCursorVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.find_field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_F3):
                self._find(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
            if key == Qt.Key.Key_Up:
                self._find(-1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # the place found stays selected
                return True
        return super().eventFilter(watched, event)

    def _extra(self, start: int, end: int, fmt: QTextCharFormat, tip: str) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(py_to_qt(self.text, start))
        cursor.setPosition(py_to_qt(self.text, end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = QTextCharFormat(fmt)
        selection.format.setToolTip(tip)
        return selection

    def _context_menu(self, position: QPoint) -> None:
        menu = self.view.createStandardContextMenu(position)
        first = menu.actions()[0] if menu.actions() else None
        for text, handler, enabled in (
                (self.tr("Claim from Selection"), self.claim_from_selection, self.can_claim),
                (self.tr("Incident from Selection"), self.incident_from_selection, self.can_claim),
                (self.tr("Link the Mention…"), self.link_mention, True)):
            action = menu.addAction(text, handler)
            action.setEnabled(enabled)
            if first is not None:
                menu.insertAction(first, action)
        if first is not None:
            menu.insertSeparator(first)
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _selection_changed(self) -> None:
        can = self.can_claim
        if can != self.claim_button.isEnabled():
            self.claim_button.setEnabled(can)
            self.incident_button.setEnabled(can)
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

    def _passage(self) -> tuple[int, int] | None:
        """The selected passage, or None (and a word why) when there is none."""
        offsets = self.selection_offsets()
        if offsets is None:
            self.window_.statusBar().showMessage(self.tr("Select a passage of the text first."), 4000)
            return None
        start, end = offsets
        return (start, end) if self.text[start:end].strip() else None

    def _code(self, kind: str, record_id: int) -> str:
        return str(records.get(self.case, kind, record_id)["code"])

    def claim_from_selection(self) -> int | None:
        """A new claim quoting exactly the selection, with its position, conveyed by this
        source, with the claimant and chain the text proposes, as one undoable step; the
        window then opens it with the keyboard in what it claims."""
        passage = self._passage()
        if passage is None:
            return None
        draft = passages.claim_draft(self.case, self.source_id, self.text, *passage)
        create = CreateRecord(self.case, "claim", draft.values)
        steps: list[CaseCommand | Callable[[], CaseCommand]] = [create]
        for source_id in draft.relays:  # each made once the claim has its id
            steps.append(partial(self._new_link, "claim_relay", create, "claim_id", {"source_id": source_id}))
        if not self.window_.execute(Sequence(self.case, self.tr("Claim from selection"), steps)) \
                or create.record_id is None:
            return None
        window, claim_id = self.window_, create.record_id
        filled = []
        if draft.values.get("claimant_id") is not None:
            filled.append(self.tr("claimant {code}").format(code=self._code("actor", draft.values["claimant_id"])))
        if draft.values.get("origin_id") is not None:
            filled.append(self.tr("first said in {code}").format(code=self._code("source", draft.values["origin_id"])))
        if draft.relays:
            filled.append(self.tr("relayed by {codes}").format(
                codes=", ".join(self._code("source", sid) for sid in draft.relays)))
        code = self._code("claim", claim_id)
        window.open_new_record("claim", claim_id)  # this reader goes with the source's editor
        message = self.tr("{code} made from the selection; write what it claims in its own words.").format(code=code)
        if filled:
            message += " " + self.tr("Proposed from the text: {what}.").format(what="; ".join(filled))
        window.statusBar().showMessage(message, 10000)
        return claim_id

    def incident_from_selection(self) -> int | None:
        """A new incident titled by the selection, dated and placed by what it says, the
        claims quoting that passage about it, as one undoable step; opened at its title."""
        passage = self._passage()
        if passage is None:
            return None
        draft = passages.incident_draft(self.case, self.source_id, self.text, *passage)
        source = records.get(self.case, "source", self.source_id)
        draft.values["description"] = self.tr("“{passage}” ({code}, {title})").format(
            passage=draft.values["description"], code=source["code"], title=source["title"])
        create = CreateRecord(self.case, "incident", draft.values)
        steps: list[CaseCommand | Callable[[], CaseCommand]] = [create]
        for claim_id in draft.claims:
            steps.append(partial(self._new_link, "claim_subject", create, "incident_id", {"claim_id": claim_id}))
        if not self.window_.execute(Sequence(self.case, self.tr("Incident from selection"), steps)) \
                or create.record_id is None:
            return None
        code = self._code("incident", create.record_id)
        self.window_.open_new_record("incident", create.record_id)
        message = self.tr("{code} made from the selection; give it a short title.").format(code=code)
        if draft.date is not None:
            message += " " + (self.tr("Date {date} read from the text (year from the source).") if
                              draft.date.year_guessed else self.tr("Date {date} read from the text.")).format(
                date=draft.date.date.iso())
        self.window_.statusBar().showMessage(message, 10000)
        return create.record_id

    # -- mentions ------------------------------------------------------------------------

    def mention_here(self) -> Mention | None:
        """The mention the selection or the cursor is on."""
        cursor = self.view.textCursor()
        position = qt_to_py(self.text, cursor.position())
        if cursor.hasSelection():
            start, end = qt_to_py(self.text, cursor.selectionStart()), qt_to_py(self.text, cursor.selectionEnd())
            inside = [m for m in self.mentions if m.start <= start and end <= m.end]
            return inside[0] if inside else None
        return mention_at(self.mentions, position)

    def link_mention(self) -> bool:
        """Ctrl+Shift+M: a menu of what to do with the name at the cursor (link it to the
        claim being written, open it), or, for selected words the case does not know,
        make an actor or a place of them."""
        menu = self.mention_menu()
        if menu is None:
            return False
        menu.setActiveAction(menu.actions()[0])  # Enter takes the first entry
        chosen = popup(menu, self.view.viewport().mapToGlobal(self.view.cursorRect().bottomLeft()))
        handler = next((handler for action, handler in self._entries if action is chosen), None)
        self._entries = []
        menu.deleteLater()
        if handler is None:
            return False
        handler()  # once the menu has closed, so the record it opens keeps the keyboard
        return True

    def _entry(self, menu: QMenu, text: str, handler: Callable[[], object]) -> None:
        self._entries.append((menu.addAction(text), handler))

    def mention_menu(self) -> QMenu | None:
        mention = self.mention_here()
        selected = self.view.textCursor().selectedText().replace("\u2029", " ").strip()
        menu = QMenu(self)
        menu.setObjectName("mentionMenu")
        self._entries = []
        if mention is not None:
            claim_id = passages.claim_being_written(self.case, self.source_id, mention.start)
            for name in mention.names:
                self._mention_entries(menu, name, claim_id)
        elif selected and len(selected) <= NAME_LIMIT:
            for kind, label in (("actor", self.tr("New Actor “{name}”")), ("place", self.tr("New Place “{name}”"))):
                self._entry(menu, label.format(name=selected), partial(self._create_named, kind, selected))
        else:
            self.window_.statusBar().showMessage(self.tr(
                "Put the cursor on an underlined name, or select the words that name an actor or place."), 6000)
            return None
        return menu

    def _mention_entries(self, menu: QMenu, name: Name, claim_id: int | None) -> None:
        target = records.get(self.case, name.kind, name.record_id)
        label = f"{target['code']} {target[TITLE_FIELD[name.kind]] or ''}".strip()
        if claim_id is not None:
            claim = self._code("claim", claim_id)
            if name.kind == "actor":
                claimant = UpdateRecord(self.case, "claim", claim_id, {"claimant_id": name.record_id},
                                        self.tr("Claimant from the text"))
                about = CreateLink(self.case, "claim_subject", {"claim_id": claim_id, "actor_id": name.record_id},
                                   self.tr("Claim about an actor named in the text"))
                self._entry(menu, self.tr("Claimant of {claim}: {actor}").format(claim=claim, actor=label),
                            partial(self._link, claimant))
                self._entry(menu, self.tr("{claim} Is About {actor}").format(claim=claim, actor=label),
                            partial(self._link, about))
            else:
                for incident_id in passages.incidents_of_claim(self.case, claim_id):
                    place = UpdateRecord(self.case, "incident", incident_id, {"place_id": name.record_id},
                                         self.tr("Place from the text"))
                    self._entry(menu, self.tr("Place of {incident}: {place}").format(
                        incident=self._code("incident", incident_id), place=label), partial(self._link, place))
        self._entry(menu, self.tr("Open {record}").format(record=label),
                    partial(self.window_.open_new_record, name.kind, name.record_id))

    def _new_link(self, link_kind: str, create: CreateRecord, column: str, values: dict) -> CaseCommand:
        return CreateLink(self.case, link_kind, {column: create.record_id, **values})

    def _link(self, command: CaseCommand) -> bool:
        if not self.window_.execute(command):
            return False
        self.window_.statusBar().showMessage(command.text(), 5000)
        return True

    def _create_named(self, kind: str, name: str) -> int | None:
        create = CreateRecord(self.case, kind, {TITLE_FIELD[kind]: name},
                              self.tr("New actor from the text") if kind == "actor"
                              else self.tr("New place from the text"))
        if not self.window_.execute(create) or create.record_id is None:
            return None
        self.window_.open_new_record(kind, create.record_id)
        return create.record_id

    # -- the text itself -----------------------------------------------------------------

    def _edit_toggled(self, editing: bool) -> None:
        self.view.setReadOnly(not editing)
        self.find_field.setEnabled(not editing)  # it finds in the stored text, not the one being typed
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
