"""Issue 13 item 1 in the window: every dialog that chooses an output refuses
the case, its companions, links and folders in words, and replaces an
existing file only when the documenter says yes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from casefile.services import evidence
from casefile.services.sample import create_demo_case
from casefile.ui.dialogs import output_path
from casefile.ui.dialogs.dossier import DossierDialog
from casefile.ui.evidence import panel as evidence_panel
from casefile.ui.evidence.panel import EvidencePanel


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def answers(monkeypatch):
    """What the documenter answers to "Replace the file?" (and what was asked)."""
    asked: list[str] = []
    replies: list[QMessageBox.StandardButton] = []

    def exec_(box):
        asked.append(box.text())
        assert box.textFormat() == output_path.Qt.TextFormat.PlainText
        return replies.pop(0)

    monkeypatch.setattr(output_path.QMessageBox, "exec", exec_)
    return asked, replies


@pytest.fixture
def panel(qtbot, case, tmp_path):
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    evidence.intake(case, photo)
    panel = EvidencePanel(case, QUndoStack())
    qtbot.addWidget(panel)
    panel.show_evidence("EVI-0001")
    return panel


def export_to(panel, monkeypatch, path) -> list[str]:
    warnings: list[str] = []
    monkeypatch.setattr(evidence_panel.QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(evidence_panel.QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(evidence_panel.QMessageBox, "information", lambda *a: None)
    panel.export_original()
    return warnings


def custody(panel) -> list[str]:
    panel.refresh()
    return [panel.custody_model.index(r, 2).data() for r in range(panel.custody_model.rowCount())]


@pytest.mark.parametrize("target, reason", [
    ("case", "the case itself"), ("wal", "companion"), ("link", "symbolic link"), ("folder", "folder"),
])
def test_evidence_export_refuses_the_case_and_its_kind(qtbot, panel, case, tmp_path, monkeypatch, target, reason):
    (tmp_path / "link.png").symlink_to(case.path)
    (tmp_path / "folder.png").mkdir()
    path = {"case": case.path, "wal": Path(f"{case.path}-wal"), "link": tmp_path / "link.png",
            "folder": tmp_path / "folder.png"}[target]
    before = sha(case.path)
    warnings = export_to(panel, monkeypatch, path)
    assert len(warnings) == 1 and reason in warnings[0]
    assert panel.export_job is None  # nothing was started
    assert sha(case.path) == before
    assert (tmp_path / "link.png").is_symlink() and (tmp_path / "folder.png").is_dir()
    assert custody(panel) == ["acquired"]


def test_evidence_export_asks_before_replacing(qtbot, panel, tmp_path, monkeypatch, answers):
    asked, replies = answers
    out = tmp_path / "old.png"
    out.write_bytes(b"an earlier export")
    replies.append(QMessageBox.StandardButton.No)
    assert export_to(panel, monkeypatch, out) == []
    assert out.read_bytes() == b"an earlier export" and len(asked) == 1 and str(out) in asked[0]
    replies.append(QMessageBox.StandardButton.Yes)
    export_to(panel, monkeypatch, out)
    qtbot.waitUntil(lambda: panel.export_job is None, timeout=20000)
    assert out.read_bytes().startswith(b"\x89PNG")
    assert custody(panel) == ["acquired", "exported"]


@pytest.fixture
def demo(tmp_path):
    case = create_demo_case(tmp_path / "demo.casefile")
    yield case
    case.close(backup=False)


@pytest.fixture
def dialog(qtbot, demo):
    dialog = DossierDialog(demo)
    qtbot.addWidget(dialog)
    return dialog


def test_dossier_dialog_refuses_a_link_to_the_case_and_a_folder(qtbot, dialog, demo, tmp_path):
    (tmp_path / "link.pdf").symlink_to(demo.path)
    (tmp_path / "folder.pdf").mkdir()
    before = sha(demo.path)
    for name, reason in (("link.pdf", "symbolic link"), ("folder.pdf", "folder")):
        dialog.output.setText(str(tmp_path / name))
        dialog.start_export()
        assert dialog.job is None
        assert dialog.status.text().startswith("The dossier was not written: ") and reason in dialog.status.text()
    assert sha(demo.path) == before and (tmp_path / "link.pdf").is_symlink()


def test_dossier_dialog_replaces_a_file_only_when_told(qtbot, dialog, tmp_path, answers):
    asked, replies = answers
    out = tmp_path / "dossier.pdf"
    out.write_bytes(b"last month's dossier")
    dialog.output.setText(str(out))
    replies.append(QMessageBox.StandardButton.No)
    dialog.start_export()
    assert dialog.job is None and out.read_bytes() == b"last month's dossier"
    assert "kept" in dialog.status.text() and str(out) in asked[0]
    replies.append(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.exported, timeout=180000):
        dialog.start_export()
        assert "--force" in dialog.job.process.arguments()
    assert PdfReader(out).pages


def test_new_case_dialog_refuses_a_dangling_link(qtbot, tmp_path):
    from casefile.ui.welcome import NewCaseDialog

    dialog = NewCaseDialog(folder=str(tmp_path))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.title, "Guerrero")
    (tmp_path / dialog.file_name.text()).symlink_to(tmp_path / "elsewhere.casefile")
    dialog._accept()
    assert "exists" in dialog.problem.text() and not dialog.result()
    assert (tmp_path / dialog.file_name.text()).is_symlink() and not (tmp_path / "elsewhere.casefile").exists()


def test_dossier_child_gets_the_passphrase_exactly_as_the_window_holds_it(qtbot, tmp_path):
    """The window takes a passphrase as typed; the child that builds the
    dossier used to read it as a line and strip CR/LF, so a passphrase with a
    line break or a final CR (possible from CASEFILE_PASSPHRASE) failed."""
    secret = "line one\nline two \r"
    case = create_demo_case(tmp_path / "secret.casefile", passphrase=secret)
    try:
        dialog = DossierDialog(case)
        qtbot.addWidget(dialog)
        out = tmp_path / "secret.pdf"
        dialog.output.setText(str(out))
        with qtbot.waitSignal(dialog.exported, timeout=180000):
            dialog.start_export()
        assert PdfReader(out).pages
    finally:
        case.close(backup=False)
