"""The documenter's key: who signed a bundle (and, later, a dossier).

One Ed25519 key per documenter and computer, made on first use and kept in
the user's data folder (``platformdirs``; ``CASEFILE_KEY_DIR`` overrides it)
as ``documenter.key``: the 32-byte seed sealed with XSalsa20-Poly1305 under a
key derived from the documenter's own passphrase (Argon2id), never in clear.

- ``fingerprint``: SHA-256 of the raw public key, first 80 bits in base32,
  four groups of four (``K7QF-2MZX-…``): short enough to read out on a call.
- the public key travels as PEM (SubjectPublicKeyInfo), which OpenSSL reads:
  ``openssl pkeyutl -verify -pubin -inkey KEY.pem -rawin -in manifest.json
  -sigfile manifest.sig`` checks a bundle's signature without Casefile.
- encryption to recipients (``Sealer``/``open_stream``): a random file
  key sealed to each recipient's X25519 key (the Ed25519 key converted, the
  way libsodium does), the payload in 1 MiB XSalsa20-Poly1305 chunks whose
  nonce counts them and marks the last, so nothing can be cut, reordered or
  appended unnoticed.
- ``trusted.json`` beside the key lists the fingerprints this documenter has
  checked (``trust``); a receiver is shown whether a signer is among them.
- ``certificate``: a self-signed X.509 certificate for the key, for PAdES
  signatures on dossiers (pyHanko needs one).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import secrets
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

import nacl.bindings
import nacl.exceptions
import nacl.public
import nacl.pwhash
import nacl.secret
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.x509.oid import NameOID

from ..errors import CasefileError
from ..files import read_regular
from ..i18n import translate

KEY_FORMAT = "casefile-key/1"
KEY_FILE = "documenter.key"
TRUSTED_FILE = "trusted.json"
ENV_DIR = "CASEFILE_KEY_DIR"
ENV_PASSPHRASE = "CASEFILE_KEY_PASSPHRASE"
SEALED_MAGIC = b"CFBUNDLE-SEALED/1\n"
CHUNK = 1 << 20


class KeyProblem(CasefileError):
    """A key that cannot be made, opened or used; one line."""


def key_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("Casefile", appauthor=False)) / "keys"


def fingerprint(public_key: bytes) -> str:
    digest = hashlib.sha256(public_key).digest()[:10]
    text = base64.b32encode(digest).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))


def public_pem(public_key: bytes) -> bytes:
    return Ed25519PublicKey.from_public_bytes(public_key).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def read_public_key(path: str | os.PathLike) -> bytes:
    """The raw Ed25519 public key in a PEM file (``casefile key --export``)."""
    try:
        data = read_regular(path)
        key = serialization.load_pem_public_key(data)
    except (OSError, ValueError) as error:
        raise KeyProblem(translate("Keys", "{path} is not a Casefile public key: {why}").format(
            path=path, why=getattr(error, "strerror", None) or error)) from None
    if not isinstance(key, Ed25519PublicKey):
        raise KeyProblem(translate("Keys", "{path} is not an Ed25519 public key.").format(path=path))
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def verify(public_key: bytes, data: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass
class DocumenterKey:
    name: str
    public_key: bytes
    _seed: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def sign(self, data: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self._seed).sign(data)

    def public_pem(self) -> bytes:
        return public_pem(self.public_key)

    def export_public(self, path: str | os.PathLike, *, force: bool = False) -> Path:
        from ..store import outputs

        return outputs.write_bytes(path, self.public_pem(), force=force)

    def _curve_secret(self) -> bytes:
        return nacl.bindings.crypto_sign_ed25519_sk_to_curve25519(self._seed + self.public_key)

    def open_file_key(self, sealed: bytes) -> bytes:
        box = nacl.public.SealedBox(nacl.public.PrivateKey(self._curve_secret()))
        return box.decrypt(sealed)

    def certificate(self, days: int = 3650) -> x509.Certificate:
        """A self-signed certificate for this key (PAdES needs one)."""
        private = Ed25519PrivateKey.from_private_bytes(self._seed)
        subject = x509.Name([
            x509.NameAttribute(NameOID.COMMON_NAME, self.name or self.fingerprint),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"Casefile key {self.fingerprint}"),
        ])
        now = dt.datetime.now(dt.UTC)
        return (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
                .public_key(private.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=days))
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                             key_encipherment=False, data_encipherment=False, key_agreement=False,
                                             key_cert_sign=False, crl_sign=False, encipher_only=False,
                                             decipher_only=False), critical=True)
                .sign(private, None))

    def private_key(self) -> Ed25519PrivateKey:
        """For a signing library (pyHanko) that needs the key object."""
        return Ed25519PrivateKey.from_private_bytes(self._seed)


def _box(passphrase: str, salt: bytes) -> nacl.secret.SecretBox:
    if not passphrase:
        raise KeyProblem(translate("Keys", "Your key needs a passphrase of its own."))
    key = nacl.pwhash.argon2id.kdf(nacl.secret.SecretBox.KEY_SIZE, passphrase.encode("utf-8"), salt,
                                   opslimit=nacl.pwhash.argon2id.OPSLIMIT_INTERACTIVE,
                                   memlimit=nacl.pwhash.argon2id.MEMLIMIT_INTERACTIVE)
    return nacl.secret.SecretBox(key)


def key_exists(folder: Path | None = None) -> bool:
    return ((folder or key_dir()) / KEY_FILE).is_file()


def from_seed(name: str, seed: bytes) -> DocumenterKey:
    """The key whose private half is ``seed`` (32 bytes)."""
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return DocumenterKey(name, public, seed)


def create_key(passphrase: str, name: str = "", folder: Path | None = None) -> DocumenterKey:
    folder = folder or key_dir()
    path = folder / KEY_FILE
    if path.exists():
        raise KeyProblem(translate("Keys", "A key already exists in {folder}.").format(folder=folder))
    seed = secrets.token_bytes(32)
    salt = secrets.token_bytes(nacl.pwhash.argon2id.SALTBYTES)
    public = from_seed(name, seed).public_key
    sealed = _box(passphrase, salt).encrypt(seed)
    body = {"format": KEY_FORMAT, "name": name, "public_key": base64.b64encode(public).decode(),
            "fingerprint": fingerprint(public), "salt": base64.b64encode(salt).decode(),
            "sealed_seed": base64.b64encode(bytes(sealed)).decode()}
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(body, f, indent=1)
        f.flush()
        os.fsync(f.fileno())
    return DocumenterKey(name, public, seed)


def load_key(passphrase: str, folder: Path | None = None) -> DocumenterKey:
    folder = folder or key_dir()
    path = folder / KEY_FILE
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        if body.get("format") != KEY_FORMAT:
            raise ValueError(body.get("format"))
        public = base64.b64decode(body["public_key"])
        salt = base64.b64decode(body["salt"])
        sealed = base64.b64decode(body["sealed_seed"])
    except FileNotFoundError:
        raise KeyProblem(translate("Keys", "No key in {folder} yet.").format(folder=folder)) from None
    except (OSError, ValueError, KeyError, TypeError):
        raise KeyProblem(translate("Keys", "{path} is not a Casefile key file.").format(path=path)) from None
    try:
        seed = _box(passphrase, salt).decrypt(sealed)
    except nacl.exceptions.CryptoError:
        raise KeyProblem(translate("Keys", "Wrong passphrase for your key ({path}).").format(path=path)) from None
    return DocumenterKey(str(body.get("name", "")), public, seed)


def own_public_key(folder: Path | None = None) -> bytes | None:
    """This documenter's public key (kept in clear beside the sealed seed), or None."""
    try:
        body = json.loads(((folder or key_dir()) / KEY_FILE).read_text(encoding="utf-8"))
        return base64.b64decode(body["public_key"]) if body.get("format") == KEY_FORMAT else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def load_or_create(passphrase: str, name: str = "", folder: Path | None = None) -> DocumenterKey:
    """The documenter's key, made on first use."""
    if key_exists(folder):
        return load_key(passphrase, folder)
    return create_key(passphrase, name, folder)


