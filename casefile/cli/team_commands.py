"""key, bundle, merge, peers, conflicts, resolve: copies of a case kept by a team."""

from __future__ import annotations

import json
from pathlib import Path

from ..files import open_regular
from ..i18n import translate
from ..services import keys
from .common import add_key_option, add_passphrase_option, documenter_key, key_passphrase, open_case
from .printable import one_line, printable

PROFILES = ("full", "partner", "public")


def register(sub) -> None:
    p = sub.add_parser("key", help=translate("Cli", "show your documenter key (made on first use), export it, "
                                             "or trust a colleague's"))
    p.add_argument("--name", help=translate("Cli", "your name, when the key is made"))
    p.add_argument("--export", metavar="FILE", help=translate("Cli", "write your public key to FILE (PEM)"))
    p.add_argument("--trust", metavar="KEYFILE", help=translate("Cli", "add a colleague's public key to your "
                                                                "trusted keys"))
    p.add_argument("--as", dest="trust_name", metavar="NAME", default="", help=translate(
        "Cli", "the name to remember a trusted key by"))
    p.add_argument("--force", action="store_true", help=translate("Cli", "replace an existing FILE"))
    add_key_option(p)
    p.set_defaults(run=cmd_key)

    p = sub.add_parser("bundle", help=translate("Cli", "write the case's changes for another copy of it, signed"))
    p.add_argument("case")
    p.add_argument("-o", "--output", required=True, metavar="OUT.cfbundle")
    p.add_argument("--since", metavar="PEER_OR_BUNDLE", help=translate(
        "Cli", "only what this peer (fingerprint or name) or bundle has not acknowledged"))
    p.add_argument("--profile", choices=PROFILES, default="full", help=translate(
        "Cli", "partner and public carry only what that profile may show, without evidence files"))
    p.add_argument("--to", action="append", default=[], metavar="KEYFILE", help=translate(
        "Cli", "encrypt to this recipient's public key (repeat for several)"))
    p.add_argument("--force", action="store_true", help=translate("Cli", "replace an existing file"))
    add_passphrase_option(p)
    add_key_option(p)
    p.set_defaults(run=cmd_bundle)

    p = sub.add_parser("merge", help=translate("Cli", "merge a bundle into the case (all or nothing; conflicts "
                                               "go to the review queue)"))
    p.add_argument("case")
    p.add_argument("bundle", metavar="BUNDLE")
    add_passphrase_option(p)
    add_key_option(p)
    p.set_defaults(run=cmd_merge)

    p = sub.add_parser("peers", help=translate("Cli", "what was sent to and received from whom"))
    p.add_argument("case")
    p.add_argument("--json", action="store_true")
    add_passphrase_option(p)
    p.set_defaults(run=cmd_peers)

    p = sub.add_parser("conflicts", help=translate("Cli", "the review queue: values changed differently on two "
                                                   "copies"))
    p.add_argument("case")
    p.add_argument("--json", action="store_true")
    add_passphrase_option(p)
    p.set_defaults(run=cmd_conflicts)

    p = sub.add_parser("resolve", help=translate("Cli", "settle a conflict by keeping one value"))
    p.add_argument("case")
    p.add_argument("conflict", type=int, metavar="ID")
    p.add_argument("--keep", required=True, choices=("here", "theirs"))
    add_passphrase_option(p)
    p.set_defaults(run=cmd_resolve)

    p = sub.add_parser("digest", help=translate("Cli", "a digest of the case's content by identity (equal on "
                                                "copies that hold the same records, links and evidence)"))
    p.add_argument("case")
    add_passphrase_option(p)
    p.set_defaults(run=cmd_digest)


def cmd_key(args) -> int:
    if args.trust:
        public = keys.read_public_key(args.trust)
        fp = keys.trust(public, args.trust_name)
        print(translate("Cli", "trusted {fp} {name}").format(fp=fp, name=printable(args.trust_name)).rstrip())
        return 0
    made = not keys.key_exists()
    key = documenter_key(args, args.name or "")
    if args.export:
        path = key.export_public(args.export, force=args.force)
        print(translate("Cli", "wrote {path}").format(path=printable(path)))
    line = translate("Cli", "{what} {fp} {name}").format(
        what=translate("Cli", "made key") if made else translate("Cli", "key"), fp=key.fingerprint,
        name=printable(key.name))
    print(line.rstrip())
    return 0


