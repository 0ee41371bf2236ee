"""The evidence vault: what the window and the command line do with evidence.

Intake lives in ``evidence_intake``, re-hashing in ``evidence_verify``; this
module gets bytes back out (export, in-app preview, thumbnails), links
evidence to records, and withdraws it. Evidence is never deleted: custody
events refer to it, and a court may ask about a file that was set aside.
Every handling step appends a custody event and, through the ORM session, an
audit entry.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select

from ...errors import CasefileError, InvalidInput, RecordNotFound
from ...i18n import translate
from ...model import Evidence, EvidenceLink, Source, Thumbnail
from ...store import Case, chunks, outputs
from ..records import source_text
from . import capture, custody, web_page
from .intake import IntakeError, display_name, fastest_journal, intake, is_large
from .verify import verify_evidence

__all__ = ["IntakeError", "capture_proofs", "display_name", "duplicate_of", "export_original", "fastest_journal",
           "PageGave", "get", "intake", "is_large", "link", "open_bytes", "page_gave", "page_notes", "read_all", "reinstate",
           "saved_page_text", "thumbnail", "unlink", "verify_evidence", "warnings", "withdraw"]

PREVIEW_LIMIT = 64 << 20


def get(case: Case, code: str) -> Evidence:
    with case.Session() as session:
        return custody.find_evidence(session, code)


def warnings(evidence: Evidence, *, with_capture: bool = True) -> list[str]:
    """Problems noted at intake (unreadable image, decompression bomb...), and
    (``with_capture``) a capture app's proof that does not match the file."""
    extra = evidence.extra()
    found = [str(w) for w in extra.get("warnings", [])]
    if with_capture:
        found += [capture.summary(p) for p in capture.proofs(extra) if p.get("verdict") == capture.MISMATCH]
    return found


#: what a source's fields were before a saved page filled them (they are filled only when empty)
PAGE_FIELDS_EMPTY = {"url": "", "accessed": None, "text": ""}


#: (the source's id, its fields as they were, as they are)
PageGave = tuple[int, dict, dict]


def page_gave(case: Case, item: Evidence) -> PageGave | None:
    """What a saved page taken in for a source gave it: (the source's id, the
    fields as they were, as they are), for undoing and redoing the intake.
    Read from the item as the intake returned it: most files are no saved
    page, and ask the case nothing."""
    gave = item.extra().get("page", {}).get("gave")
    if not isinstance(gave, dict) or not gave.get("fields"):
        return None
    with case.Session() as session:
        source = session.scalar(select(Source).where(Source.code == gave.get("source")))
        if source is None:
            return None
        fields = [f for f in gave["fields"] if f in PAGE_FIELDS_EMPTY]
        return source.id, {f: PAGE_FIELDS_EMPTY[f] for f in fields}, {f: getattr(source, f) for f in fields}


def saved_page_text(case: Case, code: str) -> str:
    """The text of a saved web page taken in as evidence ("" if it is not one)."""
    with case.Session() as session:
        item = custody.find_evidence(session, code)
        if not web_page.is_page(item.media_type):
            return ""
        page = web_page.read(io.BufferedReader(chunks.BlobReader(session.connection(), item.sha256)),
                             item.media_type)
        return source_text.normalise(page.text) if page is not None else ""


def page_notes(evidence: Evidence) -> list[str]:
    """What a saved web page taken in for a source gave it, in words."""
    gave = evidence.extra().get("page", {}).get("gave")
    if not isinstance(gave, dict):
        return []
    names = {"url": translate("Evidence", "address"), "accessed": translate("Evidence", "day read"),
             "text": translate("Evidence", "text")}
    fields = [names[f] for f in gave.get("fields", []) if f in names]
    notes = []
    if fields:
        notes.append(translate("Evidence", "{source}: taken from the page: {fields}").format(
            source=gave.get("source", ""), fields=", ".join(fields)))
    if "text" not in gave.get("fields", []):
        notes.append(translate("Evidence", "{source} keeps the text it had (claims quote it by position); the "
                                           "page's text stays in {code}").format(source=gave.get("source", ""),
                                                                                 code=evidence.code))
    return notes


def capture_proofs(evidence: Evidence) -> list[dict]:
    """What a capture app's proof files and a C2PA manifest said, and whether they
    held, when the item was taken in."""
    return capture.proofs(evidence.extra())


def duplicate_of(evidence: Evidence) -> str | None:
    """The code of the earlier item with the same bytes, if there was one at intake."""
    return evidence.extra().get("duplicate_of")


# -- getting the bytes back -------------------------------------------------------