# -- trusted keys ----------------------------------------------------------------

def trusted(folder: Path | None = None) -> dict[str, dict]:
    """fingerprint -> {"name", "public_key"} of the keys this documenter trusts."""
    path = (folder or key_dir()) / TRUSTED_FILE
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def trust(public_key: bytes, name: str = "", folder: Path | None = None) -> str:
    folder = folder or key_dir()
    known = trusted(folder)
    fp = fingerprint(public_key)
    known[fp] = {"name": name, "public_key": base64.b64encode(public_key).decode()}
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    from ..store import outputs  # the one atomic writer (file and folder synced)

    outputs.write_bytes(folder / TRUSTED_FILE, json.dumps(known, indent=1, sort_keys=True).encode("utf-8"), force=True)
    return fp


def is_trusted(public_key: bytes, folder: Path | None = None) -> bool:
    entry = trusted(folder).get(fingerprint(public_key)) or {}
    return entry.get("public_key") == base64.b64encode(public_key).decode()


# -- encryption to recipients ----------------------------------------------------

def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">Q", (index << 1) | int(last))


class _Sink(Protocol):
    def write(self, data: bytes, /) -> int: ...


def seal_to(public_key: bytes, data: bytes) -> bytes:
    """``data`` (a key) sealed so that only the holder of ``public_key`` (raw Ed25519) opens it
    (``DocumenterKey.open_file_key``)."""
    curve = nacl.bindings.crypto_sign_ed25519_pk_to_curve25519(public_key)
    return bytes(nacl.public.SealedBox(nacl.public.PublicKey(curve)).encrypt(data))


