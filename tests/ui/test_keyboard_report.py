"""The sample news report recorded into a new encrypted case, in the Spanish window,
with key events only (issue 16): every key goes to the widget that has the keyboard,
no mouse, no call on the window. The keys pressed and the characters typed are
counted and printed; the case is then read back through the services.

Each step is queued and run from a timer, so a step that opens a modal dialog
(its key press does not return until the dialog closes) lets the next steps go
on inside the dialog, as a person's next keys would. Where the person would look
at the screen before pressing (how far the cursor is from a passage, whether the
export has finished), the step reads the widgets' state, never changes it.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import shiboken6
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu, QPlainTextEdit, QWidget
from sqlalchemy import select

from casefile.model import (
    Actor,
    Claim,
    ClaimRelay,
    Evidence,
    EvidenceLink,
    Incident,
    Involvement,
    Place,
    Source,
    SourceCitation,
)
from casefile.services import records
from casefile.store import Case
from casefile.ui.evidence.intake import EvidenceFileDialog
from casefile.ui.mainwindow import MainWindow

REPORT = Path("/work/shared/samples/news-report-guerrero-2013.txt")
PASSPHRASE = "caballo correcto batería grapa"
TARGET_KEYS = 400
K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


# -- the keyboard ---------------------------------------------------------------------------


@dataclass
class Keyboard:
    """Presses keys on whatever has the keyboard, one step at a time, and counts them."""

    window: MainWindow
    steps: list[Callable[[], bool | None]] = field(default_factory=list)
    keys: int = 0
    characters: int = 0
    done: bool = False
    error: BaseException | None = None
    log: list[str] = field(default_factory=list)
    trace: bool = False
    running: list[tuple[int, int]] = field(default_factory=list)  # what was on top when each running step began

    @staticmethod
    def focused() -> QWidget:
        """The widget a key goes to: the open popup's, else the modal dialog's, else the window's."""
        def top_now() -> QWidget | None:
            return QApplication.activePopupWidget() or QApplication.activeModalWidget() or QApplication.activeWindow()

        top = top_now()
        if top is None:
            # Offscreen there is no window manager: when a dialog or popup closes, no window
            # becomes active again, and shortcuts only reach an active window. Do what the
            # window manager does on a desktop: give the keyboard back to the window.
            window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
            window.activateWindow()
        Keyboard.activating = True  # a dialog just shown gets its focus a moment later: wait, as a person does
        try:
            for _ in range(100):
                top = top_now()
                if top is not None and (top.focusWidget() is not None or isinstance(top, QMenu)):
                    break
                QTest.qWait(10)
        finally:
            Keyboard.activating = False
        assert top is not None
        return top.focusWidget() or top

    # what a step does
    def target(self) -> QWidget | QWindow:
        """The focused widget. PySide may hand back a deleted widget's wrapper for it (a new
        widget made by Qt at a freed address: seen for the file dialog's name field); then
        the open popup (a completer's list passes typed keys on to its field), else the
        dialog's window, which hands keys to its own focus widget."""
        widget = self.focused()
        if shiboken6.isValid(widget):
            return widget
        popup = QApplication.activePopupWidget()
        if popup is not None and shiboken6.isValid(popup) and popup.isVisible():
            return popup
        for window in reversed(QGuiApplication.topLevelWindows()):  # the last shown first
            if shiboken6.isValid(window) and window.isVisible() and \
                    (window.isActive() or window.modality() != Qt.WindowModality.NonModal):
                return window
        raise AssertionError("no window has the keyboard")

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE, times: int = 1) -> None:
        for _ in range(times):
            self.keys += 1
            QTest.keyClick(self.target(), key, modifiers)
            # A person's next key waits in the queue behind what this one posted (a tab
            # switch moves the focus a moment later): Space right after Ctrl+Tab opened
            # the reliability list, about one run in three.
            QApplication.processEvents()

    def type(self, text: str) -> None:
        self.characters += len(text)
        target = self.target()
        for char in text:
            if not shiboken6.isValid(target) or isinstance(target, QWindow):
                target = self.target()  # a completer's list may have popped up over a field out of reach
            if char.isascii():
                QTest.keyClick(target, char)
            else:  # QTest knows ASCII keys only; a keyboard layout sends the character as text
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, 0, NONE, char))

    # queueing
    def then(self, step: Callable[[], bool | None], note: str = "") -> Keyboard:
        self.steps.append(step)
        self.log.append(note)
        return self

    def keys_(self, *presses: tuple, note: str = "") -> Keyboard:
        """Queue key presses: each a key, or (key, modifiers), or (key, modifiers, times)."""
        def step() -> None:
            for press in presses:
                if isinstance(press, tuple):
                    self.press(*press)
                else:
                    self.press(press)
        return self.then(step, note)

    def text(self, text: str, *after: tuple, note: str = "") -> Keyboard:
        def step() -> None:
            self.type(text)
            for press in after:
                self.press(*press) if isinstance(press, tuple) else self.press(press)
        return self.then(step, note or text)

    def wait(self, condition: Callable[[], bool], note: str = "") -> Keyboard:
        """Look at the screen until ``condition`` holds (work done off the UI thread)."""
        started: list[float] = []

        def step() -> bool:
            started.append(started[0] if started else time.monotonic())
            if time.monotonic() - started[0] > 30:
                shown = [f"{type(w).__name__} {w.windowTitle()!r} {getattr(w, 'text', str)()!r}" for w in QApplication.topLevelWidgets() if w.isVisible()]
                _fail(f"still waiting after 30 s; on screen: {shown}")
            return bool(condition())
        step.waiting = True  # type: ignore[attr-defined]
        return self.then(step, note or "wait")

    def run(self) -> None:
        QTimer.singleShot(0, self._tick)

    activating = False

    def _tick(self) -> None:
        if self.done:
            return
        if Keyboard.activating or (self.running and on_top() in (self.running[-1], (0, 0))):
            # the step running has not opened a dialog or menu (it is busy), or has closed the
            # one it opened and is finishing what it opened it for: after it
            QTimer.singleShot(20, self._tick)
            return
        if not self.steps:
            self.done = True
            return
        step, note = self.steps.pop(0), self.log.pop(0)
        if getattr(step, "waiting", False):
            try:
                ready = step()
            except BaseException as error:  # noqa: BLE001 - reported by the test
                self._fail(note, error)
                return
            if not ready:  # look again shortly
                self.steps.insert(0, step)
                self.log.insert(0, note)
                QTimer.singleShot(50, self._tick)
                return
            QTimer.singleShot(0, self._tick)
            return
        # Armed before the step: a key that opens a modal dialog returns only when the
        # dialog closes, and the next keys must go on inside it meanwhile. A few
        # milliseconds later, so a menu or dialog closed by this step is gone by then.
        QTimer.singleShot(15, self._tick)
        if self.trace:
            print(f"{self.keys:4d} {note!r:60.60} -> {describe(self.focused())}")
        self.running.append(on_top())
        try:
            step()
        except BaseException as error:  # noqa: BLE001 - reported by the test
            self._fail(note, error)
        finally:
            self.running.pop()

    def _fail(self, note: str, error: BaseException) -> None:
        self.error = AssertionError(f"at step {note!r} (focus on {describe(self.focused())}): {error!r}")
        self.error.__cause__ = error  # its traceback shown too
        self.done = True
        for widget in QApplication.topLevelWidgets():  # let the nested dialogs unwind
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()


