"""The three panes of an open case: navigator, list, editor.

Selecting a kind in the navigator fills the list; selecting a row asks the
window to open that record (``record_chosen``), which the window records in its
back/forward history and shows in the editor pane.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...store import Case
from ..editors.protocol import Editor
from ..workers import Latest
from .list_model import ID_ROLE, Filtered, ListView, RecordListModel, read_filtered
from .navigator import KIND_ROLE, KINDS, NavigatorModel, NavigatorView, kind_title


class RecordTable(QTableView):
    """The list of records. Tab leaves it (to the editor; Shift+Tab to the
    filter) instead of walking its cells, and typing goes to the filter
    rather than a type-ahead search the documenter cannot see."""

    tab_out = Signal(bool)  # True: forward, to the editor
    typed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("recordList")
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)


    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name; Tab and Shift+Tab
        self.tab_out.emit(forward)
        return True

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 - Qt's name
        self.typed.emit(search)


class CaseView(QSplitter):
    record_chosen = Signal(str, int)  # kind, id
    kind_changed = Signal(str)
    editor_changed = Signal()  # another editor (or none) is shown

    def __init__(self, case: Case, parent=None, lang: str = "en"):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("caseView")
        self.case = case
        self.setChildrenCollapsible(False)

        self.navigator_model = NavigatorModel(case, self)
        self.navigator = NavigatorView()
        self.navigator.setModel(self.navigator_model)

        self.list_model = RecordListModel(case, "incident", self, lang=lang)
        self.table = RecordTable()
        self.table.setModel(self.list_model)
        self.table.setAccessibleName(self.tr("Records"))
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("filterBox")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName(self.tr("Filter the list"))
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setObjectName("listHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        list_pane = QWidget()
        layout = QVBoxLayout(list_pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table)

        self.editor_area = QStackedWidget()
        self.editor_area.setObjectName("editorArea")
        self.placeholder = QLabel(self.tr("Choose a record in the list, or press Ctrl+Shift+N to add one."))
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.editor_area.addWidget(self.placeholder)
        self.editor_scroll = QScrollArea()
        self.editor_scroll.setWidgetResizable(True)
        self.editor_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # An editor narrower than its content scrolls sideways with a scrollbar the
        # documenter can see, never silently clipped.
        self.editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.editor_area.addWidget(self.editor_scroll)
        self._editor: Editor | None = None

        self.addWidget(self.navigator)
        self.addWidget(list_pane)
        self.addWidget(self.editor_area)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 3)
        self.setStretchFactor(2, 2)
        self.setSizes([170, 640, 560])

        # Typing in the filter box waits for a pause, then filters in SQL, in a
        # thread: a short word ("r") matches most of a large case.
        self._filter_timer = QTimer(self, singleShot=True, interval=150)
        self._filter = Latest(self, self._filter_wanted,
                              lambda view: partial(read_filtered, case, view, self.list_model.lang),
                              lambda _view, found: self._show_filtered(found), self._filter_refused)
        self._filter_timer.timeout.connect(self._filter.ask)
        self.filter_box.textChanged.connect(lambda _text: self._filter_timer.start())
        self.navigator.selectionModel().currentChanged.connect(self._kind_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.tab_out.connect(self._tab_from_list)
        self.table.typed.connect(self._type_into_filter)
        self.list_model.modelReset.connect(self._reselect)
        self.navigator_model.counted.connect(self._update_heading)

        self.setTabOrder(self.navigator, self.filter_box)
        self.setTabOrder(self.filter_box, self.table)
        self._current: tuple[str, int] | None = None
        self.show_kind("incident")

    # -- kinds and rows ---------------------------------------------------------

    @property
    def kind(self) -> str:
        return self.list_model.kind

    def show_kind(self, kind: str) -> None:
        row = KINDS.index(kind)
        index = self.navigator_model.index(row)
        if self.navigator.currentIndex() != index:
            self.navigator.setCurrentIndex(index)  # comes back through _kind_clicked
            return
        self._switch(kind)

    def _kind_clicked(self, current, _previous) -> None:
        kind = current.data(KIND_ROLE)
        if kind:
            self._switch(kind)

    def _switch(self, kind: str) -> None:
        changed = kind != self.list_model.kind
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self.filter_box.blockSignals(False)
        self.filter_box.setPlaceholderText(self.tr("Filter {kind} (Ctrl+F)").format(kind=kind_title(kind).lower()))
        self.list_model.set_kind(kind)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self._update_heading()
        if changed:
            self.kind_changed.emit(kind)

    def _filter_wanted(self) -> ListView | None:
        """The list as the box would filter it, once typing pauses; None when
        the list shows it already."""
        text = self.filter_box.text()
        if self._filter_timer.isActive() or text == self.list_model.filter_text:
            return None
        return self.list_model.view(text)

    def _show_filtered(self, found: Filtered) -> bool:
        shown = self.list_model.show_filtered(found)
        if shown:
            self._update_heading()
        return shown

    def _filter_refused(self, _view: ListView, message: str) -> None:
        """A case busy with a file going in, a damaged index: said in the
        heading, and not asked again until the text changes."""
        self.heading.setText(message)

    def settle_filter(self) -> None:
        """The filter as typed, applied now, on this thread: the keyboard is
        leaving the box for the list it filters."""
        self._filter_timer.stop()
        text = self.filter_box.text()
        if text != self.list_model.filter_text:
            self._filter.stale(shown=self.list_model.view(text))  # a reading under way is not shown
            self.list_model.set_filter(text)
            self._update_heading()

    def enter_list(self) -> None:
        """From the filter box to the list's first row (Down, Enter)."""
        self.settle_filter()
        self.table.setFocus(Qt.FocusReason.TabFocusReason)
        if self.list_model.rowCount():
            self.table.setCurrentIndex(self.list_model.index(0, 0))

    def _update_heading(self) -> None:
        total = self.list_model.total
        all_count = self.navigator_model.count(self.kind)
        if self.list_model.filter_text.strip():
            text = self.tr("{kind}: {shown:,} of {total:,}").format(
                kind=kind_title(self.kind), shown=total, total=all_count)
        else:
            text = self.tr("{kind}: {total:,}").format(kind=kind_title(self.kind), total=all_count)
        self.heading.setText(text)

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        record_id = current.siblingAtColumn(0).data(ID_ROLE)
        if record_id is not None and self._current != (self.kind, record_id):
            self._current = (self.kind, record_id)
            self.record_chosen.emit(self.kind, record_id)

    def select(self, kind: str, record_id: int | None) -> None:
        """Show ``kind`` and highlight the record's row if it is (or can be) loaded."""
        self._current = (kind, record_id) if record_id is not None else None
        if kind != self.kind:
            self.show_kind(kind)
        self._reselect()

    def _reselect(self) -> None:
        model = self.table.selectionModel()
        if self._current is None or self._current[0] != self.kind:
            model.clearSelection()
            return
        row = self.list_model.load_until(self._current[1])
        if row < 0:
            model.clearSelection()
            return
        index = self.list_model.index(row, 0)
        model.blockSignals(True)
        model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                              | QItemSelectionModel.SelectionFlag.Rows)
        model.blockSignals(False)
        self.table.viewport().update()
        self.table.scrollTo(index)

    # -- refreshing after the store changed -------------------------------------

    def case_changed(self, changes: dict) -> None:
        self._filter.stale()  # a filter being read may have missed this: it is read again when it ends
        self.navigator_model.refresh(changes)
        kind = self.kind
        related = {"incident": ("place",), "claim": ("source", "actor"), "source": (), "actor": (),
                   "place": (), "evidence": ()}
        if kind in changes:
            self.list_model.refresh(changes[kind])
        elif any(k in changes for k in related[kind]):
            self.list_model.refresh(set())  # a place renamed shows in the incident list
        self._update_heading()

    def _tab_from_list(self, forward: bool) -> None:
        if forward and self._editor is not None:
            self._editor.focus_first()
        elif forward:
            QWidget.focusNextPrevChild(self.table, True)
        else:
            self.filter_box.setFocus(Qt.FocusReason.BacktabFocusReason)

    def _type_into_filter(self, text: str) -> None:
        self.filter_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.filter_box.insert(text)

    def set_editor(self, editor: Editor | None) -> None:
        # The keyboard in the editor that goes, and none coming: it goes to the
        # list, not to the navigator where Qt would leave it (a new record
        # undone from its title, a record deleted from its editor).
        focus, old = QApplication.focusWidget(), self.editor_scroll.widget()
        stranded = editor is None and old is not None and focus is not None and old.isAncestorOf(focus)
        old = self.editor_scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self._editor = editor
        if editor is None:
            self.editor_area.setCurrentWidget(self.placeholder)
            if stranded:
                self.table.setFocus()
        else:
            self.editor_scroll.setWidget(editor)
            self.editor_area.setCurrentWidget(self.editor_scroll)
        self.editor_changed.emit()

    @property
    def editor(self) -> Editor | None:
        return self._editor
