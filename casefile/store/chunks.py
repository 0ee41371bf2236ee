"""The chunk store: file contents inside the case as content-addressed rows.

A file is split into chunks of ``CHUNK_SIZE`` bytes; ``blob`` names the whole
file by its SHA-256 and ``blob_chunk`` lists its chunks in order. A chunk is
stored once (``chunk``) under one of two keys, each a SHA-256 that no other
bytes can share:

- the hash of the file's bytes up to the chunk's end, which the intake has at
  hand as it hashes the whole file: the bytes are hashed once (format 10; a
  file's first chunk is keyed so under either rule);
- the hash of the chunk's own bytes: every chunk of format 9 and before, and,
  from format 10, a chunk of one byte repeated (the zeros of a disk image, the
  erased 0xFF of a phone's flash), which recurs and is so stored once.

Identical files, and files that begin alike, are therefore stored once.
Whoever checks a chunk accepts either key (``rehash``, ``sound``).

Plain SQL over the caller's connection, inside the caller's transaction: no
incremental blob API (SQLCipher has none) and nothing outside the case file.
Memory stays flat: a few chunks in flight plus about 200 bytes of bookkeeping per MiB.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import queue
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO, NamedTuple

from sqlalchemy.engine import Connection

from ..errors import CasefileError
from ..i18n import translate
from .connection import streaming_cache

CHUNK_SIZE = 1 << 20  # 1 MiB: large enough for throughput, small enough for flat memory

Progress = Callable[[int], None]


class BlobMissing(CasefileError):
    """The case holds no (complete) bytes for this hash."""


class Cancelled(CasefileError):
    """The caller asked to stop; the transaction is rolled back."""


_INSERT_CHUNK = "INSERT OR IGNORE INTO chunk (sha256, data) VALUES (?, ?)"
_INSERT_BLOB = "INSERT OR IGNORE INTO blob (sha256, size) VALUES (?, ?)"
_INSERT_BLOB_CHUNK = "INSERT INTO blob_chunk (blob_sha256, seq, chunk_sha256) VALUES (?, ?, ?)"


class Written(NamedTuple):
    """What ``write_stream`` stored: the file's hash and size, its chunks in
    order, and its first chunk, still in memory. Parsers read the file next,
    its head first, and by then a large file's pages have left every cache
    (``streaming_cache``, ``store.writeback``): even listing its chunks again
    would read a page of each back from the disk (4 GiB: 256 MiB). So
    ``BlobReader(written=...)`` takes both from here."""

    sha256: str
    size: int
    chunks: list[tuple[str, int]]  # (chunk hash, length)
    head: bytes


def write_stream(conn: Connection, fileobj: BinaryIO, *, chunk_size: int = CHUNK_SIZE, limit: int | None = None,
                 progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> Written:
    """Store what ``fileobj`` yields until EOF (or ``limit`` bytes).

    The whole-file hash is computed from the very bytes that are stored.
    ``progress(bytes_done)`` is called after each chunk; ``cancelled()``
    returning true raises :class:`Cancelled` (the caller rolls back).
    """
    with reading(fileobj, chunk_size=chunk_size, limit=limit) as source:
        return store(conn, source, progress=progress, cancelled=cancelled)


def reading(fileobj: BinaryIO, *, chunk_size: int = CHUNK_SIZE, limit: int | None = None) -> Reading:
    """The chunks of ``fileobj`` for ``store``, each with its hash. A file of
    more than one chunk is read ahead in a thread from the moment the
    returned context is entered, so a caller can enter it early (the intake
    does, before its transaction begins); leaving it stops the reading."""
    if limit is not None and limit <= chunk_size:  # small: one chunk
        return _OneChunk(fileobj, chunk_size, limit)
    return _ReadAhead(fileobj, chunk_size, limit)


def store(conn: Connection, source: Reading, *, progress: Progress | None = None,
          cancelled: Callable[[], bool] | None = None) -> Written:
    """Store the chunks of ``source`` (``reading``, entered): ``write_stream``'s
    work, for a caller that started the reading itself."""
    chunk_list: list[tuple[str, int]] = []
    head = b""
    size = 0
    execute = conn.exec_driver_sql
    large = isinstance(source, _ReadAhead)
    with streaming_cache(conn.connection.driver_connection) if large else contextlib.nullcontext():
        for digest, data in source:
            if cancelled is not None and cancelled():
                raise Cancelled(translate("Evidence", "cancelled"))
            execute(_INSERT_CHUNK, (digest, data))
            head = head if chunk_list else data
            chunk_list.append((digest, len(data)))
            size += len(data)
            del data  # let the chunk go before the next one arrives (the head stays)
            if progress is not None:
                progress(size)
        sha256 = source.whole_sha256()
    inserted = execute(_INSERT_BLOB, (sha256, size)).rowcount
    if inserted:
        if chunk_list:
            execute(_INSERT_BLOB_CHUNK, [(sha256, seq, h) for seq, (h, _) in enumerate(chunk_list)])
    elif not _complete(conn, sha256, size):
        # A blob row without all its chunks (damaged case): rebuild its list.
        execute("DELETE FROM blob_chunk WHERE blob_sha256 = ?", (sha256,))
        execute("UPDATE blob SET size = ? WHERE sha256 = ?", (size, sha256))
        if chunk_list:
            execute(_INSERT_BLOB_CHUNK, [(sha256, seq, h) for seq, (h, _) in enumerate(chunk_list)])
    # Each listed chunk is in the case (this write's, or an identical one before it).
    return Written(sha256, size, chunk_list, head)


class _ReadAhead:
    """Reads the file and hashes it in a thread of its own, handing each chunk
    on with its key, while the caller stores it: hashlib and SQLite release
    the GIL, so the hashing and the storing run side by side, and each byte is
    hashed once (format 9 hashed it twice, for the file and for its chunk:
    16 MiB at 0.73-0.82x of a plain hashed copy, now 0.81-0.96x). At most
    ``_AHEAD`` chunks wait between the two, so memory stays flat."""

    _AHEAD = 2

    def __init__(self, fileobj: BinaryIO, chunk_size: int, limit: int | None):
        self._file, self._chunk_size, self._limit = fileobj, chunk_size, limit
        self._read: queue.Queue = queue.Queue(self._AHEAD)  # (key, bytes) read
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run_reader, name="chunk-read", daemon=True)
        self.whole = hashlib.sha256()

    def __enter__(self) -> _ReadAhead:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        while self._thread.is_alive():  # unblock the reader waiting on a full queue
            with contextlib.suppress(queue.Empty):
                self._read.get(timeout=0.01)
        self._thread.join()

    def whole_sha256(self) -> str:
        """Once the last chunk is out: the reader fed every byte to it before that."""
        return self.whole.hexdigest()

    def _put(self, item) -> bool:
        while not self._stop.is_set():
            try:
                self._read.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def _run_reader(self) -> None:
        try:
            size = 0
            while not self._stop.is_set():
                want = self._chunk_size if self._limit is None else min(self._chunk_size, self._limit - size)
                data = self._file.read(want) if want > 0 else b""
                if not data:
                    break
                size += len(data)
                self.whole.update(data)
                if not self._put((_key(data, self.whole), data)):
                    return
                del data
            self._put(None)
        except BaseException as error:  # handed on to the consumer, raised there  # noqa: BLE001
            self._put(error)

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        while True:
            item = self._read.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item


class _OneChunk:
    """A file of at most one chunk (a photo, a document), read and hashed
    right here: threads would cost more than they hide, and the chunk's hash
    is the whole file's."""

    def __init__(self, fileobj: BinaryIO, chunk_size: int, limit: int):
        self._file, self._limit = fileobj, limit
        self._sha256 = hashlib.sha256(b"").hexdigest()

    def __enter__(self) -> _OneChunk:
        return self

    def __exit__(self, *exc) -> None:
        pass

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        data = self._file.read(self._limit) if self._limit > 0 else b""
        if data:
            self._sha256 = hashlib.sha256(data).hexdigest()
            yield self._sha256, data

    def whole_sha256(self) -> str:
        return self._sha256