def on_top() -> tuple[int, int]:
    """The modal dialog and menu on top, as addresses (a wrapper may be stale). A completer's
    list popping up as she types is not something a step opened."""
    def address(widget: QWidget | None) -> int:
        try:
            return shiboken6.getCppPointer(widget)[0] if widget is not None else 0
        except RuntimeError:
            return id(widget)
    popup = QApplication.activePopupWidget()
    return address(QApplication.activeModalWidget()), address(popup if isinstance(popup, QMenu) else None)


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    try:
        widget.objectName()
    except RuntimeError:
        return "a deleted widget"
    parent = widget.parentWidget()
    return f"{type(widget).__name__}#{widget.objectName()} in {type(parent).__name__ if parent else '-'}" \
           f"#{parent.objectName() if parent else ''} [{widget.window().windowTitle()}]"


# -- the report -------------------------------------------------------------------------------

TAB = K.Key_Tab
ENTER = K.Key_Return


def new_case(kb: Keyboard, folder: Path) -> None:
    kb.keys_((K.Key_N, CTRL), note="Ctrl+N: new case")
    kb.text("Guerrero, agosto de 2013", TAB, note="title")
    kb.text("Ana", TAB, note="name")
    kb.text(str(folder), TAB, TAB, TAB, TAB, note="folder; past Choose, file name, the encryption box")
    kb.text(PASSPHRASE, TAB, note="passphrase")
    kb.text(PASSPHRASE, ENTER, note="repeated; Create")
    kb.wait(lambda: kb.window.case is not None, "case open")


