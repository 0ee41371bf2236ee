"""Proof files that capture apps leave beside a photo, video or recording, found
and checked when the file is taken in.

- **ProofMode** (Guardian Project) writes, per capture, the media's SHA-256 in
  the names of its proof files: ``HASH.proof.json`` and ``HASH.proof.csv``
  (sensor metadata), ``HASH.asc`` (a detached OpenPGP signature of the media;
  older versions name it ``MEDIA.asc``), ``HASH.proof.json.asc`` (of the
  metadata), and ``pubkey.asc`` (the phone's public key).
- **Tella** (Horizontal) shares a file "with verification information": its
  metadata (file hash, device, location, networks) in a CSV or JSON file named
  after the media. Tella does not sign it.

- **C2PA** (Content Credentials): a manifest embedded in the file itself by a
  camera, phone or editing tool, read and validated with ``c2pa-python`` (the
  Content Authenticity Initiative's library, where it installs) over the
  stored bytes; kept in ``extra_metadata["c2pa"]``.

The proof files are found by the media's hash, or by the name the metadata
gives the media (a tampered file no longer has the hash its proof names). They
are read, never changed, and never written into the original: their metadata is
kept beside it, in the item's ``extra_metadata["capture"]``, which no shared
output carries. Signatures are checked with ``gpgv`` (GnuPG's verifier) over the
bytes the case stored, against the key that came with the proof; the result,
and any mismatch, is kept on the item, recorded in its custody, shown in the
window and printed in the dossier.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from ...i18n import QT_TRANSLATE_NOOP as N
from ...i18n import translate

PROOFMODE, TELLA, C2PA = "ProofMode", "Tella", "C2PA"
#: the types whose files may carry a C2PA manifest
C2PA_TYPES = ("image/", "video/", "audio/", "application/pdf")
#: a C2PA failure that says the bytes are not the ones signed
C2PA_HASH = ("assertion.dataHash.mismatch", "assertion.bmffHash.mismatch", "assertion.boxesHash.mismatch",
             "assertion.collectionHash.mismatch")
#: errors that say a manifest is there but does not hold (c2pa-python's error classes)
C2PA_BROKEN = ("Jumbf", "Claim", "Manifest", "Signature", "Verify", "Hash", "Assertion", "Cose")
#: not a failure of the file: the signer's certificate is on no trust list this computer has
C2PA_UNTRUSTED = "signingCredential.untrusted"
#: what a check concludes: the signature holds over these very bytes; something
#: does not match; nothing signed to check (the stated hash was compared); or
#: signed, but this computer could not check it
VERIFIED, MISMATCH, UNSIGNED, UNCHECKED = "verified", "mismatch", "unsigned", "unchecked"
READ_LIMIT = 4 << 20  # a proof or metadata file larger than this is not one
METADATA_KEEP = 64_000  # characters of an app's metadata kept on the item
SCAN_LIMIT = 2_000  # proof files looked into, by the name they give the media, in one folder
HASH_KEYS = ("file hash sha256", "file hash", "sha256", "file sha256", "hash")
PATH_KEYS = ("file path", "filepath", "file name", "filename", "path")
CREATED_KEYS = ("file created", "proof generated", "created", "date")
_HEX64 = re.compile(r"[0-9a-f]{64}")


class Folder:
    """Where proof files lie: a folder on disk."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.names = {entry.name for entry in os.scandir(path) if entry.is_file(follow_symlinks=False)}
        except OSError:
            self.names = set()

    def stream(self, name: str) -> Iterator[bytes]:
        with (self.path / name).open("rb") as file:
            yield from iter(lambda: file.read(1 << 20), b"")


class Archive:
    """Where proof files lie: one folder of a zip archive (ProofMode's "Share Proof"
    of several captures), read from the bytes the case stored."""

    def __init__(self, archive: zipfile.ZipFile, folder: str):
        self.archive, self.folder = archive, folder
        inside = (info.filename[len(folder):] for info in archive.infolist()
                  if not info.is_dir() and info.filename.startswith(folder))
        self.names = {name for name in inside if "/" not in name}

    def stream(self, name: str) -> Iterator[bytes]:
        with self.archive.open(self.folder + name) as member:
            yield from iter(lambda: member.read(1 << 20), b"")