Reading = _ReadAhead | _OneChunk


def _key(data: bytes, running) -> str:
    """A chunk's key (see the module): the hash of its own bytes if they are
    one byte repeated, else that of the file up to its end (``running``, the
    whole-file hash fed up to here)."""
    if _uniform(data):
        return _uniform_key(data[:1], len(data))
    return running.copy().hexdigest()


def _uniform(data: bytes) -> bool:
    """One byte repeated? A chunk of anything else is told at its first bytes."""
    if not data or data[:64] != data[:1] * min(64, len(data)):
        return False
    return data == data[:1] * len(data)


@functools.lru_cache(maxsize=16)
def _uniform_key(byte: bytes, length: int) -> str:
    return hashlib.sha256(byte * length).hexdigest()


def _matches(key: str, data: bytes, running) -> bool:
    """Is ``data`` what was stored under ``key``, by either rule? ``running``:
    the file's hash fed up to and with ``data``."""
    if running.copy().hexdigest() == key:
        return True
    if _uniform(data):  # its key is known without hashing it again
        return _uniform_key(data[:1], len(data)) == key
    return hashlib.sha256(data).hexdigest() == key


def _complete(conn: Connection, sha256: str, size: int) -> bool:
    row = conn.exec_driver_sql(
        "SELECT b.size, count(c.sha256), coalesce(sum(length(c.data)), 0) FROM blob b "
        "LEFT JOIN blob_chunk bc ON bc.blob_sha256 = b.sha256 LEFT JOIN chunk c ON c.sha256 = bc.chunk_sha256 "
        "WHERE b.sha256 = ?", (sha256,)).first()
    return row is not None and row[0] == size and row[2] == size


