"""The File menu's whole-case commands whose dialogs load on first use.

Export Dossier, Redaction Preview, the team exchange, Handover, History,
Change Passphrase and Open Server Case are registered here, each importing
its dialog when first triggered: together their modules (ReportLab's
settings, the signing keys, the exchange and server services) cost the
window's start 100 ms, for dialogs most sessions never open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..i18n import QT_TRANSLATE_NOOP
from .actions import ActionId, ActionSpec

if TYPE_CHECKING:
    from .mainwindow import MainWindow


def install(window: MainWindow) -> None:
    def export_dossier() -> None:
        from .dialogs.dossier import DossierDialog

        if window.case is not None:
            DossierDialog.export(window, window.case, ui_language=window.lang)

    def hand_over() -> None:
        from .dialogs.handover import HandoverDialog

        if window.case is not None:
            HandoverDialog.run(window, window.case, ui_language=window.lang)

    def redaction_preview() -> None:
        from .dialogs.redaction_preview import RedactionPreviewDialog

        if window.case is not None:
            RedactionPreviewDialog.show_for(window, window.case, "public")

    def send_changes() -> None:
        from .dialogs import exchange

        exchange.send_changes(window)

    def receive_changes() -> None:
        from .dialogs import exchange

        exchange.receive_changes(window)

    def review_conflicts() -> None:
        from .dialogs.exchange import ReviewDialog

        if window.case is not None:
            ReviewDialog.show_for(window, window.case)

    def documenter_key() -> None:
        from .dialogs.exchange import KeyDialog

        KeyDialog.show_for(window)

    def history() -> None:
        from ..services import records
        from .case.history import HistoryDialog

        if window.case is None:
            return
        code = ""
        current = window.current_record
        if current is not None:
            try:
                code = records.get(window.case, current[0], current[1])["code"]
            except Exception:  # noqa: BLE001 - the record went away: show everything
                code = ""
        HistoryDialog.show_history(window, window.case, code)

    def change_passphrase() -> None:
        from .dialogs.passphrase import ChangePassphraseDialog

        if window.case is None:
            return
        if not window.case.encrypted:
            window.show_error(QCoreApplication.translate(
                "PassphraseDialog", "This case is not encrypted, so it has no passphrase to change."))
            return
        ChangePassphraseDialog.change(window, window.case)

    def open_server_case() -> None:
        from .server_case import open_server_case_from_menu

        open_server_case_from_menu(window)

    add = window.actions.add
    add(ActionSpec("export_dossier", QT_TRANSLATE_NOOP("Actions", "&Export Dossier…"), ("Ctrl+E",),
                   tip=QT_TRANSLATE_NOOP("Actions", "Write a PDF dossier of the case"), menu="file"),
        export_dossier, after=ActionId.OPEN_SAMPLE)
    add(ActionSpec("handover", QT_TRANSLATE_NOOP("Actions", "Han&dover…"),
                   tip=QT_TRANSLATE_NOOP("Actions", "Hand evidence over to a court or UN mechanism, "
                                                    "as consent allows"), menu="file"),
        hand_over, after="export_dossier")
    add(ActionSpec("redaction_preview", QT_TRANSLATE_NOOP("Actions", "&Redaction Preview…"),
                   tip=QT_TRANSLATE_NOOP("Actions", "Before sharing: what a partner or public "
                                         "export replaces, and what it may miss"), menu="file"),
        redaction_preview, after="export_dossier")
    add(ActionSpec("send_changes", QT_TRANSLATE_NOOP("Actions", "Send Chan&ges…"),
                   tip=QT_TRANSLATE_NOOP("Actions", "Write a signed bundle of this case's changes "
                                         "for a colleague's copy"), menu="file"),
        send_changes, after="redaction_preview")
    add(ActionSpec("receive_changes", QT_TRANSLATE_NOOP("Actions", "Rece&ive Changes…"),
                   tip=QT_TRANSLATE_NOOP("Actions", "Merge a colleague's bundle into this case"), menu="file"),
        receive_changes, after="send_changes")
    add(ActionSpec("review_conflicts", QT_TRANSLATE_NOOP("Actions", "Re&view Conflicts…"),
                   tip=QT_TRANSLATE_NOOP("Actions", "Values changed differently on two copies"), menu="file"),
        review_conflicts, after="receive_changes")
    add(ActionSpec("documenter_key", QT_TRANSLATE_NOOP("Actions", "Documenter &Key…"),
                   tip=QT_TRANSLATE_NOOP("Actions", "Your key's fingerprint, and the colleagues' "
                                         "keys you trust"), menu="file", needs_case=False),
        documenter_key, after="review_conflicts")
    # In the File menu, with the case's other whole-case commands (its accelerator is free there).
    add(ActionSpec("show_history", QT_TRANSLATE_NOOP("Actions", "&History…"), ("Ctrl+H",),
                   tip=QT_TRANSLATE_NOOP("Actions", "The case's tamper-evident history"), menu="file"),
        history, after=ActionId.CLOSE_CASE)
    add(ActionSpec("change_passphrase", QT_TRANSLATE_NOOP("Actions", "Change &Passphrase…"), menu="file"),
        change_passphrase, after=ActionId.CLOSE_CASE)
    add(ActionSpec("open_server_case", QT_TRANSLATE_NOOP("Actions", "Open Server C&ase…"),
                   tip=QT_TRANSLATE_NOOP("Actions", "Work on a case kept on the team's PostgreSQL "
                                         "server"), menu="file", needs_case=False),
        open_server_case, after=ActionId.OPEN_SAMPLE)
