"""The case's history as a reader sees it: audit entries, newest first,
optionally for one record, whether the hash chain verifies, and an evidence
item's chain of custody."""

from __future__ import annotations

from sqlalchemy import func, select

from ..model import AuditEntry, CustodyEvent, Evidence
from ..store import Case, audit, state
from ..store.audit import ChainProblem


def _filtered(query, code: str):
    # Seals (store.state) are the history's bookkeeping of row states, not changes a reader made.
    query = query.where(AuditEntry.action != state.SEAL)
    code = (code or "").strip()
    if code:
        # A code or its start ("INC-00"): case-insensitive prefix, LIKE wildcards taken literally.
        escaped = code.upper().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(func.upper(AuditEntry.record_code).like(escaped + "%", escape="\\"))
    return query


def count(case: Case, code: str = "") -> int:
    with case.connection() as conn:
        return conn.scalar(_filtered(select(func.count()).select_from(AuditEntry), code))


def entries(case: Case, offset: int, limit: int, code: str = "") -> list:
    """Rows (seq, at, who, action, record_kind, record_code, changes, hash), newest first."""
    query = _filtered(select(AuditEntry.seq, AuditEntry.at, AuditEntry.who, AuditEntry.action,
                             AuditEntry.record_kind, AuditEntry.record_code, AuditEntry.changes,
                             AuditEntry.hash), code)
    with case.connection() as conn:
        return list(conn.execute(query.order_by(AuditEntry.seq.desc()).offset(offset).limit(limit)))


def verify_chain(case: Case) -> tuple[ChainProblem | None, int, str]:
    """(first problem or None, entries, head hash)."""
    with case.connection() as conn:
        problem = audit.verify(conn)
        seq, head = audit.head(conn)
    return problem, seq, head


def custody_of(case: Case, code: str) -> list:
    """Rows (at, who, action, sha256_observed, details) of one evidence item, oldest first."""
    query = (select(CustodyEvent.at, CustodyEvent.who, CustodyEvent.action, CustodyEvent.sha256_observed,
                    CustodyEvent.details)
             .join(Evidence, Evidence.id == CustodyEvent.evidence_id)
             .where(Evidence.code == code.strip().upper()).order_by(CustodyEvent.id))
    with case.connection() as conn:
        return list(conn.execute(query))
