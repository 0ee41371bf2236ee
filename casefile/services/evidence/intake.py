"""Taking a file in as evidence: hashed while it is read, stored inside the
case, described from its stored bytes, with a custody event, in one
transaction per file (a failure leaves nothing behind).

The file on disk is opened once and read once, from start to end; the SHA-256
is computed from exactly the bytes that are stored. If the file changes,
grows, shrinks, is replaced or vanishes meanwhile, the intake is refused:
a court must be able to rely on the hash being that of one fixed file.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import exc as sa_exc

from ...errors import CasefileError
from ...files import NotRegularFile, open_regular
from ...formatting import human_size
from ...i18n import translate
from ...model import Evidence, EvidenceLink, Source, Thumbnail, utcnow
from ...store import Case, chunks, tracking
from ...store.connection import WAL_KEEP
from ...store.writeback import Writeback
from ..records import source_text
from . import capture, custody, media

Progress = Callable[[int, int], None]
ROOM_MARGIN = 64 << 20  # the record, its thumbnail, history and search index, and slack
# From this size a file goes in faster through a sole writer's rollback
# journal (each byte written once) than through the WAL (written twice);
# below it the WAL's cheaper commit wins: a 300 KB photo takes 7 ms through
# the WAL and 9 ms through the journal, a 32 MiB file 130-150 ms and 83 ms.
SOLE_FROM = 16 << 20


class IntakeError(CasefileError):
    """A file could not be taken in; the message names it."""


def display_name(path: str | os.PathLike) -> str:
    """A file name safe to show on one line: no control characters, no lone surrogates."""
    text = os.fspath(path)
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join(c if c.isprintable() or c == " " else f"\\x{ord(c):02x}" for c in text)


def _original_name(path: Path) -> str:
    # Undecodable bytes become U+FFFD: the database stores valid UTF-8 only.
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def intake(case: Case, path: str | os.PathLike, *, link: tuple[str, str] | None = None, note: str = "",
           obtained_how: str = "", origin: str = "", derived_from: str | None = None, who: str | None = None,
           progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Evidence:
    """Take one file in. Returns the new Evidence record (committed).

    ``link`` is (target code, relation); ``derived_from`` the code of the
    original this file is a working copy of. ``progress(done, total)`` is
    called per chunk; ``cancelled()`` returning true stops and rolls back.
    """
    path = Path(path)
    name = display_name(path)
    who = custody.who(case, who)
    if link is not None:
        custody.check_relation(link[1])
    file, before = _open(path, name, case)
    # The write-back's thread starts first, while the cores are idle (started
    # beside the reader, it waited up to 3 ms for one); then reading starts,
    # while the transaction begins: at 16 MiB the first chunk was otherwise
    # waited for (0.6-0.7 ms of the intake's 30).
    with (file, _writeback(case, before.st_size) as writeback,
          chunks.reading(file, limit=before.st_size) as source):
        try:
            with case.session(who) as session:
                target = custody.find_target(session, link[0]) if link else None
                parent = custody.find_evidence(session, derived_from) if derived_from else None
                intake_at = utcnow()
                conn = session.connection()
                written, modified = _store_file(conn, path, name, file, before, source, writeback, progress,
                                                cancelled)
                sha256, size = written.sha256, written.size

                def stored() -> BinaryIO:  # parsers read in small steps, the head from memory
                    return io.BufferedReader(chunks.BlobReader(conn, sha256, written))

                facts = media.examine(stored())
                extra = dict(facts.extra)
                if facts.warnings:
                    extra["warnings"] = facts.warnings
                # Plain SQL, as the chunks are stored: one indexed lookup, where the
                # ORM's first query in a process spends a millisecond compiling.
                same = conn.exec_driver_sql("SELECT code FROM evidence WHERE sha256 = ? ORDER BY id",
                                            (sha256,)).scalars().all()
                if same:
                    extra["duplicate_of"] = same[0]
                proofs = _capture_proofs(conn, path, sha256, facts.media_type, stored)
                extra.update(proofs)
                origin = origin.strip() or str(extra.get("page", {}).get("url", ""))  # a saved page's address
                evidence = Evidence(
                    title=_original_name(path), sha256=sha256, size=size, original_name=_original_name(path),
                    file_modified=modified, intake_at=intake_at, intake_by=who, obtained_how=obtained_how.strip(),
                    origin=origin, note=note, derived_from_id=parent.id if parent else None,
                    extra_metadata=json.dumps(extra, ensure_ascii=False, sort_keys=True), **facts.columns())
                # Each row written at once, as plain SQL (``insert_now``): in a
                # ``casefile add-evidence`` process the ORM compiled each kind first.
                add = functools.partial(tracking.insert_now, session)
                add(evidence)  # its code and id
                if facts.thumbnail is not None:
                    add(Thumbnail(evidence_id=evidence.id, png=facts.thumbnail))
                add(custody.new_event(session, evidence, "acquired", sha256=sha256,
                                      details=translate("Evidence", "taken in from {name}").format(name=name)))
                for proof in capture.proofs(proofs):
                    add(custody.new_event(session, evidence, "verified", sha256=sha256,
                                          details=capture.summary(proof)))
                if target is not None and link is not None:  # a target is found only for a link
                    target_obj, column = target
                    add(EvidenceLink(evidence_id=evidence.id, relation=link[1], **{column: target_obj.id}))
                    add(custody.new_event(session, evidence, "linked", sha256=sha256,
                                          details=f"{link[1]} {target_obj.code}"))
                    if isinstance(target_obj, Source) and "page" in extra:
                        _fill_source(target_obj, evidence, extra, facts.page_text or "")
        except sa_exc.IntegrityError as error:
            # The case refuses the row: a code counter moved back behind the codes
            # in use (the file was changed outside Casefile), or a constraint of a
            # damaged case. The transaction rolled back: nothing was kept.
            reason = str(getattr(error, "orig", error)).splitlines()[0] if str(error) else type(error).__name__
            if "evidence.code" in reason:
                reason = translate("Evidence", "the next evidence code is already taken: the case's code counter "
                                               "was changed outside Casefile")
            raise IntakeError(translate("Evidence", "{name}: the case refused the new item ({reason}); nothing was kept")
                              .format(name=name, reason=reason)) from None
        except sa_exc.OperationalError as error:
            reason = str(getattr(error, "orig", error)) or type(error).__name__
            raise IntakeError(translate("Evidence", "{name}: cannot store it in the case ({reason}); nothing was kept")
                              .format(name=name, reason=reason)) from None
    if evidence.size > WAL_KEEP:
        # Committed: the space is freed now if it can be, else at the next checkpoint.
        with contextlib.suppress(sa_exc.OperationalError):
            case.release_wal()
    return evidence


def _fill_source(source: Source, item: Evidence, extra: dict, page_text: str) -> None:
    """A saved page taken in for a source gives it what it lacks: its address, the
    day it was read, and its text (a text of its own is kept: claims quote it by
    position). The page was read once, when the stored bytes were examined."""
    page = extra["page"]
    filled: list[str] = []
    if not source.url and page.get("url"):
        source.url, filled = page["url"], [*filled, "url"]
    if not source.accessed and page.get("saved_at"):
        source.accessed, filled = page["saved_at"][:10], [*filled, "accessed"]
    text = source_text.normalise(page_text)
    if not source.text and text:
        source.text, filled = text, [*filled, "text"]
    extra["page"]["gave"] = {"source": source.code, "fields": filled}
    item.extra_metadata = json.dumps(extra, ensure_ascii=False, sort_keys=True)


def _capture_proofs(conn, path: Path, sha256: str, media_type: str,
                    stored: Callable[[], BinaryIO]) -> dict[str, dict | list[dict]]:
    """A capture app's proof files beside the file, those of the captures in a zip
    of them, and a C2PA manifest inside it, each checked over the bytes just
    stored (``capture``): by their key in ``extra_metadata``."""
    found: dict[str, dict | list[dict]] = {}
    beside = capture.find(path, sha256)
    if beside is not None:
        found["capture"] = capture.check(beside, sha256, chunks.read_blob(conn, sha256))
    manifest = capture.c2pa_check(stored(), media_type)
    if manifest is not None:
        found["c2pa"] = manifest
    if media_type.split(";")[0] == "application/zip":
        archived = capture.check_archive(stored())
        if archived:
            found["capture_archive"] = archived
    return found


def fastest_journal(case: Case, *paths: str | os.PathLike, large: bool | None = None
                    ) -> contextlib.AbstractContextManager:
    """Take these files (or a bundle's files) in through ``Case.sole_writer`` if
    one of them is large, else through the WAL. The case is then this thread's
    alone until they are in (``add-evidence``, ``merge``, the window's intake).
    ``large``: already decided by the caller, as the window does before it
    stores what is being typed and puts up its dialog, so the two agree.
    The sizes are only a hint; the intake checks each file itself."""
    if large is None:
        large = any(is_large(path) for path in paths)
    return case.sole_writer() if large else contextlib.nullcontext()


def is_large(path: str | os.PathLike) -> bool:
    """Whether a file goes in faster written once, through a sole writer."""
    try:
        return os.stat(path).st_size >= SOLE_FROM
    except (OSError, ValueError):
        return False


def _open(path: Path, name: str, case: Case) -> tuple[BinaryIO, os.stat_result]:
    """The file, opened for reading, and its state then; IntakeError if it is
    missing, unreadable or not a regular file (``files.open_regular``: a FIFO
    put in its place must not hang us), or if the case's disk has no room for
    it (``_check_room``)."""
    try:
        file, before = open_regular(path)
    except FileNotFoundError:
        raise IntakeError(translate("Evidence", "{name}: no such file").format(name=name)) from None
    except IsADirectoryError:
        raise IntakeError(translate("Evidence", "{name} is a folder, not a file").format(name=name)) from None
    except NotRegularFile:
        raise IntakeError(translate("Evidence", "{name} is not a regular file").format(name=name)) from None
    except PermissionError:
        raise IntakeError(translate("Evidence", "{name}: permission denied").format(name=name)) from None
    except OSError as error:
        raise IntakeError(translate("Evidence", "{name}: cannot open it ({reason})").format(
            name=name, reason=error.strerror or error)) from None
    try:
        # Through the WAL the bytes sit in the WAL and then in the case.
        _check_room(case.path.parent, 1 if case.sole else 2, name, before.st_size)
    except BaseException:
        file.close()
        raise
    return file, before


def _writeback(case: Case, size: int) -> Writeback:
    """The early write-back of what the intake writes: into the case itself
    through a sole writer, else into its WAL."""
    if case.sole:
        return Writeback(case.path, size, reread=False)
    return Writeback(case.path.with_name(case.path.name + "-wal"), size, reread=True)


def _store_file(conn, path: Path, name: str, file: BinaryIO, before: os.stat_result, source: chunks.Reading,
                writeback: Writeback, progress: Progress | None,
                cancelled: Callable[[], bool] | None) -> tuple[chunks.Written, datetime]:
    """Store the chunks ``source`` reads from ``file`` (opened by ``_open``,
    ``before`` its state then), and check the file held still and the bytes
    reached the disk's queue (``writeback``, entered)."""
    total = before.st_size

    def report(done: int) -> None:
        writeback.wrote(done)
        if progress is not None:
            progress(done, total)

    try:
        # Read no further than the size seen at opening (``reading``'s
        # limit): a file still being written (a recording in progress)
        # must not keep us reading forever.
        written = chunks.store(conn, source, progress=report, cancelled=cancelled)
        grew = bool(file.read(1))
    except chunks.Cancelled:
        raise chunks.Cancelled(translate("Evidence", "{name}: cancelled; nothing was kept").format(
            name=name)) from None
    except OSError as error:
        raise IntakeError(translate("Evidence", "{name}: read error ({reason}); nothing was kept").format(
            name=name, reason=error.strerror or error)) from None
    after = os.fstat(file.fileno())
    writeback.finish()
    if writeback.error is not None:
        raise IntakeError(translate("Evidence", "{name}: cannot store it in the case ({reason}); nothing was kept")
                          .format(name=name, reason=writeback.error.strerror or writeback.error))
    try:
        now = os.stat(path)
    except OSError:
        raise IntakeError(translate(
            "Evidence", "{name} vanished while it was being read; nothing was kept").format(name=name)) from None
    unchanged = (not grew and written.size == total == after.st_size == now.st_size
                 and before.st_mtime_ns == after.st_mtime_ns == now.st_mtime_ns
                 and (now.st_dev, now.st_ino) == (before.st_dev, before.st_ino))
    if not unchanged:
        raise IntakeError(translate(
            "Evidence", "{name} changed while it was being read; nothing was kept (try again when it is complete)"
        ).format(name=name))
    return written, datetime.fromtimestamp(before.st_mtime_ns / 1e9, UTC)


def _check_room(case_folder: Path, copies: int, name: str, size: int) -> None:
    """Refuse before reading a byte if the disk cannot hold ``copies`` of the
    file: through the WAL its bytes sit in the WAL and then in the case (until
    the WAL is emptied), through a sole writer's journal only in the case.
    Otherwise a 20 GB video fails with "disk full" only after minutes of
    reading."""
    needed = copies * size + ROOM_MARGIN
    free = shutil.disk_usage(case_folder).free
    if needed > free:
        raise IntakeError(translate(
            "Evidence", "{name} needs up to {needed} free beside the case while it is taken in; "
                        "{free} are free. Nothing was kept.").format(
            name=name, needed=human_size(needed), free=human_size(free)))
