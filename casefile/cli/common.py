"""Helpers shared by the command modules: opening a case with its passphrase."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from ..errors import CasefileError
from ..i18n import translate
from ..store import Case, PassphraseRequired


def add_passphrase_option(parser) -> None:
    parser.add_argument("--passphrase-file", metavar="F", help=translate(
        "Cli", "read the passphrase from file F (else $CASEFILE_PASSPHRASE, else a prompt)"))


def passphrase_from_file(file: str) -> str:
    """The passphrase in file F, without its final newline; one clear line if unusable."""
    try:
        text = Path(file).read_text(encoding="utf-8").rstrip("\r\n")
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


def open_case(args, path: str | None = None) -> Case:
    path = path or args.case
    try:
        return Case.open(path, passphrase=read_passphrase(args, prompt=False))
    except PassphraseRequired:
        passphrase = read_passphrase(args)
        if passphrase is None:
            raise
        return Case.open(path, passphrase=passphrase)
