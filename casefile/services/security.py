"""Passphrases and encryption, as a user asks for them.

- ``change_passphrase``: re-encrypt an encrypted case (and its rotating
  backups) under a new passphrase; a plain case is refused.
- ``encrypt_copy``: write an encrypted copy of a plain case to a new file.
  The reverse (decrypting a case into a plain file) is deliberately not offered.
- ``check_head``: does a head hash written down elsewhere (a dossier cover)
  still stand at the start of this case's history?
- ``passphrase_strength``: a hint for the new-case and change dialogs.
- ``read_passphrase``: the passphrase a command (or the window started from
  one) was given: ``--passphrase-file``, else ``$CASEFILE_PASSPHRASE``, else a prompt.
"""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import CasefileError
from ..i18n import translate
from ..store import Case, audit, outputs, state
from ..store.backup import backups_of
from ..store.connection import CaseKey, connect, export_encrypted, is_plain_sqlite, rekey

MIN_LENGTH = 8
# Longer is no passphrase: read no further (/dev/zero would never end).
MAX_FILE = 64 << 10


def passphrase_from_file(file: str) -> str:
    """The passphrase in file F, without its final newline; one clear line if
    unusable. F may be a pipe (``--passphrase-file <(pass show case)``)."""
    try:
        with open(file, "rb") as f:
            data = f.read(MAX_FILE + 1)
        if len(data) > MAX_FILE:
            raise CasefileError(translate("Cli", "passphrase file {file} is too large to hold a passphrase").format(
                file=file))
        text = data.decode("utf-8").rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as e:
        raise CasefileError(translate("Cli", "cannot read passphrase file {file}: {why}").format(
            file=file, why=getattr(e, "strerror", None) or str(e))) from None
    if not text:
        raise CasefileError(translate("Cli", "passphrase file {file} is empty").format(file=file))
    return text


def read_passphrase(args, *, prompt: bool = True) -> str | None:
    """--passphrase-file, else CASEFILE_PASSPHRASE, else ask on a terminal."""
    file = getattr(args, "passphrase_file", None)
    if file:
        return passphrase_from_file(file)
    env = os.environ.get("CASEFILE_PASSPHRASE")
    if env:
        return env
    if prompt and sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(translate("Cli", "Passphrase: "))
    return None


def _check_new(passphrase: str) -> None:
    if not passphrase:
        raise CasefileError(translate("Security", "The new passphrase is empty."))
    if "\x00" in passphrase:
        raise CasefileError(translate("Security", "The new passphrase contains a NUL character."))


def change_passphrase(case: Case, new: str, *, who: str | None = None) -> int:
    """Re-encrypt ``case`` under ``new``. Its rotating backups are re-keyed as
    well, so the old passphrase opens nothing that is left; returns how many
    backups were re-keyed. Backups that do not open with the old passphrase
    (made under an even older one) are left as they are."""
    _check_new(passphrase=new)
    if not case.encrypted:
        raise CasefileError(translate(
            "Security", "{name} is not encrypted: use 'casefile encrypt' to make an encrypted copy."
        ).format(name=case.path.name))
    old = case.change_passphrase(new)
    with case.connection() as conn:
        audit.append(conn, "change-passphrase", who=case.documenter if who is None else who, kind="case")
    new_key = case._key  # noqa: SLF001 - byte-copy backups share the case's salt: no new derivation
    assert new_key is not None  # the case is encrypted
    done = 0
    for path in backups_of(case.path):
        try:
            conn = connect(path, old)
        except CasefileError:
            continue
        try:
            rekey(conn, path, new_key)
            done += 1
        finally:
            conn.close()
    old.forget()
    return done


