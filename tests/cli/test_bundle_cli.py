"""casefile key / bundle / merge / peers / conflicts: the command line of issue
18, and every way a bundle can be refused without changing the case."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import struct
import subprocess
import sys
import zipfile

import pytest
from sqlalchemy import text

from casefile.model import Incident
from casefile.services import keys
from casefile.store import Case
from tests.services.exchange_samples import PASSPHRASE, diverge

RUN_CLI = "import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))"
PROTECTED = ("Rosa", "Ejemplo", "Ficticia")


@pytest.fixture
def laptop(monkeypatch, tmp_path):
    """Switch to a documenter's laptop: her own key folder and passphrase."""
    def use(name: str):
        monkeypatch.setenv(keys.ENV_DIR, str(tmp_path / f"keys-{name}"))
        monkeypatch.setenv(keys.ENV_PASSPHRASE, PASSPHRASE)
    return use


@pytest.fixture
def pair(sample_case, tmp_path, cli, laptop):
    """Copies A and B of the sample case, diverged, with A's first bundle."""
    a, b = tmp_path / "A.casefile", tmp_path / "B.casefile"
    shutil.copy(sample_case, a)
    shutil.copy(sample_case, b)
    diverge({"A": a, "B": b}, tmp_path)
    laptop("B")
    assert cli("key", "--name", "B").out.startswith("made key")
    laptop("A")
    assert cli("key", "--name", "A").out.startswith("made key")
    result = cli("bundle", a, "-o", tmp_path / "a1.cfbundle")
    assert result.code == 0, result.err
    laptop("B")
    return a, b, tmp_path / "a1.cfbundle"


def _state(cli, case) -> tuple[str, str, int]:
    info = json.loads(cli("info", case, "--json").out)
    return info["audit_head"], cli("digest", case).out, info["conflicts"]


def test_bundle_merge_peers_conflicts(pair, cli, laptop, tmp_path):
    a, b, a1 = pair
    result = cli("merge", b, a1)
    assert result.code == 0, result.err
    assert "signed by A" in result.out and "not in your trusted keys" in result.out
    assert "conflict: INC-0001 title" in result.out
    assert json.loads(cli("info", b, "--json").out)["conflicts"] == 1
    listed = json.loads(cli("conflicts", b, "--json").out)
    assert [(c["code"], c["field"], c["here"], c["theirs"]) for c in listed] == [
        ("INC-0001", "title", "Title as B wrote it", "Title as A wrote it")]
    assert cli("bundle", b, "-o", tmp_path / "b1.cfbundle").code == 0
    laptop("A")
    assert cli("merge", a, tmp_path / "b1.cfbundle").code == 0
    assert cli("digest", a).out == cli("digest", b).out
    peers = json.loads(cli("peers", a, "--json").out)
    assert [(p["name"], p["received"], p["trusted"]) for p in peers] == [("B", 1, False)]
    for case in (a, b):
        assert cli("verify", case).code == 0
    # a resolution on one side settles the other
    (conflict,) = json.loads(cli("conflicts", a, "--json").out)
    assert cli("resolve", a, str(conflict["id"]), "--keep", "here").code == 0
    assert json.loads(cli("info", a, "--json").out)["conflicts"] == 0
    assert cli("bundle", a, "-o", tmp_path / "a2.cfbundle", "--since", "B").code == 0
    laptop("B")
    assert cli("merge", b, tmp_path / "a2.cfbundle").code == 0
    assert json.loads(cli("info", b, "--json").out)["conflicts"] == 0
    assert cli("digest", a).out == cli("digest", b).out


def test_key_export_trust_and_encrypted_bundle(pair, cli, laptop, tmp_path):
    a, b, _ = pair
    made = cli("key", "--export", tmp_path / "b.pem")
    assert made.code == 0 and made.out.splitlines()[-1].startswith("key ")
    fingerprint = made.out.split()[-2]
    laptop("A")
    assert cli("key", "--trust", tmp_path / "b.pem", "--as", "Beto").out.startswith(f"trusted {fingerprint}")
    sealed = tmp_path / "sealed.cfbundle"
    assert cli("bundle", a, "-o", sealed, "--to", tmp_path / "b.pem").code == 0
    assert not zipfile.is_zipfile(sealed)
    laptop("B")
    assert cli("merge", b, sealed).code == 0


