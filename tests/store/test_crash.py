"""Crash safety: kill a real Casefile process with SIGKILL at random moments
and check that nothing it acknowledged is lost and nothing is damaged.

The driver (``DRIVER``, run with ``sys.executable -c``) opens the case and
works through the services: a burst of ORM edits, an evidence intake of many
small files (through the WAL as the window does, or as the sole writer with a
rollback journal as ``add-evidence`` does, with one file large enough to
spill into the case before its commit), or a JSON import. After each commit it prints ``ACK ...`` on
stdout. The parent kills it after a seeded random delay, then checks that the
case opens (quick_check), passes ``PRAGMA integrity_check`` and
``services.verify``, and holds every acknowledged change. The same case is
used for every round, so each round also starts from the previous crash.

``tests/perf/crash_bench.py`` runs the same harness many more times.
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select

from casefile.model import Evidence, Incident
from casefile.services import verify
from casefile.store import Case

ROOT = Path(__file__).resolve().parents[2]

DRIVER = r"""
import contextlib, json, os, sys, traceback
from pathlib import Path
from sqlalchemy import select
from casefile.store import Case
from casefile.model import Incident
from casefile.services.evidence.intake import intake
from casefile.services.interchange.importer import import_json


def say(line):
    # One write() per line: a pipe write this small is atomic, so the kill
    # lands before or after it, never inside. print() writes the text and its
    # newline separately when stdout is unbuffered (PYTHONUNBUFFERED=1); a
    # kill between the two glued the driver's "EXIT" onto a half line.
    os.write(1, (line + "\n").encode())


def work(mode, path, arg):
    case = Case.open(path, passphrase=os.environ.get("CASEFILE_PASSPHRASE") or None)
    say("READY")
    if mode == "edits":
        i = int(arg)
        while True:
            with case.session() as s:
                # an update of an earlier record, when there is one: a round killed before its
                # first commit leaves the case empty for the next, which may start on an update
                inc = s.scalars(select(Incident).order_by(Incident.id.desc()).limit(1)).first() \
                    if i % 3 == 2 else None
                if inc is not None:
                    inc.title = f"t{i:07d}"
                    inc.description = "edited " * (i % 50)
                else:
                    inc = Incident(title=f"t{i:07d}", description="new " * (i % 200))
                    s.add(inc)
                s.flush()
                code = inc.code
            say(f"ACK {code} t{i:07d}")
            i += 1
    elif mode in ("intake", "sole-intake"):
        with case.sole_writer() if mode == "sole-intake" else contextlib.nullcontext():
            for f in sorted(Path(arg).iterdir()):
                ev = intake(case, f)
                say(f"ACK {ev.code} {ev.sha256} {f.name}")
    elif mode == "import":
        import_json(case, arg)
        say(f"ACK import {Path(arg).stem}")
    say("DONE")


# The imports above are paid once; each round is a forked child that opens
# the case afresh, so the kill lands in a process that does real work.
say("DRIVER")
for line in sys.stdin:
    mode, path, arg = json.loads(line)
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            say(f"CHILD {os.getpid()}")
            work(mode, path, arg)
        except BaseException:
            say("ERROR " + traceback.format_exc().replace(chr(10), " | "))
            code = 1
        finally:
            sys.stdout.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    say(f"EXIT {status}")
