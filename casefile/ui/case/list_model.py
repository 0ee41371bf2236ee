"""The centre list: one record kind, fetched a page at a time.

Sorting (header click) and the filter box are handed to
``services.records.list_rows`` so they run in SQL; Qt's lazy-population hooks
(``canFetchMore``/``fetchMore``) ask for the next page as the view scrolls. A
``QSortFilterProxyModel`` would sort 100,000 Python rows in seconds (CRAFT.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...services import records
from ...store import Case

PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1

#: What a list shows: its kind, sort column, order and filter text.
ListView = tuple[str, str, str, str]


@dataclass(frozen=True)
class Filtered:
    """A list's first page and its count, read for one ``ListView``."""

    view: ListView
    rows: list[records.ListRow]
    total: int


def read_filtered(case: Case, view: ListView, lang: str) -> Filtered:
    """What the list holds for ``view``. It only reads the case, so the window
    runs it in a thread (``CaseView``): a short word ("r") matches most of
    100,000 records, and ranking them for the first page and counting them
    is work the window must not wait on."""
    kind, sort_column, order, text = view
    rows = records.list_rows(case, kind, sort_column, order, text, 0, PAGE, lang=lang)
    total = len(rows) if len(rows) < PAGE else records.count_rows(case, kind, text)
    return Filtered(view, rows, total)