def blob_exists(conn: Connection, sha256: str) -> bool:
    return conn.exec_driver_sql("SELECT 1 FROM blob WHERE sha256 = ?", (sha256,)).first() is not None


def blob_size(conn: Connection, sha256: str) -> int | None:
    return conn.exec_driver_sql("SELECT size FROM blob WHERE sha256 = ?", (sha256,)).scalar()


def _chunk_list(conn: Connection, sha256: str) -> list[tuple[str, int]]:
    """(chunk hash, stored length) in order; length() does not load the data."""
    if not blob_exists(conn, sha256):
        raise BlobMissing(translate("Evidence", "no stored bytes for sha256:{sha}").format(sha=sha256))
    rows = conn.exec_driver_sql(
        "SELECT bc.chunk_sha256, length(c.data) FROM blob_chunk bc LEFT JOIN chunk c ON c.sha256 = bc.chunk_sha256 "
        "WHERE bc.blob_sha256 = ? ORDER BY bc.seq", (sha256,)).all()
    if any(length is None for _, length in rows):
        raise BlobMissing(translate("Evidence", "stored bytes for sha256:{sha} are incomplete").format(sha=sha256))
    return [(h, length) for h, length in rows]


def _chunk(conn: Connection, chunk_sha256: str) -> bytes:
    data = conn.exec_driver_sql("SELECT data FROM chunk WHERE sha256 = ?", (chunk_sha256,)).scalar()
    if data is None:
        raise BlobMissing(translate("Evidence", "a stored chunk is missing (sha256:{sha})").format(sha=chunk_sha256))
    return bytes(data)


def read_blob(conn: Connection, sha256: str) -> Iterator[bytes]:
    """The file's bytes, chunk by chunk, in order (one chunk in memory)."""
    for chunk_sha256, _ in _chunk_list(conn, sha256):
        yield _chunk(conn, chunk_sha256)


class BlobsAhead:
    """Several files' bytes read in a thread of their own, over a connection of
    its own (``connect``), a few chunks ahead of the caller, who writes and hashes
    the chunk before meanwhile: SQLite, hashlib and file writes release the GIL.
    Iterating gives one iterator of chunks per hash, in order; each must be read
    to its end before the next (leaving the block stops the reading)."""

    _AHEAD = 4
    _END = object()

    def __init__(self, connect: Callable[[], contextlib.AbstractContextManager[Connection]], hashes: list[str]):
        self._connect, self._hashes = connect, list(hashes)
        self._queue: queue.Queue = queue.Queue(self._AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="blobs-ahead", daemon=True)

    def __enter__(self) -> BlobsAhead:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        while self._thread.is_alive():  # unblock the reader waiting on a full queue
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.01)
        self._thread.join()

    def _put(self, item) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            with self._connect() as conn:
                for sha256 in self._hashes:
                    try:
                        for data in read_blob(conn, sha256):
                            if not self._put(data):
                                return
                    except BlobMissing as error:  # this file's end: the consumer raises it, the next follow
                        if not self._put(error):
                            return
                        continue
                    if not self._put(self._END):
                        return
        except BaseException as error:  # handed on to the consumer, raised there  # noqa: BLE001
            self._put(error)

    def _one(self) -> Iterator[bytes]:
        while True:
            item = self._queue.get()
            if item is self._END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def __iter__(self) -> Iterator[Iterator[bytes]]:
        for _ in self._hashes:
            yield self._one()