class Sealer:
    """A writable stream that encrypts what is written to ``out`` so that only
    ``recipients`` (raw Ed25519 public keys) can read it; ``close()`` writes
    the last chunk. ``tell()`` counts the plain bytes (zipfile asks)."""

    def __init__(self, out: _Sink, recipients: list[bytes]):
        self._out = out
        file_key = secrets.token_bytes(nacl.secret.SecretBox.KEY_SIZE)
        self._prefix = secrets.token_bytes(16)
        header = {"recipients": [
            {"fingerprint": fingerprint(pk), "sealed_key": base64.b64encode(seal_to(pk, file_key)).decode()}
            for pk in recipients],
            "nonce_prefix": base64.b64encode(self._prefix).decode()}
        raw = json.dumps(header, sort_keys=True).encode()
        out.write(SEALED_MAGIC + struct.pack(">I", len(raw)) + raw)
        self._box = nacl.secret.SecretBox(file_key)
        self._buffer = bytearray()
        self._index = 0
        self._position = 0

    def write(self, data: bytes) -> int:
        self._buffer += data
        self._position += len(data)
        while len(self._buffer) > CHUNK:  # keep one chunk back: the last one is marked when closing
            self._emit(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        return None

    def _emit(self, block: bytes, last: bool) -> None:
        sealed = self._box.encrypt(block, _nonce(self._prefix, self._index, last)).ciphertext
        self._out.write(struct.pack(">I", len(sealed)) + sealed)
        self._index += 1

    def close(self) -> None:
        self._emit(bytes(self._buffer), last=True)
        self._buffer = bytearray()


def is_sealed(head: bytes) -> bool:
    return head.startswith(SEALED_MAGIC)


def open_stream(source: BinaryIO, key: DocumenterKey) -> Iterator[bytes]:
    """The plain bytes of a sealed stream, chunk by chunk; raises KeyProblem
    when not addressed to ``key`` or altered."""
    damaged = KeyProblem(translate("Keys", "the encrypted bundle is damaged or was altered"))
    if source.read(len(SEALED_MAGIC)) != SEALED_MAGIC:
        raise damaged
    try:
        (size,) = struct.unpack(">I", source.read(4))
        header = json.loads(source.read(size))
        prefix = base64.b64decode(header["nonce_prefix"])
        mine = [r for r in header["recipients"] if r.get("fingerprint") == key.fingerprint]
    except (struct.error, ValueError, KeyError, TypeError):
        raise damaged from None
    if not mine:
        raise KeyProblem(translate("Keys", "this bundle is encrypted for other recipients, not for your key {fp}")
                        .format(fp=key.fingerprint))
    try:
        box = nacl.secret.SecretBox(key.open_file_key(base64.b64decode(mine[0]["sealed_key"])))
    except (nacl.exceptions.CryptoError, ValueError):
        raise damaged from None
    index = 0
    while True:
        head = source.read(4)
        if len(head) != 4:
            raise damaged  # cut before the chunk marked last
        (size,) = struct.unpack(">I", head)
        sealed = source.read(size)
        plain = None
        for last in (False, True):
            try:
                plain = box.decrypt(sealed, _nonce(prefix, index, last))
                break
            except nacl.exceptions.CryptoError:
                continue
        if plain is None:
            raise damaged
        yield plain
        if last:
            if source.read(1):
                raise damaged  # something appended after the last chunk
            return
        index += 1
