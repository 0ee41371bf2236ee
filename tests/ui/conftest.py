"""Qt tests: each gets fresh settings (QSettings caches its folder once per
process, so pointing XDG_CONFIG_HOME elsewhere is not enough)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


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
