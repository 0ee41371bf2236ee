"""The chunk store: content-addressed rows, streamed in and out, memory flat.

A chunk's key is the SHA-256 of the file up to its end (format 10), or of its
own bytes (format 9 and before; from 10, a chunk of one byte repeated)."""

from __future__ import annotations

import hashlib
import io
import os
import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event

from casefile.store import chunks


def _count(conn, table: str) -> int:
    return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=5000), chunk_size=st.integers(min_value=1, max_value=1200))
def test_round_trip_any_bytes_any_chunk_size(case, data, chunk_size):
    with case.connection() as conn:
        sha256, size, *_ = chunks.write_stream(conn, io.BytesIO(data), chunk_size=chunk_size)
        assert (sha256, size) == (hashlib.sha256(data).hexdigest(), len(data))
        assert b"".join(chunks.read_blob(conn, sha256)) == data
        assert chunks.rehash(conn, sha256) == (sha256, len(data), None)
        conn.rollback()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), chunk_size=st.integers(min_value=1, max_value=1200),
       limit=st.integers(min_value=0, max_value=3500))
def test_round_trip_up_to_a_limit_in_one_chunk_or_many(case, data, chunk_size, limit):
    """The intake reads no further than the size seen at opening (``limit``);
    a file within one chunk takes a path without threads."""
    expected = data[:limit]
    with case.connection() as conn:
        stream = io.BytesIO(data)
        sha256, size, *_ = chunks.write_stream(conn, stream, chunk_size=chunk_size, limit=limit)
        assert (sha256, size) == (hashlib.sha256(expected).hexdigest(), len(expected))
        assert stream.tell() == len(expected)  # not a byte past the limit
        assert b"".join(chunks.read_blob(conn, sha256)) == expected
        assert chunks.rehash(conn, sha256) == (sha256, len(expected), None)
        conn.rollback()


def test_a_reading_entered_early_reads_ahead_and_stops_when_left(case):
    """The intake enters ``reading`` before its transaction begins: the first
    chunks are read (and never further than the read-ahead) before anything
    is stored, the stored file is the same, and leaving without storing stops
    the reader."""
    data = os.urandom(20 * 1000)
    stream = io.BytesIO(data)
    with chunks.reading(stream, chunk_size=1000, limit=len(data)) as source:
        deadline = time.monotonic() + 10
        while stream.tell() < 2000 and time.monotonic() < deadline:
            time.sleep(0.001)
        time.sleep(0.05)
        assert 2000 <= stream.tell() <= 4000  # two chunks queued, a third at most in hand
        with case.connection() as conn:
            written = chunks.store(conn, source)
            assert b"".join(chunks.read_blob(conn, written.sha256)) == data
    assert (written.sha256, written.size) == (hashlib.sha256(data).hexdigest(), len(data))
    threads = threading.active_count()
    with chunks.reading(io.BytesIO(data * 50), chunk_size=1000) as source:
        assert threading.active_count() == threads + 1
    assert threading.active_count() == threads


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=1, max_size=3000), ops=st.lists(
    st.tuples(st.integers(min_value=0, max_value=3500), st.integers(min_value=-1, max_value=900)), max_size=8))
def test_blob_reader_seeks_and_reads_like_bytesio(case, data, ops):
    """Alone, and with what the write kept in memory (``Written``)."""
    with case.connection() as conn:
        written = chunks.write_stream(conn, io.BytesIO(data), chunk_size=256)
        assert written.head == data[:256] and sum(length for _, length in written.chunks) == len(data)
        for kept in (None, written):
            reader, expected = chunks.BlobReader(conn, written.sha256, kept), io.BytesIO(data)
            assert reader.size == len(data)
            for position, count in ops:
                reader.seek(position)
                expected.seek(position)
                assert reader.read(count) == expected.read(count)
                assert reader.tell() == expected.tell()
            reader.seek(-1, io.SEEK_END)
            assert reader.read() == data[-1:]
        conn.rollback()


def test_blob_reader_after_a_write_lists_nothing_and_reads_the_head_from_memory(case):
    data = os.urandom(3000)
    with case.connection() as conn:
        again = chunks.write_stream(conn, io.BytesIO(data[:2000]), chunk_size=1000)
        written = chunks.write_stream(conn, io.BytesIO(data), chunk_size=1000)
        statements: list[str] = []
        event.listen(conn, "before_cursor_execute", lambda *args: statements.append(args[2]))
        reader = chunks.BlobReader(conn, written.sha256, written)
        assert reader.read(1000) == data[:1000] and statements == []
        assert reader.read() == data[1000:] and len(statements) == 2  # the two chunks not kept
        # What another write kept is not this file's: its own list and chunks are read.
        assert chunks.BlobReader(conn, written.sha256, again).read() == data
        assert any("blob_chunk" in statement for statement in statements[2:])
        conn.rollback()


