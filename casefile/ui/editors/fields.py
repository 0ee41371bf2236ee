"""One input widget per field type. Each shows a stored value (``set_value``)
and emits ``committed(value)`` when the documenter has finished changing it:
on Enter or leaving the field, on choosing an item, on ticking a box. There is
no Save: the editor turns each commit into an undoable change at once."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import InvalidInput
from ...model import PartialDate
from ...model.dates import describe
from ...services.records import Term


def plain_label(text: str = "", parent=None) -> QLabel:
    """A label that never interprets user text as markup."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _tool_button(text: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    return button


class WrappingLabel(QLabel):
    """Plain text that wraps between words, and inside a word too long for the
    width (a file name, a hash), so a long value never makes its pane wider than
    the window. With ``lines`` it always takes that many lines, the last one
    elided: choosing a longer name then never moves the fields below."""

    def __init__(self, text: str = "", parent=None, lines: int | None = None):
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.lines = lines
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def _pieces(self, width: float) -> list[str]:
        """The text of each line drawn at ``width``, elided at ``lines``."""
        text = self.text().replace("\n", "\u2028")
        layout = QTextLayout(text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        starts = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            starts.append((line.textStart(), line.textLength()))
        layout.endLayout()
        pieces = [text[start:start + length].replace("\u2028", "") for start, length in starts] or [""]
        if self.lines is not None and len(pieces) > self.lines:
            rest = text[starts[self.lines - 1][0]:].replace("\u2028", " ")
            pieces = pieces[:self.lines - 1] + [self.fontMetrics().elidedText(rest, Qt.TextElideMode.ElideRight,
                                                                              int(width))]
        return pieces

    def _extra(self) -> tuple[int, int]:
        margins = self.contentsMargins()
        return margins.left() + margins.right(), margins.top() + margins.bottom()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        across, down = self._extra()
        count = self.lines if self.lines is not None else len(self._pieces(width - across))
        return math.ceil(count * self.fontMetrics().lineSpacing()) + down

    def minimumSizeHint(self) -> QSize:
        across, down = self._extra()
        return QSize(self.fontMetrics().averageCharWidth() * 6 + across,
                     self.fontMetrics().lineSpacing() * (self.lines or 1) + down)

    def sizeHint(self) -> QSize:
        across, _down = self._extra()
        width = min(self.fontMetrics().horizontalAdvance(self.text()), self.fontMetrics().averageCharWidth() * 60)
        return QSize(width + across, self.heightForWidth(width + across))

    def setText(self, text: str) -> None:
        super().setText(text)
        self.updateGeometry()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.lines is not None:  # the whole text when it had to be cut short
            elided = len(self._pieces(self.contentsRect().width())) == self.lines and \
                "".join(self._pieces(self.contentsRect().width())) != self.text().replace("\n", "")
            self.setToolTip(self.text() if elided else "")

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        rect = self.contentsRect()
        metrics = self.fontMetrics()
        y = rect.top() + metrics.ascent()
        for piece in self._pieces(rect.width()):
            painter.drawText(QPointF(rect.left(), y), piece)
            y += metrics.lineSpacing()


class LineField(QLineEdit):
    committed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._stored = ""
        self.editingFinished.connect(self._finish)

    def set_value(self, value) -> None:
        self._stored = "" if value is None else str(value)
        if self.text() != self._stored:
            self.setText(self._stored)
            self.setCursorPosition(0)

    def value(self):
        return self.text()

    @property
    def dirty(self) -> bool:
        return self.text() != self._stored

    def _finish(self) -> None:
        if self.dirty:
            self.committed.emit(self.value())


class NumberField(LineField):
    """Whole or decimal numbers; the service checks them and says what is wrong."""

    def set_value(self, value) -> None:
        super().set_value("" if value is None else (f"{value:g}" if isinstance(value, float) else value))


class TextField(QPlainTextEdit):
    """Several lines; committed when the field loses focus (or the editor flushes)."""

    committed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._stored = ""
        self.setTabChangesFocus(True)
        self.setMinimumHeight(60)
        self.setMaximumHeight(100)

    def set_value(self, value) -> None:
        self._stored = value or ""
        if self.toPlainText() != self._stored:
            self.setPlainText(self._stored)

    def value(self):
        return self.toPlainText()

    @property
    def dirty(self) -> bool:
        return self.toPlainText() != self._stored

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.dirty:
            self.committed.emit(self.value())


class DateField(QWidget):
    """A partial date typed naturally (2013, 2013-08, 5 Aug 2013, 5 de agosto de
    2013), with its reading shown beside it, and the qualifier next to it."""

    committed = Signal(object)

    def __init__(self, qualifier: VocabCombo | None = None, parent=None):
        super().__init__(parent)
        self.edit = LineField()
        self.edit.setPlaceholderText(self.tr("e.g. 2013, Aug 2013, 5 de agosto de 2013"))
        self.edit.committed.connect(self._typed)
        self.reading = plain_label()
        self.reading.setObjectName("dateReading")
        self.reading.setStyleSheet("color: palette(mid)")
        self.qualifier = qualifier
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 2)
        if qualifier is not None:
            row.addWidget(qualifier, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.reading)
        self.setFocusProxy(self.edit)

    def _typed(self, text: str) -> None:
        try:
            parsed = PartialDate.parse(text)
        except InvalidInput as error:
            self.reading.setText(str(error))
            self.reading.setStyleSheet("color: #b00020")
            self.committed.emit(text)  # the service refuses it with the field's name
            return
        self.committed.emit(parsed.iso() if parsed else None)

    def set_value(self, value) -> None:
        self.edit.set_value(value or "")
        self.reading.setStyleSheet("color: palette(mid)")
        qualifier = self.qualifier.value() if self.qualifier is not None else "exact"
        try:
            parsed = PartialDate.from_iso(value) if value else None
        except InvalidInput:
            parsed = None
        precision = {"day": self.tr("day"), "month": self.tr("month"), "year": self.tr("year")}
        self.reading.setText("" if parsed is None else self.tr("{words} — to the {precision}").format(
            words=describe(parsed, qualifier), precision=precision[parsed.precision]))

    def value(self):
        return self.edit.text()

    @property
    def dirty(self) -> bool:
        return self.edit.dirty


