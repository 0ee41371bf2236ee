"""Encrypted cases: no plaintext anywhere in the case folder, wrong passphrases
leave files untouched, passphrase change and encrypted copies."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest
from sqlalchemy import select

from casefile.cli import main
from casefile.errors import CasefileError, WrongPassphrase
from casefile.model import AuditEntry, Blob, BlobChunk, Chunk, Incident, Source
from casefile.services import security
from casefile.services.records.search import search
from casefile.store import Case, PassphraseRequired, audit
from casefile.store import connection as connection_module
from casefile.store.backup import backups_of
from casefile.store.connection import APPLICATION_ID, SQLITE_HEADER
from tests.fixtures.hostile import canary, files_containing

PASS = "correct horse battery staple"


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill(case: Case, secret: str) -> None:
    """Records and evidence bytes that all carry ``secret``."""
    with case.session() as s:
        s.add(Incident(title=f"Detention at {secret}", description=f"Witness {secret} saw it. " * 50))
        s.add(Source(title=f"Report {secret}", text=f"Full text {secret} " * 200))
    data = (f"evidence bytes {secret} ".encode() * 3000)
    try:
        from casefile.services.evidence.intake import intake
    except ImportError:  # the evidence service is not in this tree: store chunk rows directly
        intake = None
    if intake is not None:
        path = case.path.parent.parent / f"{secret}.txt"
        path.write_bytes(data)
        intake(case, path)
        path.unlink()
    else:
        digest = hashlib.sha256(data).hexdigest()
        with case.session() as s:
            s.add(Chunk(sha256=digest, data=data))
            s.add(Blob(sha256=digest, size=len(data)))
            s.flush()
            s.add(BlobChunk(blob_sha256=digest, seq=0, chunk_sha256=digest))


def test_encrypted_case_folder_holds_no_plaintext(tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    secret = canary()
    case = Case.create(folder / "enc.casefile", "Encrypted", documenter=secret, passphrase=PASS)
    _fill(case, secret)
    assert [h.code for h in search(case, secret)], "the canary is searchable inside the case"
    # While open: the WAL holds the latest pages.
    assert (folder / "enc.casefile-wal").stat().st_size > 0
    assert files_containing(folder, secret) == []
    case.close()  # changed since open: leaves a rotating backup
    backups = backups_of(folder / "enc.casefile")
    assert len(backups) == 1
    assert files_containing(folder, secret) == []
    for path in [folder / "enc.casefile", *backups]:
        assert path.read_bytes()[:16] != SQLITE_HEADER
    # The backup opens with the same passphrase and holds the records.
    copy = tmp_path / "restored.casefile"
    copy.write_bytes(backups[0].read_bytes())
    with Case.open(copy, passphrase=PASS) as restored:
        assert [h.code for h in search(restored, secret)]
        restored.close(backup=False)


def test_plain_case_does_show_the_canary(tmp_path):
    """The control: the scan finds what a plain case stores in the clear."""
    secret = canary()
    with Case.create(tmp_path / "plain.casefile", "Plain") as case:
        _fill(case, secret)
    assert tmp_path / "plain.casefile" in files_containing(tmp_path, secret)


def test_wrong_passphrase_is_one_line_and_leaves_the_file_alone(tmp_path, capsys):
    path = tmp_path / "enc.casefile"
    with Case.create(path, "Encrypted", passphrase=PASS) as case:
        _fill(case, canary())
    before = {p.name: _sha(p) for p in tmp_path.iterdir()}
    bad = tmp_path / "bad.txt"
    bad.write_text("not it\n")
    before["bad.txt"] = _sha(bad)
    for command in (["info", str(path)], ["search", str(path), "x"]):
        assert main([*command, "--passphrase-file", str(bad)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "passphrase" in err.lower() and "Traceback" not in err
    assert {p.name: _sha(p) for p in tmp_path.iterdir()} == before
    with pytest.raises(WrongPassphrase):
        Case.open(path, passphrase="not it")
    with pytest.raises(PassphraseRequired):
        Case.open(path)


def test_passphrase_order_file_then_environment(tmp_path, monkeypatch, capsys):
    path = tmp_path / "enc.casefile"
    good = tmp_path / "pw"
    good.write_text(PASS + "\n")
    assert main(["new", str(path), "--title", "T", "--passphrase-file", str(good)]) == 0
    assert path.read_bytes()[:16] != SQLITE_HEADER
    capsys.readouterr()
    monkeypatch.setenv("CASEFILE_PASSPHRASE", PASS)
    assert main(["info", str(path), "--json"]) == 0
    assert '"encrypted": true' in capsys.readouterr().out
    bad = tmp_path / "bad"
    bad.write_text("wrong\n")
    assert main(["info", str(path), "--passphrase-file", str(bad)]) == 1  # the file wins over the environment
    monkeypatch.delenv("CASEFILE_PASSPHRASE")
    monkeypatch.setattr("sys.stdin", open(os.devnull))  # no terminal: no prompt, one clear line
    capsys.readouterr()
    assert main(["info", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "passphrase" in err


def test_change_passphrase_rekeys_case_and_backups(tmp_path):
    path = tmp_path / "enc.casefile"
    secret = canary()
    with Case.create(path, "Encrypted", passphrase=PASS) as case:
        _fill(case, secret)
    assert len(backups_of(path)) == 1
    with Case.open(path, passphrase=PASS) as case:
        assert security.change_passphrase(case, "a new long passphrase") == 1
        # The open case keeps working through fresh pooled connections.
        with case.session() as s:
            s.add(Incident(title="after rekey"))
        assert search(case, secret)
    for target in (path, *backups_of(path)):
        with pytest.raises(WrongPassphrase):
            Case.open(target, passphrase=PASS)
    with Case.open(path, passphrase="a new long passphrase") as case:
        with case.connection() as conn:
            assert conn.scalar(select(AuditEntry.action).where(AuditEntry.action != "seal").order_by(AuditEntry.seq.desc()).limit(2)) in (
                "create", "change-passphrase")
            assert audit.verify(conn) is None
        assert len(search(case, secret)) >= 2
        case.close(backup=False)
    assert files_containing(tmp_path, secret) == []


def test_change_passphrase_refuses_a_plain_case(case):
    with pytest.raises(CasefileError, match="not encrypted"):
        security.change_passphrase(case, "whatever passphrase")


def test_encrypt_copy_keeps_format_and_history(tmp_path):
    plain = tmp_path / "plain.casefile"
    secret = canary()
    with Case.create(plain, "Plain", documenter="Ana") as case:
        _fill(case, secret)
        head = case.audit_head()
    before = _sha(plain)
    out = security.encrypt_copy(plain, tmp_path / "enc.casefile", PASS)
    assert _sha(plain) == before  # the plain case is untouched
    assert out.read_bytes()[:16] != SQLITE_HEADER
    assert files_containing(out, secret) == []
    with Case.open(out, passphrase=PASS) as enc:
        assert enc.encrypted
        with enc.connection() as conn:
            assert conn.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
            assert conn.exec_driver_sql("PRAGMA user_version").scalar() == enc.format_version > 0
            assert audit.verify(conn) is None
            assert audit.find(conn, head) is not None  # the plain case's history continues
            last = conn.scalar(select(AuditEntry.action).where(AuditEntry.action != "seal").order_by(AuditEntry.seq.desc()).limit(1))
            assert last == "encrypt-copy"
        assert [h.code for h in search(enc, secret)]
        enc.close(backup=False)
    with pytest.raises(CasefileError, match="already exists"):
        security.encrypt_copy(plain, out, PASS)
    with pytest.raises(CasefileError, match="already encrypted"):
        security.encrypt_copy(out, tmp_path / "again.casefile", PASS)


def test_encrypt_copy_of_an_open_case(case, tmp_path):
    with case.session() as s:
        s.add(Incident(title="open while copied"))
    out = security.encrypt_copy(case, tmp_path / "copy.casefile", PASS)
    with case.session() as s:  # the open case still works
        s.add(Incident(title="after the copy"))
    with Case.open(out, passphrase=PASS) as enc:
        assert [h.code for h in search(enc, "copied")] == ["INC-0001"]
        assert search(enc, "after") == []


def test_cli_passphrase_and_encrypt(tmp_path, monkeypatch, capsys):
    old, new = tmp_path / "old", tmp_path / "new"
    old.write_text(PASS + "\n")
    new.write_text("another passphrase entirely\n")
    plain, enc = tmp_path / "p.casefile", tmp_path / "e.casefile"
    assert main(["new", str(plain), "--title", "P"]) == 0
    assert main(["passphrase", str(plain), "--new-passphrase-file", str(new)]) == 1
    assert "not encrypted" in capsys.readouterr().err
    assert main(["encrypt", str(plain), str(enc), "--new-passphrase-file", str(old)]) == 0
    assert main(["passphrase", str(enc), "--passphrase-file", str(old), "--new-passphrase-file", str(new)]) == 0
    assert main(["verify", str(enc), "--passphrase-file", str(new)]) == 0
    assert main(["verify", str(enc), "--passphrase-file", str(old)]) == 1
    monkeypatch.setattr("sys.stdin", open(os.devnull))
    capsys.readouterr()
    assert main(["encrypt", str(plain), str(tmp_path / "x.casefile")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--new-passphrase-file" in err
    assert not (tmp_path / "x.casefile").exists()


def test_key_derivation_runs_once_per_case(tmp_path, monkeypatch):
    calls = []
    real = hashlib.pbkdf2_hmac

    def counting(*args, **kw):
        calls.append(args[0])
        return real(*args, **kw)

    monkeypatch.setattr(connection_module.hashlib, "pbkdf2_hmac", counting)
    path = tmp_path / "enc.casefile"
    Case.create(path, "Encrypted", passphrase=PASS).close()
    calls.clear()
    with Case.open(path, passphrase=PASS) as case:
        # Hold several connections at once, as worker threads would.
        conns = [case.engine.connect() for _ in range(6)]
        for c in conns:
            c.exec_driver_sql("SELECT count(*) FROM incident").scalar()
        for c in conns:
            c.close()
        case.engine.dispose()  # even a fresh pool reuses the derived key
        with case.session() as s:
            s.add(Incident(title="x"))
    assert calls == ["sha512"]


def test_a_random_key_is_not_stretched_and_opens_only_its_own_copy(tmp_path, monkeypatch):
    """A mirror's key (random, dying with the process) costs no PBKDF2, still
    encrypts the file, and is no passphrase: the same words typed do not open it."""
    calls = []
    real = hashlib.pbkdf2_hmac
    monkeypatch.setattr(connection_module.hashlib, "pbkdf2_hmac",
                        lambda *args, **kw: calls.append(args[0]) or real(*args, **kw))
    key, secret = connection_module.CaseKey.random(), canary()
    words = key.passphrase
    path = tmp_path / "mirror.casefile"
    with Case.create(path, "Mirror", passphrase=key) as case:
        _fill(case, secret)
        case.engine.dispose()  # a new connection: keyed again
        with case.session() as s:
            assert s.scalars(select(Incident.title)).one() == f"Detention at {secret}"
    assert calls == []
    assert files_containing(tmp_path, secret) == []
    with pytest.raises(WrongPassphrase):
        Case.open(path, passphrase=words)
    with pytest.raises(CasefileError, match="closed"):  # forgotten at close: it keys nothing again
        Case.open(path, passphrase=key)


def test_sqlite_temp_files_stay_in_memory(tmp_path):
    with Case.create(tmp_path / "enc.casefile", "E", passphrase=PASS) as case:
        with case.connection() as conn:
            assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
            assert conn.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
            assert conn.exec_driver_sql("PRAGMA cipher_memory_security").scalar() in ("0", 0)


def test_plain_sqlite_reader_sees_nothing(tmp_path):
    path = tmp_path / "enc.casefile"
    Case.create(path, "Encrypted", passphrase=PASS).close()
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()


def test_passphrase_is_held_only_while_open_and_a_delegate_takes_no_lock(tmp_path):
    path = tmp_path / "delegate.casefile"
    case = Case.create(path, "Delegate", passphrase="correct horse")
    assert case.passphrase == "correct horse"
    helper = Case.open_delegated(path, passphrase=case.passphrase)  # the window's child process
    assert helper.audit_head() == case.audit_head()
    helper.close(backup=False)
    case.close(backup=False)
    assert case.passphrase is None
