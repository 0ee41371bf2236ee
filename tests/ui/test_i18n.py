"""Translations: extraction, compilation, installation, the language menu, and the
Spanish window and command line seen from outside."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QMainWindow

from casefile import i18n, i18n_build
from casefile.ui import language as ui_i18n

RUN_CLI = "import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))"
SPANISH_TS = i18n_build.translations_dir() / "casefile_es.ts"


@pytest.fixture
def english_afterwards(qapp):
    """Translators are process-wide: give the next test an English application."""
    yield qapp
    QSettings().remove(ui_i18n.SETTING)
    ui_i18n.install_translators(qapp, "en")
    i18n.set_translator(lambda context, text: text)


def test_spanish_ts_is_complete():
    missing = i18n_build.unfinished(SPANISH_TS)
    assert missing == [], f"{len(missing)} unfinished: {missing[:10]}"


def test_english_says_one_file_and_two_files(english_afterwards):
    """English is the source language, but "%n file(s)" needs its plural forms from a
    translation of its own (casefile_en.ts holds only those)."""
    assert i18n_build.unfinished(i18n_build.translations_dir() / "casefile_en.ts") == []
    assert ui_i18n.install_translators(english_afterwards, "en") == "en"

    def said(n: int) -> str:
        return QCoreApplication.translate("SourceReader", "%n claim(s) quoted from this text (highlighted).", "", n)
    assert (said(1), said(2)) == ("1 claim quoted from this text (highlighted).",
                                  "2 claims quoted from this text (highlighted).")
    assert QCoreApplication.translate("EvidenceIntake", "Take in %n file(s)", "", 1) == "Take in 1 file"
    assert i18n_build.available_languages().count("en") == 1


def test_spanish_keeps_every_placeholder_and_accelerator():
    """A translation that drops {path} raises KeyError in .format(); one that drops
    the & loses its keyboard shortcut."""
    import re
    import xml.etree.ElementTree as ET

    for message in ET.parse(SPANISH_TS).getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            for placeholder in (r"{[^{}]*}", r"%\(\w+\)[rsd]|%[rsd]"):
                assert sorted(re.findall(placeholder, source)) == sorted(re.findall(placeholder, text)), source
            assert ("&" in source.replace("&&", "")) == ("&" in text.replace("&&", "")), source
            assert ("%n" in source) <= ("%n" in text), source


def test_lupdate_extracts_core_translate_and_tr_with_their_contexts(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text(
        "from casefile.i18n import translate\n"
        "from PySide6.QtWidgets import QWidget\n"
        "MESSAGE = translate(\"Errors\", \"No such file: {path}\").format(path='x')\n"
        "class CaseView(QWidget):\n"
        "    def title(self):\n"
        "        return self.tr(\"Incidents\")\n", encoding="utf-8")
    ts = tmp_path / "sample_es.ts"
    result = subprocess.run([str(i18n_build.tool("lupdate")), str(source), "-ts", str(ts)],
                            capture_output=True, text=True, check=True)
    assert "2 new" in result.stdout
    found = {(context, text) for context, text in i18n_build.unfinished(ts)}
    assert found == {("Errors", "No such file: {path}"), ("CaseView", "Incidents")}


def test_update_sees_through_local_aliases_of_translate():
    code = ("from PySide6.QtCore import QCoreApplication\n"
            "def QT_TRANSLATE_NOOP(context, text):\n    return text\n"
            "T = QT_TRANSLATE_NOOP\n"
            "from casefile.services.records.fields import QT_TRANSLATE_NOOP as N\n"
            "COLUMNS = (N('Fields', 'Code'),)\n"
            "MENUS = {'file': T('Actions', '&File')}\n"
            "def title():\n    tr = QCoreApplication.translate\n    return tr('Navigator', 'Incidents')\n"
            "class W:\n    def f(self):\n        return self.tr('Kept')\n")
    expanded = i18n_build.expand_aliases(code)
    assert "QT_TRANSLATE_NOOP('Actions', '&File')" in expanded
    assert "QT_TRANSLATE_NOOP('Fields', 'Code')" in expanded
    assert "QCoreApplication.translate('Navigator', 'Incidents')" in expanded
    assert "self.tr('Kept')" in expanded and expanded.count("\n") == code.count("\n")


def test_update_sees_through_a_module_helper_with_a_fixed_context():
    """``def _tr(text): return QCoreApplication.translate("Links", text)``: without this,
    lupdate skipped every ``_tr("...")`` and the Add Link menu and undo texts stayed English."""
    code = ("from PySide6.QtCore import QCoreApplication\n"
            "def _tr(text: str) -> str:\n    return QCoreApplication.translate(\"Links\", text)\n"
            "OPTIONS = [_tr(\"Actor involved…\"), self._tr('x'), my_tr('y')]\n")
    expanded = i18n_build.expand_aliases(code)
    assert 'QCoreApplication.translate("Links", "Actor involved…")' in expanded
    assert "def _tr(text: str)" in expanded and "self._tr('x')" in expanded and "my_tr('y')" in expanded
    assert expanded.count("\n") == code.count("\n")
    text = SPANISH_TS.read_text(encoding="utf-8")
    assert "<source>Actor involved…</source>" in text and "<source>Create {kind}</source>" in text


def test_committed_ts_holds_core_and_qt_strings():
    text = SPANISH_TS.read_text(encoding="utf-8")
    assert "<name>Cli</name>" in text and "<name>Errors</name>" in text
    assert "No such file: {path}" in text
    assert "<name></name>" not in text  # every message has its context


def test_compiled_qm_translates_without_an_application(tmp_path):
    qm = tmp_path / "casefile_es.qm"
    assert i18n_build.compile_ts(SPANISH_TS, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("Errors", "No such file: {path}") == "No existe el archivo: {path}"


def _copy_translations(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(SPANISH_TS, folder)
    monkeypatch.setattr(i18n_build, "translations_dir", lambda: folder)
    return folder


def test_first_run_builds_qm_and_rebuilds_when_ts_is_newer(tmp_path, monkeypatch):
    folder = _copy_translations(tmp_path, monkeypatch)
    qm = i18n_build.ensure_qm("es")
    assert qm == folder / "casefile_es.qm" and qm.stat().st_size > 100
    built = qm.stat().st_mtime
    assert i18n_build.ensure_qm("es") == qm and qm.stat().st_mtime == built  # fresh: untouched
    os.utime(qm, (built - 100, built - 100))  # the .ts was edited after the last build
    assert i18n_build.ensure_qm("es") == qm and qm.stat().st_mtime >= built - 1


def test_unwritable_translation_folder_builds_into_user_cache(tmp_path, monkeypatch):
    folder = _copy_translations(tmp_path, monkeypatch)
    (folder / "casefile_es.qm").mkdir()  # stands in for a read-only install (tests run as root)
    qm = i18n_build.ensure_qm("es")
    assert qm == i18n_build.cache_dir() / "casefile_es.qm" and qm.is_file()
    assert str(qm).startswith(os.environ["XDG_CACHE_HOME"])


def test_without_lrelease_the_window_speaks_english(tmp_path, monkeypatch, english_afterwards):
    _copy_translations(tmp_path, monkeypatch)
    monkeypatch.setattr(i18n_build, "tool", lambda name: None)
    assert ui_i18n.install_translators(english_afterwards, "es") == "en"
    assert i18n.translate("Errors", "No such file: {path}") == "No such file: {path}"


def test_spanish_translators_cover_casefile_qt_core_and_locale(english_afterwards):
    assert ui_i18n.install_translators(english_afterwards, "es") == "es"
    assert QCoreApplication.translate("Errors", "No such file: {path}") == "No existe el archivo: {path}"
    assert i18n.translate("Errors", "No such file: {path}") == "No existe el archivo: {path}"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"  # qtbase_es
    assert QLocale().language() == QLocale.Language.Spanish
    assert ui_i18n.install_translators(english_afterwards, "en") == "en"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.mark.parametrize(("env", "expected"), [
    ({"LANGUAGE": "es", "LANG": "C.UTF-8"}, "es"),
    ({"LANGUAGE": "", "LANG": "es_MX.UTF-8"}, "es"),
    ({"LANGUAGE": "fr:es", "LANG": "fr_FR.UTF-8"}, "es"),
    ({"LANGUAGE": "", "LC_ALL": "en_GB.UTF-8", "LANG": "es_MX.UTF-8"}, "en"),
    ({"LANGUAGE": "", "LANG": "de_DE.UTF-8"}, "en"),
    ({"LANGUAGE": "", "LANG": "C"}, "en"),
])
def test_environment_language_reads_the_variables_qt_reads(monkeypatch, env, expected):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n_build.environment_language() == expected


def test_language_menu_stores_choice_and_applies_it(qtbot, english_afterwards):
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = ui_i18n.language_menu(window)
    window.menuBar().addMenu(menu)
    labels = [action.text() for action in menu.actions()]
    assert labels == ["System language", "English", "Español"]
    assert menu.actions()[0].isChecked()
    menu.actions()[2].trigger()
    assert QSettings().value(ui_i18n.SETTING, type=str) == "es"
    assert ui_i18n.resolve_language() == "es"
    assert i18n.translate("Errors", "No such file: {path}") == "No existe el archivo: {path}"
    assert "Restart" in window.statusBar().currentMessage() or "Reinicie" in window.statusBar().currentMessage()
    # A menu built afterwards is Spanish and shows the stored choice.
    again = ui_i18n.language_menu(window)
    assert again.title() == "&Idioma" and again.actions()[2].isChecked()


def _run_casefile(*args, env_extra: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(env_extra, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", RUN_CLI, *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=120)


def test_command_line_errors_in_spanish(tmp_path):
    result = _run_casefile("info", str(tmp_path / "nada.casefile"),
                           env_extra={"LANGUAGE": "es", "LANG": "C.UTF-8"}, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("casefile: No existe el archivo:"), result.stderr


def test_redaction_report_in_spanish_names_its_kinds_in_spanish(tmp_path):
    """The text report's kinds (pseudonym, file name, withheld sources) follow the
    language; --json keeps its identifiers."""
    spanish = {"LANGUAGE": "es", "LANG": "C.UTF-8"}
    assert _run_casefile("demo", str(tmp_path / "demo.casefile"), env_extra={}, cwd=tmp_path).returncode == 0
    result = _run_casefile("redaction-report", str(tmp_path / "demo.casefile"), "--profile", "public",
                           env_extra=spanish, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Informe de testado (public):")
    assert "ACT-0009 name: seudónimo \u201cRosa Ejemplo Ficticia\u201d" in result.stdout
    assert "nombre de archivo" in result.stdout and "Reservados (fuentes): SRC-0005" in result.stdout
    as_json = _run_casefile("redaction-report", str(tmp_path / "demo.casefile"), "--profile", "public", "--json",
                            env_extra=spanish, cwd=tmp_path)
    assert '"pseudonym"' in as_json.stdout and "seudónimo" not in as_json.stdout
    exported = _run_casefile("export", str(tmp_path / "demo.casefile"), "--format", "json", "-o",
                             str(tmp_path / "demo.json"), env_extra=spanish, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert "3 lugares, 9 actores, 5 hechos" in exported.stdout and "places" not in exported.stdout


def test_the_history_reads_in_spanish(tmp_path):
    """What an entry did, what it is about, and why the chain breaks are told in
    the user's language (``history.word``, ``ChainProblem.message``), by the
    history command as by verify and the history view."""
    import sqlite3

    case = tmp_path / "caso.casefile"
    spanish = {"LANGUAGE": "es", "LANG": "C.UTF-8"}
    assert _run_casefile("demo", str(case), env_extra={}, cwd=tmp_path).returncode == 0
    # What each entry did and what it is about read in Spanish; --json keeps the identifiers.
    listed = _run_casefile("history", str(case), env_extra=spanish, cwd=tmp_path)
    entries = [line.split("\t")[3:5] for line in listed.stdout.splitlines()]
    assert entries[-1] == ["crear expediente", "expediente"] and ["importar", "expediente"] in entries
    as_json = json.loads(_run_casefile("history", str(case), "--json", env_extra=spanish, cwd=tmp_path).stdout)
    assert (as_json[-1]["action"], as_json[-1]["record"]) == ("create-case", "case")
    with contextlib.closing(sqlite3.connect(case)) as db, db:
        db.execute("UPDATE audit_entry SET who = 'otra persona' WHERE seq = 2")
    result = _run_casefile("history", str(case), env_extra=spanish, cwd=tmp_path)
    assert result.returncode == 3
    assert result.stderr.splitlines()[-1] == "la cadena del historial está rota en el n.º 2: entrada alterada"


def test_the_history_names_a_records_fields_in_spanish(english_afterwards):
    from casefile.ui.case.history import describe, summarise

    assert ui_i18n.install_cli_translator("es")
    changes = '{"title": ["Retén", "Retén militar"], "start_date": ["", "2013"]}'
    assert summarise("update", changes, kind="incident") == "Inicio, Título"
    assert describe("update", changes, "incident").splitlines()[-1] == "Título: Retén → Retén militar"


def test_argparse_messages_follow_the_translation(english_afterwards):
    import argparse

    original = argparse._
    try:
        assert ui_i18n.install_cli_translator("es")
        assert argparse._("the following arguments are required: %s") == "faltan los siguientes argumentos: %s"
        assert i18n.translate("Errors", "No such file: {path}") == "No existe el archivo: {path}"
    finally:
        argparse._ = original


# One process for both checks (each start costs seconds): the command the issue names,
# then the menu titles of a window made in that same Spanish application.
SCREENSHOT_THEN_MENUS = """
import sys
from casefile.cli import main
code = main(["--demo", "--screenshot", sys.argv[1]])
from casefile.ui.mainwindow import MainWindow
print("|".join(action.text() for action in MainWindow().menuBar().actions()))
sys.exit(code)
"""


def test_LANGUAGE_es_casefile_demo_screenshot_is_spanish(tmp_path):
    from PySide6.QtGui import QImage

    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(QT_QPA_PLATFORM="offscreen", LANGUAGE="es", LANG="C.UTF-8")
    shot = tmp_path / "ventana.png"
    result = subprocess.run([sys.executable, "-c", SCREENSHOT_THEN_MENUS, str(shot)], capture_output=True,
                            text=True, env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() >= 640 and image.height() >= 400
    titles = result.stdout.strip().splitlines()[-1].split("|")
    assert "&Archivo" in titles and "&Edición" in titles and "&File" not in titles


def test_main_window_gets_the_language_menu(qtbot, english_afterwards):
    from PySide6.QtWidgets import QMenu

    from casefile.ui.mainwindow import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    menu = ui_i18n.attach_language_menu(window)
    hosts = [m for m in window.menuBar().findChildren(QMenu) if menu.menuAction() in m.actions()]
    assert len(hosts) == 1 and hosts[0].objectName() in ("menu_view", "menu_settings", "menu_edit")
    assert [a.data() for a in menu.actions()] == ["system", "en", "es"]


def test_todo_table_round_trip(tmp_path):
    """--todo writes what is unfinished; --fill puts a filled table back, plurals too."""
    ts = tmp_path / "casefile_es.ts"
    text = SPANISH_TS.read_text(encoding="utf-8")
    text = text.replace("<translation>No existe el archivo: {path}</translation>",
                        '<translation type="unfinished"></translation>', 1)
    ts.write_text(text, encoding="utf-8")
    table = tmp_path / "todo.tsv"
    assert i18n_build.write_todo(ts, table) == 1
    row = table.read_text(encoding="utf-8").rstrip("\n")
    context = row.split("\t")[0]
    table.write_text(row + "No se encontró: {path}\n", encoding="utf-8")
    assert i18n_build.fill(ts, table) == 1
    assert i18n_build.unfinished(ts) == []
    qm = tmp_path / "casefile_es.qm"
    assert i18n_build.compile_ts(ts, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate(context, "No such file: {path}") == "No se encontró: {path}"


def test_spanish_dossier_reads_the_same_whatever_the_window_language(tmp_path):
    """The dossier asks the installed translator first and falls back to its own table
    (casefile/dossier/labels.py): both must give the same Spanish, or the PDF would
    depend on the language of the computer that made it."""
    from casefile.dossier.labels import BUILTIN, TEXT

    qm = tmp_path / "casefile_es.qm"
    assert i18n_build.compile_ts(SPANISH_TS, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    differ = {key: (translator.translate("Dossier", english), BUILTIN["es"][key])
              for key, english in TEXT.items()
              if key in BUILTIN["es"] and translator.translate("Dossier", english) != BUILTIN["es"][key]}
    # Two keys with the same English text can only have one translation in the .ts.
    duplicates = {key for key, english in TEXT.items() if list(TEXT.values()).count(english) > 1}
    differ = {key: pair for key, pair in differ.items() if key not in duplicates}
    assert not differ, f"align casefile_es.ts with labels.BUILTIN['es'] (--todo/--fill): {differ}"


@pytest.mark.parametrize(("lang", "file_menu"), [("en", "&File"), ("es", "&Archivo")])
def test_menus_have_no_clashing_accelerators(qtbot, case, english_afterwards, lang, file_menu):
    """In English too: New &Record clashed with &Redo (R only cycled between
    them), Send &Changes with &Close Case, &Language with &List."""
    import re
    from collections import Counter

    from PySide6.QtWidgets import QMenu

    from casefile.ui.mainwindow import MainWindow

    ui_i18n.install_translators(english_afterwards, lang)
    window = MainWindow()
    qtbot.addWidget(window)
    ui_i18n.attach_language_menu(window)
    window.set_case(case, remember=False)
    menus = [window.menuBar(), *window.menuBar().findChildren(QMenu)]
    assert file_menu in [action.text() for action in window.menuBar().actions()]
    for menu in menus:
        keys = Counter(match.group(1).lower() for action in menu.actions()
                       if (match := re.search(r"&([^&\s])", action.text())))
        clashes = [key for key, count in keys.items() if count > 1]
        assert not clashes, (menu.objectName(), [action.text() for action in menu.actions()])


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_dialogs_of_the_menus_have_no_clashing_accelerators(qtbot, case, english_afterwards, lang):
    """Each dialog a menu item opens ("…"), one control per Alt letter: in the
    Export Dossier dialog &Full and Pictures showing &faces clashed (Spanish:
    Exa&minar and Fir&mar, &Idioma and &Imágenes), in New Case Your &name and
    File &name (Spanish: &Cifrar and &Carpeta)."""
    import re
    from collections import Counter

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QGroupBox, QLabel

    from casefile.ui.mainwindow import MainWindow

    ui_i18n.install_translators(english_afterwards, lang)
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_case(case, remember=False)
    window.show()
    seen: dict[str, list[str]] = {}

    def letters(dialog: QDialog) -> list[tuple[str, str]]:
        found = []
        for widget in dialog.findChildren(QAbstractButton) + dialog.findChildren(QLabel) + \
                dialog.findChildren(QGroupBox):
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            if widget.isVisibleTo(dialog) and (match := re.search(r"&([^&\s])", text)):
                found.append((match.group(1).lower(), text))
        return found

    def inspect(name: str, tries: int = 15) -> None:
        dialog = QApplication.activeModalWidget() or next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()), None)
        if not isinstance(dialog, QDialog):
            if tries:  # not shown yet
                QTimer.singleShot(100, lambda: inspect(name, tries - 1))
            else:  # none here (Delete Record with nothing chosen, Export the View from the list)
                seen[name] = []
            return
        found = letters(dialog)
        count = Counter(letter for letter, _ in found)
        seen[name] = [text for letter, text in found if count[letter] > 1]
        dialog.reject()

    opening = [action for action in window.actions() if action.text().endswith("…") and action.isEnabled()
               and action.menu() is None]
    assert len(opening) >= 10
    for action in opening:
        name = action.text()
        QTimer.singleShot(100, lambda name=name: inspect(name))
        action.trigger()
        qtbot.waitUntil(lambda name=name: name in seen, timeout=10000)
    clashing = {name: texts for name, texts in seen.items() if texts}
    assert not clashing
    assert len(seen) == len(opening)
    window.close_case()