def _keys(conn, sha256: str) -> list[str]:
    return conn.exec_driver_sql(
        "SELECT chunk_sha256 FROM blob_chunk WHERE blob_sha256 = ? ORDER BY seq", (sha256,)).scalars().all()


def _store_as_format_9(conn, data: bytes, chunk_size: int) -> str:
    """A file as format 9 stored it: every chunk under the hash of its own bytes."""
    sha256 = hashlib.sha256(data).hexdigest()
    pieces = [data[i:i + chunk_size] for i in range(0, len(data), chunk_size)]
    conn.exec_driver_sql("INSERT INTO blob (sha256, size) VALUES (?, ?)", (sha256, len(data)))
    for seq, piece in enumerate(pieces):
        key = hashlib.sha256(piece).hexdigest()
        conn.exec_driver_sql("INSERT OR IGNORE INTO chunk (sha256, data) VALUES (?, ?)", (key, piece))
        conn.exec_driver_sql("INSERT INTO blob_chunk (blob_sha256, seq, chunk_sha256) VALUES (?, ?, ?)",
                             (sha256, seq, key))
    return sha256


def test_identical_files_files_that_begin_alike_and_runs_of_one_byte_are_stored_once(case):
    a, b, zeros = os.urandom(1000), os.urandom(1000), bytes(1000)
    with case.connection() as conn:
        first = chunks.write_stream(conn, io.BytesIO(a + b + zeros + zeros), chunk_size=1000)
        again = chunks.write_stream(conn, io.BytesIO(a + b + zeros + zeros), chunk_size=1000)
        assert first == again
        assert _count(conn, "chunk") == 3  # a, b, and the two runs of zeros as one row
        assert _count(conn, "blob") == 1 and _count(conn, "blob_chunk") == 4
        longer = chunks.write_stream(conn, io.BytesIO(a + b + zeros + zeros + b"tail"), chunk_size=1000)
        assert _count(conn, "chunk") == 4  # what it shares with the first is stored once; its tail is new
        assert _keys(conn, longer.sha256)[:4] == _keys(conn, first.sha256)
        # The same bytes at another place in a file are another chunk: their key names what came before.
        chunks.write_stream(conn, io.BytesIO(b + a), chunk_size=1000)
        assert _count(conn, "chunk") == 6
        assert all(chunks.rehash(conn, w.sha256)[2] is None for w in (first, longer))


def test_empty_file(case):
    with case.connection() as conn:
        sha256, size, *_ = chunks.write_stream(conn, io.BytesIO(b""))
        assert (sha256, size) == (hashlib.sha256(b"").hexdigest(), 0)
        assert list(chunks.read_blob(conn, sha256)) == []
        assert chunks.BlobReader(conn, sha256).read() == b""


def _damage(conn, sha256: str, seq: int) -> None:
    key = conn.exec_driver_sql(
        "SELECT chunk_sha256 FROM blob_chunk WHERE blob_sha256 = ? AND seq = ?", (sha256, seq)).scalar()
    stored = bytearray(conn.exec_driver_sql("SELECT data FROM chunk WHERE sha256 = ?", (key,)).scalar())
    stored[7] ^= 0x01
    conn.exec_driver_sql("UPDATE chunk SET data = ? WHERE sha256 = ?", (bytes(stored), key))


@pytest.mark.parametrize("fmt", [10, 9])
@pytest.mark.parametrize("seq", [0, 1, 2, 3])
def test_the_first_damaged_chunk_is_named_whichever_way_its_file_was_keyed(case, fmt, seq):
    data = os.urandom(3 * 4096) + b"\xff" * 4096  # the last chunk one byte repeated
    with case.connection() as conn:
        if fmt == 10:
            sha256 = chunks.write_stream(conn, io.BytesIO(data), chunk_size=4096).sha256
        else:
            sha256 = _store_as_format_9(conn, data, 4096)
        assert chunks.rehash(conn, sha256) == (sha256, len(data), None) and chunks.sound(conn)
        _damage(conn, sha256, seq)
        observed, size, damaged = chunks.rehash(conn, sha256)
        assert observed != sha256 and size == len(data) and damaged == seq
        assert not chunks.sound(conn)
        conn.rollback()