class RecordListModel(QAbstractTableModel):
    def __init__(self, case: Case, kind: str = "incident", parent=None, lang: str = "en"):
        super().__init__(parent)
        self.case, self.kind, self.lang = case, kind, lang
        self.filter_text = ""
        self.sort_column, self.order = "code", "asc"
        self._rows: list[records.ListRow] = []
        self._row_of: dict[int, int] = {}
        self._total: int | None = 0
        self._ids: list[int] | None = None
        self._columns = records.COLUMNS[kind]
        self._reload()

    # -- what is shown -------------------------------------------------------

    def set_kind(self, kind: str) -> None:
        if kind == self.kind:
            return
        self.kind, self._columns = kind, records.COLUMNS[kind]
        self.filter_text, self.sort_column, self.order = "", "code", "asc"
        self._reload()

    def set_filter(self, text: str) -> None:
        if text != self.filter_text:
            self.filter_text = text
            self._reload()

    def view(self, text: str | None = None) -> ListView:
        """What the list shows, or would show filtered by ``text``."""
        return self.kind, self.sort_column, self.order, self.filter_text if text is None else text

    def show_filtered(self, found: Filtered) -> bool:
        """Show what ``read_filtered`` read, unless the kind or the order
        changed since it was asked for (False)."""
        if found.view[:3] != self.view()[:3]:
            return False
        self.beginResetModel()
        self.filter_text = found.view[3]
        self._rows, self._total, self._ids = list(found.rows), found.total, None
        self._index_rows()
        self.endResetModel()
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].key
        direction = "desc" if order == Qt.SortOrder.DescendingOrder else "asc"
        if (key, direction) != (self.sort_column, self.order):
            self.sort_column, self.order = key, direction
            self._reload()  # a reset: the window reselects its record by id

    @property
    def total(self) -> int:
        """Rows matching the filter, loaded or not (counted on first use, so the
        first page paints without waiting for a count of the whole table)."""
        if self._total is None:
            self._total = records.count_rows(self.case, self.kind, self.filter_text)
        return self._total

    def _reload(self, keep: int = PAGE) -> None:
        self.beginResetModel()
        self._rows = self._page(0, max(PAGE, keep))
        # A short page is the whole list; otherwise count when someone asks.
        self._total = len(self._rows) if len(self._rows) < max(PAGE, keep) else None
        self._ids = None  # every id in order, fetched when scrolling starts
        self._index_rows()
        self.endResetModel()

    def _page(self, offset: int, limit: int) -> list[records.ListRow]:
        return records.list_rows(self.case, self.kind, self.sort_column, self.order, self.filter_text,
                                 offset, limit, lang=self.lang)

    def _index_rows(self) -> None:
        self._row_of = {row.id: n for n, row in enumerate(self._rows)}

    # -- lazy fetching ---------------------------------------------------------

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        if parent.isValid() or self.case.lent:  # a large file is going in: the next page waits for it
            return False
        if self._ids is not None:
            return len(self._rows) < len(self._ids)
        return len(self._rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self.case.lent:
            return
        if self.sort_column == "code":  # ids follow codes: continue after the last row
            more = records.list_rows(self.case, self.kind, self.sort_column, self.order, self.filter_text, 0, PAGE,
                                     lang=self.lang, after_id=self._rows[-1].id if self._rows else None)
            self._append([row for row in more if row.id not in self._row_of])
            return
        if self._ids is None:
            self._ids = records.list_ids(self.case, self.kind, self.sort_column, self.order, self.filter_text)
            self._total = len(self._ids)
        wanted = [i for i in self._ids[len(self._rows):len(self._rows) + PAGE] if i not in self._row_of]
        by_id = {row.id: row for row in records.list_rows(
            self.case, self.kind, self.sort_column, self.order, self.filter_text, 0, len(wanted), ids=wanted,
            lang=self.lang)} if wanted else {}
        self._append([by_id[i] for i in wanted if i in by_id])

    def _append(self, more: list) -> None:
        if not more:
            self._total = len(self._rows)  # the case shrank meanwhile
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        for n, row in enumerate(more, first):
            self._row_of[row.id] = n
        self.endInsertRows()

    # -- Qt model interface ----------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].label
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._columns):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.values[index.column()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and row.flags.get("withdrawn"):
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.FontRole and row.flags.get("withdrawn"):
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and (
                row.flags.get("protected") or row.flags.get("confidential")):
            return QColor("#d9822b")  # the same amber as the editor's protection banner
        return None

    # -- records by id ---------------------------------------------------------

    def record_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: int) -> int:
        return self._row_of.get(record_id, -1)

    def load_until(self, record_id: int, limit: int = 5000) -> int:
        """Fetch pages until ``record_id`` is loaded (if it is within ``limit`` rows)."""
        row = self.row_of(record_id)
        if row >= 0:
            return row
        position = records.position_of(self.case, self.kind, record_id, self.sort_column, self.order,
                                       self.filter_text)
        if position is None or position >= limit:
            return -1
        while self.canFetchMore() and len(self._rows) <= position:
            before = len(self._rows)
            self.fetchMore()
            if len(self._rows) == before:
                break
        return self.row_of(record_id)

    def refresh(self, changed_ids: set) -> None:
        """The store says these records changed: redraw the loaded ones in
        place. In code order, records past the last loaded row (new ones, most
        often) come as the list is scrolled to them, or at once when the whole
        list was loaded; reloading every loaded row for each new record took
        75 ms a record with 10,000 rows loaded. Anything else reloads."""
        loaded = [i for i in changed_ids if i in self._row_of]
        later = self._past_the_end(changed_ids)
        if len(loaded) + len(later) == len(changed_ids) and \
                (later or records.count_rows(self.case, self.kind, self.filter_text) == self.total):
            fresh = {row.id: row for row in records.list_rows(
                self.case, self.kind, self.sort_column, self.order, self.filter_text, 0, len(loaded),
                ids=loaded, lang=self.lang)} if loaded else {}
            if len(fresh) == len(loaded):
                for record_id, row in fresh.items():
                    n = self._row_of[record_id]
                    self._rows[n] = row
                    self.dataChanged.emit(self.index(n, 0), self.index(n, len(self._columns) - 1))
                if later:
                    complete = self._total is not None and len(self._rows) >= self._total
                    self._total = None  # counted again when asked
                    if complete:
                        self.fetchMore()
                return
        self._reload(keep=len(self._rows))

    def _past_the_end(self, ids: set) -> set:
        """Of ``ids``, those after the last loaded row of a list in code order
        (ids follow codes), so none of them can be above a loaded row."""
        if self.sort_column != "code" or self.order != "asc" or not self._rows:
            return set()
        last = self._rows[-1].id
        return {i for i in ids if i > last}