"""


@dataclass
class Round:
    mode: str
    delay: float
    acks: list[list[str]] = field(default_factory=list)
    finished: bool = False  # the driver got to the end before the kill


class Driver:
    """A real Casefile process (``sys.executable -c DRIVER``) that forks one
    worker per round; the worker is what gets killed."""

    def __init__(self, env: dict | None = None):
        self.env = env
        self.stuck: list[str] = []  # rounds whose killed worker never reported its exit
        self._start()

    def _start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", DRIVER], cwd=ROOT, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, errors="replace",
                                     start_new_session=True, env={**os.environ, **(self.env or {})})
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, args=(self.proc, self.lines), daemon=True).start()
        self._expect("DRIVER", 120)

    def _restart(self) -> None:
        """The harness's own plumbing got stuck: start a fresh driver. The case
        is still checked after the round as usual. The one cause seen, a line
        cut in two by the kill, is gone (``say``); this stays as a safety net."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(30)
        self._start()

    @staticmethod
    def _read(proc, lines) -> None:
        for line in proc.stdout:
            lines.put(line.strip())
        lines.put("EOF")

    def _expect(self, prefix: str, timeout: float, into: list[str] | None = None) -> str:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                ps = subprocess.run(["ps", "-o", "pid,ppid,stat,wchan:32,etime,args", "--ppid", str(self.proc.pid),
                                     "-p", str(self.proc.pid)], capture_output=True, text=True).stdout
                raise AssertionError(f"no {prefix} within {timeout} s; seen {(into or [])[-5:]}; processes:\n{ps}") from None
            if line.startswith("ERROR") or line == "EOF":
                raise AssertionError(f"driver failed: {line[:3000]}")
            if into is not None:
                into.append(line)
            if line.startswith(prefix):
                return line

    def round(self, path: Path, mode: str, arg: str, delay: float) -> Round:
        """Let a worker open the case and work for ``delay`` seconds, then SIGKILL it."""
        self.proc.stdin.write(json.dumps([mode, str(path), arg]) + "\n")
        self.proc.stdin.flush()
        pid = int(self._expect("CHILD", 60).split()[1])
        lines: list[str] = []
        self._expect("READY", 60, lines)
        time.sleep(delay)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:  # already finished
            pass
        try:
            self._expect("EXIT", 60, lines)
        except AssertionError as stuck:
            if not str(stuck).startswith("no EXIT"):
                raise
            self.stuck.append(str(stuck))
            print(f"harness restarted: {stuck}")
            self._restart()
        result = Round(mode, delay)
        result.acks = [line.split()[1:] for line in lines if line.startswith("ACK ")]
        result.finished = "DONE" in lines
        return result

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(30)


def check_case(path: Path, passphrase: str | None = None) -> Case:
    """Opens (quick_check inside), integrity_check and verify pass. Returns the open case."""
    case = Case.open(path, passphrase=passphrase)
    with case.connection() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    problems = verify.verify(case)
    assert problems == [], [str(p) for p in problems]
    return case


def check_edits(case: Case, acked_titles: dict[str, str]) -> int:
    """Every acknowledged create is there and every record holds its last
    acknowledged title or a later one (a commit may land just before the kill)."""
    with case.connection() as conn:
        have = dict(conn.execute(select(Incident.code, Incident.title)).all())
    for code, title in acked_titles.items():
        assert code in have, f"acknowledged {code} lost"
        assert have[code] >= title, f"{code}: acknowledged {title}, found {have[code]}"
    return len(acked_titles)


def make_import(folder: Path, batch: int, size: int) -> tuple[Path, set[str]]:
    uuids = [str(uuid.uuid4()) for _ in range(size)]
    now = "2024-05-01T10:00:00Z"
    incidents = [{
        "uuid": u, "code": f"INC-{batch * 10000 + i + 1:07d}", "created_at": now, "updated_at": now,
        "title": f"imported {batch}-{i}", "description": "imported " * 20, "start_date": None,
        "start_qualifier": "exact", "end_date": None, "end_qualifier": "exact", "incident_type": "",
        "violation_status": "unknown", "fatalities": None, "confidential": False, "notes": "", "place": None,
        "tags": [], "involvements": [], "links": [],
    } for i, u in enumerate(uuids)]
    doc = {"format": "casefile-interchange/1", "generator": "crash test", "exported_at": now,
           "case": {"uuid": str(uuid.uuid4()), "title": "batch", "organisation": "", "description": "",
                    "documenter": "", "language": "en"},
           "places": [], "actors": [], "incidents": incidents, "sources": [], "claims": [], "evidence": [],
           "assessments": [], "evidence_links": [], "custody": []}
    out = folder / f"batch{batch}.json"
    out.write_text(json.dumps(doc), encoding="utf-8")
    return out, set(uuids)


