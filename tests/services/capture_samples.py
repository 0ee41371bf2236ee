"""A phone running ProofMode, made for tests: its own OpenPGP key (GnuPG), and
the proof files "Share Proof" leaves beside a capture."""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

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
