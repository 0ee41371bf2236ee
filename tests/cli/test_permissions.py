"""Files and folders the user may not read or write: every command gives one
line naming the path, writes nothing, and the case stays as it was. Run with
root's rights set aside (``permissions_enforced``), as CI runs as root."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys

import pytest

from tests.fixtures.mounts import listing
from tests.fixtures.privileges import permissions_enforced

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture
def places(sample_case, tmp_path):
    """A readable case, an unreadable one, a read-only one, a folder that may
    not be written, an unreadable evidence file and import."""
    unreadable = tmp_path / "unreadable.casefile"
    shutil.copy(sample_case, unreadable)
    unreadable.chmod(0)
    read_only = tmp_path / "read-only.casefile"
    shutil.copy(sample_case, read_only)
    read_only.chmod(0o444)
    closed = tmp_path / "closed"
    closed.mkdir()
    closed.chmod(0o555)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"0" * 100)
    photo.chmod(0)
    doc = tmp_path / "import.json"
    doc.write_text(json.dumps({"format": "casefile-interchange", "incidents": []}))
    doc.chmod(0)
    yield {"case": sample_case, "unreadable": unreadable, "read-only": read_only, "closed": closed,
           "photo": photo, "doc": doc}
    closed.chmod(0o755)


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


REFUSALS = [
    (("info", "{unreadable}"), "{unreadable} cannot be read: Permission denied"),
    (("search", "{unreadable}", "army"), "{unreadable} cannot be read: Permission denied"),
    (("add-evidence", "{case}", "{photo}"), "{photo}: permission denied"),
    (("add-evidence", "{read-only}", "{case}"), "{read-only} is read-only"),
    (("import", "{case}", "{doc}"), "cannot read {doc}: Permission denied"),
    (("new", "{closed}/new.casefile", "--title", "T"), "{closed}/new.casefile cannot be created"),
    (("demo", "{closed}/demo.casefile"), "cannot write {closed}/demo.casefile: Permission denied"),
    (("export", "--format", "pdf", "-o", "{closed}/d.pdf", "{case}"), "cannot write {closed}/d.pdf"),
    (("export", "--format", "json", "-o", "{closed}/d.json", "{case}"), "cannot write {closed}/d.json"),
    (("export", "--format", "csv", "-o", "{closed}/csv", "{case}"), "cannot write {closed}/csv"),
    (("export-evidence", "{case}", "EVI-0001", "-o", "{closed}/e.jpg"), "cannot write {closed}/e.jpg"),
]


@pytest.mark.parametrize(("argv", "says"), REFUSALS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else None)
def test_one_line_names_the_path_and_nothing_is_written(cli, places, tmp_path, argv, says):
    before = {name: _sha(path) for name, path in places.items() if path.is_file() and os.access(path, os.R_OK)
              and name != "unreadable"}
    folder_before = listing(tmp_path)
    with permissions_enforced():
        result = cli(*(a.format(**places) for a in argv))
    assert result.code == 1, result.err
    assert says.format(**places) in result.one_error_line()
    assert {name: _sha(places[name]) for name in before} == before
    assert listing(tmp_path) == folder_before and list(places["closed"].iterdir()) == []


def test_a_read_only_case_is_still_read(cli, places):
    with permissions_enforced():
        info = cli("info", places["read-only"], "--json")
        verified = cli("verify", places["read-only"])
    assert info.code == 0 and json.loads(info.out)["incidents"] == 5, info.err
    assert verified.code == 0 and "cannot be changed here (read-only)" in verified.err
