"""The dossier dialog: choices become the child's arguments, a real child
process writes the PDF (plain and encrypted cases), cancel leaves nothing,
errors are shown in words."""

from __future__ import annotations

import hashlib

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from casefile.model import AuditEntry
from casefile.services.sample import create_demo_case
from casefile.ui.dialogs import dossier as dossier_dialog
from casefile.ui.dialogs.dossier import DossierDialog, case_passphrase

PASS = "a long enough passphrase"


@pytest.fixture
def demo(tmp_path):
    case = create_demo_case(tmp_path / "demo.casefile")
    yield case
    case.close(backup=False)


@pytest.fixture
def dialog(qtbot, demo, tmp_path):
    dialog = DossierDialog(demo)
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "out" / "dossier.pdf"))
    (tmp_path / "out").mkdir()
    return dialog


def test_arguments_follow_the_choices(dialog, demo, tmp_path):
    out = str(tmp_path / "out" / "dossier.pdf")
    assert dialog.arguments() == [str(demo.path), "-o", out, "--profile", "full", "--lang", "en", "--ui-lang", "en"]
    dialog.set_profile("public")
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.incidents.setText("inc-0001, INC-0003")
    dialog.scope_incidents.setChecked(True)
    assert dialog.arguments()[3:] == ["--profile", "public", "--lang", "es", "--ui-lang", "en",
                                      "--incidents", "INC-0001,INC-0003"]
    dialog.scope_dates.setChecked(True)
    dialog.date_from.setText("Aug 2013")
    dialog.date_to.setText("5 de agosto de 2013")
    assert dialog.arguments()[-4:] == ["--from", "2013-08", "--to", "2013-08-05"]
    dialog.scope_tag.setChecked(True)
    dialog.tag.setText("roadblock")
    assert dialog.arguments()[-2:] == ["--tag", "roadblock"]


@pytest.mark.parametrize("setup, message", [
    (lambda d: (d.scope_incidents.setChecked(True), d.incidents.setText("ACT-0001")), "is not an incident code"),
    (lambda d: (d.scope_incidents.setChecked(True), d.incidents.setText("")), "at least one incident"),
    (lambda d: (d.scope_dates.setChecked(True), d.date_from.setText("the day after")), ""),
    (lambda d: d.output.setText("/no/such/folder/x.pdf"), "does not exist"),
])
def test_bad_choices_are_explained_without_starting(dialog, setup, message):
    setup(dialog)
    dialog.start_export()
    assert dialog.job is None
    assert dialog.status.text().startswith("The dossier was not written: ")
    assert message in dialog.status.text()


def test_typing_a_scope_field_chooses_that_scope(qtbot, dialog):
    qtbot.keyClicks(dialog.tag, "x")
    assert dialog.scope_tag.isChecked()


def test_profile_changes_the_suggested_file_until_the_user_types_one(qtbot, demo):
    dialog = DossierDialog(demo)
    qtbot.addWidget(dialog)
    assert dialog.output.text().endswith(" - full.pdf")
    dialog.set_profile("partner")
    assert dialog.output.text().endswith(" - partner.pdf")


