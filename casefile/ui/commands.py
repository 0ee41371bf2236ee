"""Undo commands: the one path for every change the window makes.

A command calls a service; the service commits through the store, which
notifies the window; the views refresh. Edit, undo and redo therefore look the
same to every view (orange-canvas-core's ``document/commands.py`` pattern).

A command is applied once *before* it is pushed (``MainWindow.execute``, the
one place that pushes), so a refused change (InvalidInput) never reaches the
undo stack; ``redo`` skips that first call. Undoing a creation deletes with a
snapshot, and redoing restores that snapshot, so a record keeps its id, uuid
and code across undo and redo.

An undo or redo that fails (the record was deleted or changed meanwhile) marks
the command obsolete, so QUndoStack drops it instead of moving its index past
it, and tells ``on_failure`` (the :class:`CaseUndoStack`), which then drops
what was done after it and says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..errors import CasefileError, RecordNotFound
from ..i18n import translate
from ..model import BY_KIND
from ..services import records
from ..services.records import Snapshot
from ..services.records.fields import field as _field
from ..store import Case


def _tr(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


class CaseCommand(QUndoCommand):
    def __init__(self, case: Case, text: str):
        super().__init__(text)
        self.case = case
        self._pushed_applied = False
        #: told when an undo or redo fails: (command, error, undoing); set when it is pushed
        self.on_failure: Callable[[CaseCommand, CasefileError, bool], None] | None = None
        self._pinned: str | None = None  # which row the command changed (``_pin``)

    # subclasses implement these two
    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    @property
    def changes_something(self) -> bool:
        return True

    def mark_applied(self) -> None:
        self._pushed_applied = True

    def _pin(self, table: str, ident) -> None:
        """Remember which row ``ident`` is now (``records.fingerprint``)."""
        self._pinned = records.fingerprint(self.case, table, ident)

    def _check(self, table: str, ident) -> None:
        """Refuse to undo or redo on a row that is no longer the one pinned:
        deleted meanwhile, its key perhaps given to a row added since."""
        if records.fingerprint(self.case, table, ident) != self._pinned:
            raise RecordNotFound(translate("Records", "that record no longer exists") if table in BY_KIND
                                 else translate("Records", "that link no longer exists"))

    def redo(self) -> None:
        if self._pushed_applied:
            self._pushed_applied = False
            return
        self._guard(self.apply, undoing=False)

    def undo(self) -> None:
        self._guard(self.revert, undoing=True)

    def _guard(self, step: Callable[[], None], *, undoing: bool) -> None:
        try:
            step()
        except CasefileError as error:  # e.g. the record was deleted or changed meanwhile
            if self.on_failure is None:
                raise
            self.setObsolete(True)  # QUndoStack removes it and keeps its index where it was
            self.on_failure(self, error, undoing)


class CaseUndoStack(QUndoStack):
    """The window's undo stack. Commands arrive already applied (``push_applied``);
    one whose undo or redo fails is dropped with every change after it (they rested
    on it), earlier history stays, and ``dropped`` says what happened in words."""

    dropped = Signal(str)

    def push_applied(self, command: CaseCommand) -> None:
        command.mark_applied()
        command.on_failure = self._failed
        self.push(command)

    def _failed(self, command: CaseCommand, error: CasefileError, undoing: bool) -> None:
        message = (_tr("“{change}” could not be undone: {error}") if undoing
                   else _tr("“{change}” could not be redone: {error}")).format(change=command.text(), error=error)
        QTimer.singleShot(0, self, lambda: self._drop_redo_side(message))  # the stack is busy until then

    def _drop_redo_side(self, message: str) -> None:
        if self.canRedo():
            cut = QUndoCommand()  # pushing an obsolete command drops the redo side and itself
            cut.setObsolete(True)
            self.push(cut)
            self.canRedoChanged.emit(False)  # Qt says nothing when only the redo side goes
            self.redoTextChanged.emit("")
        self.dropped.emit(message)


class CreateRecord(CaseCommand):
    def __init__(self, case: Case, kind: str, values: dict, text: str | None = None):
        super().__init__(case, text or _tr("Create {kind}").format(kind=_kind_name(kind)))
        self.kind, self.values = kind, dict(values)
        self.record_id: int | None = None
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        if self._snapshot is None:
            self.record_id = records.create(self.case, self.kind, **self.values)
            self._pin(self.kind, self.record_id)
        else:
            records.restore(self.case, self._snapshot)

    def revert(self) -> None:
        assert self.record_id is not None  # undone after it was done
        self._check(self.kind, self.record_id)
        self._snapshot = records.delete(self.case, self.kind, self.record_id)


class UpdateRecord(CaseCommand):
    def __init__(self, case: Case, kind: str, record_id: int, values: dict, text: str | None = None):
        super().__init__(case, text or _tr("Edit {fields}").format(
            fields=", ".join(_field_label(kind, name) for name in values)))
        self.kind, self.record_id, self.new = kind, record_id, dict(values)
        self.old: dict | None = None

    def apply(self) -> None:
        if self.old is not None:  # a redo
            self._check(self.kind, self.record_id)
        old = records.update(self.case, self.kind, self.record_id, **self.new)
        if self.old is None:
            self.old = old
            # keep only what really changed, in its stored form
            stored = records.get(self.case, self.kind, self.record_id)
            self.new = {k: stored[k] for k in old}
            self._pinned = stored["uuid"]  # records.fingerprint's, without asking again

    def revert(self) -> None:
        assert self.old is not None  # undone after it was done
        self._check(self.kind, self.record_id)
        records.update(self.case, self.kind, self.record_id, **self.old)

    @property
    def changes_something(self) -> bool:
        return bool(self.old)


class DeleteRecord(CaseCommand):
    def __init__(self, case: Case, kind: str, record_id: int, label: str):
        super().__init__(case, _tr("Delete {label}").format(label=label))
        self.kind, self.record_id = kind, record_id
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        if self._snapshot is None:
            self._pin(self.kind, self.record_id)
        else:  # a redo
            self._check(self.kind, self.record_id)
        self._snapshot = records.delete(self.case, self.kind, self.record_id)

    def revert(self) -> None:
        assert self._snapshot is not None  # undone after it was done
        records.restore(self.case, self._snapshot)


class CreateLink(CaseCommand):
    def __init__(self, case: Case, link_kind: str, values: dict, text: str | None = None):
        super().__init__(case, text or _tr("Add link"))
        self.link_kind, self.values = link_kind, dict(values)
        self.link_id: int | tuple | None = None
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        if self._snapshot is None:
            self.link_id = records.create_link(self.case, self.link_kind, **self.values)
            self._pin(self.link_kind, self.link_id)
        else:
            records.restore(self.case, self._snapshot)

    def revert(self) -> None:
        self._check(self.link_kind, self.link_id)
        self._snapshot = records.delete_link(self.case, self.link_kind, self.link_id)


class DeleteLink(CaseCommand):
    def __init__(self, case: Case, link_kind: str, link_id, text: str | None = None):
        super().__init__(case, text or _tr("Remove link"))
        self.link_kind, self.link_id = link_kind, link_id
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        if self._snapshot is None:
            self._pin(self.link_kind, self.link_id)
        else:  # a redo
            self._check(self.link_kind, self.link_id)
        self._snapshot = records.delete_link(self.case, self.link_kind, self.link_id)

    def revert(self) -> None:
        assert self._snapshot is not None  # undone after it was done
        records.restore(self.case, self._snapshot)


class WithdrawEvidence(CaseCommand):
    """Evidence is never deleted: it is withdrawn (custody notes it), and undo reinstates it."""

    def __init__(self, case: Case, code: str, reason: str = ""):
        super().__init__(case, _tr("Withdraw {code}").format(code=code))
        self.code, self.reason = code, reason

    def apply(self) -> None:
        from ..services import evidence

        evidence.withdraw(self.case, self.code, self.reason)

    def revert(self) -> None:
        from ..services import evidence

        evidence.reinstate(self.case, self.code)


class Sequence(CaseCommand):
    """Several steps as one undoable change ("create actor, then link it").
    A step may be a command or a callable returning one, built when the steps
    before it have run (so it can use the id they created)."""

    def __init__(self, case: Case, text: str, steps: list):
        super().__init__(case, text)
        self._steps = list(steps)
        self._built: list[CaseCommand] = []

    @classmethod
    def done(cls, case: Case, text: str, commands: list[CaseCommand]) -> Sequence:
        """Changes already made elsewhere (a batch taken in by a worker), as one step."""
        sequence = cls(case, text, [])
        sequence._built = list(commands)
        sequence.mark_applied()
        return sequence

    def apply(self) -> None:
        if self._built:  # redo: all of it or none of it
            _all_or_none(self._built, lambda c: c.apply(), lambda c: c.revert())
            return
        try:
            for step in self._steps:
                command = step() if callable(step) and not isinstance(step, CaseCommand) else step
                command.apply()
                self._built.append(command)
        except BaseException:
            for command in reversed(self._built):
                command.revert()
            self._built.clear()
            raise

    def revert(self) -> None:
        _all_or_none(list(reversed(self._built)), lambda c: c.revert(), lambda c: c.apply())

    @property
    def last(self) -> CaseCommand | None:
        return self._built[-1] if self._built else None

    @property
    def first(self) -> CaseCommand | None:
        return self._built[0] if self._built else None


def _all_or_none(commands: list[CaseCommand], step: Callable[[CaseCommand], None],
                 back: Callable[[CaseCommand], None]) -> None:
    """Run ``step`` on each command; if one fails, run ``back`` on those done, so a
    failed undo or redo of a sequence leaves the case as it was."""
    done: list[CaseCommand] = []
    try:
        for command in commands:
            step(command)
            done.append(command)
    except BaseException:
        for command in reversed(done):
            back(command)
        raise


def _kind_name(kind: str) -> str:
    names = {"incident": _tr("incident"), "actor": _tr("actor"), "place": _tr("place"),
             "source": _tr("source"), "claim": _tr("claim"), "evidence": _tr("evidence")}
    return names.get(kind, kind)


def _field_label(kind: str, name: str) -> str:
    try:
        return _field(kind, name).label.lower()
    except CasefileError:
        return name
