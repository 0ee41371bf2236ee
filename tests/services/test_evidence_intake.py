"""Taking files in: hashed while read, stored inside the case, described, and
refused cleanly (nothing half-stored) when the input is bad."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from sqlalchemy import event, select

from casefile.errors import CasefileError
from casefile.model import CustodyEvent, Evidence
from casefile.services import evidence, verify
from casefile.store import chunks
from tests.fixtures.privileges import permissions_enforced

from .evidence_samples import LAT, LON, jpeg_with_gps, png_bomb

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case


def counts(case) -> dict[str, int]:
    with case.connection() as conn:
        return {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                for t in ("chunk", "blob", "blob_chunk", "evidence", "custody_event", "thumbnail",
                          "evidence_link", "audit_entry", "code_counter")}


def assert_nothing_stored(case, before):
    assert counts(case) == before
    assert verify.verify(case) == []


def test_jpeg_with_gps_is_described_and_comes_back_identical(case, tmp_path):
    photo = jpeg_with_gps(tmp_path / "retén_ayutla.jpg")
    item = evidence.intake(case, photo, note="roadblock", obtained_how="taken by the documenter",
                           origin="phone of the documenter")
    assert item.code == "EVI-0001"
    assert item.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert item.size == photo.stat().st_size
    assert item.original_name == "retén_ayutla.jpg"
    assert item.media_type == "image/jpeg"
    assert item.captured_at == "2013:08:05 14:22:01"
    assert item.latitude == pytest.approx(LAT, abs=1e-6) and item.longitude == pytest.approx(LON, abs=1e-6)
    assert (item.camera_make, item.camera_model) == ("Canon", "Canon EOS 5D Mark III")
    assert (item.width, item.height) == (640, 480)
    assert item.intake_by == "Tester" and item.intake_at.tzinfo is not None
    assert item.file_modified.timestamp() == pytest.approx(photo.stat().st_mtime, abs=1e-3)
    out = evidence.export_original(case, "EVI-0001", tmp_path / "out.jpg")
    assert out.read_bytes() == photo.read_bytes()

    png = evidence.thumbnail(case, "EVI-0001")
    thumb = Image.open(io.BytesIO(png))
    assert thumb.format == "PNG" and max(thumb.size) == 256 and thumb.size == (256, 192)
    assert "exif" not in thumb.info and b"eXIf" not in png and b"Canon" not in png


def test_multi_chunk_file_streams_in_and_out(case, tmp_path):
    data = os.urandom(3 * chunks.CHUNK_SIZE + 12345)
    (tmp_path / "video.bin").write_bytes(data)
    seen = []
    item = evidence.intake(case, tmp_path / "video.bin", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(data), len(data)) and len(seen) == 4
    assert counts(case)["blob_chunk"] == 4
    assert evidence.export_original(case, item.code, tmp_path / "back.bin").read_bytes() == data
    with evidence.open_bytes(case, item.code) as reader:
        reader.seek(chunks.CHUNK_SIZE - 10)
        assert reader.read(20) == data[chunks.CHUNK_SIZE - 10:chunks.CHUNK_SIZE + 10]
    with pytest.raises(CasefileError, match="too large to preview"):
        evidence.read_all(case, item.code, limit=1000)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=20000))
def test_any_file_comes_back_byte_identical(case, tmp_path, data):
    source = tmp_path / "random.bin"
    source.write_bytes(data)
    item = evidence.intake(case, source)
    assert evidence.read_all(case, item.code) == data
    out = evidence.export_original(case, item.code, tmp_path / f"{item.code}.bin")  # a new file each example
    assert out.read_bytes() == data


def test_same_file_twice_is_two_records_sharing_one_blob(case, tmp_path):
    (tmp_path / "a.txt").write_text("Soldiers held at the roadblock since Monday.\n", encoding="utf-8")
    (tmp_path / "copy of a.txt").write_bytes((tmp_path / "a.txt").read_bytes())
    first = evidence.intake(case, tmp_path / "a.txt")
    before = counts(case)
    second = evidence.intake(case, tmp_path / "copy of a.txt")
    after = counts(case)
    assert (first.code, second.code) == ("EVI-0001", "EVI-0002")
    assert first.sha256 == second.sha256
    assert after["blob"] == before["blob"] == 1 and after["chunk"] == before["chunk"]
    assert evidence.duplicate_of(second) == "EVI-0001" and evidence.duplicate_of(first) is None
    assert second.media_type == "text/plain; charset=utf-8"


def test_working_copy_points_at_its_original(case, tmp_path):
    original = evidence.intake(case, jpeg_with_gps(tmp_path / "o.jpg"))
    Image.open(tmp_path / "o.jpg").crop((0, 0, 100, 100)).save(tmp_path / "crop.png")
    copy = evidence.intake(case, tmp_path / "crop.png", derived_from=original.code)
    assert copy.derived_from_id == original.id and copy.media_type == "image/png"
    with pytest.raises(CasefileError, match="EVI-0099"):
        evidence.intake(case, tmp_path / "crop.png", derived_from="EVI-0099")


def test_documenter_unknown_when_case_has_none(tmp_path):
    from casefile.store import Case

    with Case.create(tmp_path / "anon.casefile", "Anon") as anon:
        (tmp_path / "f.txt").write_text("x")
        item = evidence.intake(anon, tmp_path / "f.txt")
        assert item.intake_by == "unknown"
        with anon.Session() as s:
            assert s.scalars(select(CustodyEvent.who)).all() == ["unknown"]


# -- bad input: a clear error naming the file, nothing half-stored -------------------

def test_missing_file_and_folder(case, tmp_path):
    before = counts(case)
    with pytest.raises(CasefileError, match="nowhere.jpg: no such file"):
        evidence.intake(case, tmp_path / "nowhere.jpg")
    with pytest.raises(CasefileError, match="is a folder"):
        evidence.intake(case, tmp_path)
    assert_nothing_stored(case, before)


def test_nul_byte_in_a_name_is_a_clean_error(case, tmp_path):
    # No file system allows NUL in a name, so only the refusal can be tested.
    with pytest.raises(CasefileError, match=r"a\\x00b.jpg: no such file"):
        evidence.intake(case, tmp_path / "a\x00b.jpg")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_hanging(case, tmp_path):
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(CasefileError, match="not a regular file"):
        evidence.intake(case, tmp_path / "pipe")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_unreadable_file(case, tmp_path):
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(b"\xff\xd8\xff" + b"0" * 100)
    secret.chmod(0)
    before = counts(case)
    with permissions_enforced(), pytest.raises(CasefileError, match="secret.jpg: permission denied"):
        evidence.intake(case, secret)
    assert_nothing_stored(case, before)


@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="needs Linux /proc")
def test_read_error_midway(case):
    # /proc/self/mem is a regular file whose first page cannot be read (EIO): a real read error.
    before = counts(case)
    with pytest.raises(CasefileError, match="read error"):
        evidence.intake(case, "/proc/self/mem")
    assert_nothing_stored(case, before)


def test_file_growing_while_read(case, tmp_path):
    path = tmp_path / "recording.mp4"
    path.write_bytes(os.urandom(2 * chunks.CHUNK_SIZE))
    before = counts(case)

    def grow(done, total):
        with open(path, "ab") as f:
            f.write(b"more frames")

    with pytest.raises(CasefileError, match="recording.mp4 changed while it was being read"):
        evidence.intake(case, path, progress=grow)
    assert_nothing_stored(case, before)


def test_file_rewritten_in_place_while_read(case, tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(b"a" * 5000)
    before = counts(case)

    def touch(done, total):  # same size, new content and mtime
        path.write_bytes(b"b" * 5000)
        os.utime(path, ns=(1, 1))

    with pytest.raises(CasefileError, match="changed while"):
        evidence.intake(case, path, progress=touch)
    assert_nothing_stored(case, before)


def test_file_vanishing_while_read(case, tmp_path):
    path = tmp_path / "gone.jpg"
    path.write_bytes(os.urandom(50_000))
    before = counts(case)
    with pytest.raises(CasefileError, match="gone.jpg vanished"):
        evidence.intake(case, path, progress=lambda done, total: path.unlink(missing_ok=True))
    assert_nothing_stored(case, before)


def test_cancel_keeps_nothing(case, tmp_path):
    path = tmp_path / "long.bin"
    path.write_bytes(os.urandom(3 * chunks.CHUNK_SIZE))
    done = []
    before = counts(case)
    with pytest.raises(chunks.Cancelled, match="long.bin: cancelled"):
        evidence.intake(case, path, progress=lambda d, t: done.append(d), cancelled=lambda: len(done) >= 2)
    assert_nothing_stored(case, before)


@pytest.mark.case_file  # fills the case file's disk
def test_disk_full_keeps_nothing(case, tmp_path):
    evidence.intake(case, jpeg_with_gps(tmp_path / "first.jpg"))
    before = counts(case)
    with case.connection() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    def limit(dbapi_connection, record, proxy):  # the case may grow by 25 pages (1.6 MiB) at most: less than the file
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 25}")

    event.listen(case.engine, "checkout", limit)
    (tmp_path / "big.bin").write_bytes(os.urandom(2 * chunks.CHUNK_SIZE))
    try:
        with pytest.raises(CasefileError, match=r"big.bin: cannot store it in the case \(.*full.*\)"):
            evidence.intake(case, tmp_path / "big.bin")
    finally:
        event.remove(case.engine, "checkout", limit)
        case.engine.dispose()  # drop connections that carry the limit
    assert_nothing_stored(case, before)
    assert evidence.intake(case, tmp_path / "big.bin").code == "EVI-0002"


def test_no_room_for_the_file_is_refused_before_reading(case, tmp_path, capsys):
    """A sparse file larger than half the free space: refused at once, with
    the sizes, before a byte is read (cancelling at the first chunk proves it)."""
    huge = tmp_path / "video.mp4"
    with open(huge, "wb") as f:
        f.truncate(shutil.disk_usage(tmp_path).free)  # takes no space itself
    before = counts(case)
    with pytest.raises(CasefileError, match=r"video.mp4 needs up to .* GiB free beside the case .* are free"):
        evidence.intake(case, huge, cancelled=lambda: True)
    assert_nothing_stored(case, before)


def test_decompression_bomb_is_kept_without_thumbnail(case, tmp_path):
    (tmp_path / "bomb.png").write_bytes(png_bomb())
    assert Image.MAX_IMAGE_PIXELS is not None
    item = evidence.intake(case, tmp_path / "bomb.png")
    assert item.media_type == "image/png" and item.width is None
    assert evidence.thumbnail(case, item.code) is None
    assert any("decompression bomb" in w for w in evidence.warnings(item))
    assert verify.verify(case) == []


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_corrupt_jpeg_is_kept_without_thumbnail(case, tmp_path, damage):
    good = jpeg_with_gps(tmp_path / "good.jpg").read_bytes()
    bad = good[:len(good) // 3] if damage == "truncated" else good[:200] + os.urandom(3000)
    (tmp_path / "bad.jpg").write_bytes(bad)
    item = evidence.intake(case, tmp_path / "bad.jpg")
    assert item.media_type == "image/jpeg" and item.sha256 == hashlib.sha256(bad).hexdigest()
    assert evidence.thumbnail(case, item.code) is None
    assert evidence.warnings(item)
    assert evidence.read_all(case, item.code) == bad


@pytest.mark.parametrize("name", [
    "صورة الحاجز.jpg", "路障照片.jpg", "🚧📷 retén.jpg", "Ñandú — «cita».txt", "שלום\u200f.txt",
    "e\u0301\u0301tude.txt", "a" * 200 + ".txt",
])
def test_names_in_any_script(case, tmp_path, name):
    (tmp_path / name).write_bytes(b"contenido")
    item = evidence.intake(case, tmp_path / name)
    assert item.original_name == name
    assert evidence.export_original(case, item.code, tmp_path / "out").read_bytes() == b"contenido"


@pytest.mark.skipif(sys.platform != "linux", reason="POSIX byte file names")
def test_undecodable_and_control_character_names(case, tmp_path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9\nline.txt"
    with open(raw, "wb") as f:
        f.write(b"x")
    item = evidence.intake(case, os.fsdecode(raw))
    assert item.original_name == "caf\ufffd\nline.txt"
    assert "\n" not in evidence.display_name(item.original_name)
    (tmp_path / "gone\nname.jpg").unlink(missing_ok=True)
    with pytest.raises(CasefileError) as error:
        evidence.intake(case, tmp_path / "gone\nname.jpg")
    assert "\n" not in str(error.value) and "gone\\x0aname.jpg" in str(error.value)


def test_extra_metadata_is_json(case, tmp_path):
    (tmp_path / "bomb.png").write_bytes(png_bomb())
    item = evidence.intake(case, tmp_path / "bomb.png")
    with case.Session() as s:
        stored = s.scalar(select(Evidence.extra_metadata).where(Evidence.code == item.code))
    assert isinstance(json.loads(stored)["warnings"], list)


def test_memory_stays_flat_while_streaming(case, tmp_path):
    import tracemalloc

    size = 20 * chunks.CHUNK_SIZE
    with open(tmp_path / "long.mov", "wb") as f:
        for _ in range(20):
            f.write(os.urandom(chunks.CHUNK_SIZE))
    tracemalloc.start()
    try:
        item = evidence.intake(case, tmp_path / "long.mov")
        out = evidence.export_original(case, item.code, tmp_path / "back.mov")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert item.size == size and out.stat().st_size == size
    # A few chunks in flight (read-ahead, storing, export) and the first one
    # kept for the parsers (chunks.Written.head), never the whole file.
    assert peak < 9 * chunks.CHUNK_SIZE, f"peak {peak / chunks.CHUNK_SIZE:.1f} MiB of Python memory for 20 MiB"
    assert verify.verify(case) == []
