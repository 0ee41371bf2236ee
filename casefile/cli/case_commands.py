"""new, info, search, verify, history."""

from __future__ import annotations

import sys

from ..i18n import translate
from ..services import history, verify
from ..services.records import overview
from ..services.records.search import search
from ..store import Case, outputs
from ..store.server.address import ServerAddress, is_server_address
from .common import add_passphrase_option, note_not_recorded, open_case, read_passphrase
from .printable import json_text, one_line, printable
from .progress import TerminalProgress


def register(sub) -> None:
    p = sub.add_parser("new", help=translate("Cli", "create a case file"))
    p.add_argument("case")
    p.add_argument("--title", required=True)
    p.add_argument("--documenter", default="", help=translate("Cli", "your name, recorded in the history"))
    p.add_argument("--organisation", default="")
    add_passphrase_option(p)
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("info", help=translate("Cli", "counts per record type, format, encryption, audit head"))
    p.add_argument("case")
    p.add_argument("--json", action="store_true")
    add_passphrase_option(p)
    p.set_defaults(run=cmd_info)

    p = sub.add_parser("search", help=translate("Cli", "full-text search across all records"))
    p.add_argument("case")
    p.add_argument("query")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=50)
    add_passphrase_option(p)
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("verify", help=translate("Cli", "check file integrity, evidence hashes and the audit chain"))
    p.add_argument("case")
    add_passphrase_option(p)
    p.set_defaults(run=cmd_verify)

    p = sub.add_parser("history", help=translate(
        "Cli", "the history, newest first: every change, or a record's (its links and custody too)"))
    p.add_argument("case")
    p.add_argument("code", nargs="?", default="", help=translate("Cli", "a record's code, or the start of codes"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=100)
    add_passphrase_option(p)
    p.set_defaults(run=cmd_history)


def cmd_new(args) -> int:
    # Never an existing name: not a file, a folder, a device, nor a link
    # (a dangling one would be created through, then deleted on failure).
    outputs.check_output(args.case, force=None)
    passphrase = read_passphrase(args, prompt=False) if args.passphrase_file else None
    with Case.create(args.case, args.title, documenter=args.documenter, organisation=args.organisation,
                     passphrase=passphrase) as case:
        kind = translate("Cli", "encrypted") if case.encrypted else translate("Cli", "not encrypted")
        print(translate("Cli", "created {path} ({kind})").format(path=printable(case.path), kind=kind))
    return 0


def cmd_info(args) -> int:
    with open_case(args, reading=True) as case:
        data = overview.info(case)
    if is_server_address(args.case):  # what is said of the server case, not of the copy it was read through
        data.pop("encrypted", None)
        data["server"] = str(ServerAddress.parse(args.case))
    if args.json:
        print(json_text(data, indent=2))
        return 0
    labels = {
        "title": translate("Cli", "Title"), "organisation": translate("Cli", "Organisation"),
        "documenter": translate("Cli", "Documenter"), "incidents": translate("Cli", "Incidents"),
        "actors": translate("Cli", "Actors"), "places": translate("Cli", "Places"),
        "sources": translate("Cli", "Sources"), "claims": translate("Cli", "Claims"),
        "evidence": translate("Cli", "Evidence"), "encrypted": translate("Cli", "Encrypted"),
        "format_version": translate("Cli", "Format"), "audit_head": translate("Cli", "Audit head"),
        "conflicts": translate("Cli", "Conflicts to review"), "server": translate("Cli", "Server"),
    }
    width = max(len(v) for v in labels.values())
    for key, label in labels.items():
        if key not in data:
            continue
        value = data[key]
        if isinstance(value, bool):
            value = translate("Cli", "yes") if value else translate("Cli", "no")
        print(f"{label:<{width}}  {one_line(value)}")
    return 0


def cmd_search(args) -> int:
    with open_case(args, reading=True) as case:
        hits = search(case, args.query, limit=max(1, args.limit), exhaustive=True)
    if args.json:
        print(json_text([{"kind": h.kind, "code": h.code, "title": h.title, "snippet": h.plain_snippet,
                          "rank": h.rank} for h in hits], indent=2))
        return 0
    for h in hits:
        print(f"{one_line(h.code)}\t{one_line(h.title)}\t{one_line(h.plain_snippet)}")
    if not hits:
        print(translate("Cli", "no matches"), file=sys.stderr)
    return 0


def cmd_verify(args) -> int:
    bar = TerminalProgress()
    with open_case(args, reading=True) as case:
        try:
            problems = verify.verify(case, bar)
        finally:
            bar.clear()
        note_not_recorded(case, translate("Cli", "the evidence checks are not recorded in its custody"))
    for problem in problems:
        print(one_line(problem))
    if problems:
        print(translate("Cli", "{n} problem(s) found").format(n=len(problems)), file=sys.stderr)
        return 3
    print(translate("Cli", "ok: file, evidence and history verify"))
    return 0


def cmd_history(args) -> int:
    """The entries the window's History shows, and whether the chain verifies:
    a broken chain is said on stderr (exit 3) after the entries, which are
    shown as stored."""
    with open_case(args, reading=True) as case:
        rows = history.entries(case, 0, max(1, args.limit), args.code)
        problem, _entries, _head = history.verify_chain(case)
    if args.json:
        print(json_text([{"seq": r.seq, "at": r.at.isoformat(), "who": r.who, "action": r.action,
                          "kind": r.record_kind, "code": r.record_code, "record": r.record,
                          "changes": _changes(r.changes)}
                         for r in rows], indent=2))
    else:
        for r in rows:
            print("\t".join(one_line(value) for value in (
                r.seq, r.at.strftime("%Y-%m-%d %H:%M:%S UTC"), r.who, r.shown_action, r.shown_record,
                r.changes)))
        if not rows:
            print(translate("Cli", "no entries"), file=sys.stderr)
    if problem is not None:
        print(translate("Cli", "the history's chain is broken at #{seq}: {why}").format(
            seq=problem.seq, why=problem.message), file=sys.stderr)
        return 3
    return 0


def _changes(text: str) -> object:
    import json

    try:
        return json.loads(text)
    except ValueError:  # as stored, if not JSON
        return text
