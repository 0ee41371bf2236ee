"""Every file a command reads, named by the user, may be no file at all: a
FIFO (it would hang the reader), a device (``/dev/zero`` never ends), a
folder, a name too long for the file system. Each is one line, at once, and
the case is left as it was (``casefile.files``)."""

from __future__ import annotations

import hashlib
import os
import signal
import sys
from contextlib import contextmanager

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "mkfifo"), reason="POSIX FIFOs")

READERS = {
    "import": ("import", "{case}", "{file}"),
    "merge": ("merge", "{case}", "{file}"),
    "add-evidence": ("add-evidence", "{case}", "{file}"),
    "check-signature": ("check-signature", "{file}"),
    "key --trust": ("key", "--trust", "{file}", "--as", "Ana"),
    "bundle --to": ("bundle", "-o", "{out}", "--to", "{file}", "{case}"),
    "bundle --since": ("bundle", "-o", "{out}", "--since", "{file}", "{case}"),
}


@contextmanager
def at_once(seconds: int = 30):
    """Fails the test, instead of hanging the run, if the command blocks."""
    def stop(signum, frame):
        raise TimeoutError(f"still reading after {seconds} s")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def not_files(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "folder").mkdir()
    return {"a FIFO": tmp_path / "pipe", "a device": os.devnull if not os.path.exists("/dev/zero") else "/dev/zero",
            "a folder": tmp_path / "folder", "a name too long": tmp_path / ("a" * 300)}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("kind", ["a FIFO", "a device", "a folder", "a name too long"])
def test_what_is_no_file_is_one_line_at_once(cli, sample_case, tmp_path, not_files, monkeypatch, reader, kind):
    monkeypatch.setenv("CASEFILE_KEY_PASSPHRASE", "a key passphrase for the tests")
    before = hashlib.sha256(sample_case.read_bytes()).hexdigest()
    argv = [a.format(case=sample_case, file=not_files[kind], out=tmp_path / "out.cfbundle") for a in READERS[reader]]
    with at_once():
        result = cli(*argv)
    assert result.code == 1, (result.out, result.err)
    assert result.one_error_line().startswith("casefile: ")
    assert hashlib.sha256(sample_case.read_bytes()).hexdigest() == before
    assert not (tmp_path / "out.cfbundle").exists()
