"""The editor of one record: its fields (from ``services.records.fields``), a
banner when it is protected or confidential, and its links.

Every field commits on its own (Enter, leaving the field, choosing an item)
through an undo command; there is no Save. After any commit the store notifies
the window, which calls :meth:`RecordEditor.reload` to show what is stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ...errors import CasefileError
from ...model.kinds import TITLE_FIELD
from ...services import records
from ...services.records.fields import FIELDS
from .. import dialogs
from ..commands import UpdateRecord
from .fields import (
    BoolField,
    DateField,
    GazetteerField,
    GradeField,
    LineField,
    NumberField,
    RefField,
    TextField,
    VocabCombo,
    WrappingLabel,
    plain_label,
)
from .links import LinksPanel
from .protocol import Changes, Editor
from .source_reader import SourceReader

if TYPE_CHECKING:
    from ..mainwindow import MainWindow

#: every widget a form row may hold: each has ``value()``, ``set_value()``, ``dirty`` and ``committed``
FieldWidget = LineField | TextField | DateField | VocabCombo | GradeField | BoolField | RefField

OPTIONAL_VOCABULARIES = {"incident_type", "actor_type", "stance"}
BANNER_STYLE = ("QLabel#protectionBanner { background: #fcefdc; color: #6b3b00; border: 1px solid #d9822b;"
                " border-radius: 4px; padding: 6px; }")


class RecordEditor(Editor):
    def __init__(self, window: MainWindow, kind: str, record_id: int):
        super().__init__(kind, record_id)
        self.setObjectName(f"editor_{kind}")
        self.window_ = window
        assert window.case is not None  # an editor is only made for an open case
        self.case = window.case
        self.row = records.get(self.case, kind, record_id)  # raises if it is gone
        self.fields: dict[str, FieldWidget] = {}
        self.reader: SourceReader | None = None

        self.heading = WrappingLabel()  # a long file name or title wraps instead of widening the pane
        self.heading.setObjectName("editorHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.banner = plain_label()
        self.banner.setObjectName("protectionBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.problem = plain_label()
        self.problem.setObjectName("editorProblem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.problem.hide()

        details = QWidget()
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._build_form(form)
        if kind == "claim":
            self.quote_button = QPushButton(self.tr("Show the Quote in Its Source"))
            self.quote_button.setObjectName("showQuote")
            self.quote_button.clicked.connect(self.show_quote)
            form.addRow("", self.quote_button)
        self.links = LinksPanel(window, kind, record_id)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(self.problem)
        tabs = self._extra_tabs()
        if tabs:
            self.tabs: QTabWidget | None = QTabWidget()
            self.tabs.setObjectName("editorTabs")
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.addWidget(details)
            page_layout.addWidget(self.links, 1)
            self.tabs.addTab(page, self.tr("Details"))
            for title, widget in tabs:
                self.tabs.addTab(widget, title)
            layout.addWidget(self.tabs, 1)
        else:
            self.tabs = None
            layout.addWidget(details)
            layout.addWidget(_line())
            layout.addWidget(self.links, 1)  # the links take the room left over
        self._show(self.row)

    # -- building the form ---------------------------------------------------------

    def _terms(self, name: str):
        return records.vocabulary(self.case, name, self.window_.lang)

    def _build_form(self, form: QFormLayout) -> None:
        qualifiers = {f.qualifier for f in FIELDS[self.kind] if f.qualifier}
        for spec in FIELDS[self.kind]:
            if spec.name in qualifiers:
                continue  # shown beside its date
            widget: FieldWidget
            if spec.type == "line" and self.kind == "place" and spec.name == "name":
                widget = GazetteerField()  # offers towns from the offline gazetteer
                widget.town_chosen.connect(self._place_from_gazetteer)
            elif spec.type == "line":
                widget = LineField()
            elif spec.type == "text":
                widget = TextField()
            elif spec.type in ("int", "float"):
                widget = NumberField()
            elif spec.type == "date":
                qualifier = None
                if spec.qualifier:
                    qualifier = VocabCombo(self._terms("date_qualifier"))
                    qualifier.setAccessibleName(self.tr("{field}: how sure").format(field=spec.label))
                    qualifier.committed.connect(lambda v, n=spec.qualifier: self.commit(n, v))
                    self.fields[spec.qualifier] = qualifier
                widget = DateField(qualifier)
            elif spec.type == "vocab":
                widget = VocabCombo(self._terms(spec.vocabulary), optional=spec.vocabulary in OPTIONAL_VOCABULARIES)
            elif spec.type == "grade":
                widget = GradeField(self._terms(spec.vocabulary))
            elif spec.type == "bool":
                widget = BoolField(spec.label)
            elif spec.type == "ref":
                widget = RefField()
                widget.choose_requested.connect(lambda s=spec: self._choose_ref(s))
                widget.open_requested.connect(lambda rid, s=spec: self.window_.open_record(s.ref_kind, rid))
            else:
                continue
            widget.setObjectName(f"field_{spec.name}")
            widget.setAccessibleName(spec.label)
            widget.committed.connect(lambda v, n=spec.name: self.commit(n, v))
            self.fields[spec.name] = widget
            form.addRow("" if spec.type == "bool" else spec.label + ":", widget)

    def _extra_tabs(self) -> list[tuple[str, QWidget]]:
        tabs: list[tuple[str, QWidget]] = []
        if self.kind == "source":
            reader = self.reader = SourceReader(self.window_, self.record_id)
            reader.show_wanted.connect(lambda: self.tabs.setCurrentWidget(reader) if self.tabs else None)
            tabs.append((self.tr("Text"), reader))
        for title, factory in self.window_.editor_tabs(self.kind):
            tabs.append((title, factory(self.window_, self.kind, self.record_id)))
        return tabs

    # -- showing what is stored -------------------------------------------------------

    def _show(self, row: dict) -> None:
        self.row = row
        title = row.get(TITLE_FIELD[self.kind]) or ""
        self.heading.setText(f"{row['code']}  {title}".strip())
        for name, widget in self.fields.items():
            if isinstance(widget, RefField):
                widget.set_value(row[name], self._ref_text(next(f for f in FIELDS[self.kind] if f.name == name),
                                                           row[name]))
            elif not (widget.dirty and widget.hasFocus()):
                widget.set_value(row[name])
        for name, widget in self.fields.items():  # dates read their qualifier
            if isinstance(widget, DateField) and not widget.edit.hasFocus():
                widget.set_value(row[name])
        self._show_banner(row)
        if self.kind == "claim":
            self.quote_button.setVisible(row.get("quote_start") is not None and row.get("source_id") is not None)

    def _ref_text(self, spec, ref_id) -> str:
        if ref_id is None:
            return ""
        try:
            target = records.get(self.case, spec.ref_kind, ref_id)
        except CasefileError:
            return ""
        return f"{target['code']}  {target[TITLE_FIELD[spec.ref_kind]] or ''}"

    def _show_banner(self, row: dict) -> None:
        text = ""
        if self.kind == "evidence" and row.get("withdrawn"):  # the list strikes it through; the editor says why
            text = self.tr("Withdrawn: kept in the case with its custody and history, but no longer part of it "
                           "(dossiers leave it out).")
        elif self.kind == "actor" and row.get("protected"):
            text = self.tr("Protected person. Shared dossiers show only the pseudonym “{name}”; "
                           "contact details never leave this case.").format(name=row.get("pseudonym") or "")
        elif self.kind == "source" and row.get("confidential"):
            text = self.tr("Confidential source. Shared dossiers show only the pseudonym “{name}”.").format(
                name=row.get("pseudonym") or "")
        elif row.get("confidential"):
            text = self.tr("Confidential: left out of partner and public dossiers.")
        elif self.kind == "claim" and row.get("chain_review"):
            text = self.tr("Chain of attribution to review: it was carried over from its source's citation when "
                           "the case was upgraded. Check where it was first said and who relayed it, then untick "
                           "“Chain of attribution to review”.")
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    @property
    def source_reader(self) -> SourceReader | None:
        return self.reader

    def reload(self, changes: Changes | None = None) -> None:
        try:
            row = records.get(self.case, self.kind, self.record_id)
        except CasefileError:
            return
        self._show(row)
        self.links.reload()
        if self.reader is not None:
            self.reader.reload(changes)

    # -- committing --------------------------------------------------------------------

    def commit(self, name: str, value) -> bool:
        """One field changed: store it now, through the undo stack."""
        values = {name: value}
        if name in ("protected", "confidential") and value and self.kind in ("actor", "source") \
                and not (self.row.get("pseudonym") or "").strip():
            pseudonym, ok = dialogs.ask_text(self, self.tr("Pseudonym needed"), self.tr(
                "Shared dossiers will name this record only by a pseudonym. Pseudonym:"))
            if not ok or not pseudonym.strip():
                self._show(self.row)
                return False
            values["pseudonym"] = pseudonym.strip()

        def refused(error: CasefileError) -> None:  # said beside the form, not in a dialog
            self.problem.setText(str(error))
            self.problem.show()
            self._revert(self.fields.get(name), name)

        if not self.window_.execute(UpdateRecord(self.case, self.kind, self.record_id, values), refused=refused):
            return False
        self.problem.hide()
        return True

    def _place_from_gazetteer(self, values: dict) -> None:
        """A town chosen in the name field: name, coordinates, state, country and
        precision stored as one change."""
        text = self.tr("Place {name} from the gazetteer").format(name=values.get("name", ""))
        self.window_.execute(UpdateRecord(self.case, self.kind, self.record_id, values, text=text))

    def _revert(self, widget: FieldWidget | None, name: str) -> None:
        if widget is None:
            return
        if isinstance(widget, RefField):
            return
        widget.set_value(self.row[name])
        if isinstance(widget, DateField):
            widget.reading.setText(self.problem.text())
            widget.reading.setStyleSheet("color: #b00020")

    def commit_pending(self) -> None:
        """Store a field still being typed in (before the window closes or moves on)."""
        for name, widget in self.fields.items():
            if widget.dirty:
                self.commit(name, widget.value())
        if self.reader is not None:
            self.reader.commit_pending()

    def _choose_ref(self, spec) -> None:
        from .picker import RecordPicker

        choice, ok = RecordPicker.pick(self, self.case, spec.ref_kind, self.tr("Choose: {field}").format(
            field=spec.label), allow_create=True)
        if not ok:
            return
        self.window_.apply_choice(
            choice, lambda target_id: UpdateRecord(self.case, self.kind, self.record_id, {spec.name: target_id}),
            self.tr("Set {field}").format(field=spec.label.lower()))

    def show_quote(self) -> None:
        """Open the conveying source's text with the quoted passage selected."""
        start, end, source_id = self.row.get("quote_start"), self.row.get("quote_end"), self.row.get("source_id")
        if start is None or end is None or source_id is None:
            return
        self.window_.open_record("source", source_id)
        editor = self.window_.editor
        reader = editor.source_reader if editor is not None else None
        if reader is not None:
            reader.show_passage(start, end)

    def focus_first(self) -> None:
        widget = self.fields.get(TITLE_FIELD[self.kind])
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, LineField):
                widget.selectAll()
            elif isinstance(widget, TextField):
                widget.selectAll()


def _line() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line