Place = Folder | Archive


def _read(place: Place, name: str | None, limit: int = READ_LIMIT) -> bytes | None:
    """A small file's bytes, or None if it is missing, unreadable or larger than ``limit``."""
    if name is None:
        return None
    data = bytearray()
    try:
        for part in place.stream(name):
            data += part
            if len(data) > limit:
                return None
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return None
    return bytes(data)


@dataclass
class Sidecars:
    """The proof files found for one media file, by name in ``place``."""

    app: str
    place: Place
    metadata: str | None = None
    signature: str | None = None  # of the media
    metadata_signature: str | None = None
    public_key: str | None = None
    others: list[str] = field(default_factory=list)  # timestamps, attestations: named, not checked

    def names(self) -> list[str]:
        found = (self.metadata, self.signature, self.metadata_signature, self.public_key, *self.others)
        return sorted({name for name in found if name is not None})


def find(media: Path, sha256: str) -> Sidecars | None:
    """The capture app's proof files beside ``media`` (whose stored bytes hash to ``sha256``), if any."""
    return find_in(Folder(media.parent), media.name, sha256)


def find_in(place: Place, media: str, sha256: str) -> Sidecars | None:
    names = place.names - {media}
    proof = _proofmode(place, names, media, sha256)
    return proof if proof is not None else _tella(place, names, media)


def _proofmode(place: Place, names: set[str], media: str, sha256: str) -> Sidecars | None:
    stated = sha256 if any(n.startswith(sha256 + ".") for n in names) else None
    if stated is None:  # the bytes changed since the proof was made: find it by the name it gives the media
        for name in sorted(n for n in names if n.endswith(".proof.json"))[:SCAN_LIMIT]:
            if _media_name(_read_metadata(name, _read(place, name))) == media:
                stated = name[: -len(".proof.json")]
                break
    if stated is None:
        return None
    found = Sidecars(PROOFMODE, place)
    for base in (stated, media):
        for suffix, slot in ((".proof.json", "metadata"), (".proof.csv", "metadata"), (".asc", "signature"),
                             (".proof.json.asc", "metadata_signature"), (".proof.csv.asc", "metadata_signature")):
            if base + suffix in names and getattr(found, slot) is None:
                setattr(found, slot, base + suffix)
    if found.metadata is not None and found.metadata.endswith(".csv") and found.metadata_signature is not None \
            and found.metadata_signature.endswith(".json.asc"):
        found.metadata_signature = None  # signs the JSON we did not find
    if "pubkey.asc" in names:
        found.public_key = "pubkey.asc"
    known = set(found.names())
    found.others = [n for n in sorted(names) if n.startswith(stated + ".") and n not in known]
    return found if found.metadata is not None or found.signature is not None else None


def _tella(place: Place, names: set[str], media: str) -> Sidecars | None:
    stem = Path(media).stem
    for name in (f"{media}.csv", f"{media}.json", f"{stem}.csv", f"{stem}.json", f"{stem}_metadata.csv",
                 f"{stem}_metadata.json"):
        if name in names:
            metadata = _read_metadata(name, _read(place, name))
            if metadata and (_stated_hash(metadata) or _media_name(metadata) == media):
                return Sidecars(TELLA, place, metadata=name)
    return None


