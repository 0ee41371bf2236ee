"""Qt tests: each gets fresh settings (QSettings caches its folder once per
process, so pointing XDG_CONFIG_HOME elsewhere is not enough)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSettings

from casefile.store import Case


@pytest.fixture(scope="session")
def _template_case(tmp_path_factory):
    """Made once: creating a case (migrations, FULL sync) takes about a second."""
    path = tmp_path_factory.mktemp("template") / "test.casefile"
    Case.create(path, "Test case", documenter="Tester").close()
    return path


@pytest.fixture
def case(tmp_path, _template_case):
    """The same case as tests/conftest.py's, copied from a template (a closed,
    checkpointed file stands alone, so a byte copy is a new case)."""
    path = tmp_path / "test.casefile"
    shutil.copyfile(_template_case, path)
    c = Case.open(path)
    yield c
    c.close()


@pytest.fixture(autouse=True)
def fresh_qsettings(qapp, tmp_path_factory):
    qapp.setOrganizationName("Casefile")
    qapp.setApplicationName("Casefile")
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
    yield folder


@pytest.fixture
def window(qtbot, case):
    """The main window with the test case open; dialogs are never shown."""
    from casefile.ui.mainwindow import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.set_case(case, remember=False)
    win.resize(1400, 900)
    win.show()
    yield win
    win.close()


@pytest.fixture
def spanish(qapp):
    """The window in Spanish for one test; English again after it (translators are process-wide)."""
    from casefile import i18n
    from casefile.ui import language as ui_i18n

    assert ui_i18n.install_translators(qapp, "es") == "es"
    yield qapp
    ui_i18n.install_translators(qapp, "en")
    i18n.set_translator(lambda context, text: text)
