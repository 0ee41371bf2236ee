"""Re-hashing the evidence stored in a case: is every file still the one taken in?

Each item's stored bytes are hashed again (streaming, one chunk in memory) and
compared with the SHA-256 recorded at intake; a custody event "verified"
records the hash observed. Evidence imported as metadata only (no bytes in
this case) is fine; bytes that went missing after an intake are a problem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, Row, func, select

from ...i18n import translate
from ...model import Blob, CustodyEvent, Evidence
from ...store import Case, chunks
from . import custody

Progress = Callable[[int, int], None]
#: what re-hashing found: (observed sha256, size, the first damaged chunk), why
#: the bytes could not be read, or None (no bytes stored)
Rehashed = tuple[str, int, int | None] | str | None
_BATCH = 500  # custody events written per transaction


@dataclass(frozen=True)
class Finding:
    code: str
    ok: bool
    observed: str  # the hash seen now ("" when the bytes are missing)
    message: str = ""


def verify_evidence(case: Case, progress: Progress | None = None, *, record: bool = True,
                    who: str | None = None) -> list[Finding]:
    """Re-hash every stored item; returns one finding per item checked."""
    findings: list[tuple[int, Finding]] = []
    with case.connection() as conn:
        items = conn.execute(select(Evidence.id, Evidence.code, Evidence.sha256, Evidence.size,
                                    Evidence.withdrawn).order_by(Evidence.id)).all()
        # Items this case took in itself; an "acquired" received with an import is the sender's.
        acquired = set(conn.scalars(select(CustodyEvent.evidence_id).where(
            CustodyEvent.action == "acquired", ~CustodyEvent.details.startswith(custody.RECEIVED_PREFIX))))
        total = conn.scalar(select(func.coalesce(func.sum(Blob.size), 0)).where(
            Blob.sha256.in_(select(Evidence.sha256)))) or 0
        seen: dict[str, Rehashed] = {}
        done = 0
        stored = [sha for sha in dict.fromkeys(item.sha256 for item in items) if chunks.blob_exists(conn, sha)]
        # The bytes are read in a thread of their own while the file before is
        # hashed (SQLite and hashlib release the GIL), in the order they are asked for.
        with chunks.BlobsAhead(case.connection, stored) as ahead:
            read = dict(zip(stored, ahead, strict=True))
            for item in items:
                if item.sha256 not in seen:
                    result = seen[item.sha256] = _rehash(conn, item.sha256, read.get(item.sha256), done, total,
                                                         progress)
                    if isinstance(result, tuple):
                        done += result[1]
                finding = _judge(item, seen[item.sha256], item.id in acquired)
                if finding is not None:
                    findings.append((item.id, finding))
    if record:
        for start in range(0, len(findings), _BATCH):
            with case.session(custody.who(case, who)) as session:
                for evidence_id, finding in findings[start:start + _BATCH]:
                    evidence = session.get(Evidence, evidence_id)
                    if evidence is None:  # deleted since it was read: nothing to record on
                        continue
                    custody.record(session, evidence, "verified", sha256=finding.observed,
                                   details="ok" if finding.ok else finding.message)
    return [f for _, f in findings]


def _rehash(conn: Connection, sha256: str, data: Iterator[bytes] | None, done: int, total: int,
            progress: Progress | None) -> Rehashed:
    """(observed hash, size, the first damaged chunk), a reason string, or None
    (no bytes). ``data``: the stored bytes, read ahead."""
    if data is None:
        return None
    report = (lambda n: progress(done + n, total)) if progress is not None else None
    try:
        return chunks.rehash(conn, sha256, report, data)
    except chunks.BlobMissing as error:
        return str(error)


def _judge(item: Row, result: Rehashed, acquired: bool) -> Finding | None:
    if result is None:
        if acquired and not item.withdrawn:
            return Finding(item.code, False, "", translate(
                "Verify", "the stored bytes are missing (taken in as sha256:{sha})").format(sha=item.sha256))
        return None  # metadata only (imported without bytes, or withdrawn): nothing to hash
    if isinstance(result, str):
        return Finding(item.code, False, "", result)
    observed, size, damaged = result
    if observed == item.sha256 and size == item.size:
        return Finding(item.code, True, observed)
    where = translate("Verify", " (first damaged chunk: {seq})").format(seq=damaged) if damaged is not None else ""
    return Finding(item.code, False, observed, translate(
        "Verify", "stored bytes do not match the hash taken at intake: expected sha256:{expected}, "
        "found sha256:{found}{where}").format(expected=item.sha256, found=observed, where=where))
