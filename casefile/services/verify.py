"""``casefile verify``: is the file sound, and is everything in it what it was?

Each check yields problems named by record code where there is one. Other
capabilities (the evidence vault) add their checks to ``CHECKS``. Each check
says what it is doing through ``progress(what, done, total)``: bytes for the
evidence re-hash, 0 of 0 where SQLite gives no measure.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from ..i18n import translate
from ..model import Base
from ..store import Case, audit, state
from .evidence.verify import verify_evidence

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


def check_integrity(case: Case) -> Iterator[Problem]:
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
            reason=problem.message))


def check_record_state(case: Case, progress: Progress | None = None) -> Iterator[Problem]:
    """Every record, link, custody and vocabulary row against the state the
    history last sealed for it (``store.state``), each named."""
    _doing(progress, translate("Verify", "checking every record against its history"))
    reasons = {
        "changed": translate("Verify", "changed behind Casefile's back: it no longer matches its history"),
        "added": translate("Verify", "added behind Casefile's back: it is not in the history"),
        "deleted": translate("Verify", "deleted behind Casefile's back: the history says it exists"),
    }
    with case.connection() as conn:
        try:
            found = state.check(conn)
        except Exception:  # noqa: BLE001 - a dropped table, a row SQLite cannot decode
            yield Problem("", translate("Verify", "the records or their sealed states cannot be read"))
            return
        for seq in found.seals:
            yield Problem(f"audit #{seq}", translate(
                "Verify", "the row states this history entry seals were altered"))
        for mismatch in found.rows:
            name = mismatch.label if mismatch.what == "deleted" and mismatch.label else row_name(
                conn, mismatch.table, mismatch.key)
            yield Problem(name, reasons[mismatch.what])


def row_name(conn, table: str, key: str) -> str:
    """How a problem names a row: its code (INC-0001), or for a link the
    codes it joins ("involvement INC-0002 ACT-0003"), else table and key."""
    columns = Base.metadata.tables[table].columns
    pk = [c.name for c in columns if c.primary_key]
    try:
        values = json.loads(key)
    except ValueError:
        values = []
    where = " AND ".join(f'"{name}" IS ?' for name in pk)
    row = conn.exec_driver_sql(f'SELECT * FROM "{table}" WHERE {where}', tuple(values)).mappings().first() \
        if len(values) == len(pk) else None
    if row is not None and "code" in columns and row["code"]:
        return str(row["code"])
    known = dict(row) if row is not None else dict(zip(pk, values, strict=False))
    parts = [table]
    for column in columns:
        target = next((fk.column.table for fk in column.foreign_keys), None)
        if target is not None and "code" in target.columns and known.get(column.name) is not None:
            code = conn.exec_driver_sql(f'SELECT code FROM "{target.name}" WHERE id = ?',
                                        (known[column.name],)).scalar()
            parts.append(str(code or f"{target.name} #{known[column.name]}"))
    if len(parts) == 1 or table == "custody_event":
        parts.append(" ".join(str(v) for v in values) if values else key)
    elif row is None:  # a deleted link: its key beyond the records it joined (a tag's text)
        parts += [str(v) for name, v in zip(pk, values, strict=False) if not columns[name].foreign_keys]
    return " ".join(parts)


def check_evidence(case: Case, progress: Progress | None = None) -> Iterator[Problem]:
    """Re-hash every stored evidence file. Each result goes into the item's custody, unless the history
    does not hold: nothing is written on top of it, verify only reports."""
    what = translate("Verify", "re-hashing the evidence")
    _doing(progress, what)
    with case.connection() as conn:
        record = audit.verify(conn) is None
    record = record and not case.read_only  # a case that cannot be changed here: report only
    report = (lambda done, total: progress(what, done, total)) if progress is not None else None
    for finding in verify_evidence(case, report, record=record):
        if not finding.ok:
            yield Problem(finding.code, finding.message)


#: The checks after the file's integrity, in order; their problems follow its.
CHECKS: list[Callable[[Case, Progress | None], Iterator[Problem]]] = [
    check_foreign_keys, check_audit_chain, check_record_state, check_evidence]


def verify(case: Case, progress: Progress | None = None) -> list[Problem]:
    """Every check's problems, the file's integrity first. SQLite's integrity
    check reads every page of the file, and the evidence re-hash reads every
    stored byte again: they run side by side, on connections of their own,
    as SQLite and hashlib release the GIL (2 GiB: 1.0 -> 1.3 GiB/s)."""
    _doing(progress, translate("Verify", "checking the file's integrity"))
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="verify-integrity") as pool:
        integrity = pool.submit(lambda: list(check_integrity(case)))
        later = [problem for check in CHECKS for problem in check(case, progress)]
        return integrity.result() + later
