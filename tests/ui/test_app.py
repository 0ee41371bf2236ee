"""Starting the window: --screenshot, errors, the welcome page, remembered layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings
from PySide6.QtGui import QImage

from casefile.cli import main
from casefile.services import records
from casefile.store import Case
from casefile.ui import dialogs
from casefile.ui.case.list_model import ID_ROLE
from casefile.ui.mainwindow import MainWindow


def test_screenshot_of_a_case_is_a_1400x900_png(qapp, case, tmp_path):
    records.create(case, "incident", title="Detention of community police")
    case.close()
    png = tmp_path / "w.png"
    assert main([str(case.path), "--screenshot", str(png)]) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1400, 900)


def test_screenshot_errors_are_one_line_and_exit_1(qapp, tmp_path, capsys):
    assert main([str(tmp_path / "missing.casefile"), "--screenshot", str(tmp_path / "x.png")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("casefile: No such file") and err.count("\n") == 1
    not_a_case = tmp_path / "notes.casefile"
    not_a_case.write_text("hello")
    assert main([str(not_a_case), "--screenshot", str(tmp_path / "x.png")]) == 1
    assert not (tmp_path / "x.png").exists()


def test_demo_screenshot_opens_a_temporary_copy(qapp, tmp_path):
    png = tmp_path / "demo.png"
    assert main(["--demo", "--screenshot", str(png)]) == 0
    assert QImage(str(png)).width() == 1400


def test_closing_the_sample_removes_it_but_not_a_dossier_saved_beside_it(qtbot):
    """The sample lives in a temporary folder, the Export dialog's default when
    there is no Documents folder: closing the sample used to delete the whole
    folder, and a dossier the documenter had just exported there with it."""
    from casefile.ui.demo import make_demo_case

    for exported in (False, True):
        window = MainWindow()
        qtbot.addWidget(window)
        case, cleanup = make_demo_case()
        folder = case.path.parent
        window.set_case(case, remember=False, cleanup=cleanup)
        records_made = sorted(p.name for p in folder.iterdir())
        assert records_made and all(name.startswith(("sample.casefile", ".sample.casefile")) for name in records_made)
        if exported:
            (folder / "Guerrero 2013 - public.pdf").write_bytes(b"%PDF-1.7 the documenter's dossier")
        window.close()
        if exported:
            assert [p.name for p in folder.iterdir()] == ["Guerrero 2013 - public.pdf"]
            (folder / "Guerrero 2013 - public.pdf").unlink()
            folder.rmdir()
        else:
            assert not folder.exists()


def test_closing_a_case_leaves_nothing_of_it_on_the_welcome_page(qtbot, case):
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_case(case, remember=False)
    assert window.statusBar().currentMessage() == str(case.path)
    window.close_case()  # its path stayed in the status bar under the welcome page
    assert window.statusBar().currentMessage() == "" and window.windowFilePath() == ""
    assert window.windowTitle() == "Casefile"


def test_recent_cases_handle_a_missing_file(qtbot, case, tmp_path, monkeypatch):
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_case(case)
    window.close_case()
    gone = tmp_path / "gone.casefile"
    window.recent.add(gone)
    window.welcome.refresh()
    texts = [window.welcome.recent_list.item(n).text() for n in range(window.welcome.recent_list.count())]
    assert texts == ["gone.casefile — missing", "test.casefile"]
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    window.welcome._open_item(window.welcome.recent_list.item(0))
    assert window.recent.paths() == [case.path.resolve()]
    window.welcome._open_item(window.welcome.recent_list.item(0))
    assert window.case is not None and window.case.path == case.path
    window.close()


def test_layout_and_last_case_are_restored(qtbot, case):
    from casefile.ui.app import open_initial_case

    window = MainWindow()
    qtbot.addWidget(window)
    window.set_case(case)
    window.resize(1200, 800)
    window.show()
    window.view.setSizes([200, 500, 500])
    window.view.table.horizontalHeader().resizeSection(1, 420)
    sizes = window.view.sizes()
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    open_initial_case(again, type("Args", (), {"case": None, "demo": False, "screenshot": None})())
    assert again.case is not None and again.case.path == Path(case.path)
    assert again.view.table.horizontalHeader().sectionSize(1) == 420
    # The offscreen screen is 800x600, so the window comes back clamped to it; the panes keep
    # their proportions and the navigator its width.
    restored = again.view.sizes()
    assert restored[0] == sizes[0] and restored[1] == restored[2]
    assert not QSettings().value("window/geometry", QByteArray(), type=QByteArray).isEmpty()
    again.close()


def test_new_case_dialog_checks_before_creating(qtbot, tmp_path):
    from casefile.ui.welcome import NewCaseDialog

    dialog = NewCaseDialog(folder=str(tmp_path))
    qtbot.addWidget(dialog)
    dialog._accept()
    assert "title" in dialog.problem.text() and not dialog.result()
    qtbot.keyClicks(dialog.title, "Guerrero <b>2013</b>")
    assert dialog.file_name.text() == "Guerrero-b2013b.casefile"
    Case.create(dialog.path(), "taken").close()
    dialog._accept()
    assert "exists" in dialog.problem.text()


def test_a_shown_window_paints_the_list_before_it_builds_the_first_editor(qtbot, case):
    """At the start the list comes first; the first record's editor follows
    the list's first paint, unless the documenter chose a record before it."""
    first = records.create(case, "incident", title="Roadblock at the bridge")
    second = records.create(case, "incident", title="Detention at the market")
    path = case.path
    case.close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    painted = []
    viewport_filter = _PaintSpy(painted)
    window.set_case(Case.open(path), remember=False)
    window.view.table.viewport().installEventFilter(viewport_filter)
    assert window.current_record is None and window.editor is None  # the editor waits for the list
    qtbot.waitUntil(lambda: window.current_record is not None)
    assert painted, "the editor was built before the list was painted"
    assert window.current_record == ("incident", window.view.list_model.index(0, 0).data(ID_ROLE))
    assert window.editor is not None

    window.close_case()
    window.set_case(Case.open(path), remember=False)
    window.open_record("incident", second)  # chosen before the list's first paint
    qtbot.wait(600)  # past the deferred opening's latest moment
    assert window.current_record == ("incident", second) != ("incident", first)
    window.close_case()


class _PaintSpy(QObject):
    def __init__(self, painted: list):
        super().__init__()
        self.painted = painted

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.painted.append(watched)
        return False