TEXT = REPORT.read_text(encoding="utf-8")
ALT = Qt.KeyboardModifier.AltModifier


def span(passage: str) -> tuple[int, int]:
    start = TEXT.index(passage)
    return start, start + len(passage)


def alt_mnemonic(kb: Keyboard, button: Callable[[], QWidget], note: str) -> None:
    """Alt and the letter underlined in the button's label, as read on the screen."""
    def step() -> None:
        match = re.search(r"&(\w)", button().text())
        assert match, button().text()
        kb.press(getattr(K, f"Key_{match.group(1).upper()}"), ALT)
    kb.then(step, note)
    # The press clicks the button a moment later (Qt animates the click), and a person's
    # next key comes after what it opens: Enter went to the field behind, once the next key
    # got there first (the third Add Link of the report, every run on 2 December).
    kb.wait(lambda: not button().isDown(), f"{note}: clicked")


def add_link_button(kb: Keyboard) -> Callable[[], QWidget]:
    return lambda: kb.window.editor.links.add_button


def select_passage(kb: Keyboard, passage: str) -> None:
    """Ctrl+Shift+F, the passage's first words until the count beside the field says the
    place is the only one, Enter to the text with them selected, then Ctrl+Shift+Right to
    the passage's end (Shift+Left back when past it)."""
    kb.keys_((K.Key_F, CTRL | SHIFT), note="Ctrl+Shift+F: find in the text")
    _, end_offset = span(passage)

    def step() -> None:
        field = kb.focused()
        assert field.objectName() == "findInText", describe(field)
        count = field.parentWidget().findChild(QLabel, "foundInText")
        words = passage.split()
        for index, word in enumerate(words):
            kb.type(word if index == len(words) - 1 else word + " ")
            if re.findall(r"\d+", count.text())[-1:] == ["1"]:  # "1 de 1": the only place
                break
        kb.press(ENTER)
        view = kb.focused()
        assert isinstance(view, QPlainTextEdit), describe(view)
        end = view.textCursor().selectionStart() + (end_offset - span(passage)[0])
        while view.textCursor().selectionEnd() < end:
            kb.press(K.Key_Right, CTRL | SHIFT)
        while view.textCursor().selectionEnd() > end:
            kb.press(K.Key_Left, SHIFT)
        assert view.textCursor().selectedText().split() == passage.split(), view.textCursor().selectedText()
    kb.then(step, f"select {passage[:30]}")


def to_the_text(kb: Keyboard, back: bool = True) -> None:
    """Alt+Left back to the source (the selection's Ctrl+Shift+F brings its text to the front)."""
    if back:
        kb.keys_((K.Key_Left, ALT), note="Alt+Left: back to the source")


def _fail(message: str) -> None:
    raise AssertionError(message)