class VocabCombo(QComboBox):
    """A vocabulary as a drop-down: labels in the UI language, the key stored.
    Typing the first letters of a label jumps to it (type-ahead)."""

    committed = Signal(object)

    def __init__(self, terms: list[Term], optional: bool = False, parent=None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.descriptions: dict[str, str] = {}
        if optional and not any(t.key == "" for t in terms):
            self.addItem(self.tr("—"), "")
        for term in terms:
            self.addItem(term.label, term.key)
            self.descriptions[term.key] = term.description
            if term.description:
                self.setItemData(self.count() - 1, term.description, Qt.ItemDataRole.ToolTipRole)
        self._stored: str | None = None
        self.activated.connect(self._chosen)

    def set_value(self, value) -> None:
        key = "" if value is None else str(value)
        self._stored = key
        index = self.findData(key)
        if index < 0:  # a key the vocabulary no longer has: show it rather than hide it
            self.addItem(key, key)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def value(self):
        return self.currentData()

    @property
    def dirty(self) -> bool:
        return False

    def _chosen(self, _index: int) -> None:
        if self.currentData() != self._stored:
            self.committed.emit(self.currentData())


class GradeField(QWidget):
    """A grade (reliability A-F, credibility 1-6) with the meaning of the chosen grade."""

    committed = Signal(object)

    def __init__(self, terms: list[Term], parent=None):
        super().__init__(parent)
        self.combo = VocabCombo(terms)
        self.combo.committed.connect(self.committed)
        self.meaning = plain_label()
        self.meaning.setObjectName("gradeMeaning")
        self.meaning.setWordWrap(True)
        self.meaning.setStyleSheet("color: palette(mid)")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.combo)
        layout.addWidget(self.meaning)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(lambda _i: self._explain())

    def _explain(self) -> None:
        self.meaning.setText(self.combo.descriptions.get(str(self.combo.currentData()), ""))

    def set_value(self, value) -> None:
        self.combo.set_value(value)
        self._explain()

    def value(self):
        return self.combo.value()

    @property
    def dirty(self) -> bool:
        return False


