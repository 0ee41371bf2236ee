"""The redaction preview: the sample case's replacements, a planted near miss,
and "Withhold This Passage" putting a mark in the case file (undoably)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from casefile.model import Incident, WithholdMark
from casefile.services import records
from casefile.services.sample import create_demo_case
from casefile.store import Case
from casefile.ui.dialogs.dossier import DossierDialog
from casefile.ui.dialogs.redaction_preview import RedactionPreviewDialog
from casefile.ui.mainwindow import MainWindow

PLANTED = "Rosa Ficticla"  # one letter away from the protected witness's name


@pytest.fixture
def sample_window(qtbot, tmp_path):
    """The main window on the sample case, with a near miss planted in INC-0001's description."""
    path = tmp_path / "sample.casefile"
    create_demo_case(path).close()
    case = Case.open(path)
    with case.session() as s:
        incident = s.scalars(select(Incident).where(Incident.code == "INC-0001")).one()
        incident_id, description = incident.id, incident.description or ""
    records.update(case, "incident", incident_id, description=f"{description} A neighbour, {PLANTED}, saw it.")
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_case(case, remember=False)
    win.show()
    yield win
    win.close()
    case.close()


@pytest.fixture
def opened(monkeypatch, qtbot):
    """Dialogs that File > Redaction Preview… opens, shown without blocking."""
    shown: list[RedactionPreviewDialog] = []

    def exec_(dialog):
        shown.append(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        return 0

    monkeypatch.setattr(RedactionPreviewDialog, "exec", exec_)
    return shown


def _rows(model) -> list[tuple[str, ...]]:
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def _loaded(qtbot, dialog: RedactionPreviewDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.report is not None, timeout=10000)


def _marks(case) -> list[tuple[str, str]]:
    with case.session() as s:
        return [(m.field, m.passage) for m in s.scalars(select(WithholdMark))]


def test_preview_lists_replacements_and_near_miss_then_withholds_it(qtbot, sample_window, opened):
    window = sample_window
    window.actions["redaction_preview"].trigger()
    (dialog,) = opened
    for model in (dialog.replacements, dialog.near):
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    _loaded(qtbot, dialog)
    assert dialog.profile() == "public"
    replaced = _rows(dialog.replacements)
    assert ("ACT-0009", "name", "Rosa Ejemplo Ficticia", "Witness A (pseudonym)") in replaced
    assert any(row[:3] == ("EVI-0001", "title", "roadblock-sketch.png") for row in replaced)
    near = _rows(dialog.near)
    assert [row[:3] for row in near] == [("INC-0001", "description", PLANTED)]
    assert "ACT-0009" in near[0][3]
    assert "SRC-0005" in dialog.withheld.text() and "CLM-0006" in dialog.withheld.text()
    assert not dialog.withhold_button.isEnabled()  # nothing chosen yet

    # By keyboard: Tab to the near misses, pick the first, then the button.
    dialog.near_table.setFocus()
    QTest.keyClick(dialog.near_table, Qt.Key_Down)
    if dialog.near_table.selectionModel().currentIndex().row() != 0:
        dialog.near_table.selectRow(0)
    assert dialog.withhold_button.isEnabled()
    qtbot.mouseClick(dialog.withhold_button, Qt.LeftButton)

    assert _marks(window.case) == [("description", PLANTED)]  # in the case file
    _loaded(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.near.rowCount() == 0, timeout=10000)
    assert ("INC-0001", "description", PLANTED, "[withheld] (passage)") in _rows(dialog.replacements)

    # It went through the window's undo stack: Ctrl+Z takes the mark back.
    assert window.undo_stack.canUndo()
    window.undo_stack.undo()
    assert _marks(window.case) == []
    QTest.keyClick(dialog, Qt.Key_Escape)
    assert not dialog.isVisible()


def test_partner_profile_and_the_tab_order(qtbot, sample_window, opened):
    RedactionPreviewDialog.show_for(sample_window, sample_window.case, "partner")
    (dialog,) = opened
    _loaded(qtbot, dialog)
    assert dialog.profile() == "partner"
    assert "SRC-0005" in dialog.withheld.text() and "CLM-0006" not in dialog.withheld.text()
    dialog.profile_box.setCurrentIndex(dialog.profile_box.findData("public"))
    qtbot.waitUntil(lambda: dialog.report.profile == "public" and not dialog.is_busy(), timeout=10000)
    assert "CLM-0006" in dialog.withheld.text()
    # Tab goes profile -> replacements -> near misses (which picks the first) -> the button -> Close.
    dialog.activateWindow()
    dialog.profile_box.setFocus()
    order = [dialog.profile_box]
    for _ in range(4):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[1:4] == [dialog.replacement_table, dialog.near_table, dialog.withhold_button]
    assert order[4].text().replace("&", "") == "Close"


def test_markup_in_a_near_miss_stays_text(qtbot, sample_window, opened):
    """Record text is shown as it was typed, markup and all, on one line."""
    case = sample_window.case
    with case.session() as s:
        incident_id = s.scalar(select(Incident.id).where(Incident.code == "INC-0002"))
    records.update(case, "incident", incident_id, title=f"<b>{PLANTED}</b>\nseen")
    RedactionPreviewDialog.show_for(sample_window, case, "public")
    (dialog,) = opened
    _loaded(qtbot, dialog)
    assert ("INC-0002", "title", PLANTED) in [row[:3] for row in _rows(dialog.near)]
    # the labels that carry codes and passages never guess rich text
    for label in (dialog.summary, dialog.withheld, dialog.status):
        assert label.textFormat() == Qt.PlainText


def test_a_refused_mark_is_said_in_the_dialog(qtbot, sample_window, opened):
    RedactionPreviewDialog.show_for(sample_window, sample_window.case, "public")
    (dialog,) = opened
    _loaded(qtbot, dialog)
    dialog.near.set_entries([type(dialog.report.near_misses[0])("INC-0001", "tag", "edit distance one", PLANTED)])
    dialog.near_table.selectRow(0)
    dialog.withhold_selected()
    assert dialog.status.text().startswith("Not marked:")
    assert _marks(sample_window.case) == [] and not sample_window.undo_stack.canUndo()


def test_dossier_dialog_offers_the_preview_for_shared_profiles(qtbot, sample_window, monkeypatch):
    asked = []
    monkeypatch.setattr(RedactionPreviewDialog, "show_for", classmethod(
        lambda cls, window, case, profile, **k: asked.append((window, profile)) or (None, True)))
    dialog = DossierDialog(sample_window.case, sample_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.preview_button.isVisible()  # full: nothing is redacted
    dialog.set_profile("partner")
    assert dialog.preview_button.isVisible()
    qtbot.mouseClick(dialog.preview_button, Qt.LeftButton)
    dialog.set_profile("public")
    dialog.preview_button.click()
    assert asked == [(sample_window, "partner"), (sample_window, "public")]
    dialog.set_profile("full")
    assert not dialog.preview_button.isVisible()
    assert isinstance(dialog, QDialog)
