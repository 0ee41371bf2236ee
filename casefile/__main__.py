"""``python -m casefile``: the same as the ``casefile`` command."""

import sys

from .cli import main

sys.exit(main())
