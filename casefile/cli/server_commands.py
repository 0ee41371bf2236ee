"""server init, server add-member, push, pull: a case on the team's PostgreSQL server."""

from __future__ import annotations

from ..errors import CasefileError
from ..i18n import translate
from ..store import outputs
from ..store.server.address import ROLES, ServerAddress, is_server_address
from .common import add_key_option, add_passphrase_option, documenter_key, open_case
from .printable import printable
from .security_commands import read_new_passphrase


def register(sub) -> None:
    p = sub.add_parser("server", help=translate("Cli", "prepare a PostgreSQL server for a team's cases, add members"))
    actions = p.add_subparsers(dest="action", required=True)
    q = actions.add_parser("init", help=translate("Cli", "make the Casefile catalogue in a database (once)"))
    q.add_argument("address", metavar="postgresql://HOST/DATABASE")
    q.set_defaults(run=cmd_server_init)
    q = actions.add_parser("add-member", help=translate("Cli", "give a database login a role in one case"))
    q.add_argument("address", metavar="postgresql://HOST/DATABASE?case=NAME")
    q.add_argument("login", help=translate("Cli", "the member's PostgreSQL login role (made with createuser)"))
    q.add_argument("role", choices=ROLES)
    q.add_argument("--public-key", metavar="KEY.pem", help=translate(
        "Cli", "the member's public key ('casefile key --export'): the case's key is sealed to it, so that they can "
               "read the case's words; needed for every role but partner. You open the case's key with your own key."))
    add_key_option(q)
    q.set_defaults(run=cmd_add_member)
    q = actions.add_parser("upgrade", help=translate("Cli", "bring a case on the server to this Casefile's format "
                                                     "(as the role that pushed it, with an owner's key)"))
    q.add_argument("address", metavar="postgresql://HOST/DATABASE?case=NAME")
    add_key_option(q)
    q.set_defaults(run=cmd_upgrade)

    p = sub.add_parser("push", help=translate("Cli", "upload a laptop case to the server as a new case"))
    p.add_argument("case")
    p.add_argument("address", metavar="postgresql://HOST/DATABASE?case=NAME")
    add_passphrase_option(p)
    add_key_option(p)
    p.set_defaults(run=cmd_push)

    p = sub.add_parser("sync", help=translate("Cli", "exchange changes between a laptop case and its copy on the "
                                              "server (the same merge as bundles; conflicts to the review queue)"))
    p.add_argument("case")
    p.add_argument("address", metavar="postgresql://HOST/DATABASE?case=NAME")
    add_passphrase_option(p)
    add_key_option(p)
    p.set_defaults(run=cmd_sync)

    p = sub.add_parser("pull", help=translate("Cli", "make a laptop copy of a case on the server"))
    p.add_argument("address", metavar="postgresql://HOST/DATABASE?case=NAME")
    p.add_argument("-o", "--output", required=True, metavar="CASE.casefile")
    p.add_argument("--encrypt", action="store_true", help=translate(
        "Cli", "encrypt the copy (the passphrase from --new-passphrase-file, $CASEFILE_NEW_PASSPHRASE or a prompt)"))
    p.add_argument("--new-passphrase-file", metavar="F")
    add_key_option(p)
    p.set_defaults(run=cmd_pull)


def _engine(address: ServerAddress):
    from ..store.server.transfer import server_engine

    return server_engine(address)


def cmd_server_init(args) -> int:
    from sqlalchemy.exc import DBAPIError

    from ..store.server.schema import init_server
    from ..store.server.transfer import unreachable

    address = ServerAddress.parse(args.address, case_required=False)
    engine = _engine(address)
    try:
        with engine.begin() as conn:
            init_server(conn)
    except DBAPIError as error:
        raise unreachable(address, error) from None
    finally:
        engine.dispose()
    print(translate("Cli", "{address} is ready for Casefile cases").format(address=address))
    return 0


