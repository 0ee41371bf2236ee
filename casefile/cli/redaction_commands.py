"""redaction-report: what a shared profile would replace, and what it would leave."""

from __future__ import annotations

import inspect

from ..errors import CasefileError
from ..i18n import translate
from ..services.redaction.report import kind_label, redaction_report
from .common import add_passphrase_option, open_case
from .printable import json_text


def register(sub) -> None:
    p = sub.add_parser("redaction-report", help=translate(
        "Cli", "before sharing: every replacement a partner or public export makes, and every near miss"))
    p.add_argument("case")
    p.add_argument("--profile", choices=("partner", "public"), required=True)
    p.add_argument("--json", action="store_true", help=translate("Cli", "print the report as JSON"))
    add_passphrase_option(p)
    p.set_defaults(run=cmd_redaction_report)
    register_marks(sub)


def _open(args):
    # A reading command: no backup, and it works on a read-only case (where supported).
    reading = "reading" in inspect.signature(open_case).parameters
    return open_case(args, reading=True) if reading else open_case(args)


def cmd_redaction_report(args) -> int:
    with _open(args) as case:
        report = redaction_report(case, args.profile)
    if args.json:
        print(json_text(report.as_dict(), indent=1, sort_keys=True))  # C1 and bidi escaped too
        return 0
    print(translate("Cli", "Redaction report ({profile}): {n} replacements, {m} near misses").format(
        profile=args.profile, n=len(report.replacements), m=len(report.near_misses)))
    if report.replacements:
        print(translate("Cli", "Replaced:"))
    for e in report.replacements:
        print(translate("Cli", "  {record} {field}: {kind} \u201c{matched}\u201d -> \u201c{replacement}\u201d ({owner})")
              .format(record=e.record, field=_clean(e.field), kind=kind_label(e.kind),
                      matched=_clean(e.matched), replacement=_clean(e.replacement), owner=e.owner))
    if report.near_misses:
        print(translate("Cli", "Near misses (left as they are; mark them to withhold them):"))
    for e in report.near_misses:
        print(translate("Cli", "  {record} {field}: {kind} \u201c{matched}\u201d looks like {owner}").format(
            record=e.record, field=_clean(e.field), kind=kind_label(e.kind), matched=_clean(e.matched), owner=e.owner))
    for kind, codes in report.withheld.items():
        print(translate("Cli", "Withheld ({kind}): {codes}").format(kind=kind_label(kind), codes=", ".join(codes)))
    return 0


def _clean(text: str) -> str:
    """One line, no terminal control characters (record text is untrusted)."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


def register_marks(sub) -> None:
    p = sub.add_parser("withhold", help=translate(
        "Cli", "mark a passage of a record's text to be withheld from partner and public exports"))
    p.add_argument("case")
    p.add_argument("code", metavar="CODE")
    p.add_argument("field", metavar="FIELD", help=translate("Cli", "title, description, summary, quote, ..."))
    p.add_argument("passage", metavar="TEXT")
    p.add_argument("--remove", action="store_true", help=translate("Cli", "remove the mark instead"))
    add_passphrase_option(p)
    p.set_defaults(run=cmd_withhold)

    p = sub.add_parser("shows-faces", help=translate(
        "Cli", "mark evidence pictures as showing people's faces: blurred or left out in partner and public exports"))
    p.add_argument("case")
    p.add_argument("codes", nargs="+", metavar="CODE")
    p.add_argument("--no", action="store_true", help=translate("Cli", "clear the mark instead"))
    add_passphrase_option(p)
    p.set_defaults(run=cmd_shows_faces)


def cmd_withhold(args) -> int:
    from ..services.redaction.marks import add_mark, remove_mark

    with open_case(args) as case:
        if args.remove:
            if not remove_mark(case, args.code, args.field, args.passage):
                raise CasefileError(translate("Cli", "{code} {field}: no such mark").format(
                    code=args.code, field=_clean(args.field)))
            print(translate("Cli", "{code} {field}: mark removed").format(code=args.code, field=_clean(args.field)))
        else:
            add_mark(case, args.code, args.field, args.passage)
            print(translate("Cli", "{code} {field}: \u201c{passage}\u201d will be withheld from shared exports").format(
                code=args.code, field=_clean(args.field), passage=_clean(args.passage)))
    return 0


def cmd_shows_faces(args) -> int:
    from ..services.redaction.faces import set_shows_faces

    with open_case(args) as case:
        for code in set_shows_faces(case, args.codes, not args.no):
            line = (translate("Cli", "{code}: no longer marked as showing faces") if args.no
                    else translate("Cli", "{code}: shows faces (blurred or left out in shared exports)"))
            print(line.format(code=code))
    return 0
