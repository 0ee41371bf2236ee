"""Page size: new cases use large pages (evidence is mostly 1 MiB chunks);
cases made with SQLite's default 4 KiB pages, as every case before, still
open, plain or encrypted, and every copy of a case keeps opening."""

from __future__ import annotations

import hashlib
import os
import time

import pytest

from casefile.errors import WrongPassphrase
from casefile.model import Incident
from casefile.services import security
from casefile.services.evidence.intake import intake
from casefile.store import Case, backup
from casefile.store import connection as connection_module
from casefile.store.connection import LEGACY_PAGE_SIZE, PAGE_SIZE

PASS = "correct horse battery staple"


def _page_size(case: Case) -> int:
    with case.connection() as conn:
        return int(conn.exec_driver_sql("PRAGMA page_size").scalar())


def _titles(case: Case) -> list[str]:
    with case.session() as s:
        return sorted(i.title for i in s.query(Incident))


@pytest.mark.parametrize("passphrase", [None, PASS], ids=["plain", "encrypted"])
def test_new_cases_use_the_large_page(tmp_path, passphrase):
    path = tmp_path / "new.casefile"
    with Case.create(path, "New", passphrase=passphrase) as case:
        assert _page_size(case) == PAGE_SIZE > LEGACY_PAGE_SIZE
        with case.session() as s:
            s.add(Incident(title="kept"))
    with Case.open(path, passphrase=passphrase) as case:
        assert _page_size(case) == PAGE_SIZE
        assert _titles(case) == ["kept"]


@pytest.mark.parametrize("passphrase", [None, PASS], ids=["plain", "encrypted"])
def test_a_case_with_legacy_pages_opens_and_keeps_them(tmp_path, monkeypatch, passphrase):
    path = tmp_path / "old.casefile"
    with monkeypatch.context() as m:  # as Casefile made every case before large pages
        m.setattr(connection_module, "PAGE_SIZE", LEGACY_PAGE_SIZE)
        with Case.create(path, "Old", passphrase=passphrase) as case:
            with case.session() as s:
                s.add(Incident(title="from before"))
    with Case.open(path, passphrase=passphrase) as case:
        assert _page_size(case) == LEGACY_PAGE_SIZE
        with case.session() as s:
            s.add(Incident(title="after"))
        assert _titles(case) == ["after", "from before"]
    if passphrase:
        with pytest.raises(WrongPassphrase):
            Case.open(path, passphrase="not the passphrase")


def test_legacy_encrypted_case_still_derives_its_key_once(tmp_path, monkeypatch):
    path = tmp_path / "old.casefile"
    with monkeypatch.context() as m:
        m.setattr(connection_module, "PAGE_SIZE", LEGACY_PAGE_SIZE)
        Case.create(path, "Old", passphrase=PASS).close()
    calls = []
    real = hashlib.pbkdf2_hmac
    monkeypatch.setattr(connection_module.hashlib, "pbkdf2_hmac",
                        lambda *a, **kw: calls.append(a[0]) or real(*a, **kw))
    with Case.open(path, passphrase=PASS) as case:
        case.engine.dispose()  # a fresh pool: the page size found at opening is remembered too
        assert _titles(case) == []
    assert calls == ["sha512"]


def test_encrypted_copy_and_backup_open(tmp_path):
    plain = tmp_path / "plain.casefile"
    with Case.create(plain, "Plain") as case:
        with case.session() as s:
            s.add(Incident(title="copied"))
    out = security.encrypt_copy(plain, tmp_path / "enc.casefile", PASS)
    with Case.open(out, passphrase=PASS) as enc:
        assert _page_size(enc) == PAGE_SIZE
        with enc.session() as s:
            s.add(Incident(title="then edited"))
    [made] = backup.backups_of(out)
    with Case.open(made, passphrase=PASS) as copy:
        assert _titles(copy) == ["copied", "then edited"]


def test_a_large_intake_does_not_leave_its_wal_behind(tmp_path):
    """One file is one transaction, so its WAL holds the whole file; after the
    checkpoint the WAL is cut back instead of keeping that space until close."""
    big = tmp_path / "video.bin"
    with open(big, "wb") as f:
        for _ in range(80):
            f.write(os.urandom(1 << 20))
    with Case.create(tmp_path / "c.casefile", "C") as case:
        intake(case, big)
        wal = case.path.with_name(case.path.name + "-wal")
        assert wal.stat().st_size <= 64 << 20


def test_a_reader_in_the_way_does_not_hold_up_the_intake(tmp_path):
    """A reader of an older snapshot stops the WAL being emptied: the intake
    still succeeds at once, and the space comes back when the reader is gone."""
    big = tmp_path / "video.bin"
    big.write_bytes(os.urandom(80 << 20))
    with Case.create(tmp_path / "c.casefile", "C") as case:
        wal = case.path.with_name(case.path.name + "-wal")
        reader = case.engine.connect()
        reader.exec_driver_sql("SELECT count(*) FROM evidence").scalar()  # holds its snapshot open
        started = time.monotonic()
        evidence = intake(case, big)
        assert time.monotonic() - started < 4  # not the 5 s busy timeout
        assert evidence.code == "EVI-0001" and wal.stat().st_size > 64 << 20
        reader.close()
        case.release_wal()
        assert wal.stat().st_size == 0


def test_legacy_encrypted_case_changes_passphrase_and_keeps_its_pages(tmp_path, monkeypatch):
    path = tmp_path / "old.casefile"
    with monkeypatch.context() as m:
        m.setattr(connection_module, "PAGE_SIZE", LEGACY_PAGE_SIZE)
        with Case.create(path, "Old", passphrase=PASS) as case:
            with case.session() as s:
                s.add(Incident(title="from before"))
    with Case.open(path, passphrase=PASS) as case:
        security.change_passphrase(case, "a new and longer passphrase")
        assert _titles(case) == ["from before"]  # the pool reopens under the new key
    with pytest.raises(WrongPassphrase):
        Case.open(path, passphrase=PASS)
    with Case.open(path, passphrase="a new and longer passphrase") as case:
        assert _page_size(case) == LEGACY_PAGE_SIZE and _titles(case) == ["from before"]
