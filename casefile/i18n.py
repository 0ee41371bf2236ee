"""Translation hook for the Qt-free core.

The core may not import Qt, yet its messages (command-line errors, vocabulary
labels) must be translatable. Core code calls ``translate(context, text)``;
pyside6-lupdate extracts those calls like ``QCoreApplication.translate``. The UI
or the CLI installs Qt's translator with :func:`set_translator` at start-up.
"""

from collections.abc import Callable


def _untranslated(context: str, text: str) -> str:
    return text


_translator: Callable[[str, str], str] = _untranslated


def translate(context: str, text: str) -> str:
    return _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a text for translation where it is declared (a table of labels); it is
    translated later, where it is shown, with ``translate(context, text)``."""
    return text


def set_translator(fn: Callable[[str, str], str]) -> None:
    global _translator
    _translator = fn
