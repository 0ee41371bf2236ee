"""``python -m casefile``: the same as the ``casefile`` command."""

import sys

from .cli import run

sys.exit(run())
