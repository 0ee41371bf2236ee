"""The ``casefile`` command. No sub-command opens the window.

Exit codes: 0 success; 1 a user error (one line on stderr, no traceback);
2 usage; 3 ``verify`` found problems.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import re
import sys

from ..errors import CasefileError
from ..i18n import translate
from ..store import storage
from .printable import one_line

#: The modules that register the sub-commands, in the order ``--help`` lists
#: them. Imported only when the arguments may name a command: the window
#: needs none of them (0.1 s of imports at its start).
COMMANDS = ("case_commands", "exchange_commands", "evidence_commands", "security_commands", "redaction_commands",
            "team_commands", "server_commands")
#: What a sub-command's name looks like (``add-evidence``); a case's path,
#: with a dot or a separator in it, never does.
COMMAND_WORD = re.compile(r"[a-z][a-z-]*")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors: one line, exit 2
        self.exit(2, f"{self.prog}: {message}\n")


def build_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    """The parser and the names of its sub-commands."""
    parser = _Parser(prog="casefile", description=translate(
        "Cli", "Offline case files for human-rights documentation. Without a command, opens the window."))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for module in COMMANDS:
        importlib.import_module(f"{__name__}.{module}").register(sub)
    return parser, set(sub.choices)


def gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="casefile", description=translate("Cli", "Open the Casefile window."))
    parser.add_argument("case", nargs="?", help=translate("Cli", "case file to open"))
    parser.add_argument("--demo", action="store_true", help=translate("Cli", "open a fresh copy of the sample case"))
    parser.add_argument("--screenshot", metavar="PNG", help=translate("Cli", "render the window to PNG and exit"))
    parser.add_argument("--passphrase-file", metavar="F")
    return parser


def _install_translation() -> None:
    """Speak the environment's language when we ship it; Qt is loaded only then."""
    from ..i18n_build import SOURCE_LANGUAGE, environment_language

    language = environment_language()
    if language != SOURCE_LANGUAGE:
        from ..ui.language import install_cli_translator

        install_cli_translator(language)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _install_translation()
    first = next((a for a in argv if not a.startswith("-")), None)
    asks_help = argv in (["-h"], ["--help"])
    try:
        if asks_help or (first is not None and COMMAND_WORD.fullmatch(first)):
            parser, commands = build_parser()
            if asks_help or first in commands:
                args = parser.parse_args(argv)
                return args.run(args) or 0
        args = gui_parser().parse_args(argv)
        from ..ui.app import run_gui  # Qt only when the window is wanted

        return run_gui(args)
    except CasefileError as error:
        print(f"casefile: {one_line(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(translate("Cli", "casefile: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except storage.DISK_ERRORS as error:  # a full disk, a read-only file system: one line
        line = storage.trouble_message(error, [a for a in argv if not a.startswith("-")])
        if line is None:
            raise
        print(f"casefile: {line}", file=sys.stderr)
        return 1


def run() -> int:
    """The ``casefile`` program: ``main`` in a process of its own."""
    # What the imports made (some 70,000 objects) lives as long as the
    # process. Frozen, no garbage collection walks it again: one that fell
    # in the middle of an intake went over it for 1.3 ms. Not in ``main``,
    # which the tests call many times in one process.
    gc.freeze()
    return main()


if __name__ == "__main__":
    sys.exit(run())
