"""Security UI: the passphrase prompt with its growing wait, choosing and
changing a passphrase, and locking the window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from casefile.errors import CasefileError, WrongPassphrase
from casefile.store import Case
from casefile.ui.dialogs.passphrase import (
    Backoff,
    ChangePassphraseDialog,
    NewPassphraseWidget,
    PassphraseDialog,
    backoff_for,
)

PASS = "correct horse battery staple"


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def encrypted(tmp_path):
    path = tmp_path / "secret.casefile"
    Case.create(path, "Secret case", documenter="Ana", passphrase=PASS).close()
    return path


def opener(path, passphrase):
    return Case.open(path, passphrase=passphrase)


def test_backoff_waits_2_4_8_after_three_failures():
    clock = FakeClock()
    backoff = Backoff(clock)
    waits = []
    for _ in range(7):
        assert backoff.may_try()
        backoff.failed()
        waits.append(backoff.remaining())
        clock.now += backoff.remaining()
    assert waits == [0, 0, 2, 4, 8, 16, 32]
    backoff.failed()
    clock.now += 63.5
    assert not backoff.may_try() and backoff.remaining() == pytest.approx(0.5)
    clock.now += 0.5
    assert backoff.may_try()
    backoff.succeeded()
    backoff.failed()
    assert backoff.remaining() == 0


def test_backoff_is_capped():
    assert Backoff.delay_after(40) == 300


def test_backoff_is_kept_per_file(tmp_path):
    a = backoff_for(tmp_path / "a.casefile")
    assert backoff_for(tmp_path / "a.casefile") is a
    assert backoff_for(tmp_path / "b.casefile") is not a


def test_dialog_opens_with_right_passphrase(qtbot, encrypted):
    dialog = PassphraseDialog(encrypted, opener, backoff=Backoff(FakeClock()))
    qtbot.addWidget(dialog)
    assert not dialog.open_button.isEnabled()
    qtbot.keyClicks(dialog.field, PASS)
    assert dialog.open_button.isEnabled()
    dialog.try_open()
    assert dialog.result() == QDialog.Accepted
    assert dialog.case is not None and dialog.case.title == "Secret case"
    assert dialog.field.text() == ""  # the passphrase does not linger in the widget
    dialog.case.close()


def test_dialog_makes_wrong_attempts_wait_longer(qtbot, encrypted):
    def quick_opener(path, passphrase):  # skip the slow key derivation for the wrong ones
        if passphrase != PASS:
            raise WrongPassphrase("Wrong passphrase, or not a Casefile file.")
        return opener(path, passphrase)

    clock = FakeClock()
    backoff = Backoff(clock)
    dialog = PassphraseDialog(encrypted, quick_opener, backoff=backoff)
    qtbot.addWidget(dialog)
    for attempt in range(3):
        qtbot.keyClicks(dialog.field, f"wrong {attempt}")
        dialog.try_open()
    assert backoff.failures == 3
    assert dialog.case is None
    assert "wait 2 s" in dialog.status.text()
    assert "3 failed attempts" in dialog.status.text()
    qtbot.keyClicks(dialog.field, PASS)
    assert not dialog.open_button.isEnabled()
    dialog.try_open()  # refused while waiting, and not counted
    assert backoff.failures == 3 and dialog.case is None
    clock.now += 2
    dialog._refresh()
    assert dialog.open_button.isEnabled()
    dialog.try_open()
    assert dialog.case is not None
    assert backoff.failures == 0
    dialog.case.close()


def test_dialog_shows_other_errors_without_counting(qtbot, tmp_path):
    def broken(path, passphrase):
        raise CasefileError("x.casefile is damaged and cannot be read.")

    dialog = PassphraseDialog(tmp_path / "x.casefile", broken, backoff=Backoff(FakeClock()))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.field, "whatever")
    dialog.try_open()
    assert dialog.status.text() == "x.casefile is damaged and cannot be read."
    assert dialog.backoff.failures == 0


def test_get_case_classmethod_is_patchable(monkeypatch, encrypted):
    monkeypatch.setattr(PassphraseDialog, "exec", lambda self: (self.field.setText(PASS), self.try_open(),
                                                                  self.result())[-1])
    case, accepted = PassphraseDialog.get_case(None, encrypted, opener)
    assert accepted and case.encrypted
    case.close()


def test_new_passphrase_widget(qtbot):
    widget = NewPassphraseWidget()
    qtbot.addWidget(widget)
    assert widget.encrypted()  # recommended default
    assert "lost" in widget.warning.text()
    assert widget.problem()
    qtbot.keyClicks(widget.first, "short")
    assert "Too short" in widget.hint.text() and widget.strength() == 1
    widget.first.setText(PASS)
    assert widget.hint.text() == "Strong." and widget.strength() == 4
    qtbot.keyClicks(widget.second, "correct horse")
    assert widget.problem() == "The two passphrases differ."
    widget.second.setText(PASS)
    assert widget.problem() == "" and widget.passphrase() == PASS
    widget.encrypt.setChecked(False)
    assert widget.passphrase() is None and widget.problem() == ""
    assert not widget.plain_warning.isHidden()


def test_change_passphrase_dialog_runs_the_service(qtbot, encrypted):
    calls = []
    case = Case.open(encrypted, passphrase=PASS)
    try:
        dialog = ChangePassphraseDialog(case, change=lambda c, new: calls.append((c, new)))
        qtbot.addWidget(dialog)
        dialog.chooser.first.setText("a new long passphrase 42")
        dialog.chooser.second.setText("a new long passphrase 42")
        with qtbot.waitSignal(dialog.accepted, timeout=5000):
            dialog.start()
        assert calls == [(case, "a new long passphrase 42")]
        assert dialog.chooser.first.text() == ""
    finally:
        case.close()


def test_change_passphrase_dialog_really_rekeys(qtbot, encrypted):
    case = Case.open(encrypted, passphrase=PASS)
    dialog = ChangePassphraseDialog(case)
    qtbot.addWidget(dialog)
    dialog.chooser.first.setText("a new long passphrase 42")
    dialog.chooser.second.setText("a new long passphrase 42")
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.start()
    case.close()
    with pytest.raises(WrongPassphrase):
        Case.open(encrypted, passphrase=PASS)
    Case.open(encrypted, passphrase="a new long passphrase 42").close()


def test_change_passphrase_dialog_shows_failure(qtbot, case):
    dialog = ChangePassphraseDialog(case)  # a plain case: the service refuses
    qtbot.addWidget(dialog)
    dialog.chooser.first.setText("a new long passphrase 42")
    dialog.chooser.second.setText("a new long passphrase 42")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=5000)
    assert "is not encrypted" in dialog.status.text()
    assert dialog.result() != QDialog.Accepted


# -- lock ------------------------------------------------------------------------------

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from casefile.ui import screen_lock as lock_module  # noqa: E402
from casefile.ui.screen_lock import ClipboardGuard, IdleWatcher, idle_minutes  # noqa: E402


def test_idle_minutes_setting(qapp):
    assert idle_minutes() == 10
    QSettings().setValue("security/idle_minutes", "3")
    try:
        assert idle_minutes() == 3
        assert IdleWatcher(interval_ms=None)._timer.interval() == 180_000
        QSettings().setValue("security/idle_minutes", 0)
        watcher = IdleWatcher()
        watcher.start()
        assert not watcher.enabled and not watcher.is_active()
    finally:
        QSettings().remove("security/idle_minutes")


def test_idle_watcher_fires_after_quiet_and_activity_restarts_it(qtbot):
    from PySide6.QtWidgets import QLineEdit
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    watcher = IdleWatcher(interval_ms=300)
    fired = []
    watcher.idle.connect(lambda: fired.append(True))
    watcher.start()
    for _ in range(4):  # typing keeps it awake well past one interval
        qtbot.wait(120)
        qtbot.keyClick(field, Qt.Key_A)
    assert not fired
    qtbot.waitUntil(lambda: bool(fired), timeout=3000)
    assert field.text() == "aaaa"


def test_clipboard_guard_clears_only_text_from_the_case(qtbot):
    from PySide6.QtWidgets import QLineEdit
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=5000)
    clipboard = QGuiApplication.clipboard()
    guard = ClipboardGuard()
    guard.active = False
    clipboard.setText("copied before the case was open")
    assert not guard.clear_if_ours()
    assert clipboard.text() == "copied before the case was open"
    guard.active = True
    clipboard.setText("Coordinator: armed men in black are paramilitaries")
    QGuiApplication.processEvents()
    assert guard.clear_if_ours()
    assert clipboard.text() == ""


def test_lock_closes_case_clears_views_and_clipboard_then_reopens(qtbot, encrypted, monkeypatch):
    from casefile.model import Incident
    from casefile.ui.mainwindow import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    case = Case.open(encrypted, passphrase=PASS)
    with case.session() as s:
        s.add(Incident(title="Soldiers held at the roadblock"))
    window.set_case(case)
    asked = []
    seen_while_locked = {}

    def ask(path, is_encrypted):
        asked.append((path, is_encrypted))
        seen_while_locked.update(case=window.case, view=window.view, clipboard=QGuiApplication.clipboard().text(),
                                 undo=window.undo_stack.count())
        return Case.open(path, passphrase=PASS)

    locker = getattr(window, "locker", None) or lock_module.install(window)
    locker._ask = ask
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=5000)
    QGuiApplication.clipboard().setText("Soldiers held at the roadblock")
    QGuiApplication.processEvents()
    assert locker.idle.is_active()
    from casefile.ui.case.history import HistoryDialog
    history = HistoryDialog(window.case, window)
    history.show()
    action = window.actions["lock_case"]
    assert action.shortcut().toString() == "Ctrl+L"
    action.trigger()
    assert not history.isVisible()  # dialogs showing the case go with it
    assert window.case is None and window.view is None and locker.is_locked
    assert case.closed  # the store let go of the file and its key
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert asked == [(encrypted, True)]
    assert seen_while_locked["case"] is None and seen_while_locked["view"] is None
    assert seen_while_locked["clipboard"] == ""
    assert window.case is not None and window.case.encrypted and not locker.is_locked
    assert window.view is not None
    window.close_case()


def test_idle_lock_without_reopen_leaves_the_welcome_page(qtbot, case):
    from casefile.ui.mainwindow import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.set_case(_reopened(case))
    locker = getattr(window, "locker", None) or lock_module.install(window)
    locker._ask = lambda path, is_encrypted: None
    locker.idle.set_interval_ms(50)
    locker.idle.start()
    qtbot.waitUntil(lambda: window.case is None and not locker.is_locked, timeout=5000)
    assert window.pages.currentWidget() is window.welcome


def test_locking_the_sample_keeps_it_and_what_was_typed_into_it(qtbot, monkeypatch):
    """``--demo``'s sample lives in a temporary folder that goes when the case
    closes. The lock closes the case too (Ctrl+L, or 10 idle minutes): it
    deleted the folder, so Reopen said "No such file" and the documenter's
    work in it was gone. The folder now stays while the case is locked, goes
    when the documenter declines to reopen it, and the sample never enters
    the recent list."""
    from PySide6.QtCore import QSettings

    from casefile.services import records
    from casefile.ui.demo import make_demo_case
    from casefile.ui.mainwindow import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    case, cleanup = make_demo_case()
    folder = case.path.parent
    window.set_case(case, remember=False, cleanup=cleanup)
    created = records.create(case, "incident", title="Checkpoint at the bridge")
    locker = getattr(window, "locker", None) or lock_module.install(window)
    answers = [True, False]  # Reopen, then Close
    locker._ask = lambda path, is_encrypted: Case.open(path) if answers.pop(0) else None
    try:
        window.actions["lock_case"].trigger()
        qtbot.waitUntil(lambda: window.case is not None and not locker.is_locked, timeout=5000)
        assert window.case.path.parent == folder
        assert records.get(window.case, "incident", created)["title"] == "Checkpoint at the bridge"
        assert QSettings().value("cases/last", "") != str(window.case.path)  # not remembered
        window.actions["lock_case"].trigger()
        qtbot.waitUntil(lambda: window.case is None and not locker.is_locked, timeout=5000)
        assert not folder.exists()  # declined: the sample's folder goes, as when it is closed
    finally:
        window.close_case()
        cleanup()


def _reopened(case):
    path = case.path
    case.close()
    return Case.open(path)


def test_change_passphrase_action(qtbot, encrypted, case, monkeypatch):
    from casefile.ui.mainwindow import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    changed, errors = [], []
    monkeypatch.setattr(ChangePassphraseDialog, "change", classmethod(
        lambda cls, parent, c, change=None: changed.append(c) or (None, True)))
    monkeypatch.setattr(window, "show_error", lambda e: errors.append(str(e)))
    window.set_case(_reopened(case), remember=False)
    window.actions["change_passphrase"].trigger()
    assert changed == [] and "not encrypted" in errors[0]
    window.set_case(Case.open(encrypted, passphrase=PASS), remember=False)
    window.actions["change_passphrase"].trigger()
    assert changed == [window.case]
    window.close_case()


def test_new_case_dialog_encrypts_by_default(qtbot, tmp_path, monkeypatch):
    from casefile.ui.mainwindow import MainWindow
    from casefile.ui.welcome import NewCaseDialog

    dialog = NewCaseDialog(folder=str(tmp_path))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.title, "Guerrero 2013")
    dialog._accept()
    assert "at least" in dialog.problem.text() and not dialog.result()  # no passphrase yet
    assert dialog.encryption.encrypted() and "lost" in dialog.encryption.warning.text()

    def fill(self):
        self.folder.setText(str(tmp_path))
        self.title.setText("Guerrero 2013")
        self.encryption.first.setText(PASS)
        self.encryption.second.setText(PASS)
        self._accept()
        return self.result()

    monkeypatch.setattr(NewCaseDialog, "exec", fill)
    window = MainWindow()
    qtbot.addWidget(window)
    window.welcome.new_case()
    assert window.case is not None and window.case.encrypted
    path = window.case.path
    window.close_case()
    from casefile.store import PassphraseRequired
    with pytest.raises(PassphraseRequired):
        Case.open(path)
    Case.open(path, passphrase=PASS).close()

