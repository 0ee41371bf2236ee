"""Which language Casefile speaks, and the Qt translators that make it so.

The window follows the system language (``QLocale.system()``, which honours
``LANGUAGE``, ``LC_ALL`` and ``LANG``) unless the user picked one in the Language
menu (QSettings ``ui/language``: ``system``, ``en`` or ``es``). Dates and numbers
follow the same choice through ``QLocale.setDefault``. Three things are translated:
Casefile's own strings (``casefile_<lang>.qm``, compiled on first run from source),
Qt's standard dialogs (``qtbase_<lang>.qm`` from the Qt install) and the Qt-free
core's messages (``casefile.i18n.set_translator``).

QtWidgets is imported only where a menu is built: the command line imports this
module (QtCore only) when it needs Spanish messages.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from .. import i18n, i18n_build
from ..i18n import QT_TRANSLATE_NOOP

SETTING = "ui/language"
SYSTEM = "system"
# Each language named in itself, so a user can find hers whatever the interface speaks.
NATIVE_NAMES = {"en": "English", "es": "Español"}
# Without a system locale to borrow a territory from, Spanish is Latin-American Spanish.
DEFAULT_LOCALES = {"en": "en_US", "es": "es_419"}

_installed: list[QTranslator] = []
_cli_translator: QTranslator | None = None


def language_choice() -> str:
    """The stored choice: ``system`` or a language code."""
    value = QSettings().value(SETTING, SYSTEM, type=str)
    return value if value in (SYSTEM, *i18n_build.available_languages()) else SYSTEM


def set_language_choice(choice: str) -> None:
    QSettings().setValue(SETTING, choice)


def system_language() -> str:
    tags = QLocale.system().uiLanguages() or [QLocale.system().name()]
    return i18n_build.match_language(tags) or i18n_build.SOURCE_LANGUAGE


def resolve_language(choice: str | None = None) -> str:
    choice = language_choice() if choice is None else choice
    if choice == SYSTEM or choice not in i18n_build.available_languages():
        return system_language()
    return choice


def locale_for(language: str) -> QLocale:
    """The system locale when it speaks ``language`` (keeps es_MX dates in Mexico),
    else that language's default locale."""
    system = QLocale.system()
    if system.name().split("_")[0] == language:
        return system
    return QLocale(DEFAULT_LOCALES.get(language, language))


def _load(translator: QTranslator, name: str, folders: list[str]) -> bool:
    return any(folder and translator.load(name, folder) for folder in folders)


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Install the translators for ``language`` (a code, ``system``, or ``None`` for
    the stored choice), replacing any installed before. Returns the language in use.
    A missing translation, or no ``lrelease`` to build it, means English."""
    language = resolve_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    # English has a translation too: only its plural forms ("1 file", "2 files").
    qm = i18n_build.ensure_qm(language)
    own = QTranslator(app)
    if qm is not None and own.load(str(qm)):
        _installed.append(own)
    elif language != i18n_build.SOURCE_LANGUAGE:
        language = i18n_build.SOURCE_LANGUAGE
        qm = i18n_build.ensure_qm(language)
        if qm is not None and own.load(str(qm)):
            _installed.append(own)
    if language != i18n_build.SOURCE_LANGUAGE:
        # Qt's own strings (Cancel, Yes, file dialogs); bundles carry them beside ours.
        qt = QTranslator(app)
        folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
                   str(i18n_build.translations_dir())]
        if _load(qt, f"qtbase_{language}", folders):
            _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    QLocale.setDefault(locale_for(language))
    i18n.set_translator(QCoreApplication.translate)
    return language


# argparse's own messages (usage and errors) reach the user too; it looks them up
# through gettext, which we answer from the same translation.
ARGPARSE_MESSAGES = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
)


def install_cli_translator(language: str) -> bool:
    """Translate the Qt-free core's messages, and argparse's, without a
    QCoreApplication (the command line has none): a bare QTranslator answers
    ``translate()`` on its own."""
    global _cli_translator
    qm = i18n_build.ensure_qm(language)
    translator = QTranslator()
    if qm is None or not translator.load(str(qm)):
        return False
    _cli_translator = translator  # keep it alive as long as the translator function
    i18n.set_translator(lambda context, text: translator.translate(context, text) or text)
    import argparse

    # argparse translates through its module's gettext alias ``_``, which its stubs do not declare
    setattr(argparse, "_", lambda text: translator.translate("argparse", text) or text)  # noqa: B010
    return True


def language_menu(parent):
    """A "Language" menu (system, then each language by its own name) for the window
    to attach, e.g. ``view_menu.addMenu(language_menu(window))``. The choice is
    stored at once and applies to everything opened from then on; the window's
    existing labels change at the next start."""
    from PySide6.QtGui import QAction, QActionGroup
    from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

    menu = QMenu(QCoreApplication.translate("LanguageMenu", "Lan&guage"), parent)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = language_choice()
    entries = [(SYSTEM, QCoreApplication.translate("LanguageMenu", "System language"))]
    entries += [(code, NATIVE_NAMES.get(code, code)) for code in i18n_build.available_languages()]
    for code, label in entries:
        action = QAction(label, menu, checkable=True)
        action.setObjectName(f"action_language_{code}")
        action.setData(code)
        action.setChecked(code == current)
        group.addAction(action)
        menu.addAction(action)

    def chosen(action) -> None:
        code = action.data()
        if code == language_choice():
            return
        set_language_choice(code)
        app = QApplication.instance()
        if app is not None:
            install_translators(app, code)
        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(QCoreApplication.translate(
                "LanguageMenu", "Language saved. Restart Casefile to change the whole window."), 10000)

    group.triggered.connect(chosen)
    return menu


def attach_language_menu(window, preferred: tuple[str, ...] = ("view", "settings", "edit")):
    """Put the Language menu into the first of the window's menus that exists
    (menus are named ``menu_<key>`` by the action registry); returns it. A window
    that has one already keeps it."""
    from PySide6.QtWidgets import QMenu

    existing = window.findChild(QMenu, "languageMenu")
    if existing is not None:
        return existing
    for key in preferred:
        host = window.menuBar().findChild(QMenu, f"menu_{key}")
        if host is not None:
            host.addSeparator()
            menu = language_menu(window)
            host.addMenu(menu)
            return menu
    menu = language_menu(window)
    window.menuBar().addMenu(menu)
    return menu
