"""Window benchmark: first paint of a 100,000-incident list, against a bare
PySide6 window, and scrolling to the end of the list.

    QT_QPA_PLATFORM=offscreen uv run python tests/perf/window_bench.py [--rows 100000]

Prints figures; asserts nothing (timing belongs in benchmarks, not tests).
Targets (DESIGN.md): first paint under 100 ms after the case is open; start
within 3x a bare window; scrolling never stalls (each page fetch well under 50 ms).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEvent, QObject, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from casefile.model import Incident, Place  # noqa: E402
from casefile.store import Case, fulltext  # noqa: E402


class PaintWatch(QObject):
    def __init__(self):
        super().__init__()
        self.painted_at: float | None = None

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
        return False


def wait_for_paint(app, watch: PaintWatch, widget) -> None:
    deadline = time.perf_counter() + 10
    while watch.painted_at is None and time.perf_counter() < deadline:
        app.processEvents()
        if watch.painted_at is None:
            widget.repaint()  # offscreen: make sure a paint is requested


def make_scale_case(folder: Path, rows: int) -> Path:
    path = folder / "scale.casefile"
    case = Case.create(path, "Scale case", documenter="bench")
    with case.connection() as conn:
        conn.execute(insert(Place), [dict(uuid=f"10000000-0000-4000-8000-{i:012d}", code=f"PLC-{i + 1:04d}",
                                          name=f"Municipio {i}", state="Guerrero") for i in range(200)])
        batch = 20_000
        for start in range(0, rows, batch):
            conn.execute(insert(Incident), [
                dict(uuid=f"00000000-0000-4000-8000-{i:012d}", code=f"INC-{i + 1:04d}",
                     title=f"Incident {i}: detention at a roadblock", start_date=f"{2000 + i % 24:04d}-"
                     f"{1 + i % 12:02d}-{1 + i % 28:02d}", place_id=1 + i % 200, incident_type="detention",
                     violation_status="possible") for i in range(start, min(rows, start + batch))])
        fulltext.index_all(conn, "incident")
    case.close()
    return path


def bare_window(app) -> float:
    start = time.perf_counter()
    window = QMainWindow()
    table = QTableView()
    window.setCentralWidget(table)
    watch = PaintWatch()
    table.viewport().installEventFilter(watch)
    window.resize(1400, 900)
    window.show()
    wait_for_paint(app, watch, table.viewport())
    elapsed = watch.painted_at - start
    window.close()
    return elapsed


def casefile_window(app, path: Path) -> dict:
    from casefile.ui.mainwindow import MainWindow

    figures = {}
    start = time.perf_counter()
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    case = Case.open(path)
    opened = time.perf_counter()
    window.set_case(case, remember=False)
    watch = PaintWatch()
    window.view.table.viewport().installEventFilter(watch)
    wait_for_paint(app, watch, window.view.table.viewport())
    figures["start to first list paint (incl. open)"] = watch.painted_at - start
    figures["case open -> first list paint"] = watch.painted_at - opened
    model = window.view.list_model
    figures["rows loaded at first paint"] = model.rowCount()

    # Scroll to the end, page by page, as a documenter holding End would.
    table = window.view.table
    worst = 0.0
    begin = time.perf_counter()
    while model.canFetchMore():
        t = time.perf_counter()
        table.scrollToBottom()
        app.processEvents()
        worst = max(worst, time.perf_counter() - t)
    figures["scroll to the end (all pages)"] = time.perf_counter() - begin
    figures["worst single scroll step"] = worst
    figures["rows loaded at the end"] = model.rowCount()
    t = time.perf_counter()
    model.sort(1, 1)  # sort by title, descending, in SQL
    figures["sort 100k by title (SQL)"] = time.perf_counter() - t
    t = time.perf_counter()
    model.set_filter("roadblock 4242")
    figures["filter (FTS)"] = time.perf_counter() - t
    window.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Casefile")
    app.setApplicationName("Casefile-bench")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    with tempfile.TemporaryDirectory() as folder:
        t = time.perf_counter()
        path = make_scale_case(Path(folder), args.rows)
        print(f"made a case of {args.rows:,} incidents in {time.perf_counter() - t:.1f} s")
        bare = bare_window(app)
        figures = casefile_window(app, path)
    print(f"bare PySide6 window, first paint: {bare * 1000:8.1f} ms")
    for name, value in figures.items():
        print(f"{name:40s} {value * 1000:8.1f} ms" if isinstance(value, float) else f"{name:40s} {value:8,}")
    ratio = figures["start to first list paint (incl. open)"] / bare
    print(f"start vs bare window: {ratio:.1f}x (target under 3x); "
          f"first paint after open: {figures['case open -> first list paint'] * 1000:.0f} ms (target under 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
