"""Evidence in the window: files dropped from the desktop land in the case with
custody, undo withdraws and redo reinstates, cancel keeps nothing half-stored,
previews render from bytes without writing files, the original exports."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import threading
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QListView
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import func, select

from casefile.model import Blob, BlobChunk, Chunk, CustodyEvent, Evidence, Incident
from casefile.services import evidence
from casefile.ui.evidence import panel as evidence_panel
from casefile.ui.evidence.commands import intake_batch
from casefile.ui.evidence.intake import (
    EvidenceIntake,
    FileDropFilter,
    IntakeReportDialog,
    RelationDialog,
    local_files,
)
from casefile.ui.evidence.panel import CustodyModel, EvidencePanel, LinkTargetDialog

HOSTILE_NAME = '<b>bold<\b> <img src=x> «testimonio».txt'


def png_bytes(size=(64, 48), color=(200, 30, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return buf.getvalue()


def pdf_bytes(text="Detention at the roadblock") -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    pdf.drawString(72, 720, text)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "desktop"
    folder.mkdir()
    (folder / "photo.png").write_bytes(png_bytes())
    (folder / "complaint.pdf").write_bytes(pdf_bytes())
    (folder / HOSTILE_NAME).write_text("Testimony: soldiers at the roadblock.\n", encoding="utf-8")
    return folder


def rows(case, model):
    with case.connection() as conn:
        return conn.scalar(select(func.count()).select_from(model))


def drop(widget, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target = widget.viewport() if hasattr(widget, "viewport") else widget
    enter = QDragEnterEvent(QPoint(5, 5), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(5, 5), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(target, event)
    return event


@pytest.fixture
def no_report(monkeypatch):
    reports = []
    monkeypatch.setattr(IntakeReportDialog, "report", classmethod(lambda cls, parent, result: reports.append(result)))
    return reports


def test_drop_files_onto_list_takes_them_in_with_custody_and_undo(qtbot, case, files, no_report):
    view = QListView()
    qtbot.addWidget(view)
    stack = QUndoStack()
    intake = EvidenceIntake(case, stack, view)
    FileDropFilter(view).files_dropped.connect(intake.take_in)
    paths = sorted(files.iterdir())
    with qtbot.waitSignal(intake.batch_finished, timeout=20000) as blocker:
        assert drop(view, paths).isAccepted()
    result = blocker.args[0]
    assert not result.errors and len(result.taken) == 3
    with case.Session() as s:
        items = s.scalars(select(Evidence).order_by(Evidence.id)).all()
        assert [e.original_name for e in items] == [p.name for p in paths]
        for item, path in zip(items, paths):
            assert item.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        actions = s.scalars(select(CustodyEvent.action)).all()
    assert actions.count("acquired") == 3
    assert stack.count() == 1 and stack.undoText().startswith("Take in 3")

    stack.undo()
    with case.Session() as s:
        assert all(e.withdrawn for e in s.scalars(select(Evidence)))
    stack.redo()
    with case.Session() as s:
        assert not any(e.withdrawn for e in s.scalars(select(Evidence)))
        assert s.scalars(select(CustodyEvent.action)).all().count("reinstated") == 3
    assert no_report == []


def test_drop_on_a_record_links_with_relation(qtbot, case, files, no_report):
    with case.session() as s:
        s.add(Incident(title="Detention of community police"))
    stack = QUndoStack()
    intake = EvidenceIntake(case, stack)
    with qtbot.waitSignal(intake.batch_finished, timeout=20000):
        intake.take_in([str(files / "photo.png")], link=("INC-0001", "depicts"))
    assert stack.count() == 1
    item = evidence.get(case, "EVI-0001")
    from casefile.services.records import links
    found = links.links_of(case, "evidence", item.id)
    assert [(link.target_code, link.detail) for link in found] == [("INC-0001", "depicts")]


def test_bad_files_are_listed_together_and_the_rest_comes_in(qtbot, case, files, no_report):
    intake = EvidenceIntake(case, QUndoStack())
    with qtbot.waitSignal(intake.batch_finished, timeout=20000):
        intake.take_in([str(files / "missing.jpg"), str(files), str(files / "photo.png")])
    assert len(no_report) == 1
    report = no_report[0]
    assert [code for code, _ in report.taken] == ["EVI-0001"]
    assert len(report.errors) == 2
    assert "missing.jpg" in report.errors[0][1] and "folder" in report.errors[1][1]


def test_report_dialog_shows_errors_as_plain_text(qtbot):
    from casefile.ui.evidence.commands import BatchResult
    dialog = IntakeReportDialog(None, BatchResult(taken=[("EVI-0001", "a")], errors=[("x", "<b>x</b>: no such file")],
                                                  cancelled=True))
    qtbot.addWidget(dialog)
    assert dialog.details.toPlainText() == "<b>x</b>: no such file"


def test_cancel_leaves_nothing_half_stored(qtbot, case, tmp_path):
    big = tmp_path / "video.bin"
    big.write_bytes(os.urandom(5 * (1 << 20) + 123))  # several chunks
    small = tmp_path / "note.txt"
    small.write_text("first")
    calls = []

    def cancelled():
        return len(calls) > 0

    result = intake_batch(case, [small, big], progress=lambda d, t, s: calls.append(d) if d > 5 else None,  # inside the video
                          cancelled=cancelled)
    assert result.cancelled and [c for c, _ in result.taken] == ["EVI-0001"]
    assert rows(case, Evidence) == 1 and rows(case, Blob) == 1
    with case.connection() as conn:
        used = conn.scalar(select(func.count(func.distinct(BlobChunk.chunk_sha256))))
    assert rows(case, Chunk) == used  # no orphan chunk of the cancelled video


def test_cancel_from_the_window(qtbot, case, tmp_path, no_report):
    big = tmp_path / "video.bin"
    big.write_bytes(os.urandom(6 * (1 << 20)))
    stack = QUndoStack()
    intake = EvidenceIntake(case, stack)
    intake.take_in([str(big)])
    intake.cancel()
    qtbot.waitUntil(lambda: not intake.busy, timeout=20000)
    assert rows(case, Evidence) in (0, 1)  # cancelled in time, or already done: never half
    assert rows(case, Evidence) == stack.count()
    assert rows(case, Blob) == rows(case, Evidence)


def test_local_files_ignores_remote_urls_and_duplicates():
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/a.jpg"), QUrl.fromLocalFile("/tmp/a b.jpg"),
                  QUrl.fromLocalFile("/tmp/a b.jpg")])
    assert local_files(mime) == ["/tmp/a b.jpg"]
    assert local_files(QMimeData()) == []


def _listing(folders):
    listing = set()
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            listing.update(os.path.join(root, n) for n in names)
    return listing


@pytest.fixture
def private_tmp(tmp_path, monkeypatch, isolated_settings):
    """Temporary files would go here (Python's and Qt's); so would caches (HOME)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    assert Path(QStandardPaths.writableLocation(QStandardPaths.TempLocation)) == folder
    return [folder, isolated_settings, tmp_path]