def export_original(case: Case, code: str, out_path: str | os.PathLike, *, who: str | None = None,
                    force: bool = False) -> Path:
    """Write the original bytes to ``out_path`` (or into it, if it is a folder).

    The bytes are hashed on the way out; on a mismatch nothing is left behind.
    ``store.outputs`` checks the path (never the case, a companion, a backup,
    a link, a device; an existing file only with ``force``) and writes
    atomically. The file and its "exported" custody event go together: if
    the event cannot be recorded, a file the export made is removed again.
    """
    out = Path(out_path)
    evidence = get(case, code)
    if out.is_dir() and not out.is_symlink():
        # Into the folder, under the original's name (never a path from the
        # record); that name is checked like any output: a file named like
        # the case, exported into the case's folder, is refused.
        name = Path(evidence.original_name.replace("\\", "/")).name
        out = out / (name if name not in ("", ".", "..") else evidence.code)
    with outputs.atomic_output(out, force=force, open_cases=(case.path,)) as output:
        with case.connection() as conn:
            try:
                for data in chunks.read_blob(conn, evidence.sha256):
                    output.write(data)
            except chunks.BlobMissing as error:
                raise CasefileError(translate("Evidence", "{code}: {reason}; not exported").format(
                    code=evidence.code, reason=error)) from None
        if output.sha256 != evidence.sha256:
            raise CasefileError(translate(
                "Evidence", "{code}: the stored bytes no longer match the hash taken at intake; not exported"
            ).format(code=evidence.code))
        if case.read_only:  # a write-blocked medium: the copy, hash checked; the caller says it went unrecorded
            output.commit()
            return output.path
        # The event is written first and committed after the file is in
        # place: no event without the file, no file without the event.
        with case.session(custody.who(case, who)) as session:
            custody.record(session, custody.find_evidence(session, code), "exported", sha256=output.sha256,
                           details=translate("Evidence", "exported to {path}").format(
                               path=display_name(output.path)))
            session.flush()
            output.commit()
    return output.path


@contextmanager
def open_bytes(case: Case, code: str) -> Iterator[chunks.BlobReader]:
    """A seekable reader over the stored bytes, for in-app previews: nothing
    is written to disk, so an encrypted case leaks no plain copy."""
    with case.connection() as conn, case.Session(bind=conn) as session:
        evidence = custody.find_evidence(session, code)
        try:
            reader = chunks.BlobReader(conn, evidence.sha256)
        except chunks.BlobMissing as error:
            raise CasefileError(f"{evidence.code}: {error}") from None
        try:
            yield reader
        finally:
            reader.close()


def read_all(case: Case, code: str, limit: int = PREVIEW_LIMIT) -> bytes:
    """The whole file in memory, for previews of files up to ``limit`` bytes."""
    with open_bytes(case, code) as reader:
        if reader.size > limit:
            raise CasefileError(translate("Evidence", "{code} is too large to preview ({size} bytes)").format(
                code=code.upper(), size=reader.size))
        return reader.read()


def thumbnail(case: Case, code: str) -> bytes | None:
    """The stored PNG thumbnail (no EXIF), or None for non-images."""
    with case.Session() as session:
        evidence = custody.find_evidence(session, code)
        return session.scalar(select(Thumbnail.png).where(Thumbnail.evidence_id == evidence.id))


# -- links ------------------------------------------------------------------------------

def link(case: Case, evidence_code: str, target_code: str, relation: str, note: str = "", *,
         who: str | None = None) -> EvidenceLink:
    custody.check_relation(relation)
    with case.session(custody.who(case, who)) as session:
        evidence = custody.find_evidence(session, evidence_code)
        target, column = custody.find_target(session, target_code)
        existing = session.scalar(select(EvidenceLink).where(
            EvidenceLink.evidence_id == evidence.id, getattr(EvidenceLink, column) == target.id,
            EvidenceLink.relation == relation))
        if existing is not None:
            raise InvalidInput(translate("Evidence", "{code} already {relation} {target}").format(
                code=evidence.code, relation=relation, target=target.code))
        row = EvidenceLink(evidence_id=evidence.id, relation=relation, note=note, **{column: target.id})
        session.add(row)
        custody.record(session, evidence, "linked", sha256=evidence.sha256, details=f"{relation} {target.code}")
    return row


def unlink(case: Case, evidence_code: str, target_code: str, relation: str | None = None, *,
           who: str | None = None) -> int:
    """Remove the link(s) to ``target_code`` (of ``relation`` if given); returns how many."""
    with case.session(custody.who(case, who)) as session:
        evidence = custody.find_evidence(session, evidence_code)
        target, column = custody.find_target(session, target_code)
        query = select(EvidenceLink).where(EvidenceLink.evidence_id == evidence.id,
                                           getattr(EvidenceLink, column) == target.id)
        if relation is not None:
            query = query.where(EvidenceLink.relation == custody.check_relation(relation))
        rows = session.scalars(query).all()
        if not rows:
            raise RecordNotFound(translate("Evidence", "{code} is not linked to {target}").format(
                code=evidence.code, target=target.code))
        for row in rows:
            session.delete(row)
            custody.record(session, evidence, "unlinked", sha256=evidence.sha256,
                           details=f"{row.relation} {target.code}")
    return len(rows)


# -- withdrawal (never deletion) ---------------------------------------------------------

def withdraw(case: Case, code: str, reason: str = "", *, who: str | None = None) -> Evidence:
    """Set an item aside (also how an intake is undone); its bytes and history stay."""
    with case.session(custody.who(case, who)) as session:
        evidence = custody.find_evidence(session, code)
        if evidence.withdrawn:
            raise InvalidInput(translate("Evidence", "{code} is already withdrawn").format(code=evidence.code))
        evidence.withdrawn = True
        custody.record(session, evidence, "withdrawn", sha256=evidence.sha256, details=reason)
    return evidence


def reinstate(case: Case, code: str, *, who: str | None = None) -> Evidence:
    with case.session(custody.who(case, who)) as session:
        evidence = custody.find_evidence(session, code)
        if not evidence.withdrawn:
            raise InvalidInput(translate("Evidence", "{code} is not withdrawn").format(code=evidence.code))
        evidence.withdrawn = False
        custody.record(session, evidence, "reinstated", sha256=evidence.sha256)
    return evidence
