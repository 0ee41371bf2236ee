"""add-evidence, export-evidence."""

from __future__ import annotations

import os
import sys
from functools import partial

from ..errors import CasefileError
from ..i18n import translate
from ..services import evidence
from ..services.evidence import capture
from ..services.evidence.custody import RELATIONS
from .common import add_passphrase_option, note_not_recorded, open_case
from .printable import one_line, printable
from .progress import TerminalProgress


def register(sub) -> None:
    p = sub.add_parser("add-evidence", help=translate(
        "Cli", "take files in as evidence (hashed, stored inside the case, with chain of custody)"))
    p.add_argument("case")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--link", metavar="CODE", help=translate(
        "Cli", "link each file to this incident, claim, source or actor"))
    p.add_argument("--relation", choices=RELATIONS, help=translate("Cli", "how the files relate to --link"))
    p.add_argument("--note", default="")
    p.add_argument("--obtained-how", default="", help=translate("Cli", "how the files were obtained"))
    p.add_argument("--origin", default="", help=translate("Cli", "where from: URL, device or person"))
    p.add_argument("--derived-from", metavar="CODE", help=translate(
        "Cli", "the files are working copies (crop, redaction) of this evidence"))
    p.add_argument("--shows-faces", action="store_true", help=translate(
        "Cli", "the pictures show people's faces: blurred or left out in partner and public exports"))
    add_passphrase_option(p)
    p.set_defaults(run=cmd_add_evidence)

    p = sub.add_parser("export-evidence", help=translate(
        "Cli", "write an evidence file's original bytes (hash checked on the way out)"))
    p.add_argument("case")
    p.add_argument("code")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help=translate(
        "Cli", "the file to write, or a folder to write it into under its original name"))
    p.add_argument("--force", action="store_true", help=translate("Cli", "replace an existing file"))
    add_passphrase_option(p)
    p.set_defaults(run=cmd_export_evidence)


def cmd_add_evidence(args) -> int:
    if bool(args.link) != bool(args.relation):
        raise CasefileError(translate("Cli", "--link and --relation go together"))
    link = (args.link, args.relation) if args.link else None
    failed = 0
    bar = TerminalProgress()
    with open_case(args) as case:
        for path in args.files:
            name = evidence.display_name(os.path.basename(path))
            try:
                # The command has the case to itself: a large file's bytes are written once, not twice.
                with evidence.fastest_journal(case, path):
                    item = evidence.intake(case, path, link=link, note=args.note, obtained_how=args.obtained_how,
                                           origin=args.origin, derived_from=args.derived_from,
                                           progress=partial(bar, name))
            except CasefileError as error:  # each file stands alone: report and go on
                failed += 1
                print(f"casefile: {one_line(error)}", file=sys.stderr)
                continue
            finally:
                bar.clear()
            if args.shows_faces:
                from ..services.redaction.faces import set_shows_faces

                set_shows_faces(case, [item.code])
            name = evidence.display_name(item.original_name)
            print(f"{item.code} {printable(name)} sha256:{item.sha256}", flush=True)
            duplicate = evidence.duplicate_of(item)
            if duplicate:
                print(translate("Cli", "note: {code} has the same content as {other} (stored once)").format(
                    code=item.code, other=duplicate), file=sys.stderr)
            found = (evidence.warnings(item, with_capture=False)
                     + [capture.summary(p) for p in evidence.capture_proofs(item)]
                     + evidence.page_notes(item))
            for warning in found:
                print(translate("Cli", "note: {code}: {warning}").format(code=item.code, warning=one_line(warning)),
                      file=sys.stderr)
    return 1 if failed else 0


def cmd_export_evidence(args) -> int:
    with open_case(args, reading=True, records=True) as case:
        out = evidence.export_original(case, args.code, args.output, force=args.force)
        item = evidence.get(case, args.code)
        note_not_recorded(case, translate("Cli", "this export is not recorded in the custody of {code}").format(
            code=item.code))
    print(f"{item.code} {printable(evidence.display_name(out))} sha256:{item.sha256}")
    return 0
