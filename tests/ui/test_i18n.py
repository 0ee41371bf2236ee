"""Translations: extraction, compilation, installation, the language menu, and the
Spanish window and command line seen from outside."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QMainWindow

from casefile import i18n, i18n_build
from casefile.ui import i18n as ui_i18n

RUN_CLI = "import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))"
SPANISH_TS = i18n_build.translations_dir() / "casefile_es.ts"


@pytest.fixture
def english_afterwards(qapp):
    """Translators are process-wide: give the next test an English application."""
    yield qapp
    QSettings().remove(ui_i18n.SETTING)
    ui_i18n.install_translators(qapp, "en")
    i18n.set_translator(lambda context, text: text)


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


def test_committed_ts_holds_core_and_qt_strings():
    text = SPANISH_TS.read_text(encoding="utf-8")
    assert "<name>Cli</name>" in text and "<name>Errors</name>" in text
    assert "No such file: {path}" in text


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
    english = _run_casefile("info", str(tmp_path / "nada.casefile"),
                            env_extra={"LANG": "C.UTF-8"}, cwd=tmp_path)
    assert english.stderr.startswith("casefile: No such file:"), english.stderr
