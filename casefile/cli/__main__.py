"""``python -m casefile.cli``: the same as the ``casefile`` command."""

import sys

from . import main

sys.exit(main())
