"""Captures made for tests: a phone running ProofMode (its own OpenPGP key, with
GnuPG, and the proof files "Share Proof" leaves beside a capture), and a photo
with Content Credentials (a C2PA manifest signed by a test authority's camera key)."""

from __future__ import annotations

import atexit
import datetime
import hashlib
import importlib.util
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from .evidence_samples import jpeg_with_gps

needs_gnupg = pytest.mark.skipif(shutil.which("gpg") is None or shutil.which("gpgv") is None,
                                reason="GnuPG (gpg, gpgv) is needed to make and check test signatures")


class Phone:
    """A phone running ProofMode: an OpenPGP key of its own, in a private GnuPG home."""

    def __init__(self, home: Path, name: str = "ProofMode phone"):
        home.mkdir(mode=0o700)
        self.env = {**os.environ, "GNUPGHOME": str(home)}
        # gpg starts an agent for the home; it would outlive the tests
        atexit.register(subprocess.run, ["gpgconf", "--kill", "gpg-agent"], env=self.env, capture_output=True)
        self._gpg("--batch", "--passphrase", "", "--quick-gen-key", f"{name} <phone@example.org>", "ed25519", "sign",
                  "never")
        listing = self._gpg("--with-colons", "--list-keys").stdout
        self.fingerprint = next(line.split(":")[9] for line in listing.splitlines() if line.startswith("fpr:"))

    def _gpg(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["gpg", *args], env=self.env, capture_output=True, text=True, check=True)

    def sign(self, path: Path, out: Path) -> None:
        self._gpg("--batch", "--yes", "--armor", "--detach-sign", "-o", str(out), str(path))

    def public_key(self, out: Path) -> None:
        out.write_text(self._gpg("--armor", "--export").stdout)

    def share_proof(self, folder: Path, media_name: str, data: bytes) -> Path:
        """What "Share Proof" leaves in a folder: the media and its proof files."""
        folder.mkdir(exist_ok=True)
        media = folder / media_name
        media.write_bytes(data)
        sha = hashlib.sha256(data).hexdigest()
        metadata = {"File Hash SHA256": sha, "File Path": f"/storage/emulated/0/DCIM/Camera/{media_name}",
                    "File Created": "2026-11-20T14:03:11Z", "Proof Generated": "2026-11-20T14:03:12Z",
                    "Location.Latitude": "17.5512", "Location.Longitude": "-99.5009", "DeviceID": "a1b2c3",
                    "Manufacturer": "Fairphone", "Hardware": "FP4"}
        (folder / f"{sha}.proof.json").write_text(json.dumps(metadata))
        (folder / f"{sha}.proof.csv").write_text(",".join(metadata) + "\n" + ",".join(metadata.values()) + "\n")
        self.sign(media, folder / f"{sha}.asc")
        self.sign(folder / f"{sha}.proof.json", folder / f"{sha}.proof.json.asc")
        self.sign(folder / f"{sha}.proof.csv", folder / f"{sha}.proof.csv.asc")
        self.public_key(folder / "pubkey.asc")
        return media


def photo(tmp_path: Path) -> bytes:
    return jpeg_with_gps(tmp_path / "camera.jpg").read_bytes()


needs_c2pa = pytest.mark.skipif(importlib.util.find_spec("c2pa") is None, reason="c2pa-python does not install here")


def content_credentials(data: bytes, media_type: str = "image/jpeg", title: str = "photo.jpg") -> bytes:
    """``data`` with a C2PA manifest, signed as a camera signs: an ES256 key whose
    certificate a (test) authority issued, for a "created by capture" action."""
    import c2pa

    now = datetime.datetime.now(datetime.UTC)

    def name(common: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Casefile tests")])

    def certificate(subject: str, key, issuer: x509.Name, issuer_key, authority: bool) -> x509.Certificate:
        usage = dict.fromkeys(("digital_signature", "content_commitment", "key_encipherment", "data_encipherment",
                               "key_agreement", "key_cert_sign", "crl_sign", "encipher_only", "decipher_only"), False)
        usage.update({"key_cert_sign": True, "crl_sign": True} if authority else {"digital_signature": True})
        builder = (x509.CertificateBuilder().subject_name(name(subject)).issuer_name(issuer)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(days=1))
                   .not_valid_after(now + datetime.timedelta(days=30))
                   .add_extension(x509.BasicConstraints(ca=authority, path_length=None), critical=True)
                   .add_extension(x509.KeyUsage(**usage), critical=True)
                   .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False))
        if not authority:
            builder = (builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                                             critical=False)
                       .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
                                      critical=False))
        return builder.sign(issuer_key, hashes.SHA256())

    authority_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    authority = certificate("Test authority", authority_key, name("Test authority"), authority_key, True)
    leaf = certificate("Test camera", key, authority.subject, authority_key, False)
    chain = leaf.public_bytes(serialization.Encoding.PEM) + authority.public_bytes(serialization.Encoding.PEM)
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    signer = c2pa.Signer.from_info(c2pa.C2paSignerInfo(c2pa.C2paSigningAlg.ES256, chain, private, None))
    manifest = {"claim_generator_info": [{"name": "Test camera", "version": "1.0"}], "title": title,
                "format": media_type, "assertions": [{"label": "c2pa.actions", "data": {"actions": [
                    {"action": "c2pa.created",
                     "digitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"}]}}]}
    out = io.BytesIO()
    with c2pa.Builder(manifest) as builder:
        builder.sign(signer, media_type, io.BytesIO(data), out)
    return out.getvalue()