def source_fields(kb: Keyboard) -> None:
    kb.keys_((K.Key_4, CTRL), (K.Key_N, CTRL | SHIFT), note="Ctrl+4 Sources, Ctrl+Shift+N new")
    kb.text("Autodefensas de Guerrero retienen a 60 soldados", TAB, note="title")
    kb.text("an", TAB, note="kind: Análisis")
    kb.text("InSight Crime", TAB, TAB, note="outlet; author left empty")
    kb.text("9 de agosto de 2013", TAB, note="published")
    kb.text("https://insightcrime.org/news/brief/guerrero-vigilantes-detain-60-soldiers/", TAB, note="url")
    kb.text("en", TAB, TAB, note="language; accessed left empty")
    kb.text("b", note="reliability B")


def source_text(kb: Keyboard) -> None:
    kb.keys_((K.Key_Tab, CTRL), (K.Key_Space,), note="Ctrl+Tab: Text; Space: Edit Text")
    kb.keys_((K.Key_V, CTRL), note="Ctrl+V: the report, copied from the browser")
    kb.keys_((K.Key_Backtab, SHIFT), (K.Key_Backtab, SHIFT), (K.Key_Space,), note="Shift+Tab twice: Done")


def citations(kb: Keyboard) -> None:
    """The outlets the report relays: each cited source made from the picker."""
    for outlet in ("CNN México", "Milenio", "La Jornada"):
        alt_mnemonic(kb, add_link_button(kb), "Add Link")
        kb.keys_(ENTER, note="Cites another source")
        kb.text(outlet, ENTER, note=f"new source {outlet}")


def mention(kb: Keyboard, passage: str, kind_keys: tuple, note: str) -> None:
    """Select a name in the text and make an actor (Enter) or a place (Down, Enter) of it."""
    select_passage(kb, passage)
    kb.keys_((K.Key_M, CTRL | SHIFT), note="Ctrl+Shift+M: the mention menu")
    kb.keys_(*kind_keys, note=note)


def sources(kb: Keyboard) -> None:
    source_fields(kb)
    source_text(kb)
    kb.keys_((K.Key_Tab, CTRL), note="Ctrl+Tab: back to the details")
    citations(kb)
    to_the_text(kb, back=False)
    mention(kb, "Bruno Placido Valerio", (ENTER,), "actor Bruno")
    kb.keys_(TAB, note="Tab: category")
    kb.text("p", TAB, TAB, TAB, TAB, note="Persona; past type, protected, pseudonym")
    kb.text("Placido", TAB, note="alias")
    to_the_text(kb)
    mention(kb, "Ayutla", (K.Key_Down, ENTER), "place Ayutla")
    to_the_text(kb)
    mention(kb, "Guerrero", (K.Key_Down, ENTER), "place Guerrero")


def pick(kb: Keyboard, name: str) -> None:
    """Type a name in the picker; Enter on the record of that name, else on "Create new"
    (Down to it: the picker may list records that merely mention the words)."""
    kb.text(name, note=f"pick {name}")
    kb.wait(lambda: not QApplication.activeModalWidget()._timer.isActive(), "the picker has searched")

    def step() -> None:
        picker = QApplication.activeModalWidget()
        model = picker.model
        rows = [model.index(row).data() for row in range(model.rowCount())]
        wanted = next((row for row, text in enumerate(rows) if text.split("  ", 1)[-1].casefold() == name.casefold()),
                      len(rows) - 1)
        kb.press(K.Key_Down, times=wanted - picker.results.currentIndex().row())
        kb.press(ENTER)
    kb.then(step, f"choose {name}")


def involve(kb: Keyboard, actor: str, role: str, degree: str = "", head_count: str = "") -> None:
    alt_mnemonic(kb, add_link_button(kb), "Add Link")
    kb.keys_(ENTER, note="Actor involved")
    pick(kb, actor)
    kb.text(role, TAB, note=f"role {role}")
    if head_count:
        kb.text(degree, TAB, note=f"degree {degree or '(none)'}")
    elif degree:
        kb.text(degree, note=f"degree {degree}")
    if head_count:
        kb.text(head_count, TAB, K.Key_Space, note="head count, approximate")
    kb.keys_(ENTER, note="OK")