def test_a_case_reads_back_whole_only_with_every_chunk_its_size_and_its_hash(case):
    """``sound``, the backup's check: a missing chunk, a changed size or a
    chunk list put in another order fails it, as damaged bytes do."""
    data = os.urandom(3000)
    with case.connection() as conn:
        assert chunks.sound(conn)  # nothing stored
        sha256 = chunks.write_stream(conn, io.BytesIO(data), chunk_size=1000).sha256
        chunks.write_stream(conn, io.BytesIO(b""))
        _store_as_format_9(conn, os.urandom(2500), 1000)
        assert chunks.sound(conn)
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # damage on purpose; rolled back
        for damage in (["UPDATE blob SET size = size + 1 WHERE sha256 = ?"],
                       ["UPDATE blob_chunk SET seq = seq + 10 WHERE blob_sha256 = ?",  # first and last swapped
                        "UPDATE blob_chunk SET seq = CASE seq WHEN 10 THEN 2 WHEN 12 THEN 0 ELSE 1 END "
                        "WHERE blob_sha256 = ?"],
                       ["DELETE FROM chunk WHERE sha256 = (SELECT chunk_sha256 FROM blob_chunk "
                        "WHERE blob_sha256 = ? AND seq = 1)"]):
            conn.exec_driver_sql("SAVEPOINT damage")
            for statement in damage:
                conn.exec_driver_sql(statement, (sha256,))
            assert not chunks.sound(conn), damage
            conn.exec_driver_sql("ROLLBACK TO damage")
        assert chunks.sound(conn)
        conn.rollback()


def test_missing_blob_and_missing_chunk(case):
    with case.connection() as conn:
        with pytest.raises(chunks.BlobMissing):
            list(chunks.read_blob(conn, "0" * 64))
        sha256, *_ = chunks.write_stream(conn, io.BytesIO(b"x" * 10), chunk_size=4)
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # damage on purpose; rolled back
        conn.exec_driver_sql("DELETE FROM chunk WHERE sha256 = ?", (hashlib.sha256(b"xx").hexdigest(),))
        with pytest.raises(chunks.BlobMissing):
            chunks.BlobReader(conn, sha256)
        conn.rollback()


def test_cancel_stops_the_stream(case):
    calls = []
    with case.connection() as conn:
        with pytest.raises(chunks.Cancelled):
            chunks.write_stream(conn, io.BytesIO(b"z" * 100), chunk_size=10, progress=calls.append,
                                cancelled=lambda: len(calls) >= 3)
        conn.rollback()
    assert calls == [10, 20, 30]


def test_each_byte_is_hashed_once_and_each_chunk_keyed_by_the_file_up_to_its_end(case, monkeypatch):
    """The intake's one hash of the whole file names its chunks as it goes;
    a slow store (a slow disk, SQLCipher's encryption) changes nothing."""
    import time
    import types

    fed: list[int] = []

    class Counted:
        def __init__(self, inner):
            self._inner = inner

        def update(self, data):
            fed.append(len(data))
            self._inner.update(data)

        def copy(self):
            return self._inner.copy()  # a copy to finish: nothing more is fed to it

        def hexdigest(self):
            return self._inner.hexdigest()

    def sha256(data=b""):
        fed.append(len(data))
        return Counted(hashlib.sha256(data))

    monkeypatch.setattr(chunks, "hashlib", types.SimpleNamespace(sha256=sha256))
    data = os.urandom(40 * 1024)
    with case.connection() as conn:
        sha256_, size, listed, _ = chunks.write_stream(conn, io.BytesIO(data), chunk_size=1024,
                                                       progress=lambda done: time.sleep(0.002))
        assert sum(fed) == len(data)
        assert (sha256_, size) == (hashlib.sha256(data).hexdigest(), len(data))
        assert [h for h, _ in listed] == _keys(conn, sha256_) == [
            hashlib.sha256(data[:end]).hexdigest() for end in range(1024, len(data) + 1, 1024)]
        conn.rollback()


@pytest.mark.parametrize("passphrase", [None, "clave larga de prueba"])
def test_a_large_file_goes_in_through_a_small_page_cache(tmp_path, passphrase):
    """Pages written once and not read back need little cache: a small one
    sends them on to the disk's write-back while the intake still hashes (an
    encrypted case's larger reading cache would also make its memory grow),
    and the case's own cache size is back afterwards."""
    from casefile.store import Case
    from casefile.store.connection import CACHE_KIB, CIPHER_CACHE_KIB, STREAM_CACHE_KIB

    case = Case.create(tmp_path / "e.casefile", "E", documenter="T", passphrase=passphrase)
    data = os.urandom(3 * 4096 + 5)
    seen = []
    with case.connection() as conn:
        raw = conn.connection.driver_connection

        def cache_size() -> int:
            return int(raw.execute("PRAGMA cache_size").fetchone()[0])

        chunks.write_stream(conn, io.BytesIO(data), chunk_size=4096, limit=len(data),
                            progress=lambda done: seen.append(cache_size()))
        assert set(seen) == {-STREAM_CACHE_KIB}
        assert cache_size() == -(CIPHER_CACHE_KIB if passphrase else CACHE_KIB)
        conn.commit()
    case.close()
