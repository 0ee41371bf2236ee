"""Security UI: the passphrase prompt with its growing wait, choosing and
changing a passphrase, and locking the window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from casefile.errors import CasefileError
from casefile.store import Case
from casefile.ui.passphrase_dialog import (
    Backoff, ChangePassphraseDialog, NewPassphraseWidget, PassphraseDialog, backoff_for, strength_bits,
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
    clock = FakeClock()
    backoff = Backoff(clock)
    dialog = PassphraseDialog(encrypted, opener, backoff=backoff)
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


def test_strength_bits_grow_with_length_and_variety():
    assert strength_bits("") == 0
    assert strength_bits("aaaaaaaaaaaa") < strength_bits("abcdefgh")
    assert strength_bits("correct horse battery staple") > 70


def test_new_passphrase_widget(qtbot):
    widget = NewPassphraseWidget()
    qtbot.addWidget(widget)
    assert widget.encrypted()  # recommended default
    assert "lost" in widget.warning.text()
    assert widget.problem()
    qtbot.keyClicks(widget.first, "short")
    assert "Too short" in widget.hint.text()
    widget.first.setText(PASS)
    assert widget.hint.text() == "Strong."
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


def test_change_passphrase_dialog_shows_failure(qtbot, case):
    def refuse(c, new):
        raise CasefileError("This case is not encrypted; encrypt it into a new file instead.")

    dialog = ChangePassphraseDialog(case, change=refuse)
    qtbot.addWidget(dialog)
    dialog.chooser.first.setText("a new long passphrase 42")
    dialog.chooser.second.setText("a new long passphrase 42")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=5000)
    assert dialog.status.text() == "This case is not encrypted; encrypt it into a new file instead."
    assert dialog.result() != QDialog.Accepted
