"""Starting the window: ``casefile [CASE|--demo] [--screenshot PNG]``.

Called from ``casefile.cli`` with the parsed arguments (``case``, ``demo``,
``screenshot``, ``passphrase_file``). With ``--screenshot`` the window is drawn
offscreen at 1400x900 with the case open, saved, and the program exits 0; an
error opening the case is then one line on stderr and exit 1, never a dialog.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

from ..errors import CasefileError

SCREENSHOT_SIZE = (1400, 900)


def make_app(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()  # a QCoreApplication as far as the stubs know
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setOrganizationName("Casefile")
    app.setOrganizationDomain("casefile.invalid")
    app.setApplicationName("Casefile")
    app.setApplicationDisplayName("Casefile")
    app.setDesktopFileName("casefile")
    from .activation import keep_activation

    keep_activation(app)
    try:
        from .language import install_translators

        install_translators(app)
    except Exception:  # a missing translation tool must never stop the window
        pass
    return app


def _passphrase(args) -> str | None:
    if getattr(args, "passphrase_file", None) or os.environ.get("CASEFILE_PASSPHRASE"):
        from ..services.security import read_passphrase

        return read_passphrase(args, prompt=False)
    return None


def open_initial_case(window, args) -> None:
    """Open what the command line asked for (or the last case); raises CasefileError."""
    from PySide6.QtCore import QSettings

    from ..store.server.address import is_server_address
    from .demo import make_demo_case
    from .dialogs import open_case

    if getattr(args, "demo", False):
        case, cleanup = make_demo_case()
        window.set_case(case, remember=False, cleanup=cleanup)
    elif getattr(args, "case", None) and is_server_address(args.case):
        from ..services.keys import ENV_PASSPHRASE
        from .dialogs.exchange import KeyPassphrase
        from .server_case import open_server_case

        passphrase = os.environ.get(ENV_PASSPHRASE)
        if not passphrase:
            passphrase, ok = KeyPassphrase.ask(window)
            if not ok:
                return
        open_server_case(window, args.case, passphrase)
    elif getattr(args, "case", None):
        window.set_case(open_case(window, Path(args.case), _passphrase(args)))
    elif not getattr(args, "screenshot", None):
        last = cast(str, QSettings().value("cases/last", "", type=str))
        if last and Path(last).is_file():
            try:
                window.set_case(open_case(window, Path(last), _passphrase(args)))
            except CasefileError:
                pass  # encrypted or gone: the welcome page lists it under recent cases


def render(window, path: str | Path, size: tuple[int, int] = SCREENSHOT_SIZE) -> None:
    """Draw the window as it would appear and save it as PNG."""
    from PySide6.QtWidgets import QApplication

    window.resize(*size)
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    image = window.grab()
    if not image.save(str(path), "PNG"):
        raise CasefileError(f"cannot write {path}")


def run_gui(args) -> int:
    screenshot = getattr(args, "screenshot", None)
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .system_libraries import check

    check()  # Qt would abort naming one library, maybe the wrong one: say which packages, in one line
    app = make_app()
    from .mainwindow import MainWindow

    window = MainWindow()
    from .language import attach_language_menu

    attach_language_menu(window)  # View, else Edit: system / English / Español
    if screenshot:
        try:
            open_initial_case(window, args)
            render(window, screenshot)
        finally:
            window.close()
        return 0
    window.show()  # first, so the restored panes get their real sizes
    try:
        open_initial_case(window, args)
    except CasefileError as error:
        window.show_error(error)
    return app.exec()
