"""casefile export --format pdf --sign, and casefile check-signature."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from pypdf import PdfReader

from casefile.services import history, keys
from casefile.store import Case


@pytest.fixture
def key_env(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEFILE_KEY_DIR", str(tmp_path / "keys"))
    monkeypatch.setenv(keys.ENV_PASSPHRASE, "the documenter's own passphrase")
    return tmp_path / "keys"


def test_a_signed_dossier_says_who_signed_it_and_checks(cli, sample_case, tmp_path, key_env):
    out = tmp_path / "signed.pdf"
    result = cli("export", sample_case, "--format", "pdf", "--profile", "public", "--sign", "-o", out)
    assert result.code == 0, result.err
    data = out.read_bytes()
    own = keys.own_public_key(key_env)
    assert own is not None
    fingerprint = keys.fingerprint(own)
    cover = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Signed by" in cover and fingerprint in cover and "check-signature" in cover
    # The history records the file as handed out: the signed bytes.
    with Case.open(sample_case) as case:
        entry = next(e for e in history.entries(case, 0, 20) if e.action == "export-dossier")
    changes = entry.changes if isinstance(entry.changes, dict) else json.loads(entry.changes)
    assert changes["sha256"] == hashlib.sha256(data).hexdigest()

    checked = cli("check-signature", out)
    assert checked.code == 0, checked.err
    assert fingerprint in checked.out and "intact" in checked.out

    appended = tmp_path / "appended.pdf"
    appended.write_bytes(data + b"\n% appended by someone\n")
    checked = cli("check-signature", appended)
    assert checked.code == 3 and "CHANGED after signing" in checked.err

    flipped = bytearray(data)
    at = data.index(b"stream", len(data) // 3) + 40  # a byte inside a page's content
    flipped[at] ^= 0x01
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(bytes(flipped))
    checked = cli("check-signature", altered)
    assert checked.code == 3 and "ALTERED after signing" in checked.err


def test_signing_needs_the_key_passphrase_and_pdf(cli, sample_case, tmp_path, key_env, monkeypatch):
    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    result = cli("export", sample_case, "--format", "pdf", "--sign", "-o", tmp_path / "x.pdf")
    assert result.code == 1 and "passphrase" in result.one_error_line()
    assert not (tmp_path / "x.pdf").exists()
    result = cli("export", sample_case, "--format", "json", "--sign", "-o", tmp_path / "x.json")
    assert result.code == 1 and "--sign" in result.one_error_line()


def test_check_signature_refuses_unsigned_and_missing_files(cli, sample_case, tmp_path):
    out = tmp_path / "plain.pdf"
    assert cli("export", sample_case, "--format", "pdf", "-o", out).code == 0
    result = cli("check-signature", out)
    assert result.code == 1 and "not signed" in result.one_error_line()
    result = cli("check-signature", tmp_path / "missing.pdf")
    assert result.code == 1 and "cannot read" in result.one_error_line()
