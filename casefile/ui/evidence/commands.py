"""Evidence changes as undo commands, and the intake of a batch of files.

An intake runs in a background thread (a video may take minutes to hash);
once a file is in, an :class:`IntakeEvidence` command is pushed already
applied. Undo withdraws the item (evidence is never deleted: custody refers
to it), redo reinstates it. Linking is undoable the same way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ...errors import CasefileError
from ...services import evidence, records
from ...services.evidence import PageGave, capture
from ...store import Case
from ...store.chunks import Cancelled
from ..commands import CaseCommand


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceCommands", text)


class IntakeEvidence(CaseCommand):
    """One file taken in. Pushed after the intake, so the first redo is skipped.
    A saved web page taken in for a source filled the source's empty address,
    day read and text: undone and redone with it."""

    def __init__(self, case: Case, code: str, name: str, gave: PageGave | None):
        """``gave``: what the intake gave a source (``evidence.page_gave``),
        found by the batch on its thread: a thousand files asked here, one by
        one, would hold the window for a second after the batch."""
        super().__init__(case, _tr("Take in {name}").format(name=name))
        self.code = code
        self.gave = gave
        self.mark_applied()

    def apply(self) -> None:
        evidence.reinstate(self.case, self.code)
        if self.gave is not None:
            source, _before, after = self.gave
            records.update(self.case, "source", source, **after)

    def revert(self) -> None:
        if self.gave is not None:
            source, before, _after = self.gave
            records.update(self.case, "source", source, **before)
        evidence.withdraw(self.case, self.code, _tr("intake undone"))


class LinkEvidence(CaseCommand):
    def __init__(self, case: Case, code: str, target: str, relation: str, note: str = ""):
        super().__init__(case, _tr("Link {code} to {target}").format(code=code, target=target))
        self.code, self.target, self.relation, self.note = code, target, relation, note

    def apply(self) -> None:
        evidence.link(self.case, self.code, self.target, self.relation, self.note)

    def revert(self) -> None:
        evidence.unlink(self.case, self.code, self.target, self.relation)


class UnlinkEvidence(CaseCommand):
    def __init__(self, case: Case, code: str, target: str, relation: str, note: str = ""):
        super().__init__(case, _tr("Unlink {code} from {target}").format(code=code, target=target))
        self.code, self.target, self.relation, self.note = code, target, relation, note

    def apply(self) -> None:
        evidence.unlink(self.case, self.code, self.target, self.relation)

    def revert(self) -> None:
        evidence.link(self.case, self.code, self.target, self.relation, self.note)


# -- a batch of files, for a background thread ------------------------------------------


@dataclass
class BatchResult:
    taken: list[tuple[str, str]] = field(default_factory=list)  # (code, file name)
    #: what a saved page taken in for a source gave it, by code (``evidence.page_gave``)
    gave: dict[str, PageGave] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (file name, message)
    #: taken in, but its capture proof does not hold: (code, message)
    flagged: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


def intake_batch(case: Case, paths: Sequence[str | os.PathLike], *, link: tuple[str, str] | None = None,
                 progress: Callable[[int, int, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None, large: bool | None = None) -> BatchResult:
    """Take each file in with its own transaction: a failure or a cancel
    loses at most the file being read, never one already taken in.

    With a large file among them (``large``, if the caller has looked) the
    case is lent to this thread for the batch, so each byte is written once
    (``evidence.fastest_journal``); the window keeps its progress dialog up
    meanwhile.

    Runs on a worker thread: it only calls services and reports numbers."""
    files = [Path(p) for p in paths]
    with evidence.fastest_journal(case, *files, large=large):
        return _take_in(case, files, link, progress, cancelled)


def _take_in(case: Case, files: list[Path], link: tuple[str, str] | None,
             progress: Callable[[int, int, str], None] | None, cancelled: Callable[[], bool] | None) -> BatchResult:
    sizes = [_size(p) for p in files]
    total = sum(sizes) or len(files)
    result = BatchResult()
    done_before = 0
    for number, (path, size) in enumerate(zip(files, sizes), start=1):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        name = evidence.display_name(path.name)
        label = _tr("Taking in {name} ({number} of {count})").format(name=name, number=number, count=len(files))
        if progress:
            progress(done_before, total, label)
        report = (lambda done, _total, _base=done_before, _label=label: progress(_base + done, total, _label)) \
            if progress and sum(sizes) else None
        try:
            item = evidence.intake(case, path, link=link, progress=report, cancelled=cancelled)
        except Cancelled:
            result.cancelled = True
            break
        except CasefileError as error:
            result.errors.append((name, str(error)))
        except OSError as error:  # the service names most; this is the last resort
            result.errors.append((name, error.strerror or str(error)))
        else:
            result.taken.append((item.code, name))
            gave = evidence.page_gave(case, item)
            if gave is not None:
                result.gave[item.code] = gave
            result.flagged += [(item.code, capture.summary(proof)) for proof in evidence.capture_proofs(item)
                               if proof.get("verdict") == capture.MISMATCH]
        done_before += size if sum(sizes) else 1
    if progress and not result.cancelled:
        progress(total, total, _tr("Done"))
    return result
