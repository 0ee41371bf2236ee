"""Entry point of the bundled application: the same ``casefile`` command."""

import sys

from casefile.cli import run

if __name__ == "__main__":
    sys.exit(run())
