"""Helpers shared by the command modules: opening a case with its passphrase,
and the documenter's key (which signs bundles and dossiers) with its own."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from ..errors import CasefileError
from ..i18n import translate
from ..services import keys
from ..services.security import passphrase_from_file, read_passphrase
from ..store import Case, PassphraseRequired, storage
from ..store.server.address import ServerAddress, is_server_address
from .progress import TerminalProgress


def add_passphrase_option(parser) -> None:
    parser.add_argument("--passphrase-file", metavar="F", help=translate(
        "Cli", "read the passphrase from file F (else $CASEFILE_PASSPHRASE, else a prompt)"))


def open_case(args, path: str | None = None, *, reading: bool = False,
              records: bool = False) -> AbstractContextManager[Case]:
    """Open the command's case. A command that changes records opens it for
    writing: on a read-only medium or a full disk that is one clear line. A
    ``reading`` command also works on a case it cannot change (then it
    records nothing, ``Case.read_only``) and closes without writing a backup:
    a backup is for changes, and reading must not rotate out good ones.

    ``records``: the command puts what it wrote out in the case's history (an
    evidence export, a dossier). From a read-only medium (write-blocked on
    purpose) it still writes and says it could not record; on a full disk,
    which can be fixed, it refuses rather than hand out an unrecorded copy.

    A server address (``postgresql://HOST/DATABASE?case=NAME``) is worked on
    through a local copy (``store.server.working``), with the member's documenter
    key, which opens the case's key: a reading command reads one snapshot; any
    other holds the case's lock and sends its changes back."""
    path = path or args.case
    if is_server_address(path):
        return _server_case(path, documenter_key(args), write=not reading or records)
    read_only = None if reading else False
    shown = TerminalProgress()  # a case of an older format is copied and updated as it opens: said on a terminal

    def stage(text: str) -> None:
        shown(text.rstrip("…"), 0, 0)

    try:
        try:
            case = Case.open(path, passphrase=read_passphrase(args, prompt=False), read_only=read_only, stage=stage)
        except PassphraseRequired:
            passphrase = read_passphrase(args)
            if passphrase is None:
                raise
            case = Case.open(path, passphrase=passphrase, read_only=read_only, stage=stage)
    finally:
        shown.clear()
    if reading:
        case.backup_keep = 0
    if records and case.read_only == storage.FULL:
        case.close()
        raise CasefileError(translate(
            "Cli", "no space left on device: {path} cannot record this export in its history, so nothing was "
            "written; free some space and try again").format(path=path))
    return case


@contextmanager
def _server_case(address: str, key: keys.DocumenterKey, *, write: bool) -> Iterator[Case]:
    from ..services.interchange import partner_view
    from ..store.server.working import working_copy

    where = ServerAddress.parse(address)
    with working_copy(where, key, write=write,
                      after_commit=lambda copy, server: partner_view.refresh(copy, server, where)) as (copy, _):
        yield copy


def note_not_recorded(case: Case, what: str) -> None:
    """On stderr, when a reading command could not record what it did in the
    case (``what``: which record it would have written)."""
    if case.read_only:
        print(translate("Cli", "note: {path} cannot be changed here ({why}): {what}").format(
            path=case.path, why=read_only_reason(case), what=what), file=sys.stderr)


def read_only_reason(case: Case) -> str:
    return translate("Cli", "no space left on device") if case.read_only == storage.FULL else translate(
        "Cli", "read-only")


def add_key_option(parser) -> None:
    parser.add_argument("--key-passphrase-file", metavar="F", help=translate(
        "Cli", "read your key's passphrase from F (else $CASEFILE_KEY_PASSPHRASE, else a prompt)"))


def key_passphrase(args, *, prompt: bool = True) -> str | None:
    """--key-passphrase-file, else $CASEFILE_KEY_PASSPHRASE, else ask on a terminal."""
    file = getattr(args, "key_passphrase_file", None)
    if file:
        return passphrase_from_file(file)
    env = os.environ.get(keys.ENV_PASSPHRASE)
    if env:
        return env
    if prompt and sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(translate("Cli", "Passphrase of your key: "))
    return None


def documenter_key(args, name: str = "") -> keys.DocumenterKey:
    """The documenter's key, made on first use."""
    passphrase = key_passphrase(args)
    if not passphrase:
        raise CasefileError(translate("Cli", "your key needs its passphrase: --key-passphrase-file F or "
                                      "$CASEFILE_KEY_PASSPHRASE"))
    return keys.load_or_create(passphrase, name)
