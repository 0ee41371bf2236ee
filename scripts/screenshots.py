"""Render the README screenshots into resources/screenshots/ (offscreen).

    uv run python scripts/screenshots.py [--out resources/screenshots]

Each shot is a function in SHOTS taking the main window (with a fresh copy of
the sample case open, or none for the welcome page). Another panel adds its own
shot by appending to SHOTS, e.g. the evidence preview::

    SHOTS["evidence-preview"] = lambda window: ...
    (or define ``screenshot(window)`` in ``casefile.ui.evidence.preview``)

Settings go to a temporary folder, so the user's own are never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REPORT = ROOT / "resources" / "samples" / "news-report-guerrero-2013.txt"
SIZE = (1400, 900)


def _settle(app, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def welcome(window) -> None:
    window.recent.add(Path.home() / "Documents" / "guerrero-2013.casefile")
    window.recent.add(Path.home() / "Documents" / "ayutla-interviews.casefile")
    window.welcome.refresh()


def main_window(window) -> None:
    window.show_kind("incident")
    window.open_record("incident", 1)


def incident_editor(window) -> None:
    window.show_kind("incident")
    window.open_record("incident", 3)
    window.view.setSizes([170, 520, 710])


def source_reader(window) -> None:
    window.show_kind("source")
    window.open_record("source", 1)
    editor = window.editor
    text = _report_text()
    editor.reader.set_text(text)
    passage = "strange men dressed in black in the communities"
    start = text.find(passage)
    if start >= 0:
        editor.reader.select_offsets(start, start + len(passage))
        claim_id = editor.reader.claim_from_selection()
        if claim_id:
            window.open_record("source", 1)
            editor = window.editor
    editor.tabs.setCurrentIndex(1)
    second = text.find("about 60") if "about 60" in text else text.find("60 soldiers")
    if second >= 0:
        window.editor.reader.select_offsets(second, second + len("60 soldiers"))


def claim_chain(window) -> None:
    """A claim read in InSight Crime, first said to CNN México: its own chain."""
    window.show_kind("claim")
    window.open_record("claim", 3)
    window.view.setSizes([170, 470, 760])


def evidence_preview(window) -> None:
    """The sample's roadblock sketch in the evidence editor's File tab."""
    window.show_kind("evidence")
    window.open_record("evidence", 1)
    tabs = window.editor.tabs
    for index in range(tabs.count()):
        if tabs.tabText(index).replace("&", "") in ("File", "Archivo"):
            tabs.setCurrentIndex(index)


def _report_text() -> str:
    for candidate in (REPORT, Path("/work/shared/samples/news-report-guerrero-2013.txt")):
        if candidate.exists():
            from casefile.services.records.source_text import read_text_file

            return read_text_file(candidate)
    return ("Placido told La Jornada that people had witnessed strange men dressed in black in the "
            "communities, who he said were members of paramilitary or organized crime groups that worked "
            "with the army.")


def _view(window, action_id: str) -> None:
    """A view tab of the sample case, wide (issue 20)."""
    window.show_kind("incident")
    window.open_record("incident", 1)
    window.view.setSizes([150, 900, 350])
    window.actions[action_id].trigger()


def timeline(window) -> None:
    _view(window, "show_timeline")


def linkchart(window) -> None:
    from PySide6.QtWidgets import QWidget

    _view(window, "show_link_chart")
    pane = window.view.findChild(QWidget, "linkChartView")
    pane.set_focus("claim:1")  # a claim and its chain of attribution marked
    pane.show_chain()


def map_view(window) -> None:
    """The map tab of the sample case: a state-level place as its state's area,
    the municipality as a 12 km area, hollow markers for both (issue 20)."""
    _view(window, "show_map")


def _met_a_colleague(window) -> None:
    """Rosa's copy of the sample case and this one have met: she changed the
    first incident's title differently, so a conflict waits (issue 18)."""
    import shutil

    from sqlalchemy import select

    from casefile.model import Incident
    from casefile.services import keys
    from casefile.services.exchange import make_bundle, merge_bundle
    from casefile.store import Case

    folder = Path(tempfile.mkdtemp(prefix="casefile-shots-team-"))
    os.environ[keys.ENV_DIR] = str(folder / "my-keys")
    mine = keys.create_key("screenshot passphrase", "Ana")
    rosa = keys.create_key("screenshot passphrase", "Rosa Hernández", folder / "rosa-keys")
    case = window.case
    with case.connection() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(case.path, folder / "rosa.casefile")
    for target, title in ((case, "Community police detained in El Pericón (Ana)"), (None, "Detentions at El Pericón")):
        with (Case.open(folder / "rosa.casefile") if target is None else _kept(target)) as copy, copy.session() as s:
            s.scalars(select(Incident).where(Incident.code == "INC-0001")).one().title = title
    with Case.open(folder / "rosa.casefile") as copy:
        make_bundle(copy, folder / "rosa.cfbundle", rosa)
    merge_bundle(case, folder / "rosa.cfbundle", mine)


def _kept(case):
    """The window's open case in a ``with``, left open afterwards."""
    import contextlib

    return contextlib.nullcontext(case)


def send_changes(window):
    from casefile.ui.dialogs.exchange import SendDialog

    _met_a_colleague(window)
    return SendDialog(window.case, window), (620, 210)


def review_conflicts(window):
    from casefile.ui.dialogs.exchange import ReviewDialog

    _met_a_colleague(window)
    return ReviewDialog(window.case, window), (900, 300)


SHOTS = {
    "welcome": welcome,
    "main-window": main_window,
    "incident-editor": incident_editor,
    "source-reader": source_reader,
    "claim-chain": claim_chain,
    "evidence-preview": evidence_preview,
    "timeline": timeline,
    "linkchart": linkchart,
    "map": map_view,
    "send-changes": send_changes,
    "review-conflicts": review_conflicts,
}
# Shots in another language than English (the AppStream metainfo shows this one).
TRANSLATED = {"main-window-es": (main_window, "es")}


def _evidence_hook() -> None:
    try:
        from casefile.ui.evidence import preview as evidence_preview
    except ImportError:
        return
    shot = getattr(evidence_preview, "screenshot", None)
    if callable(shot):
        SHOTS.setdefault("evidence-preview", shot)


def render_all(out: Path, only: list[str] | None = None) -> list[Path]:
    from PySide6.QtCore import QSettings

    settings_dir = tempfile.mkdtemp(prefix="casefile-shots-")
    from casefile.ui.app import make_app, render
    from casefile.ui.language import install_translators

    app = make_app()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, settings_dir)
    from casefile.ui.demo import make_demo_case
    from casefile.ui.mainwindow import MainWindow

    _evidence_hook()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    plan = [(name, shot, "en") for name, shot in SHOTS.items()] + \
           [(name, shot, language) for name, (shot, language) in TRANSLATED.items()]
    for name, shot, language in plan:
        if only and name not in only:
            continue
        install_translators(app, language)
        window = MainWindow()
        window.resize(*SIZE)
        window.show()
        if name != "welcome":
            case, cleanup = make_demo_case()
            window.set_case(case, remember=False, cleanup=cleanup)
        _settle(app)
        made = shot(window)  # a dialog and its size, or None: the window
        subject, size = made if made else (window, SIZE)
        _settle(app)
        target = out / f"{name}.png"
        render(subject, target, size)
        if subject is not window:
            subject.close()
        window.close()
        written.append(target)
        print(target)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument("only", nargs="*", help="the screenshots to render (default: all)")
    args = parser.parse_args()
    render_all(args.out, args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