def check(found: Sidecars, sha256: str, stored: Iterable[bytes]) -> dict:
    """What the proof says and whether it holds, as kept on the item.
    ``stored``: the media's bytes as the case stored them (read only when there is a signature to check)."""
    raw_metadata = _read(found.place, found.metadata)
    metadata = _read_metadata(found.metadata, raw_metadata)
    stated = _stated_hash(metadata) or (
        found.signature[:64] if found.signature is not None and _HEX64.fullmatch(found.signature[:64]) else "")
    record: dict = {"app": found.app, "files": found.names(), "stated_sha256": stated,
                    "hash": "not stated" if not stated else "same" if stated == sha256 else "differs"}
    verifier = shutil.which("gpgv")
    key = _keyring(_read(found.place, found.public_key))
    signature, metadata_signature = _read(found.place, found.signature), _read(found.place, found.metadata_signature)
    media_check = metadata_check = None
    if signature is not None and verifier and key is not None:
        media_check = _verify(verifier, key, signature, stored)
    if metadata_signature is not None and raw_metadata is not None and verifier and key is not None:
        metadata_check = _verify(verifier, key, metadata_signature, (raw_metadata,))
    record["media_signature"] = _state(found.signature, media_check)
    record["metadata_signature"] = _state(found.metadata_signature, metadata_check)
    signers = {c[1] for c in (media_check, metadata_check) if c is not None and c[0]}
    if media_check is not None and media_check[0]:
        record["signer"], record["signed_at"] = media_check[1], media_check[2]
    record["signers_agree"] = len(signers) <= 1
    if found.signature is not None and (not verifier or key is None):
        record["why_unchecked"] = "no verifier" if not verifier else "no key"
    created = _first(metadata, CREATED_KEYS)
    if created:
        record["created"] = created
    text = json.dumps(metadata, ensure_ascii=False, sort_keys=True)
    record["metadata"] = metadata if len(text) <= METADATA_KEEP else {"truncated": text[:METADATA_KEEP]}
    record["verdict"] = _verdict(record)
    return record


def check_archive(stream: BinaryIO) -> list[dict]:
    """A zip of captures with their proof files (ProofMode's "Share Proof" of
    several): each capture in it checked as if it lay in a folder, named by its
    place in the archive. Nothing is unpacked to disk."""
    try:
        archive = zipfile.ZipFile(stream)
        folders = {info.filename.rpartition("/")[0] + "/" if "/" in info.filename else ""
                   for info in archive.infolist() if not info.is_dir()}
        found: list[dict] = []
        for folder in sorted(folders):
            place = Archive(archive, folder)
            if not any(n.endswith((".proof.json", ".proof.csv", ".asc")) for n in place.names):
                continue
            for media in sorted(place.names):
                if media == "pubkey.asc" or _is_proof_file(media) or len(found) >= SCAN_LIMIT:
                    continue
                digest = hashlib.sha256()
                for part in place.stream(media):
                    digest.update(part)
                sidecars = find_in(place, media, digest.hexdigest())
                if sidecars is not None and sidecars.app == PROOFMODE:
                    record = check(sidecars, digest.hexdigest(), place.stream(media))
                    found.append({**record, "media": folder + media})
        return found
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return []


def _is_proof_file(name: str) -> bool:
    return name.endswith((".asc", ".proof.json", ".proof.csv", ".ots", ".gst", ".txt")) or \
        bool(_HEX64.match(name[:64]))


def c2pa_check(stream: BinaryIO, media_type: str) -> dict | None:
    """The C2PA manifest embedded in the stored bytes, validated; None when there is
    none, the type cannot carry one, or ``c2pa-python`` is not installed here."""
    kind = media_type.split(";")[0]
    if not kind.startswith(C2PA_TYPES):
        return None
    try:
        import c2pa
    except ImportError:
        return None
    stream.seek(0)
    try:
        with c2pa.Reader(kind, stream) as reader:
            store = json.loads(reader.json())
    except c2pa.C2paError as error:
        name = type(error).__name__
        # Only a manifest that is there and broken is a finding; a file the library cannot parse
        # (a damaged or unusual recording) says nothing about Content Credentials.
        if "ManifestNotFound" in name or not any(word in name for word in C2PA_BROKEN):
            return None
        return {"app": C2PA, "files": [], "hash": "not stated", "media_signature": "bad", "metadata_signature": "none",
                "signers_agree": True, "failures": [{"code": name.strip("_"), "explanation": str(error)[:500]}],
                "verdict": MISMATCH}
    except (OSError, ValueError):
        return None
    active = (store.get("manifests") or {}).get(store.get("active_manifest") or "") or {}
    results = (store.get("validation_results") or {}).get("activeManifest") or {}
    failures = [{"code": str(f.get("code", "")), "explanation": str(f.get("explanation", ""))[:500]}
                for f in results.get("failure") or store.get("validation_status") or [] if isinstance(f, dict)]
    codes = {f["code"] for f in failures}
    signature = active.get("signature_info") or {}
    signer = " — ".join(str(x) for x in (signature.get("common_name"), signature.get("issuer")) if x)
    state = str(store.get("validation_state") or "")
    record = {
        "app": C2PA, "files": [], "hash": "differs" if codes & set(C2PA_HASH) else "same",
        "media_signature": "bad" if state == "Invalid" and not codes & set(C2PA_HASH) else "good",
        "metadata_signature": "none", "signers_agree": True, "signer": signer,
        "signed_at": str(signature.get("time") or ""), "state": state, "trusted": state == "Trusted",
        "generator": ", ".join(str(g.get("name", "")) for g in active.get("claim_generator_info") or []
                               if isinstance(g, dict)),
        "title": str(active.get("title") or ""),
        "failures": [f for f in failures if f["code"] != C2PA_UNTRUSTED],
    }
    record["verdict"] = VERIFIED if state in ("Valid", "Trusted") else MISMATCH
    return record