@pytest.fixture
def panel(qtbot, case, files):
    for name in ("photo.png", "complaint.pdf", HOSTILE_NAME):
        evidence.intake(case, files / name)
    panel = EvidencePanel(case, QUndoStack())
    qtbot.addWidget(panel)
    panel.resize(800, 700)
    return panel


@pytest.mark.parametrize("code, kind", [("EVI-0001", "image"), ("EVI-0002", "pdf"), ("EVI-0003", "text")])
def test_previews_render_from_bytes_without_files(qtbot, panel, code, kind, private_tmp):
    before = _listing(private_tmp)
    with qtbot.waitSignal(panel.preview.shown, timeout=10000) as blocker:
        panel.show_evidence(code)
    assert blocker.args == [kind]
    if kind == "image":
        assert (panel.preview.image.width(), panel.preview.image.height()) == (64, 48)
        assert panel.preview.image.pixelColor(10, 10).red() == 200
    elif kind == "pdf":
        assert panel.preview.pdf_document.pageCount() == 1
        page = panel.preview.render_pdf_page(0)
        assert not page.isNull()
    else:
        assert panel.preview.text_view.toPlainText() == "Testimony: soldiers at the roadblock.\n"
    assert _listing(private_tmp) - before == set()


def test_details_show_hash_and_custody_as_plain_text(qtbot, panel, files):
    panel.show_evidence("EVI-0003")
    assert panel.heading.text() == f"EVI-0003  {HOSTILE_NAME}"
    assert panel.heading.textFormat() == Qt.PlainText
    assert panel.fields["original_name"].text() == HOSTILE_NAME
    assert panel.fields["sha256"].text() == hashlib.sha256((files / HOSTILE_NAME).read_bytes()).hexdigest()
    assert panel.custody_model.rowCount() == 1
    assert panel.custody_model.index(0, 2).data() == "acquired"
    QAbstractItemModelTester(panel.custody_model, QAbstractItemModelTester.FailureReportingMode.Fatal)


def test_image_thumbnail_and_capture_fields(qtbot, panel):
    panel.show_evidence("EVI-0001")
    assert panel.thumbnail.pixmap() is not None and not panel.thumbnail.pixmap().isNull()
    assert panel.fields["dimensions"].text() == "64 × 48"
    assert panel.fields["media_type"].text() == "image/png"


