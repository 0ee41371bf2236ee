"""Global search (Ctrl+K): results across every kind as you type; arrow keys
move, Enter opens the record, Escape closes.

The search runs off the window's thread, one at a time: a word that takes a
large case 100 ms to search must not hold up the next letters. What is typed
meanwhile is searched when it ends, and results for text no longer in the
box are dropped."""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout

from ...services.records.search import completes_short_words, search
from ...store import Case
from ...store.fulltext import MIN_PREFIX, Hit
from ..case.navigator import kind_title
from ..workers import Latest, error_text

LIMIT = 40


class Found(NamedTuple):
    text: str
    hits: list[Hit]
    #: whether a short last word is searched as the start of words (asked only
    #: when nothing was found for it: the hint then says why)
    completes_short: bool


def find(case: Case, text: str) -> Found:
    typed = " ".join(text.split())
    hits = search(case, text, limit=LIMIT) if typed else []
    return Found(text, hits, bool(typed) and not hits and len(typed) < MIN_PREFIX and completes_short_words(case))


class SearchResultsModel(QAbstractListModel):
    def __init__(self, case: Case, parent=None):
        super().__init__(parent)
        self.case = case
        self.hits: list[Hit] = []

    def set_query(self, text: str) -> None:
        self.set_hits(search(self.case, text, limit=LIMIT) if text.strip() else [])

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            first = f"{hit.code}  {hit.title}"
            snippet = " ".join(hit.plain_snippet.split())
            return f"{first}\n{snippet}" if snippet and snippet != hit.title else first
        if role == Qt.ItemDataRole.ToolTipRole:
            return kind_title(hit.kind)
        return None

    def hit(self, row: int) -> Hit | None:
        return self.hits[row] if 0 <= row < len(self.hits) else None


class SearchPopup(QDialog):
    chosen = Signal(str, int)

    def __init__(self, case: Case, parent=None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("searchPopup")
        self.model = SearchResultsModel(case, self)
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr("Search incidents, actors, places, sources, claims, evidence…"))
        self.query.setAccessibleName(self.tr("Search everything"))
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setModel(self.model)
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.activated.connect(lambda index: self._open(index.row()))
        # Says when nothing matches, or that only the first matches are listed:
        # an empty or full list alone does not tell.
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        self._timer = QTimer(self, singleShot=True, interval=80)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.installEventFilter(self)
        case = self.model.case
        self._search = Latest(self, lambda: None if self._timer.isActive() else self.query.text(),
                              lambda text: partial(find, case, text), self._show, self._failed)
        self._timer.timeout.connect(self._search.ask)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new one at each Ctrl+K
        self.resize(640, 420)

    def _failed(self, text: str, message: str) -> None:
        """A case busy with a file going in, a damaged index: said, not raised,
        and not asked again until the text changes."""
        self.model.set_hits([])
        self.status.setText(message)
        self.status.show()
        self.results.setAccessibleDescription(message)

    def _show(self, text: str, found: Found) -> bool:
        self.model.set_hits(found.hits)
        count = self.model.rowCount()
        if count:
            self.results.setCurrentIndex(self.model.index(0))
        if text.strip() and not count:
            typed = " ".join(text.split())
            if len(typed) < MIN_PREFIX and not found.completes_short:  # matched whole
                self.status.setText(self.tr("No word “{text}”. Words that begin with what you type are found "
                                            "from its fourth letter.").format(text=typed))
            else:
                self.status.setText(self.tr("Nothing matches “{text}”.").format(text=typed))
        elif count >= LIMIT:
            self.status.setText(self.tr("The first {count} matches; type more to narrow them.").format(count=LIMIT))
        self.status.setVisible(bool(text.strip()) and (not count or count >= LIMIT))
        self.results.setAccessibleDescription(self.status.text() if self.status.isVisibleTo(self) else "")
        return True

    def eventFilter(self, obj, event) -> bool:
        if obj is self.query and event.type() == event.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                row = self.results.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
                self.results.setCurrentIndex(self.model.index(max(0, min(row, self.model.rowCount() - 1))))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                text = self.query.text()
                if self._search.settled != text:  # Enter opens the best match of what is typed, found now
                    self._timer.stop()
                    self._search.stale(shown=text)
                    try:
                        self._show(text, find(self.model.case, text))
                    except Exception as error:  # noqa: BLE001 - said in the popup, as a search in the thread does
                        self._failed(text, error_text(error))
                        return True
                self._open(self.results.currentIndex().row())
                return True
        return super().eventFilter(obj, event)

    def _open(self, row: int) -> None:
        hit = self.model.hit(row)
        if hit is not None:
            self.close()
            self.chosen.emit(hit.kind, hit.id)

    def popup(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            top_left = parent.mapToGlobal(QPoint((parent.width() - self.width()) // 2, 60))
            self.move(top_left)
        self.show()
        self.query.setFocus()