def encrypt_copy(case_or_path: Case | str | os.PathLike, out_path: str | os.PathLike, passphrase: str,
                 *, who: str = "") -> Path:
    """Write an encrypted copy of a plain case to ``out_path`` (which must not
    exist) and record the copy in the new file's history. The plain case is
    left as it is: deleting it safely is the user's decision."""
    _check_new(passphrase)
    source_path = case_or_path.path if isinstance(case_or_path, Case) else Path(case_or_path)
    # Never an existing name (not even with force), nor a link, a folder or a
    # device; checked again when the copy is put in place.
    outputs.check_output(out_path, force=None, open_cases=(source_path,))
    out = Path(out_path)
    if isinstance(case_or_path, Case):
        case = case_or_path
        if case.encrypted:
            raise CasefileError(translate("Security", "{name} is already encrypted.").format(name=case.path.name))
        with case.connection() as conn:  # the copy reads the main file: bring the WAL home first
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        # The export reads through SQLCipher's own SQLite; closing the pool's
        # connections first keeps two SQLite libraries off the file at once
        # (their POSIX locks do not know about each other). The pool reopens.
        case.engine.dispose()
        source, who = case.path, who or case.documenter
        _export(source, out, passphrase, who)
    else:
        source = Path(case_or_path)
        if source.is_file() and source.stat().st_size and not is_plain_sqlite(source):
            raise CasefileError(translate("Security", "{name} is already encrypted.").format(name=source.name))
        with Case.open(source) as case:  # all the open-time checks, and the lock while we copy
            with case.connection() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            case.engine.dispose()
            _export(source, out, passphrase, who or case.documenter)
            case.close(backup=False)
    return out


def _export(source: Path, out: Path, passphrase: str, who: str) -> None:
    # Written under a hidden temporary name (store.outputs) and put in place
    # when complete, so a crash never leaves a half copy under the name the
    # user asked for; on any error the temporary and its companions go.
    key = CaseKey(passphrase)  # derived once for the export and the check after it
    with outputs.atomic_output(out, force=None, open_cases=(source,), named=True) as output:
        export_encrypted(source, output.temp_path, key)
        with Case.open(output.temp_path, passphrase=key) as copy:
            with copy.connection() as conn:
                audit.append(conn, "encrypt-copy", who=who, kind="case",
                             changes={"from": source.name})
            copy.close(backup=False)


@dataclass(frozen=True)
class HeadCheck:
    ok: bool
    seq: int | None  # where the head stands in the chain
    message: str


def check_head(case: Case, head: str) -> HeadCheck:
    """A head held elsewhere proves the history up to it: the entry must still
    be there and the chain must verify (which covers every entry before it)."""
    with case.connection() as conn:
        seq = audit.find(conn, head)
        problem = audit.verify(conn)
        altered = problem is None and seq is not None and state.tampered(conn)
    if seq is None:
        return HeadCheck(False, None, translate(
            "Security", "head {head} is not in this case's history: the history was rewritten or cut").format(
            head=head.strip()[:16]))
    if problem is not None and problem.seq <= seq:
        return HeadCheck(False, seq, translate(
            "Security", "history up to audit #{seq} does not verify (audit #{bad}: {reason})").format(
            seq=seq, bad=problem.seq, reason=problem.message))
    if altered:
        return HeadCheck(False, seq, translate(
            "Security", "the history up to audit #{seq} verifies, but the case's records do not match it: "
            "some were changed outside Casefile; run 'casefile verify'").format(seq=seq))
    return HeadCheck(True, seq, translate("Security", "ok: head is audit #{seq}; the history up to it verifies").format(
        seq=seq))


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """0 (unusable) to 4 (strong), with a one-line hint. Rough on purpose:
    length and variety, no dictionary; long passphrases of words score well."""
    if not passphrase:
        return 0, translate("Security", "Enter a passphrase.")
    classes = sum(any(test(c) for c in passphrase) for test in (
        str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum()))
    distinct = len(set(passphrase))
    length = len(passphrase)
    if length < MIN_LENGTH or distinct < 4:
        return 1, translate("Security", "Too short: use at least {n} characters, better several words.").format(
            n=MIN_LENGTH)
    if length >= 20 and distinct >= 8:
        return 4, translate("Security", "Strong.")
    if length >= 14 or (length >= 10 and classes >= 3):
        return 3, translate("Security", "Good; a few more words make it strong.")
    return 2, translate("Security", "Fair: add words or characters.")
