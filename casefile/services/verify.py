"""``casefile verify``: is the file sound, and is everything in it what it was?

Each check yields problems named by record code where there is one. Other
capabilities (the evidence vault) add their checks to ``CHECKS``. Each check
says what it is doing through ``progress(what, done, total)``: bytes for the
evidence re-hash, 0 of 0 where SQLite gives no measure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..i18n import translate
from ..store import Case, audit


Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Problem:
    code: str  # record code, "audit #12", or "" for the file itself
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.message}" if self.code else self.message


def _doing(progress: Progress | None, what: str) -> None:
    if progress is not None:
        progress(what, 0, 0)


def check_integrity(case: Case, progress: Progress | None = None) -> Iterator[Problem]:
    _doing(progress, translate("Verify", "checking the file's integrity"))
    with case.connection() as conn:
        for (result,) in conn.exec_driver_sql("PRAGMA integrity_check"):
            if result != "ok":
                yield Problem("", translate("Verify", "file integrity: {detail}").format(detail=result))


def check_foreign_keys(case: Case, progress: Progress | None = None) -> Iterator[Problem]:
    _doing(progress, translate("Verify", "checking the links between records"))
    with case.connection() as conn:
        for table, rowid, parent, _ in conn.exec_driver_sql("PRAGMA foreign_key_check"):
            yield Problem("", translate("Verify", "{table} row {rowid} points at a missing {parent}").format(
                table=table, rowid=rowid, parent=parent))


def check_audit_chain(case: Case, progress: Progress | None = None) -> Iterator[Problem]:
    _doing(progress, translate("Verify", "checking the history"))
    with case.connection() as conn:
        problem = audit.verify(conn)
    if problem:
        yield Problem(f"audit #{problem.seq}", translate("Verify", "history does not verify ({reason})").format(
            reason=problem.reason))


def check_evidence(case: Case, progress: Progress | None = None) -> Iterator[Problem]:
    """Re-hash every stored evidence file (imported lazily: it imports this module)."""
    from .evidence_verify import check_evidence as check

    what = translate("Verify", "re-hashing the evidence")
    _doing(progress, what)
    yield from check(case, (lambda done, total: progress(what, done, total)) if progress is not None else None)


CHECKS: list[Callable[[Case, Progress | None], Iterator[Problem]]] = [
    check_integrity, check_foreign_keys, check_audit_chain, check_evidence]


def verify(case: Case, progress: Progress | None = None) -> list[Problem]:
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(case, progress))
    return problems