def claim_from(kb: Keyboard, passage: str, summary: str) -> None:
    to_the_text(kb)
    select_passage(kb, passage)
    kb.keys_((K.Key_C, CTRL | SHIFT), note="Ctrl+Shift+C: claim from the selection")
    kb.text(summary, TAB, note="what is claimed, in her words")


def incident_from(kb: Keyboard, passage: str, title: str) -> None:
    to_the_text(kb)
    select_passage(kb, passage)
    kb.keys_((K.Key_I, CTRL | SHIFT), note="Ctrl+Shift+I: incident from the selection")
    kb.text(title, ENTER, note="a short title")


PASSAGES = {  # short: each word is a key press to select
    "detention": "Clashes began on August 5, when a military patrol detained",
    "roadblocks": "set up roadblocks",
    "soldiers": "detained an estimated 60 soldiers",
    "building": "residents of Ayutla announced they would take over the municipal government building",
    "collusion": "denounce military collusion with criminal elements",
    "men in black": "strange men dressed in black",
}


def claims(kb: Keyboard) -> None:
    claim_from(kb, PASSAGES["soldiers"], "Un grupo de autodefensa retuvo a unos 60 soldados en un bloqueo.")
    claim_from(kb, PASSAGES["building"], "Autodefensas y habitantes de Ayutla anunciaron la toma del palacio municipal.")
    claim_from(kb, PASSAGES["collusion"], "El Ejército actúa en colusión con grupos criminales.")
    claim_from(kb, PASSAGES["men in black"], "Hombres vestidos de negro, paramilitares o criminales aliados del "
                                             "Ejército, fueron vistos en las comunidades.")


def incidents(kb: Keyboard, image: Path) -> None:
    incident_from(kb, PASSAGES["detention"], "Patrulla militar detiene a policías comunitarios de Ayutla")
    involve(kb, "Ejército Mexicano", "parte")
    involve(kb, "Policía comunitaria de Ayutla", "deten")
    incident_from(kb, PASSAGES["roadblocks"], "Autodefensas instalan bloqueos carreteros")
    involve(kb, "Grupos de autodefensa", "perp", "ej")
    photo(kb, image)
    incident_from(kb, PASSAGES["soldiers"], "Autodefensas retienen a unos 60 soldados")
    involve(kb, "Grupos de autodefensa", "parte")
    involve(kb, "Soldados retenidos", "deten", head_count="60")
    incident_from(kb, PASSAGES["building"], "Anuncian la toma del palacio municipal de Ayutla")
    involve(kb, "Habitantes de Ayutla", "part")
    involve(kb, "UPOEG", "part")
    incident_from(kb, PASSAGES["men in black"], "Hombres armados vestidos de negro en las comunidades")
    involve(kb, "Hombres armados vestidos de negro", "perp", "se")


def photo(kb: Keyboard, path: Path) -> None:
    """The roadblock photo, taken in from the incident it shows (open now)."""
    alt_mnemonic(kb, add_link_button(kb), "Add Link")
    kb.keys_(K.Key_Up, K.Key_Up, ENTER, note="New Evidence from File (next to last)")
    kb.text(path.name, ENTER, note="the file dialog, open on the folder of her photos: the photo's name")
    kb.text("m", ENTER, note="relation: muestra")
    kb.wait(lambda: records.count_rows(kb.window.case, "evidence") == 1, "taken in")


def dossier(kb: Keyboard) -> None:
    kb.keys_((K.Key_E, CTRL), note="Ctrl+E: export a dossier")
    kb.keys_(ENTER, note="Export")
    kb.wait(lambda: getattr(QApplication.activeModalWidget(), "result_info", None) is not None, "written")
    kb.keys_(K.Key_Escape, note="close")