def test_export_original(qtbot, panel, files, tmp_path, monkeypatch):
    out = tmp_path / "exported.png"
    monkeypatch.setattr(evidence_panel.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    shown = []
    monkeypatch.setattr(evidence_panel.QMessageBox, "information", lambda *a: shown.append(a[2]))
    panel.show_evidence("EVI-0001")
    panel.export_original()
    qtbot.waitUntil(lambda: panel.export_job is None, timeout=10000)
    assert out.read_bytes() == (files / "photo.png").read_bytes()
    assert str(out) in shown[0]
    assert [panel.custody_model.index(r, 2).data() for r in range(panel.custody_model.rowCount())] == [
        "acquired", "exported"]


def test_link_and_unlink_are_undoable(qtbot, panel, case, monkeypatch):
    with case.session() as s:
        s.add(Incident(title="Roadblock"))
    from casefile.ui.editors import picker
    monkeypatch.setattr(LinkTargetDialog, "choose", classmethod(lambda cls, parent: ("incident", True)))
    monkeypatch.setattr(picker.RecordPicker, "pick", classmethod(
        lambda cls, parent, case, kind, title="", allow_create=True, exclude=None: (picker.Choice("incident", 1), True)))
    monkeypatch.setattr(RelationDialog, "choose", classmethod(lambda cls, parent, target: ("supports", True)))
    panel.show_evidence("EVI-0002")
    panel.link_to_record()
    assert panel.links.count() == 1 and "INC-0001" in panel.links.item(0).text()
    panel.undo_stack.undo()
    panel.refresh()
    assert panel.links.count() == 0
    panel.undo_stack.redo()
    panel.refresh()
    panel.links.setCurrentRow(0)
    panel.remove_link()
    assert panel.links.count() == 0
    panel.undo_stack.undo()
    panel.refresh()
    assert panel.links.count() == 1


def test_clear_drops_everything(qtbot, panel):
    with qtbot.waitSignal(panel.preview.shown, timeout=10000):
        panel.show_evidence("EVI-0001")
    panel.clear()
    assert panel.code is None and panel.fields["sha256"].text() == ""
    assert panel.preview.image.isNull() and panel.custody_model.rowCount() == 0


def test_custody_model_tester():
    model = CustodyModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_rows([])


# -- in the main window ------------------------------------------------------------------


@pytest.fixture
def window(qtbot, case):
    from casefile.ui.mainwindow import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    path = case.path
    case.close()
    window.set_case(__import__("casefile.store", fromlist=["Case"]).Case.open(path))
    if not hasattr(window, "evidence_intake"):  # the window installs it itself once integrated
        evidence_panel.install(window)
    window.resize(1200, 800)
    window.show()
    yield window
    window.close_case()


def test_window_drop_on_list_then_open_the_file_tab(qtbot, window, files, no_report):
    window.show_kind("evidence")
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        drop(window.view.table, [files / "photo.png"])
    qtbot.waitUntil(lambda: window.view.list_model.rowCount() == 1, timeout=5000)
    delegate = window.view.table.itemDelegateForColumn(0)
    assert isinstance(delegate, evidence_panel.ThumbnailDelegate)
    assert delegate._icon("EVI-0001") is not None  # the stored thumbnail, drawn in the list
    window.open_record("evidence", evidence.get(window.case, "EVI-0001").id)
    panel = window.editor.findChild(EvidencePanel)
    assert panel is not None and panel.code == "EVI-0001"
    qtbot.waitUntil(lambda: not panel.preview.image.isNull(), timeout=10000)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: "Withdrawn" in panel.fields["state"].text(), timeout=5000)


def test_window_drop_on_an_incident_links_the_file(qtbot, window, files, no_report, monkeypatch):
    from casefile.services import records
    from casefile.services.records import links

    incident = records.create(window.case, "incident", title="Soldiers held at the roadblock")
    window.open_record("incident", incident)
    monkeypatch.setattr(RelationDialog, "choose", classmethod(lambda cls, parent, target: ("depicts", True)))
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        drop(window.view.editor_scroll, [files / "photo.png"])
    item = evidence.get(window.case, "EVI-0001")
    assert [(link.target_code, link.detail) for link in links.links_of(window.case, "evidence", item.id)] == [
        ("INC-0001", "depicts")]


def test_a_batch_recounts_only_evidence_and_asks_nothing_per_file_when_done(qtbot, window, files, no_report):
    """Each file of a batch commits on its own and the window hears each: the
    navigator counts again only the kind that moved (six counts a file made a
    long batch hold the window), and the undo steps are built from what the
    batch found on its thread, not from one query per file once it is done."""
    from sqlalchemy import event

    navigator = window.view.navigator_model
    before = {kind: navigator.count(kind) for kind in ("incident", "actor", "place", "source", "claim")}
    asked: list[tuple[str, str]] = []  # (thread, statement) of each query

    def heard(_conn, _cursor, statement, *_args):
        asked.append((threading.current_thread().name, statement))

    event.listen(window.case.engine, "before_cursor_execute", heard)
    try:
        with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
            window.evidence_intake.take_in(sorted(str(p) for p in files.iterdir()))
        ui = [s for thread, s in asked if thread == threading.main_thread().name]
    finally:
        event.remove(window.case.engine, "before_cursor_execute", heard)
    counted = {table for s in ui if "count(*)" in s for table in ("incident", "actor", "place", "source", "claim")
               if f"FROM {table}" in s}
    assert counted == set()  # only evidence was counted again
    assert sum("FROM evidence" in s and "count(*)" in s for s in ui) >= 1
    assert not any("WHERE evidence.code" in s for s in ui)  # no per-file lookup for the undo steps
    assert navigator.count("evidence") == 3
    assert {kind: navigator.count(kind) for kind in before} == before
    assert window.undo_stack.undoText().startswith("Take in 3")