def rehash(conn: Connection, sha256: str, progress: Progress | None = None,
           data: Iterable[bytes] | None = None) -> tuple[str, int, int | None]:
    """Hash the stored bytes again: (whole-file sha256, size, the first chunk
    that no longer matches its key, if any). ``data``, when given, is the
    blob's bytes read ahead (``BlobsAhead``). The chunks are checked one by
    one only when the whole does not match: intact bytes are hashed once.
    Past a damaged chunk the file's running hash is off, so whether a later
    chunk is intact cannot be told: the first is the one named."""
    whole = hashlib.sha256()
    size = 0
    for block in read_blob(conn, sha256) if data is None else data:
        whole.update(block)
        size += len(block)
        if progress is not None:
            progress(size)
    observed = whole.hexdigest()
    if observed == sha256:
        return observed, size, None
    running = hashlib.sha256()
    for seq, (key, _) in enumerate(_chunk_list(conn, sha256)):
        chunk = _chunk(conn, key)
        running.update(chunk)
        if not _matches(key, chunk, running):
            return observed, size, seq
    return observed, size, None  # every chunk as stored: the file's list or size is what changed


def sound(conn: Connection) -> bool:
    """Does every stored file read back whole: each chunk there and matching
    its key, and all of them adding up to the file's size and hash? One pass
    over the bytes (two over chunks of format 9, keyed by their own hash),
    a few chunks in memory at a time."""
    rows = conn.exec_driver_sql(
        "SELECT b.sha256, b.size, bc.chunk_sha256, c.data FROM blob b "
        "LEFT JOIN blob_chunk bc ON bc.blob_sha256 = b.sha256 LEFT JOIN chunk c ON c.sha256 = bc.chunk_sha256 "
        "ORDER BY b.sha256, bc.seq").yield_per(4)
    current: tuple[str, int] | None = None
    running, size = hashlib.sha256(), 0
    for blob_sha256, blob_size, key, data in rows:
        if current is None or current[0] != blob_sha256:
            if current is not None and (running.hexdigest(), size) != current:
                return False
            current, running, size = (blob_sha256, blob_size), hashlib.sha256(), 0
        if key is None:  # an empty file lists no chunk
            continue
        if data is None:
            return False
        running.update(data)
        size += len(data)
        if not _matches(key, data, running):
            return False
    return current is None or (running.hexdigest(), size) == current


class BlobReader(io.RawIOBase):
    """A read-only, seekable file over a stored blob, for parsers and previews.

    Reads chunks on demand through ``conn`` (which must stay open), keeping at
    most one chunk cached: nothing is written to disk. Just after a write in
    the same transaction, ``written`` gives the chunk list and the first chunk
    (``Written``): neither is read back.
    """

    def __init__(self, conn: Connection, sha256: str, written: Written | None = None):
        super().__init__()
        self._conn = conn
        if written is not None and written.sha256 == sha256:
            self._chunks, self._head = written.chunks, written.head
        else:
            self._chunks, self._head = _chunk_list(conn, sha256), b""
        self._starts = []
        offset = 0
        for _, length in self._chunks:
            self._starts.append(offset)
            offset += length
        self._size = offset
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None
        self.name = f"sha256:{sha256}"

    @property
    def size(self) -> int:
        return self._size

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        position = base + offset
        if position < 0:
            raise ValueError("negative seek position")
        self._pos = position
        return position

    def _chunk_at(self, index: int) -> bytes:
        if index == 0 and self._head:
            return self._head
        if self._cached is None or self._cached[0] != index:
            self._cached = (index, _chunk(self._conn, self._chunks[index][0]))
        return self._cached[1]

    def readinto(self, buffer) -> int:
        if self._pos >= self._size:
            return 0
        index = bisect_right(self._starts, self._pos) - 1
        data = self._chunk_at(index)
        start = self._pos - self._starts[index]
        piece = data[start:start + len(buffer)]
        buffer[:len(piece)] = piece
        self._pos += len(piece)
        return len(piece)

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = self._size - self._pos
        parts = []
        while size > 0:
            buffer = bytearray(min(size, CHUNK_SIZE))
            n = self.readinto(buffer)
            if not n:
                break
            parts.append(bytes(buffer[:n]))
            size -= n
        return b"".join(parts)