def cmd_add_member(args) -> int:
    from sqlalchemy.exc import DBAPIError

    from ..services import keys
    from ..store.server import sealing
    from ..store.server.schema import add_member, case_exists
    from ..store.server.transfer import unreachable

    address = ServerAddress.parse(args.address)
    if args.role == "partner" and args.public_key:
        raise CasefileError(translate("Cli", "a partner gets no key to the case (a partner reads the partner view); "
                                             "leave out --public-key"))
    if args.role != "partner" and not args.public_key:
        raise CasefileError(translate("Cli", "a {role} needs the case's key to read it: give their public key with "
                                             "--public-key KEY.pem ('casefile key --export' writes it)").format(
            role=args.role))
    public_key = keys.read_public_key(args.public_key) if args.public_key else None
    engine = _engine(address)
    try:
        with engine.begin() as conn:
            if not case_exists(conn, address):
                raise CasefileError(translate("Server", "{address}: no such case on the server.").format(
                    address=address))
            add_member(conn, address, args.login, args.role)
            if public_key is not None:
                seal = sealing.open_seal(conn, address, documenter_key(args))
                sealing.share(conn, address, seal, public_key, args.login)
    except DBAPIError as error:
        raise unreachable(address, error) from None
    finally:
        engine.dispose()
    print(translate("Cli", "{login} is now {role} in {address}").format(login=args.login, role=args.role,
                                                                         address=address))
    return 0


def cmd_upgrade(args) -> int:
    from ..services.interchange import partner_view
    from ..store.server.upgrade import upgrade

    address = ServerAddress.parse(args.address)
    was, now = upgrade(address, documenter_key(args),
                       before_commit=lambda case, server: partner_view.refresh(case, server, address))
    if was == now:
        print(translate("Cli", "{address} is already at format {version}").format(address=address, version=now))
    else:
        print(translate("Cli", "upgraded {address} from format {was} to {now}").format(address=address, was=was,
                                                                                   now=now))
    return 0


def cmd_push(args) -> int:
    from ..services.interchange import partner_view
    from ..store.server.transfer import push

    address = ServerAddress.parse(args.address)
    key = documenter_key(args)
    with open_case(args, reading=True) as case:
        rows = push(case, address, key, before_commit=lambda pushed, server: partner_view.refresh(pushed, server, address))
    print(translate("Cli", "pushed {case} to {address} ({rows} rows)").format(
        case=printable(args.case), address=address, rows=rows))
    return 0


def cmd_sync(args) -> int:
    from ..services.exchange.sync import sync

    address = ServerAddress.parse(args.address)
    if is_server_address(args.case):
        raise CasefileError(translate("Cli", "sync exchanges a laptop case with the server: {case} is on a server "
                                             "itself").format(case=printable(args.case)))
    key = documenter_key(args)
    with open_case(args) as case:
        done = sync(case, address, key)
    up, down = done.sent.counts, done.received.counts
    print(translate("Cli", "synced {case} with {address}: sent {sent} created, updated or deleted; received "
                           "{received}; {conflicts} with conflicts (see 'casefile conflicts')").format(
        case=printable(args.case), address=address, sent=up["created"] + up["updated"] + up["deleted"],
        received=down["created"] + down["updated"] + down["deleted"], conflicts=down["conflicts"]))
    for code, field in done.received.conflicts:
        print(translate("Cli", "conflict: {code} {field} (see 'casefile conflicts')").format(
            code=printable(code), field=printable(field)))
    return 0


def cmd_pull(args) -> int:
    from ..services.exchange.sync import pull_copy

    address = ServerAddress.parse(args.address)
    outputs.check_output(args.output, force=None)  # never an existing name, a folder or a link
    passphrase = read_new_passphrase(args) if args.encrypt else None
    with pull_copy(address, args.output, documenter_key(args), passphrase=passphrase) as case:
        kind = translate("Cli", "encrypted") if case.encrypted else translate("Cli", "not encrypted")
        print(translate("Cli", "wrote {path} ({kind}) from {address}").format(
            path=printable(case.path), kind=kind, address=address))
    return 0
