"""import, export, demo: cases in and out as interchange JSON, PDF dossiers and CSV."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import CasefileError
from ..formatting import human_size
from ..i18n import QT_TRANSLATE_NOOP as N
from ..i18n import translate
from ..model.dates import PartialDate
from ..services.interchange.export import export_json
from ..services.interchange.importer import import_json
from ..services.redaction.faces import FACES
from ..store import outputs
from .common import (
    add_key_option,
    add_passphrase_option,
    documenter_key,
    note_not_recorded,
    open_case,
    read_passphrase,
)
from .printable import printable

FORMATS = ("json", "pdf", "csv")
PROFILES = ("full", "partner", "public")


def register(sub) -> None:
    p = sub.add_parser("import", help=translate(
        "Cli", "import interchange JSON into a case (all or nothing)"))
    p.add_argument("case")
    p.add_argument("file", metavar="FILE.json")
    add_passphrase_option(p)
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("export", help=translate("Cli", "export the case as interchange JSON, a PDF dossier or CSV"))
    p.add_argument("case")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("-o", "--output", required=True, metavar="OUT", help=translate(
        "Cli", "the file to write (for csv: a folder)"))
    p.add_argument("--profile", choices=PROFILES, default="full", help=translate(
        "Cli", "partner and public show protected people and confidential sources only by pseudonym"))
    p.add_argument("--incidents", metavar="CODES", help=translate(
        "Cli", "pdf: only these incidents, comma-separated (INC-0001,INC-0003)"))
    p.add_argument("--tag", metavar="T", help=translate("Cli", "pdf: only incidents with this tag"))
    p.add_argument("--from", dest="date_from", metavar="D", help=translate(
        "Cli", "pdf: only incidents from this date (2013, 2013-08, 5 Aug 2013)"))
    p.add_argument("--to", dest="date_to", metavar="D", help=translate("Cli", "pdf: only incidents up to this date"))
    p.add_argument("--lang", choices=("en", "es"), default="en", help=translate(
        "Cli", "language of the dossier and of CSV labels"))
    p.add_argument("--pdfa", action="store_true", help=translate(
        "Cli", "pdf: archival PDF/A-2b (fonts embedded, XMP metadata, sRGB output intent)"))
    p.add_argument("--faces", choices=FACES, default="blur", help=translate(
        "Cli", "pdf, partner and public: pictures marked as showing faces are blurred (blur, the default) or left "
        "out and counted (omit)"))
    p.add_argument("--sign", action="store_true", help=translate(
        "Cli", "pdf: sign the dossier with your documenter key (PAdES; the cover says by whom)"))
    add_key_option(p)
    p.add_argument("--force", action="store_true", help=translate("Cli", "replace existing files"))
    add_passphrase_option(p)
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("handover", help=translate(
        "Cli", "hand evidence over to a court or UN mechanism: a BagIt bag of originals, their records and custody, "
               "and the dossier, signed; only what consent covers for that recipient"))
    p.add_argument("case")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help=translate(
        "Cli", "the bag's folder (new; it must not exist)"))
    p.add_argument("--for", dest="recipient", required=True, metavar="RECIPIENT", help=translate(
        "Cli", "who receives it, as consent names recipients (IIIM, ICC, ...)"))
    p.add_argument("--incidents", metavar="CODES", help=translate(
        "Cli", "only these incidents and what they link to, comma-separated (INC-0001,INC-0003)"))
    p.add_argument("--lang", choices=("en", "es"), default="en", help=translate("Cli", "language of the dossier"))
    add_key_option(p)
    add_passphrase_option(p)
    p.set_defaults(run=cmd_handover)

    p = sub.add_parser("demo", help=translate("Cli", "write the sample case to OUT"))
    p.add_argument("out", metavar="OUT")
    p.add_argument("--force", action="store_true", help=translate(
        "Cli", "replace an existing file (never a case)"))
    add_passphrase_option(p)
    p.set_defaults(run=cmd_demo)


def cmd_import(args) -> int:
    path = Path(args.file)
    with open_case(args) as case:
        counts = import_json(case, path)
    print(translate("Cli", "imported {name}: {counts}").format(
        name=printable(path.name), counts=_counts(counts)))
    return 0


def cmd_export(args) -> int:
    scoped = any((args.incidents, args.tag, args.date_from, args.date_to))
    if args.format != "pdf" and scoped:
        raise CasefileError(translate("Cli", "--incidents, --tag, --from and --to apply to --format pdf only"))
    if args.format != "pdf" and args.pdfa:
        raise CasefileError(translate("Cli", "--pdfa applies to --format pdf only"))
    if args.format != "pdf" and args.sign:
        raise CasefileError(translate("Cli", "--sign applies to --format pdf only"))
    signer = documenter_key(args) if args.sign else None  # asked before any work
    out = Path(args.output)
    date_from, date_to = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    shown = printable(out)
    with open_case(args, reading=True, records=args.format == "pdf") as case:
        # Refused before any work (and checked again when the file is put in place).
        if args.format == "csv":
            outputs.check_output_folder(out, (), force=args.force, open_cases=(case.path,))
        else:
            outputs.check_output(out, force=args.force, open_cases=(case.path,))
        if args.format == "json":
            counts = export_json(case, out, force=args.force, profile=args.profile)
            print(translate("Cli", "wrote {path}: {counts}").format(path=shown, counts=_counts(counts)))
        elif args.format == "csv":
            from ..services.csv_export import export_csv

            counts = export_csv(case, out, profile=args.profile, lang=args.lang, force=args.force)
            withheld = counts.pop("withheld", 0)
            line = translate("Cli", "wrote {n} CSV files to {path} ({profile})").format(
                n=len(counts), path=shown, profile=args.profile)
            if withheld:
                line += translate("Cli", "; {n} records withheld").format(n=withheld)
            print(line)
        else:
            try:
                from ..dossier import write_dossier
            except ImportError:
                raise CasefileError(translate("Cli", "PDF dossiers are not available in this build")) from None
            codes = [c.strip() for c in args.incidents.split(",") if c.strip()] if args.incidents else None
            result = write_dossier(case, out, profile=args.profile, incidents=codes, tag=args.tag,
                                   date_from=date_from, date_to=date_to, lang=args.lang, progress=None,
                                   force=args.force, pdfa=args.pdfa, faces=args.faces, signer=signer)
            pages = getattr(result, "pages", None)
            line = translate("Cli", "wrote {path} ({profile})").format(path=shown, profile=args.profile)
            if pages:
                line = translate("Cli", "wrote {path} ({profile}, {pages} pages)").format(
                    path=shown, profile=args.profile, pages=pages)
            print(line)
            for warning in result.warnings:
                print(translate("Cli", "note: {warning}").format(warning=warning), file=sys.stderr)
            note_not_recorded(case, translate(
                "Cli", "the dossier's sha256:{sha} is not recorded in its history").format(sha=result.sha256))
    return 0


def cmd_handover(args) -> int:
    from ..services.consent import check_recipient
    from ..services.handover import handover
    from .progress import TerminalProgress

    recipient = check_recipient(args.recipient)
    key = documenter_key(args)  # asked before any work
    codes = [c.strip() for c in args.incidents.split(",") if c.strip()] if args.incidents else None
    shown = printable(Path(args.output))
    terminal = TerminalProgress()
    try:
        with open_case(args) as case:
            result = handover(case, args.output, recipient, key, incidents=codes, lang=args.lang,
                              progress=lambda done, total, message: terminal(message, done, total))
    finally:
        terminal.clear()
    print(translate("Cli", "wrote {path} for {recipient}: the dossier, the signed history head, and evidence "
                           "files with their records and custody: {items} ({size})").format(
        path=shown, recipient=printable(recipient), items=result.items, size=human_size(result.octets)))
    for code, why in result.left_out:
        print(translate("Cli", "left out: {code} ({why})").format(code=code, why=printable(why)))
    for warning in result.warnings:
        print(translate("Cli", "note: {warning}").format(warning=warning), file=sys.stderr)
    return 0


def cmd_demo(args) -> int:
    from ..services.records.overview import counts
    from ..services.sample import create_demo_case

    passphrase = read_passphrase(args, prompt=False) if args.passphrase_file else None
    # Made under a hidden temporary name next to OUT and put in place whole:
    # OUT is checked like any output (never a case; an existing file only with --force).
    with outputs.atomic_output(args.out, force=args.force, named=True) as output:
        case = create_demo_case(output.temp_path, passphrase=passphrase)
        try:
            found = counts(case)
        finally:
            case.close(backup=False)  # a fresh sample: nothing a backup would save
    line = translate("Cli", "created {path} with the sample case: {counts}").format(
        path=printable(Path(args.out)), counts=_counts(found))
    print(line)
    return 0


def _date(text: str | None, option: str) -> str | None:
    """What a documenter types (5 Aug 2013, 2013-08) as a partial ISO date."""
    if not text:
        return None
    try:
        value = PartialDate.parse(text)
    except CasefileError as error:
        raise CasefileError(f"{option}: {error}") from None
    return value.iso() if value else None


#: what an import or export counted, by section, named in the user's language
_SECTIONS = {"places": N("Cli", "places"), "actors": N("Cli", "actors"), "incidents": N("Cli", "incidents"),
             "sources": N("Cli", "sources"), "claims": N("Cli", "claims"), "assessments": N("Cli", "assessments"),
             "evidence": N("Cli", "evidence"), "evidence_links": N("Cli", "evidence links"),
             "custody": N("Cli", "custody"), "vocabulary_terms": N("Cli", "vocabulary terms"),
             "withhold_marks": N("Cli", "withhold marks")}


def _counts(counts: dict[str, int]) -> str:
    shown = [f"{n} {translate('Cli', _SECTIONS[name]) if name in _SECTIONS else name.replace('_', ' ')}"
             for name, n in counts.items() if n]
    return ", ".join(shown) or translate("Cli", "nothing")