class BoolField(QCheckBox):
    committed = Signal(object)

    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        self.clicked.connect(lambda checked: self.committed.emit(bool(checked)))

    def set_value(self, value) -> None:
        self.setChecked(bool(value))

    def value(self):
        return self.isChecked()

    @property
    def dirty(self) -> bool:
        return False


class RefField(QWidget):
    """A reference to another record: its code and name, a button to choose
    another, one to clear it, and one to go there."""

    committed = Signal(object)
    open_requested = Signal(int)
    choose_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # Two lines, always: a long name wraps (never widening the editor), and
        # choosing one does not move the fields below.
        self.shown = WrappingLabel(lines=2)
        self.shown.setObjectName("refShown")
        self.shown.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.shown.setMinimumWidth(80)
        # Tool buttons: compact, so the referenced name keeps the room.
        self.choose = _tool_button(self.tr("Choose…"))
        self.clear = _tool_button(self.tr("Clear"))
        self.go = _tool_button(self.tr("Open"))
        for button, name in ((self.choose, self.tr("Choose")), (self.clear, self.tr("Clear")),
                             (self.go, self.tr("Open"))):
            button.setAccessibleName(name)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.choose.clicked.connect(self.choose_requested)
        self.clear.clicked.connect(lambda: self.committed.emit(None))
        self.go.clicked.connect(self._open)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.shown, 1)
        layout.addWidget(self.choose)
        layout.addWidget(self.go)
        layout.addWidget(self.clear)
        self._id: int | None = None
        self.setFocusProxy(self.choose)

    def set_value(self, value, text: str = "") -> None:
        self._id = value
        self.shown.setText(text if value is not None else self.tr("(none)"))
        self.clear.setEnabled(value is not None)
        self.go.setEnabled(value is not None)

    def value(self):
        return self._id

    @property
    def dirty(self) -> bool:
        return False

    def _open(self) -> None:
        if self._id is not None:
            self.open_requested.emit(self._id)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.MouseButtonDblClick and self._id is not None:
            self.open_requested.emit(self._id)
            return True
        return super().event(event)


class GazetteerField(LineField):
    """A place's name that offers towns from the offline gazetteer as it is
    typed; choosing one emits ``town_chosen`` with the place's new values
    (name, coordinates, state, country, precision), to be stored as one change."""

    town_chosen = Signal(dict)
    ROLE_NAME = Qt.ItemDataRole.UserRole + 1
    ROLE_VALUES = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None):
        from PySide6.QtGui import QStandardItemModel
        from PySide6.QtWidgets import QCompleter

        super().__init__(parent)
        self._matches = QStandardItemModel(self)
        completer = QCompleter(self._matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)  # the gazetteer filters
        completer.setCompletionRole(self.ROLE_NAME)  # the line gets the bare name, the popup the description
        completer.setMaxVisibleItems(8)
        completer.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]  # the index overload
        self.setCompleter(completer)
        self.textEdited.connect(self._offer)

    def _offer(self, text: str) -> None:
        from PySide6.QtGui import QStandardItem

        from ...services.views import gazetteer

        self._matches.clear()
        if len(text.strip()) < 2:
            return
        for town in gazetteer.lookup(text, 8):
            where = ", ".join(part for part in (town.state, town.country) if part)
            item = QStandardItem(f"{town.name} — {where}" if where else town.name)
            item.setData(town.name, self.ROLE_NAME)
            item.setData({"name": town.name, "latitude": round(town.latitude, 5),
                          "longitude": round(town.longitude, 5), "state": town.state,
                          "country": town.country, "precision": "nearby"}, self.ROLE_VALUES)
            item.setToolTip(self.tr("{lat:.4f}, {lon:.4f}; GeoNames, CC BY 4.0").format(
                lat=town.latitude, lon=town.longitude))
            self._matches.appendRow(item)
        completer = self.completer()
        completer.setCompletionPrefix("")
        if self._matches.rowCount():
            completer.complete()

    def _chosen(self, index: QModelIndex) -> None:
        values = index.data(self.ROLE_VALUES)
        if isinstance(values, dict):
            self._stored = values["name"]  # stored by the change that follows, not as a name edit alone
            self.setText(values["name"])
            self.town_chosen.emit(dict(values))

    def _finish(self) -> None:
        popup = self.completer().popup()
        if popup is None or not popup.isVisible():  # Enter in the list chooses a town instead
            super()._finish()
