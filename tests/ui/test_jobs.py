"""The window's child processes (``casefile.ui.jobs``) start light: each
export from the window waits for its child's imports."""

from __future__ import annotations

import subprocess
import sys

# What a child must not import to write an unsigned dossier or a handover:
# Qt's widgets (the window's, 160-200 ms) and pyHanko with aiohttp (the
# signer's, 300-350 ms), which a signed dossier imports when it signs.
HEAVY = ("PySide6.QtWidgets", "PySide6.QtGui", "pyhanko", "aiohttp")


def test_a_child_process_imports_neither_qt_widgets_nor_the_signer():
    code = ("import sys\n"
            "import casefile.ui.jobs.dossier, casefile.ui.jobs.handover\n"
            "from casefile.dossier import writer\n"
            "from casefile.store import Case\n"
            f"print([m for m in {HEAVY!r} if m in sys.modules])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