@dataclass
class Tally:
    kills: int = 0
    interrupted: int = 0  # rounds killed before the worker finished its work
    acked: int = 0
    rounds: dict[str, int] = field(default_factory=dict)


def campaign(tmp: Path, kills: int, seed: int, *, passphrase: str | None = None,
             modes: tuple[str, ...] = ("edits", "intake", "sole-intake", "import"),
             max_delay: float = 0.6) -> Tally:
    """Run ``kills`` kill rounds over one case, cycling through the modes the
    tree supports; check the case after each round. Returns what survived."""
    rng = random.Random(seed)
    path = tmp / "crash.casefile"
    Case.create(path, "Crash test", documenter="Harness", passphrase=passphrase).close()
    env = {"CASEFILE_PASSPHRASE": passphrase} if passphrase else {}
    driver = Driver(env)
    try:
        return _rounds(driver, tmp, path, kills, rng, passphrase, modes, max_delay)
    finally:
        driver.close()


def _rounds(driver: Driver, tmp: Path, path: Path, kills: int, rng: random.Random, passphrase: str | None,
            modes: tuple[str, ...], max_delay: float) -> Tally:
    titles: dict[str, str] = {}
    evidence: dict[str, str] = {}
    imported: dict[int, tuple[set[str], bool]] = {}
    tally = Tally()
    counter = 0
    for n in range(kills):
        mode = modes[n % len(modes)]
        delay = rng.uniform(0.0, max_delay)
        if mode == "edits":
            result = driver.round(path, mode, str(counter), delay)
            counter += len(result.acks) + 2  # skip numbers a killed commit may have used
            for code, title in result.acks:
                titles[code] = title
        elif mode in ("intake", "sole-intake"):
            folder = tmp / f"files{n}"
            folder.mkdir()
            count = rng.randint(20, 60)
            for i in range(count):
                (folder / f"f{i:03d}.bin").write_bytes(os.urandom(rng.randint(10, 30000)))
            if mode == "sole-intake":  # larger than the page cache: pages reach the case before the commit
                (folder / f"f{rng.randrange(count):03d}.bin").write_bytes(os.urandom(48 << 20))
            result = driver.round(path, mode, str(folder), delay)
            for code, sha, _name in result.acks:
                evidence[code] = sha
        else:
            doc, uuids = make_import(tmp, n, rng.randint(50, 300))
            result = driver.round(path, mode, str(doc), delay)
            imported[n] = (uuids, bool(result.acks))
        tally.kills += 1
        tally.interrupted += not result.finished
        tally.rounds[mode] = tally.rounds.get(mode, 0) + 1
        case = check_case(path, passphrase)
        try:
            tally.acked = check_edits(case, titles)
            with case.connection() as conn:
                have = dict(conn.execute(select(Evidence.code, Evidence.sha256)).all())
                present = set(conn.scalars(select(Incident.uuid)))
            for code, sha in evidence.items():
                assert have.get(code) == sha, f"acknowledged {code} lost"
            for batch, (uuids, acked) in imported.items():
                found = len(uuids & present)
                assert found in (0, len(uuids)), f"import {batch} half there ({found}/{len(uuids)})"
                assert found or not acked, f"acknowledged import {batch} lost"
            tally.acked += len(evidence) + sum(1 for _, a in imported.values() if a)
        finally:
            case.close(backup=False)
    return tally


def test_kill_harness_loses_nothing_acknowledged(tmp_path):
    tally = campaign(tmp_path, kills=int(os.environ.get("CASEFILE_CRASH_KILLS", "20")), seed=20241124)
    print(f"crash harness: {tally.kills} kills survived ({tally.interrupted} mid-work), "
          f"{tally.acked} acknowledged changes kept, {tally.rounds}")
    assert tally.kills >= 1 and tally.acked > 0


@pytest.mark.slow
def test_kill_harness_on_an_encrypted_case(tmp_path):
    tally = campaign(tmp_path, kills=3, seed=7, passphrase="crash test passphrase",
                     modes=("edits", "intake", "sole-intake"))
    assert tally.kills == 3 and tally.acked > 0