def _verdict(record: dict) -> str:
    states = (record["media_signature"], record["metadata_signature"])
    if record["hash"] == "differs" or "bad" in states or not record["signers_agree"]:
        return MISMATCH
    if record["media_signature"] == "good":
        return VERIFIED
    return UNCHECKED if "unchecked" in states else UNSIGNED


def _state(signature: str | None, result: tuple[bool, str, str] | None) -> str:
    if signature is None:
        return "none"
    if result is None:
        return "unchecked"
    return "good" if result[0] else "bad"


def _verify(verifier: str, keyring: bytes, signature: bytes, data: Iterable[bytes]) -> tuple[bool, str, str]:
    """(good, the signing key's fingerprint, when it signed, UTC) for a detached
    signature over ``data``, streamed to ``gpgv``."""
    with tempfile.TemporaryDirectory(prefix="casefile-gpgv-") as folder:
        ring, sig = Path(folder) / "key.gpg", Path(folder) / "signature.asc"
        ring.write_bytes(keyring)
        sig.write_bytes(signature)
        process = subprocess.Popen([verifier, "--homedir", folder, "--status-fd", "1", "--keyring", str(ring),
                                    str(sig), "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL)
        assert process.stdin is not None and process.stdout is not None
        try:
            for part in data:
                process.stdin.write(part)
        except BrokenPipeError:
            pass  # gpgv gave up on the signature: its status says why
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass
        status = process.stdout.read().decode("utf-8", "replace")
        process.wait()
    for line in status.splitlines():
        words = line.split()
        if len(words) >= 5 and words[:2] == ["[GNUPG:]", "VALIDSIG"] and process.returncode == 0:
            at = datetime.fromtimestamp(int(words[4]), UTC).strftime("%Y-%m-%dT%H:%M:%SZ") \
                if words[4].isdigit() else ""
            return True, words[2], at
    return False, "", ""


def _keyring(raw: bytes | None) -> bytes | None:
    """The public key as ``gpgv`` reads it (binary), from an ASCII-armoured file."""
    if not raw:
        return None
    if not raw.lstrip().startswith(b"-----BEGIN PGP PUBLIC KEY BLOCK-----"):
        return raw
    text = raw.decode("ascii", "replace")
    inside = text[text.index("-----BEGIN"):].split("-----END", 1)[0].splitlines()[1:]
    # armour headers ("Version: ...") and the checksum ("=abcd") are not part of the key
    body = [line.strip() for line in inside if line.strip() and ":" not in line and not line.startswith("=")]
    try:
        return base64.b64decode("".join(body), validate=False) or None
    except ValueError:
        return None


def _read_metadata(name: str | None, raw: bytes | None) -> dict:
    """An app's metadata: a JSON object, or a CSV of a header and a row of values."""
    if name is None or raw is None:
        return {}
    text = raw.decode("utf-8-sig", "replace")
    if name.lower().endswith(".json"):
        try:
            value = json.loads(text)
        except ValueError:
            return {}
        if isinstance(value, list) and value and isinstance(value[0], dict):
            value = value[0]
        return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error:
        return {}
    if len(rows) >= 2 and len(rows[0]) == len(rows[1]):
        return {name.strip(): value.strip() for name, value in zip(rows[0], rows[1], strict=True) if name.strip()}
    return {}


def _first(metadata: dict, keys: tuple[str, ...]) -> str:
    lowered = {k.strip().lower(): v for k, v in metadata.items()}
    for key in keys:
        value = lowered.get(key)
        if isinstance(value, str | int | float) and str(value).strip():
            return str(value).strip()
    return ""


def _stated_hash(metadata: dict) -> str:
    value = _first(metadata, HASH_KEYS).lower()
    return value if _HEX64.fullmatch(value) else ""


def _media_name(metadata: dict) -> str:
    return _first(metadata, PATH_KEYS).replace("\\", "/").rsplit("/", 1)[-1]


# -- in words ----------------------------------------------------------------------

#: the sentences a check is told in; the dossier keeps its own, in its language (``dossier.wording``:
#: the same keys, with ``capture_`` before them)
WORDS = {
    "verified": N("Capture", "{app}: signature verified over the stored bytes"),
    "signer": N("Capture", " (key {key}, signed {at})"),
    "mismatch": N("Capture", "{app}: DOES NOT MATCH: {problems}"),
    "unchecked": N("Capture", "{app}: signed, not checked ({why})"),
    "no_verifier": N("Capture", "GnuPG's gpgv is not installed on this computer"),
    "no_key": N("Capture", "the proof came without the phone's public key"),
    "unsigned_same": N("Capture", "{app}: not signed; the hash it recorded matches the stored bytes"),
    "unsigned": N("Capture", "{app}: not signed; it recorded no hash to compare"),
    "hash_differs": N("Capture", "the file's SHA-256 is not the one the app recorded at capture ({sha})"),
    "bad_media": N("Capture", "the signature does not hold over the file's bytes"),
    "bad_metadata": N("Capture", "the signature of the capture metadata does not hold"),
    "signers_differ": N("Capture", "the file and its metadata were signed by different keys"),
    "manifest_hash": N("Capture", "the file's bytes are not the ones its manifest signed"),
    "failure": N("Capture", "{code} ({explanation})"),
}
Words = Callable[[str], str]


def _words(key: str) -> str:
    return translate("Capture", WORDS[key])


def summary(record: dict, words: Words = _words, *, with_signer: bool = True) -> str:
    """One line: the app, the verdict, and (``with_signer``) the key and time of the
    signature and, in an archive, the capture's file name (a phone's key and a file's
    name can name a person: shared outputs leave them out)."""
    app, verdict = record.get("app", ""), record.get("verdict", "")
    if record.get("media") and with_signer:
        app = f"{app} ({record['media']})"
    if verdict == VERIFIED:
        line = words("verified").format(app=app)
        if with_signer and record.get("signer"):
            line += words("signer").format(key=record["signer"], at=record.get("signed_at", ""))
        return line
    if verdict == MISMATCH:
        return words("mismatch").format(app=app, problems="; ".join(problems(record, words)))
    if verdict == UNCHECKED:
        why = words("no_verifier" if record.get("why_unchecked") == "no verifier" else "no_key")
        return words("unchecked").format(app=app, why=why)
    return words("unsigned_same" if record.get("hash") == "same" else "unsigned").format(app=app)


def problems(record: dict, words: Words = _words) -> list[str]:
    """Each mismatch, in words."""
    found = []
    if record.get("hash") == "differs":
        found.append(words("manifest_hash") if record.get("app") == C2PA
                     else words("hash_differs").format(sha=record.get("stated_sha256", "")))
    if record.get("media_signature") == "bad" and not record.get("failures"):
        found.append(words("bad_media"))
    if record.get("metadata_signature") == "bad":
        found.append(words("bad_metadata"))
    if not record.get("signers_agree", True):
        found.append(words("signers_differ"))
    found += [words("failure").format(code=f.get("code", ""), explanation=f.get("explanation", ""))
              for f in record.get("failures", []) if f.get("code") not in C2PA_HASH]
    return found


def proofs(extra: dict) -> list[dict]:
    """The checks kept in an item's ``extra_metadata``: a capture app's proof files,
    those of the captures in an archive, its C2PA manifest."""
    bundled = extra.get("capture_archive")
    found = [extra.get("capture"), *(bundled if isinstance(bundled, list) else []), extra.get("c2pa")]
    return [value for value in found if isinstance(value, dict) and value.get("app")]
