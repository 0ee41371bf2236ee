"""File > Handover…: reached from the menu by keys, typed into, and a real
child process writes a bag that validates; what consent kept out is listed."""

from __future__ import annotations

import bagit
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from casefile.services import keys
from casefile.services.sample import create_demo_case
from casefile.ui.dialogs import handover as handover_module
from casefile.ui.dialogs.exchange import KeyPassphrase
from casefile.ui.dialogs.handover import HandoverDialog
from casefile.ui.mainwindow import MainWindow

KEY_PASSPHRASE = "the documenter's key passphrase"


@pytest.fixture
def demo(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEFILE_KEY_DIR", str(tmp_path / "keys"))
    keys.load_or_create(KEY_PASSPHRASE, "Ana")
    monkeypatch.setattr(KeyPassphrase, "ask", classmethod(lambda cls, parent: (KEY_PASSPHRASE, True)))
    case = create_demo_case(tmp_path / "demo.casefile")
    yield case
    case.close(backup=False)


def test_the_menu_reaches_the_dialog_by_keys(qtbot, demo):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_case(demo)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    seen: list = []
    watch = QTimer()

    def close_it() -> None:  # Esc to the dialog once it is up (its exec() holds the key press meanwhile)
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            seen.append(dialog)
            watch.stop()
            QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)

    watch.timeout.connect(close_it)
    watch.start(50)
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and window.actions["handover"] in
                a.menu().actions())
    assert window.actions["handover"].text() == "Han&dover…"
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # File ...
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    QTest.keyClick(menu, Qt.Key.Key_D)  # ... Handover
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert isinstance(seen[0], HandoverDialog)
    assert seen[0].recipient.hasFocus() or seen[0].focusWidget() is seen[0].recipient  # typing names the recipient


def test_a_real_handover_from_the_dialog(qtbot, demo, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(handover_module.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    dialog = HandoverDialog(demo)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.warm is not None and dialog.warm.process.processId() > 0, timeout=10000)
    ahead = dialog.warm.process.processId()  # started as the dialog showed: ready by the time it is asked
    qtbot.keyClicks(dialog.recipient, "IIIM")
    assert "handover to IIIM" in dialog.output.text()  # the suggested folder follows the recipient
    out = tmp_path / "bag"
    dialog.output.setText(str(out))
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    with qtbot.waitSignal(dialog.handed_over, timeout=120000) as blocker:
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # &Hand over
        qtbot.waitUntil(lambda: dialog.job is not None, timeout=5000)  # a mnemonic clicks after a moment
        assert dialog.job.process.processId() == ahead
    info = blocker.args[0]
    bagit.Bag(str(out)).validate()
    assert info["items"] == 1 and ["SRC-0005", "IIIM is not among those named"] in info["left_out"]
    text = dialog.status.toPlainText()
    assert str(out) in text and "SRC-0005: IIIM is not among those named" in text
    qtbot.waitUntil(lambda: dialog.job is None, timeout=5000)
    dialog.open_folder()
    assert opened == [str(out)]


@pytest.mark.parametrize("recipient, folder, message", [
    ("", "new", "Name the recipient"),
    ("IIIM", "exists", "already exists"),
    ("IIIM", "missing/bag", "does not exist"),
])
def test_bad_choices_are_explained_without_starting(qtbot, demo, tmp_path, recipient, folder, message):
    (tmp_path / "exists").mkdir()
    dialog = HandoverDialog(demo)
    qtbot.addWidget(dialog)
    dialog.recipient.setText(recipient)
    dialog.output.setText(str(tmp_path / folder))
    dialog.start()
    assert dialog.job is None
    assert dialog.status.toPlainText().startswith("Nothing was handed over: ") and message in dialog.status.toPlainText()
