"""Pictures that show people's faces: blurred (or left out and counted) in
partner and public dossiers, never their original bytes or a near copy of
them; the full dossier keeps them as they are."""

from __future__ import annotations

import io
import random
import subprocess
import sys

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import StreamObject
from sqlalchemy import select

from casefile.dossier import write_dossier
from casefile.errors import InvalidInput
from casefile.model import Evidence, Incident
from casefile.services.evidence import intake
from casefile.services.redaction.faces import BLOCKS, apply_faces, blur

CLI = [sys.executable, "-c", "import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))"]
SIDE = 32  # pixels each picture is compared at
NEAR = 16  # mean absolute difference (0-255) under which a picture is a near copy


def detailed_jpeg(seed: int, size=(320, 240)) -> bytes:
    """A picture full of detail (squares of random colour, as fine as features
    of a face), so that anything short of destroying it stays close to it."""
    rng = random.Random(seed)
    image = Image.new("RGB", size)
    for x in range(0, size[0], 8):
        for y in range(0, size[1], 8):
            image.paste((rng.randrange(256), rng.randrange(256), rng.randrange(256)), (x, y, x + 8, y + 8))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def small(picture: Image.Image) -> list[int]:
    return list(picture.convert("L").resize((SIDE, SIDE), Image.Resampling.BOX).tobytes())


def distance(a: Image.Image, b: Image.Image) -> float:
    return sum(abs(x - y) for x, y in zip(small(a), small(b))) / SIDE ** 2


def pdf_images(path) -> list[tuple[bytes, Image.Image]]:
    """Every image XObject in the file: its stream bytes and the decoded picture."""
    reader = PdfReader(path)
    found = []
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(number)
        except Exception:
            continue
        if isinstance(obj, StreamObject) and obj.get("/Subtype") == "/Image":
            raw = obj.get_data()
            filters = obj.get("/Filter")
            if filters == "/DCTDecode" or (isinstance(filters, list) and filters[-1] == "/DCTDecode"):
                picture = Image.open(io.BytesIO(raw))
            else:
                mode = "RGB" if obj.get("/ColorSpace") == "/DeviceRGB" else "L"
                picture = Image.frombytes(mode, (int(obj["/Width"]), int(obj["/Height"])), raw)
            found.append((raw, picture))
    return found


@pytest.fixture
def faces_case(case, tmp_path):
    """An open incident with two photos as context: one of people's faces
    (flagged), one of a place (not flagged)."""
    with case.session() as s:
        s.add(Incident(title="Detention at the roadblock"))
    originals = {}
    for name, seed in (("faces.jpg", 1), ("street.jpg", 2)):
        (tmp_path / name).write_bytes(detailed_jpeg(seed))
        item = intake(case, tmp_path / name, link=("INC-0001", "context"))
        originals[name] = (item.code, (tmp_path / name).read_bytes())
    with case.session() as s:
        s.scalars(select(Evidence).where(Evidence.code == originals["faces.jpg"][0])).one().shows_faces = True
    return case, originals


def test_blur_destroys_detail_and_keeps_no_metadata():
    original = detailed_jpeg(3)
    blurred = blur(original)
    assert blurred is not None and blurred != original and b"Exif" not in blurred
    picture = Image.open(io.BytesIO(blurred))
    assert distance(picture, Image.open(io.BytesIO(original))) > NEAR
    # what is left varies only from block to block: between two neighbouring
    # pixels inside a block there is almost no difference, in the original a lot
    def detail(image: Image.Image) -> float:
        grey = image.convert("L").resize((BLOCKS * 8, BLOCKS * 6)).tobytes()
        return sum(abs(a - b) for a, b in zip(grey, grey[1:])) / len(grey)

    assert detail(picture) < detail(Image.open(io.BytesIO(original))) / 5
    assert blur(b"not a picture") is None and blur(b"") is None


def test_apply_faces_counts_what_it_did():
    images = {1: detailed_jpeg(1), 2: detailed_jpeg(2)}
    blurred, counts = apply_faces(images, {1}, "blur")
    assert counts == {"faces_blurred": 1} and blurred[2] == images[2] and blurred[1] != images[1]
    omitted, counts = apply_faces(images, {1}, "omit")
    assert counts == {"faces_omitted": 1} and set(omitted) == {2}
    with pytest.raises(InvalidInput):
        apply_faces(images, {1}, "pixelate")


