"""UI stall benchmark: does the window keep breathing while a dossier is built?

    uv run python tests/perf/ui_stall_bench.py [--incidents 1000] [--images 200] [--profile full] [--no-thread]

Generates a case (``dossier_bench.make_case``), opens the dossier dialog
offscreen and exports through it (a child process, as the window does), while
a 1 ms precise QTimer ticks on the UI thread. Reports the longest gap between
ticks (target: under 50 ms), the 99th percentile, and how many gaps passed
50 ms. For comparison it then builds the same dossier in a QThread
(``ThreadJob``), which is what the subprocess avoids: ReportLab holds the GIL.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
for _path in (str(ROOT), str(Path(__file__).resolve().parent)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from _common import load, machine, percentile  # noqa: E402
from dossier_bench import make_case  # noqa: E402

STALL_LIMIT_MS = 50.0


class TickRecorder:
    """Timestamps of a 1 ms timer on the UI thread; gaps show stalls."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer

        self.stamps: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(lambda: self.stamps.append(time.perf_counter()))

    def start(self) -> None:
        self.stamps.clear()
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return [(b - a) * 1000 for a, b in zip(self.stamps, self.stamps[1:])]

    def stalls(self, limit: float = STALL_LIMIT_MS) -> str:
        """When the long gaps happened, in seconds from the start."""
        start = self.stamps[0] if self.stamps else 0
        found = [f"{a - start:.2f}s:{(b - a) * 1000:.0f}ms" for a, b in zip(self.stamps, self.stamps[1:])
                 if (b - a) * 1000 > limit]
        return ", ".join(found[:12]) + (" …" if len(found) > 12 else "")


def run_until(job, app, timeout: float = 3600) -> None:
    deadline = time.monotonic() + timeout
    while not job.done and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.0005)


def summarise(name: str, gaps: list[float], seconds: float, outcome: str) -> str:
    if not gaps:
        return f"{name:<22} no ticks recorded ({outcome})"
    worst = max(gaps)
    over = sum(1 for g in gaps if g > STALL_LIMIT_MS)
    verdict = "OK" if worst < STALL_LIMIT_MS else "STALLS"
    return (f"{name:<22} {seconds:7.2f} s  ticks {len(gaps) + 1:6d}  longest gap {worst:8.1f} ms  "
            f"p99 {percentile(gaps, 99):6.1f} ms  gaps > {STALL_LIMIT_MS:.0f} ms: {over:4d}  [{verdict}]  {outcome}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=1000)
    parser.add_argument("--images", type=int, default=200)
    parser.add_argument("--profile", default="full")
    parser.add_argument("--no-thread", action="store_true", help="skip the in-thread comparison")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from casefile.dossier.writer import write_dossier
    from casefile.store import Case
    from casefile.ui.dialogs.dossier import DossierDialog
    from casefile.ui.workers import ThreadJob

    app = QApplication.instance() or QApplication([])
    print(f"UI stall during a dossier export — {machine()}; {load()}")
    with tempfile.TemporaryDirectory(prefix="casefile-stall-") as tmp:
        tmp = Path(tmp)
        started = time.perf_counter()
        make_case(tmp / "bench.casefile", args.incidents, args.images)
        print(f"case: {args.incidents} incidents, {args.images} images, made in "
              f"{time.perf_counter() - started:.1f} s; profile {args.profile}")
        case = Case.open(tmp / "bench.casefile")
        try:
            dialog = DossierDialog(case)
            dialog.set_profile(args.profile)
            dialog.output.setText(str(tmp / "subprocess.pdf"))
            dialog.show()
            app.processEvents()
            ticks = TickRecorder()
            # Baseline: the same loop with nothing running shows the machine's own noise.
            ticks.start()
            started = time.perf_counter()
            while time.perf_counter() - started < 3:
                app.processEvents()
                time.sleep(0.0005)
            print(summarise("idle (baseline)", ticks.stop(), 3.0, "nothing running"))
            outcome = {}
            dialog.exported.connect(lambda info: outcome.update(info))
            ticks.start()
            started = time.perf_counter()
            dialog.start_export()
            job = dialog.job
            run_until(job, app)
            seconds = time.perf_counter() - started
            gaps = ticks.stop()
            result = (f"{outcome.get('pages', '?')} pages" if outcome else f"failed: {dialog.status.text()}")
            print(summarise("dialog (subprocess)", gaps, seconds, result))
            if max(gaps, default=0) > STALL_LIMIT_MS:
                print(f"    long gaps at {ticks.stalls()}")

            if not args.no_thread:
                out = tmp / "thread.pdf"
                job = ThreadJob(lambda progress, cancelled: write_dossier(
                    case, out, profile=args.profile, progress=progress, cancelled=cancelled))
                ticks.start()
                started = time.perf_counter()
                job.start()
                run_until(job, app)
                seconds = time.perf_counter() - started
                gaps = ticks.stop()
                result = f"{job.result.pages} pages" if job.result is not None else f"failed: {job.error}"
                print(summarise("same build in a thread", gaps, seconds, result))
            dialog.close()
        finally:
            case.close(backup=False)


if __name__ == "__main__":
    main()
