"""The dossier dialog's choice for pictures showing faces: offered for the
shared profiles, passed to the child that builds the dossier."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from casefile.ui.dialogs.dossier import DossierDialog
from casefile.ui.jobs import dossier as dossier_job


@pytest.fixture
def dialog(qtbot, case, tmp_path):
    dialog = DossierDialog(case)
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "dossier.pdf"))
    return dialog


def test_faces_choice_is_offered_for_shared_profiles_and_reaches_the_child(qtbot, dialog):
    assert not dialog.faces.isEnabled() and "--faces" not in dialog.arguments()
    dialog.set_profile("public")
    assert dialog.faces.isEnabled() and dialog.faces.currentData() == "blur"
    assert "--faces" not in dialog.arguments()  # blurring is the default
    dialog.faces.setFocus()
    qtbot.keyClick(dialog.faces, Qt.Key.Key_Down)  # as a person would: the next choice
    assert dialog.faces.currentData() == "omit"
    args = dialog.arguments()
    assert args[args.index("--faces") + 1] == "omit"
    assert dossier_job.parse_args(args).faces == "omit"
    assert dossier_job.parse_args(args[:args.index("--faces")]).faces == "blur"
    dialog.set_profile("full")
    assert not dialog.faces.isEnabled() and "--faces" not in dialog.arguments()
