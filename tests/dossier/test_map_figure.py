"""The dossier's map: drawn after redaction; a public dossier's map has no
place used only by a confidential incident, and map tiles print upright."""

from __future__ import annotations

import io
import re
import sqlite3

from pypdf import PdfReader

from casefile.dossier.writer import write_dossier
from casefile.services import records
from casefile.services.views import tiles

from .conftest import every_byte, image_streams, leaks, pdf_text


def _case(case):
    safe = records.create(case, "place", name="Casa Escondida de Rosa", latitude=16.9, longitude=-99.1,
                          precision="exact", state="Guerrero", country="México")
    plaza = records.create(case, "place", name="Plaza Ayutla", latitude=16.9647, longitude=-99.0939,
                           precision="municipality", state="Guerrero", country="México")
    records.create(case, "incident", title="Witness sheltered", place_id=safe, confidential=True)
    records.create(case, "incident", title="Detention at the plaza", place_id=plaza)


def test_a_public_dossier_map_has_no_place_used_only_by_a_confidential_incident(case, tmp_path):
    _case(case)
    full, public = tmp_path / "full.pdf", tmp_path / "public.pdf"
    write_dossier(case, full, profile="full")
    write_dossier(case, public, profile="public")
    assert "Map of the incidents' places" in pdf_text(full)
    assert "Casa Escondida de Rosa" in pdf_text(full)
    assert "Map of the incidents' places" in pdf_text(public) and "Plaza Ayutla" in pdf_text(public)
    assert not leaks(public, "Casa Escondida de Rosa")
    assert "GeoNames" in pdf_text(public)


def test_imported_tiles_print_in_the_dossier_map(case, tmp_path):
    import mercantile
    from PIL import Image

    source = tmp_path / "t.mbtiles"
    conn = sqlite3.connect(source)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", [("name", "T"), ("format", "jpg"),
                     ("bounds", "-100.5,16.0,-98.0,18.0"), ("attribution", "Tiles by the team")])
    buffer = io.BytesIO()
    picture = Image.new("RGB", (256, 256), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"
    picture.save(buffer, "JPEG", exif=exif)
    for tile in mercantile.tiles(-100.5, 16.0, -98.0, 18.0, zooms=list(range(5, 11))):
        conn.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                     (tile.z, tile.x, (1 << tile.z) - 1 - tile.y, buffer.getvalue()))
    conn.commit()
    conn.close()
    tiles.import_tiles(source)
    _case(case)
    out = tmp_path / "tiles.pdf"
    write_dossier(case, out, profile="public")
    assert "Tiles by the team" in pdf_text(out)
    # ReportLab's graphics draw rasters as inline images (BI ... EI), not image objects.
    assert re.search(rb"BI\s*/W \d+", every_byte(out)) or image_streams(out)
    assert not leaks(out, "SecretCameraMaker")
    assert len(PdfReader(out).pages) > 1
