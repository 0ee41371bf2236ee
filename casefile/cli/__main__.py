"""``python -m casefile.cli``: the same as the ``casefile`` command."""

import sys

from . import run

sys.exit(run())
