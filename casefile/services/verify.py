"""``casefile verify``: is the file sound, and is everything in it what it was?

Each check yields problems named by record code where there is one. Other
capabilities (the evidence vault) add their checks to ``CHECKS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..i18n import translate
from ..store import Case, audit


@dataclass(frozen=True)
class Problem:
    code: str  # record code, "audit #12", or "" for the file itself
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.message}" if self.code else self.message


def check_integrity(case: Case) -> Iterator[Problem]:
    with case.connection() as conn:
        for (result,) in conn.exec_driver_sql("PRAGMA integrity_check"):
            if result != "ok":
                yield Problem("", translate("Verify", "file integrity: {detail}").format(detail=result))


def check_foreign_keys(case: Case) -> Iterator[Problem]:
    with case.connection() as conn:
        for table, rowid, parent, _ in conn.exec_driver_sql("PRAGMA foreign_key_check"):
            yield Problem("", translate("Verify", "{table} row {rowid} points at a missing {parent}").format(
                table=table, rowid=rowid, parent=parent))


def check_audit_chain(case: Case) -> Iterator[Problem]:
    with case.connection() as conn:
        problem = audit.verify(conn)
    if problem:
        yield Problem(f"audit #{problem.seq}", translate("Verify", "history does not verify ({reason})").format(
            reason=problem.reason))


def check_evidence(case: Case) -> Iterator[Problem]:
    """Re-hash every stored evidence file (imported lazily: it imports this module)."""
    from .evidence_verify import check_evidence as check

    yield from check(case)


CHECKS: list[Callable[[Case], Iterator[Problem]]] = [
    check_integrity, check_foreign_keys, check_audit_chain, check_evidence]


def verify(case: Case, progress: Callable[[str], None] | None = None) -> list[Problem]:
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(case))
    return problems
