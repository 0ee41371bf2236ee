"""Shared helpers for the benchmarks: timers, percentiles, child processes
with their own peak memory, and the results table.

Every figure is compared with a limit measured in the same run, so the ratio
means something on a busy or slow machine where absolute times drift.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MIB = 1 << 20


# -- timing ------------------------------------------------------------------------

def timed(fn: Callable, *args, **kwargs) -> tuple[float, object]:
    """(seconds, result) of one call."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def best_of(fn: Callable, repeat: int = 3) -> float:
    """Shortest of ``repeat`` runs: the least disturbed by other work on the machine."""
    return min(timed(fn)[0] for _ in range(repeat))


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def median(values: list[float]) -> float:
    return statistics.median(values)


# -- the evidence intake's limit ------------------------------------------------------

# How a plain program would copy a file while hashing it. Which write size is
# fastest depends on the kernel (on the reference machine 64 KiB writes ran
# at about 850 MiB/s and 1 MiB writes at about 270), so the limit is the
# fastest of them: Casefile is held to the best plain copy.
COPY_BLOCKS = (64 << 10, 1 << 20)


def hash_and_copy(source: str | Path, target: str | Path, block: int) -> str:
    """SHA-256 ``source`` while writing its bytes to a new ``target``, then fsync."""
    digest = hashlib.sha256()
    with open(source, "rb", buffering=0) as src, open(target, "wb", buffering=0) as dst:
        while data := src.read(block):
            digest.update(data)
            dst.write(data)
        os.fsync(dst.fileno())
    return digest.hexdigest()


#: SQLCipher 4's page format, as Casefile's encrypted cases use it: 64 KiB
#: pages, each ending in its own random IV (16 bytes) and HMAC-SHA512 (64).
CIPHER_PAGE, CIPHER_RESERVE = 64 << 10, 80


class CipherPages:
    """What SQLCipher does to each page, with OpenSSL (through ``cryptography``,
    as SQLCipher's own provider): AES-256-CBC of the page's body under its
    own IV, and HMAC-SHA512 over the ciphertext, the IV and the page number."""

    BODY = CIPHER_PAGE - CIPHER_RESERVE

    def __init__(self) -> None:
        from cryptography.hazmat.primitives import hashes, hmac
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        key, mac_key = os.urandom(32), os.urandom(32)
        self._cipher = lambda iv: Cipher(algorithms.AES(key), modes.CBC(iv))
        self._new_mac = lambda: hmac.HMAC(mac_key, hashes.SHA512())
        self._page_no = 0

    def _mac(self, sealed: bytes | memoryview) -> bytes:
        self._page_no += 1
        mac = self._new_mac()
        mac.update(sealed)
        mac.update(self._page_no.to_bytes(4, "little"))
        return mac.finalize()

    def pages(self, data: bytes) -> Iterator[memoryview]:
        """``data`` in page bodies, the last one padded."""
        view = memoryview(data)
        for start in range(0, len(data), self.BODY):
            page = view[start:start + self.BODY]
            yield page if len(page) == self.BODY else memoryview(bytes(page).ljust(self.BODY, b"\0"))

    def seal(self, page: memoryview) -> bytes:
        """A page as written: encrypted, then authenticated."""
        iv = os.urandom(16)
        encryptor = self._cipher(iv).encryptor()
        sealed = encryptor.update(page) + encryptor.finalize() + iv
        return sealed + self._mac(sealed)

    def open(self, page: memoryview) -> bytes:
        """A page as read: authenticated, then decrypted (``page`` stands for
        the ciphertext; its first 16 bytes for the IV)."""
        self._mac(page)
        decryptor = self._cipher(bytes(page[:16])).decryptor()
        return decryptor.update(page) + decryptor.finalize()