@pytest.mark.parametrize("profile", ["partner", "public"])
def test_shared_dossier_shows_no_face_not_even_a_near_copy(faces_case, tmp_path, profile):
    case, originals = faces_case
    faces = Image.open(io.BytesIO(originals["faces.jpg"][1]))
    street = Image.open(io.BytesIO(originals["street.jpg"][1]))
    out = tmp_path / f"{profile}.pdf"
    result = write_dossier(case, out, profile=profile)
    images = pdf_images(out)
    assert images, "the pictures are shown (the street as it is, the faces blurred)"
    for raw, picture in images:
        assert raw != originals["faces.jpg"][1]
        assert distance(picture, faces) > NEAR, "a near copy of the faces picture is in the PDF"
    # the comparison does find a copy: the street picture, not flagged, is there
    assert min(distance(picture, street) for _, picture in images) < NEAR
    assert result.withheld["faces_blurred"] == 1
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Images showing people's faces, blurred" in text


def test_full_dossier_keeps_the_picture(faces_case, tmp_path):
    case, originals = faces_case
    faces = Image.open(io.BytesIO(originals["faces.jpg"][1]))
    write_dossier(case, tmp_path / "full.pdf", profile="full")
    assert min(distance(picture, faces) for _, picture in pdf_images(tmp_path / "full.pdf")) < NEAR


def test_left_out_and_counted_from_the_command_line(faces_case, tmp_path):
    case, originals = faces_case
    path = case.path
    case.close()
    out = tmp_path / "public.pdf"
    run = subprocess.run([*CLI, "export", str(path), "--format", "pdf", "--profile", "public", "--faces", "omit",
                          "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    faces = Image.open(io.BytesIO(originals["faces.jpg"][1]))
    street = Image.open(io.BytesIO(originals["street.jpg"][1]))
    images = pdf_images(out)
    assert all(distance(picture, faces) > NEAR for _, picture in images)
    assert min(distance(picture, street) for _, picture in images) < NEAR
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Images showing people's faces, left out 1" in " ".join(text.split())
    bad = subprocess.run([*CLI, "export", str(path), "--format", "pdf", "--profile", "public", "--faces", "hide",
                          "-o", str(tmp_path / "x.pdf")], capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr  # argparse: a usage error


def test_the_flag_is_set_on_the_command_line_and_carried_in_csv_and_json(case, tmp_path):
    path = case.path
    with case.session() as s:
        s.add(Incident(title="Detention at the roadblock"))
    case.close()
    (tmp_path / "crowd.jpg").write_bytes(detailed_jpeg(5))
    (tmp_path / "street.jpg").write_bytes(detailed_jpeg(6))

    def cli(*args):
        return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=300)

    added = cli("add-evidence", path, tmp_path / "crowd.jpg", "--shows-faces", "--link", "INC-0001",
                "--relation", "context")
    assert added.returncode == 0, added.stderr
    assert cli("add-evidence", path, tmp_path / "street.jpg").returncode == 0
    marked = cli("shows-faces", path, "EVI-0002")
    assert marked.returncode == 0 and "EVI-0002" in marked.stdout
    unknown = cli("shows-faces", path, "EVI-0001", "EVI-0099")
    assert unknown.returncode == 1 and len(unknown.stderr.strip().splitlines()) == 1
    assert cli("shows-faces", path, "EVI-0002", "--no").returncode == 0
    assert cli("export", path, "--format", "csv", "--profile", "public", "-o", tmp_path / "csv").returncode == 0
    assert cli("export", path, "--format", "json", "-o", tmp_path / "full.json").returncode == 0
    import csv
    import json

    with open(tmp_path / "csv" / "evidence.csv", encoding="utf-8-sig") as f:
        rows = {row["code"]: row["shows_faces"] for row in csv.DictReader(f)}
    assert rows["EVI-0001"].lower() in ("true", "1", "yes") and rows["EVI-0002"].lower() in ("false", "0", "no")
    doc = json.loads((tmp_path / "full.json").read_text(encoding="utf-8"))
    assert {e["code"]: e["shows_faces"] for e in doc["evidence"]} == {"EVI-0001": True, "EVI-0002": False}
