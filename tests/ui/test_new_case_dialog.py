"""The new-case dialog, as a documenter meets it (issue 16 item 5): typing starts
in the title, the passphrase fields are full height, labels show no literal "&",
a missing folder is offered and made, a problem goes once it is fixed, and the
passphrase field on reopening is wide enough."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from casefile.store import Case
from casefile.ui import welcome
from casefile.ui.dialogs.passphrase import ChangePassphraseDialog, PassphraseDialog
from casefile.ui.editors.links import LinkDetailsDialog
from casefile.ui.language import install_translators
from casefile.ui.welcome import NewCaseDialog

PASS = "correct horse battery staple"


@pytest.fixture(params=["en", "es"])
def lang(request, qapp):
    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_typing_starts_in_the_title(qtbot, tmp_path, lang):
    dialog = _shown(qtbot, NewCaseDialog(None, folder=str(tmp_path)))
    qtbot.keyClicks(QApplication.focusWidget(), "Guerrero 2013")
    assert dialog.title.text() == "Guerrero 2013"
    assert dialog.encryption.encrypt.isChecked()  # a space typed in the title never reaches the box
    assert dialog.file_name.text() == "Guerrero-2013.casefile"


def test_passphrase_fields_are_full_height_on_first_show(qtbot, tmp_path, lang):
    dialog = _shown(qtbot, NewCaseDialog(None, folder=str(tmp_path)))
    for field in (dialog.encryption.first, dialog.encryption.second, dialog.title):
        assert field.height() >= field.sizeHint().height()


def _labels_without_buddy(dialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)
            if label.isVisibleTo(dialog) and "&" in label.text().replace("&&", "")
            and label.textFormat() != Qt.TextFormat.PlainText and label.buddy() is None]


def test_no_label_shows_a_literal_ampersand(qtbot, tmp_path, case, lang):
    dialogs = [NewCaseDialog(None, folder=str(tmp_path)),
               PassphraseDialog(tmp_path / "x.casefile", lambda path, passphrase: None),
               ChangePassphraseDialog(case),
               *(LinkDetailsDialog(None, case, kind, lang) for kind in
                 ("involvement", "actor_relation", "incident_link", "assessment", "evidence_link"))]
    from casefile.ui.dialogs.dossier import DossierDialog
    dialogs.append(DossierDialog(case, ui_language=lang))
    for dialog in dialogs:
        _shown(qtbot, dialog)
        assert _labels_without_buddy(dialog) == [], type(dialog).__name__


def test_the_head_count_label_takes_the_keyboard_to_its_field(qtbot, case, lang):
    dialog = _shown(qtbot, LinkDetailsDialog(None, case, "involvement", lang))
    label = next(label for label in dialog.findChildren(QLabel) if label.buddy() is dialog.head_count)
    assert label.text().replace("&", "").startswith(("Head count", "Número de personas"))


def test_a_missing_folder_is_offered_then_made_and_the_case_lands_there(qtbot, tmp_path, window, monkeypatch):
    window.close_case()
    asked = []
    monkeypatch.setattr(welcome.dialogs, "confirm", lambda *args, **kwargs: asked.append(args[2]) or True)
    folder = tmp_path / "Expedientes" / "Guerrero"

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewCaseDialog)
        qtbot.keyClicks(dialog.title, "Reten de Ayutla")
        dialog.folder.selectAll()
        qtbot.keyClicks(dialog.folder, str(folder))
        for field in (dialog.encryption.first, dialog.encryption.second):
            qtbot.keyClicks(field, PASS)
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
        QTimer.singleShot(3000, dialog.reject)  # refused: do not wait forever (the asserts below fail)

    QTimer.singleShot(0, fill)
    window.actions["new_case"].trigger()
    assert asked and str(folder) in asked[0]
    path = folder / "Reten-de-Ayutla.casefile"
    assert window.case is not None and window.case.path == path
    window.close_case()
    reopened = Case.open(path, passphrase=PASS)
    assert reopened.title == "Reten de Ayutla"
    reopened.close()


def test_declining_the_folder_keeps_the_dialog_and_says_why(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(welcome.dialogs, "confirm", lambda *args, **kwargs: False)
    dialog = _shown(qtbot, NewCaseDialog(None, folder=str(tmp_path / "nowhere")))
    qtbot.keyClicks(dialog.title, "Case")
    dialog.encryption.encrypt.setChecked(False)
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.isVisible() and not (tmp_path / "nowhere").exists()
    assert dialog.problem.text() == "That folder does not exist."
    dialog.folder.selectAll()
    qtbot.keyClicks(dialog.folder, str(tmp_path))
    assert dialog.problem.text() == ""  # fixed, so the message goes


def test_the_problem_goes_once_fixed(qtbot, tmp_path):
    dialog = _shown(qtbot, NewCaseDialog(None, folder=str(tmp_path)))
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.problem.text() == "A case needs a title."
    qtbot.keyClicks(dialog.title, "Case")
    assert dialog.problem.text().startswith("The passphrase needs at least")  # the next problem, not the fixed one
    qtbot.keyClicks(dialog.encryption.first, PASS)
    qtbot.keyClicks(dialog.encryption.second, PASS)
    assert dialog.problem.text() == ""
    assert dialog.isVisible()  # fixing does not create the case by itself


def test_the_passphrase_field_on_reopening_is_wide(qtbot, tmp_path, lang):
    dialog = _shown(qtbot, PassphraseDialog(Path(tmp_path / "x.casefile"), lambda path, passphrase: None))
    assert dialog.field.width() >= dialog.field.fontMetrics().averageCharWidth() * 30
