"""The child process that builds a dossier for the window. No Qt.

``python -m casefile.ui.jobs.dossier CASE -o OUT [--profile P] [--incidents CODES]
[--tag T] [--from D] [--to D] [--lang L] [--ui-lang L] [--pdfa] [--encrypted] [--sign] [--force]``,
or ``python -m casefile.ui.jobs.dossier --warm``: started while the documenter
still fills in the dialog, it imports and reads what every dossier needs
(about a second), then takes those arguments as its first line on stdin, a
JSON list (``workers.ProcessJob.prestart``); the end of input first: it ends.

ReportLab holds the GIL for a whole build, so the window runs it here rather
than in a thread (see ``workers.ProcessJob``). The protocol:

- stdin: with ``--encrypted``, the first line is the passphrase as a JSON
  string (a pipe: never argv, the environment, or a file); with ``--sign``, the next line is the
  documenter key's passphrase, the same way; afterwards a line ``cancel`` (or the
  window going away: end of input) stops the build, leaving nothing at OUT.
- stdout: one JSON object per line, ``{"progress": [done, total, text]}``,
  then ``{"result": {...}}`` or ``{"error": "one line"}``.

The window already holds the case open (and its lock, which only keeps other
windows out); this process works on the window's behalf, so it opens the
case without taking the lock, after the window's own checks on open.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import CasefileError
from ...i18n import translate

if TYPE_CHECKING:
    from ...store import Case


class Channel:
    """Lines in from the window, JSON lines out to it."""

    def __init__(self, stdin=None, stdout=None):
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self._cancel = threading.Event()
        self._lock = threading.Lock()

    def read_secret(self) -> str:
        """The passphrase as the window holds it: one JSON string on one line
        (a passphrase may end in CR or hold a line break; nothing is stripped)."""
        try:
            secret = json.loads(self.stdin.readline())
        except ValueError:
            secret = None
        return secret if isinstance(secret, str) else ""  # then opening says the passphrase is empty

    def listen(self) -> None:
        """Watch stdin for "cancel" (or its end) in a daemon thread."""
        def watch():
            for line in self.stdin:
                if line.strip() == "cancel":
                    break
            self._cancel.set()  # "cancel", or the window closed our stdin
        threading.Thread(target=watch, daemon=True).start()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def send(self, **message) -> None:
        with self._lock:
            self.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
            self.stdout.flush()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.send(progress=[int(done), int(total), str(text)])


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="casefile.ui.jobs.dossier")
    parser.add_argument("case")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--profile", default="full")
    parser.add_argument("--incidents", default="")
    parser.add_argument("--tag", default="")
    parser.add_argument("--from", dest="date_from", default="")
    parser.add_argument("--to", dest="date_to", default="")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--ui-lang", default="en", help="language of messages sent back to the window")
    parser.add_argument("--encrypted", action="store_true")
    parser.add_argument("--faces", choices=("blur", "omit"), default="blur", help="pictures showing faces")
    parser.add_argument("--pdfa", action="store_true", help="archival PDF/A-2b")
    parser.add_argument("--sign", action="store_true", help="sign with the documenter's key")
    parser.add_argument("--force", action="store_true", help="replace an existing file (the window asked)")
    return parser.parse_args(argv)


@contextmanager
def window_case(path: str, passphrase: str | None) -> Iterator[Case]:
    """The case the window holds open, for this child's work."""
    from ...store import Case

    case = Case.open_delegated(Path(path), passphrase=passphrase)
    passphrase = None  # the case holds its key now: no other copy stays in this frame
    try:
        yield case
    finally:
        case.close(backup=False)  # the window makes the backups, on its own close


def run(args: argparse.Namespace, channel: Channel) -> int:
    passphrase = channel.read_secret() if args.encrypted else None
    key_passphrase = channel.read_secret() if args.sign else None
    channel.listen()
    try:
        install_language(args.ui_lang)
        from ...dossier.writer import write_dossier

        signer = None
        if key_passphrase is not None:  # a wrong passphrase stops here, before any work
            from ...services import keys

            signer = keys.load_or_create(key_passphrase)  # made on first use
            key_passphrase = None
        with window_case(args.case, passphrase) as case:
            passphrase = None
            codes = [c.strip() for c in args.incidents.split(",") if c.strip()] or None
            result = write_dossier(case, args.output, profile=args.profile, incidents=codes, tag=args.tag or None,
                                   date_from=args.date_from or None, date_to=args.date_to or None,
                                   lang=args.lang, faces=args.faces,
                                   progress=channel.progress, cancelled=channel.cancelled, force=args.force,
                                   pdfa=args.pdfa, signer=signer)
    except CasefileError as error:
        channel.send(error=str(error))
        return 1
    channel.send(result={"path": str(result.path), "pages": result.pages, "sha256": result.sha256,
                         "withheld": dict(result.withheld), "warnings": list(result.warnings)})
    return 0


def install_language(lang: str) -> None:
    """Messages (errors, progress) in the window's language."""
    if not lang or lang == "en":
        return
    try:
        from ..language import install_cli_translator  # QtCore only: no widgets in this process

        install_cli_translator(lang)
    except Exception:  # noqa: BLE001 - English messages are still messages
        pass


def warm_up() -> None:
    """What every dossier reads before the case: the writer and ReportLab
    imported, the fonts registered, the map's coastlines and towns decoded."""
    from ...dossier.fonts import fallback_font, register_fonts
    from ...dossier.writer import write_dossier  # noqa: F401 - imported ahead, that is all
    from ...services.views.basemap import basemap
    from ...services.views.gazetteer import load

    register_fonts()
    fallback_font()
    basemap()
    load()


def orders(argv: list[str], channel: Channel, ready: Callable[[], None]) -> list[str] | None:
    """The child's arguments: ``argv``; or with ``--warm`` (started ahead by
    the window), once ``ready()`` has run, the JSON list the window sends as
    the first line on stdin. None when the window went away first."""
    if argv != ["--warm"]:
        return argv
    ready()
    line = channel.stdin.readline()
    if not line:  # the dialog closed before asking: nothing to do
        return None
    try:
        sent = json.loads(line)
    except ValueError:
        sent = None
    if not isinstance(sent, list) or not all(isinstance(arg, str) for arg in sent):
        channel.send(error=translate("Jobs", "The window sent the background task no instructions."))
        raise SystemExit(2)
    return sent


def serve(argv: list[str] | None, ready: Callable[[], None],
          parse: Callable[[list[str]], argparse.Namespace], work: Callable[[argparse.Namespace, Channel], int]) -> int:
    """A child's main: its orders (``orders``), then its work."""
    channel = Channel()
    given = orders(sys.argv[1:] if argv is None else argv, channel, ready)
    return 0 if given is None else work(parse(given), channel)


def main(argv: list[str] | None = None) -> int:
    return serve(argv, warm_up, parse_args, run)


if __name__ == "__main__":
    sys.exit(main())
