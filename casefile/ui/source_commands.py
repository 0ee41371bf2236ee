"""The Source menu: what the open source's text lets a documenter do (claim or
incident from a selection, link a mention, find, load a text, take in a saved
web page). Each acts on ``MainWindow.source_reader``, or says a source must be
open first."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..services import evidence, records
from . import dialogs
from .actions import ActionId
from .workers import run_in_thread

if TYPE_CHECKING:
    from .editors.source_reader import SourceReader
    from .mainwindow import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def install(window: MainWindow) -> None:
    def on_reader(act: Callable[[SourceReader], object]) -> Callable[[], None]:
        def run() -> None:
            reader = window.source_reader
            if reader is None:
                window.statusBar().showMessage(_tr("Open a source to use its text."), 4000)
                return
            act(reader)
        return run

    connect = window.actions.connect
    connect(ActionId.CLAIM_FROM_SELECTION, on_reader(lambda reader: reader.claim_from_selection()))
    connect(ActionId.INCIDENT_FROM_SELECTION, on_reader(lambda reader: reader.incident_from_selection()))
    connect(ActionId.LINK_MENTION, on_reader(lambda reader: reader.link_mention()))
    connect(ActionId.FIND_IN_TEXT, on_reader(lambda reader: reader.start_find()))
    connect(ActionId.LOAD_SOURCE_TEXT, on_reader(lambda reader: reader.load_text_file()))
    connect(ActionId.ADD_SAVED_PAGE, on_reader(lambda reader: add_saved_page(window, reader)))


def add_saved_page(window: MainWindow, reader: SourceReader) -> None:
    """Take in a saved web page as the open source's evidence ("depicts" it); what
    the source lacks (address, day read, text) comes from the page, in the same
    undoable step. A source with a text of its own is asked before it is replaced."""
    case, intake = window.case, window.evidence_intake
    if case is None or intake is None:
        return
    path, ok = dialogs.open_saved_page(window)
    if not ok:
        return
    code = records.get(case, "source", reader.source_id)["code"]

    def taken(result) -> None:
        if not result.taken or window.source_reader is not reader or window.case is not case:
            return
        reader.reload()
        item = result.taken[0][0]
        window.statusBar().showMessage(_tr("{item} taken in for {source}").format(item=item, source=code), 6000)
        gave = result.gave.get(item)  # found by the batch on its thread
        if reader.text and (gave is None or "text" not in gave[2]) and dialogs.confirm(
                window, _tr("Replace the text"), _tr(
                    "{source} has a text of its own. Replace it with the saved page's text?").format(
                    source=code), action=_tr("Replace")):
            # the page is read again from the case (a web archive may be large): off the UI thread
            def read(text: object) -> None:
                if isinstance(text, str) and text and window.source_reader is reader:
                    reader.set_text(text)

            run_in_thread(lambda progress, cancelled: evidence.saved_page_text(case, item), parent=window,
                          title=_tr("Reading the saved page"), show_progress=False, on_success=read,
                          on_failure=window.show_error)

    intake.take_in([path], link=(code, "depicts"), then=taken)