def test_the_manifest_checks_with_standard_tools(pair, tmp_path):
    _, _, a1 = pair
    out = tmp_path / "unpacked"
    subprocess.run([sys.executable, "-m", "zipfile", "-e", str(a1), str(out)], check=True)
    checked = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stdout.count(": OK") >= 4
    manifest = json.loads((out / "manifest.json").read_text())
    for member in manifest["members"]:
        assert hashlib.sha256((out / member["name"]).read_bytes()).hexdigest() == member["sha256"]
    openssl = shutil.which("openssl")
    if openssl:
        done = subprocess.run([openssl, "pkeyutl", "-verify", "-pubin", "-inkey", "signer.pem", "-rawin", "-in",
                               "manifest.json", "-sigfile", "manifest.sig"], cwd=out, capture_output=True, text=True)
        assert done.returncode == 0 and "Verified" in done.stdout


# -- refusals: one line, exit 1, nothing changed ---------------------------------------

def _rebuild(source, target, change) -> None:
    """Copy a bundle member by member, letting ``change(name, data)`` alter them."""
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, "w") as out:
        for info in z.infolist():
            out.writestr(info.filename, change(info.filename, z.read(info.filename)))


def _resigned(source, target, key: keys.DocumenterKey, manifest_change=None, member_change=None) -> None:
    with zipfile.ZipFile(source) as z:
        members = {i.filename: z.read(i.filename) for i in z.infolist()}
    manifest = json.loads(members["manifest.json"])
    if member_change:
        for name in list(members):
            data = member_change(name, members[name])
            if data is not members[name]:
                members[name] = data
                for m in manifest["members"]:
                    if m["name"] == name:
                        m["sha256"], m["size"] = hashlib.sha256(data).hexdigest(), len(data)
    if manifest_change:
        manifest_change(manifest)
    members["manifest.json"] = json.dumps(manifest).encode()
    members["manifest.sig"] = key.sign(members["manifest.json"])
    with zipfile.ZipFile(target, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
        out.comment = b"\0" * 64
    raw = target.read_bytes()[:-64]  # signed whole, as Casefile signs it
    target.write_bytes(raw + key.sign(b"casefile-bundle-archive\0" + hashlib.sha256(raw).digest()))


def _data_offset(path, name) -> int:
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
    raw = path.read_bytes()
    n, e = struct.unpack("<HH", raw[info.header_offset + 26:info.header_offset + 30])
    return info.header_offset + 30 + n + e + info.compress_size // 2


def _a_key(tmp_path) -> keys.DocumenterKey:
    return keys.load_key(PASSPHRASE, tmp_path / "keys-A")


def _tampered(kind, a1, tmp_path, cli, laptop):
    bad = tmp_path / f"{kind}.cfbundle"
    raw = bytearray(a1.read_bytes())
    if kind.startswith("flip-") and kind not in ("flip-directory", "flip-framing"):
        member = {"flip-records": "records.json", "flip-evidence": None, "flip-manifest": "manifest.json",
                  "flip-signature": "manifest.sig"}[kind]
        if member is None:
            with zipfile.ZipFile(a1) as z:
                member = next(n for n in z.namelist() if n.startswith("evidence/"))
        at = _data_offset(a1, member)
        raw[at] ^= 0x01
        bad.write_bytes(bytes(raw))
    elif kind == "flip-directory":
        raw[len(raw) - 60] ^= 0x01  # in the central directory
        bad.write_bytes(bytes(raw))
    elif kind == "flip-framing":  # a member's time in its local header: no reader checks it, the signature does
        with zipfile.ZipFile(a1) as z:
            raw[z.getinfo("records.json").header_offset + 10] ^= 0x01
        bad.write_bytes(bytes(raw))
    elif kind == "truncated":
        bad.write_bytes(bytes(raw[: len(raw) // 2]))
    elif kind == "truncated-end":
        bad.write_bytes(bytes(raw[:-10]))
    elif kind == "other-signer":
        other = keys.create_key("x", "Mallory", tmp_path / "mallory")
        _rebuild(a1, bad, lambda n, d: other.sign(json.dumps({}).encode()) if n == "manifest.sig" else d)
    elif kind == "forged-sender":
        other = keys.create_key("x", "Mallory", tmp_path / "mallory")
        _rebuild(a1, bad, lambda n, d: d.replace(base64.b64encode(_a_key(tmp_path).public_key),
                                                  base64.b64encode(other.public_key)) if n == "manifest.json" else d)
    elif kind == "newer-format":
        _resigned(a1, bad, _a_key(tmp_path), manifest_change=lambda m: m.update(format="casefile-bundle/2"))
    elif kind == "evidence-hash":
        _resigned(a1, bad, _a_key(tmp_path), member_change=lambda n, d: d + b"x" if n.startswith("evidence/") else d)
    elif kind == "extra-member":
        _rebuild(a1, bad, lambda n, d: d)
        with zipfile.ZipFile(bad, "a") as z:
            z.writestr("evidence/planted", b"planted")
    return bad


@pytest.mark.parametrize("kind", ["flip-records", "flip-evidence", "flip-manifest", "flip-signature",
                                  "flip-directory", "flip-framing", "truncated", "truncated-end", "other-signer", "forged-sender",
                                  "newer-format", "evidence-hash", "extra-member"])
def test_a_tampered_bundle_is_refused_and_changes_nothing(pair, cli, laptop, tmp_path, kind):
    _, b, a1 = pair
    bad = _tampered(kind, a1, tmp_path, cli, laptop)
    before = _state(cli, b)
    result = cli("merge", b, bad)
    line = result.one_error_line()
    assert result.code == 1 and line.startswith("casefile: ") and "nothing changed" in line, line
    if kind == "newer-format":
        assert "newer Casefile" in line
    if kind == "evidence-hash":
        assert "evidence file" in line
    if kind == "flip-framing":
        assert "signature does not match" in line
    assert _state(cli, b) == before
    assert cli("merge", b, a1).code == 0  # the genuine bundle still merges


def test_replayed_and_foreign_bundles_are_refused(pair, cli, laptop, tmp_path):
    _, b, a1 = pair
    assert cli("merge", b, a1).code == 0
    before = _state(cli, b)
    replay = cli("merge", b, a1)
    assert replay.code == 1 and "already merged" in replay.one_error_line()
    other = tmp_path / "other.casefile"
    assert cli("demo", other).code == 0
    assert cli("bundle", other, "-o", tmp_path / "other.cfbundle").code == 0
    foreign = cli("merge", b, tmp_path / "other.cfbundle")
    assert foreign.code == 1 and "another case" in foreign.one_error_line()
    # its own bundle back: refused too
    assert cli("bundle", b, "-o", tmp_path / "b1.cfbundle").code == 0
    before = _state(cli, b)
    own = cli("merge", b, tmp_path / "b1.cfbundle")
    assert own.code == 1 and "written here" in own.one_error_line()
    assert _state(cli, b) == before


def test_bundle_refuses_to_overwrite_the_case(pair, cli):
    a, _, _ = pair
    result = cli("bundle", a, "-o", a)
    assert result.code == 1 and len(result.err_lines) == 1


@pytest.mark.parametrize("profile", ["partner", "public"])
def test_a_protected_name_never_leaves_in_a_shared_bundle(sample_case, cli, laptop, tmp_path, profile):
    copy = tmp_path / "copy.casefile"
    shutil.copy(sample_case, copy)
    with Case.open(sample_case) as case, case.session() as s:
        s.add(Incident(title="Second sighting", description="Rosa  Ejemplo-Ficticia saw them again at dusk"))
    laptop("A")
    shared = tmp_path / f"{profile}.cfbundle"
    assert cli("bundle", sample_case, "-o", shared, "--profile", profile).code == 0
    with zipfile.ZipFile(shared) as z:
        members = {n: z.read(n) for n in z.namelist()}
    assert "records.json" in members and not any(n.startswith("evidence/") for n in members)
    assert b"Second sighting" in members["records.json"]
    for name, data in members.items():
        body = data.decode("utf-8", "replace").casefold()
        for word in PROTECTED:
            assert word.casefold() not in body, (name, word)
    # received into another copy: the new incident arrives marked redacted; what the
    # copy holds in full is never replaced by a redacted value
    laptop("B")
    before = cli("export", copy, "--format", "json", "-o", tmp_path / "before.json")
    result = cli("merge", copy, shared)
    assert before.code == 0 and result.code == 0 and "received redacted" in result.out
    with Case.open(copy, read_only=True) as case, case.connection() as conn:
        row = conn.execute(text("SELECT i.description, x.redacted FROM incident i JOIN exchange_item x "
                                "ON x.uuid = i.uuid WHERE i.title = 'Second sighting'")).one()
        protected = conn.execute(text("SELECT name FROM actor WHERE protected")).scalar()
    assert "Rosa" not in row.description and row.redacted
    assert protected == "Rosa Ejemplo Ficticia"


def test_a_real_subprocess_merge_reports_one_line(pair, tmp_path):
    _, b, a1 = pair
    cut = tmp_path / "cut.cfbundle"
    cut.write_bytes(a1.read_bytes()[:1000])
    env = {**__import__("os").environ}
    done = subprocess.run([sys.executable, "-c", RUN_CLI, "merge", str(b), str(cut)], capture_output=True,
                          text=True, env=env)
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