def test_the_report_recorded_by_keyboard_in_spanish(qtbot, spanish, tmp_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QApplication.clipboard().setText(REPORT.read_text(encoding="utf-8"))  # copied from the browser
    QSettings().setValue(EvidenceFileDialog.SETTING, str(tmp_path))  # where her photos were taken in from before
    kb = Keyboard(window, trace=bool(os.environ.get("CASEFILE_TRACE_KEYS")))
    image = tmp_path / "bloqueo-ayutla.jpg"
    Image.new("RGB", (64, 48), (90, 120, 60)).save(image, "JPEG")
    new_case(kb, tmp_path)
    sources(kb)
    claims(kb)
    incidents(kb, image)
    dossier(kb)
    kb.run()
    qtbot.waitUntil(lambda: kb.done, timeout=120_000)
    if kb.error:
        raise kb.error
    print(f"keyboard report: {kb.keys} key presses, {kb.characters} characters typed")
    case = window.case
    assert case is not None and case.encrypted
    path = case.path
    check(case)
    pdfs = list(tmp_path.glob("*.pdf"))
    assert len(pdfs) == 1, pdfs
    text = "".join(page.extract_text() for page in PdfReader(pdfs[0]).pages)
    assert "Autodefensas retienen a unos 60 soldados" in text
    assert kb.keys < TARGET_KEYS  # the README states the count; past the target, something costs keys again
    window.close()
    with Case.open(path, passphrase=PASSPHRASE) as reopened:  # all of it stored, none of it lost
        check(reopened)


def check(case: Case) -> None:
    """What was typed is what the case holds."""
    with case.session() as session:
        def one(model, **where):
            return session.scalars(select(model).filter_by(**where)).one()
        counts = {model.__name__: len(session.scalars(select(model)).all())
                  for model in (Incident, Actor, Place, Source, Claim, Involvement, SourceCitation)}
        assert counts == {"Incident": 5, "Actor": 8, "Place": 2, "Source": 4, "Claim": 4, "Involvement": 8,
                          "SourceCitation": 3}, counts
        read = one(Source, outlet="InSight Crime")
        assert (read.source_kind, read.published, read.reliability, read.language) == ("analysis", "2013-08-09",
                                                                                      "B", "en")
        assert read.text.split() == TEXT.split()  # pasted as it was (Qt turns a no-break space into a space)
        bruno = one(Actor, name="Bruno Placido Valerio")
        assert (bruno.category, bruno.aliases) == ("person", "Placido")
        ayutla = one(Place, name="Ayutla")
        claims = {c.quote: c for c in session.scalars(select(Claim))}
        assert set(claims) == {PASSAGES[k] for k in ("soldiers", "building", "collusion", "men in black")}
        origins = {k: claims[PASSAGES[k]].origin.title for k in ("soldiers", "building", "men in black")}
        assert origins == {"soldiers": "CNN México", "building": "Milenio", "men in black": "La Jornada"}
        assert claims[PASSAGES["men in black"]].claimant_id == bruno.id  # "Placido told La Jornada..."
        assert claims[PASSAGES["collusion"]].claimant_id == bruno.id
        assert all(c.source_id == read.id and c.summary and c.summary != c.quote for c in claims.values())
        detention = one(Incident, title="Patrulla militar detiene a policías comunitarios de Ayutla")
        assert (detention.start_date, detention.start_qualifier) == ("2013-08-05", "exact")
        assert one(Incident, title="Anuncian la toma del palacio municipal de Ayutla").place_id == ayutla.id
        soldiers = one(Incident, title="Autodefensas retienen a unos 60 soldados")
        roles = {(i.actor.name, i.role, i.head_count, i.head_count_approximate) for i in soldiers.involvements}
        assert roles == {("Grupos de autodefensa", "detaining", None, False),
                         ("Soldados retenidos", "detained", 60, True)}
        assert session.scalars(select(ClaimRelay)).all() == []  # each origin is cited directly
        photo = session.scalars(select(Evidence)).one()
        assert photo.original_name == "bloqueo-ayutla.jpg"
        roadblocks = one(Incident, title="Autodefensas instalan bloqueos carreteros")
        links = {(link.incident_id, link.relation) for link in session.scalars(select(EvidenceLink))}
        assert links == {(roadblocks.id, "depicts")}, links
