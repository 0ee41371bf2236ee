"""The chunk store: content-addressed rows, streamed in and out, memory flat."""

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
        assert chunks.rehash(conn, sha256) == (sha256, len(data), [])
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
        assert chunks.rehash(conn, sha256) == (sha256, len(expected), [])
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


def test_identical_chunks_and_files_are_stored_once(case):
    block = b"A" * 1000
    with case.connection() as conn:
        first = chunks.write_stream(conn, io.BytesIO(block * 3), chunk_size=1000)
        again = chunks.write_stream(conn, io.BytesIO(block * 3), chunk_size=1000)
        assert first == again
        assert _count(conn, "chunk") == 1  # three equal chunks, one row
        assert _count(conn, "blob") == 1
        assert _count(conn, "blob_chunk") == 3
        other = chunks.write_stream(conn, io.BytesIO(block + b"B"), chunk_size=1000)
        assert _count(conn, "chunk") == 2 and _count(conn, "blob") == 2
        assert chunks.blob_exists(conn, other[0])


def test_empty_file(case):
    with case.connection() as conn:
        sha256, size, *_ = chunks.write_stream(conn, io.BytesIO(b""))
        assert (sha256, size) == (hashlib.sha256(b"").hexdigest(), 0)
        assert list(chunks.read_blob(conn, sha256)) == []
        assert chunks.BlobReader(conn, sha256).read() == b""


def test_damage_is_found_per_chunk(case):
    data = os.urandom(10240)  # distinct chunks (a repeating pattern would dedupe)
    with case.connection() as conn:
        sha256, *_ = chunks.write_stream(conn, io.BytesIO(data), chunk_size=4096)
        victim = conn.exec_driver_sql(
            "SELECT chunk_sha256 FROM blob_chunk WHERE blob_sha256 = ? AND seq = 1", (sha256,)).scalar()
        stored = bytearray(conn.exec_driver_sql("SELECT data FROM chunk WHERE sha256 = ?", (victim,)).scalar())
        stored[7] ^= 0x01
        conn.exec_driver_sql("UPDATE chunk SET data = ? WHERE sha256 = ?", (bytes(stored), victim))
        observed, size, damaged = chunks.rehash(conn, sha256)
        assert observed != sha256 and size == len(data) and damaged == [1]


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


def test_a_slow_store_has_the_reader_hash_the_chunks_and_each_is_stored_under_its_own_hash(case, monkeypatch):
    """While the caller is behind (a slow disk, SQLCipher's encryption), the
    reading thread hashes chunks itself instead of waiting; whoever hashed a
    chunk, it is stored under the hash of exactly its bytes."""
    import threading
    import time
    import types

    hashed_by: list[str] = []

    def sha256(data=b""):
        if data:
            hashed_by.append(threading.current_thread().name)
        return hashlib.sha256(data)

    monkeypatch.setattr(chunks, "hashlib", types.SimpleNamespace(sha256=sha256))
    data = os.urandom(40 * 1024)
    with case.connection() as conn:
        sha256_, size, listed, _ = chunks.write_stream(conn, io.BytesIO(data), chunk_size=1024,
                                                       progress=lambda done: time.sleep(0.002))
        assert (sha256_, size) == (hashlib.sha256(data).hexdigest(), len(data))
        assert [h for h, _ in listed] == [hashlib.sha256(data[i:i + 1024]).hexdigest()
                                           for i in range(0, len(data), 1024)]
        assert chunks.rehash(conn, sha256_) == (sha256_, len(data), [])
        conn.rollback()
    assert "chunk-read" in hashed_by  # the reader did share the work
    assert len(hashed_by) == 40  # and each chunk was hashed once


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
