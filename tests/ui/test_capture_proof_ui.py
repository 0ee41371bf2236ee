"""A ProofMode capture dropped on the window's evidence list: the panel says
whether its proof held, in words, and a tampered one is flagged."""

from __future__ import annotations

import pytest

from casefile.services import evidence
from casefile.ui.evidence.intake import IntakeReportDialog
from casefile.ui.evidence.panel import EvidencePanel
from tests.services.capture_samples import Phone, needs_gnupg, photo

from .test_evidence_ui import drop

pytestmark = needs_gnupg


@pytest.fixture
def reports(monkeypatch) -> list[str]:
    """What the intake's report dialog would show, in place of showing it."""
    shown: list[str] = []

    def report(cls, parent, result):
        dialog = cls(parent, result)
        shown.append(dialog.windowTitle() + "\n" + dialog.details.toPlainText())
        dialog.deleteLater()
        return None, True

    monkeypatch.setattr(IntakeReportDialog, "report", classmethod(report))
    return shown


def test_the_evidence_panel_shows_a_verified_and_a_tampered_capture_proof(qtbot, window, tmp_path, reports):
    phone = Phone(tmp_path / "phone-gnupg")
    good = phone.share_proof(tmp_path / "good", "good.jpg", photo(tmp_path))
    bad = phone.share_proof(tmp_path / "bad", "bad.jpg", photo(tmp_path) + b"\0")
    bad.write_bytes(bad.read_bytes()[:-1])
    window.show_kind("evidence")
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        drop(window.view.table, [good])
    assert reports == []  # nothing to say about a capture whose proof holds
    with qtbot.waitSignal(window.evidence_intake.batch_finished, timeout=20000):
        drop(window.view.table, [bad])
    assert len(reports) == 1 and reports[0].startswith("Some files were taken in with a warning\n")
    assert "EVI-0002: ProofMode: DOES NOT MATCH" in reports[0]
    qtbot.waitUntil(lambda: window.view.list_model.rowCount() == 2, timeout=5000)
    shown = {}
    for code in ("EVI-0001", "EVI-0002"):
        window.open_record("evidence", evidence.get(window.case, code).id)
        panel = window.editor.findChild(EvidencePanel)
        assert panel is not None and panel.code == code
        shown[code] = panel.fields["capture"].text()
    assert shown["EVI-0001"].startswith("ProofMode: signature verified over the stored bytes")
    assert phone.fingerprint in shown["EVI-0001"]
    assert shown["EVI-0002"].startswith("ProofMode: DOES NOT MATCH")
