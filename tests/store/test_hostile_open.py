"""Opening a file you did not make: one clear line, and not a byte written."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from casefile.cli import main
from casefile.errors import CasefileError
from casefile.model import Incident
from casefile.store import Case
from casefile.store.connection import PAGE_SIZE
from tests.fixtures.hostile import small_jpeg_bytes, truncated_copy, zero_byte_file


def _made(tmp_path, name="src.casefile", rows=200):
    """A real case of a few dozen pages."""
    path = tmp_path / name
    with Case.create(path, "Hostile") as case:
        with case.session() as s:
            s.add_all([Incident(title=f"incident {i}", description="words " * 100) for i in range(rows)])
        case.close(backup=False)
    return path


def _raw(path, sql):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(sql)
    conn.close()


def _with_view(tmp_path):
    path = _made(tmp_path, "view.casefile")
    _raw(path, "CREATE VIEW innocent AS SELECT * FROM incident")
    return path


def _with_trigger(tmp_path):
    path = _made(tmp_path, "trigger.casefile")
    _raw(path, "CREATE TRIGGER wipe AFTER INSERT ON incident BEGIN DELETE FROM audit_entry; END")
    return path


def _huge_page_count(tmp_path):
    path = _made(tmp_path, "huge.casefile")
    data = bytearray(path.read_bytes())
    data[28:32] = (0x7FFFFFF0).to_bytes(4, "big")  # in-header database size, valid-for still matches
    path.write_bytes(bytes(data))
    return path


def _truncated(tmp_path):
    source = _made(tmp_path)
    return truncated_copy(source, tmp_path / "truncated.casefile", 0.4)


def _corrupt_page(tmp_path):
    path = _made(tmp_path, "corrupt.casefile")
    data = bytearray(path.read_bytes())
    for page in range(3, len(data) // PAGE_SIZE, 4):  # scribble over several b-tree pages
        start = page * PAGE_SIZE + 16
        data[start:start + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    return path


def _zero(tmp_path):
    return zero_byte_file(tmp_path / "zero.casefile")


def _directory(tmp_path):
    path = tmp_path / "x.casefile"
    path.mkdir()
    return path


def _jpeg(tmp_path):
    path = tmp_path / "photo.casefile"
    path.write_bytes(small_jpeg_bytes())
    return path


def _other_sqlite(tmp_path):
    path = tmp_path / "other.casefile"
    _raw(path, "CREATE TABLE t (x)")
    return path


HOSTILE = {
    "view": (_with_view, "triggers or views"),
    "trigger": (_with_trigger, "triggers or views"),
    "huge page count": (_huge_page_count, "damaged"),
    "truncated": (_truncated, "damaged"),
    "corrupt pages": (_corrupt_page, "damaged"),
    "zero length": (_zero, "empty"),
    "directory": (_directory, "not a Casefile"),
    "jpeg": (_jpeg, "passphrase"),
    "other sqlite": (_other_sqlite, "not a Casefile"),
}


def _fingerprint(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_is_refused_in_one_line_without_writing(tmp_path, name, capsys):
    make, words = HOSTILE[name]
    folder = tmp_path / "files"
    folder.mkdir()
    path = make(folder)
    before = _fingerprint(folder)
    with pytest.raises(CasefileError, match=words) as refused:
        Case.open(path)
    assert "\n" not in str(refused.value)
    capsys.readouterr()
    assert main(["info", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert _fingerprint(folder) == before  # byte-identical, and nothing created beside it


def test_hostile_file_with_a_passphrase_is_one_line_too(tmp_path, capsys):
    path = _jpeg(tmp_path)
    before = path.read_bytes()
    with pytest.raises(CasefileError, match="passphrase"):
        Case.open(path, passphrase="anything at all")
    assert path.read_bytes() == before


def test_trusted_schema_is_off_for_every_connection(case):
    with case.connection() as conn:
        assert conn.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
        assert conn.exec_driver_sql("PRAGMA cell_size_check").scalar() == 1