def hash_encrypt_copy(source: str | Path, target: str | Path, block: int) -> str:
    """The encrypted intake's limit: what ``hash_and_copy`` does, and on the way
    what SQLCipher must do to each 64 KiB page of the same bytes (``CipherPages.seal``)."""
    cipher = CipherPages()
    digest = hashlib.sha256()
    with open(source, "rb", buffering=0) as src, open(target, "wb", buffering=0) as dst:
        # Whole pages per read, so no byte is copied to line them up.
        while data := src.read(max(1, block // cipher.BODY) * cipher.BODY):
            digest.update(data)
            dst.write(b"".join(cipher.seal(page) for page in cipher.pages(data)))
        os.fsync(dst.fileno())
    return digest.hexdigest()


def hash_decrypt_copy(source: str | Path, target: str | Path | None, block: int) -> str:
    """Reading an encrypted case's file back, as its limit: each page of the
    same bytes authenticated and decrypted (``CipherPages.open``), SHA-256'd,
    and written to ``target`` (fsynced) if one is given."""
    cipher = CipherPages()
    digest = hashlib.sha256()
    with open(source, "rb", buffering=0) as src, \
            (open(target, "wb", buffering=0) if target is not None else contextlib.nullcontext()) as dst:
        while data := src.read(max(1, block // cipher.BODY) * cipher.BODY):
            plain = b"".join(cipher.open(page) for page in cipher.pages(data))
            digest.update(plain)
            if dst is not None:
                dst.write(plain)
        if dst is not None:
            os.fsync(dst.fileno())
    return digest.hexdigest()


def settle() -> None:
    """Flush everything earlier runs left dirty, so it is not written back on
    the next run's time. Linux's sync returns once the writes are done; the
    pause lets the device's own queue drain (a quarter second: ``--quick``
    settles about twenty times and must stay under a minute)."""
    os.sync()
    time.sleep(0.25)


# -- figures for bench.py --------------------------------------------------------------

#: What a standalone benchmark measured, by name; ``--json FILE`` writes it
#: for ``bench.py``, which runs these benchmarks as children for its rows.
FIGURES: dict[str, dict] = {}


def figure(name: str, **values) -> None:
    FIGURES[name] = values


def write_figures(path: str | None) -> None:
    if path:
        Path(path).write_text(json.dumps(FIGURES, indent=1), encoding="utf-8")


# -- memory ------------------------------------------------------------------------

def max_rss() -> int:
    """This process's peak resident set size so far, in bytes (Linux: KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


@dataclass
class Peak:
    python: int = 0  # tracemalloc's peak of Python allocations during the block
    rss_extra: int = 0  # growth of the peak RSS during the block (0 if it stayed under the earlier peak)


@contextmanager
def peak_memory(trace: bool = True):
    """Peak memory of a block. Run it in a fresh child process: ru_maxrss is a
    high-water mark for the whole process, so only a child's is meaningful."""
    peak = Peak()
    before = max_rss()
    if trace:
        tracemalloc.start()
    try:
        yield peak
    finally:
        if trace:
            peak.python = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        peak.rss_extra = max(0, max_rss() - before)


# -- child processes ----------------------------------------------------------------

#: Bytecode for the benchmark's processes, outside the working tree. This
#: environment sets PYTHONDONTWRITEBYTECODE, which makes every process compile
#: SQLAlchemy, Alembic and Casefile from source (about 1.5 s of CPU per start);
#: an installed Casefile always has its bytecode, so the benchmark does too.
PYCACHE = "/tmp/casefile-bench/pycache"


def with_bytecode(env: dict) -> dict:
    env = dict(env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", PYCACHE)
    return env


def ensure_bytecode() -> None:
    """Re-execute this process with bytecode caching on, if it is off."""
    if os.environ.get("PYTHONDONTWRITEBYTECODE") and not os.environ.get("PYTHONPYCACHEPREFIX"):
        os.execve(sys.executable, [sys.executable, *sys.argv], with_bytecode(os.environ))


def child_env(extra: dict | None = None) -> dict:
    env = with_bytecode(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.pop("CASEFILE_PASSPHRASE", None)
    env.update(extra or {})
    return env


def run_child(script: Path, name: str, args: dict, *, env: dict | None = None, timeout: float = 3600):
    """Run ``python SCRIPT --child NAME JSON`` and return the JSON value its
    last stdout line holds. A failing child raises with its stderr tail."""
    proc = subprocess.run([sys.executable, str(script), "--child", name, json.dumps(args)], capture_output=True,
                          text=True, env=child_env(env), timeout=timeout, cwd=ROOT)
    lines = [line for line in proc.stdout.splitlines() if line.startswith(("{", "["))]
    if proc.returncode != 0 or not lines:
        tail = "\n".join(proc.stderr.strip().splitlines()[-8:])
        raise RuntimeError(f"child {name} failed (exit {proc.returncode}):\n{tail}")
    return json.loads(lines[-1])


#: What every measurement imports before its timer starts, imported once by the
#: fork server (``run_forked``): about 0.45 s of each child's start on a slow machine.
FORK_PRELOAD = ["_common", "sqlalchemy.orm", "casefile.store"]


def run_forked(script: Path, name: str | None, args: dict | list[str], *, env: dict | None = None,
               timeout: float = 3600):
    """What ``run_child`` does, in a child forked from a server that has only
    imported ``FORK_PRELOAD``: the child imports and opens the rest itself, so
    no measurement finds a case, a cache or a module of its own warmed by
    another. ``name``: a function of the script's ``CHILDREN``, called with
    ``args``; None: the script run as ``__main__`` with ``args`` as its argv.
    Its output goes to a log whose tail a failure raises with. Only for Qt-free
    scripts: a window start is a whole process (``wall_until_line``)."""
    import multiprocessing
    import tempfile

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(FORK_PRELOAD)
    receive, send = context.Pipe(duplex=False)
    with tempfile.NamedTemporaryFile(prefix="casefile-bench-child-", suffix=".log") as log:
        child = context.Process(target=_forked, args=(str(script), name, args, child_env(env), log.name, send))
        child.start()
        send.close()
        outcome = ("failed", None)
        if not receive.poll(timeout):
            child.kill()
        else:
            with contextlib.suppress(EOFError):  # it died without a word: the log says why
                outcome = receive.recv()
        child.join()
        if outcome[0] != "ok":
            tail = "\n".join(Path(log.name).read_text(errors="replace").strip().splitlines()[-8:])
            raise RuntimeError(f"child {name or script.name} failed (exit {child.exitcode}):\n{tail}")
    return outcome[1]


def _forked(script: str, name: str | None, args, env: dict, log: str, send) -> None:
    import importlib
    import runpy
    import traceback

    os.environ.clear()
    os.environ.update(env)
    os.chdir(ROOT)
    with open(log, "w") as out:  # fds 1 and 2: the bench's own progress and report stay its own
        os.dup2(out.fileno(), 1)
        os.dup2(out.fileno(), 2)
    sys.path[:0] = [str(Path(script).parent)]
    try:
        if name is None:
            sys.argv = [script, *args]
            runpy.run_path(script, run_name="__main__")
            result = None
        else:
            result = importlib.import_module(Path(script).stem).CHILDREN[name](args)
        send.send(("ok", result))
    except BaseException:  # noqa: BLE001 - reported to the parent, with the log's tail
        traceback.print_exc()
        sys.stderr.flush()
        send.send(("failed", None))


def child_main(children: dict[str, Callable[[dict], dict]]) -> bool:
    """In a child: run the named function and print its result. Returns False
    when this process is not a child."""
    if len(sys.argv) < 4 or sys.argv[1] != "--child":
        return False
    result = children[sys.argv[2]](json.loads(sys.argv[3]))
    print(json.dumps(result), flush=True)
    return True


def children_cpu() -> float:
    """CPU seconds used so far by this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wall_until_line(argv: list[str], marker: str, *, env: dict | None = None, timeout: float = 120) -> float:
    """Seconds from starting a process until it prints ``marker`` on stdout
    (interpreter start, imports and all), then let it finish."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=child_env(env), cwd=ROOT)
    elapsed = None
    try:
        for line in proc.stdout:
            if line.strip() == marker:
                elapsed = time.perf_counter() - start
                break
        proc.wait(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if elapsed is None or proc.returncode != 0:
        raise RuntimeError(f"{argv[-1][:60]}... failed: {proc.stderr.read()[-800:]}")
    return elapsed


# -- the table ----------------------------------------------------------------------

@dataclass
class Row:
    what: str
    ours: float | None  # Casefile's figure (seconds, bytes, or MiB/s per ``unit``)
    limit: float | None  # the limit's figure, measured in the same run
    target: str
    unit: str = "s"  # "s", "ms", "MiB/s", "MiB", "x"
    higher_is_better: bool = False
    max_ratio: float | None = None  # ratio target (ours/limit must be <= this, or >= if higher is better)
    absolute: float | None = None  # an absolute target in ``unit`` (e.g. 0.1 s)
    note: str = ""
    verdict: str = field(default="", init=False)

    @property
    def ratio(self) -> float | None:
        if self.ours is None or self.limit in (None, 0):
            return None
        return self.ours / self.limit

    def judge(self) -> str:
        if self.ours is None:
            return "not available yet"
        if self.max_ratio is None and self.absolute is None:
            return "info"
        ok = True
        if self.max_ratio is not None and self.ratio is not None:
            ok &= self.ratio >= self.max_ratio if self.higher_is_better else self.ratio <= self.max_ratio
        if self.absolute is not None:
            ok &= self.ours >= self.absolute if self.higher_is_better else self.ours <= self.absolute
        return "meets" if ok else "MISSES"


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MiB/s":
        return f"{value:.0f} MiB/s"
    if unit == "MiB":
        return f"{value / MIB:.1f} MiB"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:g} {unit}"


def table(rows: list[Row]) -> str:
    """A Markdown table: readable in a terminal, pasteable into the README."""
    head = ["what was measured", "Casefile", "limit (same run)", "ratio", "target", "verdict"]
    body = []
    for row in rows:
        row.verdict = row.judge()
        ratio = "-" if row.ratio is None else f"{row.ratio:.2f}"
        what = row.what + (f" ({row.note})" if row.note else "")
        body.append([what, fmt(row.ours, row.unit), fmt(row.limit, row.unit), ratio, row.target, row.verdict])
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    return "\n".join([line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, body)])


def machine() -> str:
    """One line about the machine: cores, memory, CPU model."""
    model = ""
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                model = text.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        total = int(Path("/proc/meminfo").read_text().split()[1]) * 1024
        memory = f"{total / 2**30:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores, {memory}, {model or 'CPU model unknown'}, Python {sys.version.split()[0]}"


def load() -> str:
    """The load average: other work on the machine stretches every wall-clock figure."""
    try:
        return "load average {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
    except OSError:
        return "load average unknown"
