"""passphrase, encrypt, check-head, check-signature: the command-line side of case security.

New passphrases come from ``--new-passphrase-file F``, else
``CASEFILE_NEW_PASSPHRASE``, else a prompt asked twice on a terminal; with no
terminal and none given, one clear line. They never travel in argv.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from ..errors import CasefileError
from ..files import read_regular
from ..i18n import translate
from ..services import security
from .common import add_passphrase_option, open_case
from .printable import one_line, printable


def register(sub) -> None:
    p = sub.add_parser("passphrase", help=translate("Cli", "change the passphrase of an encrypted case"))
    p.add_argument("case")
    add_passphrase_option(p)
    _add_new_passphrase_option(p)
    p.set_defaults(run=cmd_passphrase)

    p = sub.add_parser("encrypt", help=translate("Cli", "write an encrypted copy of a plain case"))
    p.add_argument("case")
    p.add_argument("out", help=translate("Cli", "the new, encrypted case file"))
    _add_new_passphrase_option(p)
    p.set_defaults(run=cmd_encrypt)

    p = sub.add_parser("check-head", help=translate(
        "Cli", "check that a history head written down elsewhere (a dossier cover) still stands"))
    p.add_argument("case")
    p.add_argument("head", help=translate("Cli", "the audit head hash"))
    add_passphrase_option(p)
    p.set_defaults(run=cmd_check_head)

    p = sub.add_parser("check-signature", help=translate(
        "Cli", "who signed a PDF dossier, and whether anything changed after"))
    p.add_argument("file", metavar="FILE.pdf")
    p.set_defaults(run=cmd_check_signature)


def _add_new_passphrase_option(parser) -> None:
    parser.add_argument("--new-passphrase-file", metavar="F", help=translate(
        "Cli", "read the new passphrase from file F (else $CASEFILE_NEW_PASSPHRASE, else a prompt)"))


def read_new_passphrase(args) -> str:
    file = getattr(args, "new_passphrase_file", None)
    if file:
        return security.passphrase_from_file(file)
    env = os.environ.get("CASEFILE_NEW_PASSPHRASE")
    if env:
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(translate("Cli", "New passphrase: "))
        again = getpass.getpass(translate("Cli", "New passphrase again: "))
        if first != again:
            raise CasefileError(translate("Cli", "the two passphrases differ; nothing was changed"))
        if not first:
            raise CasefileError(translate("Cli", "the new passphrase is empty; nothing was changed"))
        return first
    raise CasefileError(translate(
        "Cli", "no new passphrase: give --new-passphrase-file F or set CASEFILE_NEW_PASSPHRASE"))


def cmd_passphrase(args) -> int:
    new = read_new_passphrase(args)
    with open_case(args) as case:
        rekeyed = security.change_passphrase(case, new)
        case.close(backup=False)
    print(translate("Cli", "passphrase changed ({n} backup(s) re-encrypted too)").format(n=rekeyed))
    return 0


def cmd_encrypt(args) -> int:
    new = read_new_passphrase(args)
    out = security.encrypt_copy(args.case, args.out, new)
    print(translate("Cli", "wrote {out} (encrypted); {case} is unchanged: delete it yourself when sure").format(
        out=printable(out), case=printable(args.case)))
    return 0


def cmd_check_signature(args) -> int:
    """Exit 0: signed, intact, nothing added after, by a key this documenter
    trusts (or their own); 3: signed but one of those does not hold; 1: no
    signature or an unreadable file."""
    from ..dossier.signing import check

    path = Path(args.file)
    try:
        data = read_regular(path)
    except OSError as e:
        raise CasefileError(translate("Cli", "cannot read {path}: {why}").format(
            path=printable(path), why=e.strerror or e)) from None
    found = check(data)
    if not found:
        raise CasefileError(translate("Cli", "{path} is not signed").format(path=printable(path)))
    ok = True
    for sig in found:
        when = sig.signed_at.isoformat(timespec="seconds") if sig.signed_at else "?"
        facts = [translate("Cli", "intact") if sig.intact else translate("Cli", "ALTERED after signing"),
                 translate("Cli", "nothing added after") if sig.covers_whole_file
                 else translate("Cli", "CHANGED after signing (bytes added)"),
                 translate("Cli", "trusted key") if sig.trusted else translate("Cli", "key not in your trusted keys")]
        good = sig.intact and sig.covers_whole_file and sig.trusted
        ok = ok and good
        print(translate("Cli", "signed by {name}, key {fp}, at {when}: {facts}").format(
            name=one_line(sig.signer), fp=sig.fingerprint, when=when, facts="; ".join(facts)),
            file=sys.stdout if good else sys.stderr)
    return 0 if ok else 3


def cmd_check_head(args) -> int:
    with open_case(args, reading=True) as case:
        result = security.check_head(case, args.head)
    print(one_line(result.message), file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 3
