"""The window's longest stall while the list is filtered, one word at a time,
on a case (the scale case: ``scale_case.py --scale 1``, then a copy of its
``plain.casefile``)::

    QT_QPA_PLATFORM=offscreen uv run python tests/perf/filter_stall_bench.py CASE r po roadblock

A 5 ms timer ticks while the word is typed (QTest: ASCII only) and until the
list shows it; the longest gap between ticks is the stall.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def _spin(app: QApplication, seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents()


def main(path: Path, words: list[str]) -> None:
    app = QApplication([])
    from casefile.store import Case
    from casefile.ui.mainwindow import MainWindow

    case = Case.open(path)
    window = MainWindow()
    window.set_case(case, remember=False)
    window.resize(1400, 900)
    window.show()
    _spin(app, 0.5)
    assert window.view is not None
    view = window.view
    for word in words:
        view.filter_box.setFocus()
        view.filter_box.clear()
        _spin(app, 0.5)
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick(gaps=gaps, last=last) -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        last[0] = start = time.perf_counter()
        timer.start()
        QTest.keyClicks(view.filter_box, word)
        while view.list_model.filter_text != word and time.perf_counter() - start < 10:
            app.processEvents()
        shown = time.perf_counter() - start
        _spin(app, 0.3)
        timer.stop()
        print(f"{word!r}: shown after {1000 * shown:.0f} ms (150 ms of it the pause typing waits for); "
              f"longest stall {1000 * max(gaps):.0f} ms; heading {view.heading.text()!r}")
    window.close()
    case.close(backup=False)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
