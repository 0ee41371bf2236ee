"""Entry point of the bundled application: the same ``casefile`` command."""

import sys

from casefile.cli import main

if __name__ == "__main__":
    sys.exit(main())
