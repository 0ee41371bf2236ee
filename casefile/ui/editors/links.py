"""A record's links in its editor, grouped by relation: add (through the
search-as-you-type picker, creating the target if needed), remove, and
double-click (or Enter) to jump to the linked record."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import CasefileError
from ...model.kinds import LINK_KINDS
from ...services import records
from ...services.records import links as link_service
from .. import dialogs
from ..commands import CaseCommand, CreateLink, DeleteLink, UpdateRecord
from .fields import VocabCombo, plain_label
from .picker import RecordPicker, already_linked

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("Links", text)


def _children(item: QTreeWidgetItem) -> Iterator[QTreeWidgetItem]:
    for n in range(item.childCount()):
        child = item.child(n)
        if child is not None:  # always, below childCount()
            yield child


def _highlight_first(menu: QMenu) -> None:
    """Opened by the keyboard, the first entry is highlighted so Enter takes it."""
    if menu.actions():
        menu.setActiveAction(menu.actions()[0])


@dataclass(frozen=True)
class AddOption:
    label: str
    target_kind: str
    link_kind: str  # a link table, or field:<kind>:<column> on the target
    #: which column holds this record, which the target
    mine: str = ""
    theirs: str = ""
    allow_create: bool = True


def _options(kind: str) -> list[AddOption]:
    evidence = AddOption(_tr("Evidence…"), "evidence", "evidence_link", f"{kind}_id", "evidence_id", False)
    return {
        "incident": [AddOption(_tr("Actor involved…"), "actor", "involvement", "incident_id", "actor_id"),
                     AddOption(_tr("Claim about it…"), "claim", "claim_subject", "incident_id", "claim_id"),
                     AddOption(_tr("Related incident…"), "incident", "incident_link", "from_id", "to_id"),
                     evidence],
        "actor": [AddOption(_tr("Involved in incident…"), "incident", "involvement", "actor_id", "incident_id"),
                  AddOption(_tr("Relation to another actor…"), "actor", "actor_relation", "actor_id", "other_id"),
                  evidence],
        "place": [AddOption(_tr("Incident here…"), "incident", "field:incident:place_id")],
        "source": [AddOption(_tr("Cites another source…"), "source", "source_citation", "source_id", "cited_id"),
                   AddOption(_tr("Claim read in it…"), "claim", "field:claim:source_id"),
                   AddOption(_tr("Assesses a claim…"), "claim", "assessment", "by_source_id", "claim_id"),
                   evidence],
        "claim": [AddOption(_tr("Relayed by a source…"), "source", "claim_relay", "claim_id", "source_id"),
                  AddOption(_tr("About an incident…"), "incident", "claim_subject", "claim_id", "incident_id"),
                  AddOption(_tr("About an actor…"), "actor", "claim_subject", "claim_id", "actor_id"),
                  AddOption(_tr("Assessed by a source…"), "source", "assessment", "claim_id", "by_source_id"),
                  AddOption(_tr("Assessed by another claim…"), "claim", "assessment", "claim_id", "by_claim_id"),
                  evidence],
        "evidence": [AddOption(_tr("Incident…"), "incident", "evidence_link", "evidence_id", "incident_id", False),
                     AddOption(_tr("Claim…"), "claim", "evidence_link", "evidence_id", "claim_id", False),
                     AddOption(_tr("Source…"), "source", "evidence_link", "evidence_id", "source_id", False),
                     AddOption(_tr("Actor…"), "actor", "evidence_link", "evidence_id", "actor_id", False)],
    }.get(kind, [])


class LinkDetailsDialog(QDialog):
    """Role, degree and head count of an involvement, or the relation of a link."""

    #: links whose relation is chosen here (an involvement's role has its own row)
    RELATION_VOCABULARY = {k.name: k.vocabulary for k in LINK_KINDS if k.vocabulary and k.relation == "relation"}

    def __init__(self, parent, case, link_kind: str, lang: str = "en"):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link details"))
        self.link_kind = link_kind
        form = QFormLayout()
        self.combos: dict[str, VocabCombo] = {}
        if link_kind == "involvement":
            self.combos["role"] = VocabCombo(records.vocabulary(case, "role", lang))
            self.combos["degree"] = VocabCombo(records.vocabulary(case, "degree", lang), optional=True)
            form.addRow(self.tr("&Role:"), self.combos["role"])
            form.addRow(self.tr("&Degree:"), self.combos["degree"])
            self.head_count = QLineEdit()
            self.head_count.setAccessibleName(self.tr("Head count"))
            self.approximate = QCheckBox(self.tr("approximate (“about 60”)"))
            row = QHBoxLayout()
            row.addWidget(self.head_count)
            row.addWidget(self.approximate)
            count_label = plain_label(self.tr("&Head count:"))
            count_label.setTextFormat(Qt.TextFormat.AutoText)  # our own text: the "&" marks the shortcut
            count_label.setBuddy(self.head_count)  # a row holding a layout gets no buddy by itself
            form.addRow(count_label, row)
        elif link_kind in self.RELATION_VOCABULARY:
            self.combos["relation"] = VocabCombo(records.vocabulary(case, self.RELATION_VOCABULARY[link_kind], lang))
            form.addRow(self.tr("&Relation:"), self.combos["relation"])
        self.problem = plain_label()
        self.problem.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def needed(self) -> bool:
        return bool(self.combos)

    def values(self) -> dict:
        values = {name: combo.currentData() for name, combo in self.combos.items()}
        if self.link_kind == "involvement":
            text = self.head_count.text().strip()
            values["head_count"] = int(text) if text.isdigit() else None
            values["head_count_approximate"] = self.approximate.isChecked()
        return values

    def _accept(self) -> None:
        if self.link_kind == "involvement" and self.head_count.text().strip() and \
                not self.head_count.text().strip().isdigit():
            self.problem.setText(self.tr("The head count must be a whole number, such as 60."))
            return
        self.accept()

    @classmethod
    def get_details(cls, parent, case, link_kind: str, lang: str = "en") -> tuple[dict, bool]:
        dialog = cls(parent, case, link_kind, lang)
        if not dialog.needed():
            return {}, True
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.values(), accepted


class LinksPanel(QWidget):
    def __init__(self, window, kind: str, record_id: int):
        super().__init__()
        self.setObjectName("linksPanel")
        self.window_ = window
        self.kind, self.record_id = kind, record_id
        self.tree = QTreeWidget()
        self.tree.setObjectName("linksTree")
        self.tree.setAccessibleName(self.tr("Links"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Linked record"), self.tr("How")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemActivated.connect(self._jump)
        self.tree.setMinimumHeight(160)
        # A push button leaves room for its menu arrow (a tool button's overlapped the text).
        self.add_button = QPushButton(self.tr("Add Lin&k"))  # Alt+K from anywhere in the editor (L is a menu's)
        self.add_button.setObjectName("addLink")
        menu = QMenu(self.add_button)
        for option in _options(kind):
            menu.addAction(option.label, partial(self.add, option))
        if any(option.target_kind == "evidence" for option in _options(kind)):  # no drag and drop needed
            menu.addAction(self.tr("New Evidence from File…"), self.add_evidence_files)
        if kind == "incident":
            menu.addAction(self.tr("Tag…"), self.add_tag)
        self.add_button.setMenu(menu)
        # Opened by the keyboard, the first entry is highlighted so Enter takes it.
        menu.aboutToShow.connect(lambda: _highlight_first(menu))
        self.add_button.setEnabled(not menu.isEmpty())
        self.remove_button = QPushButton(self.tr("Remove Link"))
        self.remove_button.setObjectName("removeLink")
        self.remove_button.clicked.connect(self.remove_selected)
        heading = plain_label(self.tr("Links"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self.reload()

    def reload(self) -> None:
        selected = self.selected()
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for item in link_service.links_of(self.window_.case, self.kind, self.record_id, self.window_.lang):
            parent = groups.get(item.group)
            if parent is None:
                parent = QTreeWidgetItem([item.group_label])
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                parent.setFirstColumnSpanned(False)
                groups[item.group] = parent
                self.tree.addTopLevelItem(parent)
            text = f"{item.target_code}  {item.target_title}".strip()
            child = QTreeWidgetItem([text, item.detail])  # items are drawn as plain text
            child.setData(0, ITEM_ROLE, item)
            child.setToolTip(0, text)
            parent.addChild(child)
            if selected is not None and selected.link_kind == item.link_kind and selected.link_id == item.link_id:
                self.tree.setCurrentItem(child)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.tree.setColumnWidth(0, max(260, self.tree.columnWidth(0)))
        self.remove_button.setEnabled(bool(groups))

    def selected(self) -> link_service.LinkItem | None:
        item = self.tree.currentItem()
        return item.data(0, ITEM_ROLE) if item is not None else None

    def items(self) -> list[link_service.LinkItem]:
        return [child.data(0, ITEM_ROLE)
                for group in _children(self.tree.invisibleRootItem()) for child in _children(group)]

    def _jump(self, tree_item: QTreeWidgetItem, _column: int = 0) -> None:
        item = tree_item.data(0, ITEM_ROLE)
        if item is not None and item.target_kind is not None:
            self.window_.open_record(item.target_kind, item.target_id)

    # -- adding and removing ------------------------------------------------------------

    def add(self, option: AddOption) -> bool:
        case = self.window_.case
        choice, ok = RecordPicker.pick(self, case, option.target_kind, option.label.rstrip("…"),
                                       allow_create=option.allow_create, exclude=already_linked(
                                           self.kind, self.record_id, option.link_kind, option.mine,
                                           option.theirs, option.target_kind))
        if not ok or choice is None:
            return False
        if option.link_kind.startswith("field:"):
            _, target_kind, column = option.link_kind.split(":")

            def make(target_id):
                return UpdateRecord(case, target_kind, target_id, {column: self.record_id})
        else:
            details, ok = LinkDetailsDialog.get_details(self, case, option.link_kind, self.window_.lang)
            if not ok:
                return False

            def make(target_id):
                return CreateLink(case, option.link_kind,
                                  {option.mine: self.record_id, option.theirs: target_id, **details},
                                  _tr("Link {kind}").format(kind=option.label.rstrip("…").lower()))
        return self.window_.apply_choice(choice, make, _tr("Add link"))

    def add_evidence_files(self) -> bool:
        """Files from a dialog, taken in and linked to this record (the evidence panel's intake)."""
        intake = self.window_.evidence_intake
        if intake is None:
            return False
        return intake.add_files(records.get(self.window_.case, self.kind, self.record_id)["code"])

    def add_tag(self) -> bool:
        tag, ok = dialogs.ask_text(self, self.tr("Tag"), self.tr("Tag for this incident:"))
        if not ok or not tag.strip():
            return False
        return self.window_.execute(CreateLink(self.window_.case, "incident_tag",
                                               {"incident_id": self.record_id, "tag": tag.strip()},
                                               _tr("Add tag")))

    def remove_selected(self) -> bool:
        item = self.selected()
        if item is None:
            return False
        case = self.window_.case
        if item.link_kind.startswith("field:"):
            _, target_kind, column = item.link_kind.split(":")
            assert isinstance(item.link_id, int)  # a field link names the record holding the field
            command: CaseCommand = UpdateRecord(case, target_kind, item.link_id, {column: None}, _tr("Remove link"))
        else:
            command = DeleteLink(case, item.link_kind, item.link_id)
        try:
            return self.window_.execute(command)
        except CasefileError as error:
            self.window_.show_error(error)
            return False
