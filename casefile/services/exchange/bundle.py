"""The ``.cfbundle`` file: a ZIP archive any tool can open.

Members:

- ``manifest.json``: format, bundle id, case UUID, sender (replica, key
  fingerprint, name, public key), profile, the version vector it was made
  against (``since``) and what its sender had seen (``knowledge``), and every
  other member with its SHA-256 and size;
- ``manifest.sig``: the sender's Ed25519 signature over ``manifest.json``
  (64 raw bytes; ``signer.pem`` holds the public key as OpenSSL reads it);
- the archive comment: a second signature, over the SHA-256 of every byte of
  the file before it, so that not one byte of the ZIP's own framing (times,
  attributes, headers no reader checks) can change unnoticed;
- ``SHA256SUMS``: the members' hashes again, in ``sha256sum -c`` form;
- ``records.json``: the case's identity, vocabularies and the items (records
  and links in interchange form, each field with its version vectors);
- ``custody.json``: custody events of the evidence it carries;
- ``history.json``: the sender's history entries (full bundles only);
- ``evidence/SHA256``: evidence files the receiver may lack.

Encrypted to recipients (``--to``), the whole ZIP is sealed with
``keys.Sealer``. Opening checks, in order, before anything is written:
the seal, the ZIP, the format, the signature over the manifest, and each
member against the manifest (evidence files while they stream in).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import queue
import tempfile
import threading
import zipfile
import zlib
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, BinaryIO, Protocol, cast

from ...files import open_regular
from ...i18n import translate
from .. import keys
from .apply import BundleRefused

FORMAT = "casefile-bundle/1"
FORMAT_NUMBER = 1
MANIFEST, SIGNATURE, SIGNER, SUMS = "manifest.json", "manifest.sig", "signer.pem", "SHA256SUMS"
RECORDS, CUSTODY, HISTORY = "records.json", "custody.json", "history.json"
EVIDENCE_DIR = "evidence/"
SPOOL = 256 << 20  # a decrypted bundle stays in memory up to this size


def dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


class _Sink(Protocol):
    def write(self, data: bytes, /) -> int: ...


PLACEHOLDER = b"\0" * 64  # the archive comment until the signature replaces it
ARCHIVE_CONTEXT = b"casefile-bundle-archive\0"


class _HashBeside:
    """SHA-256 of what it is fed, taken in a thread of its own: hashlib lets go
    of the GIL, so the file's two hashes (its member's, the whole archive's) and
    the ZIP's CRC run on separate cores. A few blocks wait at most."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self._queue: queue.Queue[bytes | None] = queue.Queue(8)
        self._thread = threading.Thread(target=self._run, name="bundle-hash", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (data := self._queue.get()) is not None:
            self._hash.update(data)

    def update(self, data: bytes) -> None:
        self._queue.put(bytes(data))

    def close(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def digest(self) -> bytes:
        self.close()
        return self._hash.digest()

    def hexdigest(self) -> str:
        self.close()
        return self._hash.hexdigest()


class _Tell:
    """zipfile writes to a stream it cannot seek when ``seek`` is missing.
    Hashes what passes; once ``closing``, the placeholder comment (zipfile's
    very last write) is replaced by the signature over all bytes before it."""

    def __init__(self, out: _Sink, key: keys.DocumenterKey):
        self._out = out
        self._position = 0
        self._hash = _HashBeside()
        self._key = key
        self.closing = False

    def write(self, data: bytes) -> int:
        if self.closing and data == PLACEHOLDER:
            data = self._key.sign(ARCHIVE_CONTEXT + self._hash.digest())
        else:
            self._hash.update(data)
        self._out.write(data)
        self._position += len(data)
        return len(data)

    def tell(self) -> int:
        return self._position

    def close(self) -> None:
        self._hash.close()

    def flush(self) -> None:
        return None


class Writer:
    """Members go in one by one (hashed on the way); ``finish`` writes the
    manifest, its signature and SHA256SUMS."""

    def __init__(self, out: _Sink, key: keys.DocumenterKey, recipients: list[bytes]):
        self._sealer = keys.Sealer(out, recipients) if recipients else None
        self._tell = _Tell(self._sealer or out, key)
        self._zip = zipfile.ZipFile(cast(IO[bytes], self._tell), "w", allowZip64=True)
        self._zip.comment = PLACEHOLDER
        self._key = key
        self.members: list[dict] = []

    def add(self, name: str, data: bytes) -> None:
        self._zip.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
        self.members.append({"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})

    def add_stream(self, name: str, chunks: Iterator[bytes]) -> None:
        digest, size = _HashBeside(), 0
        info = zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_STORED  # evidence files are mostly compressed already
        try:
            with self._zip.open(info, "w", force_zip64=True) as member:
                for chunk in chunks:
                    digest.update(chunk)
                    member.write(chunk)
                    size += len(chunk)
        finally:
            digest.close()
        self.members.append({"name": name, "sha256": digest.hexdigest(), "size": size})

    def close(self) -> None:
        """After a failure: let the hashing thread go (``finish`` does it otherwise)."""
        self._tell.close()

    def finish(self, manifest: dict) -> dict:
        self.add(SIGNER, self._key.public_pem())
        sums = "".join(f"{m['sha256']}  {m['name']}\n" for m in self.members)
        self.add(SUMS, sums.encode("ascii"))
        manifest = {**manifest, "members": self.members}
        raw = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
        self._zip.writestr(zipfile.ZipInfo(MANIFEST, (2020, 1, 1, 0, 0, 0)), raw)
        self._zip.writestr(zipfile.ZipInfo(SIGNATURE, (2020, 1, 1, 0, 0, 0)), self._key.sign(raw))
        self._tell.closing = True
        self._zip.close()
        if self._sealer is not None:
            self._sealer.close()
        return manifest


# -- opening ------------------------------------------------------------------------

@dataclass
class Opened:
    path: Path
    manifest: dict
    signer_key: bytes
    records: dict
    custody: list
    history: list
    evidence: dict[str, dict] = field(default_factory=dict)  # sha256 -> manifest member
    _zip: zipfile.ZipFile | None = None
    _source: BinaryIO | None = None
    _archive: Future[bool] | None = None  # the archive-wide signature, checked beside the merge

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.signer_key)

    def evidence_stream(self, sha256: str) -> IO[bytes]:
        assert self._zip is not None
        return self._zip.open(EVIDENCE_DIR + sha256)

    def check_archive(self) -> None:
        """Refuse unless the signature over every byte of the file holds (waits for
        the check, which reads the whole file once, while the merge works)."""
        if self._archive is not None and not self._archive.result():
            raise refuse(self.path, translate("Exchange", "its signature does not match its contents"))

    def close(self) -> None:
        if self._archive is not None:
            self._archive.result()  # its reader is done with the file
        if self._zip is not None:
            self._zip.close()
        if self._source is not None:
            self._source.close()


def refuse(path: Path, why: str) -> BundleRefused:
    return BundleRefused(translate("Exchange", "{path}: {why}; nothing changed").format(path=path.name, why=why))


def read_manifest(path: Path, key: keys.DocumenterKey | None = None) -> dict:
    """Only the manifest (for ``--since BUNDLE``), signature checked."""
    opened = open_bundle(path, key, members=False)
    opened.close()
    return opened.manifest


def open_bundle(path: Path, key: keys.DocumenterKey | None, *, members: bool = True) -> Opened:
    """Open and check a bundle; BundleRefused (one line) when anything is wrong."""
    try:
        source: BinaryIO = open_regular(path)[0]  # kept open while the merge reads evidence
    except OSError as error:
        raise refuse(path, error.strerror or str(error)) from None
    spool = None
    try:
        if keys.is_sealed(source.read(len(keys.SEALED_MAGIC))):
            source.seek(0)
            source, spool = _decrypt(path, source, key)
        else:
            source.seek(0)
        return _open_zip(path, source, members, spool)
    except BaseException:
        source.close()
        raise


class _Spool:
    """The decrypted bundle, with the hash of every byte but the last 64 (the
    archive comment's signature), taken as it is written."""

    def __init__(self) -> None:
        self.file = tempfile.SpooledTemporaryFile(max_size=SPOOL)  # noqa: SIM115
        self.digest = hashlib.sha256()
        self.tail = b""

    def write(self, data: bytes) -> None:
        self.file.write(data)
        data = self.tail + data
        self.digest.update(data[:-64])
        self.tail = data[-64:]


def _decrypt(path: Path, source: BinaryIO, key: keys.DocumenterKey | None) -> tuple[BinaryIO, _Spool]:
    if key is None:
        raise refuse(path, translate("Exchange", "it is encrypted to its recipients' keys; give your key's "
                                     "passphrase ($CASEFILE_KEY_PASSPHRASE or --key-passphrase-file)"))
    plain = _Spool()
    try:
        with source:
            for chunk in keys.open_stream(source, key):
                plain.write(chunk)
    except keys.KeyProblem as error:
        plain.file.close()
        raise refuse(path, str(error)) from None
    plain.file.seek(0)
    return plain.file, plain  # type: ignore[return-value]


def _archive_signed(source: BinaryIO, public: bytes) -> bool:
    """The comment's signature over every byte of the file before it. Read by
    position from the very file the merge reads (``os.pread`` leaves its offset
    alone), so the bytes checked are the bytes merged, while the merge works."""
    fd = source.fileno()
    size = os.fstat(fd).st_size
    if size < 64:
        return False
    digest, offset = hashlib.sha256(), 0
    while offset < size - 64:
        block = os.pread(fd, min(size - 64 - offset, 1 << 20), offset)
        if not block:
            return False
        digest.update(block)
        offset += len(block)
    return keys.verify(public, ARCHIVE_CONTEXT + digest.digest(), os.pread(fd, 64, size - 64))


def _check_archive(source: BinaryIO, public: bytes, spool: _Spool | None) -> Future[bool]:
    if spool is not None:  # hashed while it was decrypted
        done: Future[bool] = Future()
        done.set_result(len(spool.tail) == 64 and keys.verify(public, ARCHIVE_CONTEXT + spool.digest.digest(),
                                                              spool.tail))
        return done
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-signature")
    check = pool.submit(_archive_signed, source, public)
    pool.shutdown(wait=False)  # its thread ends with the check
    return check


def _open_zip(path: Path, source: BinaryIO, members: bool, spool: _Spool | None) -> Opened:
    damaged = translate("Exchange", "the bundle is damaged or truncated")
    try:
        archive = zipfile.ZipFile(source)
        names = [i.filename for i in archive.infolist()]
        if len(set(names)) != len(names) or MANIFEST not in names or SIGNATURE not in names:
            raise refuse(path, damaged)
        raw = archive.read(MANIFEST)
        signature = archive.read(SIGNATURE)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError):
        raise refuse(path, damaged) from None
    try:
        manifest = json.loads(raw)
        fmt = manifest["format"]
        public = base64.b64decode(manifest["sender"]["public_key"], validate=True)
    except (ValueError, KeyError, TypeError):
        raise refuse(path, translate("Exchange", "it is not a Casefile bundle")) from None
    prefix, _, number = str(fmt).partition("/")
    if prefix != "casefile-bundle" or not number.isdigit():
        raise refuse(path, translate("Exchange", "it is not a Casefile bundle"))
    if int(number) > FORMAT_NUMBER:
        raise refuse(path, translate("Exchange", "it was made by a newer Casefile (format {found}); this one reads "
                                     "format {known}").format(found=number, known=FORMAT_NUMBER))
    if len(public) != 32 or not keys.verify(public, raw, signature):
        raise refuse(path, translate("Exchange", "its signature does not match its contents"))
    # Every member is checked against the signed manifest; the signature over the
    # whole file (the ZIP's own framing too) is checked beside the rest, before
    # anything is committed (``check_archive``).
    opened = Opened(path, manifest, public, {}, [], [], _zip=archive, _source=source,
                    _archive=_check_archive(source, public, spool))
    try:
        if members:
            _read_members(opened, names)
        else:
            opened.check_archive()
    except BaseException:
        with contextlib.suppress(Exception):  # the check reads this file: done before it is closed
            opened._archive.result()  # type: ignore[union-attr]
        raise
    return opened


def _read_members(opened: Opened, names: list[str]) -> None:
    """Every member against the manifest; the JSON ones parsed into ``opened``."""
    path, manifest, archive, public = opened.path, opened.manifest, opened._zip, opened.signer_key
    assert archive is not None
    damaged = translate("Exchange", "the bundle is damaged or truncated")
    listed = {m["name"]: m for m in manifest.get("members", []) if isinstance(m, dict) and "name" in m}
    if set(names) != set(listed) | {MANIFEST, SIGNATURE}:
        raise refuse(path, translate("Exchange", "its members are not the ones its manifest lists"))
    try:
        parsed: dict[str, object] = {}
        for name, member in listed.items():
            if name.startswith(EVIDENCE_DIR):
                if archive.getinfo(name).file_size != member.get("size"):
                    raise refuse(path, translate("Exchange", "evidence file {name} does not match the manifest")
                                 .format(name=name[len(EVIDENCE_DIR):]))
                opened.evidence[name[len(EVIDENCE_DIR):]] = member
                continue
            data = archive.read(name)
            if hashlib.sha256(data).hexdigest() != member.get("sha256"):
                raise refuse(path, translate("Exchange", "{name} does not match the manifest").format(name=name))
            if name.endswith(".json"):
                parsed[name] = json.loads(data)
            elif name == SIGNER and keys.public_pem(public) != data:
                raise refuse(path, translate("Exchange", "its signer key does not match the manifest"))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
        raise refuse(path, damaged) from None
    except ValueError:
        raise refuse(path, translate("Exchange", "it is not a Casefile bundle")) from None
    records = parsed.get(RECORDS)
    if not isinstance(records, dict) or not isinstance(records.get("items"), list):
        raise refuse(path, translate("Exchange", "it is not a Casefile bundle"))
    opened.records = records
    custody, history = parsed.get(CUSTODY, []), parsed.get(HISTORY, [])
    opened.custody = custody if isinstance(custody, list) else []
    opened.history = history if isinstance(history, list) else []
