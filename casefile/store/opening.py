"""The checks a case file passes before anything writes to it: a killed sole
writer's journal rolled back, then, read-only, damage, format and a hostile
schema (``Case.open`` runs them)."""

from __future__ import annotations

from pathlib import Path

from ..errors import CasefileError, DamagedCase, NewerFormat, NotACasefile
from ..i18n import translate
from . import migrate
from .connection import APPLICATION_ID, CaseKey, connect, header_application_id, hot_journal, is_plain_sqlite

# A whole-file quick_check reads every page: 6.4 ms per MiB plain, 16 ms per MiB
# encrypted (572 ms and 1.6 s at the tenth scale case, more than the window's
# whole start; an empty case, 8.4 MiB of mostly empty 64 KiB pages, 2 and 31 ms).
# Above these sizes (at most 100-160 ms of checking), a cleanly closed
# case gets the check on its schema and small bookkeeping tables only; damage
# in the bulk (records, evidence chunks) is still caught by SQLite on reading
# and by `verify`. A case not closed cleanly is checked whole, whatever its size.
FULL_CHECK_LIMIT = 16 * 1024 * 1024
FULL_CHECK_LIMIT_ENCRYPTED = 10 * 1024 * 1024
BOOKKEEPING_TABLES = ("case_info", "code_counter", "vocabulary_term", "audit_entry")


class PassphraseRequired(CasefileError):
    """The file is encrypted (or not SQLite at all) and no passphrase was given."""


def identify(path: Path, passphrase: str | CaseKey | None) -> str | CaseKey | None:
    """What opens ``path``: None for a plain case, else the passphrase given
    for an encrypted one. Refuses, in one line, what is missing, no regular
    file, empty, not a Casefile file, or encrypted with no passphrase given;
    any error of the file system's (permissions, a name too long, a failing
    disk) as "cannot be read"."""
    try:
        if not path.exists():
            raise CasefileError(translate("Errors", "No such file: {path}").format(path=path))
        if not path.is_file():
            raise NotACasefile(translate("Errors", "{path} is not a Casefile file.").format(path=path))
        if path.stat().st_size == 0:
            raise NotACasefile(translate("Errors", "{path} is empty: it is not a Casefile file.").format(path=path))
        plain = is_plain_sqlite(path)
        application_id = header_application_id(path) if plain else None
    except OSError as error:
        raise CasefileError(translate("Errors", "{path} cannot be read: {reason}").format(
            path=path, reason=error.strerror or error)) from None
    if plain:
        if application_id != APPLICATION_ID:
            raise NotACasefile(translate("Errors", "{path} is not a Casefile file.").format(path=path))
        return None
    if passphrase is None:
        raise PassphraseRequired(translate(
            "Errors", "{path} is not a Casefile file, or it is an encrypted case that needs its passphrase."
        ).format(path=path))
    return passphrase


def quick_checks(path: Path, unclean: bool = False, *, encrypted: bool = False) -> list[str]:
    wal = path.with_name(path.name + "-wal")
    unclean = unclean or (wal.exists() and wal.stat().st_size > 0)  # not closed by Casefile
    if unclean or path.stat().st_size <= (FULL_CHECK_LIMIT_ENCRYPTED if encrypted else FULL_CHECK_LIMIT):
        return ["PRAGMA quick_check"]
    return [f"PRAGMA quick_check({table})" for table in BOOKKEEPING_TABLES]


def roll_back_hot_journal(path: Path, key: CaseKey | None) -> bool:
    """Undo what a sole writer (``Case.sole_writer``) left half done when it
    was killed; True if there was anything to undo.

    A read-only connection cannot roll a journal back, so this is the one
    open-time step that writes. It is SQLite's own recovery: the journal
    holds the changed pages as they were on disk, and they are put back byte
    for byte, so even a wrong passphrase (which then fails) leaves the case
    as it was before the interrupted transaction (tested)."""
    if not hot_journal(path):
        return False
    try:
        connect(path, key).close()  # its first read rolls the journal back; then WAL again
    except CasefileError:
        raise
    except Exception:
        raise DamagedCase(translate("Errors", "{path} is damaged and cannot be read.").format(path=path)) from None
    return True


def check_file(path: Path, key: CaseKey | None, *, check: bool, unclean: bool = False) -> int:
    """Read-only checks before anything writes: damage, format, hostile schema."""
    try:
        conn = connect(path, key, readonly=True)
    except CasefileError:
        raise
    except Exception:
        raise DamagedCase(translate("Errors", "{path} is damaged and cannot be read.").format(path=path)) from None
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise NotACasefile(translate("Errors", "{path} is not a Casefile file.").format(path=path))
        if check:
            result = "ok"
            for statement in quick_checks(path, unclean, encrypted=key is not None):
                result = conn.execute(statement).fetchone()[0]
                if result != "ok":
                    break
            if result != "ok":
                raise DamagedCase(translate(
                    "Errors", "{path} is damaged (integrity check failed); it was not changed."
                ).format(path=path))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > migrate.head_version():
            raise NewerFormat(translate(
                "Errors", "{path} was made by a newer Casefile (format {found}); this one reads up to format {known}."
            ).format(path=path, found=version, known=migrate.head_version()))
        rows = conn.execute("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')").fetchall()
        if rows:  # Casefile itself makes none; a planted one could run code on write
            raise DamagedCase(translate(
                "Errors", "{path} contains unexpected triggers or views; refusing to open it."
            ).format(path=path))
        return version
    except CasefileError:
        raise
    except Exception:
        raise DamagedCase(translate("Errors", "{path} is damaged and cannot be read.").format(path=path)) from None
    finally:
        conn.close()