def test_real_export_in_a_child_process(qtbot, dialog, demo, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(dialog_module().QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    reports = []
    dialog.job = None
    dialog.set_profile("partner")
    with qtbot.waitSignal(dialog.exported, timeout=120000) as blocker:
        dialog.start_export()
        dialog.job.progress.connect(lambda *a: reports.append(a))
    info = blocker.args[0]
    out = tmp_path / "out" / "dossier.pdf"
    assert info["path"] == str(out) and out.is_file()
    assert hashlib.sha256(out.read_bytes()).hexdigest() == info["sha256"]
    assert info["sha256"] in dialog.status.text()
    reader = PdfReader(out)
    assert len(reader.pages) == info["pages"] > 1
    assert "Page 1 of" in reader.pages[0].extract_text() or "Page 1 of" in reader.pages[1].extract_text()
    assert reports, "progress came back from the child"
    qtbot.waitUntil(lambda: dialog.job is None, timeout=5000)
    assert dialog.export_button.isEnabled()
    with demo.connection() as conn:  # the child recorded the export in the case's history
        assert conn.scalar(select(AuditEntry.action).where(AuditEntry.action != "seal").order_by(AuditEntry.seq.desc()).limit(1)) == "export-dossier"
    dialog.open_folder()
    assert opened == [str(out.parent)]


def dialog_module():
    return dossier_dialog


def test_cancel_leaves_no_file(qtbot, dialog, tmp_path):
    dialog.start_export()
    with qtbot.waitSignal(dialog.job.was_cancelled, timeout=60000):
        qtbot.waitUntil(lambda: dialog.status.text() != "Starting…", timeout=60000)
        dialog.reject()  # Esc while building cancels first
    assert dialog.status.text() == "Cancelled; nothing was written."
    assert list((tmp_path / "out").iterdir()) == []
    assert dialog.isVisible() is False or dialog.result() == 0


def test_encrypted_case_passes_the_passphrase_through_a_pipe(qtbot, tmp_path):
    case = create_demo_case(tmp_path / "secret.casefile", passphrase=PASS)
    try:
        assert case_passphrase(case) == PASS
        dialog = DossierDialog(case)
        qtbot.addWidget(dialog)
        out = tmp_path / "secret.pdf"
        dialog.output.setText(str(out))
        assert "--encrypted" in dialog.arguments() and PASS not in " ".join(dialog.arguments())
        with qtbot.waitSignal(dialog.exported, timeout=120000):
            dialog.start_export()
            env = dialog.job.process.processEnvironment()
            assert PASS not in [env.value(k) for k in env.keys()]
        assert PdfReader(out).pages
    finally:
        case.close(backup=False)


def test_child_reports_errors_in_words(qtbot, dialog, demo):
    dialog.scope_incidents.setChecked(True)
    dialog.incidents.setText("INC-9999")
    dialog.start_export()
    with qtbot.waitSignal(dialog.job.failed, timeout=60000):
        pass
    qtbot.waitUntil(lambda: dialog.job is None, timeout=5000)
    assert dialog.status.text().startswith("The dossier was not written: ")
    assert "INC-9999" in dialog.status.text()
    assert dialog.result_info is None


def test_window_action_opens_the_dialog(qtbot, tmp_path, monkeypatch):
    from casefile.ui.mainwindow import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.set_case(create_demo_case(tmp_path / "w.casefile"), remember=False)
    opened = []
    monkeypatch.setattr(DossierDialog, "export", classmethod(
        lambda cls, parent, case, ui_language="en": opened.append(case) or (None, False)))
    action = window.actions["export_dossier"]
    assert action.shortcut().toString() == "Ctrl+E" and action.isEnabled()
    action.trigger()
    assert opened == [window.case]
    window.close_case()


def test_archival_checkbox_asks_the_child_for_pdfa(qtbot, dialog):
    from PySide6.QtCore import Qt

    from casefile.ui.jobs.dossier import parse_args

    assert "--pdfa" not in dialog.arguments()
    qtbot.mouseClick(dialog.archival, Qt.LeftButton)
    args = dialog.arguments()
    assert "--pdfa" in args and parse_args(args).pdfa


def test_signing_asks_the_key_passphrase_and_the_child_signs(qtbot, dialog, demo, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    from casefile.dossier.signing import check
    from casefile.services import keys

    monkeypatch.setenv("CASEFILE_KEY_DIR", str(tmp_path / "keys"))  # the child inherits it
    asked = []
    monkeypatch.setattr(dossier_dialog.KeyPassphrase, "ask",
                        classmethod(lambda cls, parent: (asked.append(parent) or "my key's passphrase", True)))
    dialog.sign.setFocus()
    qtbot.keyClick(dialog.sign, Qt.Key_Space)  # the checkbox, as a keyboard user ticks it
    assert dialog.sign.isChecked() and "--sign" in dialog.arguments()
    with qtbot.waitSignal(dialog.exported, timeout=120000) as blocker:
        dialog.start_export()
    assert asked == [dialog]
    data = (tmp_path / "out" / "dossier.pdf").read_bytes()
    assert hashlib.sha256(data).hexdigest() == blocker.args[0]["sha256"]  # the signed bytes, as recorded
    [signature] = check(data, key_folder=tmp_path / "keys")
    own = keys.own_public_key(tmp_path / "keys")
    assert own is not None and signature.fingerprint == keys.fingerprint(own)
    assert signature.intact and signature.covers_whole_file and signature.trusted


def test_signing_without_the_passphrase_exports_nothing(qtbot, dialog, tmp_path, monkeypatch):
    monkeypatch.setattr(dossier_dialog.KeyPassphrase, "ask", classmethod(lambda cls, parent: ("", False)))
    dialog.sign.setChecked(True)
    dialog.start_export()
    assert dialog.job is None and not (tmp_path / "out" / "dossier.pdf").exists()
    assert "passphrase" in dialog.status.text()


def _gone(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_shown_dialog_starts_its_child_ahead_and_exports_through_it(qtbot, tmp_path):
    """The child imports and reads what every dossier needs (about a second)
    while the documenter chooses; Export sends it its arguments, and the
    passphrase after them; another export gets a new one; closing ends it."""
    case = create_demo_case(tmp_path / "secret.casefile", passphrase=PASS)
    try:
        dialog = DossierDialog(case)
        qtbot.addWidget(dialog)
        out = tmp_path / "ahead.pdf"
        dialog.output.setText(str(out))
        dialog.show()
        qtbot.waitUntil(lambda: dialog.warm is not None and dialog.warm.process.processId() > 0, timeout=10000)
        ahead = dialog.warm.process.processId()
        qtbot.wait(1500)  # ready by now: the export starts from a child that is waiting
        with qtbot.waitSignal(dialog.exported, timeout=120000) as blocker:
            dialog.start_export()
            assert dialog.job.process.processId() == ahead and dialog.warm is None
        assert blocker.args[0]["path"] == str(out) and PdfReader(out).pages
        qtbot.waitUntil(lambda: dialog.warm is not None and dialog.warm.process.processId() > 0, timeout=10000)
        second = dialog.warm.process.processId()
        assert second != ahead
        dialog.reject()
        assert dialog.warm is None and _gone(second)
    finally:
        case.close(backup=False)


def test_cancel_reaches_a_child_started_ahead_before_it_is_ready(qtbot, dialog, tmp_path):
    dialog.show()
    qtbot.waitUntil(lambda: dialog.warm is not None, timeout=10000)
    dialog.start_export()  # at once: the child is still importing, and reads its orders after
    with qtbot.waitSignal(dialog.job.was_cancelled, timeout=60000):
        dialog.job.cancel()
    assert list((tmp_path / "out").iterdir()) == []


def test_a_child_started_ahead_ends_with_its_input(tmp_path):
    """Its dialog gone without a word (the window crashed): the end of its
    input ends it, having written nothing."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "casefile.ui.jobs.dossier", "--warm"], input="",
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout == ""
    bad = subprocess.run([sys.executable, "-m", "casefile.ui.jobs.dossier", "--warm"], input="not json\n",
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "no instructions" in bad.stdout and "Traceback" not in bad.stderr
