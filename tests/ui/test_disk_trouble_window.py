"""The window on a read-only medium and a full disk: one clear message, no
traceback, and the case as it was."""

from __future__ import annotations

import shutil

from casefile.model import Incident
from casefile.store import Case
from casefile.ui import dialogs
from tests.fixtures.mounts import fill, listing, remount_read_only, tmpfs


def test_the_window_refuses_a_read_only_case_in_one_message(qtbot, tmp_path, monkeypatch, _template_case):
    from casefile.ui.mainwindow import MainWindow

    shown = []
    monkeypatch.setattr(dialogs, "error", lambda parent, text, *a, **k: shown.append(text))
    with tmpfs(tmp_path / "stick") as stick:
        shutil.copyfile(_template_case, stick / "c.casefile")
        remount_read_only(stick)
        win = MainWindow()
        qtbot.addWidget(win)
        assert win.open_path(stick / "c.casefile") is False
        assert win.case is None
        assert len(shown) == 1 and "is read-only" in shown[0] and "\n" not in shown[0]
        assert listing(stick) == {"c.casefile": _template_case.stat().st_size}
        win.close()


def test_closing_on_a_full_disk_says_so_and_keeps_the_log(qtbot, tmp_path, monkeypatch, _template_case):
    from casefile.ui.mainwindow import MainWindow

    shown = []
    monkeypatch.setattr(dialogs, "error", lambda parent, text, *a, **k: shown.append(text))
    with tmpfs(tmp_path / "disk", size="40m") as disk:
        path = disk / "c.casefile"
        shutil.copyfile(_template_case, path)
        win = MainWindow()
        qtbot.addWidget(win)
        assert win.open_path(path)
        with win.case.session() as s:
            s.add(Incident(title="saved before the disk filled", description="x" * 3_000_000))
        filler = fill(disk)
        win.close_case()  # no room to fold the log back in: a message, then the welcome page
        assert win.case is None and win.pages.currentWidget() is win.welcome
        assert len(shown) == 1 and "no space left" in shown[0]
        assert listing(disk)["c.casefile-wal"] > 3_000_000
        filler.unlink()
        with Case.open(path) as case, case.session() as s:  # the next opening takes the log back in
            assert s.query(Incident).filter_by(title="saved before the disk filled").count() == 1
        assert set(listing(disk)) >= {"c.casefile"} and "c.casefile-wal" not in listing(disk)
        win.close()


def test_opening_a_case_one_may_not_read_says_so_in_one_message(qtbot, tmp_path, monkeypatch, _template_case):
    from casefile.ui.actions import ActionId
    from casefile.ui.mainwindow import MainWindow
    from tests.fixtures.privileges import permissions_enforced

    shown = []
    monkeypatch.setattr(dialogs, "error", lambda parent, text, *a, **k: shown.append(text))
    path = tmp_path / "theirs.casefile"
    shutil.copyfile(_template_case, path)
    path.chmod(0)
    monkeypatch.setattr(dialogs, "open_case_file", lambda parent, folder="": (str(path), True))
    win = MainWindow()
    qtbot.addWidget(win)
    with permissions_enforced():
        win.actions[ActionId.OPEN_CASE].trigger()  # File > Open Case..., the file chosen
    assert win.case is None and win.pages.currentWidget() is win.welcome
    assert shown == [f"{path} cannot be read: Permission denied"]
    win.close()
