"""The child process that writes a handover's bag for the window. No Qt.

``python -m casefile.ui.jobs.handover CASE -o DIR --for RECIPIENT
[--incidents CODES] [--lang L] [--ui-lang L] [--encrypted]``

It writes a dossier (ReportLab holds the GIL for a whole build) and copies
every original, so it runs here, as the dossier does (``jobs.dossier``, whose
protocol it speaks): stdin carries the case's passphrase (with
``--encrypted``) and then the documenter key's, each one JSON string on one
line, then ``cancel``; stdout one JSON object per line, progress and then
``{"result": {...}}`` or ``{"error": "one line"}``.
"""

from __future__ import annotations

import argparse
import sys

from ...errors import CasefileError
from .dossier import Channel, install_language, serve, window_case
from .dossier import warm_up as dossier_warm_up


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="casefile.ui.jobs.handover")
    parser.add_argument("case")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--for", dest="recipient", required=True)
    parser.add_argument("--incidents", default="")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--ui-lang", default="en", help="language of messages sent back to the window")
    parser.add_argument("--encrypted", action="store_true")
    return parser.parse_args(argv)


def run(args: argparse.Namespace, channel: Channel) -> int:
    passphrase = channel.read_secret() if args.encrypted else None
    key_passphrase = channel.read_secret()
    channel.listen()
    try:
        install_language(args.ui_lang)
        from ...services import keys
        from ...services.handover import handover

        key = keys.load_or_create(key_passphrase)  # a wrong passphrase stops here, before any work
        key_passphrase = ""
        with window_case(args.case, passphrase) as case:
            passphrase = None
            codes = [c.strip() for c in args.incidents.split(",") if c.strip()] or None
            result = handover(case, args.output, args.recipient, key, incidents=codes, lang=args.lang,
                              progress=channel.progress, cancelled=channel.cancelled)
    except CasefileError as error:
        channel.send(error=str(error))
        return 1
    channel.send(result={"path": str(result.path), "items": result.items, "octets": result.octets,
                         "head": result.head, "left_out": [list(pair) for pair in result.left_out],
                         "warnings": list(result.warnings)})
    return 0


def warm_up() -> None:
    """A handover writes a dossier into its bag: what that needs, and the handover's own code."""
    from ...services.handover import handover  # noqa: F401 - imported ahead, that is all

    dossier_warm_up()


def main(argv: list[str] | None = None) -> int:
    return serve(argv, warm_up, parse_args, run)


if __name__ == "__main__":
    sys.exit(main())