def cmd_bundle(args) -> int:
    from ..services.exchange import make_bundle

    recipients = [keys.read_public_key(f) for f in args.to]
    key = documenter_key(args)
    with open_case(args) as case:
        report = make_bundle(case, args.output, key, since=args.since, profile=args.profile,
                             recipients=recipients, force=args.force)
    c = report.counts
    print(translate("Cli", "wrote {path} ({profile}, signed {fp}): {records} records, {links} links, "
                    "{deleted} deletions, {files} evidence files{sealed}").format(
        path=printable(report.path), profile=report.profile, fp=report.fingerprint, records=c["records"],
        links=c["links"], deleted=c["deleted"], files=c["evidence_files"],
        sealed=translate("Cli", ", encrypted to {n} recipients").format(n=len(recipients)) if recipients else ""))
    return 0


def cmd_merge(args) -> int:
    from ..services.evidence import fastest_journal
    from ..services.exchange import merge_bundle

    path = Path(args.bundle)
    key = None
    if key_passphrase(args, prompt=False) or _sealed(path):
        key = documenter_key(args)
    with open_case(args) as case, fastest_journal(case, path):  # a large bundle's evidence is written once
        result = merge_bundle(case, path, key)
    c = result.counts
    trust = translate("Cli", "trusted") if result.trusted else translate("Cli", "not in your trusted keys")
    print(translate("Cli", "merged {path}, signed by {name} {fp} ({trust}): {created} created, {updated} updated, "
                    "{deleted} deleted, {conflicts} with conflicts").format(
        path=printable(path.name), name=printable(result.signer_name), fp=result.signer, trust=trust,
        created=c["created"], updated=c["updated"], deleted=c["deleted"], conflicts=c["conflicts"]))
    if result.profile != "full":
        print(translate("Cli", "received redacted ({profile}): its records are marked so").format(
            profile=result.profile))
    for code, field in result.conflicts:
        print(translate("Cli", "conflict: {code} {field} (see 'casefile conflicts')").format(
            code=printable(code), field=printable(field)))
    return 0


def _sealed(path: Path) -> bool:
    try:
        file, _ = open_regular(path)
        with file:
            return keys.is_sealed(file.read(len(keys.SEALED_MAGIC)))
    except OSError:
        return False


def cmd_peers(args) -> int:
    from ..services.exchange import list_peers

    with open_case(args, reading=True) as case:
        found = list_peers(case)
    if args.json:
        print(json.dumps([{"replica": p.replica, "fingerprint": p.fingerprint, "name": p.name,
                           "trusted": p.trusted, "received": p.received, "sent": p.sent,
                           "last_received_at": p.last_received_at.isoformat() if p.last_received_at else None,
                           "last_sent_at": p.last_sent_at.isoformat() if p.last_sent_at else None}
                          for p in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(translate("Cli", "no peers yet"))
    for p in found:
        print(translate("Cli", "{fp}  {name}  {trust}  received {received} (last {rat}), sent {sent} (last {sat})")
              .format(fp=p.fingerprint, name=printable(p.name) or "-",
                      trust=translate("Cli", "trusted") if p.trusted else translate("Cli", "untrusted"),
                      received=p.received, rat=_when(p.last_received_at), sent=p.sent, sat=_when(p.last_sent_at)))
    return 0


def _when(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "-"


def cmd_conflicts(args) -> int:
    from ..services.exchange import conflicts

    with open_case(args, reading=True) as case:
        found = conflicts(case)
    if args.json:
        print(json.dumps([{"id": c.id, "uuid": c.uuid, "kind": c.kind, "code": c.code, "field": c.field,
                           "here": c.here, "theirs": c.theirs, "from": c.fingerprint} for c in found],
                         ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(translate("Cli", "no conflicts"))
    for c in found:
        print(translate("Cli", "{id}  {code}  {field}: here {here} | theirs {theirs} (from {fp})").format(
            id=c.id, code=printable(c.code or c.uuid), field=printable(c.field),
            here=one_line(json.dumps(c.here, ensure_ascii=False))[:80],
            theirs=one_line(json.dumps(c.theirs, ensure_ascii=False))[:80], fp=c.fingerprint))
    return 0


def cmd_resolve(args) -> int:
    from ..services.exchange import resolve

    fingerprint = None
    if key_passphrase(args, prompt=False):
        fingerprint = documenter_key(args).fingerprint
    with open_case(args) as case:
        found = resolve(case, args.conflict, args.keep, fingerprint)
    print(translate("Cli", "kept {which} for {code} {field}").format(
        which=args.keep, code=printable(found.code or found.uuid), field=printable(found.field)))
    return 0


def cmd_digest(args) -> int:
    from ..services.exchange import content_digest

    with open_case(args, reading=True) as case, case.connection() as conn:
        print(content_digest(conn))
    return 0
