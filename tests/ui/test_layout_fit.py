"""Layout (issue 16 item 8): the evidence editor fits its pane (a long file name
or a hash wraps or scrolls inside its own field), choosing a claimant does not
move the claim's fields, and the export dialog grows to hold its result."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from casefile.services import records
from casefile.services.sample import create_demo_case
from casefile.ui.dialogs.dossier import DossierDialog
from casefile.ui.editors.picker import RecordPicker
from casefile.ui.evidence.intake import EvidenceFileDialog, IntakeReportDialog
from casefile.ui.evidence.panel import EvidencePanel

LONG_NAME = "IMG_20130805_reten_de_Ayutla_militares_detenidos_por_la_policia_comunitaria_UPOEG_toma_3.txt"


def _active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_the_evidence_editor_fits_its_pane(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / LONG_NAME
    path.write_text("Statement taken at the roadblock.\n", encoding="utf-8")
    monkeypatch.setattr(EvidenceFileDialog, "choose", classmethod(lambda cls, parent: ([str(path)], True)))
    monkeypatch.setattr(IntakeReportDialog, "report", classmethod(lambda cls, parent, result: (None, True)))
    window.view.setSizes([170, 700, 450])  # a narrow editor pane
    _active(window, qtbot)
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        qtbot.keyClick(window.view.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.current_record is not None and window.current_record[0] == "evidence")
    editor, scroll = window.editor, window.view.editor_scroll
    panel = editor.findChild(EvidencePanel)
    for page in range(editor.tabs.count()):  # the record's fields, then the File tab
        editor.tabs.setCurrentIndex(page)
        qtbot.wait(50)
        assert editor.minimumSizeHint().width() <= scroll.viewport().width(), page
        assert editor.width() <= scroll.viewport().width(), page
        assert scroll.horizontalScrollBar().maximum() == 0, page
    assert panel.fields["original_name"].text() == LONG_NAME  # whole, in a field that scrolls itself
    assert editor.heading.text().endswith(LONG_NAME)
    assert editor.heading.height() >= 2 * editor.heading.fontMetrics().lineSpacing()  # wrapped, not cut


def test_choosing_a_claimant_does_not_move_the_fields_below(window, qtbot):
    case = window.case
    records.create(case, "actor", name="Bruno Plácido Valerio, coordinator of the Union of Peoples and "
                   "Organisations of the State of Guerrero (UPOEG), speaking to the press in Ayutla")
    claim = records.create(case, "claim", summary="Armed men in black are paramilitaries")
    window.open_record("claim", claim)
    editor = window.editor
    below = ("claimed_on", "credibility", "status", "notes")
    before = {name: editor.fields[name].mapTo(editor, editor.fields[name].rect().topLeft()).y() for name in below}

    def choose() -> None:
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, RecordPicker)
        qtbot.keyClicks(picker.query, "bruno")
        qtbot.waitUntil(lambda: picker.model.query == "bruno")
        qtbot.keyClick(picker.query, Qt.Key.Key_Return)

    _active(window, qtbot)
    editor.fields["claimant_id"].setFocus()  # the field's Choose… button
    QTimer.singleShot(0, choose)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert records.get(case, "claim", claim)["claimant_id"] is not None
    editor = window.editor
    qtbot.wait(50)
    after = {name: editor.fields[name].mapTo(editor, editor.fields[name].rect().topLeft()).y() for name in below}
    assert after == before


def _overlaps(dialog: QWidget) -> list[tuple[str, str]]:
    """Visible labels that overlap another visible widget, or are shorter than their text needs."""
    found = []
    boxes = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog) or widget.parentWidget() is None:
            continue
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            if widget.height() < widget.heightForWidth(widget.width()):
                found.append((widget.text()[:30], "too short"))
            boxes.append((widget, QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())))
    for n, (a, ra) in enumerate(boxes):
        for b, rb in boxes[n + 1:]:
            if ra.intersects(rb):
                found.append((a.text()[:30], b.text()[:30]))
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_export_dialog_holds_its_result(qtbot, tmp_path, language, qapp):
    from casefile.ui.language import install_translators

    install_translators(qapp, language)
    case = create_demo_case(tmp_path / "demo.casefile")
    try:
        dialog = DossierDialog(case, ui_language=language)
        qtbot.addWidget(dialog)
        out = tmp_path / "Expedientes de la costa" / "Guerrero 2013 - autodefensas y ejército - socios.pdf"
        out.parent.mkdir()
        dialog.output.setText(str(out))
        dialog.show()
        assert _overlaps(dialog) == []
        with qtbot.waitSignal(dialog.exported, timeout=120000):
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
        qtbot.wait(50)
        assert out.is_file() and str(out) in dialog.status.text()
        assert _overlaps(dialog) == []
    finally:
        install_translators(qapp, "en")
        case.close(backup=False)
